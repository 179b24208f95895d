"""A token given as the argument of a command's ``login``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ acme login 9fK2xQ7vLm3Zp8Rt4Wn1\nLogged in.",
            "$ acme login <redacted:token>\nLogged in.",
        ),
        (
            "run: turso auth login Zq8vT1mN4pXk2Lp9Zt7W --headless",
            "run: turso auth login <redacted:token> --headless",
        ),
    ],
)
def test_a_login_argument_token_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "printf '%s\\n' Zq8vT1mN4pXk | glab auth login --stdin --with-token",
            "printf '%s\\n' <redacted:token> | glab auth login --stdin --with-token",
        ),
        (
            'echo -n "hunter2x" | regctl registry login --password-stdin',
            'echo -n "<redacted:password>" | regctl registry login --password-stdin',
        ),
    ],
)
def test_a_word_piped_into_a_token_stdin_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "echo $GH_TOKEN | gh auth login --with-token",
        'echo "${{ secrets.GLAB_TOKEN }}" | glab auth login --with-token',
        "echo done | tee login.log",
    ],
)
def test_piped_references_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "docker login 123456789012.dkr.ecr.us-east-1.amazonaws.com",
        "gcloud auth login jdoe-service-account-prod",
        "heroku login --interactive-mode-enabled",
        "npm login --registry=https://registry.npmjs.org/",
        "see /api/v2/login 9fK2xQ7vLm3Zp8Rt4Wn1",  # a URL path, not a command
        "gh auth login --with-token < token.txt",
    ],
)
def test_login_arguments_that_are_no_token_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
