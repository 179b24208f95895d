"""Filter stage: decode telemetry chunks and keep the high-value events (value_score ≥ threshold).

Fast path: one ``decode_lines`` of a three-field Struct over the whole chunk, then a full decode of
only the events that pass. Any bad line sends the chunk down the per-line path, which sets the bad
lines aside (guarantee 3) and keeps the good ones around them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import msgspec

from fedlearn import records, score
from fedlearn.jsonl import BadLine, Chunk
from fedlearn.records import EventHead


@attrs.frozen
class Event:
    """A high-value event: the decoded object and its score."""

    body: dict[str, Any]
    value_score: float


@attrs.define
class Filtered:
    """The outcome of filtering chunks: counts, the events that passed, the lines set aside."""

    lines: int = 0
    events: list[Event] = attrs.field(factory=list)
    bad: list[BadLine] = attrs.field(factory=list)


def is_candidate(head: EventHead, threshold: float) -> bool:
    """Return whether an event may pass: its own score passes, or it has an outcome to score."""
    if head.value_score is not None:
        return head.value_score >= threshold
    return head.outcome is not None


def filter_chunk(chunk: Chunk, threshold: float, into: Filtered) -> None:
    """Decode one chunk of complete lines and add its high-value events and bad lines to ``into``."""
    lines = chunk.data.split(b"\n")[:-1]
    heads = fast_heads(chunk.data, len(lines))
    if heads is None:
        filter_slowly(chunk, lines, threshold, into)
        return
    into.lines += len(lines)
    # One comprehension over a million heads instead of a call per head.
    candidates = [
        i for i, h in enumerate(heads) if h.value_score is not None or h.outcome is not None
    ]
    for index in candidates:
        if is_candidate(heads[index], threshold):
            keep(lines[index], threshold, into)


def fast_heads(data: bytes, count: int) -> list[EventHead] | None:
    """Return the heads of every line, or None when any line is bad or blank (take the slow path)."""
    try:
        if not data.isascii():
            data.decode("utf-8")  # msgspec does not check the strings of fields it skips
        heads = records.HEAD_DECODER.decode_lines(data)
    except (UnicodeDecodeError, msgspec.DecodeError):
        return None
    return heads if len(heads) == count else None


def line_offsets(lines: list[bytes], start: int) -> list[int]:
    """Return the byte offset of each line, given the offset of the first."""
    offsets = []
    position = start
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    return offsets


def filter_slowly(chunk: Chunk, lines: list[bytes], threshold: float, into: Filtered) -> None:
    """Decode line by line: set bad lines aside, keep the high-value ones."""
    source = str(chunk.path)
    for offset, line in zip(line_offsets(lines, chunk.offset), lines, strict=True):
        if not line.strip():
            continue
        into.lines += 1
        reason = bad_reason(line)
        if reason is not None:
            into.bad.append(BadLine(source, offset, reason, line))
            continue
        if is_candidate(records.HEAD_DECODER.decode(line), threshold):
            keep(line, threshold, into)


def bad_reason(line: bytes) -> str | None:
    """Return why a line is bad (invalid-utf8, invalid-json, wrong-type), or None when it is good."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return "invalid-utf8"
    try:
        records.HEAD_DECODER.decode(line)
    except msgspec.ValidationError:
        return "wrong-type"
    except msgspec.DecodeError:
        return "invalid-json"
    return None


def keep(line: bytes, threshold: float, into: Filtered) -> None:
    """Decode a candidate fully and keep it when its score reaches the threshold."""
    body = records.ANY_DECODER.decode(line)
    value = score.value_score(body)
    if value is not None and value >= threshold:
        into.events.append(Event(body, value))


def filter_chunks(chunks: Iterator[Chunk], threshold: float, into: Filtered) -> None:
    """Filter every chunk into ``into``."""
    for chunk in chunks:
        filter_chunk(chunk, threshold, into)
