"""fedlearn import: verified snapshots and the merged view of patterns → Qdrant, re-embedded.

Lock; find what changed under data/ since the last import; verify every snapshot before touching
Qdrant (a first pass over each file, kept open); join all nodes' pattern files; then per collection:
ensure it exists with this node's vector config, delete retracted patterns, and write its sources
merged in id order a batch at a time as the snapshots are read again (``batches``: skip ids already
present, embed, upsert), and check the count grew (guarantee 7: idempotent, resumable, nothing from
a file that does not verify; a snapshot changed since its first pass stops its collection). Another
node's snapshot that does not verify is skipped and counted, never a failure; this node's own fails. Memory
follows the batch size, not the snapshots. A point the embedding server refuses alone is set aside
in the quarantine and retried by every later import until it is imported (guarantee 3).
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.errors import QdrantError, VerifyError
from fedlearn.formats.results import CollectionImport, ImportResult, Refusal
from fedlearn.jobs import Summary
from fedlearn.store import state
from fedlearn.vectors import (
    embed,
    import_batches,
    import_changes,
    import_quarantine,
    import_reembed,
    import_sources,
    points,
    qdrant,
)

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add import's options."""
    parser.add_argument("--dry-run", action="store_true", help="say what would be imported")
    parser.add_argument(
        "--overwrite", action="store_true", help="update points that exist (implies --full)"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="read every file, not only those changed since the last import",
    )
    parser.add_argument(
        "--wait-ready",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="first wait up to SECONDS for Qdrant's /readyz and the embedding server (at boot)",
    )


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[ImportResult]:
    """Run import from the command line."""
    if args.wait_ready > 0:
        wait_ready(cfg, args.wait_ready)
    return execute(cfg, overwrite=args.overwrite, dry_run=args.dry_run, full=args.full)


def wait_ready(cfg: config.Config, seconds: float) -> None:
    """
    Return once Qdrant and the embedding server are ready, both within ``seconds`` in all.

    Raise QdrantError or EmbeddingError naming the one that was not.
    """
    deadline = time.monotonic() + seconds
    qdrant.wait_ready(cfg.qdrant, seconds)
    embed.wait_ready(cfg.embedding, max(deadline - time.monotonic(), 0.0))


def execute(
    cfg: config.Config, *, overwrite: bool = False, dry_run: bool = False, full: bool = False
) -> Summary[ImportResult]:
    """
    Import what changed under data/ (everything with ``full`` or ``overwrite``); return the summary.

    Raise LockHeldError when another import runs, QdrantError when Qdrant refuses or stays away,
    EmbeddingError when the embedder fails or returns vectors of the wrong dimension (a text the
    embedding server refuses alone, while it embeds a check text, is set aside instead).
    """
    store = state.StateDir(cfg.state_path)
    with store.lock("import"):
        ledger = import_quarantine.load(store)
        changes = what_changed(cfg, store, ledger, full=full or overwrite)
        embedder = embed.create(cfg.embedding)
        tallies: dict[str, CollectionImport] = {}
        present = changes.held
        with import_sources.planned(cfg, changes) as plan:
            if plan.sources:
                tallies, present = import_all(
                    cfg,
                    store,
                    plan,
                    embedder,
                    ledger,
                    overwrite=overwrite,
                    dry_run=dry_run,
                    reads_all=changes.reads_all,
                )
        is_clean = not plan.refused and not any(t.error for t in tallies.values())
        held = (
            ledger.earlier
            if dry_run
            else ledger.entries(imported_collections(cfg), import_quarantine.sourced(plan))
        )
        if not dry_run:
            # Saved before the mark moves: from now on every import reads their sources again.
            import_quarantine.save(store, held)
        if is_clean and not dry_run:
            import_changes.save(store, msgspec.structs.replace(changes.now, collections=present))
    return summarize(
        plan,
        tallies,
        changes=changes,
        held=(len(held), str(import_quarantine.file(store)) if held else ""),
        dry_run=dry_run,
    )


def what_changed(
    cfg: config.Config,
    store: state.StateDir,
    ledger: import_quarantine.Ledger,
    *,
    full: bool,
) -> import_changes.Changes:
    """
    Return what this import reads, decided once: every file with ``full``, when git cannot tell,
    or when a collection the last import left is gone from Qdrant or was embedded by another
    embedder; else the files changed since the last clean import, and the sources of the points
    set aside.
    """
    last = import_changes.load(store)
    changes = import_changes.find(cfg.repo_path, last, start_mark(cfg), full=full)
    if changes.reads_all:
        return changes
    if lost := lost_collections(cfg.qdrant, cfg.state_path, changes.held):
        log.warning("%s gone from Qdrant since the last import: reading everything", lost)
        return changes.everything()
    where, embedding, distance = (
        qdrant.target(cfg.qdrant, cfg.state_path),
        cfg.embedding,
        cfg.qdrant.distance,
    )
    if stale := import_reembed.stale(store, where, changes.held, embedding, distance):
        log.warning("%s embedded by another embedder: reading everything", stale)
        return changes.everything()
    return changes.adding(ledger.retry_paths())


def start_mark(cfg: config.Config) -> import_changes.Mark:
    """Return the mark an import starting now leaves: HEAD, and the Qdrant target and names it covers."""
    where = qdrant.target(cfg.qdrant, cfg.state_path)
    covered = import_changes.scope(where, cfg.qdrant.collections, cfg.sync.categories)
    return import_changes.current(cfg.repo_path, covered)


def lost_collections(settings: config.Qdrant, state_path: Path, held: list[str]) -> str:
    """
    Return the collections (comma-separated) of ``held``, those the last import left in Qdrant,
    that are gone now (a server whose data was wiped, an embedded store's folder removed), or "".
    """
    if not held:
        return ""
    if not settings.url:  # opening an embedded store loads all of it: only its folder is seen
        embedded = Path(qdrant.target(settings, state_path))
        return "" if embedded.is_dir() else ", ".join(held)
    try:
        with qdrant.connect(settings, state_path) as live:
            return ", ".join(name for name in held if not live.exists(name))
    except QdrantError as error:  # an import with nothing to write must not need Qdrant up
        log.warning("could not check that Qdrant still holds %s: %s", held, error)
        return ""


def imported_collections(cfg: config.Config) -> set[str]:
    """Return the collections import writes: the configured ones and the pattern categories."""
    return {*cfg.qdrant.collections, *cfg.sync.categories}


def import_all(
    cfg: config.Config,
    store: state.StateDir,
    plan: import_sources.Plan,
    embedder: embed.Embedder,
    ledger: import_quarantine.Ledger,
    *,
    overwrite: bool,
    dry_run: bool,
    reads_all: bool = True,
) -> tuple[dict[str, CollectionImport], list[str]]:
    """
    Import every collection of the plan; return its tally by collection, and the collections
    Qdrant holds afterwards.
    """
    total = sum(s.count for inputs in plan.sources.values() for s in inputs)
    progress = import_batches.Progress(total)
    with qdrant.connect(cfg.qdrant, cfg.state_path) as live:
        job = import_batches.ImportRun(
            live=live,
            embedder=embedder,
            store=store,
            qdrant_settings=cfg.qdrant,
            embedding_settings=cfg.embedding,
            ledger=ledger,
            progress=progress,
            overwrite=overwrite,
            dry_run=dry_run,
            reads_all=reads_all,
        )
        try:
            tallies = {
                name: import_collection(job, name, plan, found)
                for name, found in plan.sources.items()
            }
        finally:
            progress.close()
        return tallies, sorted(c for c in imported_collections(cfg) if live.exists(c))


# --- writing: one collection at a time ---


def import_collection(
    job: import_batches.ImportRun,
    collection: str,
    plan: import_sources.Plan,
    inputs: list[import_sources.Source],
) -> CollectionImport:
    """Bring ``collection`` up to its sources; return its tally (``error`` set when it stopped)."""
    decision = import_reembed.decide(job, collection)
    if (decision.refresh or decision.rebuild) and not job.reads_all:
        decision = import_reembed.postpone(job, collection, decision)
    if decision.error:
        log.error("%s", decision.error)
        return CollectionImport(error=decision.error)
    target = decision.target
    tally = CollectionImport(failed=sum(source.rejected for source in inputs))
    present = job.live.vectors(target)
    wanted = decision.rebuild or any(source.count for source in inputs)
    if present is None and not job.dry_run and wanted:
        probe(job)
        job.live.create(target, job.vectors)
        present = job.vectors
        if not decision.rebuild:  # a new collection: every vector in it is this node's
            import_reembed.record(job, collection, decision.wanted)
    exists = present is not None
    tally.deleted = retract(job, target, plan.retracted) if exists else 0
    before = job.live.count(target) if exists else 0
    progress = import_reembed.progress_file(job.store, collection)
    refresh = (decision.refresh, progress) if decision.refresh else None
    try:
        import_batches.write_sources(job, target, inputs, tally, exists, refresh)
    except VerifyError as error:  # a snapshot changed on disk after it was verified
        tally.error = str(error)
        log.error("%s: stopped: %s", collection, error)
        return tally
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
    done = ("imported", "updated", "skipped", "set_aside", "conflicts", "reembedded")
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
    """Delete the retracted pattern points present in ``collection``; return how many."""
    if not retracted:
        return 0
    ids = sorted(retracted)
    size = job.qdrant_settings.batch_size
    found: list[points.PointId] = []
    for start in range(0, len(ids), size):
        found += sorted(job.live.existing(collection, ids[start : start + size]), key=str)
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


# --- the answer ---


def summarize(
    plan: import_sources.Plan,
    tallies: dict[str, CollectionImport],
    *,
    changes: import_changes.Changes,
    held: tuple[int, str],
    dry_run: bool,
) -> Summary[ImportResult]:
    """
    Return the summary: one counted line per collection, refusals and errors, the points set aside
    (``held``: how many are in the quarantine now, and its file), the same facts.
    """
    counts = dict(tallies)
    refused = [Refusal(r.path, r.reason, r.commit) for r in plan.refused]
    skipped = [Refusal(r.path, r.reason, r.commit) for r in plan.skipped]
    every = counts.values()
    result = ImportResult(
        collections=counts,
        imported=sum(c.imported for c in every),
        updated=sum(c.updated for c in every),
        skipped=sum(c.skipped for c in every),
        failed=sum(c.failed for c in every),
        deleted=sum(c.deleted for c in every),
        set_aside=sum(c.set_aside for c in every),
        conflicts=sum(c.conflicts for c in every),
        reembedded=sum(c.reembedded for c in every),
        refused=refused,
        skipped_snapshots=skipped,
        quarantined=held[0],
        quarantine=held[1],
        read="all" if changes.reads_all else "changed",
        commit=changes.now.commit,
    )
    lines = [describe(name, t) for name, t in tallies.items() if t != CollectionImport()]
    lines += [f"refused {r.file}: {r.reason}" for r in refused]
    lines += [
        f"skipped {r.file}: {r.reason}" + (f" (commit {r.commit})" if r.commit else "")
        for r in skipped
    ]
    if held[0]:
        lines.append(f"{held[0]} set aside in {held[1]}; every import retries them")
    if not lines and tallies:
        lines.append("nothing to import")
    elif not lines:
        lines.append(f"nothing changed under data/ since the last import ({result.commit[:12]})")
    failed = bool(refused) or any(t.error for t in tallies.values())
    did = result.imported or result.updated or result.deleted or result.set_aside
    did = did or result.reembedded
    outcome: state.JobState = "failed" if failed else "ok" if did else "idle"
    return Summary(
        job="import",
        state=outcome,
        result=result,
        lines=lines,
        dry_run=dry_run,
        exit_code=int(failed),
    )


COUNTS = (
    "imported",
    "updated",
    "skipped",
    "failed",
    "deleted",
    "set_aside",
    "conflicts",
    "reembedded",
)
# In the summary line only when there are some.
RARE_COUNTS = ("set_aside", "conflicts", "reembedded")


def describe(collection: str, tally: CollectionImport) -> str:
    """Return the summary line of one collection."""
    if tally.error:
        return f"{collection}: stopped: {tally.error}"
    counted = [
        f"{getattr(tally, key)} {key.replace('_', ' ')}"
        for key in COUNTS
        if key not in RARE_COUNTS or getattr(tally, key)
    ]
    return f"{collection}: {', '.join(counted)}"
