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
from collections.abc import Iterable
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
