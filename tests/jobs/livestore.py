"""Test helpers for export and import: a node's live embedded Qdrant store, pattern files, git moves."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient, models

from fedlearn.formats import layout, records
from fedlearn.learn import patterns
from fedlearn.vectors import embed, snapshot_verify
from tests.conftest import Node, git

PointId = int | str


@contextlib.contextmanager
def client(node: Node) -> Iterator[QdrantClient]:
    """Open the node's embedded store (``<state>/qdrant``) for the block."""
    opened = QdrantClient(path=str(node.state / "qdrant"))
    try:
        yield opened
    finally:
        opened.close()


def fast_writes(opened: QdrantClient, collection: str) -> None:
    """
    Switch off fsync for the seeding writes of one collection (test speed only).

    The embedded store commits each point with an fsync (about 1 ms); seeding thousands of points
    would take most of a test's time. This reaches into qdrant-client's local storage, and does
    nothing when its internals look different.
    """
    local = getattr(opened, "_client", None)
    collection_store = getattr(local, "collections", {}).get(collection)
    persistence = getattr(collection_store, "storage", None)
    connection = getattr(persistence, "storage", None)
    if connection is not None:
        connection.execute("PRAGMA synchronous=OFF")


def seed(
    node: Node,
    collection: str,
    payloads: list[dict[str, Any]],
    *,
    dimension: int = 16,
    ids: list[PointId] | None = None,
) -> list[PointId]:
    """Write points with these payloads into the node's live collection; return their ids."""
    ids = ids or [str(uuid.UUID(int=index + 1)) for index in range(len(payloads))]
    texts = [str(p.get("text") or p.get("description") or "x") for p in payloads]
    vectors = embed.HashEmbedder(dimension).embed(texts).tolist()
    with client(node) as opened:
        if not opened.collection_exists(collection):
            params = models.VectorParams(size=dimension, distance=models.Distance.COSINE)
            opened.create_collection(collection, vectors_config=params)
        fast_writes(opened, collection)
        for start in range(0, len(ids), 500):
            batch = models.Batch(
                ids=ids[start : start + 500],
                vectors=vectors[start : start + 500],
                payloads=payloads[start : start + 500],
            )
            opened.upsert(collection, batch)
    return ids


def read_points(node: Node, collection: str) -> dict[PointId, tuple[dict[str, Any], list[float]]]:
    """Return every point of the node's live collection: id → (payload, vector)."""
    found: dict[PointId, tuple[dict[str, Any], list[float]]] = {}
    with client(node) as opened:
        if not opened.collection_exists(collection):
            return found
        offset = None
        while True:
            page, offset = opened.scroll(
                collection, limit=500, offset=offset, with_payload=True, with_vectors=True
            )
            for record in page:
                found[record.id] = (record.payload or {}, list(record.vector))  # type: ignore[arg-type]
            if offset is None:
                return found


def read_snapshot(
    path: Path, collection: str, node: str
) -> tuple[records.Manifest, list[records.Point]]:
    """Return the manifest and points of a snapshot, verified as import verifies it."""
    with snapshot_verify.open_snapshot(path, collection, node, run_lines=100) as found:
        return found.manifest, list(found.points())


def count(node: Node, collection: str) -> int:
    """Return the number of points in the node's live collection (0 when it does not exist)."""
    with client(node) as opened:
        if not opened.collection_exists(collection):
            return 0
        return opened.count(collection, exact=True).count


def write_patterns(
    node: Node, category: str, texts: list[tuple[str, str]]
) -> list[records.Pattern]:
    """Write the node's pattern file of ``category`` from (problem, solution) pairs; return them."""
    fields_of = {
        "error-solutions": ("error_message", "solution"),
        "skills-patterns": ("skill_name", "description"),
        "best-practices": ("title", "description"),
    }
    first, second = fields_of[category]
    made = [
        patterns.build(category, {first: a, second: b}, 0.8, "2026-01-01T00:00:00Z", node.name)
        for a, b in texts
    ]
    path = layout.pattern_file(node.repo, category, node.name)
    table = {p.id: p for p in patterns.read(path)}
    table.update({p.id: p for p in made})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(patterns.encode(table))
    return made


def publish(node: Node, message: str = "data") -> None:
    """Commit the node's data/ and push it (what ``fedlearn publish`` does, without its gate)."""
    git(node.repo, "add", "-A", "data")
    git(node.repo, "commit", "-q", "-m", message)
    git(node.repo, "pull", "-q", "--rebase", "origin", "main")
    git(node.repo, "push", "-q", "origin", "HEAD:main")


def pull(node: Node) -> None:
    """Bring the node's clone up to the shared remote."""
    git(node.repo, "pull", "-q", "--rebase", "origin", "main")
