"""A category's merged patterns as import sources: the view of every node's pattern files
(``merge``, retracted ids removed; only what changed when that is known: ``import_view``), each
pattern a point with its text, in point order; a category read whole is read a shard at a time.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from fedlearn import config
from fedlearn.formats import records
from fedlearn.learn import merge, pattern_cache, withdrawals
from fedlearn.store import state
from fedlearn.vectors import import_changes, import_view, points
from fedlearn.vectors.import_sources import Entry, Rejects, Source, prefixed

log = logging.getLogger(__name__)
PATTERN_ID = re.compile(r"[0-9a-f]{32}")


def pattern_sources(
    repo: Path,
    changes: import_changes.Changes,
    sync: config.Sync,
    trust: config.Trust,
    settings: config.Embedding,
    cache: pattern_cache.Cache | None = None,
    node: str = "",
    store: state.StateDir | None = None,
) -> tuple[dict[str, list[Source]], frozenset[str]]:
    """
    Return the merged patterns of each category ``changes`` touches (a category with none: no
    source), and the point ids of the retracted patterns (none unless retractions changed).
    ``node`` (this node): its own files are read whole, the others' within ``merge``'s limits.

    A category narrowed to the ids its changed files hold (``import_changes.changed_ids``) is read now; one read
    whole, or whole shards of it, is read a shard at a time as its source's entries are read
    (``streamed_source``), up to the first shard with a point now. The retractions are read once.
    """
    retractions_changed = changes.touches("retractions/")
    categories = [
        c for c in sync.categories if retractions_changed or changes.touches(f"patterns/{c}/")
    ]
    table: dict[str, list[Source]] = {c: [] for c in categories}
    shards = (
        None
        if retractions_changed
        else import_changes.changed_shards(repo, changes.paths, categories)
    )
    ids = None if shards is None else import_changes.changed_ids(repo, changes.paths, shards, cache)
    narrowed = {c: i for c in categories if ids is not None and (i := ids.get(c)) is not None}
    view, withdrawn = import_view.narrowed(
        repo, narrowed, shards, trust.admins, node, store, changes.worktree, cache
    )
    for category in categories:
        if category in view:
            prefix = settings.document_prefix_of(category)
            found = pattern_source(category, view[category], prefix) if view[category] else None
        else:
            wanted = None if shards is None else shards.get(category)
            views = merge.shard_views(repo, category, withdrawn, wanted, cache, node)
            found = streamed_source(category, views, settings)
        table[category] += [found] if found is not None else []
    if cache is not None:
        cache.save()
    retracted = (  # ids no node's view keeps: their points go (``withdrawals.effective``)
        withdrawals.effective(repo, withdrawn) if retractions_changed else {}
    )
    gone = frozenset(points.pattern_point_id(i) for i in retracted if PATTERN_ID.fullmatch(i))
    return table, gone


def pattern_source(category: str, view: dict[str, records.Pattern], prefix: str) -> Source:
    """
    Return the merged patterns of ``category`` as points, ``prefix`` (its document prefix) in
    front of their texts; those out of shape are rejected.
    """
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
        label=points.PATTERNS,
        count=len(good),
        entries=((points.from_pattern(p), prefixed(prefix, p.text)) for p in good),
        rejects=Rejects(len(view) - len(good)),
    )


def streamed_source(
    category: str,
    views: Iterator[tuple[str, dict[str, records.Pattern]]],
    settings: config.Embedding,
) -> Source | None:
    """
    Return the patterns of ``category``'s shard ``views`` (ascending, as ``merge.shard_views``
    yields them) as a source whose entries read one shard at a time, or None when they hold no
    point (read up to its first point to tell). Shards ascending, each in id order, are in point
    order: a pattern's point id is its id as a UUID, and its shard is the id's first digits.
    """
    rejects = Rejects()
    entries = shard_entries(category, views, settings.document_prefix_of(category), rejects)
    first = next(entries, None)
    if first is None:
        return None
    return Source(
        collection=category,
        label=points.PATTERNS,
        count=None,
        entries=itertools.chain([first], entries),
        rejects=rejects,
    )


def shard_entries(
    category: str,
    views: Iterator[tuple[str, dict[str, records.Pattern]]],
    prefix: str,
    rejects: Rejects,
) -> Iterator[Entry]:
    """Yield the points of each shard's view in point order; count those out of shape."""
    for _shard, view in views:
        source = pattern_source(category, view, prefix)
        rejects.count += source.rejected
        yield from source.entries
        del source, view
