"""One string under the anonymizer's inspection, with what its rules share about it."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from fedlearn.anonymize.per_text import per_text
from fedlearn.anonymize.rules import PLACEHOLDER, Runs, RunTest, Span

# Base64 and base64url characters map to 1, every other byte (``=`` too) to 0: a run of ones in
# the mapped UTF-8 is a run of base64 characters (all ASCII). Every token character of
# ``entropy`` is one, so a text without a run of ``LONG_RUN`` base64 characters has no long token.
BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-"
BASE64_BYTES = bytes(int(chr(byte) in BASE64_ALPHABET) for byte in range(256))
LONG_RUN = b"\x01" * 20
# The last two texts ``base64_runs`` mapped, and what it returned: the rules that read a text's
# bytes (``entropy``'s long runs, then ``encoded``'s base64) ask about the same text one after the
# other, and a batch's texts are mapped before its joined text's rules are chosen.
_last: tuple[str | None, tuple[bytes, bytes, int]] = (None, (b"", b"", -1))
_before: tuple[str | None, tuple[bytes, bytes, int]] = (None, (b"", b"", -1))


class Probe:
    """
    One string under inspection: its lower-case copy, trigger results and placeholder spans.

    The lower-case copy has the same length as the text, so a span found in one is a span of the
    other (characters whose lower case is longer, like "İ", are kept as they are).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._protected: list[Span] | None = None

    @property
    def lower(self) -> str:
        """Return the text in lower case, aligned character for character with the text."""
        if self._lower is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):
                lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
            self._lower = lowered
        return self._lower

    @property
    def protected(self) -> list[Span]:
        """Return the spans of the placeholders already in the text, in order."""
        if self._protected is None:
            found = PLACEHOLDER.finditer(self.text) if "<" in self.text else iter(())
            self._protected = [match.span() for match in found]
        return self._protected

    def is_protected(self, start: int, end: int, *, touching: bool = False) -> bool:
        """
        Return whether ``[start, end)`` overlaps a placeholder already in the text.

        With ``touching``, a placeholder right before or after the span counts too.
        """
        protected = self.protected
        if not protected:
            return False
        if touching:
            start, end = start - 1, end + 1
        index = bisect.bisect_left(protected, (end, end))
        return index > 0 and protected[index - 1][1] > start


def has_long_run(text: str) -> bool:
    """Return whether the UTF-8 of ``text`` holds a run of ``LONG_RUN`` base64 characters."""
    return base64_runs(text)[2] >= 0


def has_wanted_run(text: str, wants: Sequence[RunTest]) -> bool:
    """
    Return whether one of ``wants`` (the long-run rules' ``Rule.long_run``) holds of the long
    runs of ``text``: where none does, none of those rules can find anything. Most long runs are
    paths and names (``/var/lib/qdrant/storage``, ``ConnectionRefusedError``), which each test
    turns away before any rule's finder is called.
    """
    if not wants or base64_runs(text)[2] < 0:
        return False
    return is_wanted(long_runs(text), wants)


def is_wanted(runs: Runs, wants: Sequence[RunTest]) -> bool:
    """Return whether one of ``wants`` holds of ``runs`` (a text's ``long_runs``)."""
    for wanted in wants:  # noqa: SIM110  # a loop: ``any`` of a generator costs a frame more
        if wanted(runs):
            return True
    return False


def wanted_each(texts: Sequence[str], joined: str, wants: Sequence[RunTest]) -> list[bool]:
    """
    Return, for each of ``texts``, ``has_wanted_run``: their bytes mapped once, joined (``joined``
    is ``texts`` joined by line breaks). A line break is no base64 character, so the joined map's
    runs are the texts' own, each within its text's bytes (UTF-8 is written character by
    character, so a text's bytes are a slice of the joined text's); most batches have no long run
    at all, and one map and one search of their joined bytes tell so.
    """
    wanted = [False] * len(texts)
    if not wants:
        return wanted
    data = joined.encode("utf-8", "surrogatepass")
    mapped = data.translate(BASE64_BYTES)
    first = mapped.find(LONG_RUN)
    if first < 0:
        return wanted
    one_byte = joined.isascii()  # a flag of the str: each character one byte
    start = 0
    for number, text in enumerate(texts):
        end = start + (len(text) if one_byte else len(text.encode("utf-8", "surrogatepass")))
        if first < end:  # the next run starts in this text (never before ``start``)
            wanted[number] = is_wanted(runs_between(data, mapped, first, start, end), wants)
            first = mapped.find(LONG_RUN, end)
            if first < 0:
                break
        start = end + 1
    return wanted


def base64_runs(text: str) -> tuple[bytes, bytes, int]:
    """
    Return the UTF-8 of ``text`` (lone surrogates too), it mapped through ``BASE64_BYTES``, and
    where the first run of ``LONG_RUN`` ones starts in it (-1: nowhere); a text asked about
    again while it is one of the last two mapped is not mapped again.
    """
    global _last, _before  # kept by identity: a str never changes
    if _last[0] is text:
        return _last[1]
    if _before[0] is text:
        _last, _before = _before, _last
        return _last[1]
    data = text.encode("utf-8", "surrogatepass")
    mapped = data.translate(BASE64_BYTES)
    found = (data, mapped, mapped.find(LONG_RUN))
    _last, _before = (text, found), _last
    return found


@per_text
def long_runs(text: str) -> Runs:
    """
    Return the UTF-8 of ``text``, its maximal runs of ``LONG_RUN`` base64 characters or more as
    byte spans in order, and the longest one's length (``base64_runs``' map read once): each
    long-run rule keeps the runs of its own length from them instead of searching the map again
    (a search for a run of ones compares each candidate byte by byte). The same text asked about
    twice in a row is read once (the five long-run rules ask about it in turn).
    """
    data, mapped, first = base64_runs(text)
    return runs_between(data, mapped, first, 0, len(mapped))


def runs_between(data: bytes, mapped: bytes, first: int, start: int, end: int) -> Runs:
    """
    Return ``long_runs`` of the text whose UTF-8 is ``data[start:end]``: ``mapped`` is ``data``
    through ``BASE64_BYTES``, ``first`` where its first run of ``LONG_RUN`` ones in that range
    starts (-1: none), and the byte before and after the range (if any) is no base64 character.
    """
    spans = []
    longest = 0
    while first >= 0:
        stop = mapped.find(b"\x00", first, end)
        if stop < 0:
            stop = end
        spans.append((first - start, stop - start))
        if stop - first > longest:
            longest = stop - first
        first = mapped.find(LONG_RUN, stop, end)
    return data[start:end], tuple(spans), longest
