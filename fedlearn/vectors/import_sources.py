"""Sources stage: what import reads, verified before Qdrant is touched (guarantee 7).

The merged view of every node's pattern files (retracted ids removed) and every node's newest
snapshot that verifies and whose vector config fits this node, as points in id order with the text
each one is embedded from. A snapshot's points are read from its file as import uses them (the
second pass of ``verified``), so no source is held whole. Only what changed since the last import
is read, when that is known.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
import re
from collections.abc import Iterator, Sequence

import attrs

from fedlearn import config
from fedlearn.formats import layout, records
from fedlearn.learn import patterns
from fedlearn.vectors import import_changes, points, snapshot_verify

log = logging.getLogger(__name__)
PATTERN_ID = re.compile(r"[0-9a-f]{32}")
PATTERNS = "patterns"


Entry = tuple[records.Point, str]  # a point and the text it is embedded from


@attrs.frozen
class Source:
    """
    Verified points headed for one collection, in id order, each with the text it is embedded from.

    Attributes:
        label: ``patterns`` or the snapshot path relative to the repo.
        count: how many points ``entries`` holds.
        entries: the points and their texts in snapshot order (``points.sort_key``), each id once;
            an iterator, read once. A snapshot's raise VerifyError when its file changed since it
            was verified.
        rejected: points of the source that are out of shape (counted as failed).
        owner: the node whose snapshot this is, when it is another node's (its points are marked
            as that node's: ``points.OWNER``); None for patterns and this node's own snapshot.
    """

    collection: str
    label: str
    count: int
    entries: Iterator[Entry]
    rejected: int = 0
    owner: str | None = None


@attrs.frozen
class Plan:
    """What this import reads: sources per collection, retracted point ids, refused snapshots."""

    sources: dict[str, list[Source]]
    retracted: frozenset[str]
    refused: list[snapshot_verify.Refusal]


@contextlib.contextmanager
def planned(cfg: config.Config, changed: set[str] | None, dimension: int) -> Iterator[Plan]:
    """
    Return, for a ``with`` block, the verified sources of every collection touched by ``changed``
    (None: all). Their snapshots stay open for the block, so each is read as it was verified.
    """
    with contextlib.ExitStack() as opened:
        yield plan(cfg, changed, dimension, opened)


def plan(
    cfg: config.Config, changed: set[str] | None, dimension: int, opened: contextlib.ExitStack
) -> Plan:
    """Return the plan of ``planned``; each snapshot it opens is closed with ``opened``."""
    repo = cfg.repo_path
    retractions_changed = import_changes.touches(changed, "retractions/")
    categories = [
        c
        for c in cfg.sync.categories
        if retractions_changed or import_changes.touches(changed, f"patterns/{c}/")
    ]
    table: dict[str, list[Source]] = {c: [] for c in categories}
    view = patterns.merged_view(repo, categories)
    for category in categories:
        if view[category]:
            table[category].append(pattern_source(category, view[category]))
    refused: list[snapshot_verify.Refusal] = []
    for collection in cfg.qdrant.collections:
        # This node's own snapshot first: a point id is imported once per run, and an integer id
        # is this node's before any other node's that uses it (a restore after a reinstall).
        nodes = sorted(layout.collection_nodes(repo, collection), key=lambda n: n != cfg.node_id)
        for node in nodes:
            if import_changes.touches(changed, f"collections/{collection}/{node}/"):
                found, refusals = latest_snapshot(cfg, collection, node, dimension, opened)
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
    good.sort(key=lambda p: points.sort_key(points.pattern_point_id(p.id)))
    return Source(
        collection=category,
        label=PATTERNS,
        count=len(good),
        entries=((points.from_pattern(p), p.text) for p in good),
        rejected=len(view) - len(good),
    )


def latest_snapshot(
    cfg: config.Config, collection: str, node: str, dimension: int, opened: contextlib.ExitStack
) -> tuple[Source | None, list[snapshot_verify.Refusal]]:
    """Return the newest verified snapshot of ``node`` whose vectors fit this node, and refusals."""
    folder = layout.collection_dir(cfg.repo_path, collection, node)
    found, refused = snapshot_verify.latest(folder, collection, node, cfg.qdrant.batch_size)
    if found is None:
        return None, refused
    opened.enter_context(found)
    wanted = records.VectorConfig(size=dimension, distance=cfg.qdrant.distance)
    if found.manifest.vectors != wanted:
        reason = (
            f"manifest says {describe_vectors(found.manifest.vectors)} vectors, "
            f"this node makes {describe_vectors(wanted)}"
        )
        log.warning("%s: refused: %s", found.path, reason)
        return None, [*refused, snapshot_verify.Refusal(path=found.path, reason=reason)]
    owner = None if node == cfg.node_id else node  # this node's own: a restore, ids and all
    source = Source(
        collection=collection,
        label=str(found.path.relative_to(cfg.repo_path)),
        count=found.manifest.points,
        entries=snapshot_entries(found, owner),
        owner=owner,
    )
    return source, refused


def snapshot_entries(found: snapshot_verify.VerifiedSnapshot, owner: str | None) -> Iterator[Entry]:
    """Yield the points of ``found`` as import writes them (marked as ``owner``'s), with texts."""
    fields = found.manifest.embedding.text_fields
    for point in found.points():
        text = points.text_of(point.payload, fields)
        yield (points.owned_by(owner, point) if owner else point), text


def merged(inputs: Sequence[Source]) -> Iterator[tuple[Source, records.Point, str]]:
    """
    Yield the points of ``inputs`` in snapshot order, each with its source and text.

    An id several sources hold comes once from each, one after the other, the earlier source's
    first (``heapq.merge`` is stable). One point per source is read ahead.
    """
    return heapq.merge(*map(tagged, inputs), key=lambda item: points.sort_key(item[1].id))


def tagged(source: Source) -> Iterator[tuple[Source, records.Point, str]]:
    """Yield the entries of ``source``, each with the source."""
    for point, text in source.entries:
        yield source, point, text


def describe_vectors(vectors: records.VectorConfig) -> str:
    """Return ``768-d Cosine`` for a vector config."""
    return f"{vectors.size}-d {vectors.distance}"
