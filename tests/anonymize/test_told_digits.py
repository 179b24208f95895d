"""A told value drawn as decimal digits (``framed.judged_value``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the new token for numbat is `8316402957183640295713`, old one revoked",
            "the new token for numbat is `<redacted:secret-value>`, old one revoked",
        ),
        (
            "it fails though my client secret (40718263951730482619573048261957) is new",
            "it fails though my client secret (<redacted:secret-value>) is new",
        ),
        (
            "APIキー：5193728460172938（wombat）",  # noqa: RUF001
            "APIキー：<redacted:secret-value>（wombat）",  # noqa: RUF001
        ),
    ],
)
def test_a_told_value_of_digits_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Decimal digits, 16 or more and varied, told as a secret."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the token is 1733420183412",  # a time in milliseconds
        "my API key (12345678901234567890) is fresh",  # counted
        "the password is 20261206",  # short
        "the token is 202612061234567",  # hex-short: digits under 16
        "the token is 1111111111111111111",  # one digit
        "here: 592861363844605940",  # no secret's word
    ],
)
def test_times_counts_and_short_digits_stay(anonymizer: Anonymizer, text: str) -> None:
    """Times, counted and repeated digits, short ones and unnamed numbers stay."""
    assert anonymizer.anonymize(text) == text
