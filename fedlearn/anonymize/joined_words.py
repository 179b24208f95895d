"""Token bodies that are words joined by ``-`` or ``_`` (scanners' negative fixtures), not draws.

A GitLab token's body after its prefix (``glpat-``, ``glimt-``, ``gloas-``) is 20 or more drawn
``A-Za-z0-9_-``. Detect-secrets' own false-positive fixtures write the prefix before words:
``glimt-my-tokens_are-correctAB``, ``gloas-checking_Length-Is-checking_Length-Is-``. A body is
such words (``is_joined_words``) when it has no digit, three parts or more between ``-``/``_``,
each part a word in lower case, capitalized or camelCase (a short capital tail allowed:
``correctAB``) or a short acronym, and most of its letter pairs are common in words. A draw from
``A-Za-z0-9_-`` holds a digit (all but ~3% of 20-character bodies do), and its parts mix cases at
random and read as no words.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import words
from fedlearn.anonymize.rules import Lazy

SEPARATORS = Lazy(r"[-_]+")
# One part: a lower-case or capitalized word, then capitalized words of 3 letters or more, then up
# to 3 capitals (``correctAB``); or an acronym of up to 5 capitals.
WORD_PART = Lazy(r"[A-Za-z][a-z]+(?:[A-Z][a-z]{2,})*[A-Z]{0,3}|[A-Z]{1,5}|[a-z]{1,2}")
SEGMENT = Lazy(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def is_joined_words(value: str) -> bool:
    """Return whether ``value`` is words joined by ``-``/``_`` (three or more), with no digit."""
    if any(c.isdigit() for c in value):
        return False
    parts = SEPARATORS.compiled.split(value.strip("-_"))
    if len(parts) < 3 or not all(WORD_PART.fullmatch(part) for part in parts):
        return False
    pairs = [
        word[index : index + 2]
        for part in parts
        for word in (s.lower() for s in SEGMENT.compiled.findall(part))
        for index in range(len(word) - 1)
    ]
    return len(pairs) >= 10 and sum(p in words.COMMON_PAIRS for p in pairs) >= 0.9 * len(pairs)


def drawn_body(match: re.Match[str], text: str) -> bool:
    """Return whether a prefixed token's body (past its first ``-``) is no words joined."""
    return not is_joined_words(match.group().split("-", 1)[-1])
