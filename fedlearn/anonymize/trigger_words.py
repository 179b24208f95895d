"""The keyword triggers' words found in one pass over a text (``word_finder``), for ``prefilter.Triggers``.

Without google-re2 the triggers decide which rules run; their ~1,000 literal words were each an
``in`` test per text. Once a run has read ``WORDS_AFTER`` characters, one regex of all of them as
a trie finds the same words in one pass over the text's lower-case copy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

# Characters the triggers read with an ``in`` test per word before ``word_finder``'s regex is
# compiled (~20 ms for the built-in rules' ~1,000 words; the tests cost ~1 µs a character more).
WORDS_AFTER = 32 * 1024
# Which words of a list are in a text, given the text and its lower-case copy: their items' indexes.
WordFinder = Callable[[str, str], list[int]]


def lowered(word: str) -> str:
    """Return ``word`` as ``Probe.lower`` writes it wherever it occurs in a text: each character
    whose lower case is one character in lower case, the others as they are."""
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in word)


@functools.lru_cache(maxsize=8)
def word_finder(words: tuple[tuple[str, int, bool], ...]) -> WordFinder:
    """
    Return a function giving the indexes of the ``words`` (each with its item's index and whether
    it is looked for in the lower-case copy) that occur in a text, as ``word in text`` (or ``word
    in lower``) would, with one pass of a regex over the lower-case copy for all words of two or
    more characters (a character alone is an ``in`` test, which is memchr).

    The regex is the words' trie, each node's children tried before the word that ends there, in
    a lookahead: at each position it matches the longest word starting there. Every word that
    starts at a position is a prefix of that one, so the words in the copy are the matches and
    their prefixes in the list. A word looked for in the text itself occurs there only where its
    ``lowered`` form occurs in the copy (each character of the text is lowered alone, but for a
    capital sigma, whose lower case depends on the next: such a word is an ``in`` test): the
    trie has that form, and each one found is checked with ``in`` on the text.
    """
    direct = tuple(
        (word, index, lower)
        for word, index, lower in words
        if len(word) < 2 or (not lower and "\u03a3" in word)
    )
    keyed: dict[str, list[tuple[int, str | None]]] = {}
    for word, index, lower in words:
        if (word, index, lower) not in direct:
            keyed.setdefault(word if lower else lowered(word), []).append(
                (index, None if lower else word)
            )
    prefixes = {
        key: tuple(entry for end in range(2, len(key) + 1) for entry in keyed.get(key[:end], ()))
        for key in keyed
    }
    findall = re.compile(f"(?=({trie_pattern(keyed)}))").findall if keyed else None

    def find(text: str, lower: str) -> list[int]:
        found = [index for word, index, low in direct if word in (lower if low else text)]
        if findall is not None:
            for key in set(findall(lower)):
                for index, word in prefixes[key]:
                    if word is None or word in text:
                        found.append(index)
        return found

    return find


def trie_pattern(words: Iterable[str]) -> str:
    """Return a regex of ``words`` as a trie, matching the longest of them that starts where it
    matches (each node's children first, then the word that ends at it)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        children = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)
