"""Secrets split across a ``\\`` line continuation (shell, Dockerfile, Make) or across the strings
of a JSON array (DESIGN.md guarantee 1).

``export TOKEN="sbp_v0_0bcca3f3\\⏎    31d2c6be59740efe"`` holds one value in two pieces. The rules
judge the text with its continuations joined (a ``\\`` that ends a line, the line break and the
next line's indentation removed), and each redaction found there is mapped back to the text:
every piece of a joined value becomes the same placeholder, and the ``\\``, the line break and the
indentation between the pieces stay, as does every other byte (``<redacted:x>\\⏎    <redacted:x>``).
A ``\\`` escaped by another (``\\\\`` at a line's end) continues nothing.

A JSON array of two or more strings is one text cut in pieces as often: a notebook's ``text``
lines, a log captured as a list of 80-column lines (``["…\\"TOKEN\\":\\"9c41fe", "07b2d8…"]``).
The rules judge it with the strings joined (each closing quote, comma and opening quote
removed); a redaction found there that crosses a join, by a rule that names what it found (a
key's or a format's, not ``high-entropy``: two ids side by side are no secret), is mapped back
piece by piece, and the quotes and commas between the pieces stay.

Two string literals joined by a concatenation operator are one string too: ``"Bearer " + "…"``
(JavaScript, Java, C#, Python, Dart, Kotlin; Python's and JavaScript's quotes may differ:
``"Bearer " + 'V'``, bench/contexts44), ``++`` (Haskell), ``..`` (Lua: ``"Bearer " .. "…"``,
bench/contexts32), and in a text with a ``$`` (PHP, Perl) ``"X_TOKEN=" . "…"``: the same quote on
both sides, blanks around the operator or none (`` . `` with one blank each side). The rules judge the text with each closing quote, operator and
opening quote removed; a redaction found there by a rule that names what it found that starts,
ends or crosses at a join is mapped back piece by piece. (``+`` and ``$`` are found at memory
speed; a text without them costs two ``memchr``.)
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from fedlearn.anonymize import inline_code, interpolated
from fedlearn.anonymize.hits import Hit, places_of
from fedlearn.anonymize.rules import Lazy, Rule

# A continuation: an odd ``\`` at a line's end, the line break, the next line's indentation.
CONTINUATION = Lazy(r"(?<!\\)(?:\\\\)*(?P<gap>\\\r?\n[ \t]*)")
# A JSON array of two or more strings, and a string in it.
STRING = r'"(?:[^"\\\n]|\\.)*"'
ARRAY = Lazy(rf"\[[ \t\r\n]*{STRING}(?:[ \t]*,[ \t\r\n]*{STRING})+[ \t\r\n]*\]")
ELEMENT = Lazy(STRING)
QUOTES = "\"'"
DOTTED = ('" . "', "' . '")
# Lua's concatenation (OpenResty's ``"Bearer " .. "…"``), blanks around it or none.
LUA = ('" .. "', "' .. '", '".."', "'..'")


def has_continuation(text: str) -> bool:
    """Return whether ``text`` may hold a continuation (a cheap test: ``\\`` before a line break)."""
    # A lone ``\\`` is found at memory speed (``memchr``), a pair a character at a time.
    return "\\" in text and ("\\\n" in text or "\\\r\n" in text)


class Joined:
    """
    A text with its continuations removed, and how its positions map back.

    Attributes:
        text: the joined text.
        gaps: per continuation, its position in the joined text and its span in the original.
    """

    def __init__(self, original: str, spans: list[tuple[int, int]] | None = None) -> None:
        parts = []
        self.gaps: list[tuple[int, int, int]] = []
        position = 0
        removed = 0
        if spans is None:
            spans = [match.span("gap") for match in CONTINUATION.finditer(original)]
        for start, end in spans:
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


def is_keyed(rule: Rule) -> bool:
    """Return whether ``rule`` names more than ``high-entropy``: a key's rule, whose
    ``high-entropy`` a key named (``CREDS_KEY``, ``WP_AUTH_COOKIE``), no run found standing alone."""
    return len(rule.names) > 1


def with_joined(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """
    Return the redactions in ``text`` found in it (``own``) and in it joined (``find``), each
    piece of a joined redaction mapped back; they come first, then ``own``: merge them with
    ``hits.disjoint``. ``own`` alone when the text has no continuation.
    """
    if has_continuation(text):
        joined = Joined(text)
        if joined.gaps:
            own = [
                (start, end, name, rule)
                for joined_start, joined_end, name, rule in find(joined.text)
                for start, end in joined.pieces(joined_start, joined_end)
            ] + own
    if '"' in text and ('",' in text or '" ,' in text):
        own = with_elements(text, own, find)
    if (
        "+" in text
        or ("$" in text and (DOTTED[0] in text or DOTTED[1] in text))
        or (("'" in text or '"' in text) and ".." in text and any(gap in text for gap in LUA))
    ):
        own = with_concatenated(text, own, find)
    if interpolated.has_interpolation(text):
        own = with_gaps(text, interpolated.gaps(text), own, find, crossing=False)
    if inline_code.has_inline_code(text):
        own = with_gaps(text, inline_code.gaps(text), own, find, crossing=False)
    return own


def element_gaps(text: str) -> list[tuple[int, int]]:
    """Return, per JSON array of strings in ``text``, the spans between its strings' contents."""
    gaps = []
    for array in ARRAY.finditer(text):
        strings = list(ELEMENT.finditer(array.group()))
        base = array.start()
        gaps += [
            (base + left.end() - 1, base + right.start() + 1)
            for left, right in itertools.pairwise(strings)
        ]
    return gaps


def with_elements(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """
    Return ``own`` and the redactions that cross a join of a JSON array's strings (see above),
    by a rule that names what it found; not one made of whole strings only (``["acme", "V"]``:
    two values side by side, not one cut).
    """
    return with_gaps(text, element_gaps(text), own, find, crossing=True, apart=True)


def is_whole(text: str, start: int, end: int) -> bool:
    """Return whether a joined redaction's first piece starts a string (after its opening quote)
    and its last piece ends one (before its closing quote)."""
    opens = start > 0 and text[start - 1] == '"' and text[start - 2 : start - 1] != "\\"
    return opens and text[end : end + 1] == '"' and text[end - 1 : end] != "\\"


def with_gaps(
    text: str,
    gaps: list[tuple[int, int]],
    own: list[Hit],
    find: Callable[[str], list[Hit]],
    crossing: bool,
    apart: bool = False,
) -> list[Hit]:
    """
    Return ``own`` and the redactions found in ``text`` with ``gaps`` removed, by a rule that
    names what it found (not ``high-entropy``), mapped back piece by piece: those that cross a
    join (``crossing``), or those that start, end or cross at one; with ``apart``, not one made
    of whole strings only.
    """
    if not gaps:
        return own
    joined = Joined(text, gaps)
    mapped = []
    for joined_start, joined_end, name, rule in find(joined.text):
        if not rule.is_secret or (name == "high-entropy" and not is_keyed(rule)):
            continue
        pieces = joined.pieces(joined_start, joined_end)
        if crossing:
            at_join = len(pieces) > 1
            if at_join and apart:
                at_join = not is_whole(text, pieces[0][0], pieces[-1][1])
        else:
            at_join = any(joined_start <= at <= joined_end for at, _, _ in joined.gaps)
        if at_join:
            mapped += [(start, end, name, rule) for start, end in pieces]
    return mapped + own


def with_concatenated(text: str, own: list[Hit], find: Callable[[str], list[Hit]]) -> list[Hit]:
    """Return ``own`` and the redactions at a join of concatenated string literals (see above)."""
    lua = [(at, at + len(gap)) for gap in LUA for at in places_of(text, gap)]
    gaps = sorted(plus_gaps(text) + dotted_gaps(text) + lua)
    return with_gaps(text, gaps, own, find, crossing=False)


def plus_gaps(text: str) -> list[tuple[int, int]]:
    """Return the spans from a closing quote to the opening quote after ``+`` or ``++`` (blanks
    between or none; either quote: Python's ``"Bearer " + 'V'``, bench/contexts44)."""
    gaps = []
    at = text.find("+")
    while at >= 0:
        left = at - 1
        while left >= 0 and text[left] == " ":
            left -= 1
        right = at + 2 if text.startswith("+", at + 1) else at + 1
        if left >= 0 and text[left] in QUOTES:
            while right < len(text) and text[right] == " ":
                right += 1
            if right < len(text) and text[right] in QUOTES:
                gaps.append((left, right + 1))
        at = text.find("+", right)
    return gaps


def dotted_gaps(text: str) -> list[tuple[int, int]]:
    """Return the spans of PHP's and Perl's `` . `` between two literals, in a text with ``$``."""
    if "$" not in text:
        return []
    return [(at, at + len(gap)) for gap in DOTTED for at in places_of(text, gap)]
