"""The learning stage: scores, categories, tallies per pattern, snapshot; halves absorb into wholes."""

from __future__ import annotations

import functools
import gc
import itertools
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import anonymize, config, sample
from fedlearn.anonymize import Machine
from fedlearn.learn import learning, memo, telemetry

NOW = "2026-06-01T00:00:00Z"
MACHINE = Machine(hostname="box", fqdn="box.lan", user="ann", home="/home/ann")
ERROR = {"error_type": "OSError", "error_message": "disk full", "solution": "free space"}


def learner(**sync: Any) -> learning.Learner:
    """Return a learner over the default rules (plus ``sync`` settings) for node ``alpha``."""
    cfg = config.structure({"sync": sync}) if sync else config.Config()
    anonymizer = anonymize.Anonymizer(cfg.anonymize, MACHINE)
    return learning.Learner(cfg.sync, anonymizer, "alpha", NOW)


def candidates(*events: dict[str, Any]) -> telemetry.Candidates:
    """Return events as the filter hands them on (lines and own scores)."""
    lines = [json.dumps(event).encode() for event in events]
    return telemetry.Candidates(lines, [event.get("value_score") for event in events])


def learn(*events: dict[str, Any], **sync: Any) -> learning.Learned:
    """Learn from ``events`` in one batch and return the result."""
    teacher = learner(**sync)
    tally = teacher.tally()
    teacher.add(candidates(*events), tally)
    return teacher.result(tally)


def test_learner_scores_events_without_a_score_by_the_formula() -> None:
    """An outcome without a score passes when the stack's formula reaches the threshold."""
    good = {
        "outcome": "success",
        "user_feedback": 1,
        "query": "how to configure x",
        "response": "r",
    }
    poor = {"outcome": "failure", "query": "q", "response": "r"}
    learned = learn(good, poor)
    assert learned.high_value == 1
    assert [json.loads(line)["value_score"] for line in learned.snapshot] == [0.75]


def test_learner_tallies_repeats_into_one_pattern() -> None:
    """The same content seen three times is one pattern: counts add, scores max, times span."""
    events = [
        {**ERROR, "value_score": 0.8, "timestamp": "2026-03-02T10:00:00Z"},
        {**ERROR, "value_score": 0.9, "timestamp": "2026-03-01T10:00:00Z"},
        {**ERROR, "value_score": 0.75, "ts": 1772539200},  # 2026-03-03T12:00:00Z
    ]
    (pattern,) = learn(*events).patterns.values()
    assert (pattern.category, pattern.seen, pattern.value_score) == (
        "error-solutions",
        {"alpha": 3},
        0.9,
    )
    assert (pattern.first_seen, pattern.last_seen) == (
        "2026-03-01T10:00:00Z",
        "2026-03-03T12:00:00Z",
    )


def test_learner_uses_the_run_time_for_events_without_one() -> None:
    """No usable time field: the pattern is dated by the run."""
    (pattern,) = learn({**ERROR, "value_score": 0.8, "timestamp": "not a time"}).patterns.values()
    assert pattern.first_seen == pattern.last_seen == NOW


def test_learner_reads_rule_fields_nested_in_data_and_metadata() -> None:
    """Fields under ``data`` or ``metadata`` match rules like top-level ones."""
    event = {"value_score": 0.9, "data": {"title": "Pin inputs"}, "metadata": {"description": "d"}}
    (pattern,) = learn(event).patterns.values()
    assert pattern.category == "best-practices" and pattern.fields == {
        "title": "Pin inputs",
        "description": "d",
    }


def test_learner_counts_unmatched_events_and_keeps_them_in_the_snapshot() -> None:
    """A high-value event no rule matches is counted and still snapshotted."""
    learned = learn({"value_score": 0.95, "note": "no rule for me"})
    assert (learned.unmatched, learned.high_value, learned.patterns) == (1, 1, {})
    assert len(learned.snapshot) == 1


def test_learner_joins_contents_that_differ_only_in_whitespace() -> None:
    """Whitespace variants have one id; the kept content is the one whose text sorts first."""
    spaced = {**ERROR, "solution": "free  space", "value_score": 0.8}
    learned = learn({**ERROR, "value_score": 0.7}, spaced)
    (pattern,) = learned.patterns.values()
    assert pattern.seen == {"alpha": 2} and pattern.fields["solution"] == "free  space"


def test_learner_anonymizes_fields_and_snapshot() -> None:
    """Secrets and personal data never reach a pattern or the snapshot."""
    secret = {
        **ERROR,
        "solution": "export TOKEN=ghp_" + "a1" * 18,
        "value_score": 0.9,
        "user": "/home/ann/x",
    }
    learned = learn(secret, secret)
    text = (
        json.dumps([p.fields for p in learned.patterns.values()])
        + b"".join(learned.snapshot).decode()
    )
    assert "ghp_" not in text and "/home/ann" not in text and "<redacted:" in text


def test_learner_keeps_the_last_n_high_value_events_in_order() -> None:
    """The snapshot is the newest ``telemetry_snapshot_size`` high-value events, oldest first."""
    events = [{**ERROR, "value_score": 0.8, "n": n} for n in range(7)]
    learned = learn(*events, telemetry_snapshot_size=3)
    assert [json.loads(line)["n"] for line in learned.snapshot] == [4, 5, 6]


EVENTS = [
    e
    for e in sample.events(3000, seed=5, interaction_share=0.4)
    if "value_score" in e or "outcome" in e
]


@functools.cache
def learned_whole() -> tuple[learning.Learned, dict[str, int]]:
    """Return ``EVENTS`` learned in one batch and its anonymizer's counts (once: every example
    below compares its parts with the same whole)."""
    whole = learner()
    one = whole.tally()
    whole.add(candidates(*EVENTS), one)
    return whole.result(one), dict(whole.anonymizer.counts)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(EVENTS)), min_size=1, max_size=4))
def test_tallies_of_consecutive_parts_absorb_into_the_whole(cuts: list[int]) -> None:
    """Learning parts separately and absorbing the tallies equals learning everything at once."""
    parts = learner()
    total = parts.tally()
    edges = [0, *sorted(cuts), len(EVENTS)]
    for start, end in itertools.pairwise(edges):
        part = parts.tally()
        worker = learner()  # a fresh learner, as in a worker
        worker.add(candidates(*EVENTS[start:end]), part)
        if start:  # a worker makes its snapshot lines ready; the first part stays in this process
            worker.prepare_snapshot(part)
        total.absorb(part)
    assert (parts.result(total), dict(parts.anonymizer.counts)) == learned_whole()


def test_prepared_snapshot_lines_count_their_redactions_only_when_kept() -> None:
    """A worker's prepared lines are the same bytes; a line the snapshot drops counts nothing."""
    secret = {**ERROR, "value_score": 0.9, "note": "token ghp_" + "b2" * 18}
    plain = [{**ERROR, "value_score": 0.8, "n": n} for n in range(3)]
    for later, kept in ((plain[1:], False), (plain[1:2], True)):
        whole = learner(telemetry_snapshot_size=3)
        one = whole.tally()
        whole.add(candidates(secret, plain[0], *later), one)
        expected = whole.result(one)
        parts = learner(telemetry_snapshot_size=3)
        first, second = parts.tally(), parts.tally()
        worker = learner(telemetry_snapshot_size=3)
        worker.add(candidates(secret, plain[0]), first)
        worker.prepare_snapshot(first)
        assert all(line == b"" and ready is not None for line, _, ready in first.recent)
        worker.add(candidates(*later), second)
        first.absorb(second)
        assert parts.result(first) == expected
        assert parts.anonymizer.counts == whole.anonymizer.counts
        assert ("github-token" in parts.anonymizer.counts) is kept


def test_learner_caches_stay_bounded_and_change_nothing(monkeypatch: Any) -> None:
    """With tiny caches, distinct contents are worked out anew each time, with the same result."""
    events = [{**ERROR, "solution": f"fix {n % 9}", "value_score": 0.8, "n": n} for n in range(60)]
    unbounded = learn(*events)
    monkeypatch.setattr(learning, "KNOWN_CONTENTS", 3)
    teacher = learner()
    tally = teacher.tally()
    teacher.add(candidates(*events), tally)
    assert len(teacher.known) <= 3 and len(teacher.built) <= 3
    assert teacher.result(tally) == unbounded


def test_memo_anonymizer_holds_at_most_its_budget_and_counts_every_use() -> None:
    """The memo stops growing at its character budget; redactions count on every call."""
    anonymizer = anonymize.Anonymizer(config.Anonymize(), MACHINE)
    memoized = memo.MemoAnonymizer(anonymizer, budget=100)
    texts = [f"mail me at user{n}@example.org please" for n in range(10)]
    for text in texts * 2:
        memoized.anonymize(text)
    assert sum(len(k) + len(v[0]) for k, v in memoized.memo.items()) <= 100 and memoized.memo
    assert sum(anonymizer.counts.values()) == 20
    assert texts[-1] in memoized.memo  # full, it keeps the latest: a snapshot's strings


def test_a_full_memo_lets_its_oldest_strings_go_and_answers_as_anonymize_does() -> None:
    """Past its budget the memo drops its oldest texts for new ones; every answer is unchanged."""
    anonymizer = anonymize.Anonymizer(config.Anonymize(), MACHINE)
    memoized = memo.MemoAnonymizer(anonymizer, budget=300)
    texts = [f"host 10.0.{n}.1 answered {'x' * n}" for n in range(40)]
    for text in texts + texts[::-1]:
        assert memoized.anonymize(text) == anonymizer.anonymize(text)
        assert (
            memoized.budget == 300 - sum(len(k) + len(v[0]) for k, v in memoized.memo.items()) >= 0
        )
        assert list(memoized.order) == list(memoized.memo)
    assert texts[0] in memoized.memo and texts[-1] not in memoized.memo


def test_what_the_learner_keeps_per_content_is_not_tracked_by_the_collector() -> None:
    """
    Known contents, the memo of texts without redactions and the tallied patterns hold nothing
    the collector walks.
    """
    teacher = learner()
    tally = teacher.tally()
    teacher.add(candidates({**ERROR, "value_score": 0.9}), tally)
    gc.collect()  # untracks the tuples that hold only untracked objects
    assert teacher.known and not any(gc.is_tracked(known) for known in teacher.known.values())
    assert teacher.memo.memo and not any(gc.is_tracked(hit) for hit in teacher.memo.memo.values())
    assert tally.patterns and not any(gc.is_tracked(entry[0]) for entry in tally.patterns.values())


def test_contents_with_the_same_rule_fields_in_one_chunk_share_one_pattern() -> None:
    """Events that differ outside the rule's fields (a score input) teach one pattern object,
    anonymized once, each with its own formula score."""
    teacher = learner()
    asked: list[list[str]] = []
    many = teacher.memo.anonymize_many

    def counted(texts: Any, counts: Any = None) -> list[str]:
        asked.append(list(texts))
        return many(texts, counts)

    teacher.memo.anonymize_many = counted  # type: ignore[method-assign]
    asking = {**ERROR, "outcome": "success", "query": "how to configure, setup and install it"}
    events = [{**asking, "user_feedback": 1}, {**asking, "user_feedback": 0}]  # 0.85 and 0.75
    tally = teacher.tally()
    teacher.add(candidates(*events), tally)
    first, second = teacher.known.values()
    assert first.pattern is second.pattern and first.formula != second.formula
    assert first.pattern is not None and len(asked) == 1


class Everything:
    """A container that holds everything: ``study`` then works out every content whole."""

    def __contains__(self, item: object) -> bool:
        return True


def formula_events(count: int) -> list[dict[str, Any]]:
    """Return events scored by the formula alone, most below the threshold, some repeated, with
    secrets and personal data in their rule fields, and events with a score of their own."""
    found: list[dict[str, Any]] = []
    for n in range(count):
        event: dict[str, Any] = {
            "error_type": "AuthError",
            "error_message": f"login as ops{n % 7}@example.org failed from 10.0.{n % 5}.{n}",
            "solution": f"export GITHUB_TOKEN=ghp_{'a1B2c3D4e5' * 3}{n % 4:06d} then retry",
            "outcome": ("success", "partial", "failure")[n % 3],
        }
        if n % 4 == 0:
            event["user_feedback"] = 1
        if n % 5 == 0:
            event["query"] = "how to configure, setup and install the key"
        if n % 6 == 0:
            event = {key: value for key, value in event.items() if key != "outcome"}
            event["value_score"] = 0.9
        found.append(event)
    return found


def test_contents_the_formula_leaves_below_the_threshold_are_scored_not_anonymized() -> None:
    """An outcome event whose formula is below the threshold teaches nothing written: its fields
    are not anonymized, and it is counted nowhere."""
    teacher = learner()
    asked: list[list[str]] = []
    many = teacher.memo.anonymize_many

    def counted(texts: Any, counts: Any = None) -> list[str]:
        asked.append(list(texts))
        return many(texts, counts)

    teacher.memo.anonymize_many = counted  # type: ignore[method-assign]
    low = {**ERROR, "error_message": "disk full at 10.1.2.3", "outcome": "success"}  # 0.45
    tally = teacher.tally()
    teacher.add(candidates(low, {**low, "user_feedback": 0}), tally)
    assert asked == [] and not tally.patterns and tally.high_value == 0
    assert all(not known.whole and known.pattern is None for known in teacher.known.values())
    assert teacher.result(tally) == learn(low) and not teacher.anonymizer.counts


def test_a_content_first_scored_below_the_threshold_is_learned_when_a_score_keeps_it() -> None:
    """The same content, later (or in the same chunk) with a score of its own at or above the
    threshold, is learned whole: its pattern is the one a fresh learner gets."""
    low = {**ERROR, "error_message": "disk full at 10.1.2.3", "outcome": "success"}
    kept = {**low, "value_score": 0.9}
    expected = learn(kept)
    assert expected.patterns
    teacher = learner()
    tally = teacher.tally()
    teacher.add(candidates(low), tally)
    teacher.add(candidates(low, kept), tally)
    assert all(known.whole for known in teacher.known.values())
    assert teacher.result(tally).patterns == expected.patterns
    assert learn(low, kept).patterns == expected.patterns == learn(kept, low).patterns


def test_skipping_what_the_formula_leaves_below_changes_nothing_written(monkeypatch: Any) -> None:
    """Learned in chunks, with what the formula leaves below the threshold skipped, the patterns,
    snapshot and redaction counts are those of a learner that works out every content whole."""
    events = formula_events(90)

    def learned(teacher: learning.Learner) -> tuple[learning.Learned, dict[str, int]]:
        tally = teacher.tally()
        for start in range(0, len(events), 20):
            teacher.add(candidates(*events[start : start + 20]), tally)
        return teacher.result(tally), dict(teacher.anonymizer.counts)

    skipping = learned(learner())
    study = learning.Learner.study
    monkeypatch.setattr(
        learning.Learner,
        "study",
        lambda self, contents, owned=(): study(self, contents, Everything()),
    )
    whole = learned(learner())
    assert skipping == whole
    assert skipping[0].patterns and skipping[0].high_value < len(events) and skipping[1]
