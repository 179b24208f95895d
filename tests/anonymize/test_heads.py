"""A regex's literal heads and the trie of several: necessary conditions a rule's gate is made of."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.anonymize import heads

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
    ("source", "expected"),
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
    source: str, expected: tuple[str, ...] | None
) -> None:
    """Literal prefixes, sets and alternations give their heads; a case-insensitive pattern, an
    optional or a class head, or more than MAX_HEADS different first characters give None (70
    alternatives that share a first character give it)."""
    found = heads.literal_heads(source)
    assert (tuple(sorted(found)) if found else None) == expected


@pytest.mark.parametrize("source", HEADED)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_one_literal_head_starts_every_match(source: str, data: st.DataObject) -> None:
    """A match of the pattern always starts with one of its heads (a necessary condition)."""
    found = heads.literal_heads(source)
    assert found is not None
    text = data.draw(st.from_regex(source, fullmatch=True))
    assert text.startswith(found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab.-*", min_size=1, max_size=5), min_size=1, max_size=8))
def test_a_trie_matches_exactly_what_its_strings_match_first(strings: list[str]) -> None:
    """The trie regex matches at a place exactly when one of the strings starts there (a string
    that extends another one adds nothing)."""
    trie = re.compile(heads.trie_pattern(strings))
    for candidate in [*strings, "zz", *(string[:-1] for string in strings)]:
        expected = any(candidate.startswith(string) for string in strings)
        assert (trie.match(candidate) is not None) is expected, candidate
