"""Category rules are data: the defaults cover the stack's real event shapes."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn import config
from fedlearn.learn import categorize

RULES = config.DEFAULT_RULES
ALL = config.CATEGORIES


@pytest.mark.parametrize(
    ("event", "category", "fields"),
    [
        (
            {"error_message": "boom", "solution": "fix"},
            "error-solutions",
            {"error_message": "boom", "solution": "fix"},
        ),
        (
            {"error_type": "OSError", "solution": "fix"},
            "error-solutions",
            {"error_type": "OSError", "solution": "fix"},
        ),
        (
            {"skill_name": "nix", "description": "read logs"},
            "skills-patterns",
            {"skill_name": "nix", "description": "read logs"},
        ),
        (
            {
                "problem_type": "p",
                "solution_approach": "s",
                "skills_used": ["a", "b"],
                "generalizable_pattern": "g",
            },
            "skills-patterns",
            {
                "problem_type": "p",
                "solution_approach": "s",
                "skills_used": "a, b",
                "generalizable_pattern": "g",
            },
        ),
        (
            {"outcome": "success", "query": "q", "response": "r"},
            "skills-patterns",
            {"query": "q", "response": "r"},
        ),
        ({"title": "t", "description": "d"}, "best-practices", {"title": "t", "description": "d"}),
        ({"event_type": "best_practice", "content": "c"}, "best-practices", {"content": "c"}),
        (
            {"metadata": {"error_message": "nested", "solution": "s"}},
            "error-solutions",
            {"error_message": "nested", "solution": "s"},
        ),
    ],
)
def test_categorize_default_shapes(
    event: dict[str, Any], category: str, fields: dict[str, str]
) -> None:
    """Each shape the stack writes lands in its category with the rule's fields."""
    assert categorize.categorize(event, RULES, ALL) == (category, fields)


@pytest.mark.parametrize(
    "event",
    [
        {"error_message": "no solution"},
        {"outcome": "partial", "query": "q", "response": "r"},
        {"event_type": "hybrid_search", "query": "q"},
        {"error_message": "   ", "solution": "blank error"},
    ],
)
def test_categorize_returns_none_when_no_rule_matches(event: dict[str, Any]) -> None:
    """Events that fit no rule are left uncategorized."""
    assert categorize.categorize(event, RULES, ALL) is None


def test_categorize_skips_categories_not_enabled() -> None:
    """A category not federated is never produced."""
    event = {"error_message": "boom", "solution": "fix"}
    assert categorize.categorize(event, RULES, ["skills-patterns"]) is None


def test_categorize_honours_custom_rules() -> None:
    """A rule from the config file applies with its own conditions and fields."""
    rule = config.CategoryRule(
        category="best-practices", equals={"kind": "tip"}, all_of=["tip"], fields=["tip"]
    )
    assert categorize.categorize({"kind": "tip", "tip": "use flakes"}, [rule], ALL) == (
        "best-practices",
        {"tip": "use flakes"},
    )


def test_one_categorizer_decides_each_event_as_a_fresh_one_would() -> None:
    """
    A categorizer keeps, per set of present fields, the rules whose field conditions hold; which
    of them wins still depends on each event's ``equals`` values, in any order of events.
    """
    rules = [
        config.CategoryRule(
            category="best-practices",
            equals={"event_type": "best_practice"},
            all_of=["title", "description"],
            fields=["title", "description"],
        ),
        config.CategoryRule(
            category="skills-patterns",
            equals={"outcome": "success"},
            all_of=["title", "description"],
            fields=["description", "title", "outcome"],
        ),
        config.CategoryRule(
            category="error-solutions",
            any_of=["title"],
            fields=["title", "event_type"],
        ),
    ]
    events: list[dict[str, Any]] = [
        {"event_type": "best_practice", "title": "t", "description": "d"},
        {"event_type": "other", "title": "t", "description": "d"},
        {"event_type": "other", "title": "t", "description": "d", "outcome": "success"},
        {"event_type": "best_practice", "title": "t", "description": "d", "outcome": "success"},
        {"event_type": "other", "title": "t"},
        {"event_type": "best_practice", "description": "d"},
        {"title": " ", "description": "d", "event_type": "best_practice"},
    ]
    one = categorize.Categorizer(rules, ALL)
    fresh = [categorize.categorize(event, rules, ALL) for event in events]
    assert fresh == [
        ("best-practices", {"title": "t", "description": "d"}),
        ("error-solutions", {"title": "t", "event_type": "other"}),
        ("skills-patterns", {"description": "d", "title": "t", "outcome": "success"}),
        ("best-practices", {"title": "t", "description": "d"}),
        ("error-solutions", {"title": "t", "event_type": "other"}),
        None,
        None,
    ]

    def ordered(found: tuple[str, dict[str, str]] | None) -> object:
        return found and (found[0], list(found[1].items()))  # the fields' order is the text's

    for order in (events, events[::-1], events + events):
        assert [ordered(one(event)) for event in order] == [
            ordered(fresh[events.index(event)]) for event in order
        ]
    assert list(fresh[2][1]) == ["description", "title", "outcome"]  # type: ignore[index]
