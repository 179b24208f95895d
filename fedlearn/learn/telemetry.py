"""Filter stage: decode telemetry chunks and pick the candidate events for the value filter.

Fast path: one ``decode_lines`` of a two-field Struct (``EventHead``) over the whole chunk, one pass
over the heads for the few events that carry a score or an outcome, and a split of the chunk only
when it holds one. Any bad line sends the chunk down the per-line path, which sets the bad lines
aside (guarantee 3) and keeps the good ones around them. The learning stage decodes the candidates.
"""

from __future__ import annotations

import codecs
import collections
from typing import cast

import attrs
import msgspec

from fedlearn.formats import records
from fedlearn.formats.records import EventHead
from fedlearn.store import jsonl
from fedlearn.store.jsonl import BadLine, Chunk

# Bytes of a chunk whose UTF-8 is checked at once (to the next newline): a block that is all ASCII
# is not decoded. Unique answers put a non-ASCII character in nearly every 1 MiB chunk, and
# decoding the whole chunk cost as much as decoding its heads.
UTF8_BLOCK = 16 * 1024


@attrs.define
class Candidates:
    """Events that may be high-value: their lines, and their own score when they carry one."""

    lines: list[bytes] = attrs.field(factory=list)
    scores: list[float | None] = attrs.field(factory=list)
    _joined: bytes | None = None

    def joined(self) -> bytes:
        """Return the lines joined by newlines, for one batch decode (joined once, then kept)."""
        if self._joined is None:
            self._joined = b"\n".join(self.lines)
        return self._joined

    def add(self, line: bytes, head: EventHead) -> None:
        """Add one candidate line with its head."""
        self.lines.append(line)
        self.scores.append(head.value_score)
        self._joined = None


@attrs.define
class Filtered:
    """
    The outcome of filtering chunks: lines read and the lines set aside.

    ``bad`` keeps the first bad lines for the quarantine while they fit in ``keep_bytes`` (what
    they take there); from the first that does not fit on, they are only counted in
    ``unkept``, so a broken input (a block of NUL bytes, a binary file) can fill neither memory
    nor the disk. Keeping a prefix makes the parts that workers filter absorb into what one
    process keeps.
    """

    keep_bytes: int = 64 * 1_048_576
    lines: int = 0
    bad: list[BadLine] = attrs.field(factory=list)
    unkept: collections.Counter[str] = attrs.field(factory=collections.Counter)
    kept_bytes: int = 0
    # The run of joined bad lines the last one belongs to: its first line, lines, and cost.
    run: tuple[BadLine, int, int] | None = None

    def set_aside(self, line: BadLine) -> None:
        """
        Keep a bad line for the quarantine when it and every one before it fit, else count it.

        Its cost is what it adds to the quarantine file: a record of its own, or (the very next
        line after the last one kept, same source and reason) its bytes in that record's base64.
        """
        if not self.unkept:
            if self.bad and self.run is not None and jsonl.is_joined(self.bad[-1], line):
                first, count, before = self.run
                run_bytes = line.offset + line.size - first.offset
                cost = jsonl.record_size(first, count + 1, run_bytes)
                run = (first, count + 1, cost)
            else:
                before, cost = 0, jsonl.record_size(line, 1, line.size)
                run = (line, 1, cost)
            if self.kept_bytes + cost - before <= self.keep_bytes:
                self.bad.append(line)
                self.kept_bytes += cost - before
                self.run = run
                return
        self.unkept[line.reason] += 1

    def absorb(self, other: Filtered) -> None:
        """Add what another part of the input filtered (the part that follows what was added)."""
        self.lines += other.lines
        for line in other.bad:
            self.set_aside(line)
        self.unkept.update(other.unkept)

    def quarantine(self) -> bytes:
        """Return the quarantine file's content (``jsonl.quarantine_lines`` of the kept lines)."""
        return jsonl.quarantine_lines(self.bad)

    def bad_count(self) -> int:
        """Return how many bad lines were set aside, kept or only counted."""
        return len(self.bad) + sum(self.unkept.values())

    def reasons(self) -> collections.Counter[str]:
        """Return every bad line, kept or not, counted by reason."""
        return collections.Counter(line.reason for line in self.bad) + self.unkept


def is_candidate(head: EventHead, threshold: float) -> bool:
    """Return whether an event may pass: its own score passes, or it has an outcome to score."""
    if head.value_score is not None:
        return head.value_score >= threshold
    return head.outcome is not None


def filter_chunk(chunk: Chunk, threshold: float, into: Filtered) -> Candidates:
    """Decode one chunk of complete lines; count it into ``into`` and return its candidates."""
    heads = fast_heads(chunk)
    if heads is None:
        return filter_slowly(chunk, threshold, into)
    into.lines += len(heads)
    # The only per-line Python work of the fast path: one comprehension over every head.
    picked = [
        i
        for i, head in enumerate(heads)
        if ((own := head.value_score) is not None and own >= threshold)
        or (own is None and head.outcome is not None)
    ]
    # decode_lines skips blank lines and reads two objects on one line (a lost newline) as two
    # events, so head i need not be line i. A different count shows it (such lines go down the
    # per-line path). A blank line and a double line can balance out; then a picked line in between
    # is not the one its head came from (blank, double, or another event, whose head differs or it
    # would be picked in its own place), which one batch decode of the picked lines checks. Left
    # unseen: a balanced pair with no candidate between (the double line counts as two events).
    if not picked:
        if chunk.buffer.count(b"\n", 0, chunk.size) != len(heads):  # rare: chunks have candidates
            return filter_slowly(chunk, threshold, into, counted=len(heads))
        return Candidates()
    lines = chunk.lines()
    if len(lines) != len(heads):
        return filter_slowly(chunk, threshold, into, counted=len(heads))
    if any(records.is_too_deep(lines[i]) for i in picked):
        return filter_slowly(chunk, threshold, into, counted=len(heads))
    found = Candidates([lines[i] for i in picked], [heads[i].value_score for i in picked])
    if records.HEAD_DECODER.decode_lines(found.joined()) != [heads[i] for i in picked]:
        return filter_slowly(chunk, threshold, into, counted=len(heads))
    return found


def fast_heads(chunk: Chunk) -> list[EventHead] | None:
    """Return the heads of every line, or None when any line is bad or blank (take the slow path)."""
    data = chunk.data
    if not chunk.buffer.isascii() and not is_utf8(chunk.buffer, chunk.size):
        return None  # msgspec does not check the strings of fields it skips
    try:
        # msgspec reads any buffer; msgspec 0.18's stubs say bytes | str.
        heads = records.HEAD_DECODER.decode_lines(cast("bytes", data))
    except (UnicodeDecodeError, msgspec.DecodeError, RecursionError):
        return None
    return heads


def is_utf8(buffer: bytes, size: int) -> bool:
    """
    Return whether ``buffer[:size]`` is UTF-8, decoding only the blocks with a non-ASCII byte.

    Each block ends before a newline, an ASCII byte, which no UTF-8 sequence holds: the whole is
    UTF-8 exactly when every block is.
    """
    view = memoryview(buffer)
    position = 0
    while position < size:
        end = buffer.find(b"\n", position + UTF8_BLOCK, size)
        end = size if end < 0 else end
        if not buffer[position:end].isascii():
            try:
                codecs.utf_8_decode(view[position:end], "strict", True)
            except UnicodeDecodeError:
                return False
        position = end
    return True


def line_offsets(lines: list[bytes], start: int) -> list[int]:
    """Return the byte offset of each line, given the offset of the first."""
    offsets = []
    position = start
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    return offsets


def filter_slowly(chunk: Chunk, threshold: float, into: Filtered, counted: int = 0) -> Candidates:
    """Decode line by line: set bad lines aside, return the candidates (``counted`` lines undone)."""
    into.lines -= counted
    found = Candidates()
    source = str(chunk.path)
    lines = chunk.lines()
    for offset, line in zip(line_offsets(lines, chunk.offset), lines, strict=True):
        if not line.strip():
            continue
        into.lines += 1
        head = decode_head(line)
        if isinstance(head, str):
            into.set_aside(BadLine(source, offset, head, line))
        elif is_candidate(head, threshold):
            found.add(line, head)
    return found


def decode_head(line: bytes) -> EventHead | str:
    """
    Return a line's head, or why the line is bad (invalid-utf8, too_deep, invalid-json,
    wrong-type).
    """
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return "invalid-utf8"
    if records.is_too_deep(line):
        return "too_deep"
    try:
        return records.HEAD_DECODER.decode(line)
    except msgspec.ValidationError:
        return "wrong-type"
    except msgspec.DecodeError:
        return "invalid-json"


def bad_reason(line: bytes) -> str | None:
    """Return why a line is bad (invalid-utf8, too_deep, invalid-json, wrong-type), or None if good."""
    head = decode_head(line)
    return head if isinstance(head, str) else None
