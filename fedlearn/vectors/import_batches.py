"""Import's writing stage: a collection's sources merged in id order, written a batch at a time.

Each id once (from the first source that holds it); ids present are skipped, or updated with
``--overwrite`` when they are the same node's; the rest is embedded and upserted (guarantee 7).
Another node's points come with ids of that node's own (``points.owned_by``), so no id of one
node's can be taken by another's, nor a pattern's by any. A text the embedding server refuses
alone is set aside (``sift``, ``quarantine``: guarantee 3). Only a batch of points is held at once,
and one point read ahead per source.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import attrs
import msgspec

from fedlearn import config
from fedlearn.formats import records, results
from fedlearn.store import atomic, state
from fedlearn.vectors import embed, embed_sift, import_quarantine, import_sources, points, qdrant

log = logging.getLogger(__name__)
Item = tuple[import_sources.Source, records.Point, str]  # a point, where it comes from, its text


class Progress:
    """
    A one-line count of points on stderr, shown only on a terminal; ``total`` None when it is
    not known ahead (patterns read a shard at a time: ``import_sources.Source.count``).
    """

    def __init__(self, total: int | None, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = stream.isatty() and total != 0

    def advance(self, collection: str, count: int) -> None:
        """Count ``count`` more points handled."""
        self.done += count
        if self.enabled:
            of = "" if self.total is None else f"/{self.total}"
            percent = "" if self.total is None else f" ({100 * self.done // self.total}%)"
            self.stream.write(f"\rimport {collection}: {self.done}{of} points{percent}")
            self.stream.flush()

    def close(self) -> None:
        """End the progress line."""
        if self.enabled and self.done:
            self.stream.write("\n")


@attrs.define(kw_only=True)
class ImportRun:
    """
    One import in progress, as its stages see it: given once by the job, never looked up.

    Attributes:
        live: the Qdrant store written.
        embedder: what embeds every point written.
        store: the state dir (re-embedding progress, identities).
        qdrant_settings: ``[qdrant]``: the batch size and the distance.
        embedding_settings: ``[embedding]``: the request size, text fields and prefixes.
        ledger: the points set aside, earlier and now.
        progress: the count of points shown on a terminal.
        overwrite: update the points present that are the same node's (``--overwrite``).
        dry_run: write nothing, count what would be written.
        reads_all: every source was read (a re-embedding needs them all).
    """

    live: qdrant.Store
    embedder: embed.Embedder
    store: state.StateDir
    qdrant_settings: config.Qdrant
    embedding_settings: config.Embedding
    ledger: import_quarantine.QuarantineLedger
    progress: Progress
    overwrite: bool = False
    dry_run: bool = False
    reads_all: bool = True

    @property
    def vectors(self) -> records.VectorConfig:
        """Return the vector config this node writes: the embedder's size, the configured distance."""
        return records.VectorConfig(
            size=self.embedder.dimension, distance=self.qdrant_settings.distance
        )


class Refresh(msgspec.Struct, kw_only=True):
    """
    A re-embedding of a collection's fedlearn-owned points, resumable (``<state>/import/reembed/``).

    Attributes:
        identity: the key of the identity the points are re-embedded for.
        after: the id (in its source) of the last point re-embedded; a rerun goes on after it
            (None: from the start), in import's order (``points.order``).
        owner: the node of that point ("" for a pattern).
        done: how many points were re-embedded, this run and the ones it resumes.
    """

    identity: str
    after: int | str | None = None
    owner: str = ""
    done: int = 0

    def wants(self, point: records.Point) -> bool:
        """Return whether ``point`` is still to be re-embedded (it is after ``after``)."""
        return self.after is None or points.order(point) > (
            points.sort_key(self.after),
            self.owner,
        )

    def advance(self, file: Path, last: records.Point, count: int) -> None:
        """Record that the points up to ``last`` are re-embedded (``count`` more of them)."""
        if self.wants(last):  # never back: a resumed run passes the batches done before
            self.after, self.owner = points.source_of(last)
        self.done += count
        atomic.write(file, msgspec.json.encode(self) + b"\n")


REFRESH_DECODER = msgspec.json.Decoder(Refresh)


def load_refresh(file: Path, identity: str) -> Refresh:
    """Return the re-embedding recorded in ``file`` for ``identity``, or a new one."""
    try:
        found = REFRESH_DECODER.decode(file.read_bytes())
    except (FileNotFoundError, msgspec.DecodeError):
        return Refresh(identity=identity)
    return found if found.identity == identity else Refresh(identity=identity)


def write_sources(
    job: ImportRun,
    collection: str,
    inputs: Sequence[import_sources.Source],
    tally: results.CollectionImport,
    exists: bool,
    refresh: tuple[Refresh, Path] | None = None,
) -> None:
    """
    Write the points of ``inputs`` in id order, batch by batch, each id once; count into ``tally``.

    With ``refresh``, the fedlearn-owned points present (patterns, other nodes' points: never this
    node's own) are embedded again too, and its progress is saved after every batch.

    Raise VerifyError when a snapshot changed since it was verified: the batches before the
    changed lines are written, nothing after them.
    """
    size = job.qdrant_settings.batch_size
    last: points.PointId | None = None  # the id just taken: a later source's copy follows it
    for chunk in chunked(import_sources.merged(inputs), size):
        batch = []
        for item in chunk:
            if item[1].id != last:
                batch.append(item)
                last = item[1].id
        del item
        write_batch(job, collection, batch, tally, exists, refresh)
        job.progress.advance(collection, len(chunk))
        del chunk, batch  # let the batch go before the next one is read


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Yield ``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
        del chunk  # not held while the next one is read


def write_batch(
    job: ImportRun,
    collection: str,
    batch: list[Item],
    tally: results.CollectionImport,
    exists: bool,
    refresh: tuple[Refresh, Path] | None = None,
) -> None:
    """Skip, or embed and upsert, the points of one batch; count them."""
    owners = job.live.owners(collection, [p.id for _, p, _ in batch]) if exists and batch else {}
    stale = {
        p.id
        for s, p, _ in batch
        if refresh and s.is_federated and owners.get(p.id, 0) == s.owner and refresh[0].wants(p)
    }
    todo = [
        (s, p, t)
        for s, p, t in batch
        if p.id not in owners or (job.overwrite and owners[p.id] == s.owner) or p.id in stale
    ]
    waiting = {p.id for _, p, _ in todo if job.ledger.is_waiting(collection, p.id)}
    if waiting:  # refused before and backing off: not sent to the embedding server yet
        todo = [item for item in todo if item[1].id not in waiting]
        tally.set_aside += len(waiting)
    tally.skipped += len(batch) - len(todo) - len(waiting)
    if job.dry_run:
        updating = sum(p.id in owners for _, p, _ in todo)
        tally.imported += len(todo) - updating
        tally.updated += updating
    elif todo:
        redone = len(stale & upsert(job, collection, todo, set(owners), tally))
        tally.updated -= redone  # counted as updated by upsert: they were present
        tally.reembedded += redone
    if refresh and batch and not job.dry_run:
        refresh[0].advance(refresh[1], batch[-1][1], len(stale))
        log.info("%s: re-embedded %d points so far", collection, refresh[0].done)


def upsert(
    job: ImportRun,
    collection: str,
    todo: Sequence[Item],
    present: set[points.PointId],
    tally: results.CollectionImport,
) -> set[points.PointId]:
    """
    Embed and upsert one batch; a point that cannot be embedded fails or is set aside alone.

    Return the ids written.
    """
    with_text = []
    for item in todo:
        if item[2].strip():
            with_text.append(item)
        else:
            tally.no_text += 1
            log.warning("%s: point %s has no text to embed; not imported", collection, item[1].id)
    sifted = embed_sift.vectors(
        job.embedder, [t for _, _, t in with_text], job.embedding_settings.batch_size
    )
    set_aside(job, collection, with_text, sifted.refused)
    usable = embed.usable(sifted.matrix)
    kept = [p for (_, p, _), ok in zip(with_text, usable, strict=True) if ok]
    for index, ((_, point, _), ok) in enumerate(zip(with_text, usable, strict=True)):
        if not ok and index not in sifted.refused:
            log.warning(
                "%s: point %s embedded to a zero vector; not imported", collection, point.id
            )
    tally.set_aside += len(sifted.refused)
    tally.failed += len(todo) - len(kept) - len(sifted.refused)
    if not kept:
        return set()
    vectors: list[list[float]] = sifted.matrix[usable].tolist()
    job.live.upsert(collection, [p.id for p in kept], vectors, [p.payload for p in kept])
    updated = sum(p.id in present for p in kept)
    tally.updated += updated
    tally.imported += len(kept) - updated
    log.debug("%s: wrote a batch of %d points", collection, len(kept))
    return {p.id for p in kept}


def set_aside(
    job: ImportRun, collection: str, batch: Sequence[Item], refused: dict[int, str]
) -> None:
    """Record and log each point of ``batch`` the embedding server refused alone (by index)."""
    for index, detail in refused.items():
        source, point, text = batch[index]
        before = job.ledger.earlier_entry(collection, point.id)
        job.ledger.new.append(
            import_quarantine.set_aside(source.label, collection, point.id, text, detail, before)
        )
        log.warning(
            "%s: point %s set aside (%s): the embedding server refused it (%s); "
            "the next import retries it",
            collection,
            point.id,
            source.label,
            detail,
        )
