"""Learning stage: high-value events → anonymized, categorized pattern observations.

Pure: events in, patterns and anonymized snapshot lines out. The anonymizer counts redactions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import attrs

from fedlearn import anonymize, categorize, config, patterns, records
from fedlearn.records import Pattern
from fedlearn.telemetry import Event

TIME_KEYS = ("timestamp", "time", "ts", "created_at")


@attrs.define
class Learned:
    """What a batch of events taught: pattern observations, snapshot lines, unmatched count."""

    patterns: list[Pattern] = attrs.field(factory=list)
    snapshot: list[bytes] = attrs.field(factory=list)
    unmatched: int = 0


def seen_at(body: dict[str, Any], fallback: str) -> str:
    """Return the event's time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), or ``fallback`` when it has none."""
    for key in TIME_KEYS:
        value = body.get(key)
        moment = parse_time(value)
        if moment is not None:
            return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return fallback


def parse_time(value: Any) -> datetime | None:
    """Return an ISO 8601 string or a Unix time as an aware UTC datetime, or None."""
    try:
        if isinstance(value, str):
            moment = datetime.fromisoformat(value.strip())
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return None


def learn(
    events: Iterable[Event],
    sync: config.Sync,
    anonymizer: anonymize.Anonymizer,
    node: str,
    now: str,
) -> Learned:
    """Anonymize each event, keep it for the snapshot, and turn it into a pattern when a rule matches."""
    learned = Learned()
    for event in events:
        body = anonymizer.anonymize_value(event.body)
        body["value_score"] = event.value_score
        learned.snapshot.append(records.ENCODER.encode(body))
        found = categorize.categorize(body, sync.rules, sync.categories)
        if found is None:
            learned.unmatched += 1
            continue
        category, fields = found
        learned.patterns.append(
            patterns.build(category, fields, event.value_score, seen_at(event.body, now), node)
        )
    return learned
