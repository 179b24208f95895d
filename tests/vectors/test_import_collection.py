"""Import's collection stage: one collection brought up to its sources, retractions, the checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from fedlearn import config
from fedlearn.formats import records
from fedlearn.store import state
from fedlearn.vectors import (
    embed,
    identity,
    import_batches,
    import_collection,
    import_quarantine,
    import_sources,
    points,
    qdrant,
)

COLLECTION = "best-practices"


def uuid(number: int) -> str:
    """Return the point id (a UUID) numbered ``number``."""
    return f"00000000-0000-4000-8000-{number:012d}"


def source(texts: dict[int, str]) -> import_sources.Source:
    """Return a patterns source holding a point per number, embedded from its text."""
    entries = iter(
        (records.Point(id=uuid(n), payload={"text": t, "origin": points.ORIGIN}), t)
        for n, t in texts.items()
    )
    return import_sources.Source(
        collection=COLLECTION, label=points.PATTERNS, count=len(texts), entries=entries
    )


@pytest.fixture
def run(tmp_path: Path) -> Iterator[import_batches.ImportRun]:
    """Return an import run over an embedded store, with 8-d hash vectors."""
    cfg = config.Config(
        state_dir=str(tmp_path), embedding=config.Embedding(dimension=8, batch_size=4)
    )
    with qdrant.connect(cfg.qdrant, tmp_path) as live:
        yield import_batches.ImportRun(
            live=live,
            embedder=embed.HashEmbedder(8),
            store=state.StateDir(tmp_path),
            qdrant_settings=cfg.qdrant,
            embedding_settings=cfg.embedding,
            ledger=import_quarantine.QuarantineLedger(earlier=[]),
            progress=import_batches.Progress(0),
        )


def test_write_creates_the_collection_and_records_this_nodes_identity(
    run: import_batches.ImportRun,
) -> None:
    """A new collection gets this node's vectors, every point, and the identity it was made by."""
    tally = import_collection.write(run, COLLECTION, [source({1: "a", 2: "b"})], frozenset())
    assert tally.imported == 2 and not tally.error
    assert run.live.vectors(COLLECTION) == run.vectors and run.live.count(COLLECTION) == 2
    wanted = identity.wanted(run.embedding_settings, run.qdrant_settings.distance, COLLECTION)
    assert identity.recorded(run.store, run.live.target, COLLECTION) == wanted


def test_write_deletes_the_retracted_points_present_and_counts_them(
    run: import_batches.ImportRun,
) -> None:
    """
    Retracted ids present go (a dry run only counts them); ids not present count nothing, nor
    does the stack's own point that carries a retracted id (only pattern points go).
    """
    import_collection.write(run, COLLECTION, [source({1: "a", 2: "b", 3: "c"})], frozenset())
    run.live.upsert(COLLECTION, [uuid(4)], [[1.0] * 8], [{"text": "the stack's own"}])
    retracted = frozenset({uuid(2), uuid(3), uuid(4), uuid(99)})
    dry = attrs.evolve(run, dry_run=True)
    assert import_collection.write(dry, COLLECTION, [source({})], retracted).deleted == 2
    assert run.live.count(COLLECTION) == 4
    assert import_collection.write(run, COLLECTION, [source({})], retracted).deleted == 2
    assert set(run.live.owners(COLLECTION, [uuid(1), uuid(4)])) == {uuid(1), uuid(4)}
    assert run.live.count(COLLECTION) == 2


def test_write_stops_a_collection_where_every_point_has_no_text(
    run: import_batches.ImportRun,
) -> None:
    """Nothing embeddable at all is an error naming the text fields; one point without is not."""
    tally = import_collection.write(run, COLLECTION, [source({1: " ", 2: ""})], frozenset())
    assert (
        tally.error == 'every point failed (2): 2 with no payload field of text_fields = ["text"]'
    )
    partial = import_collection.write(run, COLLECTION, [source({3: "c", 4: ""})], frozenset())
    assert partial.failed == 1 and partial.imported == 1 and not partial.error


def test_write_counts_as_failed_the_points_a_source_rejects_as_it_is_read(
    run: import_batches.ImportRun,
) -> None:
    """
    A source whose count is known only once read (patterns a shard at a time) creates the
    collection, and the points it rejects while its entries are read are counted as failed.
    """
    rejects = import_sources.Rejects()

    def entries() -> Iterator[import_sources.Entry]:
        for number in (1, 2):
            rejects.count += 1  # a record out of shape before each point
            yield records.Point(id=uuid(number), payload={"text": "t", "origin": "x"}), "t"

    streamed = import_sources.Source(
        collection=COLLECTION, label=points.PATTERNS, count=None, entries=entries(), rejects=rejects
    )
    tally = import_collection.write(run, COLLECTION, [streamed], frozenset())
    assert tally.imported == 2 and tally.failed == 2 and not tally.error
    assert run.live.count(COLLECTION) == 2
