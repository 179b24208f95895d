"""JSONL input adapter (DESIGN.md guarantees 3 and 4): read only new complete lines of an input.

A cursor per input (offset, device/inode, hash of the first bytes) notices appends, rotation (the
rotated file with unread bytes is finished first, be it the renamed file or a ``copytruncate``
copy, then the files rotated after it: ``.2``, then ``.1``), truncation, and leaves a partial last
line for the next run. Bad lines become ``BadLine`` values, never exceptions.
"""

from __future__ import annotations

import base64
import bz2
import fnmatch
import gzip
import hashlib
import io
import itertools
import logging
import lzma
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath

import attrs
import msgspec

from fedlearn.state import Cursor

log = logging.getLogger(__name__)
CHUNK_BYTES = 1024 * 1024  # small enough to stay in the CPU cache between decoding and splitting
HEAD_BYTES = 1024
LONG_LINE_KEPT = 64 * 1024  # of a line over the size cap, the quarantine keeps this much
OTHER_ROTATED_SUFFIXES = ("-1",)  # besides .0, .1, .2, …
# Compressed rotated copies whose first bytes can be read, to know the file read last among them.
DECOMPRESSORS: dict[str, Callable[[Path], io.BufferedIOBase]] = {
    ".gz": gzip.GzipFile,
    ".bz2": bz2.BZ2File,
    ".xz": lzma.LZMAFile,
}
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
        """Return the quarantine record of this line."""
        preview = self.raw[:200].decode("utf-8", errors="replace")
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


@attrs.frozen
class Segment:
    """
    A byte range still to read: ``path`` from ``start`` to ``end`` (a line start) or its end.

    ``is_final`` when nothing will be appended (a rotated file: its unterminated tail is a line).
    """

    path: Path
    start: int
    is_final: bool = False
    end: int | None = None


def head_hash(path: Path, length: int) -> str:
    """Return sha256 hex of the first ``min(length, HEAD_BYTES)`` bytes of ``path``."""
    with path.open("rb") as handle:
        return hashlib.sha256(handle.read(min(length, HEAD_BYTES))).hexdigest()


def is_read_file(path: Path, info: os.stat_result, cursor: Cursor) -> bool:
    """
    Return whether ``path`` (its stat ``info``) is the file ``cursor`` was reading.

    The inode decides, and the device number too unless the first bytes the cursor read are
    there: a btrfs subvolume or an NVMe partition may get another device number at the next boot,
    and the file is still the same one.
    """
    if info.st_ino != cursor.inode:
        return False
    if info.st_dev == cursor.device:
        return True
    return info.st_size >= cursor.offset and head_hash(path, cursor.offset) == cursor.head


def find_rotated(path: Path, cursor: Cursor) -> list[Path]:
    """
    Return the rotated files still to read when the cursor's file was renamed away, oldest first:
    the cursor's file (now ``.N``), then ``.N-1`` … ``.1``, written since. Empty when the cursor's
    file is not among the rotated siblings.
    """
    return rotations_since(path, lambda sibling, info: is_read_file(sibling, info, cursor))


def sibling_of(path: Path, file: tuple[int, int]) -> Path | None:
    """Return the rotated sibling of ``path`` that is ``file`` (device, inode), if any."""
    for sibling, info in rotated_siblings(path):
        if (info.st_dev, info.st_ino) == file:
            return sibling
    return None


def find_copy(path: Path, cursor: Cursor) -> list[Path]:
    """
    Return the rotated copies still to read after ``copytruncate``, oldest first: the copy of what
    the cursor read (another file, at least as long, with the same first bytes), then the copies
    made since. Empty when there is no such copy.
    """

    def is_copy(sibling: Path, info: os.stat_result) -> bool:
        return (
            not is_read_file(sibling, info, cursor)
            and info.st_size >= cursor.offset
            and head_hash(sibling, cursor.offset) == cursor.head
        )

    return rotations_since(path, is_copy)


def rotations_since(path: Path, was_read: Callable[[Path, os.stat_result], bool]) -> list[Path]:
    """
    Return the first rotated sibling that ``was_read`` and the siblings rotated after it, oldest
    first (``.3``, ``.2``, ``.1``); empty when none was read.
    """
    for chain in rotation_chains(path):
        for newer, (sibling, info) in enumerate(chain):
            if was_read(sibling, info):
                return [name for name, _ in reversed(chain[: newer + 1])]
    return []


def rotated_siblings(path: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Yield the rotated siblings of ``path`` that exist, with their stat (``rotation_chains``)."""
    return itertools.chain.from_iterable(rotation_chains(path))


def rotation_chains(path: Path) -> Iterator[list[tuple[Path, os.stat_result]]]:
    """
    Yield the rotated siblings of ``path`` that exist, with their stat, as chains, newest first:
    ``.1``, ``.2``, … up to the first number missing, led by ``.0`` when that is newer than
    ``.1`` (a tool that numbers from 0, as newsyslog does), else ``.0`` alone; then ``-1``.

    When ``path`` is a symlink, the file it points to is the one rotated: look beside it too.
    """
    for base in dict.fromkeys([path, path.resolve()]):
        numbered = list(numbered_rotations(base))
        zero = existing(base.with_name(f"{base.name}.0"))
        if zero is not None and (not numbered or zero[1].st_mtime_ns >= numbered[0][1].st_mtime_ns):
            yield [zero, *numbered]
        else:
            yield numbered
            if zero is not None:  # older than .1: not of its chain (left by another scheme)
                yield [zero]
        for suffix in OTHER_ROTATED_SUFFIXES:
            if found := existing(base.with_name(base.name + suffix)):
                yield [found]


def numbered_rotations(base: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Yield ``base.1``, ``base.2``, … with their stat, up to the first number missing."""
    for number in itertools.count(1):
        found = existing(base.with_name(f"{base.name}.{number}"))
        if found is None:
            return
        yield found


def existing(path: Path) -> tuple[Path, os.stat_result] | None:
    """Return ``path`` with its stat, or None when it does not exist."""
    try:
        return path, path.stat()
    except FileNotFoundError:
        return None


def plan(path: Path, cursor: Cursor | None) -> list[Segment]:
    """
    Return the segments to read for one input, given its cursor.

    Same file, grown or equal: from the cursor. Same file but shorter or rewritten: from 0
    (truncation). Another file (rotation): the rest of the rotated sibling first, then the new
    file from 0.
    """
    if cursor is None:
        return [Segment(path, 0)] if path.exists() else []
    try:
        info = path.stat()
    except FileNotFoundError:
        if is_folder_missing(path):
            log.info("%s: its folder is not there (not mounted yet?); its cursor waits", path)
            return []
        info = None
    if info is not None and is_read_file(path, info, cursor):
        if info.st_size >= cursor.offset and head_hash(path, cursor.offset) == cursor.head:
            return [Segment(path, cursor.offset)]
        copies = find_copy(path, cursor) if cursor.offset else []
        if copies:  # copytruncate: the copies hold the unread tail and what came after it
            log.info("%s: truncated after a copy; finishing %s first", path, names(copies))
            return [*rest_of(copies, cursor.offset), Segment(path, 0)]
        log.info("%s: truncated or rewritten; reading it again from the start", path)
        return [Segment(path, 0)]
    rotated = find_rotated(path, cursor)
    if len(rotated) > 1:
        log.info(
            "%s: rotated %d times since the last read; reading %s",
            path,
            len(rotated),
            names(rotated),
        )
    lost = not rotated and cursor.offset > 0
    segments = since_lost(path, cursor) if lost else rest_of(rotated, cursor.offset)
    if info is not None:
        segments.append(Segment(path, 0))
    return segments


def since_lost(path: Path, cursor: Cursor) -> list[Segment]:
    """
    Return the segments of the plain rotated files written since the file the cursor read went
    out of reach (compressed before its rest was read, or removed), and warn that its rest is lost.
    """
    found = find_compressed(path, cursor)
    if found is None:
        log.warning(
            "%s: rotated, and the file read last is gone: lines added to it since are lost", path
        )
        return []
    compressed, newer = found
    log.warning(
        "%s: the file read last was compressed to %s before its rest was read: lines added to it "
        "since are lost%s",
        path,
        compressed.name,
        f"; reading {names(newer)}, rotated since" if newer else "",
    )
    return [Segment(file, 0, is_final=True) for file in newer]


def find_compressed(path: Path, cursor: Cursor) -> tuple[Path, list[Path]] | None:
    """
    Return the compressed rotated copy that is the file ``cursor`` read (its first bytes are the
    ones read), with the plain rotated files numbered below it, oldest first (``delaycompress``
    leaves ``.1`` plain); None when no copy is.
    """
    for base in dict.fromkeys([path, path.resolve()]):
        newer: list[Path] = []
        for number in itertools.count(1):
            plain = base.with_name(f"{base.name}.{number}")
            packed = [plain.with_name(plain.name + ext) for ext in DECOMPRESSORS]
            packed = [file for file in packed if file.is_file()]
            for file in packed:
                if compressed_head(file, cursor.offset) == cursor.head:
                    return file, newer[::-1]
            if plain.is_file():
                newer.append(plain)
            elif not packed:
                break
    return None


def compressed_head(path: Path, length: int) -> str | None:
    """Return ``head_hash`` of the decompressed ``path``, or None when it cannot be read."""
    try:
        with DECOMPRESSORS[path.suffix](path) as handle:
            return hashlib.sha256(handle.read(min(length, HEAD_BYTES))).hexdigest()
    except (OSError, EOFError, lzma.LZMAError):  # a copy still being compressed, a damaged one
        return None


def is_folder_missing(path: Path) -> bool:
    """
    Return whether the folder of ``path`` (of the file it links to) is not there: a file system
    not mounted yet, a home not unlocked. The file may come back as it was, so its cursor stays.
    """
    return not path.resolve().parent.is_dir()


def rest_of(rotated: list[Path], offset: int) -> list[Segment]:
    """Return the segments of rotated files still to read: the first from ``offset``, the rest whole."""
    return [
        Segment(file, offset if newer == 0 else 0, is_final=True)
        for newer, file in enumerate(rotated)
    ]


def names(paths: list[Path]) -> str:
    """Return file names for a log line: ``a.2, a.1``."""
    return ", ".join(path.name for path in paths)


def identity(path: Path) -> tuple[int, int] | None:
    """Return the (device, inode) of ``path``, or None when it does not exist."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


def cursor_after(
    path: Path, offset: int, name: Path | None = None, read: tuple[int, int] | None = None
) -> Cursor | None:
    """
    Return the cursor of ``path`` read up to ``offset``, or None when it does not exist.

    ``name`` is the configured input the cursor is kept under (the file read may be its rotated
    sibling). ``read`` is the (device, inode) of the file that was read: when ``path`` is another
    file by now (rotated meanwhile), the cursor stays on the one read, found among the rotated
    siblings (or, gone, with no head, so that no other file ever matches it).
    """
    found = identity(path)
    if read is not None and found != read:  # rotated or removed while it was read
        sibling = sibling_of(path, read)
        if sibling is None:
            return Cursor(
                path=str(name or path), device=read[0], inode=read[1], offset=offset, head=""
            )
        path, found = sibling, read
    if found is None:
        return None
    return Cursor(
        path=str(name or path),
        device=found[0],
        inode=found[1],
        offset=offset,
        head=head_hash(path, offset),
    )


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


def read_segments(
    path: Path, cursor: Cursor | None, read: Callable[[Segment], tuple[int, list[BadLine]]]
) -> tuple[Cursor | None, list[BadLine]]:
    """
    Read every segment of input ``path`` with ``read`` (which returns the offset it reached and
    the over-long lines it set aside), in order.

    Return the cursor to store once the lines are safely processed (None once the input and its
    rotated copies are gone from a folder that is there: nothing is left to follow), and the
    over-long lines.
    """
    segments = plan(path, cursor)
    if not segments:
        return (cursor if cursor is not None and is_folder_missing(path) else None), []
    new_cursor, bad = cursor, []
    for segment in segments:
        before = identity(segment.path)  # the file read, should it be rotated while it is read
        offset, segment_bad = read(segment)
        bad += segment_bad
        new_cursor = cursor_after(segment.path, offset, name=path, read=before) or new_cursor
    return new_cursor, bad


def each_chunk(
    max_line_bytes: int, on_chunk: Callable[[Chunk], None]
) -> Callable[[Segment], tuple[int, list[BadLine]]]:
    """Return a segment reader (for ``read_segments``) that passes every chunk to ``on_chunk``."""

    def read(segment: Segment) -> tuple[int, list[BadLine]]:
        reader = Reader(segment, max_line_bytes)
        for chunk in reader:
            on_chunk(chunk)
        return reader.offset, reader.bad

    return read


def read_new(
    path: Path, cursor: Cursor | None, max_line_bytes: int, on_chunk: Callable[[Chunk], None]
) -> tuple[Cursor | None, list[BadLine]]:
    """Pass every new complete line of input ``path`` to ``on_chunk``, in order (``read_segments``)."""
    return read_segments(path, cursor, each_chunk(max_line_bytes, on_chunk))


def expand(patterns: list[str], known: Iterable[str] = ()) -> list[Path]:
    """
    Return the input files named by paths or globs, sorted, without duplicates.

    ``known`` are the inputs read before (their cursors): one a glob matched that is gone now
    stays an input, so its cursor finishes its rotated copy (a writer that reopens its file on its
    next line leaves only ``events.jsonl.1`` for a while). A glob match that is a rotated copy of
    another input (``events.jsonl.1``, ``.2.gz``, ``-20260101``) is left out: the input's own
    cursor finishes it, and read as an input of its own it would be read twice. A glob that
    matches nothing is logged, so a typo does not leave sync idle without a word.
    """
    found: set[Path] = set()
    for pattern in patterns:
        if any(ch in pattern for ch in "*?["):
            root = Path(pattern).anchor or "."
            relative = os.path.relpath(pattern, root) if Path(pattern).is_absolute() else pattern
            matches = {p for p in Path(root).glob(relative) if p.is_file()}
            matches |= {Path(k) for k in known if glob_matches(k, pattern)}  # gone ones, mostly
            if not matches:
                log.warning("input %s matches no file (yet)", pattern)
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
    return sorted(found - rotated)


def glob_matches(path: str, pattern: str) -> bool:
    """Return whether ``path`` is one ``pattern`` names (``**`` spans folders, as in ``glob``)."""
    if "**" in pattern:  # fnmatch's * spans folders; **/ may also stand for no folder at all
        return any(fnmatch.fnmatchcase(path, p) for p in (pattern, pattern.replace("**/", "")))
    return PurePath(path).match(pattern) and len(PurePath(path).parts) == len(
        PurePath(pattern).parts
    )


def quarantine_lines(bad: list[BadLine]) -> bytes:
    """Return the quarantine JSONL of ``bad`` lines."""
    return b"".join(msgspec.json.encode(line.record()) + b"\n" for line in bad)
