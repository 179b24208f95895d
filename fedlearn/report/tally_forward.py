"""The merged view's kept counts brought forward to HEAD by what changed, and kept (``tally``).

``forward`` reads only the files git names as changed between the kept commit and HEAD, this
node's own working-tree changes and the files read again last time (``tally``'s module docstring
tells which and why), loads and counts again only the groups they touch, and returns None when
everything must be counted anew: more than ``DIFF_LIMIT`` paths changed, the commit is unknown to
git, a group does not load, or the counts are past the limits of one read. ``differing`` names
the files whose work tree differs from HEAD; ``save`` keeps an index and its changed groups (the
groups first, the index last, atomically) and removes the group files it no longer names.

A changed file is listed, refused and read as the full count's listing (``layout.pattern_files``,
``layout.retraction_files``, ``peer_files.entries``) and readers (``patterns.read_whole``,
``merge.read_tombstone_file``) do (``is_listed``, ``read_shard_file``, ``read_old_file``,
``read_retractions_file``), and its holder is taken out of the groups and put in again for the
ids it holds now (``replace_holder``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from pathlib import Path

import msgspec

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import merge, patterns, withdrawals
from fedlearn.report import tally_files
from fedlearn.store import atomic, git_history, peer_files, refusal_log, state

DIFF_LIMIT = 20_000  # more changed paths than this: everything is counted anew


def forward(
    where: tally_files.Where,
    folder: Path,
    index: tally_files.Index,
    head: str,
    store: state.StateDir,
    worktree: Collection[str] | None = None,
) -> tuple[tally_files.Index, tally_files.Groups] | None:
    """
    Return ``index`` brought forward to ``head`` and the work tree by reading only what changed
    (module docstring), kept, with its groups; None when it cannot be (everything must be
    counted anew). ``worktree``: every path under data/ (relative to the top) whose work tree
    differs from HEAD, when the caller knows them (import), read too; else those of the paths
    read that differ are found by git. Either way they are kept (``Index.worktree``) and read
    again next time, so a file read from the work tree and changed back is read again.
    """
    names = set(index.recheck) | set(index.worktree) | set(worktree or ())
    if index.commit != head:
        roots = (f"{where.data}/patterns", f"{where.data}/retractions")
        changed = git_history.diff_paths(where.top, index.commit, head, *roots)
        if changed is None:
            return None
        names.update(changed)
    own: list[str] = []  # a given ``worktree`` holds this node's own changed files too
    if worktree is None:
        own = git_history.worktree_paths(where.top, *tally_files.own_pathspecs(where))
    names.update(own)
    if len(names) > DIFF_LIMIT:
        return None
    groups = tally_files.Groups(folder, dict(index.groups))
    tombstones = dict(index.tombstones)
    recheck = set(own)
    touched_ids: set[str] = set()
    peer_pairs, excess = index.peer_pairs, dict(index.excess)
    patterns_dir = layout.data_dir(where.repo) / "patterns"
    retractions_dir = layout.data_dir(where.repo) / "retractions"
    for name in sorted(names):
        path = where.under_data(name)
        if path is None:
            continue
        if path.parent == retractions_dir:
            if not layout.is_node_file(path.name):
                continue  # no tally_files.full count lists it, now or before
            old = tombstones.pop(path.stem, [])
            new, whole = read_retractions_file(where.repo, path, own=path.stem == where.node)
            if new is not None:
                tombstones[path.stem] = new
            if not whole:
                recheck.add(name)
            touched_ids.update(t.id for t in old)
            touched_ids.update(t.id for t in (new or []))
            continue
        parts = path.relative_to(patterns_dir).parts if path.is_relative_to(patterns_dir) else ()
        if not parts or parts[0] not in where.categories:
            continue
        if len(parts) == 2 and layout.is_node_file(parts[1]):  # the old layout: any shard's ids
            category, holder = parts
            keys = [k for k in groups.digests if k.split("/")[0] == category]
            found, whole = read_old_file(
                where.repo, path, own=tally_files.holder_node(holder) == where.node
            )
        elif (
            len(parts) == 3
            and layout.is_shard_file(parts[2])
            and peer_files.NODE.fullmatch(parts[1])
        ):
            category, holder = parts[0], parts[1]
            keys = [f"{category}/{layout.shard_of(path)}"]
            found, whole = read_shard_file(where.repo, path, own=holder == where.node)
        else:
            continue  # no tally_files.full count lists it, now or before (nor a file under it: named apart)
        pairs = replace_holder(groups, category, holder, keys, found)
        if pairs is None:
            return None
        if tally_files.holder_node(holder) != where.node:
            peer_pairs += pairs
        tally_files.note_excess(
            excess, name, found, own=tally_files.holder_node(holder) == where.node
        )
        if not whole:
            recheck.add(name)
    retractions = withdrawals.collect(tombstones, where.admins)
    recount = set(groups.dirty)
    touched_shards = {layout.shard_name(i) for i in touched_ids}
    recount.update(f"{c}/{s}" for c in where.categories for s in touched_shards)
    new_counts = dict(index.counts)
    for key in sorted(recount):
        group = groups.get(key)
        if group is None:
            return None
        new_counts.pop(key, None)
        visible = tally_files.count_group(group, retractions)
        if visible:
            new_counts[key] = visible
    withheld = index.withheld
    retracted_shards = {layout.shard_name(i) for i in retractions.by_id}
    dirty_shards = {key.split("/")[1] for key in groups.dirty}
    if touched_ids or retracted_shards & dirty_shards or tombstones != index.tombstones:
        found_withheld = tally_files.withheld_of(where, groups, retractions)
        if found_withheld is None:
            return None
        withheld = found_withheld
    updated = tally_files.Index(
        version=tally_files.VERSION,
        commit=head,
        marks=where.marks(),
        groups=groups.digests,
        counts=new_counts,
        tombstones=dict(sorted(tombstones.items())),
        recheck=sorted(recheck),
        withheld=withheld,
        peer_pairs=peer_pairs,
        excess=dict(sorted(excess.items())),
        worktree=sorted(differing(where, names) if worktree is None else worktree),
    )
    if not updated.within(where.node):
        return None
    if updated != index or groups.dirty:
        save(folder, updated, groups, store, clean=False)
    return updated, groups


WORKTREE_NAMES = 1_000  # more paths than this: git compares all of data/patterns, retractions


def differing(where: tally_files.Where, names: Collection[str] | None) -> list[str]:
    """
    Return the paths (relative to the top) of ``names`` whose work tree differs from HEAD
    (modified, deleted or untracked), or of every file under data/patterns and data/retractions
    (``names`` None, or more than ``WORKTREE_NAMES``: git then compares them all).
    """
    if names is not None and not names:
        return []
    specs = [f"{where.data}/patterns", f"{where.data}/retractions"]
    if names is not None and len(names) <= WORKTREE_NAMES:
        specs = [f":(literal){name}" for name in sorted(names)]
    return git_history.worktree_paths(where.top, *specs)


# Where earlier versions kept the merged counts and the withheld tombstones (state dir's own/):
# replaced by cache/merged/, removed by the first clean save.
SUPERSEDED = ("merged.json", "withheld.json")


def save(
    folder: Path,
    index: tally_files.Index,
    groups: tally_files.Groups,
    store: state.StateDir,
    *,
    clean: bool,
) -> None:
    """
    Keep ``index`` and its changed groups (module docstring: the groups first, the index last,
    atomically), then remove the group files it no longer names (all others when ``clean``).
    Nothing is kept while another job holds the repo (its work tree may be half changed).
    """
    if store.lock_holder(state.REPO_LOCK) is not None:
        return
    superseded = groups.write()
    index.groups = dict(sorted(groups.digests.items()))
    atomic.write(folder / "index.msgpack", msgspec.msgpack.encode(index))
    named = {groups.file(key, digest) for key, digest in index.groups.items()}
    if clean:
        superseded = [path for path in (folder / "groups").glob("*/*.msgpack") if path not in named]
        superseded += [store.root / "own" / name for name in SUPERSEDED]
    for path in superseded:
        if path not in named:
            path.unlink(missing_ok=True)


def replace_holder(
    groups: tally_files.Groups, category: str, holder: str, keys: list[str], found: list[Pattern]
) -> int | None:
    """
    Take ``holder`` (one file's) out of the groups ``keys`` (those its ids were in) and put it in
    for the ids ``found`` (the file now); return how many (id, holder) pairs that adds (fewer
    than 0: removes), None when a group file is damaged.
    """
    pairs = 0
    for key in keys:
        group = groups.get(key)
        if group is None:
            return None
        for pattern_id in [i for i, holders in group.items() if holder in holders]:
            group[pattern_id].remove(holder)
            pairs -= 1
            if not group[pattern_id]:
                del group[pattern_id]
            groups.dirty.add(key)
    for pattern in found:
        key = f"{category}/{layout.shard_name(pattern.id)}"
        group = groups.get(key)
        if group is None:
            return None
        holders = group.setdefault(pattern.id, [])
        if holder not in holders:
            holders.append(holder)
            holders.sort()
            pairs += 1
            groups.dirty.add(key)
    return pairs


def is_listed(repo: Path, path: Path, folder: Path, valid: bool) -> bool:
    """
    Return whether a full count lists ``path`` (a ``.jsonl`` file in ``folder``, under ``repo``):
    every folder down to it real (``peer_files.folder_problem``), a name it reads (``valid``), a
    regular file. What it refuses is refused as its listing (``peer_files.entries``) refuses it.
    """
    problem = peer_files.folder_problem(repo, folder)
    if problem is not None:
        if problem != "missing":
            refusal_log.refuse(repo, folder, problem)
        return False
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    if not (valid and peer_files.is_name(path.name)):
        refusal_log.refuse(repo, path, "a name fedlearn does not read")
    elif stat.S_ISLNK(mode):
        refusal_log.refuse(repo, path, "a symlink")
    elif not stat.S_ISREG(mode):
        refusal_log.refuse(repo, path, "not a regular file")
    else:
        return True
    return False


def read_shard_file(repo: Path, path: Path, *, own: bool) -> tuple[list[Pattern], bool]:
    """
    Return the verified records of shard file ``path`` as a full count reads them (none when it
    would not list it: ``layout.pattern_files``), and whether nothing in it was refused.
    """
    node_folder = path.parent
    valid = (
        peer_files.NODE.fullmatch(node_folder.name) is not None
        and peer_files.is_name(node_folder.name)
        and layout.is_shard_file(path.name)
    )
    if not is_listed(repo, path, node_folder, valid):
        return [], True
    return patterns.read_whole(path, own=own)


def read_old_file(repo: Path, path: Path, *, own: bool) -> tuple[list[Pattern], bool]:
    """Return what ``read_shard_file`` does for a pattern file of the old layout."""
    if not is_listed(repo, path, path.parent, layout.is_node_file(path.name)):
        return [], True
    return patterns.read_whole(path, own=own)


def read_retractions_file(
    repo: Path, path: Path, *, own: bool
) -> tuple[list[Retraction] | None, bool]:
    """
    Return the well-formed tombstones of retractions file ``path`` as a full count reads them
    (``merge.read_tombstone_file``; None when it would not list or could not read it:
    ``layout.retraction_files``), and whether every line was kept.
    """
    if not is_listed(repo, path, path.parent, layout.is_node_file(path.name)):
        return None, True
    return merge.read_tombstone_file(repo, path, own=own)
