"""What other nodes' pattern files held when last read, so a reader re-reads only changed files.

Import reads shard ``<xx>`` of every node for each shard a change touched (``docs/data-layout.md``),
so with many nodes most of what it reads did not change. This cache keeps, per pattern file, the
verified records ``patterns.read`` gave and the file's ``lstat`` identity when it was read
(inode, size, modification and change times in ns); a file whose identity is the same is not
opened again. Git replaces a file it checks out (a new inode) and every write moves its times, so
an entry is used only for the file it was made from. A file read within ``RACY`` of its last
change is not cached (a rewrite within the filesystem's timestamp granularity could keep its
times), nor one with any line refused (its records may depend on the clock: a record dated in
the future is refused until its day comes), nor a held file under ``[trust]`` (read from git).

The cache is one msgpack file per category and shard under the state dir (``<state>/cache/
patterns/<category>/<shard>.msgpack``; ``old`` for the old layout's whole files), so a reader of a
few shards loads only those. Entries of files gone are dropped when their group is saved. It is
this node's own file: losing or corrupting it only makes the next read slower.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import msgspec

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern
from fedlearn.store import atomic, git_held

RACY = 2_000_000_000  # ns: a file changed this recently is not cached
OLD = "old"  # the group of the old layout's whole files of a category


class Entry(msgspec.Struct, array_like=True, frozen=True):
    """One file's identity when read (inode, size, mtime_ns, ctime_ns) and its verified records."""

    key: tuple[int, int, int, int]
    patterns: list[Pattern]


Group = dict[str, Entry]  # path relative to the repo -> entry
ENCODER = msgspec.msgpack.Encoder()
DECODER = msgspec.msgpack.Decoder(Group)
Reader = Callable[[Path], tuple[list[Pattern], bool]]  # records, and whether every line was kept


def identity(info: os.stat_result) -> tuple[int, int, int, int]:
    """Return what identifies one version of a file: inode, size, mtime and ctime in ns."""
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@attrs.define
class Cache:
    """
    The cached records of the pattern files read, by group (category, shard).

    Attributes:
        folder: ``<state>/cache/patterns``.
        groups: the groups loaded so far.
        seen: the paths read in this run, per group (the others are dropped on ``save``).
        dirty: the groups whose entries changed in this run.
        started: when this run began (``time.time_ns``): files changed after ``started - racy``
            are not cached.
        racy: ``RACY`` (tests set 0).
        holding: whether the clone holds any path under ``[trust]`` (looked up once per run: a
            screen, which changes it, runs in pull and publish, never during a read).
        partial: the paths read in this run with a line refused (or refused whole): what they
            give may change with the clock alone.
    """

    folder: Path
    groups: dict[tuple[str, str], Group] = attrs.field(factory=dict)
    seen: dict[tuple[str, str], set[str]] = attrs.field(factory=dict)
    dirty: set[tuple[str, str]] = attrs.field(factory=set)
    started: int = attrs.field(factory=time.time_ns)
    racy: int = RACY
    holding: bool | None = None
    partial: set[str] = attrs.field(factory=set)

    def read(self, repo: Path, path: Path, reader: Reader) -> list[Pattern]:
        """Return the verified records of ``path`` (``reader``), from the cache when unchanged."""
        name = path.relative_to(repo).as_posix()
        group = self.group(path)
        self.seen.setdefault(group, set()).add(name)
        entries = self.load(group)
        try:
            info = os.lstat(path)
        except OSError:
            info = None
        if self.holding is None:
            view = git_held.view_of(repo)
            self.holding = view is not None and bool(view[1].held)
        held = self.holding and git_held.hold_of(path) is not None
        usable = info is not None and stat.S_ISREG(info.st_mode) and not held
        entry = entries.get(name)
        if usable and info is not None and entry is not None and entry.key == identity(info):
            return entry.patterns
        found, whole = reader(path)
        if not whole:
            self.partial.add(name)
        settled = (
            info is not None and max(info.st_mtime_ns, info.st_ctime_ns) < self.started - self.racy
        )
        if usable and whole and settled and info is not None:
            entries[name] = Entry(identity(info), found)
            self.dirty.add(group)
        elif entries.pop(name, None) is not None:
            self.dirty.add(group)
        return found

    def group(self, path: Path) -> tuple[str, str]:
        """Return the group of a pattern file in either layout: (category, shard or ``OLD``)."""
        if path.parent.parent.name == "patterns":
            return path.parent.name, OLD
        return path.parent.parent.name, layout.shard_of(path) or OLD

    def file(self, group: tuple[str, str]) -> Path:
        """Return the cache file of ``group``."""
        return self.folder / group[0] / f"{group[1]}.msgpack"

    def load(self, group: tuple[str, str]) -> Group:
        """Return the entries of ``group`` (none when its file is missing or unreadable)."""
        if group not in self.groups:
            try:
                self.groups[group] = DECODER.decode(self.file(group).read_bytes())
            except (OSError, msgspec.DecodeError, msgspec.ValidationError):
                self.groups[group] = {}
        return self.groups[group]

    def save(self) -> None:
        """
        Write every group that changed in this run, without the files it no longer saw. Not made
        durable: a file a crash leaves cut short does not decode, and only costs a re-read.
        """
        for group in self.groups:
            self.write(group)

    def release(self, group: tuple[str, str]) -> None:
        """
        Save ``group`` as ``save`` does, once every file of it this run reads was read, and let it
        go: a reader of every shard holds one group at a time (loaded again if read again).
        """
        if group in self.groups:
            self.write(group)
            del self.groups[group]
            self.seen.pop(group, None)

    def write(self, group: tuple[str, str]) -> None:
        """Write ``group`` without the files this run did not see, when that changes it."""
        entries = self.groups[group]
        seen = self.seen.get(group, set())
        kept = {name: entries[name] for name in sorted(entries) if name in seen}
        if group in self.dirty or len(kept) != len(entries):
            temp = atomic.write_temp(self.file(group), ENCODER.encode(kept), sync=False)
            temp.replace(self.file(group))
        self.dirty.discard(group)
