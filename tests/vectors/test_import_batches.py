"""Import's writing stage: sources merged in id order, each id once, the first source's copy wins."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.formats import records, results
from fedlearn.store import state
from fedlearn.vectors import (
    embed,
    import_batches,
    import_quarantine,
    import_sources,
    points,
    qdrant,
)

COLLECTION = "c"
IDS = st.lists(st.integers(min_value=0, max_value=40), unique=True).map(sorted)


def source(label: str, ids: list[int]) -> import_sources.Source:
    """Return a source holding ``ids``, each point's text naming the source."""
    entries = iter(
        (records.Point(id=i, payload={"text": f"{label} {i}"}), f"{label} {i}") for i in ids
    )
    return import_sources.Source(
        collection=COLLECTION, label=label, count=len(ids), entries=entries
    )


def stored(live: qdrant.Store) -> dict[int, str]:
    """Return the text of every point in the live collection, by id."""
    found: dict[int, str] = {}
    offset = None
    while True:
        page, offset = live.client.scroll(COLLECTION, limit=256, offset=offset, with_payload=True)
        found |= {int(point.id): (point.payload or {})["text"] for point in page}
        if offset is None:
            return found


@settings(max_examples=25, deadline=None)
@given(
    sources=st.lists(IDS, min_size=1, max_size=4),
    batch_size=st.integers(min_value=1, max_value=7),
)
def test_write_sources_takes_each_id_once_from_the_first_source_that_holds_it(
    sources: list[list[int]], batch_size: int
) -> None:
    """
    Whatever the sources and the batch size, every id any source holds is written once, with the
    payload of the first source (in the order given) that holds it.
    """
    with tempfile.TemporaryDirectory() as folder:
        cfg = config.Config(
            state_dir=folder,
            qdrant=config.Qdrant(batch_size=batch_size),
            embedding=config.Embedding(dimension=8),
        )
        embedder = embed.HashEmbedder(8)
        with qdrant.connect(cfg.qdrant, Path(folder)) as live:
            job = import_batches.ImportRun(
                live=live,
                embedder=embedder,
                store=state.StateDir(cfg.state_path),
                qdrant_settings=cfg.qdrant,
                embedding_settings=cfg.embedding,
                ledger=import_quarantine.QuarantineLedger(earlier=[]),
                progress=import_batches.Progress(0),
            )
            live.create(COLLECTION, job.vectors)
            inputs = [source(f"s{n}", ids) for n, ids in enumerate(sources)]
            tally = results.CollectionImport()
            import_batches.write_sources(job, COLLECTION, inputs, tally, True)
            expected: dict[int, str] = {}
            for n, ids in enumerate(sources):
                for i in ids:
                    expected.setdefault(i, f"s{n} {i}")
            assert stored(live) == expected
            assert tally.imported == len(expected)


def test_a_resumed_reembedding_goes_on_after_the_last_point_of_its_node(tmp_path: Path) -> None:
    """
    Two nodes' points with one snapshot id are two points in import's order: a re-embedding that
    stopped after alpha's point 7 still wants beta's point 7, and never alpha's again.
    """
    alpha, beta = (points.owned_by(n, records.Point(id=7, payload={})) for n in ("alpha", "beta"))
    refresh = import_batches.Refresh(identity="k")
    refresh.advance(tmp_path / "progress.json", alpha, 1)
    assert (refresh.after, refresh.owner) == (7, "alpha")
    assert refresh.wants(beta) and not refresh.wants(alpha)
    assert not refresh.wants(records.Point(id=7, payload={}))
    again = import_batches.load_refresh(tmp_path / "progress.json", "k")
    assert again.wants(beta) and not again.wants(alpha)
