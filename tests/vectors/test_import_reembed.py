"""Import's identity stage: re-embedding on an embedder change, resumable; where identity is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from fedlearn.errors import QdrantError
from fedlearn.jobs import import_
from fedlearn.store import state
from fedlearn.vectors import identity, import_batches, qdrant, qdrant_collections
from tests.conftest import Node
from tests.jobs import livestore

PAIRS = [(f"error number {i} happened", f"fix number {i} works") for i in range(40)]


def node_with_patterns(make_node: Callable[..., Node], **embedding: Any) -> Node:
    """Return a node whose 40 error patterns are imported with the 16-d hash embedder."""
    node = make_node("beta", embedding={"dimension": 16}, qdrant={"batch_size": 10})
    livestore.write_patterns(node, "error-solutions", PAIRS)
    assert import_.execute(node.config()).result.imported == len(PAIRS)
    settings = {"dimension": 16, **embedding}
    return Node(node.root, "beta", node.repo, embedding=settings, qdrant={"batch_size": 10})


def test_identity_is_kept_in_the_collection_metadata_and_the_state_dir(
    make_node: Callable[..., Node],
) -> None:
    """After an import the collection's metadata and the state dir both hold this node's identity."""
    node = node_with_patterns(make_node)
    cfg = node.config()
    wanted = identity.wanted(cfg.embedding, cfg.qdrant.distance, "error-solutions")
    where = qdrant.target(cfg.qdrant, cfg.state_path)
    assert identity.recorded(state.StateDir(cfg.state_path), where, "error-solutions") == wanted
    if qdrant_collections.has_metadata():
        with qdrant.connect(cfg.qdrant, cfg.state_path) as live:
            assert identity.from_metadata(live.metadata("error-solutions")) == wanted


def test_a_new_document_prefix_reembeds_and_a_rerun_does_not(
    make_node: Callable[..., Node],
) -> None:
    """The prefix is part of the identity: changing it re-embeds every pattern once."""
    node = node_with_patterns(make_node, document_prefix="passage: ")
    first = import_.execute(node.config())
    assert first.result.reembedded == len(PAIRS) and first.state == "ok"
    second = import_.execute(node.config(), full=True)
    assert second.result.reembedded == 0 and second.state == "idle"


def test_reembedding_cut_short_resumes_after_the_last_batch(
    make_node: Callable[..., Node], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-embedding stopped after two batches goes on from the third; none is done twice."""
    node = node_with_patterns(make_node, document_prefix="passage: ")
    real = qdrant.Store.upsert
    calls = []

    def failing(self: qdrant.Store, *args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise QdrantError("qdrant upsert failed: connection lost")
        real(self, *args, **kwargs)

    monkeypatch.setattr(qdrant.Store, "upsert", failing)
    with pytest.raises(QdrantError):
        import_.execute(node.config())
    monkeypatch.setattr(qdrant.Store, "upsert", real)
    progress = node.state / "import" / "reembed" / "error-solutions.json"
    assert import_batches.REFRESH_DECODER.decode(progress.read_bytes()).done == 20
    resumed = import_.execute(node.config())
    assert resumed.result.reembedded == len(PAIRS) - 20 and resumed.state == "ok"
    assert not progress.exists()


def test_identity_falls_back_to_the_state_dir_without_collection_metadata(
    make_node: Callable[..., Node], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a qdrant-client before 1.16 (no metadata) the state dir alone drives re-embedding."""
    monkeypatch.setattr(qdrant_collections, "has_metadata", lambda: False)
    monkeypatch.setattr(qdrant.Store, "metadata", lambda self, collection: None)
    node = node_with_patterns(make_node, document_prefix="query: ")
    assert import_.execute(node.config()).result.reembedded == len(PAIRS)
    assert import_.execute(node.config(), full=True).result.reembedded == 0
