"""Where an input's unread bytes are (DESIGN.md guarantee 4): its cursor against the files now.

A cursor (offset, device/inode, hash of the first bytes) notices appends, rotation (the rotated
file with unread bytes is finished first, be it the renamed file or a ``copytruncate`` copy, then
the files rotated after it: ``.2``, then ``.1``; a copy compressed since is known by its first
bytes), truncation, and a device number that changed at a reboot. ``plan`` turns that into the
``Segment``s to read; ``cursor_after`` is the cursor once they are read. ``Follow`` carries one
input through that loop, for a reader that iterates its segments itself:

    follow = rotation.Follow(path, cursor)
    for segment in follow.segments():
        follow.read_to(segment, offset_reached_by_reading(segment))
    cursor = follow.cursor
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

from fedlearn.store.state import Cursor

log = logging.getLogger(__name__)
HEAD_BYTES = 1024
OTHER_ROTATED_SUFFIXES = ("-1",)  # besides .0, .1, .2, …
# Compressed rotated copies whose first bytes can be read, to know the file read last among them:
# the module that opens each (imported only when such a copy is looked at, which most runs never do).
COMPRESSED = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma"}


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
        copied = copies_since(path, cursor.newest_copy) if cursor.offset == 0 else []
        if copied:  # copytruncate of a file read when it was empty: the copies hold it all
            log.info("%s: truncated after a copy; reading %s first", path, names(copied))
            return [*(Segment(copy, 0) for copy in copied), Segment(path, 0)]
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
            packed = [plain.with_name(plain.name + ext) for ext in COMPRESSED]
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
    module = importlib.import_module(COMPRESSED[path.suffix])
    damaged = (OSError, EOFError, getattr(module, "LZMAError", OSError))
    try:
        with module.open(path, "rb") as handle:
            return hashlib.sha256(handle.read(min(length, HEAD_BYTES))).hexdigest()
    except damaged:  # a copy still being compressed, a damaged one
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
        newest_copy=newest_sibling(path) if offset == 0 else None,
    )


def newest_sibling(path: Path) -> list[int]:
    """Return the (device, inode) of ``path``'s newest rotated sibling, ``[]`` when it has none."""
    for _, info in rotated_siblings(path):
        return [info.st_dev, info.st_ino]
    return []


def copies_since(path: Path, known: list[int] | None) -> list[Path]:
    """
    Return the rotated siblings newer than ``known`` (the newest one when the cursor was made),
    oldest first: all of the newest chain when there was none then. Empty when ``known`` is None
    (not recorded) or is no longer among the siblings (too many rotations to tell).
    """
    if known is None:
        return []
    newer: list[Path] = []
    for sibling, info in next(rotation_chains(path), []):
        if [info.st_dev, info.st_ino] == known:
            return newer[::-1]
        newer.append(sibling)
    return newer[::-1] if not known else []


@attrs.define
class Follow:
    """
    One input's segments to read now, and its cursor as they are read (the read loop's state).

    Attributes:
        path: the configured input.
        cursor: its cursor: the one it had, then the one after each segment read; None once the
            input and its rotated copies are gone from a folder that is there (nothing to follow).
    """

    path: Path
    cursor: Cursor | None
    read_file: tuple[int, int] | None = None

    def segments(self) -> Iterator[Segment]:
        """Yield the segments to read, in order; call ``read_to`` after reading each."""
        found = plan(self.path, self.cursor)
        if not found and not (self.cursor is not None and is_folder_missing(self.path)):
            self.cursor = None
        for segment in found:
            self.read_file = identity(segment.path)  # should it be rotated while it is read
            yield segment

    def read_to(self, segment: Segment, offset: int) -> None:
        """Record that ``segment`` was read (and its lines safely processed) up to ``offset``."""
        after = cursor_after(segment.path, offset, name=self.path, read=self.read_file)
        self.cursor = after or self.cursor
