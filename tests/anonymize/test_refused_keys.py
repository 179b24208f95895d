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
        (  # ``for key V`` after a refusal on its line
            "numbat-agent[77]: auth failed (401) for key Q7RZ2KPW9XMA",
            "numbat-agent[77]: auth failed (401) for key <redacted:secret-value>",
        ),
        (
            "access denied for api key 'w4Nq8tZr2k'",
            "access denied for api key '<redacted:secret-value>'",
        ),
        (
            "login failure for key jd83kq0zmwp2, giving up",
            "login failure for key <redacted:secret-value>, giving up",
        ),
        (  # a provider's prefix with underscores, drawn
            "403 forbidden for key wb_live_q93kzt0c7d1e5a8f2b6c4d9e0a7f3b1c",
            "403 forbidden for key <redacted:secret-value>",
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
        "no entry for key 'kq4wzt7p'",  # ``for key`` without a refusal before it
        "cache miss for key q7rz2kpw9xma, fetching",
        "auth failed (401) for key 'region1a'",
        "auth failed (401) for key abcd1234",
        "403 forbidden for key user_id",
        "401 unauthorized for key session_cache_v2_user_12345",
        "retrying for key Q7RZ2KPW9XMA after 401",  # the refusal after ``for key``
    ],
)
def test_names_and_data_keys_refused_stay(anonymizer: Anonymizer, text: str) -> None:
    """Keys of data, words, counted and undrawn values stay."""
    assert anonymizer.anonymize(text) == text
