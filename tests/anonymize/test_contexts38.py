"""Forms found by bench/contexts38 (process and OS introspection, tool reports): auditd's
hex-encoded ``EXECVE`` arguments and ``PROCTITLE`` and its quoted ``a2="-pV"`` (``audit_records``);
values whose key is a neighbouring slot: unattend.xml ``<Password><Value>``, a plist's argv
``<string>``, ``python -m dis``'s ``LOAD_CONST``/``STORE_NAME``, ``pickletools``' dict strings,
phpinfo()'s table rows, PsySH's ``= "V"``, proxychains' ``ProxyList``, D-Bus Secret structs and
secret-named methods (``slot_values``); credential testers' and scanners' findings (``cracked``);
and what stays: the same forms with ids, digests, references and public values."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
MD5 = "47290b5b69a28894016559bf2402cb42"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")
TS = "msg=audit(1765099242.123:4211):"


def hexed(text: str) -> str:
    return text.encode().hex().upper()


FOUND = [
    # audit_records: a hex argument, a hex proctitle (NUL between arguments), a quoted -pV
    (
        f'type=EXECVE {TS} argc=5 a0="curl" a1="-sS" a2="-H" a3={hexed("X-Api-Key: " + MIXED)} a4="https://api.example.com"',
        ("encoded-secret",),
    ),
    (
        f"type=PROCTITLE {TS} proctitle={hexed('app-cli' + chr(0) + 'login' + chr(0) + '--password ' + MIXED)}",
        ("encoded-secret",),
    ),
    (f'type=EXECVE {TS} argc=3 a0="mysql" a1="-usvc" a2="-pWinter2026fx"', ("encoded-secret",)),
    (
        f"audit: type=1327 audit(1765099242.123:4211): proctitle={hexed('python3' + chr(0) + 'sync.py' + chr(0) + '--api-token' + chr(0) + LOWER)}",
        ("encoded-secret",),
    ),
    # slot_values: XML under a password element, an argv in a plist, bytecode, pickletools
    (
        f"<UserAccounts>\n  <AdministratorPassword>\n    <Value>{MIXED}</Value>\n    <PlainText>true</PlainText>",
        ("password",),
    ),
    (f"<AutoLogon><Password><Value>{LOWER}</Value></Password></AutoLogon>", ("password",)),
    (
        f"<array>\n    <string>/usr/local/bin/agent</string>\n    <string>--api-token</string>\n    <string>{MIXED}</string>\n</array>",
        ("token",),
    ),
    (
        f"  2           2 LOAD_CONST               0 ('{MIXED}')\n              4 STORE_NAME               0 (ACME_API_KEY)",
        ("api-key",),
    ),
    (
        f"   18: \\x8c SHORT_BINUNICODE 'client_secret'\n   30: \\x94 MEMOIZE    (as 2)\n   31: \\x8c SHORT_BINUNICODE '{LOWER}'",
        ("secret",),
    ),
    (f'<tr><td class="e">DB_PASSWORD </td><td class="v">{MIXED} </td></tr>', ("password",)),
    (f'<tr><td class="e">$_ENV[\'ACME_TOKEN\']</td><td class="v">{LOWER}</td></tr>', ("token",)),
    (f"> config('services.acme.api_key')\n= \"{MIXED}\"", ("api-key",)),
    (f"[ProxyList]\nsocks5\t10.20.0.9\t1080\tsvc\t{MIXED}", ("password",)),
    # slot_values: D-Bus Secret Service struct, a method whose member names a secret
    (
        "method call time=1.2 sender=:1.42 -> destination=org.freedesktop.secrets serial=17 path=/x; "
        f'interface=org.freedesktop.Secret.Collection; member=CreateItem\n   struct {{\n      array of bytes "{MIXED}"\n   }}',
        ("password",),
    ),
    (
        f'‣ Type=method_call  Cookie=42\n  Sender=:1.42  Path=/org/acme/Agent  Member=SetToken\n  MESSAGE "s" {{\n          STRING "{LOWER}";\n  }};',
        ("password",),
    ),
    (
        f'method call time=1.2 sender=:1.9 -> destination=org.acme.Agent serial=3 path=/a; interface=org.acme.Agent; member=SetPassword\n   string "{MIXED}"',
        ("password",),
    ),
    # cracked: netexec, nmap brute, hashcat --show, john --show, trufflehog
    (f"SMB   10.20.0.5   445  FS01  [+] CORP\\svc-deploy:{MIXED} (Pwn3d!)", ("password",)),
    (
        f"| http-brute:\n|   Accounts:\n|     admin:{LOWER} - Valid credentials\n|_  Statistics: x",
        ("password",),
    ),
    (f"$ hashcat -m 0 hashes.txt --show\n{MD5}:{MIXED}", ("password",)),
    (
        f"$ john --show shadow.txt\nsvc:{LOWER}:1001:1001::/var/lib/svc:/bin/bash\n\n1 password hash cracked",
        ("password",),
    ),
    (f"Found verified result\nDetector Type: Acme\nRaw result: {MIXED}\nFile: .env", ("password",)),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert MIXED not in out
    assert LOWER not in out
    assert hexed(MIXED) not in out
    assert tuple(REDACTED.findall(out)) == names


@pytest.mark.parametrize(
    "text",
    [
        # audit records of ordinary commands, and hex that is no text (a pointer, a digest)
        f"type=PROCTITLE {TS} proctitle={hexed('sha256sum' + chr(0) + '/var/lib/app/releases/app-1.2.3.tar.gz')}",
        f'type=EXECVE {TS} argc=3 a0="git" a1="checkout" a2="{SHA}"',
        f'type=SYSCALL {TS} arch=c000003e syscall=59 a0=55D0C2A1F2A0 a1=55D0C2A1E6B0 exe="/usr/bin/curl"',
        f'type=EXECVE {TS} argc=2 a0="sha256sum" a1={hexed("/srv/my files/report.pdf")}',
        f"a3={hexed('X-Api-Key: ' + MIXED)} outside any audit record",
        # XML values under other elements, argv of non-secret flags, bytecode of other names
        "<TimeZone>\n  <Value>UTC</Value>\n</TimeZone>",
        "<Password>\n  <Value>$(ADMIN_PASSWORD)</Value>\n</Password>",
        "<string>--config</string>\n<string>/etc/app/config.yaml</string>",
        f"  2           2 LOAD_CONST               0 ('{SHA}')\n              4 STORE_NAME               0 (GIT_COMMIT)",
        f"   18: \\x8c SHORT_BINUNICODE 'checksum'\n   31: \\x8c SHORT_BINUNICODE '{SHA}'",
        '<tr><td class="e">APP_ENV </td><td class="v">production </td></tr>',
        '<tr><td class="e">DB_PASSWORD </td><td class="v">******** </td></tr>',
        "> config('app.timezone')\n= \"UTC\"",
        "[ProxyList]\nsocks5\t127.0.0.1\t9050",
        # D-Bus: other members, another interface's byte arrays
        f'method call time=1.2 sender=:1.9 -> destination=org.acme serial=3 path=/a; interface=org.acme; member=GetVersion\n   string "{SHA}"',
        '   array of bytes "hello-world-value"',
        # tools: a found host without a login, a hash alone, passwd lines, redacted findings
        "SMB   192.0.2.5   445  FS01  [*] Windows Server 2022 Build 20348 x64 (name:FS01) (domain:CORP)",
        f"{MD5}  report.pdf",
        f"{SHA}:config/app.yml:generic-api-key:3",
        "svc:x:1001:1001::/var/lib/svc:/bin/bash",
        "root:*:0:0:root:/root:/bin/sh".replace("/root", "/var/empty"),
        "Raw result: $ACME_TOKEN",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
