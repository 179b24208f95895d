"""The filter keeps high-value events and sets bad lines aside without losing the good ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fedlearn.learn import telemetry
from fedlearn.store import jsonl

GOOD_HIGH = b'{"value_score":0.9,"n":1}'
GOOD_LOW = b'{"value_score":0.2,"n":2}'
SCORED = b'{"outcome":"success","user_feedback":1,"query":"how to install x","n":3}'


def run(
    data: bytes, threshold: float = 0.7, size: int | None = None
) -> tuple[telemetry.Filtered, telemetry.Candidates]:
    """Filter one chunk (its complete lines are ``data[:size]``) and return counts and candidates."""
    out = telemetry.Filtered()
    chunk = jsonl.Chunk(Path("in.jsonl"), 1000, data, len(data) if size is None else size)
    return out, telemetry.filter_chunk(chunk, threshold, out)


def test_filter_keeps_passing_scores_and_events_to_score() -> None:
    """An own score is compared with the threshold; an outcome without one is left to the formula."""
    out, found = run(b"\n".join([GOOD_HIGH, GOOD_LOW, SCORED]) + b"\n")
    assert (found.lines, found.scores) == ([GOOD_HIGH, SCORED], [0.9, None])
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
    out, found = run(GOOD_HIGH + b"\n" + bad + b"\n" + SCORED + b"\n")
    assert found.lines == [GOOD_HIGH, SCORED]
    assert [(b.reason, b.offset, b.raw) for b in out.bad] == [
        (reason, 1000 + len(GOOD_HIGH) + 1, bad)
    ]


def test_filter_skips_blank_lines_without_counting_them_bad() -> None:
    """Blank lines are neither events nor bad lines."""
    out, found = run(GOOD_LOW + b"\n\n   \n" + GOOD_HIGH + b"\n")
    assert found.lines == [GOOD_HIGH] and out.bad == [] and out.lines == 2


def test_filter_threshold_is_configurable() -> None:
    """A lower threshold keeps more."""
    assert run(GOOD_LOW + b"\n", threshold=0.1)[1].lines == [GOOD_LOW]


def test_filter_ignores_the_incomplete_line_after_size() -> None:
    """Bytes after ``size`` (a line not complete yet) are neither read nor counted."""
    out, found = run(GOOD_HIGH + b"\n" + GOOD_HIGH[:9], size=len(GOOD_HIGH) + 1)
    assert found.lines == [GOOD_HIGH] and out.lines == 1 and out.bad == []


def test_filter_checks_utf8_in_fields_it_skips() -> None:
    """Invalid UTF-8 in a field the filter never decodes still sets the line aside."""
    bad = b'{"q":"\xc3\x28"}'
    out, found = run(bad + b"\n" + GOOD_HIGH + b"\n")
    assert [b.reason for b in out.bad] == ["invalid-utf8"] and found.lines == [GOOD_HIGH]


def test_filter_checks_utf8_past_the_first_block() -> None:
    """Invalid UTF-8 after many blocks of ASCII and valid non-ASCII lines still sets its line
    aside; the valid lines around it, in blocks that were decoded or not, pass."""
    valid = b'{"value_score":0.9,"q":"done \xe2\x80\x94 works \xf0\x9f\x99\x82"}'
    lines = [GOOD_LOW] * 2000 + [valid, b'{"q":"\xe2\x80"}'] + [GOOD_LOW] * 2000 + [valid]
    out, found = run(b"\n".join(lines) + b"\n")
    assert [b.reason for b in out.bad] == ["invalid-utf8"] and found.lines == [valid, valid]


@given(st.lists(st.binary(max_size=12).map(lambda line: line.replace(b"\n", b"")), max_size=12))
def test_utf8_in_blocks_is_utf8_of_the_whole(lines: list[bytes]) -> None:
    """Blocks cut before newlines are all UTF-8 exactly when the whole is (tiny blocks here)."""
    data = b"\n".join(lines) + b"\n"
    try:
        data.decode("utf-8")
        whole = True
    except UnicodeDecodeError:
        whole = False
    for block in (1, 5, 64):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(telemetry, "UTF8_BLOCK", block)
            assert telemetry.is_utf8(data + b"\xff", len(data)) is whole


def test_filter_sets_aside_two_objects_on_one_line() -> None:
    """Two JSON objects on one line (a lost newline) are one bad line, wherever a candidate is."""
    joined = b'{"value_score":0.1}{"value_score":0.1}'
    for data in (
        GOOD_LOW + b"\n" + joined + b"\n",  # no candidate in the chunk
        GOOD_HIGH + b"\n" + joined + b"\n",  # a candidate in the chunk
    ):
        out, _ = run(data)
        assert out.lines == 2 and [b.reason for b in out.bad] == ["invalid-json"]


def test_filter_keeps_candidates_lined_up_with_their_lines() -> None:
    """A blank line before two objects on one line must not shift candidates onto other lines."""
    joined = b'{"value_score":0.1}{"value_score":0.1}'
    out, found = run(b"\n" + GOOD_HIGH + b"\n" + GOOD_LOW + b"\n" + joined + b"\n")
    assert found.lines == [GOOD_HIGH] and found.scores == [0.9]
    assert [b.reason for b in out.bad] == ["invalid-json"] and out.lines == 3


def test_filter_keeps_identical_candidates_lined_up_after_a_double_line() -> None:
    """A double line then a blank line: two candidates with equal heads must not slide onto each
    other (each picked line is checked against its own head, the blank one included)."""
    joined = b'{"value_score":0.1}{"value_score":0.1}'
    out, found = run(joined + b"\n" + GOOD_HIGH + b"\n" + GOOD_HIGH + b"\n\n")
    assert found.lines == [GOOD_HIGH, GOOD_HIGH]
    assert [b.reason for b in out.bad] == ["invalid-json"] and out.lines == 3


@pytest.mark.parametrize(
    "raw", [b"\0" * 200, b"\xff" * 200, b'"' * 200, b"x" * 5], ids=["nul", "ff", "quotes", "short"]
)
def test_set_aside_keeps_no_more_than_the_quarantine_holds(raw: bytes) -> None:
    """
    The bad lines kept fit in ``keep_bytes`` once written to the quarantine, whatever their bytes
    (a NUL byte takes 6 in the preview, an invalid byte 3), and the rest are counted.
    """
    limit = 100_000
    filtered = telemetry.Filtered(keep_bytes=limit)
    for number in range(2000):
        filtered.set_aside(
            jsonl.BadLine("/var/lib/ai/events.jsonl", number * 201, "invalid-utf8", raw)
        )
    assert len(jsonl.quarantine_lines(filtered.bad)) <= limit
    assert len(filtered.bad) + filtered.unkept["invalid-utf8"] == 2000
