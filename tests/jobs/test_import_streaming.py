"""fedlearn import streams each snapshot: a batch of points at a time, and only bytes it verified.

A snapshot is verified in a first pass over the file and read again, a batch at a time, as it is
imported. These tests hold import to that: at most a batch of points alive at any batch, nothing
imported from a snapshot that fails anywhere in the first pass, nothing from bytes that changed
after it, and ids that two nodes' snapshots share imported once, as when snapshots were held whole.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from fedlearn.formats import layout, records
from fedlearn.jobs import export, import_
from fedlearn.vectors import points, qdrant, snapshot_verify
from tests.conftest import Node
from tests.jobs import livestore

BATCH = 10
COLLECTION = "skills-patterns"
SMALL = {"embedding": {"dimension": 16}}


def payloads(node: str, count: int) -> list[dict[str, Any]]:
    """Return ``count`` payloads of ``node`` with a description to embed."""
    return [{"description": f"{node} tip {i}: pin flake input {i}", "n": i} for i in range(count)]


def publish_collection(node: Node, count: int, ids: list[int | str] | None = None) -> None:
    """Seed the node's live collection with ``count`` points, export it and push the snapshot."""
    livestore.seed(node, COLLECTION, payloads(node.name, count), ids=ids)
    export.execute(node.config())
    livestore.publish(node, f"{node.name}'s {COLLECTION}")


def snapshot_of(node: Node, reader: Node) -> Path:
    """Return ``node``'s only snapshot of the collection, in ``reader``'s clone."""
    [path] = layout.stamped_files(layout.collection_dir(node.repo, COLLECTION, node.name))
    return reader.repo / path.relative_to(node.repo)


@pytest.fixture
def alpha(make_node: Callable[..., Node]) -> Node:
    """Return node ``alpha``, its 300-point collection exported and pushed."""
    node = make_node("alpha", **SMALL)
    publish_collection(node, 300)
    return node


@pytest.fixture
def beta(make_node: Callable[..., Node], alpha: Node) -> Node:
    """Return node ``beta``, importing 10 points a batch, with alpha's data pulled."""
    node = make_node("beta", qdrant={"batch_size": BATCH}, **SMALL)
    livestore.pull(node)
    return node


@attrs.frozen
class Alive:
    """
    The ``records.Point`` alive in the process at each batch, less those alive before the import.

    Attributes:
        reads: as every 10th point is read from a snapshot and marked as its node's (with one
            source: as a batch starts to be read, the batch before it done).
        lookups: as each batch's ids are looked up in Qdrant (the batch read whole).
    """

    reads: list[int] = attrs.field(factory=list)
    lookups: list[int] = attrs.field(factory=list)


def points_alive() -> int:
    """Return how many ``records.Point`` the process holds."""
    return sum(type(o) is records.Point for o in gc.get_objects())


@pytest.fixture
def alive(monkeypatch: pytest.MonkeyPatch) -> Iterator[Alive]:
    """Count the points alive at every batch of an import (the embedded store's copies are not)."""
    found = Alive()
    owners, owned_by = qdrant.Store.owners, points.owned_by
    marked = itertools.count()

    def count() -> int:
        return points_alive() - before

    def counted_owners(self: qdrant.Store, *args: Any, **kwargs: Any) -> Any:
        found.lookups.append(count())
        return owners(self, *args, **kwargs)

    def counted_owned_by(node: str, point: records.Point) -> records.Point:
        if next(marked) % BATCH == 0:
            found.reads.append(count())
        return owned_by(node, point)

    before = points_alive()
    monkeypatch.setattr(qdrant.Store, "owners", counted_owners)
    monkeypatch.setattr(points, "owned_by", counted_owned_by)
    yield found


def test_import_holds_at_most_a_batch_of_points(alpha: Node, beta: Node, alive: Alive) -> None:
    """
    Importing a 300-point snapshot 10 points a batch holds about one batch of points at any batch.

    Streaming holds 12 at the lookups (the batch, the unmarked original of its last point, and the
    first point, which ``heapq.merge`` keeps) and 3 as a batch starts to be read; holding the
    snapshot whole held up to 590 (its points, and their copies marked as alpha's).
    """
    summary = import_.execute(beta.config())
    assert summary.state == "ok" and summary.result.imported == 300
    assert len(alive.lookups) == len(alive.reads) == 300 // BATCH
    assert max(alive.lookups) <= BATCH + 2
    assert max(alive.reads) <= 3
    assert livestore.count(beta, COLLECTION) == 300


def test_import_holds_a_batch_per_collection_with_two_nodes_snapshots(
    make_node: Callable[..., Node], alpha: Node, alive: Alive
) -> None:
    """Two nodes' snapshots merged in id order: still a batch, and a point or two per node."""
    gamma = make_node("gamma", **SMALL)
    publish_collection(gamma, 200, ids=list(range(1, 201)))
    beta = make_node("beta", qdrant={"batch_size": BATCH}, **SMALL)
    livestore.pull(beta)
    summary = import_.execute(beta.config())
    assert summary.result.imported == 500
    assert len(alive.lookups) == len(alive.reads) == 500 // BATCH
    assert max(alive.lookups + alive.reads) <= BATCH + 4


def test_import_takes_an_id_two_snapshots_share_once_per_node(
    make_node: Callable[..., Node], alpha: Node
) -> None:
    """
    A UUID in alpha's and gamma's snapshots is two points, each under an id of its node's own (no
    node's point takes another's); gamma's integer ids interleave with the rest.
    """
    shared = list(livestore.read_points(alpha, COLLECTION))[:30]
    gamma = make_node("gamma", **SMALL)
    publish_collection(gamma, 50, ids=[*shared, *range(1, 21)])
    beta = make_node("beta", qdrant={"batch_size": BATCH}, **SMALL)
    livestore.pull(beta)
    summary = import_.execute(beta.config())
    tally = summary.result.collections[COLLECTION]
    assert (tally.imported, tally.skipped) == (350, 0)
    stored = livestore.read_points(beta, COLLECTION)
    assert len(stored) == 350
    for node in ("alpha", "gamma"):
        assert all(
            stored[points.foreign_point_id(node, i)][0]["fedlearn_node"] == node for i in shared
        )
    assert {
        stored[points.foreign_point_id("gamma", i)][0]["fedlearn_node"] for i in range(1, 21)
    } == {"gamma"}


def rewrite_consistently(path: Path, data: bytes) -> None:
    """Write ``data`` as the snapshot at ``path`` with a manifest whose sha256 and count match."""
    path.write_bytes(data)
    manifest = layout.manifest_of(path)
    document = json.loads(manifest.read_text())
    digest = hashlib.sha256(data).hexdigest()
    manifest.write_text(json.dumps(document | {"sha256": digest, "points": data.count(b"\n")}))


def test_import_of_a_snapshot_with_a_bad_line_in_its_middle_imports_nothing(
    alpha: Node, beta: Node
) -> None:
    """
    Line 150 of 300 is not a point (the manifest matches): no batch of it is written; another
    node's file, it is skipped, not a failure (exit 0).
    """
    path = snapshot_of(alpha, beta)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[149] = b'{"id":"' + str(uuid.uuid4()).encode() + b'"}\n'  # no payload
    rewrite_consistently(path, b"".join(lines))
    summary = import_.execute(beta.config())
    assert summary.exit_code == 0 and summary.result.refused == []
    [refusal] = summary.result.skipped_snapshots
    assert refusal.file == str(path.relative_to(beta.repo))
    assert refusal.reason.startswith("line 150 is not a point")
    assert livestore.count(beta, COLLECTION) == 0


def change_after_first_pass(monkeypatch: pytest.MonkeyPatch, line: int) -> None:
    """
    Make every snapshot change in place right after its first pass: line ``line`` (1-based) gets
    another payload of the same length, still a point in order.
    """
    original = snapshot_verify.open_snapshot

    def opened(path: Path, *args: Any, **kwargs: Any) -> snapshot_verify.VerifiedSnapshot:
        found = original(path, *args, **kwargs)
        with path.open("r+b") as handle:
            lines = handle.read().splitlines(keepends=True)
            lines[line - 1] = lines[line - 1].replace(b"tip", b"TIP")
            handle.seek(0)
            handle.write(b"".join(lines))
        return found

    monkeypatch.setattr(snapshot_verify, "open_snapshot", opened)


@pytest.mark.parametrize(("line", "imported"), [(1, 0), (295, 290)])
def test_import_stops_at_bytes_changed_after_verification(
    alpha: Node, beta: Node, monkeypatch: pytest.MonkeyPatch, line: int, imported: int
) -> None:
    """
    A snapshot changed in place between verification and import: nothing from the changed
    batch on is imported, the collection stops with an error naming the file, the run fails,
    and the next import refuses the file (it no longer matches its manifest).
    """
    path = snapshot_of(alpha, beta)
    with monkeypatch.context() as patch:
        change_after_first_pass(patch, line)
        summary = import_.execute(beta.config())
    assert summary.state == "failed" and summary.exit_code == 1
    error = summary.result.collections[COLLECTION].error
    assert str(path) in error and "changed since it was verified" in error
    assert f"{COLLECTION}: stopped: {error}" in summary.lines
    stored = livestore.read_points(beta, COLLECTION)
    assert len(stored) == imported
    assert not any("TIP" in payload["description"] for payload, _ in stored.values())
    assert not (beta.state / "import" / "mark.json").exists()
    again = import_.execute(beta.config())
    skipped = again.result.skipped_snapshots
    assert [r.reason for r in skipped] == ["sha256 does not match the manifest"]
    assert livestore.count(beta, COLLECTION) == imported
