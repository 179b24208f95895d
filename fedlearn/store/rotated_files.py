"""A file's rotated siblings on disk, and which of them is the file a cursor read (guarantee 4).

A cursor's file is known by its device/inode and the hash of the first bytes it read
(``is_read_file``, ``head_hash``). Beside an input lie the files a rotation left: ``.1``, ``.2``,
… (led by ``.0`` when a tool numbers from 0), ``-1``, each also beside the file a symlink points
to (``rotation_chains``). Here they are found: the one renamed away with the cursor's unread tail
(``find_rotated``), a ``copytruncate`` copy (``find_copy``, ``copies_since``), one compressed
since (``find_compressed``), and the newest one (``newest_sibling``). ``rotation`` turns what they
find into the segments to read.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from fedlearn.store.state import Cursor

HEAD_BYTES = 1024


OTHER_ROTATED_SUFFIXES = ("-1",)  # besides .0, .1, .2, …


# Compressed rotated copies whose first bytes can be read, to know the file read last among them:
# the module that opens each (imported only when such a copy is looked at, which most runs never do).
COMPRESSED = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma"}


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
