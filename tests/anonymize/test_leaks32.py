"""Forms of session 32's leak hunt (bench/contexts30, contexts32, telemetry27) outside
``pasted_keys``: decimal digits a call named for a token takes (``beside_keys``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

DIGITS = "5830291746658203917465"


@pytest.mark.parametrize(
    "text",
    [
        f'Client c = Client.builder().accessToken("{DIGITS}").build();',
        f'ds.setPassword("{DIGITS[:16]}");',
        f'cfg.apiKey("{DIGITS[2:]}")',
    ],
)
def test_call_digits_go(anonymizer: Anonymizer, text: str) -> None:
    assert "<redacted:" in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        '.accessToken("1733420183412000")',  # a Unix time in microseconds
        'getSecret("1234567890123456")',  # counted
        f'.sessionTimeout("{DIGITS}")',  # no secret's name
        f'token_id("{DIGITS}")',  # an id
        'setPassword("20241205")',  # short: a date
    ],
)
def test_call_digits_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
