"""Forms found by bench/contexts35 (network gear, directory and mail servers, wire and terminal
dumps): Redis RESP frames, SMTP ``AUTH PLAIN``/``AUTH LOGIN``, IMAP ``LOGIN``, POP3/FTP ``PASS``,
STOMP ``passcode``, expect's ``send`` (``wire_logins``); ``racadm -p``, net-snmp's ``-A``/``-X``/
``-c``, ``radtest``, ``ipmitool user set password``, Samba's ``net … -U u%V``
(``command_arguments``); IOS lines after a prompt, OSPF ``message-digest-key``, Junos ``set …
authentication-key`` (``netconfig``); a key and value wrapped in terminal colour escapes
(``escaped``); and what stays: the same forms with ids, references and defaults."""

from __future__ import annotations

import base64
import re

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")
PLAIN = base64.b64encode(f"\0svc-mail\0{MIXED}".encode()).decode()
LOGIN = base64.b64encode(MIXED.encode()).decode()

FOUND = [
    # wire_logins: Redis RESP, as lines, as strace prints it, an ACL user, CONFIG SET
    (f"*2\r\n$4\r\nAUTH\r\n$24\r\n{MIXED}\r\n", ("password",)),
    (
        f'write(7, "*2\\r\\n$4\\r\\nAUTH\\r\\n$24\\r\\n{MIXED}\\r\\n", 44) = 44',
        ("password",),
    ),
    (f"*3\n$4\nauth\n$7\ndefault\n$24\n{MIXED}\n+OK", ("password",)),
    (f"*4\n$6\nCONFIG\n$3\nSET\n$11\nrequirepass\n$28\n{LOWER}", ("password",)),
    (f"*4\n$6\nconfig\n$3\nset\n$11\nREQUIREPASS\n$24\n{MIXED}\n", ("password",)),
    (f"*5\n$5\nHELLO\n$1\n3\n$4\nAUTH\n$3\nops\n$24\n{MIXED}\n", ("password",)),
    # SMTP/IMAP AUTH PLAIN (RFC 4616), SMTP AUTH LOGIN
    (f"EHLO build-07\n250-AUTH PLAIN LOGIN\nAUTH PLAIN {PLAIN}\n235 2.7.0 ok", ("password",)),
    (f"a2 AUTHENTICATE PLAIN\n+ \nC: {PLAIN}\na2 OK", ("password",)),
    (
        f"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: c3ZjLW1haWw=\nS: 334 UGFzc3dvcmQ6\nC: {LOGIN}\n",
        ("password",),
    ),
    # IMAP LOGIN, POP3 and FTP PASS after USER
    (f'* OK Dovecot ready.\na1 LOGIN svc-mail "{MIXED}"\na1 OK Logged in', ("password",)),
    (f"+OK Dovecot ready.\nUSER svc-mail\n+OK\nPASS {MIXED}\n+OK Logged in.", ("password",)),
    (
        f"ftp> quote USER svc-ftp\n331 Please specify the password.\nftp> quote PASS {LOWER}\n230",
        ("password",),
    ),
    # STOMP CONNECT frame, expect script
    (f"> CONNECT\naccept-version:1.2\nhost:mq\nlogin:svc\npasscode:{MIXED}\n\n^@", ("password",)),
    (f'spawn ssh ops@bastion\nexpect "password:"\nsend "{MIXED}\\r"\nexpect "$ "', ("password",)),
    (f'expect {{ "*assword*" {{ send -- "{LOWER}\\r" }} }}', ("password",)),
    # command_arguments: racadm, net-snmp, radtest, ipmitool, Samba's net
    (f"$ racadm -r idrac-07 -u root -p {MIXED} getsysinfo", ("password",)),
    (
        f"$ snmpwalk -v3 -l authPriv -u ops -a SHA -A {MIXED} -x AES -X {LOWER} 10.0.0.1",
        ("password", "password"),
    ),
    (f"$ snmpget -v2c -c {MIXED} 10.0.0.1 sysDescr.0", ("password",)),
    (f"$ radtest ops {MIXED} 10.0.0.7 0 {LOWER}", ("password", "password")),
    (f"$ ipmitool -I lanplus -H bmc user set password 3 {MIXED}", ("password",)),
    (f"$ sudo net ads join -U admin%{MIXED} createcomputer=Servers", ("password",)),
    (f"NET USER deploy {MIXED} /add", ("password",)),
    # netconfig: a prompt before IOS's key line, OSPF, Junos set lines
    (f"sw-01(config-server-tacacs)#key 0 {MIXED}", ("password",)),
    (f"interface Gi0/1\n ip ospf message-digest-key 1 md5 {MIXED}", ("password",)),
    (f"[edit]\nadmin@mx# set protocols bgp group edge authentication-key {MIXED}", ("password",)),
    (f'set system radius-server 10.0.0.6 secret "{MIXED}"', ("secret",)),
    # escaped: colour escapes around a key and its value (tmux capture-pane -e)
    (f"\x1b[1mapi_token\x1b[0m = \x1b[33m{LOWER}\x1b[0m\r\n", ("token",)),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert MIXED not in out
    assert LOWER not in out
    assert PLAIN not in out
    assert tuple(REDACTED.findall(out)) == names


@pytest.mark.parametrize(
    "text",
    [
        f"*2\r\n$3\r\nGET\r\n$40\r\n{SHA}\r\n",
        "*2\n$4\nAUTH\n$16\n${REDIS_PASSWORD}",
        f"*3\n$6\nCONFIG\n$3\nSET\n$7\nmaxmemory\n$40\n{SHA}",
        "250-AUTH PLAIN LOGIN CRAM-MD5\n250 8BITMIME",
        f"AUTH PLAIN {base64.b64encode(SHA.encode()).decode()}",
        "S: 334 VXNlcm5hbWU6\nC: c3ZjLW1haWw=",
        "a1 LOGIN svc-mail {password}",
        "sudo login mira tty1",
        "2 login attempts failed",
        "a1 login mira hunter",
        "USER svc-mail\n+OK\nPASS $POP_PASSWORD",
        "CONNECT\naccept-version:1.2\nhost:mq\n\n^@",
        'expect "password:"\nsend "$env(SSH_PASS)\\r"',
        'expect "Continue?"\nsend "yes\\r"',
        "$ racadm -r idrac-07 -u root -p $IDRAC_PASSWORD getsysinfo",
        "$ snmpwalk -v2c -c public sw-core-01 ifDescr",
        "$ radtest ops $PASS localhost 0 $RADIUS_SECRET",
        "$ ipmitool -I lanplus -H bmc user list 1",
        "$ net ads info",
        f"sw-01#show running-config | include {SHA[:12]}",
        f"admin@mx# set system host-name edge-{SHA[:8]}",
        f"\x1b[1mcommit\x1b[0m = \x1b[33m{SHA}\x1b[0m",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
