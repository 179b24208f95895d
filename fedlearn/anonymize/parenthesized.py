"""A secret's value in parentheses right after its name (DESIGN.md guarantee 1).

From ``bench/contexts28``: prose puts the value it means in parentheses after the secret's name
(``even though my API key (V) is fresh``, ``the client secret (V) expired``): ``secret-value``,
judged as ``framed``'s refused values (a word of its own, no host or file, generated or chosen);
not after a bare ``key`` (``cache key (<sha256>)``), not a word (``token (optional)``) nor a
``key=value`` or format field (``access token (expires_in={}s)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import framed
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

PARENTHESIZED = Lazy(
    r"(?P<name>(?:secret|api|access|private)[ _-]?key|token|password|passphrase|secret"
    r"|credentials?)[ \t]{1,4}\((?P<q>[`'\"]?)(?P<value>[^\s`'\"<>()]{8,200}?)(?P=q)\)"
)


def parenthesized_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``PARENTHESIZED`` match in the lower-case text, tried where a name starts."""
    return framed.matches_at(subject, framed.REFUSED_AFTER_STARTS, PARENTHESIZED)


def parenthesized(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``framed.refused_after``'s verdict on a value that is no ``key=value`` or format
    field (``access token (expires_in={}s)``); base64's closing ``=`` may end it."""
    value = match.group("value")
    if "=" in value.rstrip("=") or "{" in value or "%" in value:
        return None
    return framed.refused_after(match, text)


def rules() -> list[Rule]:
    """Return the rule for a secret's value in parentheses after its name."""
    return [
        Rule(
            ("secret-value",),
            (
                Matcher(
                    Lazy(PARENTHESIZED.pattern),
                    find=parenthesized_values,
                    judge=parenthesized,
                ),
            ),
            trigger=Trigger(
                words=("key", "token", "pass", "secret", "cred"), lower=True, needs="("
            ),
            lower=True,
            gate=r"(?i)(?:key|token|password|passphrase|secret|credentials?)[ \t]+\([^\s()]",
        ),
    ]
