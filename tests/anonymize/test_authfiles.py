"""Passwords in daemons' credential files: ppp, pgbouncer, rsyncd."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MD5 = "md5" + "3f1c9a0b7e2d4c6a8b0f1e3d5c7a9b2e"
SCRAM = "SCRAM-SHA-256$4096:bWFkZXVwc2FsdA==$c3RvcmVka2V5c3RvcmVka2V5c3Q=:c2VydmVya2V5c2VydmVy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ sudo cat /etc/ppp/chap-secrets\n# client\tserver\tsecret\tIP addresses\n"
            '"dialin"\t*\t"Qm7!vR2p x"\t*\nbob pptpd Kw3#nb8Tq 192.0.2.7 192.0.2.0/24',
            "$ sudo cat /etc/ppp/chap-secrets\n# client\tserver\tsecret\tIP addresses\n"
            '"dialin"\t*\t"<redacted:password>"\t*\nbob pptpd <redacted:password> 192.0.2.7'
            " 192.0.2.0/24",
        ),
        (
            "pap-secrets:\n  isp-login  *  zN8#pL1qW",
            "pap-secrets:\n  isp-login  *  <redacted:password>",
        ),
        (f'"analytics" "{MD5}"', '"analytics" "<redacted:password>"'),
        (f'users:\n"postgres"  "{SCRAM}"', 'users:\n"postgres"  "<redacted:password>"'),
        (
            '[pgbouncer]\nauth_file = users.txt\n---\n"app" "p4ss w0rd!"\n"ro" ""',
            '[pgbouncer]\nauth_file = users.txt\n---\n"app" "<redacted:password>"\n"ro" ""',
        ),
        (
            "secrets file = /etc/rsync.pw\n$ cat /etc/rsync.pw\nmirror:Hv6^ttq0e\n@ops:Lr2%kk7Wz",
            "secrets file = /etc/rsync.pw\n$ cat /etc/rsync.pw\nmirror:<redacted:password>\n"
            "@ops:<redacted:password>",
        ),
    ],
)
def test_credential_file_lines_lose_their_password(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The password column of a named credential file, or a pgbouncer hash anywhere, goes."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I added my line to chap-secrets and the peer still fails to authenticate",
        "# /etc/ppp/chap-secrets\nbob pptpd @/etc/ppp/bob.secret *\nalice * $ALICE_PW *",
        '"chap-secrets" "pap-secrets"',
        '# userlist.txt\n"app" ""\n"ro" "*"',
        '"name" "value"\n"other" "thing"',
        "rsyncd.secrets\nlocalhost:873\nsee:https://example.org",
        'pool "md5" "sha256"',
    ],
)
def test_other_lines_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose, files, references, empty or ``*`` secrets and lines of unnamed files stay."""
    assert anonymizer.anonymize(text) == text
