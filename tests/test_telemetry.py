"""The filter keeps high-value events and sets bad lines aside without losing the good ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn import jsonl, telemetry

GOOD_HIGH = b'{"value_score":0.9,"n":1}'
GOOD_LOW = b'{"value_score":0.2,"n":2}'
SCORED = b'{"outcome":"success","user_feedback":1,"query":"how to install x","n":3}'


def run(data: bytes, threshold: float = 0.7) -> telemetry.Filtered:
    """Filter one chunk and return the outcome."""
    out = telemetry.Filtered()
    telemetry.filter_chunk(jsonl.Chunk(Path("in.jsonl"), 1000, data), threshold, out)
    return out


def test_filter_keeps_events_at_or_above_threshold() -> None:
    """Own scores and formula scores are compared with the threshold."""
    out = run(b"\n".join([GOOD_HIGH, GOOD_LOW, SCORED]) + b"\n")
    assert [e.body["n"] for e in out.events] == [1, 3]
    assert out.lines == 3 and out.bad == []


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (b"{not json", "invalid-json"),
        (b'{"value_score":"high"}', "wrong-type"),
        (b'{"outcome":42}', "wrong-type"),
        (b"[1, 2]", "wrong-type"),
        (b'{"value_score":0.9,"q":"\xff\xfe"}', "invalid-utf8"),
    ],
)
def test_filter_sets_bad_lines_aside_and_keeps_neighbours(bad: bytes, reason: str) -> None:
    """Each kind of bad line is counted by reason; the good lines around it still pass."""
    out = run(GOOD_HIGH + b"\n" + bad + b"\n" + SCORED + b"\n")
    assert [e.body["n"] for e in out.events] == [1, 3]
    assert [(b.reason, b.offset, b.raw) for b in out.bad] == [
        (reason, 1000 + len(GOOD_HIGH) + 1, bad)
    ]


def test_filter_skips_blank_lines_without_counting_them_bad() -> None:
    """Blank lines are neither events nor bad lines."""
    out = run(GOOD_HIGH + b"\n\n   \n" + GOOD_HIGH + b"\n")
    assert len(out.events) == 2 and out.bad == [] and out.lines == 2


def test_filter_threshold_is_configurable() -> None:
    """A lower threshold keeps more."""
    assert len(run(GOOD_LOW + b"\n", threshold=0.1).events) == 1
