"""The one adoption of this node's files: its data/ files become its state's copy.

A node with no own copy yet (the first run after the upgrade, or a reinstall) takes its data/
files once, through the checked reader, recorded in ``<state>/own/adopted.json``; the old
one-file pattern layout is split into shards then, and the old files removed in the same
transaction (the migration).
"""

from __future__ import annotations

import logging
from pathlib import Path

import msgspec

from fedlearn.formats import layout, records
from fedlearn.store import atomic, git_held, own, own_check, peer_files, state

log = logging.getLogger(__name__)


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


def adopted(
    store: state.StateDir, repo: Path, node: str, job: str, *, dry_run: bool = False
) -> own.OwnFiles:
    """
    Return this node's files, adopting them from data/ first when the state has none yet (and
    this is not a dry run), in a transaction of its own journaled under ``job``.
    """
    files = own.OwnFiles(store, repo, node)
    if dry_run or files.is_adopted():
        return files
    transaction = store.transaction(job)
    try:
        taken = adopt(files, transaction, state.now_iso())
    except BaseException:
        files.abort(transaction)  # no temp file of the staged part stays (a full disk)
        raise
    files.commit(transaction)
    log.info(
        "adopted %d of this node's files from %s into %s%s",
        taken.files,
        layout.data_dir(repo),
        files.root,
        f"; migrated {', '.join(taken.migrated)} to the sharded layout" if taken.migrated else "",
    )
    return files


def adopt(files: own.OwnFiles, transaction: atomic.Transaction, now: str) -> Adopted:
    """
    Stage this node's data/ files as its state (the one time they are taken from the repo),
    with the old layout's pattern files split into shards and removed (the migration).
    """
    content: dict[Path, bytes] = {}
    old: dict[str, Path] = {}
    data_root = layout.data_dir(files.repo)

    def kind_of(path: Path) -> str:
        return own.read_kind(files.repo, path)

    # Stat before the read: a mark never newer than the content.
    found = own_check.tree_listing(files)
    for name in sorted(found):
        path = data_root / name
        if path.is_symlink() or not path.is_file():
            log.warning("%s: not a regular file, not adopted", path)
        elif path == layout.pattern_file(files.repo, path.parent.name, files.node):
            old[path.parent.name] = path
        elif (data := peer_files.read(files.repo, path, kind_of(path))) is not None:
            content[path] = data  # checked (size caps, no links), as accepted (git_held)
    written = {migrate(files, content, category, path) for category, path in old.items()}
    for path, data in content.items():
        if path in set().union(*written):
            files.stage(transaction, path, data)
        else:
            transaction.stage(files.mirror(path), data)
            status = found.get(path.relative_to(data_root).as_posix())
            if status is not None and git_held.hold_of(path) is None:  # data/ holds it as read
                files.staged[path.relative_to(data_root).as_posix()] = own.mark_of(status)
    for path in old.values():
        transaction.stage_delete(path)
    files.stage_counts(transaction, count_shards(files, content))
    adopted = Adopted(
        at=now,
        files=len(content),
        migrated=[str(p.relative_to(files.repo)) for p in old.values()],
    )
    transaction.stage(files.root / "adopted.json", own.ENCODER.encode(adopted) + b"\n")
    return adopted


def migrate(
    files: own.OwnFiles, content: dict[Path, bytes], category: str, old: Path
) -> frozenset[Path]:
    """Join an old-layout pattern file's records into the shards in ``content``; return them."""
    # Imported here: patterns is a stage above this adapter, needed only for the migration.
    from fedlearn.learn import patterns

    shards: dict[Path, dict[str, records.Pattern]] = {}
    for pattern in patterns.read_whole(old, own=True)[0]:  # this node's: whole
        shards.setdefault(files.shard_path(category, pattern.id), {})[pattern.id] = pattern
    for path, table in shards.items():
        for pattern in patterns.parse(content.get(path, b""), path):
            patterns.absorb(table, pattern)
        content[path] = patterns.encode(table)
    return frozenset(shards)


def count_shards(files: own.OwnFiles, content: dict[Path, bytes]) -> dict[str, int]:
    """Return category → the patterns in the shard files among ``content``."""
    counts: dict[str, int] = {}
    for path, data in content.items():
        is_shard = path.parent.name == files.node and layout.shard_of(path) is not None
        if is_shard and path.parent.parent.parent == layout.data_dir(files.repo) / "patterns":
            category = path.parent.parent.name
            counts[category] = counts.get(category, 0) + data.count(b"\n")
    return counts
