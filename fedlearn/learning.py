"""Learning stage: high-value events → anonymized, categorized pattern observations.

Pure: events in, patterns and anonymized snapshot lines out. Only what is written is anonymized:
the rule fields of every event, and whole events only for the snapshot's last N.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import attrs
import msgspec

from fedlearn import anonymize, categorize, config, patterns, records
from fedlearn.records import Pattern
from fedlearn.telemetry import Event

TIME_KEYS = ("timestamp", "time", "ts", "created_at")
CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


@attrs.define
class Learned:
    """What a batch of events taught: one observation per pattern id, snapshot lines, unmatched."""

    patterns: dict[str, Pattern] = attrs.field(factory=dict)
    snapshot: list[bytes] = attrs.field(factory=list)
    unmatched: int = 0


class MemoAnonymizer:
    """
    Anonymize repeated strings once: telemetry repeats the same values (models, routes, queries).

    Redaction counts still count every occurrence, as if each string was anonymized anew.
    """

    def __init__(self, anonymizer: anonymize.Anonymizer, size: int = 65536) -> None:
        self.anonymizer = anonymizer
        self.size = size
        self.memo: dict[str, tuple[str, collections.Counter[str]]] = {}

    def anonymize(self, text: str) -> str:
        """Return ``anonymize(text)``, from the memo when this text was seen before."""
        hit = self.memo.get(text)
        if hit is None:
            before = collections.Counter(self.anonymizer.counts)
            result = self.anonymizer.anonymize(text)
            delta = self.anonymizer.counts - before
            if len(self.memo) < self.size:
                self.memo[text] = (result, delta)
            return result
        if hit[1]:
            self.anonymizer.counts.update(hit[1])
        return hit[0]


def seen_at(body: dict[str, Any], fallback: str) -> str:
    """Return the event's time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), or ``fallback`` when it has none."""
    for key in TIME_KEYS:
        value = body.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            moment = parse_time(value)
            if moment is not None:
                return moment
    return fallback


@lru_cache(maxsize=4096)
def parse_time(value: str | float) -> str | None:
    """Return an ISO 8601 string or a Unix time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), or None."""
    if isinstance(value, str) and len(value) == 20 and value[10] == "T" and value[19] == "Z":
        return value if CANONICAL_TIME.fullmatch(value) else None
    try:
        if isinstance(value, str):
            moment = datetime.fromisoformat(value.strip())
            moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
        else:
            moment = datetime.fromtimestamp(value, UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def observe(present: Pattern, value_score: float, at: str, node: str) -> Pattern:
    """Return ``present`` with one more observation of the same raw content on ``node``."""
    seen = dict(present.seen)
    seen[node] = seen.get(node, 0) + 1
    return msgspec.structs.replace(
        present,
        value_score=max(present.value_score, value_score),
        first_seen=min(present.first_seen, at),
        last_seen=max(present.last_seen, at),
        seen=seen,
    )


def learn(
    events: Sequence[Event],
    sync: config.Sync,
    anonymizer: anonymize.Anonymizer,
    node: str,
    now: str,
) -> Learned:
    """Turn events into one observation per pattern id, and the snapshot lines of the last N."""
    learned = Learned()
    memo = MemoAnonymizer(anonymizer)
    categorizer = categorize.Categorizer(sync.rules, sync.categories)
    ids: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}
    for event in events:
        found = categorizer(event.body)
        if found is None:
            learned.unmatched += 1
            continue
        category, raw = found
        key = (category, tuple(raw.items()))
        pattern_id = ids.get(key)
        if pattern_id is not None and pattern_id in learned.patterns:
            present = learned.patterns[pattern_id]
            learned.patterns[pattern_id] = observe(
                present, event.value_score, seen_at(event.body, now), node
            )
            continue
        fields = {name: memo.anonymize(text) for name, text in raw.items()}
        pattern = patterns.build(
            category, fields, event.value_score, seen_at(event.body, now), node
        )
        ids[key] = pattern.id
        learned.patterns[pattern.id] = patterns.accumulate(
            learned.patterns.get(pattern.id), pattern, node
        )
    for event in events[-sync.telemetry_snapshot_size :]:
        body = anonymizer.anonymize_value(event.body)
        body["value_score"] = event.value_score
        learned.snapshot.append(records.ENCODER.encode(body))
    return learned
