"""The merged view's counts that ``status`` and ``metrics`` show, kept at a commit and brought forward
by what changed since.

Counting the merged view reads every node's pattern files: with 1,000 nodes, seconds. So what the
counts are made of is kept in the state dir (``<state>/cache/merged/``) with the commit it was
computed at: per category and shard (``<category>/<xx>``), each id of that shard any node's file
holds, with the nodes holding it; every node's well-formed tombstones; per group, how many of its
ids are in the merged view; per node, its withheld tombstones (``withdrawals.withheld``). When HEAD moved,
git names the files under data/patterns and data/retractions that differ between that commit and
HEAD (``git diff``, a comparison of trees: it costs what changed), to which this node's own
working-tree changes are added (``git diff HEAD`` and the untracked files, for this node's own
paths only), and the files read again last time; only those are read, each through the checked
reader as the full count lists and reads it (``layout.pattern_files``, ``patterns.read_whole``,
``peer_files``), and only the groups they touch are loaded and counted again (``tally_forward``).
Everything is counted anew (through ``pattern_cache``) when there is nothing kept, the commit is
unknown to git, more than ``tally_forward.DIFF_LIMIT`` paths changed, the admins or the data
folder changed, or a kept file does not verify. A changed old-layout file (its ids in any shard)
loads its category's groups.

Each file is read as the full count reads it: this node's own whole, another node's within
``patterns.MAX_PER_FILE`` or ``merge.MAX_RETRACTIONS_PER_NODE``. A full count also stops keeping
other nodes' records past ``merge.MAX_PEER_PATTERNS`` and ``MAX_PEER_RETRACTIONS`` in all, in its
order of files, which only it can tell: past those (``tally_files.Index.within``), the counts are a full
count's, kept per change of HEAD's trees and this node's files, as with held paths.

Files with a refused line (a record dated ahead of the clock is accepted once its day comes) and
this node's own working-tree changes are read again on the next count, whatever git says; so are
the files read from a work tree that differed from HEAD (``Index.worktree``: all of them when
import brings the counts forward, ``vectors.import_view``; those it read when status does), until
an import finds them equal to HEAD again. Another node's file edited in the work tree and not
read is seen once an import or a commit changes it. With paths held under ``[trust]`` (``git_held``: their accepted
content is read from git, not the work tree) the counts are a full count's, kept per change of
HEAD's trees, this node's files or the held paths, as before.

The counts equal a full count (``merge.merged_view``, ``withdrawals.withheld``): tests compare them over
pulls, retractions, deletions and rewritten histories. A crash leaves the kept state old or new:
each group's file is named by the digest of its bytes and checked when loaded, and the index that
names them is replaced atomically, last (``atomic.write``); superseded group files are removed after.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.learn import merge, pattern_cache, withdrawals
from fedlearn.report import tally_files, tally_forward
from fedlearn.store import (
    atomic,
    git_held,
    git_local,
    git_objects,
    own,
    refusal_log,
    state,
)


class Counts(msgspec.Struct):
    """The merged view's patterns per category, and the withheld tombstones per node."""

    merged: dict[str, int]
    withheld: dict[str, int]


COUNTS_DECODER = msgspec.json.Decoder(Counts)


class Kept(msgspec.Struct):
    """Counts kept with the key they were computed for (paths held under ``[trust]``)."""

    key: str
    counts: Counts


KEPT_DECODER = msgspec.json.Decoder(Kept)


def where_of(cfg: config.Config) -> tally_files.Where | None:
    """Return where a count of ``cfg``'s clone is kept from, or None without a git HEAD."""
    return where_at(cfg.repo_path, cfg.node_id, cfg.trust.admins)


def where_at(repo: Path, node: str, admins: Iterable[str]) -> tally_files.Where | None:
    """Return where a count of clone ``repo`` (this node ``node``) is kept from, or None without
    a git HEAD."""
    top = git_local.toplevel(repo)
    if top is None or git_local.head(top) is None:
        return None
    data = layout.data_dir(repo.resolve()).relative_to(top.resolve()).as_posix()
    return tally_files.Where(repo, top, data, node, sorted(config.CATEGORIES), frozenset(admins))


def counts(cfg: config.Config, store: state.StateDir) -> Counts:
    """
    Return the merged view's patterns per category of ``cfg.sync.categories`` and the withheld
    tombstones per node: what a tally_files.full count gives (module docstring), brought forward from the
    kept state by the files that changed since.
    """
    where = where_of(cfg)
    if where is None:
        return exact(cfg, store)
    found = git_held.view_of(layout.data_dir(cfg.repo_path))
    key = held_key(cfg, store, where)
    held = found is not None and bool(found[1].held)
    if held or key_of_kept(store) == key:  # held paths, or past the limits and unchanged since
        counted = kept(cfg, store, where, key)
        return Counts({c: counted.merged.get(c, 0) for c in cfg.sync.categories}, counted.withheld)
    folder = store.root / "cache" / "merged"
    head = git_local.head(where.top) or ""
    with (
        refusal_log.deferred() as refused
    ):  # reported by the tally_files.full count instead when past
        index = tally_files.load(folder / "index.msgpack", where)
        forwarded = (
            None if index is None else tally_forward.forward(where, folder, index, head, store)
        )
        updated = None if forwarded is None else forwarded[0]
        if updated is None:
            made = tally_files.full(cfg.repo_path, where, head, store)
            if made is not None:
                updated, groups = made
                updated.worktree = tally_forward.differing(where, None)
                tally_forward.save(folder, updated, groups, store, clean=True)
    if updated is None:
        (folder / "index.msgpack").unlink(missing_ok=True)
        counted = kept(cfg, store, where, key)
        return Counts({c: counted.merged.get(c, 0) for c in cfg.sync.categories}, counted.withheld)
    for repo, path, reason in refused:
        refusal_log.refuse(repo, path, reason)
    return result_of(cfg, updated)


def held_key(cfg: config.Config, store: state.StateDir, where: tally_files.Where) -> str:
    """
    Return what a tally_files.full count depends on (kept so while paths are held under ``[trust]`` or past
    the limits of one read): the trees of data/patterns and data/retractions at HEAD, this node's
    own counts and retractions (which may not be committed yet), the held paths and the marks.
    """
    roots = (f"{where.data}/patterns", f"{where.data}/retractions")
    trees = git_objects.tree_ids(where.top, "HEAD", *roots)
    files = own.OwnFiles(store, cfg.repo_path, cfg.node_id)
    marks = [where.marks()]
    for path in (
        files.root / "counts.json",
        files.mirror(layout.retraction_file(cfg.repo_path, cfg.node_id)),
        git_held.held_file_of(where.top),
    ):
        try:
            info = path.stat()
            marks.append(f"{info.st_size}:{info.st_mtime_ns}")
        except FileNotFoundError:
            marks.append("-")
    return ",".join(trees + marks)


def key_of_kept(store: state.StateDir) -> str:
    """Return the key the tally_files.full count kept at ``<state>/cache/merged/held.json`` is for ("")."""
    try:
        return KEPT_DECODER.decode((store.root / "cache" / "merged" / "held.json").read_bytes()).key
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return ""


def kept(cfg: config.Config, store: state.StateDir, where: tally_files.Where, key: str) -> Counts:
    """Return the tally_files.full count kept at ``<state>/cache/merged/held.json`` for ``key`` (else counted)."""
    path = store.root / "cache" / "merged" / "held.json"
    try:
        found = KEPT_DECODER.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        found = None
    if found is not None and found.key == key:
        counted = found.counts
    else:
        counted = exact(cfg, store)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, msgspec.json.encode(Kept(key, counted)) + b"\n")
    return counted


def exact(cfg: config.Config, store: state.StateDir) -> Counts:
    """Return the counts as a tally_files.full count makes them (``merge.merged_view``, ``withdrawals.withheld``),
    unchanged files read from ``pattern_cache``."""
    repo, admins, node = cfg.repo_path, cfg.trust.admins, cfg.node_id
    files = pattern_cache.Cache(store.path("cache", "patterns"))
    view = merge.merged_view(repo, cfg.sync.categories, admins, cache=files, node=node)
    files.save()
    held = withdrawals.withheld(repo, merge.read_retractions(repo, admins, node))
    return Counts({c: len(v) for c, v in view.items()}, {n: len(ids) for n, ids in held.items()})


def result_of(cfg: config.Config, index: tally_files.Index) -> Counts:
    """Return the counts of ``cfg.sync.categories`` and the withheld tombstones of ``index``."""
    return Counts(category_counts(index, cfg.sync.categories), dict(sorted(index.withheld.items())))


def category_counts(index: tally_files.Index, categories: Iterable[str]) -> dict[str, int]:
    """Return per category the merged view's patterns (the sum of its groups' counts)."""
    found = dict.fromkeys(categories, 0)
    for key, count in index.counts.items():
        category = key.split("/")[0]
        if category in found:
            found[category] += count
    return found
