"""Import's collection stage: bring one collection up to its sources (guarantee 7).

Decide how it is written (``import_reembed``: as it is, re-embedded, rebuilt, or stopped), create
it when new (after the check text embeds at the right size), delete its retracted patterns, write
its sources (``import_batches``), and check the count grew by the points newly written. A snapshot
that changed since it was verified stops the collection, never the import.
"""

from __future__ import annotations

import logging

from fedlearn.errors import VerifyError
from fedlearn.formats.results import CollectionImport
from fedlearn.vectors import embed, import_batches, import_reembed, import_sources, points

log = logging.getLogger(__name__)


def write(
    job: import_batches.ImportRun,
    collection: str,
    inputs: list[import_sources.Source],
    retracted: frozenset[str],
) -> CollectionImport:
    """Bring ``collection`` up to its sources; return its tally (``error`` set when it stopped)."""
    decision = import_reembed.decide(job, collection)
    if (decision.refresh or decision.rebuild) and not job.reads_all:
        decision = import_reembed.postpone(job, collection, decision)
    if decision.error:
        log.error("%s", decision.error)
        return CollectionImport(error=decision.error)
    target = decision.target
    tally = CollectionImport()
    present = job.live.vectors(target)
    wanted = decision.rebuild or any(source.count != 0 for source in inputs)
    if present is None and not job.dry_run and wanted:
        probe(job)
        job.live.create(target, job.vectors)
        present = job.vectors
        if not decision.rebuild:  # a new collection: every vector in it is this node's
            import_reembed.record(job, collection, decision.wanted)
    exists = present is not None
    tally.deleted = retract(job, target, retracted) if exists else 0
    if exists and job.reads_all and not job.dry_run:  # every snapshot is read: they come back
        tally.deleted += job.live.delete_legacy(target)
    before = job.live.count(target) if exists else 0
    progress = import_reembed.progress_file(job.store, collection)
    refresh = (decision.refresh, progress) if decision.refresh else None
    try:
        import_batches.write_sources(job, target, inputs, tally, exists, refresh)
    except VerifyError as error:  # a snapshot changed on disk after it was verified
        tally.error = str(error)
        log.error("%s: stopped: %s", collection, error)
        return tally
    finally:  # the points out of shape, counted as the sources were read (``Source.rejects``)
        tally.failed += sum(source.rejected for source in inputs)
    for source in inputs:
        job.ledger.settle(collection, source.label)
    if exists and not job.dry_run:
        check_count(job, target, before, tally)
    check_embedded(collection, inputs, tally)
    if exists and not tally.error:
        import_reembed.finish(job, collection, decision)
    return tally


def check_embedded(
    collection: str, inputs: list[import_sources.Source], tally: CollectionImport
) -> None:
    """
    Set ``tally.error`` when points failed and none was written, skipped or set aside: nothing
    could be embedded (a partial failure, some points failed, is counted and logged only).
    """
    done = ("imported", "updated", "skipped", "set_aside", "reembedded")
    if not tally.failed or tally.error or any(getattr(tally, key) for key in done):
        return
    reasons = []
    if tally.no_text:
        fields = ", ".join(dict.fromkeys(f'"{f}"' for s in inputs for f in s.text_fields))
        reasons.append(f"{tally.no_text} with no payload field of text_fields = [{fields}]")
    if tally.failed > tally.no_text:
        reasons.append(f"{tally.failed - tally.no_text} out of shape or embedded to zero vectors")
    tally.error = f"every point failed ({tally.failed}): {'; '.join(reasons)}"
    log.error("%s: %s", collection, tally.error)


def probe(job: import_batches.ImportRun) -> None:
    """
    Embed the check text before a collection is created with the embedder's dimension.

    Raise EmbeddingError when the embedder fails or its vectors are not ``embedding.dimension``
    long, so no collection of the wrong size is left that a corrected rerun would refuse. (Not an
    input's text: one the server refuses, too long for its model, would block the collection.)
    """
    embed.check(job.embedder)


def retract(job: import_batches.ImportRun, collection: str, retracted: frozenset[str]) -> int:
    """
    Delete the retracted pattern points present in ``collection``; return how many. Only pattern
    points go (``Store.patterns``): a tombstone never deletes the stack's own point or another
    node's that happens to carry the id.
    """
    if not retracted:
        return 0
    ids = sorted(retracted)
    size = job.qdrant_settings.batch_size
    found: list[points.PointId] = []
    for start in range(0, len(ids), size):
        found += sorted(job.live.patterns(collection, ids[start : start + size]), key=str)
    if found and not job.dry_run:
        for start in range(0, len(found), size):
            job.live.delete(collection, found[start : start + size])
        log.info("%s: deleted %d retracted patterns", collection, len(found))
    return len(found)


def check_count(
    job: import_batches.ImportRun,
    collection: str,
    before: int,
    tally: CollectionImport,
) -> None:
    """Set ``tally.error`` when the collection grew by less than the points newly written."""
    grew = job.live.count(collection) - before
    if grew < tally.imported:
        tally.error = f"count of {collection} grew by {grew}, expected {tally.imported}"
        log.error("%s", tally.error)
