"""Sources stage: the sources of a collection merged in snapshot order, the earlier one first."""

from __future__ import annotations

import uuid

from fedlearn.formats import records
from fedlearn.vectors import import_sources


def source(label: str, ids: list[int | str]) -> import_sources.Source:
    """Return a source of points with ``ids`` (in snapshot order), each text naming the source."""
    entries = iter([(records.Point(id=i, payload={}), f"{label} {i}") for i in ids])
    return import_sources.Source(collection="c", label=label, count=len(ids), entries=entries)


def test_merged_yields_points_in_id_order_and_a_shared_id_from_each_source_in_turn() -> None:
    """Integers first, then UUIDs; an id in two sources comes from the earlier one first."""
    low, high = str(uuid.UUID(int=1)), str(uuid.UUID(int=2))
    first = source("first", [3, 9, high])
    second = source("second", [1, 3, low, high])
    merged = [(s.label, p.id, text) for s, p, text in import_sources.merged([first, second])]
    assert merged == [
        ("second", 1, "second 1"),
        ("first", 3, "first 3"),
        ("second", 3, "second 3"),
        ("first", 9, "first 9"),
        ("second", low, f"second {low}"),
        ("first", high, f"first {high}"),
        ("second", high, f"second {high}"),
    ]


def test_merged_of_no_sources_is_empty() -> None:
    """A collection without sources merges to nothing."""
    assert list(import_sources.merged([])) == []
