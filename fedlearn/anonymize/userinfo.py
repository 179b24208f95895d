"""A URL's password with a ``/`` in it (DESIGN.md guarantee 1): base64 pasted into userinfo.

``openssl rand -base64 30`` gives a ``/`` in about half of its passwords, and people paste them
into a connection URL unescaped: ``postgres://app:Zq8v/T1mN4pXk2Lp9Zt7@db:5432/app``. A URL
parser reads the ``/`` as the start of the path, so ``commands``' ``url-credentials`` rule (no
``/`` in the password) leaves it. Here the text between ``user:`` and the ``@`` before a host is
the password when it holds a ``/`` and reads as generated base64: 16 or more characters without
the slashes, random (``checks.looks_random``) and no words, nor a word between slashes; a port
and a path (``https://host:8443/@scope/pkg``, ``git+ssh://host:org/repo@v1``) are not.

Go's SQL drivers take a DSN with no scheme: ``user:password@tcp(host:3306)/db`` (also ``tcp6``,
``udp``, ``unix(/path)``; go-sql-driver/mysql, ClickHouse): the text after the first ``:`` up
to the ``@`` before the protocol's ``(`` is the password, judged as a URL's (no reference).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# ``://user:`` then the password up to the first ``@`` (base64 has none), then a host.
SLASHED = Lazy(
    r"://[^\s/:@\"'<>]*:(?P<value>[A-Za-z0-9+/=._~-]{8,200}?)@(?=[A-Za-z0-9\[][A-Za-z0-9.-]*"
    r"(?:[:/?#\s\"'<>]|\Z))"
)


def slashed_password(match: re.Match[str], text: str) -> bool:
    """Return whether a URL's password with a ``/`` reads as generated base64, not as a path."""
    value = match.group("value")
    head = value.split("/", 1)[0]
    if "/" not in value or head.isdigit() or checks.is_reference(value):
        return False
    parts = value.split("/")
    if any(len(part) >= 4 and words.is_wordy(part) for part in parts):
        return False  # a path's words (``prefix/…``, ``npm/lodash``)
    body = "".join(parts)
    return checks.looks_random(body, minimum=16) and not words.is_named(body)


# A Go DSN's ``user:`` (no ``:``, ``/`` or quote in it), its password, then ``@tcp(`` and the like.
GO_DSN = Lazy(
    r"(?:^|(?<=[\s\"'`=(,;]))[^\s:@\"'`/()]{1,64}:(?P<value>[^\s\"'`]{1,200}?)@(?:tcp6?|udp|unix)\("
)


def dsn_password(match: re.Match[str], text: str) -> bool:
    """Return whether a Go DSN's password is literal (``${DB_PASSWORD}`` is not)."""
    return not checks.is_reference(match.group("value"))


def rules() -> list[Rule]:
    """Return the rules for a URL password with a ``/`` in it and a Go DSN's password."""
    return [
        Rule(
            ("url-credentials",),
            (Matcher(Lazy(SLASHED.pattern), slashed_password),),
            trigger=Trigger(words=("://",), needs="@"),
            gate=r"://[^\s/:@\"'<>]*:[A-Za-z0-9+=._~-]*/[A-Za-z0-9+/=._~-]*@",
        ),
        Rule(
            ("url-credentials",),
            (Matcher(Lazy(GO_DSN.pattern), dsn_password),),
            trigger=Trigger(words=("@tcp(", "@tcp6(", "@udp(", "@unix(")),
            gate=r"@(?:tcp6?|udp|unix)\(",
        ),
    ]
