"""The merged view's counts that ``status`` and ``metrics`` show, kept at a commit and brought forward
by what changed since.

Counting the merged view reads every node's pattern files: with 1,000 nodes, seconds. So what the
counts are made of is kept in the state dir (``<state>/cache/merged/``) with the commit it was
computed at: per category and shard (``<category>/<xx>``), each id of that shard any node's file
holds, with the nodes holding it; every node's well-formed tombstones; per group, how many of its
ids are in the merged view; per node, its withheld tombstones (``merge.withheld``). When HEAD moved,
git names the files under data/patterns and data/retractions that differ between that commit and
HEAD (``git diff``, a comparison of trees: it costs what changed), to which this node's own
working-tree changes are added (``git diff HEAD`` and the untracked files, for this node's own
paths only), and the files read again last time; only those are read, each through the checked
reader as the full count lists and reads it (``layout.pattern_files``, ``patterns.read_whole``,
``peer_files``), and only the groups they touch are loaded and counted again. Everything is counted
anew (through ``pattern_cache``) when there is nothing kept, the commit is unknown to git, more
than ``DIFF_LIMIT`` paths changed, the admins or the data folder changed, or a kept file does not
verify. A changed old-layout file (its ids in any shard) loads its category's groups.

Each file is read as the full count reads it: this node's own whole, another node's within
``patterns.MAX_PER_FILE`` or ``merge.MAX_RETRACTIONS_PER_NODE``. A full count also stops keeping
other nodes' records past ``merge.MAX_PEER_PATTERNS`` and ``MAX_PEER_RETRACTIONS`` in all, in its
order of files, which only it can tell: past those (``Index.within``), the counts are a full
count's, kept per change of HEAD's trees and this node's files, as with held paths.

Files with a refused line (a record dated ahead of the clock is accepted once its day comes) and
this node's own working-tree changes are read again on the next count, whatever git says. Another
node's file edited in the work tree and not committed is not seen until it changes in a commit or
everything is counted anew. With paths held under ``[trust]`` (``git_held``: their accepted
content is read from git, not the work tree) the counts are a full count's, kept per change of
HEAD's trees, this node's files or the held paths, as before.

The counts equal a full count (``merge.merged_view``, ``merge.withheld``): tests compare them over
pulls, retractions, deletions and rewritten histories. A crash leaves the kept state old or new:
each group's file is named by the digest of its bytes and checked when loaded, and the index that
names them is replaced atomically, last (``atomic.write``); superseded group files are removed after.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import attrs
import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import merge, pattern_cache, patterns
from fedlearn.store import (
    atomic,
    git_held,
    git_history,
    git_local,
    git_objects,
    own,
    peer_files,
    refusal_log,
    state,
)

VERSION = 2
DIFF_LIMIT = 20_000  # more changed paths than this: everything is counted anew
Group = dict[str, list[str]]  # pattern id -> the holders: node (a shard file), <node>.jsonl (old)
GROUP_ENCODER = msgspec.msgpack.Encoder()
GROUP_DECODER = msgspec.msgpack.Decoder(Group)


class Index(msgspec.Struct, kw_only=True):
    """
    What the kept counts were computed from, and the counts.

    Attributes:
        version: ``VERSION`` (another version is counted anew).
        commit: HEAD when computed.
        marks: the admins, the categories and the data folder (a change: counted anew).
        groups: ``<category>/<shard>`` → the digest naming its group file (``Group``).
        counts: ``<category>/<shard>`` → its ids in the merged view.
        tombstones: node → its well-formed tombstones.
        recheck: paths (relative to the top) read again next time, whatever git says.
        withheld: node → its tombstones that withdraw its own records only.
        peer_pairs: (id, file) pairs of other nodes' pattern files, all categories.
        excess: per other node's file with an id on several lines, those extra records; per
            file of this node's past ``patterns.MAX_PER_FILE``, that limit (a full count holds
            this node's own files whole for the view, within the limit for the holders).
    """

    version: int
    commit: str
    marks: str
    groups: dict[str, str]
    counts: dict[str, int]
    tombstones: dict[str, list[Retraction]]
    recheck: list[str]
    withheld: dict[str, int]
    peer_pairs: int = 0
    excess: dict[str, int] = msgspec.field(default_factory=dict)

    def within(self, node: str) -> bool:
        """
        Return whether a full count keeps every record of these files: what other nodes' files
        hold stays within ``merge.MAX_PEER_PATTERNS`` and ``MAX_PEER_RETRACTIONS`` (past them, a
        full count keeps the first files only, which only a full count can tell), and no file
        of this node's is past ``patterns.MAX_PER_FILE``.
        """
        records = self.peer_pairs + sum(self.excess.values())
        tombstones = sum(len(t) for n, t in self.tombstones.items() if n != node)
        return records <= merge.MAX_PEER_PATTERNS and tombstones <= merge.MAX_PEER_RETRACTIONS


INDEX_DECODER = msgspec.msgpack.Decoder(Index)


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


@attrs.define
class Where:
    """
    The clone and the categories a count is for.

    Attributes:
        repo: the federation repo (``repo`` of the config; data/ under it).
        top: its git top level.
        data: data/'s path relative to ``top``.
        node: this node's id.
        categories: every category (``config.CATEGORIES``: withheld tombstones count the holders
            of all; ``sync.categories`` is one of its subsets).
        admins: ``[trust] admins``.
    """

    repo: Path
    top: Path
    data: str
    node: str
    categories: list[str]
    admins: frozenset[str]

    def marks(self) -> str:
        """Return what a change of counts everything anew."""
        return "|".join([self.data, " ".join(sorted(self.admins)), " ".join(self.categories)])

    def under_data(self, name: str) -> Path | None:
        """Return the file of ``name`` (relative to the top) under ``repo``'s data/, or None."""
        prefix = f"{self.data}/"
        if not name.startswith(prefix):
            return None
        return layout.data_dir(self.repo) / name[len(prefix) :]

    def name_of(self, path: Path) -> str:
        """Return the name (relative to the top) of a file under ``repo``'s data/."""
        return f"{self.data}/{path.relative_to(layout.data_dir(self.repo)).as_posix()}"


@attrs.define
class Groups:
    """The group files of an index, loaded as needed; ``None`` from ``get`` when one is damaged."""

    folder: Path
    digests: dict[str, str]
    loaded: dict[str, Group] = attrs.field(factory=dict)
    dirty: set[str] = attrs.field(factory=set)

    def file(self, key: str, digest: str) -> Path:
        """Return the file of group ``key`` (``<category>/<shard>``) with bytes of ``digest``."""
        category, shard = key.split("/")
        return self.folder / "groups" / category / f"{shard}-{digest}.msgpack"

    def get(self, key: str) -> Group | None:
        """Return group ``key`` (empty when there is none), or None when its file is damaged."""
        if key not in self.loaded:
            digest = self.digests.get(key)
            if digest is None:
                self.loaded[key] = {}
            else:
                try:
                    data = self.file(key, digest).read_bytes()
                    if hashlib.blake2b(data, digest_size=16).hexdigest() != digest:
                        return None
                    self.loaded[key] = GROUP_DECODER.decode(data)
                except (OSError, msgspec.DecodeError, msgspec.ValidationError):
                    return None
        return self.loaded[key]

    def write(self) -> list[Path]:
        """
        Write the changed groups under their new digests (not made durable: a group file lost or
        cut short by a crash fails its digest and the next count starts over); return the files
        they replace.
        """
        superseded = []
        for key in sorted(self.dirty):
            group = self.loaded[key]
            old = self.digests.pop(key, None)
            if group:
                data = GROUP_ENCODER.encode({i: group[i] for i in sorted(group)})
                digest = hashlib.blake2b(data, digest_size=16).hexdigest()
                self.digests[key] = digest
                file = self.file(key, digest)  # written again: one a crash cut short is mended
                atomic.write_temp(file, data, sync=False).replace(file)
                if old == digest:
                    continue
            if old is not None:
                superseded.append(self.file(key, old))
        return superseded


def where_of(cfg: config.Config) -> Where | None:
    """Return where a count of ``cfg``'s clone is kept from, or None without a git HEAD."""
    top = git_local.toplevel(cfg.repo_path)
    if top is None or git_local.head(top) is None:
        return None
    data = layout.data_dir(cfg.repo_path.resolve()).relative_to(top.resolve()).as_posix()
    categories = sorted(config.CATEGORIES)
    return Where(cfg.repo_path, top, data, cfg.node_id, categories, frozenset(cfg.trust.admins))


def counts(cfg: config.Config, store: state.StateDir) -> Counts:
    """
    Return the merged view's patterns per category of ``cfg.sync.categories`` and the withheld
    tombstones per node: what a full count gives (module docstring), brought forward from the
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
    with refusal_log.deferred() as refused:  # reported by the full count instead when past
        index = load(folder / "index.msgpack", where)
        updated = None if index is None else forward(where, folder, index, head, store)
        if updated is None:
            made = full(cfg.repo_path, where, head, store)
            if made is not None:
                updated, groups = made
                save(folder, updated, groups, store, clean=True)
    if updated is None:
        (folder / "index.msgpack").unlink(missing_ok=True)
        counted = kept(cfg, store, where, key)
        return Counts({c: counted.merged.get(c, 0) for c in cfg.sync.categories}, counted.withheld)
    for repo, path, reason in refused:
        refusal_log.refuse(repo, path, reason)
    return result_of(cfg, updated)


def held_key(cfg: config.Config, store: state.StateDir, where: Where) -> str:
    """
    Return what a full count depends on (kept so while paths are held under ``[trust]`` or past
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
    """Return the key the full count kept at ``<state>/cache/merged/held.json`` is for ("")."""
    try:
        return KEPT_DECODER.decode((store.root / "cache" / "merged" / "held.json").read_bytes()).key
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return ""


def kept(cfg: config.Config, store: state.StateDir, where: Where, key: str) -> Counts:
    """Return the full count kept at ``<state>/cache/merged/held.json`` for ``key`` (else counted)."""
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
    """Return the counts as a full count makes them (``merge.merged_view``, ``merge.withheld``),
    unchanged files read from ``pattern_cache``."""
    repo, admins, node = cfg.repo_path, cfg.trust.admins, cfg.node_id
    files = pattern_cache.Cache(store.path("cache", "patterns"))
    view = merge.merged_view(repo, cfg.sync.categories, admins, cache=files, node=node)
    files.save()
    held = merge.withheld(repo, merge.read_retractions(repo, admins, node))
    return Counts({c: len(v) for c, v in view.items()}, {n: len(ids) for n, ids in held.items()})


def result_of(cfg: config.Config, index: Index) -> Counts:
    """Return the counts of ``cfg.sync.categories`` and the withheld tombstones of ``index``."""
    return Counts(category_counts(index, cfg.sync.categories), dict(sorted(index.withheld.items())))


def category_counts(index: Index, categories: Iterable[str]) -> dict[str, int]:
    """Return per category the merged view's patterns (the sum of its groups' counts)."""
    found = dict.fromkeys(categories, 0)
    for key, count in index.counts.items():
        category = key.split("/")[0]
        if category in found:
            found[category] += count
    return found


def load(path: Path, where: Where) -> Index | None:
    """Return the kept index when it is of this version and these marks, else None."""
    try:
        index = INDEX_DECODER.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    return index if index.version == VERSION and index.marks == where.marks() else None


def own_pathspecs(where: Where) -> list[str]:
    """Return the pathspecs of this node's own pattern and retraction files (both layouts)."""
    return [
        spec
        for spec in layout.node_pathspecs(where.node, where.data)
        if f"{where.data}/patterns/" in spec or f"{where.data}/retractions/" in spec
    ]


def forward(
    where: Where, folder: Path, index: Index, head: str, store: state.StateDir
) -> Index | None:
    """
    Return ``index`` brought forward to ``head`` and the work tree by reading only what changed
    (module docstring), kept; None when it cannot be (everything must be counted anew).
    """
    names = set(index.recheck)
    if index.commit != head:
        roots = (f"{where.data}/patterns", f"{where.data}/retractions")
        changed = git_history.diff_paths(where.top, index.commit, head, *roots)
        if changed is None:
            return None
        names.update(changed)
    own = git_history.worktree_paths(where.top, *own_pathspecs(where))
    names.update(own)
    if len(names) > DIFF_LIMIT:
        return None
    groups = Groups(folder, dict(index.groups))
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
                continue  # no full count lists it, now or before
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
            found, whole = read_old_file(where.repo, path, own=holder_node(holder) == where.node)
        elif (
            len(parts) == 3
            and layout.is_shard_file(parts[2])
            and peer_files.NODE.fullmatch(parts[1])
        ):
            category, holder = parts[0], parts[1]
            keys = [f"{category}/{layout.shard_of(path)}"]
            found, whole = read_shard_file(where.repo, path, own=holder == where.node)
        else:
            continue  # no full count lists it, now or before (nor a file under it: named apart)
        pairs = replace_holder(groups, category, holder, keys, found)
        if pairs is None:
            return None
        if holder_node(holder) != where.node:
            peer_pairs += pairs
        note_excess(excess, name, found, own=holder_node(holder) == where.node)
        if not whole:
            recheck.add(name)
    retractions = merge.collect(tombstones, where.admins)
    recount = set(groups.dirty)
    touched_shards = {layout.shard_name(i) for i in touched_ids}
    recount.update(f"{c}/{s}" for c in where.categories for s in touched_shards)
    new_counts = dict(index.counts)
    for key in sorted(recount):
        group = groups.get(key)
        if group is None:
            return None
        new_counts.pop(key, None)
        visible = count_group(group, retractions)
        if visible:
            new_counts[key] = visible
    withheld = index.withheld
    retracted_shards = {layout.shard_name(i) for i in retractions.by_id}
    dirty_shards = {key.split("/")[1] for key in groups.dirty}
    if touched_ids or retracted_shards & dirty_shards or tombstones != index.tombstones:
        found_withheld = withheld_of(where, groups, retractions)
        if found_withheld is None:
            return None
        withheld = found_withheld
    updated = Index(
        version=VERSION,
        commit=head,
        marks=where.marks(),
        groups=groups.digests,
        counts=new_counts,
        tombstones=dict(sorted(tombstones.items())),
        recheck=sorted(recheck),
        withheld=withheld,
        peer_pairs=peer_pairs,
        excess=dict(sorted(excess.items())),
    )
    if not updated.within(where.node):
        return None
    if updated != index or groups.dirty:
        save(folder, updated, groups, store, clean=False)
    return updated


def replace_holder(
    groups: Groups, category: str, holder: str, keys: list[str], found: list[Pattern]
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


def note_excess(excess: dict[str, int], name: str, found: list[Pattern], *, own: bool) -> None:
    """Keep in ``excess`` what file ``name``'s records add to its (id, file) pairs (``Index``)."""
    extra = len(found) - len({p.id for p in found})
    if own:
        extra = patterns.MAX_PER_FILE if len(found) > patterns.MAX_PER_FILE else 0
    if extra:
        excess[name] = extra
    else:
        excess.pop(name, None)


def count_group(group: Group, retractions: merge.Retractions) -> int:
    """Return how many ids of ``group`` are in the merged view: held by a node not withdrawing it."""
    return sum(
        1
        for pattern_id, holders in group.items()
        if any(not retractions.withdraws(holder_node(h), pattern_id) for h in holders)
    )


def holder_node(holder: str) -> str:
    """Return the node of a holder (``node`` of a shard file, ``<node>.jsonl`` of an old file)."""
    return holder.removesuffix(".jsonl")


def withheld_of(
    where: Where, groups: Groups, retractions: merge.Retractions
) -> dict[str, int] | None:
    """
    Return per node how many of its tombstones withdraw its own records only (``merge.withheld``),
    from the holders kept; None when a group file is damaged.
    """
    found: collections.Counter[str] = collections.Counter()
    for pattern_id, by_node in retractions.by_id.items():
        if retractions.by_admin(pattern_id):
            continue
        holders: set[str] = set()
        for category in where.categories:
            group = groups.get(f"{category}/{layout.shard_name(pattern_id)}")
            if group is None:
                return None
            holders.update(holder_node(h) for h in group.get(pattern_id, []))
        if not any(not retractions.withdraws(n, pattern_id) for n in holders):
            continue
        for node, tombstone in by_node.items():
            if not tombstone.reason.startswith(merge.REKEYED):
                found[node] += 1
    return dict(sorted(found.items()))


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


def full(
    repo: Path, where: Where, head: str | None, store: state.StateDir
) -> tuple[Index, Groups] | None:
    """
    Return everything counted anew: every node's files listed and read as the merged view reads
    them (through ``pattern_cache``), and the groups made of them (all dirty, to be written);
    None as soon as other nodes' files hold more than ``merge.MAX_PEER_PATTERNS`` records (only
    a full count can tell which it keeps: ``Index.within``).
    """
    files = pattern_cache.Cache(store.path("cache", "patterns"))
    groups = Groups(store.root / "cache" / "merged", {})
    peer_pairs, excess = 0, dict[str, int]()
    for category in where.categories:
        for path in layout.pattern_files(repo, category):
            old = path.parent.parent.name == "patterns"
            holder = f"{path.stem}.jsonl" if old else path.parent.name
            own = holder_node(holder) == where.node
            found = files.read(repo, path, functools.partial(patterns.read_whole, own=own))
            for pattern in found:
                key = f"{category}/{layout.shard_name(pattern.id)}"
                group = groups.loaded.setdefault(key, {})
                holders = group.setdefault(pattern.id, [])
                if holder not in holders:
                    holders.append(holder)
                    holders.sort()
                    peer_pairs += 0 if own else 1
                groups.dirty.add(key)
            note_excess(excess, where.name_of(path), found, own=own)
            if peer_pairs + sum(excess.values()) > merge.MAX_PEER_PATTERNS:
                files.save()
                return None
    files.save()
    recheck = {where.name_of(repo / name) for name in files.partial}
    tombstones: dict[str, list[Retraction]] = {}
    peer_tombstones = 0
    for path in layout.retraction_files(repo):
        found_tombstones, whole = merge.read_tombstone_file(repo, path, own=path.stem == where.node)
        if found_tombstones is not None:
            tombstones[path.stem] = found_tombstones
            peer_tombstones += 0 if path.stem == where.node else len(found_tombstones)
            if peer_tombstones > merge.MAX_PEER_RETRACTIONS:
                return None
        if not whole:
            recheck.add(where.name_of(path))
    if head is not None:
        recheck.update(git_history.worktree_paths(where.top, *own_pathspecs(where)))
    retractions = merge.collect(tombstones, where.admins)
    found_counts = {}
    for key, group in sorted(groups.loaded.items()):
        visible = count_group(group, retractions)
        if visible:
            found_counts[key] = visible
    withheld = withheld_of(where, groups, retractions) or {}
    index = Index(
        version=VERSION,
        commit=head or "",
        marks=where.marks(),
        groups={},
        counts=found_counts,
        tombstones=dict(sorted(tombstones.items())),
        recheck=sorted(recheck),
        withheld=withheld,
        peer_pairs=peer_pairs,
        excess=dict(sorted(excess.items())),
    )
    return (index, groups) if index.within(where.node) else None


def save(folder: Path, index: Index, groups: Groups, store: state.StateDir, *, clean: bool) -> None:
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
    for path in superseded:
        if path not in named:
            path.unlink(missing_ok=True)
