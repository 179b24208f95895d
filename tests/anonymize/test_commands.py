"""Secrets known by their place: authorization schemes, URL credentials, command-line passwords."""

from __future__ import annotations

import base64

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import found

BASIC = base64.b64encode(b"admin:secretpass").decode()


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abcdefgh12345",
            "Authorization: Bearer <redacted:authorization>",
            "authorization",
        ),
        (
            f'curl -H "Authorization: Basic {BASIC}" https://x',
            'curl -H "Authorization: Basic <redacted:authorization>" https://x',
            "authorization",
        ),
        (
            "postgres://app:Tr0ub4dor3x@db:5432/app",
            "postgres://app:<redacted:url-credentials>@db:5432/app",
            "url-credentials",
        ),
        (
            "redis://:Tr0ub4dor3xq@cache:6379",
            "redis://:<redacted:url-credentials>@cache:6379",
            "url-credentials",
        ),
        (
            "https://a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2h@git.example.com/x",
            "https://<redacted:url-credentials>@git.example.com/x",
            "url-credentials",
        ),
        ("mysql -u root -pTr0ub4dor3x", "mysql -u root -p<redacted:password>", "password"),
        ("sshpass -p Tr0ub4dor3x ssh host", "sshpass -p <redacted:password> ssh host", "password"),
    ],
)
def test_the_scheme_url_or_command_stays_and_the_credential_goes(
    anonymizer: Anonymizer, text: str, expected: str, rule: str
) -> None:
    """Only the credential is replaced, under the rule of its place."""
    assert anonymizer.anonymize(text) == expected
    assert found(anonymizer, text) == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "We use Bearer authentication for the API",
        "Basic authentication is enabled",
        "postgres://app:${DB_PASSWORD}@db:5432/app",
        "mysql -u root -p",
        "mysql -u root -p$MYSQL_PW",
    ],
)
def test_prose_references_and_prompts_stay(anonymizer: Anonymizer, text: str) -> None:
    """A scheme named in prose, a URL password that is a variable, a password prompt stay."""
    assert anonymizer.anonymize(text) == text
    assert found(anonymizer, text) == []


def test_a_user_alone_in_a_url_is_no_credential(anonymizer: Anonymizer) -> None:
    """``https://user@host`` holds no secret: no scan finding (the address is personal data)."""
    assert found(anonymizer, "https://deploy@example.com/path") == []
