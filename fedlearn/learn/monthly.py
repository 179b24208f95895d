"""Monthly totals: this node's running counts for a month (``data/metrics/monthly/<YYYY-MM>/<node>.json``).

Counts are nested dicts of integers; a run's counts are added in, key by key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from fedlearn.formats import records

SCHEMA = 1


def add_counts(total: Mapping[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``total`` plus ``more``: numbers add up, nested tables add key by key, sorted."""
    merged = dict(total)
    for key, value in more.items():
        present = merged.get(key)
        if isinstance(value, Mapping):
            merged[key] = add_counts(present if isinstance(present, Mapping) else {}, value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            merged[key] = (present if isinstance(present, int | float) else 0) + value
    return dict(sorted(merged.items()))


def without_totals(counts: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``counts`` without the ``total`` entries (sizes, not events: they do not add up)."""
    return {
        key: without_totals(value) if isinstance(value, Mapping) else value
        for key, value in counts.items()
        if key != "total"
    }


def updated(
    existing: bytes | None, node: str, month: str, counts: Mapping[str, Any], at: str
) -> bytes:
    """Return the month file with ``counts`` of one more sync added and ``last_sync`` set to ``at``."""
    previous: dict[str, Any] = {}
    if existing:
        try:
            decoded = msgspec.json.decode(existing)
        except (msgspec.DecodeError, RecursionError):  # damaged, or nested too deep to read
            decoded = {}
        previous = decoded if isinstance(decoded, dict) else {}
    try:
        totals = add_counts(previous.get("totals", {}), {**counts, "syncs": 1})
    except RecursionError:  # totals nested deeper than any sync writes: start them again
        totals = add_counts({}, {**counts, "syncs": 1})
    document = {"schema": SCHEMA, "node": node, "month": month, "last_sync": at, "totals": totals}
    return msgspec.json.format(records.ENCODER.encode(document), indent=2) + b"\n"
