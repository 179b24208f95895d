"""The ``[sync]`` table: its default rules, how ``[[sync.rules]]`` converts, and bad values by key."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn import config, config_sync
from tests.conftest import config_problems


def test_default_rules_name_known_categories_and_fields() -> None:
    """Every default rule goes into a known category and copies at least one field; all are used."""
    settings = config_sync.Sync()
    assert settings.rules == list(config_sync.DEFAULT_RULES)
    assert settings.categories == list(config_sync.CATEGORIES)
    assert all(rule.category in config_sync.CATEGORIES and rule.fields for rule in settings.rules)
    assert {rule.category for rule in settings.rules} == set(config_sync.CATEGORIES)
    assert config_problems({}) == []


def test_rules_replace_the_defaults_as_a_whole() -> None:
    """One ``[[sync.rules]]`` is the only rule, with its conditions converted into a CategoryRule."""
    rule = {"category": "best-practices", "fields": ["tip"], "equals": {"kind": "tip"}}
    settings = config.structure({"sync": {"rules": [rule]}}).sync
    assert settings.rules == [
        config_sync.CategoryRule(category="best-practices", fields=["tip"], equals={"kind": "tip"})
    ]
    assert settings.rules[0].all_of == [] and settings.rules[0].any_of == []


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"value_threshold": -0.1}, "sync.value_threshold"),
        ({"value_threshold": "high"}, "sync.value_threshold"),
        ({"max_line_bytes": 0}, "sync.max_line_bytes"),
        ({"quarantine_max_bytes": 0}, "sync.quarantine_max_bytes"),
        ({"telemetry_snapshot_size": 0}, "sync.telemetry_snapshot_size"),
        ({"snapshots_keep": 0}, "sync.snapshots_keep"),
        ({"workers": -1}, "sync.workers"),
        ({"categories": ["gossip"]}, "sync.categories"),
        ({"telemetry": "one.jsonl"}, "sync.telemetry"),
        ({"telemetry": ["a\0b"]}, "sync.telemetry[0]"),
        ({"fine_tuning": "a\nb"}, "sync.fine_tuning"),
        ({"rules": [{"category": "gossip", "fields": ["x"]}]}, "sync.rules[0].category"),
        ({"rules": [{"category": "best-practices", "fields": []}]}, "sync.rules[0].fields"),
        ({"rules": [{"category": "best-practices"}]}, "sync.rules[0].fields"),
        (
            {"rules": [{"category": "best-practices", "fields": ["x"], "al_of": []}]},
            "sync.rules[0]",
        ),
    ],
)
def test_bad_values_are_refused_naming_the_key(table: dict[str, Any], key: str) -> None:
    """A value of the wrong type or meaning is a problem that starts with its key."""
    problems = config_problems({"sync": table})
    assert any(problem.startswith(key) for problem in problems), problems
