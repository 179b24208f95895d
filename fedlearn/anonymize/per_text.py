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


def per_text(fact: Callable[[str], T]) -> Callable[[str], T]:
    """
    Return ``fact`` remembering its answer for the last text it was asked about.

    A judge runs once per candidate, and a fact about the whole text (``acme-challenge``
    anywhere in it) read again for each made a text with thousands of candidates (a long
    ``.env``, a dump) quadratic: 4,000 token lines took minutes. The last text is held, so no
    new text can take its address and be taken for it.
    """
    held: tuple[str, T] | None = None

    @functools.wraps(fact)
    def remembered(text: str) -> T:
        nonlocal held
        last = held
        if last is not None and last[0] is text:
            return last[1]
        answer = fact(text)
        held = (text, answer)
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

_held: list[tuple[str, list[int]]] = []


def newlines(text: str) -> list[int]:
    """Return where ``text``'s newlines are, remembered for the last few texts asked about."""
    for held, found in _held:
        if held is text:
            return found
    ends = itertools.accumulate(len(line) + 1 for line in text.split("\n"))
    found = [end - 1 for end in ends][:-1]
    _held.insert(0, (text, found))
    del _held[HELD:]
    return found


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
