"""Forms of session 32's leak hunt (bench/contexts30, contexts32, telemetry27) outside
``pasted_keys``: decimal digits a call named for a token takes (``beside_keys``), Gradle's build
fields (``build_fields``), values Java's ``Optional[V]`` wraps (``wrapped_values``)."""

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'buildConfigField("String", "WOMBAT_SECRET_KEY", "\\"t4kx9qe2wz\\"")',
            'buildConfigField("String", "WOMBAT_SECRET_KEY", "\\"<redacted:api-key>\\"")',
        ),
        (
            "buildConfigField 'String', 'WOMBAT_TOKEN', '\"q8v2m5x7k1zr\"'",
            "buildConfigField 'String', 'WOMBAT_TOKEN', '\"<redacted:token>\"'",
        ),
    ],
)
def test_build_field_goes(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'buildConfigField("String", "WOMBAT_BASE_URL", "\\"https://api.wombat.dev\\"")',
        'buildConfigField("String", "WOMBAT_TOKEN", "\\"changeme\\"")',
        'buildConfigField("String", "WOMBAT_TOKEN", "System.getenv(\\"WOMBAT_TOKEN\\")")',
        'buildConfigField("boolean", "USE_WOMBAT_TOKEN", "true")',
        'buildConfigField("String", "WOMBAT_TOKEN_TYPE", "\\"bearer\\"")',
    ],
)
def test_build_field_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "DEBUG c.a.Holder - loaded Optional[Tq8ZvL2mXw9RkP4nHs7Jd3Bf]",
        "holder(Optional.of(Tq8ZvL2mXw9RkP4nHs7Jd3Bf))",
        "List(Some(Tq8ZvL2mXw9RkP4nHs7Jd3Bf), None)",
    ],
)
def test_wrapped_value_goes(anonymizer: Anonymizer, text: str) -> None:
    assert "Tq8ZvL2mXw9RkP4nHs7Jd3Bf" not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "Optional[ClientCredentialsProvider]",  # a class's name
        "Optional[9c4d7e2f1a3b5c6d8e0f2a4b6c8d0e1f]",  # a hash
        "Optional[550e8400-e29b-41d4-a716-446655440000]",  # a UUID
        "Some(AccountServiceImplV2Handler)",  # a name with a version
        "Optional.empty",
    ],
)
def test_wrapped_value_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
