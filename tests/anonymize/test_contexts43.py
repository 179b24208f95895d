"""Forms found by bench/contexts43 (thirty tools' configs and command lines not visited before):
IRC logins (``irc_logins``); NUT's ``MONITOR``, 3proxy's ``users`` and Nagios' ``$USERn$``
(``daemon_lines``); a Butane/Ignition file's ``data:`` URL under its path (``data_urls``); a
Wi-Fi join's and an LDAP bind's password by its place (``credential_calls``); the password flags
and places of NUT, WildFly, Redpanda, MaxScale and macOS tools (``password_commands``); aerc's
``*-cred-cmd`` (``echoed_passwords``); offlineimap's ``remotepasseval``, himalaya's ``auth.raw``,
Icinga 2's ``TicketSalt`` (``key_names``); and what stays: the same forms with flags, paths,
references, ids, and the look-alikes that were redacted (a JWK thumbprint under its key, an
IRCv3 ``msgid``, an Apps Script deployment id)."""

from __future__ import annotations

import base64
import json
import re

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import in_mode

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
WORDY = "314c_yb0i8nfmnuwedqb4r1vja1iqakg"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
UUID = "cf3ddada-0da7-4eca-9f86-f0a439160ccd"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


FOUND = [
    # irc_logins: services, a bouncer's PASS, a raw PASS before NICK, SASL PLAIN
    (f"/msg NickServ IDENTIFY svc-deploy {WORDY}", ("password",)),
    (f"/ns identify {LOWER}", ("password",)),
    (f"/msg NickServ REGISTER {WORDY} dev@example.org", ("password",)),
    (f"/msg NickServ SET PASSWORD {LOWER}", ("password",)),
    (f"/quote PASS svc-deploy/libera:{WORDY}", ("password",)),
    (f"PASS {LOWER}\r\nNICK ci-bot\r\nUSER ci-bot 0 * :CI bot", ("password",)),
    (
        f"CAP REQ :sasl\nAUTHENTICATE PLAIN\nAUTHENTICATE +\nAUTHENTICATE {b64('ci' + chr(0) + 'ci' + chr(0) + WORDY)}\n"
        ":tantalum.libera.chat 903 ci :SASL authentication successful",
        ("password",),
    ),
    # daemon_lines: NUT's MONITOR (quoted too), 3proxy's cleartext and NT entries, Nagios macros
    (
        f"# /etc/nut/upsmon.conf\nMONITOR ups@localhost 1 upsmon {WORDY} primary\nMINSUPPLIES 1",
        ("password",),
    ),
    (f'MONITOR rack-ups@10.0.0.5 1 monuser "{LOWER}" secondary', ("password",)),
    (
        f"auth strong\nusers ops:CL:{WORDY} bob:NT:8846f7eaee8fb117ad06bdd830b7586c\nallow ops",
        ("password", "password"),
    ),
    (f"$USER1$=/usr/lib/nagios/plugins\n$USER3$={LOWER}\n$USER4$=monitor", ("password",)),
    ("users ops:CR:$1$qwer$dZl1m0Bd6OJq3x8pPqGgA1", ("password-hash",)),  # crypt(3): its own rule
    # data_urls: Butane's percent-encoded and base64 data, Ignition's JSON
    (
        f"storage:\n  files:\n    - path: /etc/acme/api-token\n      mode: 0600\n      contents:\n        source: data:,{LOWER}",
        ("token",),
    ),
    (
        f"    - path: /etc/acme/db-password.txt\n      contents:\n        source: data:;base64,{b64(WORDY)}",
        ("password",),
    ),
    (
        json.dumps(
            {"path": "/etc/acme/client_secret", "contents": {"source": f"data:,{WORDY}%21"}}
        ),
        ("secret",),
    ),
    # credential_calls: a Wi-Fi join, an LDAP bind, by place
    (f">>> wlan.connect('lab-iot', '{LOWER}')", ("password",)),
    (f'  WiFi.begin("home-ssid", "{WORDY}");', ("password",)),
    (f'wifiMulti.addAP("office", "{LOWER}");', ("password",)),
    (f"conn.simple_bind_s(\"cn=admin,dc=acme,dc=example\", '{WORDY}')", ("password",)),
    (f'$ok = ldap_bind($ds, "cn=reader,dc=acme,dc=example", "{LOWER}");', ("password",)),
    # password_commands: the flags and the places of NUT, WildFly, Redpanda, MaxScale, macOS
    (f"$ upsrw -s input.transfer.low=100 -u admin -p {WORDY} ups@localhost", ("password",)),
    (f"$ upscmd -u admin -p {LOWER} ups@localhost test.battery.start.quick", ("password",)),
    (f"$ ./bin/add-user.sh -u admin -p '{WORDY}' -g admin", ("password",)),
    (f"C:\\wildfly\\bin> add-user.bat -u admin -p {LOWER}", ("password",)),
    (f"$ rpk acl user create ci -p {WORDY} --mechanism SCRAM-SHA-256", ("password",)),
    (f"$ maxctrl create user ci {LOWER} --type=admin", ("password",)),
    (f"$ sudo dscl . -passwd /Users/ci {WORDY}", ("secret-value",)),
    (f'$ networksetup -setairportnetwork en0 "acme-corp" {LOWER}', ("password",)),
    # echoed_passwords: aerc's credential command
    (f"source-cred-cmd = printf '%s' '{WORDY}'", ("password",)),
    # key_names: offlineimap's evaluated password, himalaya's raw one, Icinga's ticket salt
    (
        f"[Repository Remote]\nremotehost = imap.example.com\nremotepasseval = '{WORDY}'",
        ("password",),
    ),
    (f'backend.auth.type = "password"\nbackend.auth.raw = "{LOWER}"', ("password",)),
    (f'const NodeName = "mon01"\nconst TicketSalt = "{WORDY}"', ("high-entropy",)),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert WORDY not in out
    assert LOWER not in out
    assert tuple(REDACTED.findall(out)) == names


KEPT = [
    # IRC: no password in the place, a test runner's PASS lines, services' other commands
    "/msg NickServ IDENTIFY $IRC_PASSWORD",
    "/msg NickServ INFO svc-deploy",
    "PASS src/app.test.ts (5.2 s)\nPASS src/utils.test.ts",
    "AUTHENTICATE PLAIN\nAUTHENTICATE +",
    f"/msg NickServ CERT ADD {SHA}{SHA[:24]}",
    "@time=2026-12-07T09:14:02.123Z;msgid=e4YuEjK8hyv1IcV2FrtzJec2Fd;account=ops :ops!~o@user/ops PRIVMSG #ops :done",
    # daemon lines of other kinds: a reference, a path, a crypt hash, an upsd.conf LISTEN
    'MONITOR ups@localhost 1 upsmon "$UPSMON_PASSWORD" primary',
    "LISTEN 127.0.0.1 3493\nMAXAGE 15",
    "$USER1$=/usr/lib/nagios/plugins\n$USER2$=/usr/lib/nagios/plugins/eventhandlers",
    # data: URLs of files that name no secret, and a remote source
    "    - path: /etc/hostname\n      contents:\n        source: data:,node-1",
    "    - path: /etc/acme/api-token\n      contents:\n        source: https://config.example.com/api-token",
    "    - path: /etc/motd\n      contents:\n        source: data:,Welcome%20to%20the%20cluster",
    # calls of other kinds: a database's connect, variables in the places
    "db.connect('localhost', 'postgres')",
    "WiFi.begin(ssid, password);",
    'conn.simple_bind_s("cn=admin,dc=acme,dc=example", os.environ["LDAP_PASSWORD"])',
    # commands whose -p is no password, and what asks for one
    "$ rpk topic produce orders -p 3",
    "$ networksetup -setairportnetwork en0 acme-corp",
    "$ upsc ups@localhost battery.charge",
    "$ ./bin/add-user.sh",
    # aerc's and himalaya's commands that read a store
    "source-cred-cmd = pass show mail/acme",
    'backend.auth.cmd = "pass show mail"',
    "remotepasseval = get_password('acme')",
    # the look-alikes: a JWK thumbprint under its key, an Apps Script deployment id
    "ACCOUNT_THUMBPRINT='5QtKJAfgvsF0W0St5qJ1Fc6EbV8LfXTLowPK_6_ozrY'",
    "Thumbprint: 8F2A3C5D7E9B1A4C6D8E0F2A4B6C8D0E2F4A6B8C",
    "- AKfycbB_oQJhCfU6kVDlpvwZbJGXb0GigncSawXASu20DoAPtnEmkP4mwdhBasd4Wy3uVxCT @HEAD",
]


@pytest.mark.parametrize("text", KEPT)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("text", [text for text, _ in FOUND] + KEPT)
def test_one_semantics(text: str) -> None:
    """The RE2 sets and the keyword triggers redact these forms the same."""
    assert in_mode(True).anonymize(text) == in_mode(False).anonymize(text)
