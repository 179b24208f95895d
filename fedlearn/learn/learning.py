"""Learning stage: candidate events → anonymized, categorized pattern observations.

Events repeat their content (the same error and fix, the same skill, the same question) far more
often than they differ, so each candidate is decoded into two small Structs: ``Content`` (the rule,
nesting and score-formula fields, kept as raw JSON) and ``Moment`` (its time). The raw content is
the key under which the score formula, the category, the anonymized fields and the content id are
worked out once; every later event with the same bytes only updates its pattern's tally. Only what
is written is anonymized: the rule fields once per distinct content that some event lifts to the
threshold (a content scored by the formula alone below it teaches nothing written), and whole events
only for the snapshot's last N.
"""

from __future__ import annotations

import collections
import operator
import re
from collections.abc import Container, Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import attrs
import msgspec

from fedlearn import anonymize, config
from fedlearn.formats import records
from fedlearn.formats.records import Pattern
from fedlearn.learn import categorize, patterns, score
from fedlearn.learn.memo import MemoAnonymizer, Names, counted_apart
from fedlearn.learn.telemetry import Candidates

# Caches of what repeated content teaches are bounded, so a backlog of distinct events (unique
# answers) costs time, not memory (realistic telemetry repeats ~100 contents and ~13,000 memo
# characters; 4,000 contents held ~2 MB more of a sync's peak on unique text: bench/README.md;
# the memo's bound: ``memo.MEMO_CHARS``).
KNOWN_CONTENTS = 2_000
CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


class Moment(msgspec.Struct, gc=False):
    """The time fields of an event, in the order they are looked at; every other field skipped."""

    timestamp: Any = None
    time: Any = None
    ts: Any = None
    created_at: Any = None


TIME_KEYS = Moment.__struct_fields__
MOMENT_DECODER = msgspec.json.Decoder(Moment)
times_of = operator.attrgetter(*TIME_KEYS)


@attrs.define
class Learned:
    """What the events taught: one observation per pattern id, snapshot lines, counts."""

    patterns: dict[str, Pattern] = attrs.field(factory=dict)
    snapshot: list[bytes] = attrs.field(factory=list)
    unmatched: int = 0
    high_value: int = 0


class Known(msgspec.Struct, frozen=True, gc=False):
    """
    What one distinct content teaches: its formula score, and its pattern unless no rule matched,
    with the redactions anonymizing the pattern's fields made (counted once per pattern written;
    ``anonymize.NONE`` when there were none, never changed). ``gc=False``: it refers to no
    container that refers back, so the thousands a run keeps cost the cyclic collector nothing.
    """

    formula: float | None
    pattern: Pattern | None
    redactions: collections.Counter[str] = anonymize.NONE
    # False: only the formula was worked out (it is below the threshold and no event of the chunk
    # had a score of its own at or above it), so ``pattern`` is None without a category's verdict.
    whole: bool = True


@lru_cache(maxsize=4096)
def parse_time(value: str | float) -> str | None:
    """Return an ISO 8601 string or a Unix time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), or None."""
    if isinstance(value, str) and len(value) == 20 and value[10] == "T" and value[19] == "Z":
        return value if CANONICAL_TIME.fullmatch(value) else None
    try:
        if isinstance(value, str):
            when = datetime.fromisoformat(value.strip())
            when = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
        else:
            when = datetime.fromtimestamp(value, UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def moment(times: tuple[Any, ...], fallback: str) -> str:
    """Return the first usable time among an event's time fields as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC)."""
    for value in times:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            found = parse_time(value)
            if found is not None:
                return found
    return fallback


def content_type(names: list[str]) -> type[msgspec.Struct]:
    """Return a Struct that keeps the raw JSON of the ``names`` fields and skips every other."""
    # Any: msgspec 0.18's stubs take a type, not a union, as a field's type.
    fields: list[tuple[str, Any, Any]] = [
        (name, msgspec.Raw | msgspec.UnsetType, msgspec.UNSET) for name in names
    ]
    return msgspec.defstruct("Content", fields)


# A high-value event for the snapshot: its line and score, and its anonymized line once prepared.
Recent = tuple[bytes, float, tuple[bytes, collections.Counter[str]] | None]


@attrs.define
class Tally:
    """
    What a run of candidates taught so far; tallies of consecutive runs ``absorb`` into one.

    ``patterns`` maps a pattern id to ``[pattern, events, best score, first seen, last seen,
    redactions in the pattern's fields]``; ``recent`` holds the last N high-value events, in input
    order, as ``(line, score, None)``, or as ``(b"", score, (snapshot line, its redactions))`` once
    ``Learner.prepare_snapshot`` made them ready.
    """

    recent: collections.deque[Recent]
    patterns: dict[str, list[Any]] = attrs.field(factory=dict)
    unmatched: int = 0
    high_value: int = 0

    def absorb(self, later: Tally) -> None:
        """Add the tally of the candidates that came after this one's."""
        self.recent.extend(later.recent)
        self.unmatched += later.unmatched
        self.high_value += later.high_value
        absorb_patterns(self.patterns, later.patterns.values())


def absorb_patterns(tallies: dict[str, list[Any]], later: Iterable[Sequence[Any]]) -> None:
    """
    Add pattern tallies of later candidates (``Tally.patterns`` values, in input order) into
    ``tallies``: events add up, the best score, first and last seen widen, and the content whose
    ``patterns.content_order`` is least is kept (with its redactions).
    """
    for pattern, events, best, first, last, redacted in later:
        tally = tallies.get(pattern.id)
        if tally is None:
            tallies[pattern.id] = [pattern, events, best, first, last, redacted]
            continue
        if patterns.content_order(pattern) < patterns.content_order(tally[0]):
            tally[0], tally[5] = pattern, redacted
        tally[1] += events
        tally[2] = max(tally[2], best)
        tally[3] = min(tally[3], first)
        tally[4] = max(tally[4], last)


class Learner:
    """
    Fold candidate events into a ``Tally``: score them, keep the high-value ones, count patterns.

    The learner holds what does not change during a run (rules, caches of what each content
    teaches); ``add`` takes each chunk's candidates in input order; ``result`` builds the patterns.
    """

    def __init__(
        self, sync: config.Sync, anonymizer: anonymize.Anonymizer, node: str, now: str
    ) -> None:
        self.threshold = sync.value_threshold
        self.snapshot_size = sync.telemetry_snapshot_size
        self.anonymizer = anonymizer
        self.memo = MemoAnonymizer(anonymizer)
        self.node = node
        self.now = now
        self.categorizer = categorize.Categorizer(sync.rules, sync.categories)
        self.names = sorted(self.categorizer.names | set(categorize.NESTED) | set(score.INPUTS))
        self.decoder = msgspec.json.Decoder(content_type(self.names))
        self.encode_key = msgspec.json.Encoder().encode
        self.known: dict[bytes, Known] = {}
        self.built: dict[tuple[str, tuple[tuple[str, str], ...]], Known] = {}

    def tally(self) -> Tally:
        """Return an empty tally."""
        return Tally(collections.deque(maxlen=self.snapshot_size))

    def add(self, found: Candidates, into: Tally) -> None:
        """Learn from one chunk's candidates: score, keep the high-value ones, tally patterns."""
        if not found.lines:
            return
        joined = found.joined()
        contents = self.decoder.decode_lines(joined)
        moments = MOMENT_DECODER.decode_lines(joined)
        threshold, known, tallies, now = self.threshold, self.known, into.patterns, self.now
        recent = into.recent
        keys = list(map(self.encode_key, contents))
        # The contents an event's own score keeps: theirs is written whatever their formula says.
        scores = zip(keys, found.scores, strict=True)
        owned = {key for key, own in scores if own is not None and own >= threshold}
        fresh = self.study(
            [
                key
                for key in dict.fromkeys(keys)
                if (taught := known.get(key)) is None or (not taught.whole and key in owned)
            ],
            owned,
        )
        for key, taught in fresh.items():
            if len(known) >= KNOWN_CONTENTS and key not in known:
                break
            known[key] = taught
        canonical = CANONICAL_TIME.fullmatch
        high_value = unmatched = 0  # counted here, added to the tally once
        for line, own, key, when in zip(found.lines, found.scores, keys, moments, strict=True):
            taught = fresh.get(key) or known[key]
            value = own if own is not None else taught.formula
            if value is None or value < threshold:
                continue
            high_value += 1
            recent.append((line, value, None))
            pattern = taught.pattern
            if pattern is None:
                unmatched += 1
                continue
            at = when.timestamp
            if not (at.__class__ is str and len(at) == 20 and canonical(at)):
                at = moment(times_of(when), now)
            tally = tallies.get(pattern.id)
            if tally is None:
                tallies[pattern.id] = [pattern, 1, value, at, at, taught.redactions]
                continue
            tally[1] += 1
            if value > tally[2]:
                tally[2] = value
            if at < tally[3]:
                tally[3] = at
            elif at > tally[4]:
                tally[4] = at
            if tally[0] is not pattern and (  # the same normalized content written differently
                patterns.content_order(pattern) < patterns.content_order(tally[0])
            ):
                tally[0], tally[5] = pattern, taught.redactions
        into.high_value += high_value
        into.unmatched += unmatched

    def study(self, contents: list[bytes], owned: Container[bytes] = ()) -> dict[bytes, Known]:
        """
        Work out what each distinct content teaches (decoded, scored, categorized, anonymized).
        A content is its JSON: an object of the fields it has, each its raw value. The work goes
        in stages over all of them (decode and categorize, the prefilter's reads, anonymize pass
        by pass, build the patterns): what each runs stays in the CPU's caches while it runs
        (``redact_ahead``).
        Contents whose rule fields are the same share one pattern. A content not in ``owned``
        (kept by an event's own score) whose formula is below the threshold is only scored: no
        event of it is high-value, so its pattern would never be written (``Known.whole``).
        """
        taught: dict[bytes, Known] = {}
        waiting: dict[
            tuple[str, tuple[tuple[str, str], ...]], list[tuple[bytes, float | None]]
        ] = {}
        threshold = self.threshold
        for content in contents:
            event = records.ANY_DECODER.decode(content)
            formula = score.formula(event) if event.get("outcome") is not None else None
            if (formula is None or formula < threshold) and content not in owned:
                taught[content] = Known(formula, None, whole=False)
                continue
            found = self.categorizer(event)
            if found is None:
                taught[content] = Known(formula, None)
                continue
            key = (found[0], tuple(found[1].items()))
            built = self.built.get(key)
            if built is not None:
                taught[content] = self.known_as(built, formula)
            else:
                waiting.setdefault(key, []).append((content, formula))
        batches = [[text for _, text in fields] for _, fields in waiting]
        # Every batch anonymized pass by pass, each pass's set reads back to back.
        self.anonymizer.redact_ahead(batches, self.memo.memo)
        anonymized = []
        for batch in batches:
            names = Names()  # the redactions' rule names, counted when the pattern is written
            texts = self.memo.anonymize_many(batch, names)
            anonymized.append((texts, collections.Counter(names) if names else anonymize.NONE))
        for (key, these), (texts, redactions) in zip(waiting.items(), anonymized, strict=True):
            category, fields = key
            done = dict(zip([name for name, _ in fields], texts, strict=True))
            pattern = patterns.build(category, done, 0.0, "", self.node)
            built = Known(these[0][1], pattern, redactions)
            if len(self.built) < KNOWN_CONTENTS:
                self.built[key] = built
            for content, formula in these:
                taught[content] = self.known_as(built, formula)
        return taught

    @staticmethod
    def known_as(built: Known, formula: float | None) -> Known:
        """Return what a content with score ``formula`` teaches whose pattern is ``built``'s."""
        if built.formula == formula:
            return built
        return Known(formula, built.pattern, built.redactions)

    def result(self, tally: Tally) -> Learned:
        """Return the patterns (one observation per id, this run's counts) and the snapshot lines;
        count their redactions (the patterns' once each, so the counts do not depend on workers)."""
        learned = Learned(unmatched=tally.unmatched, high_value=tally.high_value)
        learned.patterns = self.observed(tally.patterns)
        for line, value, prepared in tally.recent:
            if prepared is None:
                learned.snapshot.append(self.snapshot_line(line, value))
            else:
                learned.snapshot.append(prepared[0])
                self.anonymizer.counts.update(prepared[1])
        return learned

    def observed(self, tallies: dict[str, list[Any]]) -> dict[str, Pattern]:
        """
        Return one observation per id of the pattern ``tallies`` (this run's counts on this node),
        and count the redactions of each once.
        """
        found, counts = {}, self.anonymizer.counts
        for pattern_id, (pattern, events, best, first, last, redacted) in tallies.items():
            if redacted:  # most patterns had none: an empty update costs ~2 µs
                counts.update(redacted)
            found[pattern_id] = msgspec.structs.replace(
                pattern,
                value_score=best,
                first_seen=first,
                last_seen=last,
                seen={self.node: events},
            )
        return found

    def snapshot_line(self, line: bytes, value: float) -> bytes:
        """Return the snapshot line of one high-value event: anonymized, with its score."""
        body = self.anonymizer.anonymize_value(
            records.ANY_DECODER.decode(line), self.memo.anonymize_many
        )
        body["value_score"] = value
        return records.ENCODER.encode(body)

    def prepare_snapshot(self, tally: Tally) -> None:
        """
        Anonymize the tally's snapshot lines now, each with its redactions counted apart.
        A worker does this for its part while the others still read, with the memo of the strings
        it has seen; ``result`` then only counts the redactions of the lines the snapshot keeps.
        """
        ready: collections.deque[Recent] = collections.deque(maxlen=tally.recent.maxlen)
        for line, value, prepared in tally.recent:
            if prepared is None:
                with counted_apart(self.anonymizer) as redactions:
                    prepared = (self.snapshot_line(line, value), redactions)
            ready.append((b"", value, prepared))
        tally.recent = ready
