"""fedlearn export on a node's embedded Qdrant store: complete, anonymized, sorted, verifiable."""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn.formats import layout, records
from fedlearn.jobs import export
from tests import embedserver
from tests.conftest import Node
from tests.jobs import livestore

# A drawn API key (a fill like sk-aaaa… reads as a fixture's placeholder: checks.is_fill).
DRAWN = "T3BlbkFJq8vZ1mN4pLxR7wKc2YhD9sGfUe5jA0bQ"

SMALL = {"embedding": {"dimension": 16}}


@pytest.fixture
def alpha(make_node: Callable[..., Node]) -> Node:
    """Return node ``alpha`` with 16-d vectors."""
    return make_node("alpha", **SMALL)


def snapshots(node: Node, collection: str) -> list[Path]:
    """Return the node's snapshots of ``collection``, oldest first."""
    return layout.stamped_files(layout.collection_dir(node.repo, collection, node.name))


def test_export_writes_a_sorted_anonymized_snapshot_with_its_manifest(alpha: Node) -> None:
    """Every point is there, ids in order, secrets redacted, and the manifest verifies."""
    payloads = [
        {"text": f"tip {i}: mail admin@example.org, key sk-{DRAWN}", "n": i} for i in range(40)
    ]
    ids: list[int | str] = [*range(20, 0, -1), *(str(uuid.UUID(int=i)) for i in range(100, 120))]
    livestore.seed(alpha, "skills-patterns", payloads, ids=ids)
    summary = export.execute(alpha.config())
    assert summary.state == "ok" and summary.result.written == 1
    [path] = snapshots(alpha, "skills-patterns")
    manifest, found = livestore.read_snapshot(path, "skills-patterns", "alpha")
    assert [p.id for p in found] == [
        *range(1, 21),
        *(str(uuid.UUID(int=i)) for i in range(100, 120)),
    ]
    text = path.read_text()
    assert "admin@example.org" not in text and DRAWN not in text and "tip 7" in text
    assert manifest.points == 40 and not manifest.truncated
    assert manifest.vectors == records.VectorConfig(size=16, distance="Cosine")
    assert manifest.embedding.text_fields == ["text", "description", "content"]


def test_export_records_the_collections_own_text_fields(make_node: Callable[..., Node]) -> None:
    """A per-collection ``text_fields`` goes into that collection's manifest, not the others'."""
    override = {"collections": {"skills-patterns": {"text_fields": ["title+description"]}}}
    node = make_node("alpha", embedding={"dimension": 16, **override})
    livestore.seed(node, "skills-patterns", [{"title": "t", "description": "d"}])
    livestore.seed(node, "best-practices", [{"text": "x"}])
    export.execute(node.config())
    [skills] = snapshots(node, "skills-patterns")
    [practices] = snapshots(node, "best-practices")
    manifest, _ = livestore.read_snapshot(skills, "skills-patterns", "alpha")
    assert manifest.embedding.text_fields == ["title+description"]
    other, _ = livestore.read_snapshot(practices, "best-practices", "alpha")
    assert other.embedding.text_fields == ["text", "description", "content"]


def test_export_pages_through_more_than_10000_points(alpha: Node) -> None:
    """A collection of 10,050 points is exported whole: no silent cap."""
    payloads = [{"text": f"point {i}", "n": i} for i in range(10_050)]
    ids = livestore.seed(alpha, "error-solutions", payloads)
    summary = export.execute(alpha.config())
    assert summary.result.collections["error-solutions"].points == 10_050
    [path] = snapshots(alpha, "error-solutions")
    _, found = livestore.read_snapshot(path, "error-solutions", "alpha")
    assert [p.id for p in found] == sorted(ids)
    assert sorted(p.payload["n"] for p in found) == list(range(10_050))


def test_export_rerun_writes_nothing_when_unchanged(alpha: Node) -> None:
    """Same content as the latest snapshot: idle, no new file; new content: a new snapshot."""
    livestore.seed(alpha, "skills-patterns", [{"text": "one"}])
    export.execute(alpha.config())
    [first] = snapshots(alpha, "skills-patterns")
    before = first.read_bytes()
    summary = export.execute(alpha.config())
    assert summary.state == "idle"
    assert summary.result.collections["skills-patterns"].state == "unchanged"
    assert snapshots(alpha, "skills-patterns") == [first] and first.read_bytes() == before


def test_export_keeps_the_last_five_snapshots(alpha: Node) -> None:
    """With six older snapshots, a new one leaves the newest five, manifests with them."""
    livestore.seed(alpha, "skills-patterns", [{"text": "old"}])
    export.execute(alpha.config())
    [seed_file] = snapshots(alpha, "skills-patterns")
    for day in range(1, 7):
        copy = seed_file.with_name(f"2020010{day}T000000Z.jsonl")
        shutil.copy(seed_file, copy)
        shutil.copy(layout.manifest_of(seed_file), layout.manifest_of(copy))
    seed_file.unlink()
    layout.manifest_of(seed_file).unlink()
    livestore.seed(alpha, "skills-patterns", [{"text": "new"}], ids=[99])
    export.execute(alpha.config())
    kept = snapshots(alpha, "skills-patterns")
    assert [p.name[:9] for p in kept] == [
        "20200103T",
        "20200104T",
        "20200105T",
        "20200106T",
        kept[-1].name[:9],
    ]
    assert all(layout.manifest_of(p).exists() for p in kept)
    assert len(list(kept[0].parent.glob("*.manifest.json"))) == 5


def test_export_reports_a_missing_collection_and_exports_the_others(alpha: Node) -> None:
    """One configured collection absent from Qdrant is named and skipped; the others export."""
    livestore.seed(alpha, "best-practices", [{"text": "pin your inputs"}])
    summary = export.execute(alpha.config())
    assert summary.result.missing == ["skills-patterns", "error-solutions"]
    assert summary.result.collections["best-practices"].state == "written"
    assert "skills-patterns: not in Qdrant, skipped" in summary.lines
    assert len(snapshots(alpha, "best-practices")) == 1


def test_export_caps_at_max_points_and_marks_truncated(
    make_node: Callable[..., Node], caplog: pytest.LogCaptureFixture
) -> None:
    """``max_points`` keeps the first points by id, sets ``truncated`` and warns."""
    node = make_node("alpha", qdrant={"max_points": 25}, **SMALL)
    livestore.seed(node, "skills-patterns", [{"text": f"p{i}"} for i in range(30)])
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        export.execute(node.config())
    [path] = snapshots(node, "skills-patterns")
    manifest, _ = livestore.read_snapshot(path, "skills-patterns", "alpha")
    assert manifest.truncated and manifest.points == 25
    assert "truncated" in caplog.text


def test_export_leaves_out_points_imported_from_patterns(alpha: Node) -> None:
    """Points fedlearn imported travel as pattern files, so the snapshot skips them."""
    livestore.seed(
        alpha, "error-solutions", [{"text": "native"}, {"text": "joined", "origin": "fedlearn"}]
    )
    summary = export.execute(alpha.config())
    assert summary.result.collections["error-solutions"].federated == 1
    [path] = snapshots(alpha, "error-solutions")
    _, found = livestore.read_snapshot(path, "error-solutions", "alpha")
    assert [p.payload["text"] for p in found] == ["native"]


def test_export_dry_run_writes_nothing(alpha: Node) -> None:
    """A dry run reports the snapshot it would write and leaves data/ alone."""
    livestore.seed(alpha, "skills-patterns", [{"text": "one"}])
    summary = export.execute(alpha.config(), dry_run=True)
    assert summary.dry_run and summary.result.collections["skills-patterns"].points == 1
    assert not (alpha.repo / "data" / "collections").exists()


def test_export_command_prints_one_json_object(alpha: Node) -> None:
    """The installed command runs export and answers with its facts."""
    livestore.seed(alpha, "skills-patterns", [{"text": "one"}, {"text": "two"}])
    process = alpha.run("export", "--json")
    answer = json.loads(process.stdout)
    assert answer["job"] == "export" and answer["state"] == "ok"
    assert answer["collections"]["skills-patterns"]["points"] == 2
    assert (alpha.state / "runs" / "export.json").exists()


def test_export_fails_with_exit_1_when_qdrant_is_unreachable(
    make_node: Callable[..., Node],
) -> None:
    """A server that never answers: one error line with a hint, exit code 1."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    node = make_node("alpha", qdrant={"url": url, "retry_attempts": 2, "timeout": 2.0})
    process = node.run("export", check=False)
    assert process.returncode == 1
    assert "fedlearn: qdrant" in process.stderr and "hint:" in process.stderr


def test_export_replaces_a_snapshot_its_clock_stamped_in_the_future(
    alpha: Node, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot of this node stamped in 2099 (its clock ran ahead, then was corrected) is never
    the latest, and the next export replaces it even when nothing changed, with a warning."""
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    livestore.seed(alpha, "skills-patterns", [{"text": "one"}])
    export.execute(alpha.config())
    [first] = snapshots(alpha, "skills-patterns")
    old, ahead = (first.with_name(f"{s}.jsonl") for s in ("20200101T000000Z", "20990101T000000Z"))
    for target in (old, ahead):
        shutil.copy(first, target)
        shutil.copy(layout.manifest_of(first), layout.manifest_of(target))
    first.unlink()
    layout.manifest_of(first).unlink()
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        summary = export.execute(alpha.config())
    assert summary.result.collections["skills-patterns"].state == "written"
    kept = snapshots(alpha, "skills-patterns")
    assert ahead not in kept and not layout.manifest_of(ahead).exists()
    assert kept[0] == old and len(kept) == 2
    assert any(
        "20990101T000000Z.jsonl: stamped after now" in r.getMessage() for r in caplog.records
    )
    assert export.execute(alpha.config()).result.collections["skills-patterns"].state == "unchanged"
