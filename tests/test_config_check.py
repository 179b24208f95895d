"""The first pass over a configuration: unknown keys with "did you mean", wrong types, in its words."""

from __future__ import annotations

from fedlearn import config, config_check


def test_check_table_names_every_problem_and_keeps_the_good_keys() -> None:
    """Unknown keys and wrong types are listed with their key paths; well-typed keys are kept."""
    raw = {
        "nodeid": "x",
        "sync": {"value_threshold": "high", "workers": 2, "rules": [{"category": 3, "fields": []}]},
        "qdrant": {"batch_size": True},
        "anonymize": {"extra_rules": "ticket"},
    }
    kept, problems = config_check.check_table(raw, config.Config, "")
    assert problems == [
        "nodeid: unknown key (did you mean node_id?)",
        'sync.value_threshold: expected a number, got a string "high"',
        "sync.rules[0].category: expected a string, got a whole number 3",
        "qdrant.batch_size: expected a whole number, got true/false True",
        'anonymize.extra_rules: expected a list, got a string "ticket"',
    ]
    assert kept == {"sync": {"workers": 2}, "qdrant": {}, "anonymize": {}}


def test_an_unknown_key_with_nothing_close_lists_the_known_ones() -> None:
    """With no close match, the message lists the table's keys."""
    _, problems = config_check.check_table({"zzz": 1}, config.Pull, "pull")
    assert problems == ["pull.zzz: unknown key (known: import_after)"]


def test_a_table_missing_a_required_key_is_named_and_left_out() -> None:
    """A rule without ``fields`` is one problem in the file's words, and the list is not kept."""
    raw = {"sync": {"rules": [{"category": "best-practices"}], "workers": 2}}
    kept, problems = config_check.check_table(raw, config.Config, "")
    assert problems == ["sync.rules[0].fields: required key missing"]
    assert kept == {"sync": {"workers": 2}}
