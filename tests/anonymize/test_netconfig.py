"""Passwords in network-device and daemon configs: IOS, SNMP, IPsec, dovecot, tinyproxy."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "!\nusername netops privilege 15 secret 0 Ty7!mQ2x\n!",
            "!\nusername netops privilege 15 secret 0 <redacted:password>\n!",
        ),
        ("enable password c1sco-Lab", "enable password <redacted:password>"),
        (
            "tacacs-server host 192.0.2.10 key 7 094F471A1A0A",
            "tacacs-server host 192.0.2.10 key 7 <redacted:password>",
        ),
        (
            "tacacs server TAC1\\n key 0 plainsecret\\n",
            "tacacs server TAC1\\n key 0 <redacted:password>\\n",
        ),
        ("snmp-server community N0c-r3ad RO", "snmp-server community <redacted:password> RO"),
        ("rwcommunity Wr1te!Me 10.1.0.0/16", "rwcommunity <redacted:password> <ip>/16"),
        (
            "createUser monitor SHA-512 'Auth#Pass1' AES-256 'Priv#Pass2'",
            "createUser monitor SHA-512 '<redacted:password>'",
        ),
        ('carol : NTLM "Wn7$pQ2z"', 'carol : NTLM "<redacted:password>"'),
        (
            "ann:{CLEAR}Lk3#vB8q:1001:1001::/var/mail/ann",
            "ann:{CLEAR}<redacted:password>:1001:1001::/var/mail/ann",
        ),
        ("BasicAuth proxyuser Pr0xy!Pw", "BasicAuth proxyuser <redacted:password>"),
        (
            "router bgp 65001\n neighbor PEERS remote-as 65002\n neighbor PEERS password 813585352",
            "router bgp 65001\n neighbor PEERS remote-as 65002\n neighbor PEERS password"
            " <redacted:password>",
        ),
        (
            " neighbor PEERS password 7 0822455D0A16",
            " neighbor PEERS password 7 <redacted:password>",
        ),
        (" key-string Rk7vQ2mX9p", " key-string <redacted:password>"),
        (" ip ospf authentication-key kd8Wq2", " ip ospf authentication-key <redacted:password>"),
    ],
)
def test_device_credentials_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """The credential of each config syntax becomes the placeholder; the line's words stay."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "username and password required",
        "enable password authentication for the console",
        "the radius-server key rotation failed",
        "snmp-server community public RO",
        "rocommunity $SNMP_COMMUNITY",
        "BasicAuth is off by default",
        "the neighbor needs a password to be set",
        " neighbor PEERS password $BGP_PASSWORD",
    ],
)
def test_prose_and_defaults_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose about passwords, the default community and references are no credentials."""
    assert anonymizer.anonymize(text) == text


def test_key_string_lines_are_found_by_every_path() -> None:
    """``key-string 0 VALUE`` passes the rule's trigger and gate as its pattern finds it."""
    text = " key-string 0 Rk7vQ2mX9p"
    reference = Anonymizer(config.Anonymize(), Machine.local(), use_prefilter=False)
    triggers = Anonymizer(config.Anonymize(), Machine.local(), use_re2=False, re2_after=0)
    assert (
        triggers.anonymize(text) == reference.anonymize(text) == " key-string 0 <redacted:password>"
    )


@pytest.mark.parametrize(
    "text", [" neighbor 198.51.100.7 password 813585352275581", " key-string Rk7vQ2mX9p"]
)
def test_bgp_and_key_chain_lines_are_found_by_every_path(text: str) -> None:
    """The new device forms pass the rule's trigger and gate as their patterns find them."""
    reference = Anonymizer(config.Anonymize(), Machine.local(), use_prefilter=False)
    triggers = Anonymizer(config.Anonymize(), Machine.local(), use_re2=False, re2_after=0)
    assert triggers.anonymize(text) == reference.anonymize(text)
    assert "<redacted:password>" in reference.anonymize(text)
