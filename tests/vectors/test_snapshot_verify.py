"""Verified snapshots: every check of the first pass, and a second pass that reads what was verified."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from fedlearn.errors import VerifyError
from fedlearn.formats import layout, records
from fedlearn.vectors import snapshot_verify
from tests.vectors.test_snapshot import sample, write

STAMP = "20260101T000000Z"


def open_alpha(path: Path, run_lines: int = 2) -> snapshot_verify.VerifiedSnapshot:
    """Return alpha's skills-patterns snapshot at ``path``, verified, checked ``run_lines`` at a time."""
    return snapshot_verify.open_snapshot(path, "skills-patterns", "alpha", run_lines)


def open_files() -> int:
    """Return how many files this process holds open."""
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


@pytest.mark.parametrize("run_lines", [1, 2, 3, 100])
def test_open_snapshot_reads_back_the_points_in_order(tmp_path: Path, run_lines: int) -> None:
    """A snapshot as export writes it verifies; the second pass gives its points in id order."""
    path = write(tmp_path, STAMP, sample(5))
    with open_alpha(path, run_lines) as found:
        assert found.manifest.points == 5 and found.path == path
        assert [p.payload["text"] for p in found.points()] == ["t0", "t1", "t2", "t3", "t4"]


def test_open_snapshot_of_an_empty_snapshot_has_no_points(tmp_path: Path) -> None:
    """A snapshot of an empty collection verifies and yields nothing."""
    path = write(tmp_path, STAMP, [])
    with open_alpha(path) as found:
        assert found.manifest.points == 0 and list(found.points()) == []


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("payload", "sha256"),
        ("schema", "schema"),
        ("unknown-key", "schema"),
        ("newer-schema", "schema 2, this fedlearn reads 1; a newer fedlearn wrote it"),
        ("node", "alpha"),
        ("count", "the manifest says"),
        ("no-manifest", "no manifest"),
        ("bad-line", "not a point"),
        ("middle-line", "line 3 is not a point"),
        ("middle-payload", "sha256"),
        ("unterminated", "not terminated"),
        ("bad-id", "not a Qdrant point id"),
        ("order", "order"),
        ("distance", "vector config"),
    ],
)
def test_open_snapshot_refuses_damage(tmp_path: Path, damage: str, reason: str) -> None:
    """Each kind of damage is refused with a reason naming it, and the file is not left open."""
    path = write(tmp_path, STAMP, sample(5))
    manifest = layout.manifest_of(path)
    document = json.loads(manifest.read_text())

    def rewrite(data: bytes) -> None:
        path.write_bytes(data)
        document.update(sha256=hashlib.sha256(data).hexdigest(), points=data.count(b"\n"))
        manifest.write_text(json.dumps(document))

    lines = path.read_bytes().splitlines(keepends=True)
    if damage == "payload":
        path.write_bytes(path.read_bytes().replace(b"t1", b"t9"))
    elif damage == "schema":
        manifest.write_text(json.dumps(document | {"schema": 2}))
    elif damage == "newer-schema":
        manifest.write_text(json.dumps(document | {"schema": 2, "signature": "new in 2"}))
    elif damage == "unknown-key":
        manifest.write_text(json.dumps(document | {"extra": 1}))
    elif damage == "node":
        manifest.write_text(json.dumps(document | {"node": "beta"}))
    elif damage == "count":
        manifest.write_text(json.dumps(document | {"points": 6}))
    elif damage == "no-manifest":
        manifest.unlink()
    elif damage == "bad-line":
        rewrite(b"".join(lines) + b'{"id":99}\n')
    elif damage == "middle-line":
        rewrite(
            b"".join([*lines[:2], b'{"id":"00000000-0000-0000-0000-00000000000a"}\n', *lines[2:]])
        )
    elif damage == "middle-payload":
        lines[2] = lines[2].replace(b'"t2"', b'"t2", broken')
        path.write_bytes(b"".join(lines))
    elif damage == "unterminated":
        rewrite(b"".join(lines).rstrip(b"\n"))
    elif damage == "bad-id":
        rewrite(b'{"id":-1,"payload":{}}\n')
    elif damage == "order":
        rewrite(b"".join(reversed(lines)))
    elif damage == "distance":
        manifest.write_text(json.dumps(document | {"vectors": {"size": 16, "distance": "Hamming"}}))
    before = open_files()
    with pytest.raises(VerifyError, match=reason):
        open_alpha(path)
    assert open_files() == before


def test_latest_falls_back_past_a_refused_snapshot(tmp_path: Path) -> None:
    """The newest snapshot without a manifest is refused; the one before it is used."""
    older = write(tmp_path, STAMP, sample(2))
    newer = write(tmp_path, "20260102T000000Z", sample(3))
    layout.manifest_of(newer).unlink()
    found, refused = snapshot_verify.latest(older.parent, "skills-patterns", "alpha", 100)
    assert found is not None and found.path == older
    with found:
        assert len(list(found.points())) == 2
    assert [r.path for r in refused] == [newer]


def test_points_stop_before_a_run_changed_in_place_after_verification(tmp_path: Path) -> None:
    """
    Bytes changed in place between the passes: the runs before them are read, then an error
    naming the file and the lines, before any point of the changed run.
    """
    path = write(tmp_path, STAMP, sample(7))
    with open_alpha(path, run_lines=2) as found:
        with path.open("r+b") as handle:  # same file, same length: only the bytes differ
            data = handle.read()
            handle.seek(data.index(b'"t4"'))
            handle.write(b'"t9"')
        read: list[records.Point] = []
        with pytest.raises(VerifyError) as caught:
            read.extend(found.points())
    assert [p.payload["text"] for p in read] == ["t0", "t1", "t2", "t3"]
    assert str(path) in str(caught.value) and "the bytes of lines 5-6 differ" in str(caught.value)
    assert "changed since it was verified" in str(caught.value)


@pytest.mark.parametrize("how", ["appended", "truncated"])
def test_points_stop_when_the_file_grew_or_shrank_after_verification(
    tmp_path: Path, how: str
) -> None:
    """A line appended, or the file cut short, after the first pass: an error naming the file."""
    path = write(tmp_path, STAMP, sample(4))
    with open_alpha(path, run_lines=2) as found:
        data = path.read_bytes()
        with path.open("r+b") as handle:
            if how == "appended":
                handle.seek(0, os.SEEK_END)
                handle.write(b'{"id":"ffffffff-0000-0000-0000-000000000000","payload":{}}\n')
            else:
                handle.truncate(data.index(b'"t2"'))
        with pytest.raises(VerifyError, match=str(path)) as caught:
            list(found.points())
    expected = "after line 4" if how == "appended" else "the bytes of line 3 differ"
    assert expected in str(caught.value)


def test_points_read_the_verified_file_when_it_was_replaced(tmp_path: Path) -> None:
    """A snapshot replaced by another file (as git checks files out) is read as it was verified."""
    path = write(tmp_path, STAMP, sample(3))
    with open_alpha(path) as found:
        replacement = path.with_name("incoming")
        replacement.write_bytes(b'{"id":1,"payload":{"text":"other"}}\n')
        replacement.replace(path)
        assert [p.payload["text"] for p in found.points()] == ["t0", "t1", "t2"]


def test_snapshots_read_together_past_max_open_hold_no_file_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Past MAX_OPEN, a snapshot read again holds no open file while its reader waits (import's
    merge reads one point ahead of every snapshot at once), and its runs still all read back,
    whatever the run length; one changed between two runs stops at that run.
    """
    monkeypatch.setattr(snapshot_verify, "MAX_OPEN", 0)
    paths = [write(tmp_path / f"n{n}", STAMP, sample(5)) for n in range(40)]
    before = open_files()
    found = [open_alpha(path, run_lines=2) for path in paths]
    readers = [snapshot.points() for snapshot in found]
    firsts = [next(reader) for reader in readers]
    assert open_files() == before
    assert [len([first, *reader]) for first, reader in zip(firsts, readers, strict=True)] == [
        5
    ] * 40
    again = open_alpha(paths[0], run_lines=2).points()
    next(again)
    paths[0].write_bytes(paths[0].read_bytes().replace(b'"id":', b'"id" :', 3))
    with pytest.raises(VerifyError, match="lines 3-4 differ"):
        list(again)
    assert open_files() == before


def test_open_snapshot_past_max_open_closes_and_reads_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_OPEN snapshots, one is closed after its first pass and its points still read back."""
    monkeypatch.setattr(snapshot_verify, "MAX_OPEN", 1)
    first = write(tmp_path / "a", STAMP, sample(3))
    second = write(tmp_path / "b", STAMP, sample(4))
    before = open_files()
    with open_alpha(first) as kept, open_alpha(second) as closed:
        assert open_files() == before + 1
        assert len(list(closed.points())) == 4 and len(list(kept.points())) == 3
        assert open_files() == before + 1
        layout.manifest_of(second).unlink()
        second.write_bytes(b"changed\n")
        with pytest.raises(VerifyError, match="changed since it was verified"):
            list(closed.points())
    assert open_files() == before
