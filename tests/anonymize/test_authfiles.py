"""Passwords in daemons' credential files: ppp, pgbouncer, rsyncd, Deluge, Jetty."""

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
        (
            "# ~/.config/deluge/auth\nlocalclient:da39a3ee5e6b4b0d3255bfef95601890afd80709:10\n"
            "svc-deploy:ksqxv0hkdkli9s71bd7ebfl5cijbab7f:10",
            "# ~/.config/deluge/auth\nlocalclient:<redacted:password>:10\n"
            "svc-deploy:<redacted:password>:10",
        ),
        (
            "$ cat /var/lib/deluged/config/auth\nanna:correct-horse:5",
            "$ cat /var/lib/deluged/config/auth\nanna:<redacted:password>:5",
        ),
        (
            "# etc/realm.properties\nlooker_client: x0790gmxnhfxcvlseem7vpe3,admin,user\n"
            "guest: OBF:1xmk1w261u9r1w1c1xmq,user\nops=MD5:164c88b302622e17050af52c89945d44,admin",
            "# etc/realm.properties\nlooker_client: <redacted:password>,admin,user\n"
            "guest: OBF:<redacted:password>,user\nops=MD5:<redacted:password>,admin",
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
        "see deluge/authentication.md\nfoo:bar123:5",  # no auth file named
        "# ~/.config/deluge/auth\nlisten:0.0.0.0:58846\ntime:12:30",  # no level after a value
        "realm.properties holds the users\njetty.home: /opt/jetty\nstatus: ok",  # no role
    ],
)
def test_other_lines_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose, files, references, empty or ``*`` secrets and lines of unnamed files stay."""
    assert anonymizer.anonymize(text) == text
