"""A rule's trigger: the literal words and literal-first regexes one of which its matches hold.

A trigger is a necessary condition of its rule, tested in Python where google-re2's gate set is
not used (``prefilter.Triggers``): each word or regex is an ``Item``, looked for first by its
rarest character, which ``in`` finds at memory speed. Rule modules import ``Trigger`` and ``Many``
from ``rules``, with the rest of what a rule is built of; ``rules.derived`` makes a trigger of a
rule's literal heads.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from fedlearn.anonymize.heads import literal_heads
from fedlearn.anonymize.lazy import Regex

# Characters by how often they occur in technical text, most frequent first; a trigger word is
# first looked for by its rarest character, which ``in`` finds at memory speed.
FREQUENT = " etaoinsrlcdhupm.fgy/b_w,-=:\"'kv()0123456789xjzqTSACEIRNOPLDMFBUHGVWKYXJQZ"


@attrs.frozen
class Item:
    """
    One thing a trigger looks for: a literal word, or a regex that starts with a literal.

    Attributes:
        sentinel: a character of it that must occur at least ``minimum`` times (a cheap first test).
    """

    word: str
    pattern: Regex | None
    lower: bool
    sentinel: str
    minimum: int = 1

    def test(self) -> Callable[[str], bool]:
        """Return a function telling whether a text (lower-cased for a lower item) holds it."""
        sentinel, minimum, word = self.sentinel, self.minimum, self.word
        search = self.pattern.search if self.pattern is not None else None
        if search is not None and not sentinel:
            return lambda text: search(text) is not None
        if minimum > 1:
            if search is None:
                return lambda text: text.count(sentinel) >= minimum
            return lambda text: text.count(sentinel) >= minimum and search(text) is not None
        if search is not None:
            return lambda text: sentinel in text and search(text) is not None
        if word == sentinel:
            return lambda text: word in text
        return lambda text: sentinel in text and word in text


@functools.cache
def word_item(word: str, lower: bool = False) -> Item:
    """Return the item of a literal word, with its rarest character as the sentinel."""
    sentinel = max(word, key=lambda c: FREQUENT.find(c) if c in FREQUENT else len(FREQUENT))
    return Item(word, None, lower, sentinel)


def pattern_item(pattern: Regex, lower: bool = False, minimum: int = 1) -> Item:
    """
    Return the item of a regex; the first character of its matches, when they share one, is the
    sentinel (read off the parsed pattern, so it is one every match has; else there is none).
    """
    heads = literal_heads(pattern.pattern, pattern.flags & re.IGNORECASE)
    first = {head[0] for head in heads} if heads else set()
    sentinel = first.pop() if len(first) == 1 else ""
    return Item(pattern.pattern, pattern, lower, sentinel, minimum if sentinel else 1)


@attrs.frozen
class Many:
    """A trigger word or regex whose first character must occur at least ``minimum`` times."""

    pattern: Regex | str
    minimum: int


@attrs.frozen
class Trigger:
    """
    A necessary condition for a rule's patterns: any word occurs, or any pattern is found.

    Attributes:
        words: literal substrings.
        patterns: regexes that start with a literal character.
        lower: test the lower-case copy of the text.
        needs: a substring that must occur as well ("": none), tested first.
    """

    words: tuple[str, ...] = ()
    patterns: tuple[Regex | Many, ...] = ()
    lower: bool = False
    needs: str = ""

    def items(self) -> list[Item]:
        """Return the words and patterns as items, the words first."""
        found = [word_item(word, self.lower) for word in self.words]
        for pattern in self.patterns:
            if isinstance(pattern, Many):
                inner, minimum = pattern.pattern, pattern.minimum
                if isinstance(inner, str):
                    found.append(Item(inner, None, self.lower, inner[0], minimum))
                else:
                    found.append(pattern_item(inner, self.lower, minimum))
            else:
                found.append(pattern_item(pattern, self.lower))
        return found
