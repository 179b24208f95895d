"""What every node's tombstones withdraw from the merged view (DESIGN.md "Records").

A node withdraws its own record of an id; an admin's tombstone withdraws the id from every view;
a re-keyed record's tombstone (``REKEYED``) withdraws nothing (``Retractions``). From them and
the nodes whose files hold each id (``holders``) follow the ids that left every view
(``effective``: their Qdrant points go) and the tombstones that take away their node's record only
(``withheld``). All of it is a function of the files, so every node that read the same files
agrees, in any order. ``merge`` reads the tombstones within its limits and leaves withdrawn
records out of the view.
"""

from __future__ import annotations

import collections
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.formats.records import Retraction
from fedlearn.learn import patterns

# The reason sync's rewrite gives the old id of a record it re-keyed (``learn/reanonymize``).
REKEYED = "re-anonymized:"


@attrs.frozen
class Retractions:
    """
    Every node's well-formed tombstones, and what they take away (DESIGN.md "Records").

    A node can withdraw only its own knowledge: its tombstone of an id removes its own record of
    that id from the merged view, and nothing else, unless it is one of ``admins``, whose tombstone
    removes the id from every view. An id leaves every view when every node whose files hold it
    has withdrawn it (``effective``). A re-keyed record's tombstone (``REKEYED``) withdraws
    nothing: the record moved to its new id; it only clears the old id's Qdrant point once no node
    holds it. All of it is a function of the files, so every node that read the same files
    agrees, in any order.

    Attributes:
        by_id: pattern id → node → that node's tombstone.
        admins: the nodes whose tombstones remove an id everywhere (``[trust] admins``).
    """

    by_id: dict[str, dict[str, Retraction]]
    admins: frozenset[str] = frozenset()

    def withdraws(self, node: str, pattern_id: str) -> bool:
        """Return whether ``node``'s record of ``pattern_id`` stays out of the merged view."""
        found = self.by_id.get(pattern_id)
        if not found:
            return False
        own = found.get(node)
        return (own is not None and not own.reason.startswith(REKEYED)) or self.by_admin(pattern_id)

    def by_admin(self, pattern_id: str) -> bool:
        """Return whether a node of ``admins`` retracted ``pattern_id`` (not as a re-key)."""
        found = self.by_id.get(pattern_id, {})
        return any(
            node in self.admins and not tombstone.reason.startswith(REKEYED)
            for node, tombstone in found.items()
        )

    def first(self, pattern_id: str) -> Retraction:
        """Return the earliest tombstone of ``pattern_id`` (ties: the smallest reason)."""
        return min(self.by_id[pattern_id].values(), key=lambda t: (t.retracted_at, t.reason))


def collect(
    tombstones: Mapping[str, list[Retraction]], admins: Collection[str] = ()
) -> Retractions:
    """Return the retractions of each node's tombstones (its earliest per id) with ``admins``."""
    by_id: dict[str, dict[str, Retraction]] = collections.defaultdict(dict)
    for holder, listed in sorted(tombstones.items()):
        for tombstone in listed:
            kept = by_id[tombstone.id].get(holder)
            if kept is None or (tombstone.retracted_at, tombstone.reason) < (
                kept.retracted_at,
                kept.reason,
            ):
                by_id[tombstone.id][holder] = tombstone
    return Retractions(dict(by_id), frozenset(admins))


def holders(repo: Path, pattern_ids: Iterable[str]) -> dict[str, set[str]]:
    """
    Return, per id of ``pattern_ids`` held by any node, the nodes whose own files hold a verified
    record of it (an id no node holds is left out: an empty set per tombstoned id costs ~0.2 KB,
    ~50 MB at ``MAX_PEER_RETRACTIONS``).

    Only the shards those ids fall in are read (with every old-layout file), across categories.
    """
    wanted = set(pattern_ids)
    found: dict[str, set[str]] = {}
    shards = {layout.shard_name(pattern_id) for pattern_id in wanted}
    if not shards:
        return found
    for category in config.CATEGORIES:
        for path in layout.pattern_files(repo, category, shards):
            for pattern in patterns.read(path):
                if pattern.id in wanted:
                    found.setdefault(pattern.id, set()).add(patterns.node_of(path))
    return found


def effective(repo: Path, retractions: Retractions) -> dict[str, Retraction]:
    """
    Return the tombstoned ids that left every merged view, each with its earliest tombstone.

    An id leaves when a node of the admins retracted it, or when every node whose files hold it
    withdrew it (``Retractions.withdraws``; no node holding it at all counts too: a re-keyed old
    id, or a record a node dropped). Its Qdrant point goes with it (import).
    """
    held = holders(repo, retractions.by_id)
    return {
        pattern_id: retractions.first(pattern_id)
        for pattern_id in sorted(retractions.by_id)
        if retractions.by_admin(pattern_id)
        or all(retractions.withdraws(node, pattern_id) for node in held.get(pattern_id, ()))
    }


def withheld(repo: Path, retractions: Retractions) -> dict[str, dict[str, list[str]]]:
    """
    Return, per retracting node, the ids it withdrew that stay in the merged view, each with the
    nodes that still hold them: its tombstone takes away its own record only (not an error).
    """
    held = holders(repo, retractions.by_id)
    found: dict[str, dict[str, list[str]]] = collections.defaultdict(dict)
    for pattern_id, by_node in sorted(retractions.by_id.items()):
        if retractions.by_admin(pattern_id):
            continue
        keep = sorted(
            n for n in held.get(pattern_id, ()) if not retractions.withdraws(n, pattern_id)
        )
        for node, tombstone in by_node.items():
            if keep and not tombstone.reason.startswith(REKEYED):
                found[node][pattern_id] = keep
    return dict(sorted(found.items()))
