"""
Facts about a whole text that judges ask once per candidate, each worked out once per text; and
where the line holding a position starts (plain newlines) without reading back per candidate.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable
from typing import TypeVar

from fedlearn.anonymize.rules import Lazy

T = TypeVar("T")


def per_text(fact: Callable[[str], T], held: int = 1) -> Callable[[str], T]:
    """
    Return ``fact`` remembering its answers for the last ``held`` texts it was asked about.

    A judge runs once per candidate, and a fact about the whole text (``acme-challenge``
    anywhere in it) read again for each made a text with thousands of candidates (a long
    ``.env``, a dump) quadratic: 4,000 token lines took minutes. The texts are held, so no
    new text can take one's address and be taken for it.
    """
    if held > 1:
        return _per_texts(fact, held)
    last: tuple[str, T] | None = None

    @functools.wraps(fact)
    def remembered(text: str) -> T:
        nonlocal last
        known = last
        if known is not None and known[0] is text:
            return known[1]
        answer = fact(text)
        last = (text, answer)
        return answer

    return remembered


def _per_texts(fact: Callable[[str], T], held: int) -> Callable[[str], T]:
    """Return ``fact`` remembering its answers for the last ``held`` texts, the latest first."""
    known: list[tuple[str, T]] = []

    @functools.wraps(fact)
    def remembered(text: str) -> T:
        for seen, answer in known:
            if seen is text:
                return answer
        answer = fact(text)
        known.insert(0, (text, answer))
        del known[held:]
        return answer

    return remembered


def anywhere(regex: Lazy) -> Callable[[str], bool]:
    """Return whether ``regex`` occurs anywhere in a text, remembered for the last text."""
    return per_text(lambda text: regex.compiled.search(text) is not None)


def contains(*words: str) -> Callable[[str], bool]:
    """Return whether a text holds any of ``words``, remembered for the last text."""
    return per_text(lambda text: any(word in text for word in words))


def first(word: str) -> Callable[[str], int]:
    """Return where ``word`` first occurs in a text (-1: nowhere), remembered for the last text."""
    return per_text(lambda text: text.find(word))


# A text shorter than this reads back to its line's start directly (at most this many characters
# per candidate); a longer one looks its newlines up, so a long single line (minified JSON, a 1 MB
# log line) with many candidates is not read back to its start once per candidate (quadratic).
LONG = 4096
# How many long texts' newlines are held: the rules ask about the text and its subject (escapes
# decoded) in turn, and one held text would be worked out again on every switch.
HELD = 4


def _newlines(text: str) -> list[int]:
    """Return where ``text``'s newlines are."""
    ends = itertools.accumulate(len(line) + 1 for line in text.split("\n"))
    return [end - 1 for end in ends][:-1]


newlines = per_text(_newlines, HELD)


def line_start(text: str, position: int) -> int:
    """Return ``text.rfind("\\n", 0, position) + 1``: where the line before ``position`` starts."""
    if len(text) < LONG:
        return text.rfind("\n", 0, position) + 1
    if position < 0:  # ``rfind``'s end counts from the text's end
        position = max(0, position + len(text))
    found = newlines(text)
    index = bisect.bisect_left(found, position)
    return found[index - 1] + 1 if index else 0


def lines_matching(regex: Lazy) -> Callable[[str], list[int]]:
    """
    Return where the lines of a text start whose lower-cased text ``regex`` finds something in,
    worked out once per text: a judge that searched its candidate's whole line read a long line
    once per candidate (``framed.auth_failed``: ``sending V … 401`` repeated on one line).
    """

    def starts(text: str) -> list[int]:
        found, at = [], 0
        for line in text.split("\n"):
            if regex.compiled.search(line.lower()) is not None:
                found.append(at)
            at += len(line) + 1
        return found

    return per_text(starts)


def any_line_in(text: str, starts: list[int], start: int, end: int) -> bool:
    """Return whether one of ``starts`` (sorted line starts) begins a line that ``start``…``end``
    of ``text`` touches (from the line holding ``start`` to the one ``end`` is on)."""
    index = bisect.bisect_left(starts, line_start(text, start))
    return index < len(starts) and starts[index] <= end
