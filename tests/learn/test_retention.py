"""Retention orders by the stamp in the name, never by file time."""

from __future__ import annotations

import os
import random
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


def lines(start: int, count: int) -> list[bytes]:
    """Return ``count`` numbered lines from ``start``."""
    return [str(n).encode() for n in range(start, start + count)]


def test_appended_fills_the_newest_segment_then_opens_new_ones() -> None:
    """Only the newest segment and new ones are written; segments hold keep/20 lines."""
    plan = retention.appended({1: 50, 2: 48}, lines(50, 48), lines(98, 60), keep=1000)
    assert sorted(plan.writes) == [2, 3, 4]
    assert plan.writes[2] == lines(50, 50)
    assert plan.writes[3] == lines(100, 50) and plan.writes[4] == lines(150, 8)
    assert plan.drops == []


def test_appended_keeps_the_last_n_lines_and_at_most_a_segment_more() -> None:
    """Through many appends of any size, the kept lines are the newest ones, N to N + N/20 - 1."""
    rng = random.Random(3)
    keep, content, number = 100, {}, 0
    for _ in range(300):
        new = lines(number, rng.choice([0, 1, 3, 7, 40, 250]))
        number += len(new)
        newest = content[max(content)] if content else []
        plan = retention.appended({n: len(c) for n, c in content.items()}, newest, new, keep=keep)
        content |= plan.writes
        for dropped in plan.drops:
            del content[dropped]
        kept = [line for n in sorted(content) for line in content[n]]
        assert kept == lines(number - len(kept), len(kept))  # the newest lines, in order
        assert min(number, keep) <= len(kept) <= keep + retention.segment_size(keep) - 1
        assert all(len(c) <= retention.segment_size(keep) for c in content.values())


def test_appended_gives_the_same_segments_for_the_same_input() -> None:
    """Deterministic: the plan depends on the segments and lines only."""
    first = retention.appended({4: 3}, lines(0, 3), lines(3, 200), keep=100)
    assert first == retention.appended({4: 3}, lines(0, 3), lines(3, 200), keep=100)
    # 200 new lines: the last 100 replace segment 4 whole (no old line kept before a gap)
    assert first.drops == [4] and sorted(first.writes) == list(range(5, 25))


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
