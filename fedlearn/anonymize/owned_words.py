"""A secret a sentence names as the writer's or reader's key, the value right after (DESIGN.md
guarantee 1; from ``bench/contexts31``).

``Auth fails with my convertkit key V even though it works in curl``: ``framed`` reads a value
after ``the token is``, ``with the api key V`` or ``using the password V``, but not one right
after a bare ``key``, a word that names data as often (``the cache key 3f2a…``, ``sort key
created_at``). Owned by the writer or reader (``my``, ``our``, ``your``), up to two words between
(``my convertkit key``, ``your staging api key``), the key is a credential unless a word says it
names data or something public (``key_names.DATA_OWNERS``: ``my ssh key``, ``your public key``,
``our cache key``, ``my gpg key``); the value is judged as ``framed``'s told values are (generated
or chosen; no name, path, URL or address: ``my key file ~/.ssh/x``, ``my key binding ctrl-k``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import framed, key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

OWNED = Lazy(
    r"(?<![a-z])(?:my|our|your)[ \t]{1,4}(?P<gap>(?:[a-z0-9_.-]{1,24}[ \t]{1,4}){0,2}?)"
    r"(?:api[ _-]?)?key[ \t]{1,4}\(?"
    + framed.TOLD_VALUE.replace("<>]", "<>()]")  # in parentheses: the value alone (``key (V)``)
)
STARTS = ("my ", "our ", "your ")


def owned_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``OWNED`` match in the lower-case text, tried where ``my``/``our``/``your`` starts."""
    return framed.matches_at(subject, STARTS, OWNED)


def owned(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the value after ``my … key`` when it reads as a secret."""
    gap = match.group("gap").split()
    if any(word in key_names.DATA_OWNERS or word in framed.NOT_CLAUSES for word in gap):
        return None  # ``my ssh key``, ``our cache key``: a key that names data or is public
    return framed.judged_value(match, text)


def rules() -> list[Rule]:
    """Return the rule for a value right after the writer's or reader's ``… key``."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(OWNED.pattern), find=owned_values, judge=owned),),
            trigger=Trigger(words=STARTS, lower=True, needs="key"),
            lower=True,
            gate=r"(?i)(?:my|our|your)[ \t][^\n]*key[ \t]",
        )
    ]
