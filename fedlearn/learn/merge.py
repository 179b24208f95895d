"""The merged view: every node's pattern records joined, each node's withdrawn records left out.

The retractions (every node's tombstones, read here within limits: ``read_retractions``) decide
what a node withdrew (``withdrawals``); the join of what remains is ``patterns.join``
(commutative, associative, idempotent: DESIGN.md "Records"), so every node that read the same
files computes the same view, in any order (guarantee 6).
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Set
from datetime import UTC, datetime
from pathlib import Path

import attrs

from fedlearn.formats import layout, records
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import pattern_cache, patterns, withdrawals
from fedlearn.store import peer_records

# What one read of the retractions keeps of other nodes' files, at most (issue 15, "bounded
# everything"; docs/sharing.md "Memory across files"): of one file, and of all. This node's own
# file is read whole, first. A tombstone held costs ~0.55 KB; the 16 MiB cap of one file
# allows ~220,000 of them, and files under 50 invented node names 50 times that.
MAX_RETRACTIONS_PER_NODE = 100_000
MAX_PEER_RETRACTIONS = 250_000
# What one merged view keeps of other nodes' pattern files, at most, across categories (besides
# ``patterns.MAX_PER_FILE`` of each file; a pattern held costs ~1.2 KB); this node's own files
# are read whole.
MAX_PEER_PATTERNS = 500_000


def read_tombstones(
    repo: Path, node: str = "", admins: Collection[str] = ()
) -> dict[str, list[Retraction]]:
    """
    Return each node's tombstones, well-formed ones only (checked reader, bad lines counted).

    ``node``'s (this node's) file is read first and whole; then the ``admins``' files, then the
    other nodes', by name, each within the limits: at most ``MAX_RETRACTIONS_PER_NODE`` kept of
    one file and ``MAX_PEER_RETRACTIONS`` of all. The first file past a limit is refused with one
    warning naming it and the limit; past the total, the files after it are not opened
    (``peer_records.read_records``). A read never fails for them.
    """
    decode = tombstone_decoder()
    budget = peer_records.Budget(
        MAX_PEER_RETRACTIONS,
        "tombstones held from other nodes' files in one read (merge.MAX_PEER_RETRACTIONS)",
    )
    found = {}
    ordered = sorted(
        layout.retraction_files(repo), key=lambda p: (p.stem != node, p.stem not in admins)
    )
    for path in ordered:
        own = path.stem == node
        read = peer_records.read_records(
            repo,
            path,
            "retractions",
            decode,
            limit=None if own else MAX_RETRACTIONS_PER_NODE,
            budget=None if own else budget,
        )
        if read is not None:
            found[path.stem] = read.found
    return found


def tombstone_decoder() -> Callable[[bytes], Retraction | None]:
    """Return the decoder of one retractions line: a well-formed tombstone, or None (one dated
    ahead of this clock, past ``patterns.FUTURE_SKEW``, is refused until its time)."""
    latest = (datetime.now(UTC) + patterns.FUTURE_SKEW).strftime("%Y-%m-%dT%H:%M:%SZ")

    def decode(line: bytes) -> Retraction | None:
        tombstone = records.RETRACTION_DECODER.decode(line)
        good = (
            patterns.PATTERN_ID.fullmatch(tombstone.id)
            and patterns.TIME.fullmatch(tombstone.retracted_at)
            and tombstone.retracted_at <= latest
            and len(tombstone.reason) <= patterns.MAX_REASON
        )
        return tombstone if good else None

    return decode


def read_tombstone_file(
    repo: Path, path: Path, *, own: bool
) -> tuple[list[Retraction] | None, bool]:
    """
    Return the tombstones of one retractions file as ``read_tombstones`` reads it when its total
    is not reached (``own``: this node's, whole; else within ``MAX_RETRACTIONS_PER_NODE``), None
    when it is missing or refused, and whether every line of it was kept.
    """
    limit = None if own else MAX_RETRACTIONS_PER_NODE
    read = peer_records.read_records(repo, path, "retractions", tombstone_decoder(), limit=limit)
    return (None, False) if read is None else (read.found, read.whole)


def read_retractions(
    repo: Path, admins: Collection[str] = (), node: str = ""
) -> withdrawals.Retractions:
    """Return every node's well-formed tombstones (``read_tombstones``: ``node``'s own whole,
    the others' within the limits) with ``admins``."""
    return withdrawals.collect(read_tombstones(repo, node, admins), admins)


@attrs.define
class FileReader:
    """
    Reads one pattern file for the merged view (a ``pattern_cache.Reader``): a file of this
    node's (``own``) whole, another node's within ``patterns.MAX_PER_FILE`` and what is left of
    ``budget``; ``done`` tells a read from a cache hit (whose records spend the budget after).
    """

    own: bool
    budget: peer_records.Budget
    done: bool = False

    def __call__(self, path: Path) -> tuple[list[Pattern], bool]:
        """Return the verified records of ``path`` and whether it was read whole."""
        self.done = True
        return patterns.read_whole(path, own=self.own, budget=None if self.own else self.budget)


def merged_view(
    repo: Path,
    categories: Iterable[str],
    admins: Collection[str] = (),
    shards: Mapping[str, set[str] | None] | None = None,
    cache: pattern_cache.Cache | None = None,
    ids: Mapping[str, Set[str] | None] | None = None,
    node: str = "",
    retracted: withdrawals.Retractions | None = None,
) -> dict[str, dict[str, Pattern]]:
    """
    Return category → id → the join over all nodes' files, each node's withdrawn records left out.

    A record in node N's files is left out when N (or an admin) retracted its id
    (``withdrawals.Retractions.withdraws``), so an id leaves the view once every node holding it withdrew it.

    Both layouts are read (a node's old ``<node>.jsonl`` and its shards), so nodes that have not
    migrated yet are seen too. With ``shards`` (category → shard names), only the patterns of those
    shards are returned, and only those shard files are read (with every old-layout file); a
    category it maps to None (or leaves out) is read whole. Every file is listed and read through
    the checked reader and as this node accepts it (``layout.pattern_files``, ``patterns.read``). With
    ``cache``, a file unchanged since the cache read it is not read again (``pattern_cache``): the
    view is the same. With ``ids`` (category → pattern ids), only the patterns of those ids are
    returned (a category it maps to None, or leaves out, is not narrowed); each one is the same
    join over every node's files.

    Memory is bounded (docs/sharing.md "Memory across files"): ``node``'s (this node's) files
    are read whole; of the other nodes' files, at most ``MAX_PEER_PATTERNS`` records are kept in
    all (besides ``patterns.MAX_PER_FILE`` of each): the first file past it is refused with one
    warning naming it and the limit, and the files after it are not read. The retractions are
    read as ``read_retractions`` reads them, within their own limits (or given: ``retracted``).
    """
    retracted = read_retractions(repo, admins, node) if retracted is None else retracted
    budget = peer_budget()
    view: dict[str, dict[str, Pattern]] = {}
    for category in categories:
        wanted = None if shards is None else shards.get(category)
        only = None if ids is None else ids.get(category)
        table: dict[str, Pattern] = {}
        for path in layout.pattern_files(repo, category, wanted):
            holder = patterns.node_of(path)
            for pattern in read_file(repo, path, node, budget, cache):
                keep = (wanted is None or layout.shard_name(pattern.id) in wanted) and (
                    only is None or pattern.id in only
                )
                if keep and not retracted.withdraws(holder, pattern.id):
                    patterns.absorb(table, pattern)
        view[category] = dict(sorted(table.items()))
    return view


def shard_views(
    repo: Path,
    category: str,
    retracted: withdrawals.Retractions,
    shards: Set[str] | None = None,
    cache: pattern_cache.Cache | None = None,
    node: str = "",
) -> Iterator[tuple[str, dict[str, Pattern]]]:
    """
    Yield (shard, view) for each shard of ``category`` that holds a pattern, in ascending order
    (only ``shards`` when given), read as it is asked for: each view is the one ``merged_view``
    gives of that shard alone (the same join, ``retracted`` withdrawn, sorted by id), so chained
    they are the category's whole view in id order, and only one shard's records are held at a
    time (issue 20; docs/data-layout.md "Import's memory").

    Each node's shard file is read once; the listing is kept as the node names per shard. The old layout's ``<node>.jsonl`` files, which may hold
    any shard, are read once, first, and their records kept, joined per shard, until their shard
    is yielded: the unmigrated nodes' records stay in memory (only theirs), never read 256 times.
    The limits are ``merged_view``'s, per shard: ``node``'s own files are read whole; of the
    other nodes' files, ``MAX_PEER_PATTERNS`` records at most per shard (the old files have one
    such budget of their own). With ``cache``, a shard's cache group is saved and let go once its
    files are read (``pattern_cache.Cache.release``), so the cache holds one shard too.
    """
    folder = layout.pattern_dir(repo, category)
    by_shard: dict[str, list[str]] = collections.defaultdict(list)  # the nodes with a file of it
    waiting: dict[str, dict[str, Pattern]] = collections.defaultdict(dict)  # old files' records
    old_budget = peer_budget()
    for path in layout.pattern_files(repo, category, shards):
        if path.parent != folder:  # a node's name (one string for all its files), not a path
            by_shard[layout.shard_of(path) or ""].append(path.parent.name)
            continue
        holder = patterns.node_of(path)
        for pattern in read_file(repo, path, node, old_budget, cache):
            shard = layout.shard_name(pattern.id)
            if (shards is None or shard in shards) and not retracted.withdraws(holder, pattern.id):
                patterns.absorb(waiting[shard], pattern)
    if cache is not None:
        cache.release((category, pattern_cache.OLD))
    for shard in sorted(by_shard.keys() | waiting.keys()):
        table = waiting.pop(shard, {})
        budget = peer_budget()
        for holder in by_shard.pop(shard, []):
            path = layout.shard_file(repo, category, holder, shard)
            for pattern in read_file(repo, path, node, budget, cache):
                if not retracted.withdraws(holder, pattern.id):
                    patterns.absorb(table, pattern)
        if cache is not None:
            cache.release((category, shard))
        if table:
            yield shard, dict(sorted(table.items()))
        del table


def peer_budget() -> peer_records.Budget:
    """Return a new budget of ``MAX_PEER_PATTERNS`` records from other nodes' files."""
    return peer_records.Budget(
        MAX_PEER_PATTERNS,
        "pattern records held from other nodes' files in one read (merge.MAX_PEER_PATTERNS)",
    )


def read_file(
    repo: Path,
    path: Path,
    node: str,
    budget: peer_records.Budget,
    cache: pattern_cache.Cache | None,
) -> list[Pattern]:
    """
    Return the verified records of pattern file ``path`` as ``merged_view`` reads it: whole when
    it is ``node``'s, else within what is left of ``budget`` (none once it is spent: the file is
    not read), through ``cache`` when given.
    """
    holder = patterns.node_of(path)
    if holder != node and budget.spent_at is not None:
        return []
    reader = FileReader(holder == node, budget)
    found = reader(path)[0] if cache is None else cache.read(repo, path, reader)
    if holder != node and not reader.done:  # from the cache: spend the budget here
        found = budget.keep(repo, path, found)
    return found
