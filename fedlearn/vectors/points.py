"""Points stage: what import writes into Qdrant, as pure functions over records.

A pattern becomes a point whose id is its 32-hex content id read as a UUID (deterministic and
reversible, so a rerun finds it again: guarantee 7); snapshot points keep their ids. Every point is
embedded from one text: the pattern's ``text``, or the manifest's ``text_fields`` of the payload.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from fedlearn.formats import records

ORIGIN = "fedlearn"
# The payload key import adds to another node's snapshot point: that node's id. Such a point is
# that node's to export, never this one's, and an integer id it holds is not this node's own.
OWNER = "fedlearn_node"
PointId = int | str


def pattern_point_id(pattern_id: str) -> str:
    """Return the point id of a pattern: its 128-bit content id as a canonical UUID string."""
    return str(uuid.UUID(hex=pattern_id))


def pattern_id(point_id: PointId) -> str:
    """Return the pattern id a pattern point id came from (the inverse of ``pattern_point_id``)."""
    return uuid.UUID(str(point_id)).hex


def from_pattern(pattern: records.Pattern) -> records.Point:
    """Return the point of ``pattern``: its text, fields, scores and sightings, marked as ours."""
    payload = {
        "text": pattern.text,
        "category": pattern.category,
        "fields": dict(pattern.fields),
        "value_score": pattern.value_score,
        "first_seen": pattern.first_seen,
        "last_seen": pattern.last_seen,
        "seen": dict(pattern.seen),
        "origin": ORIGIN,
    }
    return records.Point(id=pattern_point_id(pattern.id), payload=payload)


def is_federated(payload: dict[str, Any]) -> bool:
    """
    Return whether a live point was written by fedlearn's import: a pattern (it travels as one)
    or another node's snapshot point (that node exports it).
    """
    return payload.get("origin") == ORIGIN or OWNER in payload


def owned_by(node: str, point: records.Point) -> records.Point:
    """Return ``point`` of ``node``'s snapshot as import writes it here: marked as that node's."""
    return records.Point(id=point.id, payload={**point.payload, OWNER: node})


def text_of(payload: dict[str, Any], fields: Sequence[str]) -> str:
    """
    Return the text a point is embedded from: the first entry of ``fields`` present in ``payload``.

    An entry is a field name, present when it holds a non-empty string, or names joined with ``+``
    (``"title+description"``): their present values one per line, present when any is. Return ""
    when no entry is present. The first present entry wins, so a payload holding both ``text`` and
    ``description`` is embedded from ``text`` alone, as the stack embedded it.
    """
    for entry in fields:
        found = [payload.get(name) for name in entry.split("+")]
        text = "\n".join(value for value in found if isinstance(value, str) and value.strip())
        if text:
            return text
    return ""


def is_valid_id(value: object) -> bool:
    """Return whether ``value`` is a point id Qdrant accepts, as Qdrant returns it."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0 <= value < 2**64
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def sort_key(point_id: PointId) -> tuple[int, int, str]:
    """Return the order of point ids in a snapshot: integers ascending, then UUIDs."""
    if isinstance(point_id, int):
        return (0, point_id, "")
    return (1, 0, point_id)
