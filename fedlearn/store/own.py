"""This node's own files: the authoritative copy in the state dir, rendered into data/.

Every file this node writes under data/ (patterns, retractions, telemetry snapshot, fine-tuning,
monthly metrics) is kept first in ``<state>/own/data/`` (the same relative path, the same bytes)
and staged in the same transaction as its data/ copy. Jobs read this node's records from here,
never back from the tree, so a peer's or a hand edit of data/ can neither delete nor forge them:
``own_check`` finds such edits and undoes them. A node with no own copy yet (first run after the
upgrade, or a reinstall) adopts its data/ files once (``own_adopt``), recorded in
``<state>/own/adopted.json``; that is also where the old pattern layout is migrated.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import msgspec

from fedlearn.formats import layout
from fedlearn.store import atomic, peer_files, state

log = logging.getLogger(__name__)
OWN = "own"
ENCODER = msgspec.json.Encoder(order="deterministic")


class Events(msgspec.Struct, kw_only=True):
    """
    What happened to this node's files from outside: remote changes discarded, files restored.

    Attributes:
        discarded: how many remote changes to this node's paths were discarded in all.
        restored: how many of this node's data/ files were restored from its state in all.
        last_discarded: the paths of the last discarded remote change.
        last_discarded_at, last_restored_at: UTC times ("" when never).
    """

    discarded: int = 0
    restored: int = 0
    last_discarded: list[str] = msgspec.field(default_factory=list)
    last_discarded_at: str = ""
    last_restored_at: str = ""


EVENTS_DECODER = msgspec.json.Decoder(Events)
COUNTS_DECODER = msgspec.json.Decoder(dict[str, int])
STATS_DECODER = msgspec.json.Decoder(dict[str, list[int]])


class OwnFiles:
    """This node's files: the copy in the state dir, their data/ paths, the check and the restore."""

    def __init__(self, store: state.StateDir, repo: Path, node: str) -> None:
        self.store = store
        self.repo = repo
        self.node = node
        self.root = store.root / OWN
        self.mirror_root = self.root / layout.DATA
        # data/-relative name -> the mark its data/ file will have once the transaction staging it
        # commits (None: staged for removal); ``commit`` notes them as found equal.
        self.staged: dict[str, list[int] | None] = {}
        # The data/ folders ``stage`` found clear (``clear_way``) since the last commit or abort:
        # the 256 shards of one folder check its folders once.
        self.cleared: set[Path] = set()
        self.adopted = False  # once found adopted, it stays so
        # A data/ folder -> its copy in the state dir, and its data/-relative name: a sync stages
        # 768 shards of six folders (``mirror``, ``relative``).
        self.folders: dict[Path, tuple[Path, str]] = {}

    def mirror(self, path: Path) -> Path:
        """Return where the state dir keeps the data/ file ``path``."""
        if path == layout.data_dir(self.repo):
            return self.mirror_root
        return self.folder(path)[0] / path.name

    def relative(self, path: Path) -> str:
        """Return the data/-relative name of the data/ file ``path`` (``stat.json``'s key)."""
        return f"{self.folder(path)[1]}{path.name}"

    def folder(self, path: Path) -> tuple[Path, str]:
        """Return the state's copy of ``path``'s folder, and its data/-relative name with a ``/``."""
        known = self.folders.get(path.parent)
        if known is None:
            relative = path.parent.relative_to(layout.data_dir(self.repo))
            name = "" if relative == Path() else f"{relative.as_posix()}/"
            known = self.folders[path.parent] = (self.mirror_root / relative, name)
        return known

    def data_path(self, mirror: Path) -> Path:
        """Return the data/ path of the state dir's copy ``mirror``."""
        return layout.data_dir(self.repo) / mirror.relative_to(self.mirror_root)

    def is_adopted(self) -> bool:
        """Return whether this node's state holds its files (after the one adoption)."""
        if not self.adopted:
            self.adopted = (self.root / "adopted.json").is_file()
        return self.adopted

    def read(self, path: Path) -> bytes | None:
        """
        Return this node's own content of the data/ file ``path``, or None when it has none.

        Before the adoption (a dry run's) the data/ file is read through the checked reader.
        """
        if not self.is_adopted():  # data/ is read as any peer file is: checked (peer_files)
            return peer_files.read(self.repo, path, read_kind(self.repo, path))
        try:
            return self.mirror(path).read_bytes()
        except FileNotFoundError:
            return None

    def stage(self, transaction: atomic.Transaction, path: Path, data: bytes) -> None:
        """
        Stage ``data`` as this node's file ``path``: the state's copy first, then data/.

        The data/ file's mark (size, mtime, inode: those of its temp file, which the rename
        keeps) is noted, so the check after ``commit`` stats it and reads nothing.
        """
        transaction.stage(self.mirror(path), data)
        data_root = layout.data_dir(self.repo)
        if path.parent not in self.cleared:
            clear_folders(data_root, path)
            self.cleared.add(path.parent)
        try:
            status: os.stat_result | None = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            status = None
        if status is not None and not stat.S_ISREG(status.st_mode):  # a link or folder: not kept
            remove_entry(path)
            status = None
        before = None if status is None else mark_of(status)  # before the comparison: never newer
        transaction.stage(path, data)
        temp = transaction.temp_of(path)
        self.staged[self.relative(path)] = mark_of(temp.stat()) if temp is not None else before

    def stage_delete(self, transaction: atomic.Transaction, path: Path) -> None:
        """Stage the removal of this node's file ``path``, in the state and in data/."""
        for target in (self.mirror(path), path):
            if target.exists() or target.is_symlink():
                transaction.stage_delete(target)
        self.staged[self.relative(path)] = None

    def commit(self, transaction: atomic.Transaction) -> None:
        """
        Commit ``transaction``, then note the data/ files it wrote as equal to the state (their
        marks, ``stat.json``): the next check (``status`` every time) stats them and reads none.
        """
        transaction.commit()
        self.cleared.clear()
        self.note_staged()

    def note_staged(self) -> None:
        """Note the marks of ``staged`` (files now equal to the state) in ``stat.json``."""
        if not self.staged:
            return
        marks = self.stats()
        for name, mark in self.staged.items():
            if mark is None:
                marks.pop(name, None)
            else:
                marks[name] = mark
        self.staged.clear()
        self.root.mkdir(parents=True, exist_ok=True)
        atomic.write(self.root / "stat.json", ENCODER.encode(marks) + b"\n")

    def abort(self, transaction: atomic.Transaction) -> None:
        """Abort ``transaction``: nothing it staged is noted."""
        transaction.abort()
        self.staged.clear()
        self.cleared.clear()

    def files(self) -> list[Path]:
        """Return the data/ paths of every file this node's state holds, sorted."""
        data = layout.data_dir(self.repo)
        return sorted(data / name for name in listing(self.mirror_root))

    def stats(self) -> dict[str, list[int]]:
        """Return name → [size, mtime_ns, inode] of the data/ files last found equal to the state."""
        try:
            return STATS_DECODER.decode((self.root / "stat.json").read_bytes())
        except (FileNotFoundError, msgspec.DecodeError):
            return {}

    def shard_path(self, category: str, pattern_id: str) -> Path:
        """Return this node's shard file of ``category`` that holds ``pattern_id``."""
        return layout.shard_file(self.repo, category, self.node, layout.shard_name(pattern_id))

    def counts(self) -> dict[str, int]:
        """Return category → how many patterns this node holds (from its state, not data/)."""
        try:
            return COUNTS_DECODER.decode((self.root / "counts.json").read_bytes())
        except (FileNotFoundError, msgspec.DecodeError):
            return {}

    def stage_counts(self, transaction: atomic.Transaction, counts: dict[str, int]) -> None:
        """Stage category → total as this node's pattern counts (other categories kept)."""
        merged = self.counts() | counts
        transaction.stage(self.root / "counts.json", ENCODER.encode(merged) + b"\n")

    def events(self) -> Events:
        """Return what happened to this node's files from outside so far."""
        try:
            return EVENTS_DECODER.decode((self.root / "events.json").read_bytes())
        except (FileNotFoundError, msgspec.DecodeError):
            return Events()

    def record(self, *, restored: int = 0, discarded: list[str] | None = None) -> None:
        """Add restored files or a discarded remote change to the record ``status`` reads."""
        events = self.events()
        now = state.now_iso()
        if restored:
            events.restored += restored
            events.last_restored_at = now
        if discarded:
            events.discarded += 1
            events.last_discarded = discarded[:20]
            events.last_discarded_at = now
        self.root.mkdir(parents=True, exist_ok=True)
        atomic.write(self.root / "events.json", ENCODER.encode(events) + b"\n")


def mark_of(status: os.stat_result) -> list[int]:
    """Return a file's mark: size, modification time and inode (``stat.json``)."""
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def listing(
    folder: Path, prefix: str = "", *, links: bool = False
) -> dict[str, os.stat_result | None]:
    """
    Return relative name → stat of the regular files under ``folder`` (temp files left out),
    never following links; with ``links``, links and other non-files are listed too (as None).
    """
    found: dict[str, os.stat_result | None] = {}
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return found
    for entry in entries:
        name = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            found |= listing(Path(entry.path), name + "/", links=links)
        elif entry.is_file(follow_symlinks=False):
            if not atomic.is_temp(Path(entry.path)):
                found[name] = entry.stat(follow_symlinks=False)
        elif links:
            found[name] = None
    return found


def read_kind(repo: Path, path: Path) -> str:
    """Return the ``peer_files`` kind (its size cap) of this node's data/ file ``path``."""
    top = path.relative_to(layout.data_dir(repo)).parts[0]
    return {"fine-tuning": "dataset", "metrics": "metrics"}.get(top, top)


def is_regular(path: Path) -> bool:
    """Return whether ``path`` is a regular file or absent (not a link, folder or other)."""
    return not path.is_symlink() and (path.is_file() or not path.exists())


def clear_way(data: Path, path: Path) -> None:
    """
    Remove what stands where ``path`` or a folder above it (below ``data``) should be: a link
    (a write must never go through one) or a file where a folder belongs, or a folder or link
    where the file belongs.
    """
    clear_folders(data, path)
    if not is_regular(path):
        remove_entry(path)


def clear_folders(data: Path, path: Path) -> None:
    """Remove a link or a file that stands where a folder above ``path`` (below ``data``) belongs."""
    for above in reversed(path.relative_to(data).parents[:-1]):
        folder = data / above
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            remove_entry(folder)


def remove_entry(path: Path) -> None:
    """Remove a link, or a folder with what is in it (never following links), at ``path``."""
    if path.is_symlink() or path.is_file():
        path.unlink()
        return
    for top, folders, names in os.walk(path, topdown=False, followlinks=False):
        for name in names:
            (Path(top) / name).unlink()
        for name in folders:
            entry = Path(top) / name
            entry.unlink() if entry.is_symlink() else entry.rmdir()
    path.rmdir()
