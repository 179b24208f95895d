"""Passwords a daemon's configuration line takes by its place (DESIGN.md guarantee 1; from ``bench/contexts43``).

Some configuration languages give a password no key: the directive's grammar places it.

- NUT's ``upsmon.conf``: ``MONITOR <ups>@<host> <power value> <user> <password> <type>``, the
  type ``primary``/``secondary`` (or the older ``master``/``slave``) ending the line;
- 3proxy's ``users name:TYPE:password …``: a ``CL`` password is cleartext, an ``NT`` one the NT
  hash that logs in as it is (a ``CR`` one is a crypt(3) hash: ``password-hash`` reads it);
- Nagios' and Icinga 1's ``resource.cfg``: ``$USERn$=value``, the macros the manual keeps for
  passwords and other secrets (``$USER1$=/usr/lib/nagios/plugins``, a path, stays; so does a
  value of letters alone, which may as well be a user's name: ``$USER4$=nagios``).

Each value is judged as after ``password=`` (``tables.judged``: a reference or a word stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged, password_value

MONITOR = Lazy(
    r"(?m:^)[ \t]*MONITOR[ \t]+\S+[ \t]+\d+[ \t]+\S+[ \t]+(?P<q>\"?)(?P<value>[^\s\"]+)(?P=q)"
    r"[ \t]+(?:primary|secondary|master|slave)[ \t]*(?m:$)"
)
USERS_LINE = Lazy(r"(?m:^)[ \t]*users[ \t][^\n]*")
USER_ENTRY = Lazy(r"(?<![^ \t])[^\s:]+:(?P<kind>CL|NT):(?P<value>[^\s\"]+)")
RESOURCE = Lazy(r"(?m:^)[ \t]*\$USER[0-9]{1,3}\$[ \t]*=[ \t]*(?P<value>[^\s]+)[ \t]*(?m:$)")


def placed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a password in its place (not a path)."""
    if match.group("value").startswith("/"):
        return None
    return password_value(match, text)


def macro(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a ``$USERn$`` macro's secret (no path, no bare word)."""
    return None if match.group("value").isalpha() else placed(match, text)


def user_entries(text: str) -> Iterator[re.Match[str]]:
    """Yield each ``name:CL:V``/``name:NT:V`` entry of a 3proxy ``users`` line."""
    for line in USERS_LINE.compiled.finditer(text):
        yield from USER_ENTRY.compiled.finditer(text, line.start(), line.end())


def entry(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a 3proxy user's cleartext password or NT hash."""
    key = "password" if match.group("kind") == "CL" else "ntlm_hash"
    return judged(key, match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rules for NUT's ``MONITOR``, 3proxy's ``users`` and Nagios' ``$USERn$``."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(MONITOR.pattern), judge=placed),),
            trigger=Trigger(words=("MONITOR",)),
            gate=r"MONITOR[ \t][^\n]*(?:primary|secondary|master|slave)",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(USER_ENTRY.pattern), find=user_entries, judge=entry),),
            trigger=Trigger(words=(":CL:", ":NT:")),
            gate=r"users[ \t][^\n]*:(?:CL|NT):",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(RESOURCE.pattern), judge=macro),),
            trigger=Trigger(words=("$USER",)),
            gate=r"\$USER[0-9]{1,3}\$[ \t]*=",
        ),
    ]
