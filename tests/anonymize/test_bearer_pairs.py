"""A ``user:secret`` pair sent as a bearer credential (``anonymize.bearer_pairs``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'RequestHeader set Authorization "Bearer wombat:Tq8vLz3KpW9xRm2N"',
            'RequestHeader set Authorization "Bearer <redacted:authorization>"',
        ),
        (  # a header tuple of bytes, a chosen password
            "headers=[(b'Authorization', b'Bearer svc.numbat:k4ng~r00s!9')]",
            "headers=[(b'Authorization', b'Bearer <redacted:authorization>')]",
        ),
        (  # letters of both cases only, drawn; a full stop after it stays
            "sent Bearer ci-bot:qWzRtYpLmKxNbVcJ.",
            "sent Bearer <redacted:authorization>.",
        ),
    ],
)
def test_a_bearer_pair_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """``Bearer user:V`` with a generated or chosen V is one credential."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "WWW-Authenticate: Bearer realm:required",
        "Bearer https://auth.numbat.example/oauth/token",
        "use Bearer auth:password for the admin API",
        "Bearer token:expired_token_value",
        "grant_type: Bearer urn:ietf:params:oauth:token-type:jwt",
        "Bearer scope:read-write, then retry",
        "Bearer user: Tq8vLz3KpW9xRm2N",  # a blank after the colon: a label
    ],
)
def test_bearer_words_and_urls_stay(anonymizer: Anonymizer, text: str) -> None:
    """Words, URLs, URNs and labels after ``Bearer`` stay."""
    assert anonymizer.anonymize(text) == text
