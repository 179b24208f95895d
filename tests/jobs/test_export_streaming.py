"""fedlearn export streams a collection a page at a time: same bytes as before, bounded, crash-safe.

The reference is the in-memory export that streaming replaced: every point anonymized and held,
then sorted and encoded at once (``previous_export``). Export must write the same bytes and
manifest while holding at most a page of points, and leave no temp file and the previous snapshot
intact when it fails midway.
"""

from __future__ import annotations

import gc
import random
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from qdrant_client import QdrantClient, models

from fedlearn import anonymize
from fedlearn.errors import QdrantError
from fedlearn.formats import layout, records
from fedlearn.jobs import export
from fedlearn.store import atomic, state
from fedlearn.vectors import points, snapshot
from tests.conftest import Node
from tests.jobs import livestore

# A drawn API key (a fill like sk-aaaa… reads as a fixture's placeholder: checks.is_fill).
DRAWN = "T3BlbkFJq8vZ1mN4pLxR7wKc2YhD9sGfUe5jA0bQ"

PAGE = 7
COLLECTION = "skills-patterns"
PointId = int | str


@pytest.fixture
def make_paged(
    make_node: Callable[..., Node], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Node]:
    """Return a factory of nodes exporting only ``skills-patterns``, paging by 7 points."""
    monkeypatch.setattr(export, "PAGE_SIZE", PAGE)
    monkeypatch.setattr(export, "EMBEDDED_PAGE_SIZE", PAGE)

    def make(name: str, **qdrant: Any) -> Node:
        sections = {
            "qdrant": {"collections": [COLLECTION], **qdrant},
            "embedding": {"dimension": 16},
        }
        return make_node(name, **sections)

    return make


@pytest.fixture
def alpha(make_paged: Callable[..., Node]) -> Node:
    """Return node ``alpha``, paged by 7 points."""
    return make_paged("alpha")


def make_ids(kind: str, count: int, seed: int = 1) -> list[PointId]:
    """Return ``count`` distinct ids, shuffled: integers, UUIDs, or both, spread over their range."""
    randomized = random.Random(seed)
    numbers: list[PointId] = [0, 2**64 - 1, *randomized.sample(range(1, 2**63), count)]
    uuids: list[PointId] = [str(uuid.UUID(int=randomized.getrandbits(128))) for _ in range(count)]
    chosen = {"int": numbers, "uuid": uuids, "both": numbers[::2] + uuids[::2]}[kind][:count]
    randomized.shuffle(chosen)
    return chosen


def make_payloads(count: int) -> list[dict[str, Any]]:
    """Return payloads with secrets to redact, nesting, unicode and a few from patterns."""
    return [
        {
            "text": f"tip {i}: mail ops{i}@example.org, key sk-{DRAWN}\nline two é ✓",
            "meta": {"n": i, "tags": ["x", str(i)], "password": f"hunter{i:04d}", "ok": i % 2 == 0},
            **({"origin": "fedlearn"} if i % 11 == 5 else {}),
        }
        for i in range(count)
    ]


def snapshots(node: Node) -> list[Path]:
    """Return the node's snapshots, oldest first."""
    return layout.stamped_files(layout.collection_dir(node.repo, COLLECTION, node.name))


def folder_entries(node: Node) -> list[str]:
    """Return every name in the node's snapshot folder, hidden temp files included."""
    return sorted(p.name for p in layout.collection_dir(node.repo, COLLECTION, node.name).iterdir())


def previous_export(node: Node, cap: int = 0) -> tuple[bytes, bool]:
    """
    Return what the previous, in-memory export wrote for the node's live collection, and truncated.

    It anonymized every point not from patterns (the first ``cap`` in scroll order, which is id
    order), held them all, then sorted and encoded them at once with ``snapshot.encode``.
    """
    anonymizer = anonymize.Anonymizer(node.config().anonymize)
    live = livestore.read_points(node, COLLECTION)
    native = sorted(
        (i for i, (p, _) in live.items() if not points.is_federated(p)), key=points.sort_key
    )
    kept = native[:cap] if cap else native
    found = [records.Point(id=i, payload=anonymizer.anonymize_value(live[i][0])) for i in kept]
    return snapshot.encode(found), len(kept) < len(native)


@pytest.mark.parametrize(
    ("kind", "count", "cap"), [("int", 60, 0), ("uuid", 61, 0), ("both", 90, 0), ("both", 90, 40)]
)
def test_export_writes_the_bytes_of_the_previous_implementation(
    make_paged: Callable[..., Node], kind: str, count: int, cap: int
) -> None:
    """Over many 7-point pages, the streamed snapshot and manifest equal the in-memory ones."""
    node = make_paged("alpha", max_points=cap)
    livestore.seed(node, COLLECTION, make_payloads(count), ids=make_ids(kind, count))
    summary = export.execute(node.config())
    assert summary.result.collections[COLLECTION].state == "written"
    [path] = snapshots(node)
    expected, truncated = previous_export(node, cap)
    assert path.read_bytes() == expected
    manifest, _ = livestore.read_snapshot(path, COLLECTION, node.name)
    content = snapshot.Content.of(expected)
    assert (manifest.points, manifest.sha256, manifest.truncated) == (
        content.points,
        content.sha256,
        truncated,
    )
    assert truncated == bool(cap)
    assert folder_entries(node) == [path.name, layout.manifest_of(path).name]


def test_export_rerun_on_an_unchanged_collection_writes_nothing(alpha: Node) -> None:
    """Unchanged over several pages: no new snapshot, the old one untouched, no temp file left."""
    livestore.seed(alpha, COLLECTION, make_payloads(50), ids=make_ids("both", 50))
    export.execute(alpha.config())
    [first] = snapshots(alpha)
    before = (first.read_bytes(), first.stat().st_mtime_ns)
    summary = export.execute(alpha.config())
    assert summary.state == "idle"
    assert summary.result.collections[COLLECTION].state == "unchanged"
    assert (first.read_bytes(), first.stat().st_mtime_ns) == before
    assert folder_entries(alpha) == [first.name, layout.manifest_of(first).name]


def test_export_replaces_a_latest_snapshot_whose_bytes_were_damaged(alpha: Node) -> None:
    """The manifest alone does not make a snapshot unchanged: its file must still hash to it."""
    livestore.seed(alpha, COLLECTION, make_payloads(20), ids=make_ids("int", 20))
    export.execute(alpha.config())
    [first] = snapshots(alpha)
    good = first.read_bytes()
    first.write_bytes(good.replace(b"tip 3", b"tip 9"))
    first.rename(first.with_name("20200101T000000Z.jsonl"))
    layout.manifest_of(first).rename(first.with_name("20200101T000000Z.manifest.json"))
    summary = export.execute(alpha.config())
    assert summary.result.collections[COLLECTION].state == "written"
    assert snapshots(alpha)[-1].read_bytes() == good


@pytest.fixture
def page_requests(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """
    Count, at every page request export makes, the points alive in the process.

    A point is alive as fedlearn's ``records.Point`` (read or anonymized) or as qdrant-client's
    ``Record`` (a page as it arrived); the list holds one count per request, less those alive
    before the export. The embedded store keeps its own copies in other types, not counted.
    """
    counts: list[int] = []
    scroll = QdrantClient.scroll

    def alive() -> int:
        return sum(type(o) in (records.Point, models.Record) for o in gc.get_objects())

    def counted(self: QdrantClient, *args: Any, **kwargs: Any) -> Any:
        counts.append(alive() - before)
        return scroll(self, *args, **kwargs)

    before = alive()
    monkeypatch.setattr(QdrantClient, "scroll", counted)
    yield counts


def test_export_holds_at_most_a_page_of_points(alpha: Node, page_requests: list[int]) -> None:
    """
    Exporting 300 points in 7-point pages holds no more than a page of them at any request.

    Streaming holds 2 (the point in hand); the previous implementation held every point read so
    far (275 at the last request).
    """
    livestore.seed(alpha, COLLECTION, make_payloads(300), ids=make_ids("both", 300))
    export.execute(alpha.config())
    assert len(page_requests) == 300 // PAGE + 1
    assert max(page_requests) <= PAGE
    expected, _ = previous_export(alpha)
    assert snapshots(alpha)[0].read_bytes() == expected


def failing_scroll(how: str, after_pages: int) -> Callable[..., Any]:
    """Return a QdrantClient.scroll that fails (``error``, ``interrupt``) or answers out of order."""
    scroll = QdrantClient.scroll
    calls: list[int] = []

    def wrapper(self: QdrantClient, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        page, following = scroll(self, *args, **kwargs)
        if len(calls) <= after_pages:
            return page, following
        if how == "error":
            raise ValueError("the server went away")
        if how == "interrupt":
            raise KeyboardInterrupt
        return list(reversed(page)), following

    return wrapper


@pytest.mark.parametrize("how", ["error", "interrupt", "order"])
def test_export_failing_midway_leaves_the_previous_snapshot_and_no_temp(
    alpha: Node, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A scroll that fails, is interrupted or breaks id order on page 4: nothing written or left."""
    livestore.seed(alpha, COLLECTION, make_payloads(30), ids=make_ids("both", 30))
    export.execute(alpha.config())
    [first] = snapshots(alpha)
    before = folder_entries(alpha), first.read_bytes()
    livestore.seed(alpha, COLLECTION, [{"text": "new"}], ids=[12345])
    monkeypatch.setattr(QdrantClient, "scroll", failing_scroll(how, after_pages=3))
    expected = KeyboardInterrupt if how == "interrupt" else QdrantError
    with pytest.raises(expected) as caught:
        export.execute(alpha.config())
    if how == "order":
        assert "not in id order" in str(caught.value)
    assert (folder_entries(alpha), first.read_bytes()) == before
    assert livestore.read_snapshot(first, COLLECTION, alpha.name)[0].points == 30 - 3
    assert not state.StateDir(alpha.state).journal("export").exists()


def test_export_removes_the_temp_file_of_a_killed_run(alpha: Node) -> None:
    """A temp snapshot a killed export left (no journal names it) is deleted by the next run."""
    livestore.seed(alpha, COLLECTION, make_payloads(5), ids=make_ids("int", 5))
    folder = layout.collection_dir(alpha.repo, COLLECTION, alpha.name)
    with atomic.TempFile(folder / "incoming.jsonl") as temp:
        temp.write(b'{"id":1,"payload":{}}\n')
        left = temp.keep()
    export.execute(alpha.config())
    [path] = snapshots(alpha)
    assert not left.exists()
    assert folder_entries(alpha) == [path.name, layout.manifest_of(path).name]


def test_export_dry_run_streams_without_writing(alpha: Node) -> None:
    """A dry run counts the pages it streamed and writes nothing, not even a temp file."""
    livestore.seed(alpha, COLLECTION, make_payloads(30), ids=make_ids("uuid", 30))
    summary = export.execute(alpha.config(), dry_run=True)
    assert summary.result.collections[COLLECTION].points == 30 - 3
    assert not layout.collection_dir(alpha.repo, COLLECTION, alpha.name).exists()
