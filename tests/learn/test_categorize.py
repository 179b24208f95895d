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
