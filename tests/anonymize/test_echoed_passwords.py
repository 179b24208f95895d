"""Passwords a password command echoes (``anonymize.echoed_passwords``)."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'export BORG_PASSCOMMAND="echo C9i55NfxSZ_yej"',
            'export BORG_PASSCOMMAND="echo <redacted:password>"',
        ),
        (
            "RESTIC_PASSWORD_COMMAND='echo -n gjuC8xdxVD%cH9' restic backup /srv",
            "RESTIC_PASSWORD_COMMAND='echo -n <redacted:password>' restic backup /srv",
        ),
        (
            "restic -r /mnt/repo --password-command 'printf %s gjuC8xdxVD%cH9' snapshots",
            "restic -r /mnt/repo --password-command 'printf %s <redacted:password>' snapshots",
        ),
        (
            "rclone --password-command 'echo Xk9mPq2Lw7z' config show",
            "rclone --password-command 'echo <redacted:password>' config show",
        ),
        ('PassCmd "echo Tr0ub4dor3x"', 'PassCmd "echo <redacted:password>"'),
        ('passwordeval "echo Qx7pl9Rm2"', 'passwordeval "echo <redacted:password>"'),
        (
            "backup:\n  password_command: printf '%s\\n' Zq8vT1mN4p\n",
            "backup:\n  password_command: printf '%s\\n' <redacted:password>\n",
        ),
    ],
)
def test_the_literal_a_password_command_echoes_is_a_password(text: str, expected: str) -> None:
    """``echo V``/``printf '%s' V`` as a password command: V is the password, on both paths."""
    for use_re2 in (True, False):
        anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
        assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'export BORG_PASSCOMMAND="pass show borg/repo"',
        'export BORG_PASSCOMMAND="cat /run/secrets/borg"',
        "restic --password-command 'security find-generic-password -s restic -w' backup",
        'export BORG_PASSCOMMAND="echo $BORG_PASS"',
        'passwordeval "gpg -q --for-your-eyes-only -d ~/.msmtp.gpg"',
        "echo done > /tmp/command.log",
    ],
)
def test_a_command_that_reads_a_store_or_a_variable_stays(
    anonymizer: Anonymizer, text: str
) -> None:
    """A store, a file, a decrypting command or a ``$VARIABLE`` holds no literal password."""
    assert anonymizer.anonymize(text) == text
