"""The trigger path's words in one pass (``trigger_words.word_finder``): the words ``in`` would find.

Without google-re2 the triggers decide which rules run; once ``WORDS_AFTER`` characters were
read, their literal words are looked for with one regex (the words' trie, in a lookahead) over the
lower-case copy, not with an ``in`` test each. These tests hold it to the ``in`` tests: words
inside and overlapping other words, words read in the text itself (found by their lower-case
form, then checked), the capital sigma, characters whose lower case is longer, single characters.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, prefilter, trigger_words
from fedlearn.anonymize.probe import Probe

# (word, looked for in the lower-case copy)
WORDS = (
    ("pass", True),
    ("password", True),
    ("sword", True),
    ("word", True),
    ("ΣΑΣ", False),
    ("AKIA", False),
    ("MU", False),
    ("İx", False),
    ("s.", False),
    ("|", False),
    ("@", True),
    ("qz", True),
)


def in_tests(words: tuple[tuple[str, bool], ...], text: str) -> set[str]:
    """Return the words that ``in`` finds (the lower-case ones in the copy)."""
    lower = Probe(text).lower
    return {word for word, low in words if word in (lower if low else text)}


def one_pass(words: tuple[tuple[str, bool], ...], text: str) -> set[str]:
    """Return the words ``word_finder`` finds."""
    find = trigger_words.word_finder(
        tuple((word, index, low) for index, (word, low) in enumerate(words))
    )
    return {words[index][0] for index in find(text, Probe(text).lower)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my PASSWORD!", {"pass", "password", "sword", "word"}),  # inside and overlapping
        ("the passw field", {"pass"}),  # a prefix of a longer word only
        ("swordfish and passport", {"pass", "sword", "word"}),
        ("key AKIA1234", {"AKIA"}),
        ("it must be akia", set()),  # ``MU`` and ``AKIA`` are read in the text: case counts
        ("MUST, s. 4 | x@y", {"MU", "s.", "|", "@"}),
        ("ΟΣΑΣ", {"ΣΑΣ"}),  # the capital sigma: an ``in`` test of its own
        ("aİx tail", {"İx"}),  # lower case two characters long: the copy keeps it
        ("trailing qz", {"qz"}),
        ("", set()),
    ],
)
def test_one_pass_finds_what_in_finds(text: str, expected: set[str]) -> None:
    """Words inside others, overlapping, case-sensitive or not: the ``in`` tests' answer."""
    assert in_tests(WORDS, text) == expected
    assert one_pass(WORDS, text) == expected


# Capital, small and final sigma, dotted I, the Kelvin sign.
ALPHABET = "aAbBsS\u03a3\u03c3\u03c2\u0130i\u212aK-. "


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.text(ALPHABET, min_size=1, max_size=4), st.booleans()), max_size=12),
    st.text(ALPHABET, max_size=40),
)
def test_one_pass_agrees_with_in_on_any_words_and_text(
    words: list[tuple[str, bool]], text: str
) -> None:
    """Any words (capital sigma, dotted I, Kelvin sign among them) in any text: the same words."""
    unique = tuple(dict.fromkeys(words))
    assert one_pass(unique, text) == in_tests(unique, text)


MACHINE = Machine(hostname="quasar", fqdn="quasar.example.org", user="jdoe", home="/home/jdoe")
RULES = Anonymizer(config.Anonymize(), MACHINE, use_re2=False).rules
TESTED = prefilter.Triggers(RULES, after=1 << 40)
IN_ONE_PASS = prefilter.Triggers(RULES, after=0)


@pytest.mark.parametrize(
    "text",
    [
        "export DB_PASSWORD=hunter2-but-longer",
        "Die Steuer-ID ist 12 345 678 901; SIN 046 454 286",
        "AKIAIOSFODNN7EXAMPLE and aws_secret_access_key",
        "plain prose about a swordfish, nothing more",
        "ΟΔΟΣ 12, İstanbul — token: abc",
    ],
)
def test_the_built_in_triggers_fire_alike_either_way(text: str) -> None:
    """The built-in rules' triggers let the same rules run with the words in one pass."""
    assert IN_ONE_PASS.active(Probe(text)) == TESTED.active(Probe(text))
    assert IN_ONE_PASS._finder is not None and TESTED._finder is None
