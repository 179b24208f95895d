"""The kept parts of the merged counts (``tally``): the index, the groups, counting them anew.

A group is the ids of one category and shard that any node's file holds, each with its holders
(``node`` for a shard file, ``<node>.jsonl`` for an old-layout file); it is kept in a file named
by the digest of its bytes, checked when loaded. ``tally_forward`` reads one changed file as a
full count reads it and puts its holder in the groups again.
"""

from __future__ import annotations

import collections
import functools
import hashlib
from pathlib import Path

import attrs
import msgspec

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import merge, pattern_cache, patterns, withdrawals
from fedlearn.store import atomic, git_history, state

VERSION = 2
Group = dict[str, list[str]]  # pattern id -> the holders: node (a shard file), <node>.jsonl (old)
GROUP_ENCODER = msgspec.msgpack.Encoder()
GROUP_DECODER = msgspec.msgpack.Decoder(Group)


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


def own_pathspecs(where: Where) -> list[str]:
    """Return the pathspecs of this node's own pattern and retraction files (both layouts), the
    categories named: git then lists their folders only (``*`` would list every node's folder)."""
    node, data = where.node, where.data
    specs = [f"{data}/patterns/{c}/{node}{e}" for c in where.categories for e in (".jsonl", "/**")]
    return [f":(glob){spec}" for spec in [*specs, f"{data}/retractions/{node}.jsonl"]]


def note_excess(excess: dict[str, int], name: str, found: list[Pattern], *, own: bool) -> None:
    """Keep in ``excess`` what file ``name``'s records add to its (id, file) pairs (``Index``)."""
    extra = len(found) - len({p.id for p in found})
    if own:
        extra = patterns.MAX_PER_FILE if len(found) > patterns.MAX_PER_FILE else 0
    if extra:
        excess[name] = extra
    else:
        excess.pop(name, None)


def count_group(group: Group, retractions: withdrawals.Retractions) -> int:
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
    where: Where, groups: Groups, retractions: withdrawals.Retractions
) -> dict[str, int] | None:
    """
    Return per node how many of its tombstones withdraw its own records only (``withdrawals.withheld``),
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
            if not tombstone.reason.startswith(withdrawals.REKEYED):
                found[node] += 1
    return dict(sorted(found.items()))


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
        worktree: paths read from a work tree that differed from HEAD: read again every time.
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
    worktree: list[str] = msgspec.field(default_factory=list)

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


def load(path: Path, where: Where) -> Index | None:
    """Return the kept index when it is of this version and these marks, else None."""
    try:
        index = INDEX_DECODER.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    return index if index.version == VERSION and index.marks == where.marks() else None


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
    retractions = withdrawals.collect(tombstones, where.admins)
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
