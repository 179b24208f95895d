"""Card numbers in a SQL ``INSERT``'s column named for them (``anonymize.number_columns``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import in_mode


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "INSERT INTO members (id, name, card_number, city) VALUES (71, 'Ida Berg',"
            " '675933698028', 'Bergen');",
            "INSERT INTO members (id, name, card_number, city) VALUES (71, 'Ida Berg',"
            " '<card>', 'Bergen');",
        ),
        (
            "insert into payments (id, cardNo)\nvalues (1, '5018709826363'), (2, '130322397653909');",
            "insert into payments (id, cardNo)\nvalues (1, '<card>'), (2, '<card>');",
        ),
    ],
)
def test_a_card_columns_literal_is_a_card(text: str, expected: str, use_re2: bool) -> None:
    """A short Maestro or UATP number under a card column is redacted, with or without RE2."""
    assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Luhn fails; the column names no card; a card's type or last digits; a date
        "INSERT INTO members (id, card_number) VALUES (71, '675933698029');",
        "INSERT INTO members (id, member_number) VALUES (71, '675933698028');",
        "INSERT INTO cards (id, card_type, last4) VALUES (71, 'maestro', '8028');",
        "INSERT INTO members (id, card_number) VALUES (71, '2026-12-06');",
    ],
)
def test_other_literals_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
