"""Retention orders by the stamp in the name, never by file time."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fedlearn.formats import layout
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


def test_a_stamp_in_the_future_counts_as_the_oldest_and_is_never_latest(tmp_path: Path) -> None:
    """This node's file stamped after now + the skew (its clock ran ahead) goes first, whatever
    room is left, and is never the latest; one within the skew is an ordinary file."""
    now = datetime(2026, 1, 4, 12, tzinfo=UTC)
    soon = layout.stamp(now + layout.FUTURE_SKEW - timedelta(minutes=1))
    make(tmp_path, [*STAMPS, "20990101T000000Z", soon])
    assert retention.latest(tmp_path, now=now) == tmp_path / f"{soon}.jsonl"
    assert [p.name[:16] for p in retention.future(tmp_path, now=now)] == ["20990101T000000Z"]
    expired = retention.expired(tmp_path, 10, incoming="20260104T130000Z.jsonl", now=now)
    assert [p.name[:16] for p in expired] == ["20990101T000000Z"]
    expired = retention.expired(tmp_path, 3, incoming="20260104T130000Z.jsonl", now=now)
    assert [p.name[:16] for p in expired] == ["20990101T000000Z", *STAMPS[:3]]
