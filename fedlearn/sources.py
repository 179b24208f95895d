"""Sources stage: what import reads, verified before Qdrant is touched (guarantee 7).

The merged view of every node's pattern files (retracted ids removed) and every node's newest
snapshot that verifies and whose vector config fits this node, as points with the text each one
is embedded from. Only what changed since the last import is read, when that is known.
"""

from __future__ import annotations

import logging
import re

import attrs

from fedlearn import changes, config, layout, patterns, points, records, snapshot

log = logging.getLogger(__name__)
PATTERN_ID = re.compile(r"[0-9a-f]{32}")
PATTERNS = "patterns"


@attrs.frozen
class Source:
    """
    Verified points headed for one collection, each with the text it is embedded from.

    Attributes:
        label: ``patterns`` or the snapshot path relative to the repo.
        rejected: points of the source that are out of shape (counted as failed).
        owner: the node whose snapshot this is, when it is another node's (its points are marked
            as that node's: ``points.OWNER``); None for patterns and this node's own snapshot.
    """

    collection: str
    label: str
    points: list[records.Point]
    texts: list[str]
    rejected: int = 0
    owner: str | None = None


@attrs.frozen
class Plan:
    """What this import reads: sources per collection, retracted point ids, refused snapshots."""

    sources: dict[str, list[Source]]
    retracted: frozenset[str]
    refused: list[snapshot.Refusal]


def plan(cfg: config.Config, changed: set[str] | None, dimension: int) -> Plan:
    """Return the verified sources of every collection touched by ``changed`` (None: all)."""
    repo = cfg.repo_path
    retractions_changed = changes.touches(changed, "retractions/")
    categories = [
        c
        for c in cfg.sync.categories
        if retractions_changed or changes.touches(changed, f"patterns/{c}/")
    ]
    table: dict[str, list[Source]] = {c: [] for c in categories}
    view = patterns.merged_view(repo, categories)
    for category in categories:
        if view[category]:
            table[category].append(pattern_source(category, view[category]))
    refused: list[snapshot.Refusal] = []
    for collection in cfg.qdrant.collections:
        # This node's own snapshot first: a point id is imported once per run, and an integer id
        # is this node's before any other node's that uses it (a restore after a reinstall).
        nodes = sorted(layout.collection_nodes(repo, collection), key=lambda n: n != cfg.node_id)
        for node in nodes:
            if changes.touches(changed, f"collections/{collection}/{node}/"):
                found, refusals = latest_snapshot(cfg, collection, node, dimension)
                refused += [attrs.evolve(r, path=r.path.relative_to(repo)) for r in refusals]
                if found is not None:
                    table.setdefault(collection, []).append(found)
    retracted = patterns.read_retractions(repo) if retractions_changed else {}
    ids = frozenset(points.pattern_point_id(i) for i in retracted if PATTERN_ID.fullmatch(i))
    return Plan(sources=table, retracted=ids, refused=refused)


def pattern_source(category: str, view: dict[str, records.Pattern]) -> Source:
    """Return the merged patterns of ``category`` as points; those out of shape are rejected."""
    good = []
    for pattern in view.values():
        if PATTERN_ID.fullmatch(pattern.id) and pattern.category == category:
            good.append(pattern)
        else:
            log.warning(
                "%s: pattern %r has a bad id or category; not imported", category, pattern.id
            )
    return Source(
        collection=category,
        label=PATTERNS,
        points=[points.from_pattern(p) for p in good],
        texts=[p.text for p in good],
        rejected=len(view) - len(good),
    )


def latest_snapshot(
    cfg: config.Config, collection: str, node: str, dimension: int
) -> tuple[Source | None, list[snapshot.Refusal]]:
    """Return the newest verified snapshot of ``node`` whose vectors fit this node, and refusals."""
    folder = layout.collection_dir(cfg.repo_path, collection, node)
    found, refused = snapshot.latest_verified(folder, collection, node)
    if found is None:
        return None, refused
    wanted = records.VectorConfig(size=dimension, distance=cfg.qdrant.distance)
    if found.manifest.vectors != wanted:
        reason = (
            f"manifest says {describe_vectors(found.manifest.vectors)} vectors, "
            f"this node makes {describe_vectors(wanted)}"
        )
        log.warning("%s: refused: %s", found.path, reason)
        return None, [*refused, snapshot.Refusal(path=found.path, reason=reason)]
    fields = found.manifest.embedding.text_fields
    owner = None if node == cfg.node_id else node  # this node's own: a restore, ids and all
    source = Source(
        collection=collection,
        label=str(found.path.relative_to(cfg.repo_path)),
        points=[points.owned_by(owner, p) for p in found.points] if owner else found.points,
        texts=[points.text_of(point.payload, fields) for point in found.points],
        owner=owner,
    )
    return source, refused


def describe_vectors(vectors: records.VectorConfig) -> str:
    """Return ``768-d Cosine`` for a vector config."""
    return f"{vectors.size}-d {vectors.distance}"
