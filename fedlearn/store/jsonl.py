"""JSONL input adapter (DESIGN.md guarantees 3 and 4): read only new complete lines of an input.

``rotation`` says which byte ranges of which files are new since an input's cursor; this module
reads them in chunks of complete lines, leaves a partial last line for the next run, and finds
the inputs named by paths and globs. Bad lines become ``BadLine`` values, never exceptions.
"""

from __future__ import annotations

import base64
import fnmatch
import itertools
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

import attrs
import msgspec

from fedlearn.store.rotation import Segment

log = logging.getLogger(__name__)
# Small enough to stay in the CPU cache between decoding and splitting, and to bound what one chunk's
# lines, heads, candidates and decoded contents take at once while they are learned from (1 MiB
# took ~7 MB more at a sync's peak on diverse text, the same CPU: bench/README.md, session 30).
CHUNK_BYTES = 256 * 1024
LONG_LINE_KEPT = 64 * 1024  # of a line over the size cap, the quarantine keeps this much
# A rotated copy's name: the input's, then a number or a date, maybe compressed (logrotate's shapes).
ROTATED_NAME = re.compile(r"(?P<base>.+?)(?:[.-]\d+)(?:\.(?:gz|bz2|xz|zst|lz4))?")


@attrs.frozen
class BadLine:
    """
    A line set aside: where it came from, why, its length, and its bytes (kept whole, base64; of
    a line over the size cap, its first ``LONG_LINE_KEPT`` bytes).
    """

    source: str
    offset: int
    reason: str
    raw: bytes
    size: int = attrs.field()

    @size.default
    def _whole(self) -> int:
        return len(self.raw)

    def record(self) -> dict[str, object]:
        """Return the quarantine record of this line (a preview of at most 200 UTF-8 bytes)."""
        text = self.raw[:200].decode("utf-8", errors="replace")
        preview = text.encode()[:200].decode("utf-8", errors="ignore")
        return {
            "source": self.source,
            "offset": self.offset,
            "reason": self.reason,
            "bytes": self.size,
            "preview": preview,
            "raw_base64": base64.b64encode(self.raw).decode("ascii"),
            "truncated": len(self.raw) < self.size,
        }


@attrs.frozen
class Chunk:
    """
    Complete lines read from one file, starting at byte ``offset``.

    ``buffer[:size]`` is the lines (it ends with a newline); what follows ``size`` in ``buffer`` is
    the start of a line not complete in this read, kept only to spare a copy.
    """

    path: Path
    offset: int
    buffer: bytes
    size: int = attrs.field()

    @size.default
    def _whole(self) -> int:
        return len(self.buffer)

    @property
    def data(self) -> memoryview:
        """Return the complete lines, without copying them."""
        return memoryview(self.buffer)[: self.size]

    def lines(self) -> list[bytes]:
        """Return the complete lines, without their newlines."""
        lines = self.buffer.split(b"\n")
        lines.pop()  # the bytes after the last newline: b"" or the incomplete line
        return lines


class Reader:
    """
    Read the complete new lines of one segment in chunks.

    After iteration, ``offset`` is the byte after the last complete line consumed, and ``bad`` holds
    lines longer than ``max_line_bytes``.
    """

    def __init__(
        self, segment: Segment, max_line_bytes: int, chunk_bytes: int = CHUNK_BYTES
    ) -> None:
        self.segment = segment
        self.max_line_bytes = max_line_bytes
        self.chunk_bytes = max(chunk_bytes, 1)
        self.offset = segment.start
        self.bad: list[BadLine] = []

    def __iter__(self) -> Iterator[Chunk]:
        """Yield chunks of complete lines; a partial last line stays unread unless final."""
        end = self.segment.end
        with self.segment.path.open("rb", buffering=0) as handle:
            while block := os.pread(handle.fileno(), self.ask(end), self.offset):
                cut = block.rfind(b"\n") + 1
                if cut:
                    yield from self._consume(Chunk(self.segment.path, self.offset, block, cut))
                    continue
                line, length, complete = self._finish_line(handle.fileno(), block)
                if not (complete or self.segment.is_final):
                    return  # the end of the file inside a line: a writer is still appending it
                # A rotated file is never appended to again: its unterminated tail is a line too.
                newline = 1 if complete else 0
                if length - newline > self.max_line_bytes:
                    self.set_aside_long(line, self.offset, length - newline)
                    self.offset += length
                else:
                    chunk = line if complete else line + b"\n"
                    yield from self._consume(
                        Chunk(self.segment.path, self.offset, chunk), extra=newline - 1
                    )
                if not complete:
                    return

    def ask(self, end: int | None) -> int:
        """Return how many bytes to read next: a chunk, or what is left before ``end``."""
        return self.chunk_bytes if end is None else min(self.chunk_bytes, end - self.offset)

    def _finish_line(self, fd: int, block: bytes) -> tuple[bytes, int, bool]:
        """
        Return the line ``block`` starts: its bytes, its length (with its newline) and whether it
        has a newline (else the file ends inside it).

        Memory stays bounded by the size cap: of a line over it, only the start is kept.
        """
        parts, length = [block], len(block)
        while more := os.pread(fd, self.chunk_bytes, self.offset + length):
            newline = more.find(b"\n")
            taken = more if newline == -1 else more[: newline + 1]
            if length <= self.max_line_bytes:
                parts.append(taken)
            length += len(taken)
            if newline != -1:
                return b"".join(parts), length, True
        return b"".join(parts), length, False

    def set_aside_long(self, line: bytes, offset: int, size: int) -> None:
        """Record a line over the size cap in ``bad``, keeping only its first LONG_LINE_KEPT bytes."""
        self.bad.append(
            BadLine(str(self.segment.path), offset, "too-long", line[:LONG_LINE_KEPT], size)
        )

    def _consume(self, chunk: Chunk, extra: int = 0) -> Iterator[Chunk]:
        """Advance past ``chunk`` and yield its runs of lines within the size cap."""
        self.offset += chunk.size + extra
        if not may_hold_long_lines(chunk.buffer, chunk.size, self.max_line_bytes):
            yield chunk
            return
        lines = chunk.lines()
        if max(map(len, lines)) <= self.max_line_bytes:
            yield chunk
            return
        yield from self._without_long(lines, chunk.offset)

    def _without_long(self, lines: list[bytes], start: int) -> Iterator[Chunk]:
        """Yield the runs of lines between over-long ones; record the long ones in ``bad``."""
        run: list[bytes] = []
        run_start = position = start
        for line in lines:
            if len(line) > self.max_line_bytes:
                if run:
                    yield Chunk(self.segment.path, run_start, b"\n".join(run) + b"\n")
                self.set_aside_long(line, position, len(line))
                run, run_start = [], position + len(line) + 1
            else:
                run.append(line)
            position += len(line) + 1
        if run:
            yield Chunk(self.segment.path, run_start, b"\n".join(run) + b"\n")


def may_hold_long_lines(data: bytes, size: int, limit: int) -> bool:
    """
    Return False when no line in ``data[:size]`` can be longer than ``limit`` bytes.

    A line longer than ``limit`` covers a whole aligned block of ``limit // 2 + 1`` bytes, so a
    newline in every such block rules it out with a handful of memchr scans instead of a split.
    """
    if size <= limit:
        return False
    block = limit // 2 + 1
    return any(
        data.find(b"\n", start, start + block) == -1 for start in range(0, size - block + 1, block)
    )


def line_start_after(path: Path, position: int) -> int | None:
    """Return the offset just after the first newline at or after ``position``, or None."""
    with path.open("rb", buffering=0) as handle:
        while block := os.pread(handle.fileno(), 64 * 1024, position):
            newline = block.find(b"\n")
            if newline != -1:
                return position + newline + 1
            position += len(block)
    return None


def divide(segment: Segment, parts: int) -> list[Segment]:
    """
    Return ``segment`` cut into up to ``parts`` consecutive ranges of about equal size.

    Every cut is a line start, so each range holds whole lines; the last range keeps the
    segment's open end (and ``is_final``).
    """
    size = segment.path.stat().st_size if segment.end is None else segment.end
    starts = [segment.start]
    for part in range(1, parts):
        cut = line_start_after(segment.path, segment.start + (size - segment.start) * part // parts)
        if cut is not None and starts[-1] < cut < size:
            starts.append(cut)
    ranges = [Segment(segment.path, a, end=b) for a, b in itertools.pairwise(starts)]
    return [*ranges, attrs.evolve(segment, start=starts[-1])]


def expand(patterns: list[str], known: Iterable[str] = (), besides: str = "") -> list[Path]:
    """
    Return the input files named by paths or globs, sorted, without duplicates.

    ``known`` are the inputs read before (their cursors): one a glob matched that is gone now
    stays an input, so its cursor finishes its rotated copy (a writer that reopens its file on its
    next line leaves only ``events.jsonl.1`` for a while). A glob match that is a rotated copy of
    another input (``events.jsonl.1``, ``.2.gz``, ``-20260101``) is left out: the input's own
    cursor finishes it, and read as an input of its own it would be read twice. ``besides`` is
    another job's input (the fine-tuning dataset), never one of these: a glob such as
    ``…/**/*.jsonl`` that matches it would share its cursor. ``unreadable`` says which of the
    patterns name nothing to read, so a typo does not leave sync idle without a word.
    """
    found: set[Path] = set()
    for pattern in patterns:
        if is_glob(pattern):
            root = Path(pattern).anchor or "."
            relative = os.path.relpath(pattern, root) if Path(pattern).is_absolute() else pattern
            matches = {p for p in Path(root).glob(relative) if p.is_file()}
            matches |= {Path(k) for k in known if glob_matches(k, pattern)}  # gone ones, mostly
            found.update(matches)
        else:
            found.add(Path(pattern))
    rotated = {
        path
        for path in found
        if (match := ROTATED_NAME.fullmatch(path.name)) and path.with_name(match["base"]) in found
    }
    for path in sorted(rotated):
        log.debug("%s: a rotated copy of another input, finished through that input's cursor", path)
    return sorted(found - rotated - {Path(besides)})


def is_glob(pattern: str) -> bool:
    """Return whether an input pattern is a glob (else a plain path)."""
    return any(ch in pattern for ch in "*?[")


def unreadable(patterns: list[str], known: Iterable[str] = ()) -> dict[str, str]:
    """
    Return the configured inputs that name nothing to read, with why: ``missing`` (no such file),
    ``folder`` (a folder, not a file) or ``no match`` (a glob that matches no file, nor one read
    before). Sync warns about each on every run; status and the metrics show them.
    """
    found = {}
    for pattern in patterns:
        if not pattern:
            continue
        if is_glob(pattern):
            if not expand([pattern], known):
                found[pattern] = "no match"
        elif Path(pattern).is_dir():
            found[pattern] = "folder"
        elif not Path(pattern).exists():
            found[pattern] = "missing"
    return found


def glob_matches(path: str, pattern: str) -> bool:
    """Return whether ``path`` is one ``pattern`` names (``**`` spans folders, as in ``glob``)."""
    if "**" in pattern:  # fnmatch's * spans folders; **/ may also stand for no folder at all
        return any(fnmatch.fnmatchcase(path, p) for p in (pattern, pattern.replace("**/", "")))
    return PurePath(path).match(pattern) and len(PurePath(path).parts) == len(
        PurePath(pattern).parts
    )


def quarantine_lines(bad: list[BadLine]) -> bytes:
    """
    Return the quarantine JSONL of ``bad`` lines: one record per run of joined lines
    (``is_joined``), so a block of garbage costs its base64 (4/3) and one record's keys, not a
    record per short line (issue 18: 5 MB of garbage made 16 MB of quarantine).
    """
    out = []
    for run in runs_of(bad):
        raw = b"\n".join(line.raw for line in run)
        record = run_record(run[0], len(run), run[-1].offset + run[-1].size - run[0].offset)
        record["raw_base64"] = base64.b64encode(raw).decode("ascii")
        out.append(msgspec.json.encode(record) + b"\n")
    return b"".join(out)


def is_joined(before: BadLine, line: BadLine) -> bool:
    """Return whether ``line`` continues ``before``'s record: the very next line, same source and
    reason, both kept whole."""
    return (
        before.offset + before.size + 1 == line.offset
        and before.reason == line.reason
        and before.source == line.source
        and len(before.raw) == before.size
        and len(line.raw) == line.size
    )


def runs_of(bad: list[BadLine]) -> list[list[BadLine]]:
    """Return ``bad`` cut into runs of joined lines, in order."""
    found: list[list[BadLine]] = []
    for line in bad:
        if found and is_joined(found[-1][-1], line):
            found[-1].append(line)
        else:
            found.append([line])
    return found


def run_record(first: BadLine, lines: int, size: int) -> dict[str, object]:
    """Return the record of a run of ``lines`` joined lines, ``size`` bytes, without its raw bytes."""
    record = first.record()
    del record["raw_base64"]
    record["bytes"] = size
    if lines > 1:
        record["lines"] = lines
    return record


def record_size(first: BadLine, lines: int, size: int) -> int:
    """Return the exact length of a run's quarantine line (``quarantine_lines``), without encoding
    its raw bytes: base64 of ``size`` bytes (of a truncated line, its kept bytes) is known."""
    kept = size if lines > 1 else len(first.raw)
    fixed = len(msgspec.json.encode(run_record(first, lines, size)))
    return fixed + len(',"raw_base64":""') + 4 * ((kept + 2) // 3) + 1
