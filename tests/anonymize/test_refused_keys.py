"""A short key an authentication failure names as refused (``anonymize.refused_keys``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ERROR provider numbat: 401 Unauthorized: invalid key 'kq4wzt7p'",
            "ERROR provider numbat: 401 Unauthorized: invalid key '<redacted:secret-value>'",
        ),
        (
            "403 Forbidden: expired api key r8Tq2xLw9z",
            "403 Forbidden: expired api key <redacted:secret-value>",
        ),
        (
            'panic: auth: invalid credentials for key "h3Xz!q9Lwp"',
            'panic: auth: invalid credentials for key "<redacted:secret-value>"',
        ),
        (  # hex counts on such a line
            'panic: auth: invalid credentials for key "6f1c0a9e3b7d52e48c1a0f9b"',
            'panic: auth: invalid credentials for key "<redacted:secret-value>"',
        ),
    ],
)
def test_a_short_refused_key_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """On an authentication failure's line, a short drawn key it refuses."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "KeyError: invalid key 'kq4wzt7p'",  # no authentication failure: a key of data
        "401: invalid key 'Password1'",
        "401: invalid key 'region1a'",
        "401: invalid key 'abcd1234'",
        "401: invalid key 'prod2024'",
        "401: invalid key 'user_id2'",
        "401 Unauthorized: invalid key '592861363844605940'",
        "401: invalid key 'us-east-1'",
        "KeyError: invalid key '6f1c0a9e3b7d52e48c1a0f9b'",
        "401: invalid key 'feature-flags-rollout'",
    ],
)
def test_names_and_data_keys_refused_stay(anonymizer: Anonymizer, text: str) -> None:
    """Keys of data, words, counted and undrawn values stay."""
    assert anonymizer.anonymize(text) == text
