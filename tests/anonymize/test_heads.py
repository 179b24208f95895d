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


# Word alternations a rule's regex opens with, behind a look-behind: letter-led words (moved),
# one led by a group and one under a quantifier (kept behind it), and common first letters.
LED_WORDS = [
    r"(?:phones?|tel(?:ephones?|efon|efono)?|mobiles?|fax|tél(?:éphone)?)",
    r"passport|passeport|pasaporte|reisepass",
    r"dob|d\.o\.b\.?|date[ _-]?of[ _-]?birth|birth[ _-]?date",
    r"(?:bank[ _-]?)?account|acct",
    r"s?ms|fax",
    r"tax[ _-]?id|tin|ein|nif|siret|steuer[ _-]?id",
]
LED_PIECES = ["phone", "phones", "tel", "telefon", "tél", "téléphone", "fax", "passport", "dob"]
LED_PIECES += [
    "d.o.b",
    "date of birth",
    "birth_date",
    "bank account",
    "acct",
    "sms",
    "ms",
    "tax id",
]
LED_PIECES += ["tin", "nif", "x", "9", "_", " ", ".", "-", "\n", "reisepass", "ein", "steuerid"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LED_PIECES), max_size=25))
def test_behind_first_finds_what_the_look_behind_before_finds(pieces: list[str]) -> None:
    """The look-behind past each word's first letter: the same matches and groups in any text."""
    text = "".join(pieces)
    for words in LED_WORDS:
        for not_before in ("[a-z]", "[a-z0-9]"):
            tail = r"(?P<value>[ :=]*[0-9a-z]+)?"
            before = re.compile(rf"(?<!{not_before})(?P<word>{words}){tail}")
            moved = re.compile(rf"(?P<word>{heads.behind_first(not_before, words)}){tail}")
            found = [(m.span(), m.groups()) for m in moved.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in before.finditer(text)]


def test_behind_first_moves_the_look_behind_past_letters_it_can() -> None:
    """One branch a first letter; words a group or a quantified letter leads stay behind it, and
    so do words whose first letters are most of a text's (the engine would enter at them all)."""
    assert heads.behind_first("[a-z]", "(?:phones?|fax|fon)") == (
        "(?:p(?<![a-z]p)(?:hones?)|f(?<![a-z]f)(?:ax|on))"
    )
    assert heads.behind_first("[a-z]", "fax|fon", "word") == ("(?P<word>f(?<![a-z]f)(?:ax|on))")
    assert heads.behind_first("[a-z]", "(?:bank)?account") == "(?<![a-z])(?:(?:bank)?account)"
    assert heads.behind_first("[a-z]", "s?ms", "word") == "(?<![a-z])(?P<word>s?ms)"
    assert heads.behind_first("[a-z]", "s?ms") == "(?<![a-z])(?:s?ms)"
    assert heads.behind_first("[a-z]", "tax|ein|nif|sin|oid") == "(?<![a-z])(?:tax|ein|nif|sin|oid)"


def test_top_alternatives_and_group_end_read_sets_groups_and_escapes() -> None:
    """The top-level ``|`` only: not in a group, a set or after a backslash."""
    assert heads.top_alternatives(r"a[|(]b|(c|d)|e\|f|[]|]x|g") == [
        "a[|(]b",
        "(c|d)",
        r"e\|f",
        "[]|]x",
        "g",
    ]
    assert heads.group_end("(?:a|b)") == 6
    assert heads.group_end("(?:a)b(?:c)") == 4
    assert heads.group_end(r"(?:a[)]\)b)") == 10
    assert heads.group_end("ab") == -1
