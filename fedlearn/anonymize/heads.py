"""
What a regex must start with: its literal heads, read with Python's own regex parser.

A rule whose patterns all start with literals gets its trigger and gate from those heads
(``rules.derived``); the heads that start alike go in one regex, a trie of them
(``trie_pattern``), so one scan of a text finds all of them.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

# Python's own regex parser (what ``literal_heads`` reads a pattern with); typeshed has no stubs.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# Literal heads are expanded from character sets up to this many alternatives (``gh[pousr]_``: 5).
MAX_HEADS = 64
ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)


@functools.cache
def literal_heads(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """
    Return literal strings one of which starts every match of the regex ``source``, or None.

    None when some match can start with anything else: a case-insensitive pattern, a head that is
    not a literal, a set or an alternation of literals, or more than ``MAX_HEADS`` of them. Parsed,
    never compiled (building the rules stays compile-free).
    """
    parsed = sre_parse.parse(source, flags)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    heads, _ = sequence_heads(list(parsed), ("",))
    if not heads or any(not head for head in heads):
        return None
    return tuple(sorted(set(heads)))


def sequence_heads(items: list[Any], heads: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Return ``heads`` extended by the literal start of parsed ``items``; and whether all of them."""
    for operation, argument in items:
        if operation in ZERO_WIDTH:
            continue
        found = item_heads(operation, argument)
        if found is None or len(heads) * len(found[0]) > MAX_HEADS:
            return heads, False
        heads = tuple(head + tail for head, tail in itertools.product(heads, found[0]))
        if not found[1]:
            return heads, False
    return heads, True


def item_heads(operation: Any, argument: Any) -> tuple[tuple[str, ...], bool] | None:
    """Return the literal starts of one parsed item and whether they are all of it, or None."""
    if operation is sre.LITERAL:
        return (chr(argument),), True
    if operation is sre.IN and all(kind is sre.LITERAL for kind, _ in argument):
        return tuple(chr(code) for _, code in argument), True
    if operation is sre.SUBPATTERN and not argument[1] and not argument[2]:
        return sequence_heads(list(argument[3]), ("",))
    if operation is sre.BRANCH:
        found = [sequence_heads(list(branch), ("",)) for branch in argument[1]]
        heads = tuple(head for branch, _ in found for head in branch)
        if any(not head for head in heads):
            return None
        return heads, all(complete for _, complete in found)
    return None


def trie_pattern(strings: Iterable[str]) -> str:
    """
    Return a regex matching any of ``strings``, as a trie of literal-first alternatives.

    The regex engine tries an alternative only when its first literal matches, so a trie costs a
    few character comparisons where a flat alternation would cost one per string. A string that
    extends another one is dropped: the shorter already matches there.
    """
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for character in string:
            node = node.setdefault(character, {})
        node[""] = {}
    return trie_branches(trie)


def trie_branches(node: dict[str, Any]) -> str:
    """Return the regex of one trie node."""
    if "" in node:
        return ""
    found = [
        re.escape(character) + trie_branches(child) for character, child in sorted(node.items())
    ]
    return found[0] if len(found) == 1 else "(?:" + "|".join(found) + ")"


# How often each letter occurs in English text (a share of its letters; the rest are rarer), and
# the most of it the first letters of ``behind_first``'s words may take: past it the regex enters
# the pattern at nearly as many places as every position (words led by ``e``, ``i``, ``n``, ``s``,
# ``t``: no faster; with ``d``, ``h``, ``o``, ``r`` too: slower, its branches tried at each).
LETTER_SHARES = {
    **{"e": 0.127, "t": 0.091, "a": 0.082, "o": 0.075, "i": 0.070, "n": 0.067, "s": 0.063},
    **{"h": 0.061, "r": 0.060, "d": 0.043, "l": 0.040, "c": 0.028, "u": 0.028, "m": 0.024},
    **{"w": 0.024, "f": 0.022, "g": 0.020, "y": 0.020, "p": 0.019, "b": 0.015, "v": 0.010},
}
MOST_SHARE = 0.4


def structure(source: str) -> Iterator[tuple[int, str, int]]:
    """Yield each ``(``, ``)`` and ``|`` of a regex's ``source`` that is no escape's and in no
    set, with its position and the group depth after it."""
    depth, at, in_set = 0, 0, False
    while at < len(source):
        character = source[at]
        if character == "\\":
            at += 1
        elif in_set:
            in_set = character != "]"
        elif character == "[":
            in_set = True
            at += 1 if source.startswith("^", at + 1) else 0
            at += 1 if source.startswith("]", at + 1) else 0
        elif character in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[character]
            yield at, character, depth
        at += 1


def top_alternatives(source: str) -> list[str]:
    """Return the alternatives of ``source`` split at its top-level ``|`` (none in a group, a set
    or after a backslash)."""
    parts, start = [], 0
    for at, character, depth in structure(source):
        if character == "|" and depth == 0:
            parts.append(source[start:at])
            start = at + 1
    return [*parts, source[start:]]


def group_end(source: str) -> int:
    """Return where the group that opens ``source`` closes (-1: it opens none or never closes)."""
    for at, character, depth in structure(source):
        if character in "()" and depth == 0:
            return at if source.startswith("(") else -1
    return -1


def behind_first(not_before: str, words: str, group: str = "") -> str:
    """
    Return ``(?<!NOT_BEFORE)(?:WORDS)`` (``not_before`` a class of single characters, ``words``
    an alternation, maybe in a group of its own) with the look-behind moved past the words' first
    letters: ``(?:p(?<![a-z]p)(?:hones?)|t(?<![a-z]t)(?:el…|él…)|…)``, one branch a letter, each
    letter's words in their order. The same matches and groups (the letter is there, so the wider
    look-behind asks of the character before it what the first one asked, and a position's words
    are tried in the same order), but the regex no longer opens with an assertion: Python's
    engine, which tries a pattern led by one at every position of the text, skips to the first
    letters (its charset prefix; not for a case-blind pattern's cased letters, so the words are
    lower case over a lower-case text). Words that do not all open with a plain letter (a group,
    a class, a letter under a quantifier) are returned behind the look-behind as they are.
    ``group``: the name of a group around the words (the look-behind outside it, as before).
    """
    if words.startswith("(?:") and group_end(words) == len(words) - 1:
        words = words[3:-1]  # a group around the alternation (the pattern's own)
    opening = f"P<{group}>" if group else ":"
    alternatives = top_alternatives(words)
    by_first: dict[str, list[str]] = {}
    for word in alternatives:
        first, rest = word[:1], word[1:]
        if not first.isalnum() or rest.startswith(("?", "*", "+", "{")):
            return f"(?<!{not_before})(?{opening}{words})"
        by_first.setdefault(first, []).append(rest)
    if sum(LETTER_SHARES.get(first, 0.0) for first in by_first) > MOST_SHARE:
        return f"(?<!{not_before})(?{opening}{words})"  # entered nearly as often as everywhere
    # Each letter's branch holds its words in their order; a position's first letter picks one
    # branch, so the order across letters does not matter.
    branches = (
        f"{first}(?<!{not_before}{first})(?:{'|'.join(rests)})" for first, rests in by_first.items()
    )
    return f"(?{opening}" + "|".join(branches) + ")"
