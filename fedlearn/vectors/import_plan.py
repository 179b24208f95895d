"""Sources stage: what import reads, verified before Qdrant is touched (guarantee 7).

The merged view of every node's pattern files (retracted ids removed: ``import_patterns``) and
every node's newest snapshot that verifies (``import_snapshots``), as sources of points in id
order with the text each one is embedded from (``import_sources``). A snapshot's vector size and
model describe the node that made it and never stop it: import embeds every point here. A
snapshot's points are read from its file as import uses them (the second pass of ``verified``), so
no source is held whole. Only what changed since the last import is read, when that is known. A
category's patterns read whole are read one shard at a time, as import uses them
(``merge.shard_views``), so memory holds one shard of them, not data/.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.learn import pattern_cache
from fedlearn.store import state
from fedlearn.vectors import import_changes, import_patterns, import_snapshots
from fedlearn.vectors.import_snapshots import RefusedSnapshot
from fedlearn.vectors.import_sources import Source


@attrs.frozen
class Plan:
    """
    What this import reads.

    Attributes:
        sources: the verified sources of each collection read.
        retracted: the point ids of retracted patterns.
        refused: this node's own snapshots that do not verify: the import fails.
        skipped: other nodes' snapshots that do not verify: passed over, never a failure (a peer's
            commit must not fail this node's jobs); the import reads the rest.
    """

    sources: dict[str, list[Source]]
    retracted: frozenset[str]
    refused: list[RefusedSnapshot]
    skipped: list[RefusedSnapshot] = attrs.field(factory=list)

    def labels(self) -> set[tuple[str, str]]:
        """Return (collection, label) of every source found (``patterns`` or a snapshot path)."""
        return {(s.collection, s.label) for found in self.sources.values() for s in found}


@contextlib.contextmanager
def planned(
    repo: Path,
    node: str,
    changes: import_changes.Changes,
    *,
    sync: config.Sync,
    trust: config.Trust,
    qdrant_settings: config.Qdrant,
    embedding_settings: config.Embedding,
    cache: pattern_cache.Cache | None = None,
    store: state.StateDir | None = None,
) -> Iterator[Plan]:
    """
    Return, for a ``with`` block, the verified sources of every collection ``changes`` touches.
    Their snapshots stay open for the block, so each is read as it was verified.

    Args:
        repo: the federation repo.
        node: this node's id: its own snapshots are read first, as they are, and fail when refused.
        changes: what this import reads.
        sync: the pattern categories.
        trust: the admins, whose retractions remove a pattern from every view.
        qdrant_settings: the snapshot collections, and the batch size (lines verified at a time).
        embedding_settings: the text fields and document prefixes.
        cache: what other nodes' pattern files held when last read (``pattern_cache``), so only
            changed files are read again; saved once the patterns are read.
        store: the state dir, whose kept holders (``import_view``) find the files to read.
    """
    with contextlib.ExitStack() as opened:
        table, retracted = import_patterns.pattern_sources(
            repo, changes, sync, trust, embedding_settings, cache, node, store
        )
        found, refused, skipped = import_snapshots.snapshot_sources(
            repo, node, changes, qdrant_settings, embedding_settings, opened
        )
        for source in found:
            table.setdefault(source.collection, []).append(source)
        yield Plan(sources=table, retracted=retracted, refused=refused, skipped=skipped)
