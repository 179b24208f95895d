"""One value semantics for the setter readers (``setters.setter_value``), and git's public
settings for every reader of git's settings (``git_settings``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import setters
from fedlearn.anonymize.git_settings import is_public_setting

from .conftest import in_mode

# A weak password that reads as a dictionary word: what the three readers once judged apart.
WORD = "sunshine"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # setting_writes
        (f"$ gsettings set org.ledger.sync password {WORD}", "sync password "),
        (f"mac:~ dev$ defaults write com.ledger.app Password -string {WORD}", "-string "),
        (f"$ launchctl setenv LEDGER_PASSWORD {WORD}; open -a Ledger", "LEDGER_PASSWORD "),
        # directives
        (f"SetEnv DB_PASSWORD {WORD}", "SetEnv DB_PASSWORD "),
        (f"set -gx DB_PASSWORD {WORD}", "set -gx DB_PASSWORD "),
        (f"server {{\n  set $upstream_pass {WORD};\n}}", "set $upstream_pass "),
        (f"git config --global relay.smtp-pass {WORD}", "relay.smtp-pass "),
        # stored_values
        (f"setenv DB_PASSWORD {WORD}", "setenv DB_PASSWORD "),
        (f"redis-cli SET db_password {WORD}", "SET db_password "),
        (f"etcdctl put /app/db_password {WORD} && echo ok", "/app/db_password "),
        (f"netlify env:set CLIENT_SECRET {WORD} --context production", " --context production"),
        (f'{{"cmd": "fw_setenv password {WORD}"}}', "fw_setenv password "),
    ],
)
def test_a_word_that_ends_a_setter_is_its_value(text: str, kept: str) -> None:
    """A bare dictionary word under a secret key that ends the command is redacted, whichever
    reader reads the form (shell, config, JSON; with the RE2 sets and without)."""
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert WORD not in out and "<redacted:" in out and kept in out, out


@pytest.mark.parametrize(
    "text",
    [
        # prose a verb's reading takes for a command: more words follow the word
        "pg_virtualenv: Write temporary password file before chowning the file.",
        "$ ipmitool user set password 3 <redacted:password>\n"
        "Set User Password command successful (user 3)",
        "Write the relay password file before the restart",
        "then put the token somewhere safe and rotate it",
        # references and a command's output, in each reader's forms
        "setenv DB_PASSWORD $DB_PASSWORD",
        "SetEnv DB_PASSWORD ${DB_PASSWORD}",
        "$ launchctl setenv LEDGER_PASSWORD $LEDGER_PASSWORD",
        'set smtp_pass = "`pass show mail/reports`"',
        'git config --global relay.smtp-pass "$(pass show relay)"',
        # names under keys that name no secret
        f"redis-cli SET theme {WORD}",
        f"$ gsettings set org.gnome.desktop.interface gtk-theme {WORD}",
    ],
)
def test_prose_and_references_stay(text: str) -> None:
    """A word more words follow, a reference and a command's output stay, for every reader."""
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("set password sunshine", 21, True),
        ("set password sunshine\n", 21, True),
        ("set password sunshine; ls", 21, True),
        ("set password sunshine | tee", 21, True),
        ("set password sunshine # rotated", 21, True),
        ("(set password sunshine)", 22, True),
        ("set password sunshine --stack dev", 21, True),
        ('"set password sunshine"', 22, True),
        ("'set password sunshine\\nls'", 22, True),
        ("set password sunshine before", 21, False),
        ('set password sunshine "and more"', 21, False),
        ("set password sunshine, then", 21, False),
        ("set password sunshine - then", 21, False),
    ],
)
def test_ends_command(text: str, end: int, expected: bool) -> None:
    """A command ends at the line's end, an operator, a comment, a parenthesis or a flag."""
    assert setters.ends_command(text, end) is expected


SIGNING = "3AA5C34371567BD2"


@pytest.mark.parametrize(
    "text",
    [
        f"git config --global user.signingkey {SIGNING}",  # directives
        f"git config set user.signingKey {SIGNING}",
        f"$ git config --get-regexp '^user'\nuser.name Anna\nuser.signingkey {SIGNING}\n",  # listing
        f"user.signingkey {SIGNING}",  # a listing's line alone (spaced_pairs)
        f"$ git config --global --get user.signingkey\n{SIGNING}",  # setting_reads
        f"$ git config -l\nuser.signingkey={SIGNING}\ncore.editor=vim",  # assignments
        f"$ git config --list --show-origin\nfile:.git/config\tuser.signingkey={SIGNING}",
    ],
)
def test_git_public_settings_stay_for_every_reader(text: str) -> None:
    """``user.signingkey`` (a GPG key's id, an SSH public key or its path) stays, read in any of
    git's forms."""
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        f"$ git config --get-regexp relay\nrelay.pwd {SIGNING}",
        f"$ git config --global --get sendemail.smtpPass\n{SIGNING}",
        f"$ git config -l\nsendemail.smtpPass={SIGNING}",
        f'{{"webhookSigningKey": "{SIGNING}"}}',
        f"SIGNING_KEY={SIGNING}",
    ],
)
def test_other_settings_and_signing_keys_are_redacted(text: str) -> None:
    """git's other secret settings, and a signing key named outside git's settings, go."""
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert SIGNING not in out and "<redacted:" in out, out


def test_public_setting_names_read_in_any_case() -> None:
    """git reads a setting's section and key in any case; a subsection is no part of these."""
    assert is_public_setting("user.signingkey")
    assert is_public_setting("User.SigningKey")
    assert not is_public_setting("signingkey")
    assert not is_public_setting("hook.signingkey")


TOKEN = "Xq8mW2pL7kZrT4aa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a scheme word and its credentials: the scheme rules', which keep the word
            f'RequestHeader set Authorization "Bearer {TOKEN}"',
            'RequestHeader set Authorization "Bearer <redacted:authorization>"',
        ),
        (
            f'$ launchctl setenv AUTHORIZATION "Bearer {TOKEN}"',
            '$ launchctl setenv AUTHORIZATION "Bearer <redacted:authorization>"',
        ),
        (  # one word: no scheme, judged as any value
            f"SetEnv AUTHORIZATION {TOKEN}",
            "SetEnv AUTHORIZATION <redacted:authorization>",
        ),
        (
            f"redis-cli SET authorization {TOKEN}",
            "redis-cli SET authorization <redacted:authorization>",
        ),
        (
            f"mac:~ dev$ defaults write com.ledger.app Authorization -string {TOKEN}",
            "mac:~ dev$ defaults write com.ledger.app Authorization -string <redacted:authorization>",
        ),
    ],
)
def test_authorization_values_read_alike(text: str, expected: str) -> None:
    """An ``Authorization`` setting's value is read one way by every setter reader."""
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected
