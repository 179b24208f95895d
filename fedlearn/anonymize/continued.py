"""Secrets split across a ``\\`` line continuation (DESIGN.md guarantee 1): shell, Dockerfile, Make.

``export TOKEN="sbp_v0_0bcca3f3\\⏎    31d2c6be59740efe"`` holds one value in two pieces. The rules
judge the text with its continuations joined (a ``\\`` that ends a line, the line break and the
next line's indentation removed), and each redaction found there is mapped back to the text:
every piece of a joined value becomes the same placeholder, and the ``\\``, the line break and the
indentation between the pieces stay, as does every other byte (``<redacted:x>\\⏎    <redacted:x>``).
A ``\\`` escaped by another (``\\\\`` at a line's end) continues nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from fedlearn.anonymize.hits import Hit
from fedlearn.anonymize.rules import Lazy

# A continuation: an odd ``\`` at a line's end, the line break, the next line's indentation.
CONTINUATION = Lazy(r"(?<!\\)(?:\\\\)*(?P<gap>\\\r?\n[ \t]*)")


def has_continuation(text: str) -> bool:
    """Return whether ``text`` may hold a continuation (a cheap test: ``\\`` before a line break)."""
    return "\\\n" in text or "\\\r\n" in text


class Joined:
    """
    A text with its continuations removed, and how its positions map back.

    Attributes:
        text: the joined text.
        gaps: per continuation, its position in the joined text and its span in the original.
    """

    def __init__(self, original: str) -> None:
        parts = []
        self.gaps: list[tuple[int, int, int]] = []
        position = 0
        removed = 0
        for match in CONTINUATION.finditer(original):
            start, end = match.span("gap")
            parts.append(original[position:start])
            self.gaps.append((start - removed, start, end))
            removed += end - start
            position = end
        parts.append(original[position:])
        self.text = "".join(parts)
        self._at = [gap[0] for gap in self.gaps]

    def pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the spans in the original text of the joined span ``[start, end)``, in order."""
        first = bisect.bisect_right(self._at, start)  # gaps at or before ``start``: shift it
        shift = sum(gap[2] - gap[1] for gap in self.gaps[:first])
        found = []
        begin = start + shift
        for at, gap_start, gap_end in self.gaps[first:]:
            if at >= end:
                break
            found.append((begin, gap_start))
            shift += gap_end - gap_start
            begin = gap_end
        found.append((begin, end + shift))
        return [(a, b) for a, b in found if a < b]


def with_joined(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """
    Return the redactions in ``text`` found in it (``own``) and in it joined (``find``), each
    piece of a joined redaction mapped back; they come first, then ``own``: merge them with
    ``hits.disjoint``. ``own`` alone when the text has no continuation.
    """
    if not has_continuation(text):
        return own
    joined = Joined(text)
    if not joined.gaps:
        return own
    mapped = [
        (start, end, name, rule)
        for joined_start, joined_end, name, rule in find(joined.text)
        for start, end in joined.pieces(joined_start, joined_end)
    ]
    return mapped + own
