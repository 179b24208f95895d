"""This node's own files: the authoritative copy in the state dir, rendered into data/.

Every file this node writes under data/ (patterns, retractions, telemetry snapshot, fine-tuning,
monthly metrics) is kept first in ``<state>/own/data/`` (the same relative path, the same bytes)
and staged in the same transaction as its data/ copy. Jobs read this node's records from here,
never back from the tree, so a peer's or a hand edit of data/ can neither delete nor forge them:
``differences`` finds such edits and ``restore`` undoes them. A node with no own copy yet (first
run after the upgrade, or a reinstall) adopts its data/ files once (``adopt``), recorded in
``<state>/own/adopted.json``; that is also where the old pattern layout is migrated.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import attrs
import msgspec

from fedlearn.errors import StateError
from fedlearn.formats import layout, records
from fedlearn.store import atomic, git_trust, peer_files, state

log = logging.getLogger(__name__)
OWN = "own"
ENCODER = msgspec.json.Encoder(order="deterministic")


class Adopted(msgspec.Struct, frozen=True, kw_only=True):
    """
    When this node took its files from the repo (the only time it does).

    Attributes:
        at: the UTC time of the adoption.
        files: how many data/ files it took.
        migrated: old-layout pattern files it split into shards (and removed).
    """

    at: str
    files: int
    migrated: list[str] = msgspec.field(default_factory=list)


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


ADOPTED_DECODER = msgspec.json.Decoder(Adopted)
MISSING = "missing"  # a name listed in the state but not in data/
EVENTS_DECODER = msgspec.json.Decoder(Events)
COUNTS_DECODER = msgspec.json.Decoder(dict[str, int])
STATS_DECODER = msgspec.json.Decoder(dict[str, list[int]])


@attrs.frozen
class Difference:
    """
    One of this node's data/ files that is not what its state says.

    Attributes:
        path: the data/ path.
        what: ``changed`` (other bytes), ``missing`` (gone from data/), ``foreign`` (in data/
            but not in this node's state: to remove), ``not-a-file`` (a link or folder there).
    """

    path: Path
    what: str


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

    def mirror(self, path: Path) -> Path:
        """Return where the state dir keeps the data/ file ``path``."""
        return self.mirror_root / path.relative_to(layout.data_dir(self.repo))

    def data_path(self, mirror: Path) -> Path:
        """Return the data/ path of the state dir's copy ``mirror``."""
        return layout.data_dir(self.repo) / mirror.relative_to(self.mirror_root)

    def is_adopted(self) -> bool:
        """Return whether this node's state holds its files (after the one adoption)."""
        return (self.root / "adopted.json").is_file()

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
        clear_way(data_root, path)
        try:
            before = mark_of(path.stat())  # taken before the comparison reads it: never newer
        except FileNotFoundError:
            before = None
        transaction.stage(path, data)
        temp = transaction.temp_of(path)
        self.staged[path.relative_to(data_root).as_posix()] = (
            mark_of(temp.stat()) if temp is not None else before
        )

    def stage_delete(self, transaction: atomic.Transaction, path: Path) -> None:
        """Stage the removal of this node's file ``path``, in the state and in data/."""
        for target in (self.mirror(path), path):
            if target.exists() or target.is_symlink():
                transaction.stage_delete(target)
        self.staged[path.relative_to(layout.data_dir(self.repo)).as_posix()] = None

    def commit(self, transaction: atomic.Transaction) -> None:
        """
        Commit ``transaction``, then note the data/ files it wrote as equal to the state (their
        marks, ``stat.json``): the next check (``status`` every time) stats them and reads none.
        """
        transaction.commit()
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

    def files(self) -> list[Path]:
        """Return the data/ paths of every file this node's state holds, sorted."""
        data = layout.data_dir(self.repo)
        return sorted(data / name for name in listing(self.mirror_root))

    def tree_listing(self) -> dict[str, os.stat_result | None]:
        """Return data/-relative name → stat of the entries under this node's paths (None: a link
        or another non-file, never followed)."""
        data = layout.data_dir(self.repo)
        found: dict[str, os.stat_result | None] = {}
        for root in owned_roots(self.repo, self.node):
            name = root.relative_to(data).as_posix()
            if root.is_symlink() or (root.exists() and not root.is_dir() and not root.is_file()):
                found[name] = None
            elif root.is_file():
                found[name] = root.stat()
            elif root.is_dir():
                found |= listing(root, prefix=name + "/", links=True)
        return found

    def differences(self, *, remember: bool = True) -> list[Difference]:
        """
        Return this node's data/ files that differ from its state (none before adoption).

        A file whose size, modification time and inode are those it had when it was last found
        equal is not read again (``stat.json``), so the check costs a stat per file; with
        ``remember`` the files found equal this time are noted for the next check.
        """
        if not self.is_adopted():
            return []
        kept = listing(self.mirror_root)
        tree = self.tree_listing()
        seen = self.stats()
        verified = dict(seen)
        data = layout.data_dir(self.repo)
        found = []
        for name in sorted(kept.keys() | tree.keys()):
            what = self.compare(name, name in kept, tree.get(name, MISSING), seen, verified)
            if what:
                found.append(Difference(data / name, what))
        if remember and verified != seen:
            atomic.write(self.root / "stat.json", ENCODER.encode(verified) + b"\n")
        return found

    def compare(
        self,
        name: str,
        is_kept: bool,
        status: os.stat_result | str | None,
        seen: dict[str, list[int]],
        verified: dict[str, list[int]],
    ) -> str:
        """Return how the data/ file ``name`` differs from the state ("" when it does not)."""
        if status is None:
            return "not-a-file"
        if not is_kept:
            return "foreign"
        if isinstance(status, str):
            return "missing"
        mark = mark_of(status)
        if seen.get(name) == mark:
            return ""
        path = layout.data_dir(self.repo) / name
        if not atomic.is_unchanged(path, (self.mirror_root / name).read_bytes()):
            return "changed"
        verified[name] = mark
        return ""

    def stats(self) -> dict[str, list[int]]:
        """Return name → [size, mtime_ns, inode] of the data/ files last found equal to the state."""
        try:
            return STATS_DECODER.decode((self.root / "stat.json").read_bytes())
        except (FileNotFoundError, msgspec.DecodeError):
            return {}

    def restore(self) -> list[Difference]:
        """
        Make this node's data/ files what its state says; return what was wrong (and is fixed).

        Raise StateError when a file cannot be restored (the node must not publish a tree it
        does not own).
        """
        found = self.differences()
        try:
            for difference in found:
                restore_one(self, difference)
        except OSError as error:
            raise StateError(
                f"cannot restore this node's file {error.filename or ''}: {error.strerror}",
                hint=f"fix the path by hand (the node's own copy is under {self.mirror_root}), "
                "then run `fedlearn publish` again",
            ) from None
        data = layout.data_dir(self.repo)
        for difference in found:  # just written from the state: the next check only stats them
            path = difference.path
            if difference.what != "foreign" and path.is_file() and not path.is_symlink():
                self.staged[path.relative_to(data).as_posix()] = mark_of(path.stat())
        self.note_staged()
        if found:
            for difference in found:
                log.warning(
                    "%s: %s from outside; restored from this node's state",
                    difference.path,
                    difference.what,
                )
            self.record(restored=len(found))
        return found

    def adopt(self, transaction: atomic.Transaction, now: str) -> Adopted:
        """
        Stage this node's data/ files as its state (the one time they are taken from the repo),
        with the old layout's pattern files split into shards and removed (the migration).
        """
        content: dict[Path, bytes] = {}
        old: dict[str, Path] = {}
        data_root = layout.data_dir(self.repo)
        found = self.tree_listing()  # stat before the read: a mark never newer than the content
        for name in sorted(found):
            path = data_root / name
            if path.is_symlink() or not path.is_file():
                log.warning("%s: not a regular file, not adopted", path)
            elif path == layout.pattern_file(self.repo, path.parent.name, self.node):
                old[path.parent.name] = path
            elif (data := peer_files.read(self.repo, path, read_kind(self.repo, path))) is not None:
                content[path] = data  # checked (size caps, no links), as accepted (git_trust)
        written = {self.migrate(content, category, path) for category, path in old.items()}
        for path, data in content.items():
            if path in set().union(*written):
                self.stage(transaction, path, data)
            else:
                transaction.stage(self.mirror(path), data)
                status = found.get(path.relative_to(data_root).as_posix())
                if status is not None and git_trust.hold_of(path) is None:  # data/ holds it as read
                    self.staged[path.relative_to(data_root).as_posix()] = mark_of(status)
        for path in old.values():
            transaction.stage_delete(path)
        self.stage_counts(transaction, self.count_shards(content))
        adopted = Adopted(
            at=now,
            files=len(content),
            migrated=[str(p.relative_to(self.repo)) for p in old.values()],
        )
        transaction.stage(self.root / "adopted.json", ENCODER.encode(adopted) + b"\n")
        return adopted

    def migrate(self, content: dict[Path, bytes], category: str, old: Path) -> frozenset[Path]:
        """Join an old-layout pattern file's records into the shards in ``content``; return them."""
        # Imported here: patterns is a stage above this adapter, needed only for the migration.
        from fedlearn.learn import patterns

        shards: dict[Path, dict[str, records.Pattern]] = {}
        for pattern in patterns.read(old):
            shards.setdefault(self.shard_path(category, pattern.id), {})[pattern.id] = pattern
        for path, table in shards.items():
            for pattern in patterns.parse(content.get(path, b""), path):
                patterns.absorb(table, pattern)
            content[path] = patterns.encode(table)
        return frozenset(shards)

    def shard_path(self, category: str, pattern_id: str) -> Path:
        """Return this node's shard file of ``category`` that holds ``pattern_id``."""
        return layout.shard_file(self.repo, category, self.node, layout.shard_name(pattern_id))

    def count_shards(self, content: dict[Path, bytes]) -> dict[str, int]:
        """Return category → the patterns in the shard files among ``content``."""
        counts: dict[str, int] = {}
        for path, data in content.items():
            is_shard = path.parent.name == self.node and layout.shard_of(path) is not None
            if is_shard and path.parent.parent.parent == layout.data_dir(self.repo) / "patterns":
                category = path.parent.parent.name
                counts[category] = counts.get(category, 0) + data.count(b"\n")
        return counts

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


def adopted(
    store: state.StateDir, repo: Path, node: str, job: str, *, dry_run: bool = False
) -> OwnFiles:
    """
    Return this node's files, adopting them from data/ first when the state has none yet (and
    this is not a dry run), in a transaction of its own journaled under ``job``.
    """
    own = OwnFiles(store, repo, node)
    if dry_run or own.is_adopted():
        return own
    transaction = store.transaction(job)
    try:
        taken = own.adopt(transaction, state.now_iso())
    except BaseException:
        own.abort(transaction)  # no temp file of the staged part stays (a full disk)
        raise
    own.commit(transaction)
    log.info(
        "adopted %d of this node's files from %s into %s%s",
        taken.files,
        layout.data_dir(repo),
        own.root,
        f"; migrated {', '.join(taken.migrated)} to the sharded layout" if taken.migrated else "",
    )
    return own


def mark_of(status: os.stat_result) -> list[int]:
    """Return a file's mark: size, modification time and inode (``stat.json``)."""
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def owned_roots(repo: Path, node: str) -> list[Path]:
    """Return the data/ paths (files or folders) of this node that its state copy covers."""
    return [
        path
        for path in layout.node_paths(repo, node)
        if "collections" not in path.relative_to(layout.data_dir(repo)).parts[:1]
    ]


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
    for above in reversed(path.relative_to(data).parents[:-1]):
        folder = data / above
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            remove_entry(folder)
    if not is_regular(path):
        remove_entry(path)


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


def restore_one(own: OwnFiles, difference: Difference) -> None:
    """Undo one difference: write the state's copy, or remove what the state does not hold."""
    path = difference.path
    if difference.what == "not-a-file":
        remove_entry(path)
        if own.mirror(path).is_file():
            clear_way(layout.data_dir(own.repo), path)
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write(path, own.mirror(path).read_bytes())
    elif difference.what == "foreign":
        path.unlink()
    else:
        clear_way(layout.data_dir(own.repo), path)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, own.mirror(path).read_bytes())
