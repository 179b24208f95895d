"""Numbers docs publish as examples (``fiction``): NANPA's 555-01xx and processors' test cards stay
where their line calls them an example; the same numbers given as someone's still go."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import fiction
from tests.anonymize.conftest import in_mode


@pytest.mark.parametrize(
    "digits",
    [
        "4242424242424242",
        "4111111111111111",
        "5555555555554444",
        "6011111111111117",
        "4222222222222",
    ],
)
def test_processors_test_cards(digits: str) -> None:
    assert fiction.is_test_card(digits)


@pytest.mark.parametrize("digits", ["4539148803436467", "5425233430109903", "378282246310005"])
def test_drawn_cards_are_no_test_cards(digits: str) -> None:
    assert not fiction.is_test_card(digits)


@pytest.mark.parametrize(
    ("digits", "fictional"),
    [
        ("5550100", True),
        ("15550100", True),  # ``+1 555 0100``
        ("4155550142", True),
        ("12125550199", True),
        ("5550200", False),  # 555-0200 and up are real exchanges' numbers
        ("14155552671", False),
        ("4155550142123", False),  # not a North American number's length
        ("445550100", False),
    ],
)
def test_fictional_phone_numbers(digits: str, fictional: bool) -> None:
    assert fiction.is_fictional_phone(digits) is fictional


@pytest.mark.parametrize(
    "text",
    [
        # Prose, config, JSON, a table, a log line: each calls the number an example.
        "Example phone: +1 555 0100; example mail user@example.com",
        "Stripe test cards: 4242 4242 4242 4242 (any CVC, a future date)",
        "# sample: PHONE=+1-212-555-0199",
        '{"note": "demo account", "test_card": "4111 1111 1111 1111"}',
        "INFO checkout: using sandbox card 5555555555554444",
        "Call the demo line at (415) 555-0142.",
        "e.g. +14155550123",
    ],
)
def test_example_numbers_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # A test card or a 555-01xx number that no word calls an example is taken as someone's.
        ("card 4111 1111 1111 1111 on file", "4111 1111 1111 1111"),
        ("CreditCard:4111111111111111 exp 12/29", "4111111111111111"),
        ("call me at (415) 555-0142 tonight", "555-0142"),
        ("phone: +1 555 0100", "555 0100"),
        # An example's word before a real number does not keep it.
        ("example: card 4539 1488 0343 6467", "4539 1488 0343 6467"),
        ("test call from +1 415 555 2671", "415 555 2671"),
        # The word on the line before does not count.
        ("Test cards:\n4242 4242 4242 4242", "4242 4242 4242 4242"),
    ],
)
def test_numbers_not_called_examples_go(text: str, number: str) -> None:
    for use_re2 in (True, False):
        assert number not in in_mode(use_re2).anonymize(text)


def test_says_example() -> None:
    assert fiction.says_example("Example phone: +1", 15)
    assert not fiction.says_example("Examples\n+1", 9)
    assert not fiction.says_example("contest: +1", 9)
