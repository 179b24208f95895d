"""Points stage: what import writes into Qdrant, as pure functions over records.

A pattern becomes a point whose id is its 32-hex content id read as a UUID (deterministic and
reversible, so a rerun finds it again: guarantee 7). This node's own snapshot points keep their ids
(a restore after a reinstall); another node's get an id of their own, a UUID v5 of that node and
the point's id (``foreign_point_id``), so no peer's point can take a pattern's id or another node's.
Every point is embedded from one text: the pattern's ``text``, or the manifest's ``text_fields``.
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
# The payload key import adds to another node's snapshot point: the id it has in that snapshot.
SOURCE_ID = "fedlearn_id"
# The namespace of another node's point ids (``foreign_point_id``). A pattern's point id is its
# sha256-derived content id, not a UUID v5 of this namespace: to take it, a peer would have to
# find a sha1 preimage of a given 122 bits.
FOREIGN = uuid.UUID("5d0c1f6e-3b8a-4f57-9a43-0f7c2e9b6a11")
# Named in the import mark's scope: the first import of a new scheme reads every snapshot.
ID_SCHEME = "foreign-ids-v5"
# The source label of the points made from the merged patterns (a snapshot's label is its path).
PATTERNS = "patterns"
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


def foreign_point_id(node: str, point_id: PointId) -> str:
    """Return the id import gives point ``point_id`` of ``node``'s snapshot: a UUID v5 of both."""
    return str(uuid.uuid5(FOREIGN, f"{node}/{point_id}"))


def owned_by(node: str, point: records.Point) -> records.Point:
    """
    Return ``point`` of ``node``'s snapshot as import writes it here: under ``node``'s own id for
    it (``foreign_point_id``), marked as that node's, with the id it has in the snapshot.
    """
    payload = {**point.payload, OWNER: node, SOURCE_ID: point.id}
    return records.Point(id=foreign_point_id(node, point.id), payload=payload)


def order(point: records.Point) -> tuple[tuple[int, int, str], str]:
    """
    Return the key import writes points in: the id the point has in its source (its snapshot id,
    for another node's), then its node ("" for patterns and this node's own). Each source is
    sorted by it, so the sources merge in one order and a resumed re-embedding knows where it was.
    """
    source, owner = source_of(point)
    return sort_key(source), owner


def source_of(point: records.Point) -> tuple[PointId, str]:
    """Return the id ``point`` has in its source and its node ("" for patterns and this node's)."""
    owner, source = point.payload.get(OWNER), point.payload.get(SOURCE_ID)
    if isinstance(owner, str) and is_valid_id(source):
        return source, owner  # type: ignore[return-value]  # is_valid_id: an int or a UUID string
    return point.id, ""


def is_legacy(payload: dict[str, Any]) -> bool:
    """
    Return whether a live point is another node's, written under its snapshot id by a fedlearn
    before ``foreign_point_id`` (marked with ``OWNER``, without ``SOURCE_ID``).
    """
    return OWNER in payload and SOURCE_ID not in payload


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
