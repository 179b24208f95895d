"""Sources stage: what import reads, verified before Qdrant is touched (guarantee 7).

The merged view of every node's pattern files (retracted ids removed) and every node's newest
snapshot that verifies, as points in id order with the text each one is embedded from (its
``embedding.document_prefix`` in front). A snapshot's vector size and model describe the node that
made it and never stop it: import embeds every point here. A snapshot's points are read from its file as import uses them (the
second pass of ``verified``), so no source is held whole. Only what changed since the last import
is read, when that is known. A category's patterns read whole are read one shard at a time, as
import uses them (``merge.shard_views``), so memory holds one shard of them, not data/.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.formats import layout, records
from fedlearn.learn import merge, pattern_cache
from fedlearn.store import refusal_log, state
from fedlearn.vectors import import_changes, import_view, points, snapshot_verify

log = logging.getLogger(__name__)
PATTERN_ID = re.compile(r"[0-9a-f]{32}")


Entry = tuple[records.Point, str]  # a point and the text it is embedded from


@attrs.define
class Rejects:
    """How many points of a source were out of shape, counted as its entries are read."""

    count: int = 0


@attrs.frozen
class Source:
    """
    Verified points headed for one collection, in id order, each with the text it is embedded from.

    Attributes:
        label: ``patterns`` or the snapshot path relative to the repo.
        count: how many points ``entries`` holds; None when that is known only once they are read
            (a category's patterns read a shard at a time), and then it holds at least one.
        entries: the points and their texts in snapshot order (``points.sort_key``), each id once;
            an iterator, read once. A snapshot's raise VerifyError when its file changed since it
            was verified.
        rejects: the points of the source that are out of shape (counted as failed), counted
            as ``entries`` are read: all of them are counted once ``entries`` is exhausted.
        owner: the node whose snapshot this is, when it is another node's (its points are marked
            as that node's: ``points.OWNER``); None for patterns and this node's own snapshot.
        text_fields: the payload fields its texts come from (``points.text_of``), for messages.
    """

    collection: str
    label: str
    count: int | None
    entries: Iterator[Entry]
    rejects: Rejects = attrs.field(factory=Rejects)
    owner: str | None = None
    text_fields: tuple[str, ...] = ("text",)

    @property
    def rejected(self) -> int:
        """Return how many points of the source were out of shape, of those read so far."""
        return self.rejects.count

    @property
    def is_federated(self) -> bool:
        """Return whether fedlearn owns the points it writes: patterns, or another node's points."""
        return self.label == points.PATTERNS or self.owner is not None


@attrs.frozen
class RefusedSnapshot:
    """
    A snapshot that does not verify: nothing from it is read.

    Attributes:
        path: the file, relative to the repo.
        reason: the first check it failed.
        commit: the short commit that last changed it ("" when git cannot tell).
    """

    path: str
    reason: str
    commit: str = ""


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
        table, retracted = pattern_sources(
            repo, changes, sync, trust, embedding_settings, cache, node, store
        )
        found, refused, skipped = snapshot_sources(
            repo, node, changes, qdrant_settings, embedding_settings, opened
        )
        for source in found:
            table.setdefault(source.collection, []).append(source)
        yield Plan(sources=table, retracted=retracted, refused=refused, skipped=skipped)


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
    retracted = (  # ids no node's view keeps: their points go (``merge.effective``)
        merge.effective(repo, withdrawn) if retractions_changed else {}
    )
    gone = frozenset(points.pattern_point_id(i) for i in retracted if PATTERN_ID.fullmatch(i))
    return table, gone


def refuse(repo: Path, refusal: snapshot_verify.VerifyRefusal, *, is_own: bool) -> RefusedSnapshot:
    """
    Return ``refusal`` relative to ``repo`` with the commit that last changed the file, and log it
    once: an error for this node's own snapshot, a warning for another node's (skipped).
    """
    path = refusal_log.relative(repo, refusal.path)
    commit = refusal_log.commit_of(repo, refusal.path)
    added = f" (commit {commit})" if commit else ""
    if is_own:
        log.error("%s: refused, this node's own snapshot: %s%s", path, refusal.reason, added)
    else:
        log.warning(
            "%s: skipped, another node's snapshot that does not verify: %s%s; the import goes on "
            "without it (fedlearn doctor lists it)",
            path,
            refusal.reason,
            added,
        )
    return RefusedSnapshot(path=path, reason=refusal.reason, commit=commit)


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


def snapshot_sources(
    repo: Path,
    node: str,
    changes: import_changes.Changes,
    qdrant_settings: config.Qdrant,
    settings: config.Embedding,
    opened: contextlib.ExitStack,
) -> tuple[list[Source], list[RefusedSnapshot], list[RefusedSnapshot]]:
    """
    Return the newest verified snapshot of every node in each collection ``changes`` touches
    (each kept open until ``opened`` closes), this node's own refused ones, and other nodes'.
    """
    found: list[Source] = []
    refused: dict[bool, list[RefusedSnapshot]] = {
        True: [],
        False: [],
    }  # by whether it is this node's
    for collection in qdrant_settings.collections:
        # This node's own snapshot first: a point id is imported once per run, and an integer id
        # is this node's before any other node's that uses it (a restore after a reinstall).
        nodes = sorted(layout.collection_nodes(repo, collection), key=lambda n: n != node)
        for name in nodes:
            if changes.touches(f"collections/{collection}/{name}/"):
                owner = None if name == node else name  # this node's own: a restore, ids and all
                source, refusals = latest_snapshot(
                    layout.collection_dir(repo, collection, name),
                    owner,
                    qdrant_settings.batch_size,
                    settings,
                    opened,
                )
                refused[owner is None] += [refuse(repo, r, is_own=owner is None) for r in refusals]
                found += [source] if source is not None else []
    return found, refused[True], refused[False]


def latest_snapshot(
    folder: Path,
    owner: str | None,
    run_lines: int,
    settings: config.Embedding,
    opened: contextlib.ExitStack,
) -> tuple[Source | None, list[snapshot_verify.VerifyRefusal]]:
    """
    Return the newest verified snapshot in a node's ``folder`` as a source, its file kept open
    until ``opened`` closes, and the newer ones refused. ``owner`` is None for this node's own.

    Its texts come from this node's ``text_fields`` of the collection when it sets them there
    (``[embedding.collections.<name>]``), else from the manifest's: what the stack that made the
    snapshot embedded. Its vector size and model are not checked: every vector is made here.
    """
    repo, collection, node = layout.repo_of(folder), folder.parent.name, folder.name
    found, refused = snapshot_verify.latest(folder, collection, node, run_lines)
    if found is None:
        return None, refused
    opened.enter_context(found)
    fields = (
        settings.text_fields_of(collection)
        if settings.overrides_text_fields(collection)
        else found.manifest.embedding.text_fields
    )
    source = Source(
        collection=collection,
        label=str(found.path.relative_to(repo)),
        count=found.manifest.points,
        entries=snapshot_entries(found, owner, fields, settings.document_prefix_of(collection)),
        owner=owner,
        text_fields=tuple(fields),
    )
    return source, refused


def snapshot_entries(
    found: snapshot_verify.VerifiedSnapshot,
    owner: str | None,
    fields: Sequence[str],
    prefix: str,
) -> Iterator[Entry]:
    """Yield the points of ``found`` as import writes them (marked as ``owner``'s), with texts."""
    for point in found.points():
        text = prefixed(prefix, points.text_of(point.payload, fields))
        yield (points.owned_by(owner, point) if owner else point), text


def merged(inputs: Sequence[Source]) -> Iterator[tuple[Source, records.Point, str]]:
    """
    Yield the points of ``inputs`` in snapshot order, each with its source and text.

    An id several sources hold comes once from each, one after the other, the earlier source's
    first (``heapq.merge`` is stable). One point per source is read ahead.
    """
    return heapq.merge(*map(tagged, inputs), key=lambda item: points.order(item[1]))


def tagged(source: Source) -> Iterator[tuple[Source, records.Point, str]]:
    """Yield the entries of ``source``, each with the source."""
    for point, text in source.entries:
        yield source, point, text


def prefixed(prefix: str, text: str) -> str:
    """Return ``text`` with ``prefix`` in front; "" stays "" (no text is no text, prefix or not)."""
    return prefix + text if text.strip() else ""
