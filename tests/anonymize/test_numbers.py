"""Personal numbers: phones, payment cards and IBANs become typed placeholders; near misses stay."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE, found


def anonymizer(use_re2: bool = True) -> Anonymizer:
    """Return an anonymizer of the default settings (without RE2: the triggers decide)."""
    return Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call +1 415 555 2671 today", "call <phone> today"),
        ("phone: (415) 555-2671", "phone: <phone>"),
        ("Tél: 06 12 34 56 78", "Tél: <phone>"),
        ("card 4111 1111 1111 1111 on file", "card <card> on file"),
        ("IBAN DE89 3704 0044 0532 0130 00", "IBAN <iban>"),
        ("pay to GB82WEST12345698765432", "pay to <iban>"),
    ],
)
def test_personal_numbers_are_redacted(text: str, expected: str) -> None:
    """Phone numbers, payment cards and IBANs become typed placeholders."""
    assert anonymizer(False).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112 on file",  # fails Luhn
        "IBAN DE88 3704 0044 0532 0130 00",  # fails mod 97
        "version 1.415.555.2671",
        "2026-01-15 12:30:45 +0000",
    ],
)
def test_numbers_that_fail_their_checks_stay(text: str) -> None:
    """A number that fails Luhn or mod 97, a version or a timestamp is left alone."""
    assert anonymizer(False).anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "size +104857600 bytes",  # a size delta: no separators and under 10 digits after +
        "ratio +1.23456789",  # one dot alone makes a decimal
        "version 415-555-2671x",  # touched by a word character
        "build 1415-555-2671",  # a longer digit run
        "card 4111 11111 111 1111",  # a valid card number, grouped unevenly
    ],
)
def test_shapes_that_are_not_numbers_of_a_person_stay(text: str) -> None:
    """Sizes, decimals, numbers touching words or longer runs, unevenly grouped digits stay."""
    assert anonymizer().anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phone: 555 2671 99", "phone: <phone>"),
        ("tel 030 1234567", "tel <phone>"),
        ("+14155552671", "<phone>"),
        ("reach me at 415-555-2671.", "reach me at <phone>."),
    ],
)
def test_numbers_after_a_phone_word_or_with_a_plus_are_phones(text: str, expected: str) -> None:
    """A phone word introduces 7 to 15 digits; ``+`` and 10 digits are international."""
    assert anonymizer().anonymize(text) == expected


def test_personal_numbers_are_no_scan_findings() -> None:
    """A phone, a card or an IBAN is personal data, not a secret: scan finds nothing."""
    text = "call +1 415 555 2671, card 4111 1111 1111 1111, IBAN DE89370400440532013000"
    assert found(anonymizer(), text) == []
    assert anonymizer().anonymize(text) == "call <phone>, card <card>, IBAN <iban>"
