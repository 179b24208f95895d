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

import logging
from collections.abc import Iterator
from pathlib import Path

import attrs

from fedlearn.store import rotated_files
from fedlearn.store.state import Cursor

log = logging.getLogger(__name__)


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
    if info is not None and rotated_files.is_read_file(path, info, cursor):
        copied = rotated_files.copies_since(path, cursor.newest_copy) if cursor.offset == 0 else []
        if copied:  # copytruncate of a file read when it was empty: the copies hold it all
            log.info("%s: truncated after a copy; reading %s first", path, names(copied))
            return [*(Segment(copy, 0) for copy in copied), Segment(path, 0)]
        if (
            info.st_size >= cursor.offset
            and rotated_files.head_hash(path, cursor.offset) == cursor.head
        ):
            return [Segment(path, cursor.offset)]
        copies = rotated_files.find_copy(path, cursor) if cursor.offset else []
        if copies:  # copytruncate: the copies hold the unread tail and what came after it
            log.info("%s: truncated after a copy; finishing %s first", path, names(copies))
            return [*rest_of(copies, cursor.offset), Segment(path, 0)]
        log.info("%s: truncated or rewritten; reading it again from the start", path)
        return [Segment(path, 0)]
    rotated = rotated_files.find_rotated(path, cursor)
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
    found = rotated_files.find_compressed(path, cursor)
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
        sibling = rotated_files.sibling_of(path, read)
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
        head=rotated_files.head_hash(path, offset),
        newest_copy=rotated_files.newest_sibling(path) if offset == 0 else None,
    )


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
