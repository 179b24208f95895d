"""The value score: an event's own score wins, else DESIGN.md's formula over outcome and text."""

from __future__ import annotations

import pytest

from fedlearn.learn import score


def test_value_score_uses_own_score_when_present() -> None:
    """An event's own value_score is used even when it also carries an outcome."""
    assert score.value_score({"value_score": 0.42, "outcome": "success"}) == 0.42


def test_value_score_is_none_without_score_or_outcome() -> None:
    """A plain search event has no score at all."""
    assert score.value_score({"event_type": "hybrid_search"}) is None


def test_value_score_ignores_non_numeric_own_score() -> None:
    """A boolean is not a score; the formula applies when there is an outcome."""
    assert score.value_score({"value_score": True, "outcome": "partial"}) == pytest.approx(0.25)


def test_formula_adds_outcome_feedback_reusability_complexity_and_novelty() -> None:
    """success 0.4 + feedback 0.2 + three phrases 0.15 + complexity + novelty 0.05."""
    response = "1. first\n2. second\n```nix\nx\n```"
    event = {
        "outcome": "success",
        "user_feedback": 1,
        "query": "How to install and configure X",
        "response": response,
    }
    complexity = 0.1 * min(0.1 * 2 + 0.15 * 2 + 0.5 * len(response) / 2000, 1)
    assert score.formula(event) == pytest.approx(
        0.4 + 0.2 + 0.2 * 0.75 + complexity + 0.05, abs=1e-4
    )


@pytest.mark.parametrize(
    ("feedback", "points"), [(1, 0.2), (0, 0.1), (True, 0.2), (None, 0.0), (5, 0.0)]
)
def test_feedback_points(feedback: object, points: float) -> None:
    """user_feedback 1 gives 0.2, 0 gives 0.1, anything else nothing."""
    assert score.feedback(feedback) == points


def test_reusability_caps_at_four_phrases() -> None:
    """Five reusable phrases count as four (0.2 at most)."""
    assert score.reusability("how to setup install configure best practice") == pytest.approx(0.2)


def test_complexity_caps_at_one_tenth() -> None:
    """A very long response with many steps reaches the 0.1 cap and no more."""
    response = "\n".join(f"{n}. step" for n in range(30)) + "x" * 5000
    assert score.complexity(response) == pytest.approx(0.1)
