"""The sample data: deterministic by seed, in the shapes the stages read."""

from __future__ import annotations

from itertools import islice

import msgspec
import pytest

from fedlearn import sample
from fedlearn.formats import records
from fedlearn.learn import finetune


def test_the_same_seed_gives_the_same_events_and_another_seed_others() -> None:
    """Events and chat records are a function of the seed alone."""
    assert list(sample.events(200, seed=3)) == list(sample.events(200, seed=3))
    assert list(sample.events(200, seed=3)) != list(sample.events(200, seed=4))
    assert list(sample.chat_records(20, seed=1)) == list(sample.chat_records(20, seed=1))
    assert list(sample.chat_records(20, seed=1)) != list(sample.chat_records(20, seed=2))


def test_events_yields_the_count_asked_in_time_order() -> None:
    """``count`` events, one every 7 seconds from START, in order."""
    found = list(sample.events(50))
    assert len(found) == 50
    assert found[0]["timestamp"] == "2026-01-01T00:00:00Z"
    assert found[1]["timestamp"] == "2026-01-01T00:00:07Z"
    assert [event["timestamp"] for event in found] == sorted(event["timestamp"] for event in found)
    assert list(sample.events(0)) == []


@pytest.mark.parametrize("share", [0.0, 0.3, 1.0])
def test_about_the_share_asked_are_interactions(share: float) -> None:
    """Interactions carry a value score or an outcome; background events carry neither."""
    found = list(sample.events(2000, seed=9, interaction_share=share))
    scored = [event for event in found if "value_score" in event or "outcome" in event]
    assert abs(len(scored) / len(found) - share) < 0.05


def test_every_interaction_has_a_shape_the_category_rules_read() -> None:
    """Each interaction is an error with its solution, a best practice, a skill or a scored
    query and response; a value score is in [0.5, 1]."""
    shapes = set()
    for event in sample.events(600, seed=2, interaction_share=1.0):
        keys = set(event) - {"timestamp", "event_type", "value_score"}
        shapes.add(frozenset(keys))
        head = records.HEAD_DECODER.decode(msgspec.json.encode(event))
        assert head.value_score is None or 0.5 <= head.value_score <= 1.0
    assert shapes == {
        frozenset({"error_type", "error_message", "solution"}),
        frozenset({"title", "description"}),
        frozenset({"skill_name", "description"}),
        frozenset({"query", "response", "outcome", "user_feedback"}),
    }


def test_chat_records_parse_and_pass_the_fine_tuning_gate() -> None:
    """Every sample chat record is a valid runtime record that the gate keeps; some repeat."""
    chats = [finetune.parse(body) for body in sample.chat_records(60, seed=5)]
    assert all(chat is not None and finetune.passes_gate(chat) for chat in chats)
    keys = [finetune.content_key(chat) for chat in chats if chat is not None]
    assert len(set(keys)) < len(keys)


def test_events_is_lazy() -> None:
    """A huge count costs nothing until read (benchmarks stream millions)."""
    assert len(list(islice(sample.events(10**12), 3))) == 3
