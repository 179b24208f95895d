"""Forms bench/contexts35 still leaked: OpenLDAP's ``olcRootPW`` (a camelCase key ending in ``PW``,
``key_shapes``), TeamSpeak ServerQuery's ``login USER PASSWORD`` (``wire_logins``), and an OpenVPN
``auth-user-pass`` file printed by ``cat`` (``password_files``); and their look-alikes that stay."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"dn: olcDatabase={{1}}mdb,cn=config\nchangetype: modify\nreplace: olcRootPW\nolcRootPW: {MIXED}",
            "dn: olcDatabase={1}mdb,cn=config\nchangetype: modify\nreplace: olcRootPW\nolcRootPW: <redacted:password>",
        ),
        (f'{{"olcRootPW": "{LOWER}"}}', '{"olcRootPW": "<redacted:password>"}'),
        (f"ldapRootPW={MIXED}", "ldapRootPW=<redacted:password>"),
        (
            f"$ telnet ts.example.com 10011\nWelcome to the TeamSpeak 3 ServerQuery interface\n"
            f"login serveradmin {LOWER}\nerror id=0 msg=ok",
            "$ telnet ts.example.com 10011\nWelcome to the TeamSpeak 3 ServerQuery interface\n"
            "login serveradmin <redacted:password>\nerror id=0 msg=ok",
        ),
        ("  login root hunter22\r\n", "  login root <redacted:password>\r\n"),
        (
            f"$ sudo cat /etc/openvpn/client/acme.auth\nsvc-deploy\n{MIXED}\n"
            "$ sudo openvpn --config acme.ovpn --auth-user-pass /etc/openvpn/client/acme.auth",
            "$ sudo cat /etc/openvpn/client/acme.auth\nsvc-deploy\n<redacted:password>\n"
            "$ sudo openvpn --config acme.ovpn --auth-user-pass /etc/openvpn/client/acme.auth",
        ),
        (
            f'{{"conf": "auth-user-pass /etc/openvpn/pass.txt", "out": "$ cat pass.txt\\nann\\n{LOWER}\\n"}}',
            '{"conf": "auth-user-pass /etc/openvpn/pass.txt", "out": "$ cat pass.txt\\nann\\n<redacted:password>\\n"}',
        ),
    ],
)
def test_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "maxPW: 2500",
        "cpuPW: 65.55",
        "boardPW = 1200W",
        "olcRootPW: $OLC_ROOT_PW",
        "  login admin failed",
        "login -f jdoe1",
        "login as root",
        "Last login: Mon Dec  7 10:56:20 2026 from 192.0.2.4",
        "login serveradmin $TS_QUERY_PASSWORD",
        "login serveradmin <password>",
        "$ cat notes.txt\nhello\nworld1234\n$ openvpn --auth-user-pass /etc/openvpn/creds.txt",
        "$ cat /etc/openvpn/client/acme.auth\nsvc-deploy\n$VPN_PASSWORD\n"
        "$ openvpn --auth-user-pass /etc/openvpn/client/acme.auth",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
