"""A card number right after a card word: 12 to 19 digits, grouped as cards are, Luhn."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, check_digits
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paid with card 4222222222222 yesterday", "paid with card <card> yesterday"),
        ("Pagué con la tarjeta n. 4012888888881 y falló", "Pagué con la tarjeta n. <card> y falló"),
        ("Zaplatil jsem kartou 6759 4111 0008, odmítnuto", "Zaplatil jsem kartou <card>, odmítnuto"),
        ("Korttini 675941110008 hylättiin", "Korttini <card> hylättiin"),
        ("mijn kaartje: 1354 1234 5678 911 geweigerd", "mijn kaartje: <card> geweigerd"),
        ("carte n° 135412345678911 refusée", "carte n° <card> refusée"),
        ("Your card number (1354-123456-78911) expired", "Your card number (<card>) expired"),
        # the number before the word, inflected after it
        ("A 130322397653909 kártyámmal fizettem", "A <card> kártyámmal fizettem"),
        ("Numeroa 6759 3369 8028 korttia ei hyväksytty", "Numeroa <card> korttia ei hyväksytty"),
    ],
)  # fmt: skip
def test_a_card_number_after_a_card_word_is_redacted(
    text: str, expected: str, use_re2: bool
) -> None:
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == expected


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "EAN 4006381333931 in stock",  # a barcode, no card word
        "barcode 4006381333931 scanned",
        "card 4222222222223 declined",  # fails Luhn
        "card 7222222222222 declined",  # no card starts with 7
        "Karte 1 von 3",
        "card 4222 2222 22222 2 declined",  # not grouped as cards are
        "sim card 8944 5000 0000 0000 006",  # an ICCID's 89 (telecom) is no card's
        "we printed 130322397653908 cards",  # before the word: fails Luhn
        "build 1.130322397653909 card",  # a version's part
        "order 130322397653909 shipped",  # no card word
    ],
)
def test_numbers_a_card_word_does_not_make_cards_stay(text: str, use_re2: bool) -> None:
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == text


def test_the_positive_numbers_pass_luhn() -> None:
    for number in (
        "4222222222222",
        "4012888888881",
        "135412345678911",
        "675941110008",
        "130322397653909",
        "675933698028",
    ):
        assert check_digits.is_luhn(number)
