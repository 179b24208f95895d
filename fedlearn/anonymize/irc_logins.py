"""Passwords an IRC client sends or is told to send (DESIGN.md guarantee 1; from ``bench/contexts43``).

An IRC client logs in four ways, each with a grammar that places the password:

- services: ``/msg NickServ IDENTIFY [account] V`` (``/ns``, ``/nickserv``, a raw ``PRIVMSG
  NickServ :IDENTIFY …``): the last word; ``REGISTER V [email]``: the first; ``SET PASSWORD V``;
- a bouncer's or server's ``PASS``: ``/quote PASS V`` (``/raw``), or a raw ``PASS V`` line a
  ``NICK`` or ``USER`` line follows (what a client sends first); ZNC's ``user[/network]:V`` gives
  the password after its first ``:``;
- SASL PLAIN: ``AUTHENTICATE <base64>`` of ``authzid\\0authcid\\0password``: the base64 is the
  password encoded, redacted whole when it decodes to those three parts.

A value is judged as after ``password=`` (``tables.judged``): a ``$variable`` or a word stays.
``AUTHENTICATE PLAIN`` and ``AUTHENTICATE +`` are no base64 of three parts and stay.
"""

from __future__ import annotations

import base64
import binascii
import re

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged, password_value

# The services' nick: ``/msg NickServ``, its aliases, a raw ``PRIVMSG NickServ :``.
SERVICE = r"(?i:/msg[ \t]+nickserv|/nickserv|/ns|privmsg[ \t]+nickserv[ \t]+:?)[ \t]+"
IDENTIFY = Lazy(SERVICE + r"(?i:identify|id)[ \t]+(?:\S+[ \t]+)?(?P<value>[^\s\"']+)[ \t]*$", re.M)
REGISTER = Lazy(
    SERVICE + r"(?:(?i:register)|(?i:set[ \t]+password))[ \t]+(?P<value>[^\s\"']+)", re.M
)
QUOTED_PASS = Lazy(r"(?i:/(?:quote|raw)[ \t]+pass)[ \t]+:?(?P<value>[^\s\"']+)")
RAW_PASS = Lazy(
    r"(?m:^)PASS[ \t]+:?(?P<value>[^\s\"']+)[ \t]*\r?\n(?:CAP[^\n]*\n)?(?:NICK|USER)[ \t]"
)
SASL = Lazy(r"AUTHENTICATE[ \t]+(?P<value>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])")
# ZNC's ``user[@client][/network]:password``: what stands before its first ``:``.
ZNC_USER = Lazy(r"[\w.@-]+(?:/[\w.-]+)?:")


def passed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a ``PASS``'s password (ZNC's: after ``user[/network]:``)."""
    start, end = match.span("value")
    user = ZNC_USER.compiled.match(text, start, end)
    if user is not None and user.end() < end:
        start = user.end()
    return judged("password", text[start:end], end)


def sasl(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of an ``AUTHENTICATE`` payload that is base64 of a SASL PLAIN login."""
    try:
        parts = base64.b64decode(match.group("value"), validate=True).split(b"\0")
    except (binascii.Error, ValueError):
        return None
    if len(parts) != 3 or len(parts[2]) < 4 or not parts[1]:
        return None
    return match.start("value"), match.end("value"), "password"


def rules() -> list[Rule]:
    """Return the rule for IRC services' ``IDENTIFY``/``REGISTER``, ``PASS`` and SASL PLAIN."""
    return [
        Rule(
            ("password",),
            (
                Matcher(Lazy(IDENTIFY.pattern, re.M), judge=password_value),
                Matcher(Lazy(REGISTER.pattern, re.M), judge=password_value),
                Matcher(Lazy(QUOTED_PASS.pattern), judge=passed),
                Matcher(Lazy(RAW_PASS.pattern), judge=passed),
                Matcher(Lazy(SASL.pattern), judge=sasl),
            ),
            trigger=Trigger(
                words=("nickserv", "/ns", "/quote", "/raw", "\nnick", "\nuser", "authenticate"),
                lower=True,
            ),
            gate=(
                r"(?i)nickserv|/ns[ \t]|/(?:quote|raw)[ \t]+pass|authenticate[ \t]"
                r"|\nPASS[ \t]|\APASS[ \t]"
            ),
        ),
    ]
