"""Values a command stores under a key it names (``stored_values``): ``VERB [SCOPE] KEY VALUE``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("redis-cli -h cache01 SET api_key Xq8mW2pL7kZr", "SET api_key "),
        ("etcdctl put /config/db_password Hq7mX2pL9wQz", "put /config/db_password "),
        ("consul kv put app/prod/client_secret Wq8xK2mZ7LpN", "app/prod/client_secret "),
        ("defaults write com.example.app Password Kq8xW2mZ7Lp", "Password "),
        ('defaults write com.example.app SecretToken -string "T3DJFUi4tVIP"', '-string "'),
        ("dconf write /org/example/app/api-key \"'x8uG7Xmewla2'\"", "api-key \"'"),
        ("glab variable set DEPLOY_TOKEN MG0I6KRGbq7Z", "DEPLOY_TOKEN "),
        ("netlify env:set AUTH_TOKEN Hq7mX2pL9wQz", "AUTH_TOKEN "),
        ("setenv PASSWORD WqyfkrFAZd6x", "setenv PASSWORD "),
        ("set db_password = Pq7mX2nL9wZk", "set db_password = "),
        ("setx API_KEY Zq8w1AaB7cRt /M", "setx API_KEY "),
        ("fw_setenv password O1SPOJGgmh6I", "fw_setenv password "),
        ("Set-Item Env:PASSWORD GScrkFtYSEinxsN", "Env:PASSWORD "),
        ("New-Item -Path Env:PASSWORD -Value Ihs4R2mBXPMYy", "-Value "),
        ("conda config --set password h4tsfgzbGIoHHWE", "--set password "),
    ],
)
def test_stored_values_are_redacted(anonymizer: Anonymizer, text: str, kept: str) -> None:
    """The value a setter command stores under a secret's key is redacted, in several frames;
    the command, its scope and the key stay."""
    for framed in (text, f"$ sudo {text}", f"ops@box:~$ {text} && echo ok", f"```\n{text}\n```"):
        out = anonymizer.anonymize(framed)
        assert "<redacted:" in out and kept in out, out


@pytest.mark.parametrize(
    "text",
    [
        "redis-cli SET session:42 1",
        "redis-cli SET api_key $API_KEY",
        "setenv PASSWORD ${PASSWORD}",
        "defaults write com.apple.dock autohide -bool true",
        "defaults write com.example.app FontSize 12",
        "gsettings set org.gnome.desktop.interface font-name 'Cantarell 11'",
        "etcdctl put /config/log_level debug",
        "consul kv put app/token_ttl 3600",
        "set password_length = 24",
        "set -o pipefail",
        "git config --global user.signingkey",
        "you can set the password in the admin panel",
        "then write the token to disk and set key permissions 0600",
        "fw_setenv bootdelay 3",
        "pg_virtualenv: Write temporary password file before chowning the file.",
        "setenv PASSWORD changeme",
        'set smtp_pass = "`pass show mail/reports`"',
        'set smtp_pass = "$(pass show mail/reports)"',
        "setx PATH C:/tools/bin",
        "Set-Item Env:TOKEN_FILE C:/secrets/token.txt",
        "etcdctl put /registry/secrets/default/api-token-abcde {}",
    ],
)
def test_stored_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Non-secret keys, references, counts, paths, options and prose stay."""
    assert anonymizer.anonymize(text) == text
