"""The ``[anonymize]`` table: extra rules convert into ExtraRule, and bad patterns are named by key."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn import config, config_anonymize
from tests.conftest import config_problems


def test_extra_rules_and_lists_convert_into_the_table() -> None:
    """Inline tables become ExtraRule values in order; the lists are kept as written."""
    table = {
        "hostnames": ["build.example.org"],
        "disable": ["email"],
        "allow": ["^ok-[0-9]+$"],
        "extra_rules": [{"name": "ticket", "pattern": "TCK-[0-9]{6}"}],
    }
    settings = config.structure({"anonymize": table}).anonymize
    assert settings == config_anonymize.Anonymize(
        hostnames=["build.example.org"],
        disable=["email"],
        allow=["^ok-[0-9]+$"],
        extra_rules=[config_anonymize.ExtraRule(name="ticket", pattern="TCK-[0-9]{6}")],
    )
    assert config.unstructure(config.Config(anonymize=settings))["anonymize"] == table


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"allow": ["ok", "("]}, "anonymize.allow[1]"),
        (
            {"extra_rules": [{"name": "a", "pattern": "x"}, {"name": "b", "pattern": "[z"}]},
            "anonymize.extra_rules[1].pattern",
        ),
        ({"extra_rules": [{"name": "ticket"}]}, "anonymize.extra_rules[0].pattern"),
        (
            {"extra_rules": [{"name": "t", "pattern": "x", "flags": "i"}]},
            "anonymize.extra_rules[0].flags",
        ),
        ({"hostnames": "build.example.org"}, "anonymize.hostnames"),
        ({"disable": [3]}, "anonymize.disable[0]"),
    ],
)
def test_bad_values_are_refused_naming_the_key(table: dict[str, Any], key: str) -> None:
    """A pattern that does not compile, a missing or unknown rule key, a wrong type: named by key."""
    problems = config_problems({"anonymize": table})
    assert any(problem.startswith(key) for problem in problems), problems
