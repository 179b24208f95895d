"""Import's merged view of the changed ids, read from the files that hold them (issue 20).

Import narrowed to the ids its changed files hold (``import_changes.changed_ids``) needs, for
each of them, the join over every node's files holding it. Listing the touched shards of every
node finds those files at a cost that follows the number of nodes. ``report.tally`` keeps, per
category and shard, each id any node's file holds with the files holding it, at a commit, and
brings that forward by what git says changed since (``tally_forward.forward``: the files changed
between the commits, this node's own, those read again, and here the work tree's changes import
already knows). So this view reads only the files holding the changed ids (through the checked reader
and ``pattern_cache``, as ``merge.merged_view`` reads them) and takes the tombstones from the
kept index (read as ``merge.read_retractions`` reads them, within its limits: ``Index.within``).

When nothing usable is kept (no status or metrics ever counted, paths held under ``[trust]``,
past the limits of one read, the kept commit unknown to git, a kept file damaged), ``kept``
gives None and import lists and reads the touched shards of every node as before. The view is
the same either way (``tests/vectors/test_import_view.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Set
from pathlib import Path

import attrs

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern
from fedlearn.learn import merge, pattern_cache, patterns, withdrawals
from fedlearn.report import tally, tally_files, tally_forward
from fedlearn.store import git_held, git_local, refusal_log, state


@attrs.frozen
class KeptHolders:
    """
    The kept index of ``report.tally`` brought forward to HEAD and the work tree.

    Attributes:
        repo: the federation repo.
        index: the index (``tally_files.Index``).
        groups: its groups, loaded as needed.
        retractions: every node's tombstones it keeps, with the admins.
    """

    repo: Path
    index: tally_files.Index
    groups: tally_files.Groups
    retractions: withdrawals.Retractions


def kept(
    repo: Path,
    node: str,
    admins: Collection[str],
    store: state.StateDir,
    worktree: Iterable[str],
) -> KeptHolders | None:
    """
    Return the kept index brought forward to HEAD and the work tree (``worktree``: every path
    under data/, relative to ``repo``, whose work tree differs from HEAD; each is read), or None
    when nothing usable is kept (module docstring) or there is no HEAD. Nothing is counted anew.
    """
    where = tally.where_at(repo, node, admins)
    found = git_held.view_of(layout.data_dir(repo))
    if where is None or (found is not None and found[1].held):
        return None
    folder = store.root / "cache" / "merged"
    roots = (f"{layout.DATA}/patterns/", f"{layout.DATA}/retractions/")
    names = [where.name_of(repo / path) for path in worktree if path.startswith(roots)]
    with refusal_log.deferred() as refused:  # the full listing that follows reports its own
        index = tally_files.load(folder / "index.msgpack", where)
        head = git_local.head(where.top) or ""
        made = (
            None
            if index is None
            else tally_forward.forward(where, folder, index, head, store, names)
        )
    if made is None:
        return None
    for holder_repo, path, reason in refused:
        refusal_log.refuse(holder_repo, path, reason)
    index, groups = made
    return KeptHolders(repo, index, groups, withdrawals.collect(index.tombstones, admins))


def file_of(repo: Path, key: str, holder: str) -> Path:
    """Return the file of ``holder`` (``tally_files.Group``) in group ``key`` (``<category>/<shard>``)."""
    category, shard = key.split("/")
    if holder.endswith(".jsonl"):
        return layout.pattern_file(repo, category, tally_files.holder_node(holder))
    return layout.shard_file(repo, category, holder, shard)


def view(
    found: KeptHolders,
    ids: Mapping[str, Set[str]],
    node: str,
    cache: pattern_cache.Cache | None = None,
) -> dict[str, dict[str, Pattern]] | None:
    """
    Return category → id → the join over all nodes' files of each id of ``ids`` (category → ids),
    each node's withdrawn records left out: what ``merge.merged_view`` gives for those ids, read
    from the files holding them only. None when a kept group file is damaged (read the listing).
    """
    budget = merge.peer_budget()
    result: dict[str, dict[str, Pattern]] = {}
    for category, wanted in ids.items():
        files: set[Path] = set()
        for pattern_id in wanted:
            key = f"{category}/{layout.shard_name(pattern_id)}"
            group = found.groups.get(key)
            if group is None:
                return None
            files.update(file_of(found.repo, key, h) for h in group.get(pattern_id, []))
        table: dict[str, Pattern] = {}
        for path in sorted(files):
            holder = patterns.node_of(path)
            for pattern in merge.read_file(found.repo, path, node, budget, cache):
                if pattern.id in wanted and not found.retractions.withdraws(holder, pattern.id):
                    patterns.absorb(table, pattern)
        result[category] = dict(sorted(table.items()))
    return result


def narrowed(
    repo: Path,
    ids: Mapping[str, Set[str]],
    shards: Mapping[str, set[str] | None] | None,
    admins: Collection[str],
    node: str,
    store: state.StateDir | None,
    worktree: Iterable[str] | None,
    cache: pattern_cache.Cache | None = None,
) -> tuple[dict[str, dict[str, Pattern]], withdrawals.Retractions]:
    """
    Return the merged view of ``ids`` (category → the changed ids; ``shards``: the shards they
    fall in) and every node's tombstones: from the files holding them (``view``) when ``store``
    keeps a usable index and the work tree's changes are known (``worktree``), else as
    ``merge.merged_view`` reads them, listing the touched shards of every node.
    """
    found = None
    if ids and store is not None and worktree is not None:
        found = kept(repo, node, admins, store, worktree)
    withdrawn = merge.read_retractions(repo, admins, node) if found is None else found.retractions
    result = None if found is None else view(found, ids, node, cache)
    if result is None:
        result = merge.merged_view(
            repo, list(ids), admins, shards, cache, ids, node, retracted=withdrawn
        )
    return result, withdrawn
