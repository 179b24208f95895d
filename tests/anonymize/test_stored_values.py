"""Values a command stores under a key it names (``stored_values``): ``VERB [SCOPE] KEY VALUE``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.anonymize import Anonymizer, stored_values


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


# Pieces the verbs are made of, their neighbours and look-alikes (``reset``, ``output``, ``Set-``).
VERB_PIECES = ["set", "setenv", "setx", "set-item", "put", "write", "new-item", "re", "out"]
VERB_PIECES += ["x", "env", "-", "item", " ", "\t", "\n", ":", "_", "--", "S", "PUT", "é", "İ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VERB_PIECES), max_size=30))
def test_verbs_are_the_verb_regex_matches(pieces: list[str]) -> None:
    """The verbs found from ``str.find`` are ``LOWER_VERB``'s ``finditer`` of the lower-case text."""
    lowered = "".join(pieces).lower()
    found = [match.span() for match in stored_values.verbs(lowered)]
    assert found == [match.span() for match in stored_values.LOWER_VERB.compiled.finditer(lowered)]


def words_before(subject: str, start: int) -> bool:
    """``at_command`` as it read the words before a verb: every word of the line split."""
    line = subject.rfind("\n", max(0, start - 300), start) + 1
    for found in stored_values.COMMAND_START.compiled.finditer(subject, line, start):
        line = found.end()
    words = subject[line:start].split()
    return len(words) <= stored_values.MAX_BEFORE and not any(w[-1] in ".,!?" for w in words)


LINE_PIECES = ["sudo", "redis-cli", "-h", "h", "the", "end.", "ok,", "$ ", "# ", "| ", ";", "&&"]
LINE_PIECES += [" ", "  ", "\t", "\n", "(", "`", "> ", "a" * 40, "x;y", "$", "%", ">", "a.", "z"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=40))
def test_at_command_counts_the_words_as_a_whole_split(pieces: list[str]) -> None:
    """Split from the right at most ``MAX_BEFORE`` times, the words before a verb say the same."""
    subject = "".join(pieces) + "set "
    assert stored_values.at_command(subject, len(subject) - 4) == words_before(
        subject, len(subject) - 4
    )
