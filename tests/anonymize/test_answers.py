"""A phone or card number given alone after a question asking for it (``answers``)."""

from __future__ import annotations

import pytest

from tests.anonymize.conftest import in_mode as anonymizer


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Agent: Which number can we call you back on?\nMarta: 612 48 90 73\nAgent: ok",
            "Agent: Which number can we call you back on?\nMarta: <phone>\nAgent: ok",
        ),
        (
            "[09:12] bot: Ihre Handynummer für den Rückruf?\n[09:13] Jan: 1 76 4418 2093 x12",
            "[09:12] bot: Ihre Handynummer für den Rückruf?\n[09:13] Jan: <phone> x12",
        ),
        (
            "bot: what card did you pay with?\n(typing…)\nLea: 152044128830712",
            "bot: what card did you pay with?\n(typing…)\nLea: <card>",
        ),
        (
            "Q: numéro de carte ?\nR: 6759 4123 5565",
            "Q: numéro de carte ?\nR: <card>",
        ),
    ],
)
def test_a_number_answering_its_question_is_redacted(
    text: str, expected: str, use_re2: bool
) -> None:
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "bot: what's your order number?\nAnn: 1946732889",  # names neither a phone nor a card
        "bot: which phone model?\nAnn: 2026-05-12",  # a date
        "bot: card ending?\nAnn: 4242",  # the last four only
        "bot: what card did you pay with?\nLea: 152044128830713",  # fails Luhn
        "bot: your mobile?\nAnn: 42",  # too short
        "bot: your mobile?\nline 2\nline 3\nAnn: 612 48 90 73",  # three lines on
        "bot: mobile plan: 12 months\nAnn: 612 48 90 73",  # no question
    ],
)
def test_other_answers_stay(text: str) -> None:
    assert anonymizer(False).anonymize(text) == text
    assert anonymizer(True).anonymize(text) == text
