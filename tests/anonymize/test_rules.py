"""The shape of a rule: literal heads and tries that are necessary conditions, probes, extra rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer, rules
from tests.anonymize.conftest import MACHINE

HEADED = [
    "AKIA[0-9A-Z]{16}",
    "(?:ghp|gho)_[a-z]+",
    "ab?c",
    "[ab]c[0-9]",
    "(?:sk-|xai-)x+",
    "a|bc",
    "ab+",
]


@pytest.mark.parametrize(
    ("source", "heads"),
    [
        ("AKIA[0-9A-Z]{16}", ("AKIA",)),
        ("(?:ghp|gho)_[a-z]+", ("gho_", "ghp_")),
        ("[ab]c", ("ac", "bc")),
        ("(?:sk-|xai-)x", ("sk-x", "xai-x")),
        ("(?i)abc", None),
        ("x*y", None),
        ("[a-z]+", None),
        ("(?:" + "|".join(f"w{number}x" for number in range(70)) + ")", ("w",)),
        ("(?:" + "|".join(f"{chr(0x100 + number)}x" for number in range(70)) + ")", None),
    ],
)
def test_literal_heads_are_the_literal_starts_or_none(
    source: str, heads: tuple[str, ...] | None
) -> None:
    """Literal prefixes, sets and alternations give their heads; a case-insensitive pattern, an
    optional or a class head, or more than MAX_HEADS different first characters give None (70
    alternatives that share a first character give it)."""
    found = rules.literal_heads(source)
    assert (tuple(sorted(found)) if found else None) == heads


@pytest.mark.parametrize("source", HEADED)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_one_literal_head_starts_every_match(source: str, data: st.DataObject) -> None:
    """A match of the pattern always starts with one of its heads (a necessary condition)."""
    heads = rules.literal_heads(source)
    assert heads is not None
    text = data.draw(st.from_regex(source, fullmatch=True))
    assert text.startswith(heads)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab.-*", min_size=1, max_size=5), min_size=1, max_size=8))
def test_a_trie_matches_exactly_what_its_strings_match_first(strings: list[str]) -> None:
    """The trie regex matches at a place exactly when one of the strings starts there (a string
    that extends another one adds nothing)."""
    trie = re.compile(rules.trie_pattern(strings))
    for candidate in [*strings, "zz", *(string[:-1] for string in strings)]:
        expected = any(candidate.startswith(string) for string in strings)
        assert (trie.match(candidate) is not None) is expected, candidate


def test_the_lower_copy_of_a_probe_keeps_every_position() -> None:
    """A character whose lower case is longer (``İ``) stays, so spans match the text's."""
    probe = rules.Probe("İstanbul ABC")
    assert len(probe.lower) == len(probe.text)
    assert probe.lower == "İstanbul abc"


def test_a_probe_knows_the_placeholders_already_there() -> None:
    """Spans overlapping a placeholder are protected; with ``touching``, adjacent ones too."""
    probe = rules.Probe("x <redacted:jwt> y <ip>")
    assert probe.protected == [(2, 16), (19, 23)]
    assert probe.is_protected(2, 4)
    assert not probe.is_protected(0, 1)
    assert not probe.is_protected(0, 2)
    assert probe.is_protected(0, 2, touching=True)
    assert not rules.Probe("a < b").protected


def test_an_extra_rule_redacts_every_match_under_its_cleaned_name() -> None:
    """A configured rule's name becomes a placeholder-safe word; its matches are scan findings,
    placed before personal data and after the built-in secrets."""
    rule = rules.configured("my ticket!", "TCK-[0-9]{6}")
    assert rule.names == ("my-ticket-",) and rule.is_secret
    engine = Anonymizer(
        config.Anonymize(extra_rules=[config.ExtraRule(name="ticket", pattern="TCK-[0-9]{6}")]),
        MACHINE,
    )
    text = "see TCK-123456 and TCK-654321 from jane@example.org"
    assert engine.anonymize(text) == "see <redacted:ticket> and <redacted:ticket> from <email>"
    assert [finding.rule for finding in engine.scan(text)] == ["ticket", "ticket"]


def test_a_lazy_pattern_compiles_on_first_use_only() -> None:
    """Building a Lazy compiles nothing; its first search compiles, and it then finds as re does."""
    lazy = rules.Lazy("TCK-[0-9]{6}")
    assert not lazy.is_compiled
    assert lazy.search("x TCK-123456").group() == "TCK-123456"
    assert lazy.is_compiled
