"""Facts about a whole text that judges ask once per candidate, each worked out once per text."""

from __future__ import annotations

import functools
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
