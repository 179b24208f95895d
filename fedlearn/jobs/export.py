"""fedlearn export: the live Qdrant collections → payload-only snapshots under data/collections/.

Lock, scroll every configured collection to its end, anonymize every payload, and write the snapshot
with its manifest as one journaled transaction, keeping the last N (guarantees 1, 2). Qdrant's scroll
comes in id order, the snapshot's order, so points stream through a page at a time into a temp file
hashed as it grows: memory follows the page size, not the collection. A snapshot equal to this
node's latest (by its manifest's sha256 and count) is not written again.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
from pathlib import Path

import attrs
import msgspec

from fedlearn import anonymize, config
from fedlearn.formats import layout, records
from fedlearn.jobs import Summary
from fedlearn.learn import retention
from fedlearn.store import atomic, checkout, state
from fedlearn.vectors import points, qdrant, snapshot

log = logging.getLogger(__name__)
PAGE_SIZE = 256
# The embedded store sorts every id of the collection to serve each page (qdrant-client's local
# mode), so its export time grows with pages times points: fewer, larger pages (a few MB each).
EMBEDDED_PAGE_SIZE = 4096


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add export's options."""
    parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")


@attrs.frozen
class Exported:
    """
    What export did with one collection.

    Attributes:
        state: written, unchanged or missing (not in Qdrant).
        points: the points in the snapshot.
        federated: live points left out because fedlearn's import wrote them: from pattern files
            (they travel there) or another node's snapshot (that node exports them).
        snapshot: the snapshot path relative to the repo, or "".
    """

    collection: str
    state: str
    points: int = 0
    federated: int = 0
    truncated: bool = False
    snapshot: str = ""


class CollectionExport(msgspec.Struct):
    """One collection's line of the result: :class:`Exported` without the collection's name."""

    state: str
    points: int
    federated: int
    truncated: bool
    snapshot: str


class ExportResult(msgspec.Struct):
    """
    What export did.

    Attributes:
        collections: collection -> what export did with it, in the configured order.
        written: how many snapshots were written.
        missing: the configured collections not in Qdrant.
    """

    collections: dict[str, CollectionExport]
    written: int
    missing: list[str]


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[ExportResult]:
    """Run export from the command line."""
    return execute(cfg, dry_run=args.dry_run)


def execute(cfg: config.Config, *, dry_run: bool = False) -> Summary[ExportResult]:
    """
    Export every configured collection and return the summary.

    Raise LockHeldError when another export runs, QdrantError when Qdrant fails or stays away.
    """
    store = state.StateDir(cfg.state_path)
    with store.lock("export"):
        names = cfg.qdrant.collections
        with checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
            if atomic.recover(store.journal("export")):
                log.info("finished the writes of an interrupted export")
            folders = [layout.collection_dir(cfg.repo_path, n, cfg.node_id) for n in names]
            atomic.remove_stale(*folders)
        anonymizer = anonymize.Anonymizer(cfg.anonymize)
        with qdrant.connect(cfg.qdrant, cfg.state_path) as live:
            done = [export(cfg, live, anonymizer, store, name, dry_run) for name in names]
    return summarize(done, dry_run)


def copy_points(
    cfg: config.Config,
    live: qdrant.Store,
    anonymizer: anonymize.Anonymizer,
    collection: str,
    encoder: snapshot.Encoder,
) -> tuple[int, bool]:
    """
    Add the anonymized points (up to ``max_points``) to ``encoder`` as they stream, in id order.

    Return how many import wrote (left out) and whether the cap cut the collection short.
    """
    cap = cfg.qdrant.max_points
    federated = 0
    page = PAGE_SIZE if cfg.qdrant.url else EMBEDDED_PAGE_SIZE
    for point in live.scroll(collection, page):
        if points.is_federated(point.payload):
            federated += 1
            continue
        if cap and encoder.points == cap:
            log.warning("%s: more than qdrant.max_points=%d points; truncated", collection, cap)
            return federated, True
        encoder.add(records.Point(id=point.id, payload=anonymizer.anonymize_value(point.payload)))
    return federated, False


def spool(folder: Path, dry_run: bool) -> contextlib.AbstractContextManager[atomic.TempFile | None]:
    """Return the temp file a snapshot streams into, beside the snapshots; none for a dry run."""
    if dry_run:
        return contextlib.nullcontext()
    return atomic.TempFile(folder / "incoming.jsonl")


def export(
    cfg: config.Config,
    live: qdrant.Store,
    anonymizer: anonymize.Anonymizer,
    store: state.StateDir,
    collection: str,
    dry_run: bool,
) -> Exported:
    """
    Snapshot one collection unless it is missing or unchanged; return what was done.

    The points stream into a temp file (deleted on any failure, and when unchanged) that becomes
    the snapshot by rename, so the previous snapshots stay intact until the new one is complete.
    """
    vectors = live.vectors(collection)
    if vectors is None:
        log.warning("%s: no such collection in Qdrant; skipped", collection)
        return Exported(collection=collection, state="missing")
    folder = layout.collection_dir(cfg.repo_path, collection, cfg.node_id)
    with spool(folder, dry_run) as temp:
        encoder = snapshot.Encoder(None if temp is None else temp.write)
        federated, truncated = copy_points(cfg, live, anonymizer, collection, encoder)
        made = make_manifest(cfg, collection, encoder.content(), truncated, vectors)
        counted = Exported(collection, "written", made.points, federated, truncated)
        # A snapshot stamped in the future (this node's clock ran ahead) is replaced even when
        # nothing changed: it would be "latest" at its time (``retention``).
        ahead = retention.future(folder)
        if not ahead and snapshot.is_unchanged(retention.latest(folder), made):
            return attrs.evolve(counted, state="unchanged")
        path = layout.collection_snapshot(cfg.repo_path, collection, cfg.node_id, layout.stamp())
        if temp is not None:
            # The snapshot streamed into a hidden temp file beside it; it lands under the repo lock.
            with checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
                write(store, path, temp.keep(), made, cfg.sync.snapshots_keep)
    return attrs.evolve(counted, snapshot=str(path.relative_to(cfg.repo_path)))


def make_manifest(
    cfg: config.Config,
    collection: str,
    content: snapshot.Content,
    truncated: bool,
    vectors: records.VectorConfig,
) -> records.Manifest:
    """Return the manifest of this node's snapshot of ``collection`` with ``content``, made now."""
    embedding = records.EmbeddingInfo(
        model=cfg.embedding.model or cfg.embedding.provider,
        text_fields=cfg.embedding.text_fields_of(collection),
    )
    return snapshot.manifest(
        collection,
        cfg.node_id,
        content,
        created_at=state.now_iso(),
        truncated=truncated,
        vectors=vectors,
        embedding=embedding,
    )


def write(store: state.StateDir, path: Path, temp: Path, made: records.Manifest, keep: int) -> None:
    """
    Rename ``temp`` to the snapshot ``path`` and write its manifest as one transaction.

    Snapshots beyond the newest ``keep`` are dropped in the same transaction. A failure before the
    journal is written deletes ``temp`` and the staged manifest: nothing visible changed.
    """
    transaction = store.transaction("export")
    try:
        transaction.stage_file(path, temp)
        transaction.stage(layout.manifest_of(path), records.encode_line(made))
        for old in retention.expired(path.parent, keep, incoming=path.name):
            transaction.stage_delete(old)
            transaction.stage_delete(layout.manifest_of(old))
    except BaseException:
        transaction.abort()
        temp.unlink(missing_ok=True)  # when staging it was what failed
        raise
    transaction.commit()


def summarize(done: list[Exported], dry_run: bool) -> Summary[ExportResult]:
    """Return the summary: one counted line per collection, the same facts for --json."""
    written = sum(item.state == "written" for item in done)
    result = ExportResult(
        collections={
            item.collection: CollectionExport(
                item.state, item.points, item.federated, item.truncated, item.snapshot
            )
            for item in done
        },
        written=written,
        missing=[item.collection for item in done if item.state == "missing"],
    )
    lines = [describe(item) for item in done]
    outcome: state.JobState = "ok" if written else "idle"
    return Summary(job="export", state=outcome, result=result, lines=lines, dry_run=dry_run)


def describe(item: Exported) -> str:
    """Return the summary line of one collection."""
    if item.state == "missing":
        return f"{item.collection}: not in Qdrant, skipped"
    counted = f"{item.collection}: {item.points} points"
    if item.truncated:
        counted += " (truncated at qdrant.max_points)"
    if item.federated:
        counted += f", {item.federated} imported by fedlearn left out"
    if item.state == "unchanged":
        return f"{counted}, unchanged"
    return f"{counted}, written to {item.snapshot}"
