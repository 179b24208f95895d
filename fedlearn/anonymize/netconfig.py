"""Passwords in network-device and daemon configs (DESIGN.md guarantee 1): IOS, SNMP, IPsec, mail.

Each form is a line whose syntax says the next word is a credential:

- IOS and its kin: ``username NAME [privilege N] password|secret [TYPE] VALUE``, ``enable
  password|secret [TYPE] VALUE``, ``tacacs-server``/``radius-server … key [TYPE] VALUE``, and a line
  ``key|key-string|password|pre-shared-key|authentication-key 0|7 VALUE`` (type 0 is plain text,
  7 a reversible encoding: both give the password away), after the device's prompt too
  (``sw-01(config-server-tacacs)#key 0 V``); ``ip ospf message-digest-key N md5 [0|7] VALUE``;
  a BGP peer's ``neighbor PEER password [7] VALUE``, a key chain's ``key-string VALUE`` and ``ip
  ospf authentication-key VALUE``, whose grammar says it even for digits alone (bench/contexts43);
  Junos ``set … authentication-key|secret|simple-password|ascii-text VALUE`` (bench/contexts35);
- SNMP: ``snmp-server community VALUE``, net-snmp's ``rocommunity``/``rwcommunity VALUE`` and
  ``createUser NAME MD5|SHA… AUTHPASS [DES|AES… PRIVPASS]`` (the default ``public`` stays);
- strongSwan ``ipsec.secrets``: ``: EAP|NTLM|XAUTH|PSK "VALUE"``; dovecot's passwd-file scheme
  ``{PLAIN}VALUE`` (``{CLEARTEXT}``, ``{CLEAR}``, ``{PLAIN-TRUNC}``); tinyproxy's ``BasicAuth USER
  VALUE``.

All report ``password``. A value is 4 or more characters and no ``$reference`` or placeholder.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import authfiles, checks
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

VALUE = r"(?P<value>[^\s\"'`\\]{4,128})"
LINE_HEAD = r"(?:^|(?<=\n)|(?<=\\n))[ \t]*"
# A device's prompt before a configuration line (``sw-01(config-server-tacacs)#``, ``admin@mx#``).
PROMPT = r"(?:[A-Za-z0-9._@-]{1,63}(?:\([a-z0-9-]{1,40}\))?#[ \t]*)?"
JUNOS_KEYS = r"(?:authentication-key|secret|simple-password|ascii-text|plain-text-password-value)"
DEVICE = (
    # username admin privilege 15 password 0 VALUE; enable secret VALUE.
    rf"{LINE_HEAD}(?:username[ \t]+\S+[ \t]+(?:privilege[ \t]+[0-9]+[ \t]+)?|enable[ \t]+)"
    rf"(?:password|secret)(?:[ \t]+[0-9])?[ \t]+{VALUE}",
    rf"(?:tacacs-server|radius-server)[^\n\\]*?[ \t]key(?:[ \t]+[07])?[ \t]+{VALUE}",
    rf"{LINE_HEAD}{PROMPT}(?:key|key-string|password|pre-shared-key|authentication-key)[ \t]+[07][ \t]+{VALUE}",
    rf"message-digest-key[ \t]+[0-9]{{1,3}}[ \t]+md5(?:[ \t]+[07])?[ \t]+{VALUE}",
    # A BGP peer's TCP MD5 password (IOS, FRR, Quagga: ``neighbor 192.0.2.1 password [7] V``), a
    # key chain's ``key-string V`` and an interface's ``ip ospf authentication-key V``: the
    # grammar alone says it, whatever the value's characters.
    rf"{LINE_HEAD}{PROMPT}neighbor[ \t]+[^\s\\]{{1,64}}[ \t]+password(?:[ \t]+[07])?[ \t]+{VALUE}"
    r"(?P<syntax>)",
    rf"{LINE_HEAD}{PROMPT}(?:key-string|ip[ \t]+ospf[ \t]+authentication-key)[ \t]+{VALUE}"
    r"(?P<syntax>)",
    # Junos ``set … authentication-key V``, ``set system radius-server ADDR secret "V"``.
    rf"{LINE_HEAD}{PROMPT}set[ \t][^\n\\]*?[ \t]{JUNOS_KEYS}[ \t]+(?P<q>\"?){VALUE}(?P=q)(?![^\s;])",
)
SNMP = (
    rf"snmp-server[ \t]+community[ \t]+{VALUE}",
    rf"{LINE_HEAD}r[ow]community6?[ \t]+{VALUE}",
    rf"createUser[ \t]+\S+[ \t]+(?:MD5|SHA[-0-9]*)[ \t]+(?P<q>[\"']?){VALUE}(?P=q)"
    rf"(?:[ \t]+(?:DES|AES[-0-9]*)[ \t]+(?P<q2>[\"']?)(?P<privacy>[^\s\"'\\]{{4,128}})(?P=q2))?",
)
OTHER = (
    r":[ \t]*(?:EAP|NTLM|XAUTH|PSK)[ \t]+(?P<q>[\"'])(?P<value>[^\"'\n\\]{4,128})(?P=q)",
    r"\{(?:PLAIN|CLEARTEXT|CLEAR|PLAIN-TRUNC)\}(?P<value>[^\s:\"'`\\]{4,128})",
    rf"{LINE_HEAD}BasicAuth[ \t]+\S+[ \t]+{VALUE}",
)
DEFAULT_COMMUNITIES = frozenset({"public"})
# An IOS type before the value (``password 0 …``, ``key 7 …``): the syntax says it is one.
TYPE_DIGIT = Lazy(r"[ \t][0-9][ \t]+\Z")


def credential(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a config line's credential (both SNMPv3 passwords: one span)."""
    value = match.group("value").rstrip(",.;)")
    if not checks.is_literal(value) or value in DEFAULT_COMMUNITIES:
        return None
    typed = TYPE_DIGIT.search(match.group(), 0, match.start("value") - match.start()) is not None
    typed = typed or "syntax" in match.re.groupindex
    if not typed and checks.character_classes(value) < 2:
        return None  # a word (``username and password required``), not a password
    end = match.start("value") + len(value)
    if "privacy" in match.re.groupindex and match.group("privacy") is not None:
        end = match.end("privacy")
    return match.start("value"), end, "password"


def rules() -> list[Rule]:
    """Return the rules for network-device and daemon config credentials."""

    def matchers(patterns: tuple[str, ...]) -> tuple[Matcher, ...]:
        return tuple(Matcher(Lazy(pattern), judge=credential) for pattern in patterns)

    return [
        Rule(
            ("password",),
            matchers(DEVICE),
            trigger=Trigger(
                words=("password", "secret", "-server", "key ", "key\t", "key-string", "ascii-text")
            ),
            gate=r"(?:password|secret)[ \t]|(?:tacacs|radius)-server|key(?:-string)?[ \t]+[07][ \t]"
            r"|key-string[ \t]"
            r"|message-digest-key[ \t]|(?:authentication-key|ascii-text|password-value)[ \t]",
        ),
        Rule(
            ("password",),
            matchers(SNMP),
            trigger=Trigger(words=("snmp-server", "community", "createUser")),
            gate=r"snmp-server|community|createUser",
        ),
        Rule(
            ("password",),
            matchers(OTHER),
            trigger=Trigger(words=("EAP", "NTLM", "XAUTH", "PSK", "{PLAIN", "{CLEAR", "BasicAuth")),
            gate=r":[ \t]*(?:EAP|NTLM|XAUTH|PSK)[ \t]|\{(?:PLAIN|CLEAR)|BasicAuth[ \t]",
        ),
        *authfiles.rules(),
    ]
