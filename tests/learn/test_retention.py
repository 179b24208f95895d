"""Retention orders by the stamp in the name, never by file time."""

from __future__ import annotations

import os
from pathlib import Path

from fedlearn.learn import retention

STAMPS = ["20260101T000000Z", "20260102T000000Z", "20260103T000000Z", "20260104T000000Z"]


def make(folder: Path, stamps: list[str]) -> None:
    """Create stamped files whose mtimes run opposite to their stamps."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, stamp in enumerate(stamps):
        path = folder / f"{stamp}.jsonl"
        path.write_text(stamp)
        os.utime(path, (1_000_000 - index, 1_000_000 - index))
    (folder / "notes.jsonl").write_text("not stamped")


def test_expired_keeps_newest_by_name(tmp_path: Path) -> None:
    """The oldest stamps go, whatever the mtimes say; unstamped files are ignored."""
    make(tmp_path, STAMPS)
    assert [p.name[:16] for p in retention.expired(tmp_path, 2)] == STAMPS[:2]


def test_expired_counts_the_incoming_file(tmp_path: Path) -> None:
    """A file about to be written takes one of the places; rewriting the same stamp drops one less."""
    make(tmp_path, STAMPS)
    assert len(retention.expired(tmp_path, 2, incoming="20260105T000000Z.jsonl")) == 3
    assert len(retention.expired(tmp_path, 2, incoming=f"{STAMPS[-1]}.jsonl")) == 2


def test_latest_is_the_newest_stamp(tmp_path: Path) -> None:
    """The newest stamp wins; an empty or missing folder has none."""
    make(tmp_path / "s", STAMPS)
    assert retention.latest(tmp_path / "s") == tmp_path / "s" / f"{STAMPS[-1]}.jsonl"
    assert retention.latest(tmp_path / "missing") is None
