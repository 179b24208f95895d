"""fedlearn import: verified snapshots and the merged view of patterns → Qdrant, re-embedded.

Read downward, each stage given what it needs: lock; decide once what changed under data/ since
the last clean import (``import_changes.Changes``); verify every snapshot it touches before Qdrant
is touched, and join all nodes' pattern files (``import_plan``: a first pass over each file,
kept open; another node's snapshot that does not verify is skipped and counted, never a failure,
this node's own fails the import); then bring each collection up to its sources
(``import_collection``: as it is, re-embedded or rebuilt, retracted patterns deleted, sources merged
in id order and written a batch at a time by ``import_batches``); save the points set aside
(``import_quarantine``) and, when all is clean, the mark. Guarantee 7: idempotent, resumable,
nothing from a file that does not verify. Memory follows the batch size, not the snapshots. A
point the embedding server refuses alone is set aside and retried by every later import until it
is imported (guarantee 3).
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.errors import QdrantError
from fedlearn.formats.results import CollectionImport, ImportResult, SnapshotRefusal
from fedlearn.jobs import Summary
from fedlearn.learn import pattern_cache
from fedlearn.store import state
from fedlearn.vectors import (
    embed,
    embed_ready,
    import_batches,
    import_changes,
    import_collection,
    import_plan,
    import_quarantine,
    import_reembed,
    qdrant,
    qdrant_ready,
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
    qdrant_ready.wait_ready(cfg.qdrant, seconds)
    embed_ready.wait_ready(cfg.embedding, max(deadline - time.monotonic(), 0.0))


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
        with import_plan.planned(
            cfg.repo_path,
            cfg.node_id,
            changes,
            sync=cfg.sync,
            trust=cfg.trust,
            qdrant_settings=cfg.qdrant,
            embedding_settings=cfg.embedding,
            cache=pattern_cache.Cache(store.path("cache", "patterns")),
            store=store,
        ) as plan:
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
            else ledger.entries(imported_collections(cfg), import_quarantine.sourced(plan.labels()))
        )
        if not dry_run:
            # Saved before the mark moves: from now on every import reads their sources again.
            import_quarantine.save(store, held)
        if is_clean and not dry_run:
            skipped = [r.path for r in plan.skipped]
            mark = msgspec.structs.replace(changes.now, collections=present, skipped=skipped)
            import_changes.save(store, mark)
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
    ledger: import_quarantine.QuarantineLedger,
    *,
    full: bool,
) -> import_changes.Changes:
    """
    Return what this import reads, decided once: every file with ``full``, when git cannot tell,
    or when a collection the last import left is gone from Qdrant or was embedded by another
    embedder; else the files changed since the last clean import, the sources of the points set
    aside, and the other nodes' snapshots it skipped.
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
    return changes.adding(ledger.retry_paths()).adding(changes.skipped)


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
    plan: import_plan.Plan,
    embedder: embed.Embedder,
    ledger: import_quarantine.QuarantineLedger,
    *,
    overwrite: bool,
    dry_run: bool,
    reads_all: bool = True,
) -> tuple[dict[str, CollectionImport], list[str]]:
    """
    Import every collection of the plan; return its tally by collection, and the collections
    Qdrant holds afterwards.
    """
    counts = [s.count for inputs in plan.sources.values() for s in inputs]
    total = None if None in counts else sum(c for c in counts if c is not None)
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
                name: import_collection.write(job, name, found, plan.retracted)
                for name, found in plan.sources.items()
            }
        finally:
            progress.close()
        return tallies, sorted(c for c in imported_collections(cfg) if live.exists(c))


# --- the answer ---


def summarize(
    plan: import_plan.Plan,
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
    refused = [SnapshotRefusal(r.path, r.reason, r.commit) for r in plan.refused]
    skipped = [SnapshotRefusal(r.path, r.reason, r.commit) for r in plan.skipped]
    every = counts.values()
    result = ImportResult(
        collections=counts,
        imported=sum(c.imported for c in every),
        updated=sum(c.updated for c in every),
        skipped=sum(c.skipped for c in every),
        failed=sum(c.failed for c in every),
        deleted=sum(c.deleted for c in every),
        set_aside=sum(c.set_aside for c in every),
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
    "reembedded",
)
# In the summary line only when there are some.
RARE_COUNTS = ("set_aside", "reembedded")


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
