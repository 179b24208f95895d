"""Snapshot stage: encoding one point at a time, with a manifest of the lines' count and sha256."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import msgspec
import pytest

from fedlearn.formats import layout, records
from fedlearn.vectors import snapshot

VECTORS = records.VectorConfig(size=16, distance="Cosine")
EMBEDDING = records.EmbeddingInfo(model="hash", text_fields=["text"])


def manifest_of(data: bytes, created_at: str = "2026-01-01T00:00:00Z") -> records.Manifest:
    """Return the manifest of a ``skills-patterns`` snapshot by ``alpha`` holding ``data``."""
    return snapshot.manifest(
        "skills-patterns",
        "alpha",
        snapshot.Content.of(data),
        created_at=created_at,
        truncated=False,
        vectors=VECTORS,
        embedding=EMBEDDING,
    )


def write(repo: Path, stamp: str, found: list[records.Point], **overrides: object) -> Path:
    """Write a snapshot of ``skills-patterns`` by node ``alpha`` and its manifest; return its path."""
    data = snapshot.encode(found)
    made = manifest_of(data)
    path = layout.collection_snapshot(repo, "skills-patterns", "alpha", stamp)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    document = msgspec.to_builtins(made) | overrides
    layout.manifest_of(path).write_text(json.dumps(document))
    return path


def sample(count: int = 3) -> list[records.Point]:
    """Return ``count`` points with UUID ids, out of order."""
    return [
        records.Point(id=str(uuid.UUID(int=i + 1)), payload={"text": f"t{i}"})
        for i in reversed(range(count))
    ]


def test_encode_sorts_by_id_and_manifest_counts_and_hashes(tmp_path: Path) -> None:
    """Lines are in id order; the manifest holds their count and sha256."""
    data = snapshot.encode(
        [records.Point(id=5, payload={}), records.Point(id=2, payload={"b": 1, "a": 2})]
    )
    assert data == b'{"id":2,"payload":{"a":2,"b":1}}\n{"id":5,"payload":{}}\n'
    content = snapshot.Content.of(data)
    made = snapshot.manifest(
        "c", "n", content, created_at="t", truncated=True, vectors=VECTORS, embedding=EMBEDDING
    )
    assert made.points == 2 and made.truncated and made.sha256 == hashlib.sha256(data).hexdigest()


def test_encoder_gives_the_bytes_count_and_hash_of_encode() -> None:
    """Points added one at a time in id order make the lines, count and sha256 ``encode`` gives."""
    found = [
        records.Point(id=id_, payload={"text": f"t{id_}", "z": [1, {"b": 2, "a": None}]})
        for id_ in (0, 7, 2**64 - 1, str(uuid.UUID(int=3)), "f" * 8 + "-0000-4000-8000-" + "0" * 12)
    ]
    lines: list[bytes] = []
    encoder = snapshot.Encoder(lines.append)
    for point in found:
        encoder.add(point)
    data = snapshot.encode(reversed(found))
    assert b"".join(lines) == data
    assert encoder.content() == snapshot.Content.of(data) and encoder.points == 5


@pytest.mark.parametrize(("first", "second"), [(5, 3), (5, 5), (str(uuid.UUID(int=1)), 9)])
def test_encoder_refuses_a_point_out_of_order(first: int | str, second: int | str) -> None:
    """A point not strictly after the last one (lower, the same id, an int after a UUID) is refused."""
    encoder = snapshot.Encoder()
    encoder.add(records.Point(id=first, payload={}))
    with pytest.raises(ValueError, match="not in snapshot order"):
        encoder.add(records.Point(id=second, payload={}))
    assert encoder.points == 1


def test_is_unchanged_ignores_only_the_creation_time(tmp_path: Path) -> None:
    """Same content and manifest apart from the time: unchanged; other content: changed."""
    path = write(tmp_path, "20260101T000000Z", sample())
    data = path.read_bytes()

    def made(content: bytes) -> records.Manifest:
        return manifest_of(content, created_at="2027-01-01T00:00:00Z")

    assert snapshot.is_unchanged(path, made(data))
    assert not snapshot.is_unchanged(path, made(data + b'{"id":9,"payload":{}}\n'))
    assert not snapshot.is_unchanged(None, made(data))
    assert not snapshot.is_unchanged(path, msgspec.structs.replace(made(data), truncated=True))


def test_is_unchanged_is_false_when_the_previous_file_no_longer_matches(tmp_path: Path) -> None:
    """A previous snapshot damaged after its manifest was written (or gone) is replaced, not kept."""
    path = write(tmp_path, "20260101T000000Z", sample())
    data = path.read_bytes()
    content = snapshot.Content.of(data)
    new = snapshot.manifest(
        "skills-patterns",
        "alpha",
        content,
        created_at="2027-01-01T00:00:00Z",
        truncated=False,
        vectors=VECTORS,
        embedding=EMBEDDING,
    )
    path.write_bytes(data.replace(b"t1", b"t9"))
    assert not snapshot.is_unchanged(path, new)
    path.unlink()
    assert not snapshot.is_unchanged(path, new)
