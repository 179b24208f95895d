"""Points stage: pattern points, texts to embed, id checks and order."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from fedlearn.formats import records
from fedlearn.learn import patterns
from fedlearn.vectors import points

PATTERN = patterns.build(
    "error-solutions",
    {"error_message": "connection refused", "solution": "start qdrant"},
    0.9,
    "2026-01-02T03:04:05Z",
    "alpha",
)


@given(st.binary(min_size=16, max_size=16))
def test_pattern_point_id_round_trips(raw: bytes) -> None:
    """Any 32-hex pattern id maps to a UUID and back to itself."""
    pattern_id = raw.hex()
    assert points.pattern_id(points.pattern_point_id(pattern_id)) == pattern_id
    assert points.is_valid_id(points.pattern_point_id(pattern_id))


def test_from_pattern_carries_text_fields_scores_and_origin() -> None:
    """The payload has everything a search needs and marks the point as fedlearn's."""
    point = points.from_pattern(PATTERN)
    assert point.id == str(uuid.UUID(hex=PATTERN.id))
    assert point.payload == {
        "text": PATTERN.text,
        "category": "error-solutions",
        "fields": PATTERN.fields,
        "value_score": 0.9,
        "first_seen": "2026-01-02T03:04:05Z",
        "last_seen": "2026-01-02T03:04:05Z",
        "seen": {"alpha": 1},
        "origin": "fedlearn",
    }
    assert points.is_federated(point.payload) and not points.is_federated({"text": "x"})


def test_text_of_takes_the_first_present_field() -> None:
    """Only a non-empty string counts as present; the first present field alone is the text."""
    payload = {"content": "body", "description": "summary", "text": " ", "n": 3}
    assert points.text_of(payload, ["text", "n", "description", "content"]) == "summary"
    assert points.text_of(payload, ["missing"]) == ""


def test_text_of_joins_the_fields_of_an_entry_with_a_plus() -> None:
    """``title+description`` joins the present ones, one per line, and wins when any is present."""
    payload = {"title": "Pin inputs", "description": "use flake.lock", "text": "other"}
    assert points.text_of(payload, ["title+description", "text"]) == "Pin inputs\nuse flake.lock"
    assert points.text_of({"description": "only"}, ["title+description", "text"]) == "only"
    assert points.text_of({"text": "t"}, ["title+description", "text"]) == "t"


def test_is_valid_id_accepts_what_qdrant_returns() -> None:
    """Unsigned integers and canonical UUID strings; nothing else."""
    canonical = str(uuid.UUID(int=0xABCDEF))
    assert points.is_valid_id(0) and points.is_valid_id(2**64 - 1) and points.is_valid_id(canonical)
    for bad in (-1, 2**64, True, canonical.upper(), "not-a-uuid", 1.5, None):
        assert not points.is_valid_id(bad)


def test_sort_key_puts_integers_before_uuids() -> None:
    """Integers ascend numerically, then UUIDs as strings."""
    ids: list[int | str] = [str(uuid.UUID(int=2)), 10, str(uuid.UUID(int=1)), 9]
    assert sorted(ids, key=points.sort_key) == [9, 10, str(uuid.UUID(int=1)), str(uuid.UUID(int=2))]


def test_another_nodes_point_gets_an_id_of_its_nodes_own() -> None:
    """
    The same snapshot id of two nodes gives two ids, neither the snapshot id nor a pattern's;
    the payload keeps the node and the snapshot id, and import's order is by snapshot id, then node.
    """
    pattern_id = "ab" * 16
    taken = points.pattern_point_id(pattern_id)
    mine, theirs = (
        points.owned_by(node, records.Point(id=taken, payload={"text": "x"}))
        for node in ("alpha", "beta")
    )
    assert len({mine.id, theirs.id, taken}) == 3
    assert mine.id == points.foreign_point_id("alpha", taken) == str(uuid.UUID(mine.id))
    assert mine.payload == {"text": "x", points.OWNER: "alpha", points.SOURCE_ID: taken}
    assert points.source_of(mine) == (taken, "alpha")
    seven = points.owned_by("alpha", records.Point(id=7, payload={}))
    plain = records.Point(id=7, payload={})
    assert points.order(plain) < points.order(seven) < points.order(mine) < points.order(theirs)
