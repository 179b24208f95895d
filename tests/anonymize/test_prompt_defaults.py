"""A prompt's answer after its bracketed default (``prompt_defaults``): ``Label [default]: V``."""

from __future__ import annotations

import pytest

from tests.anonymize.conftest import in_mode

DRAWN = "fx1kVZQ2tqMnM"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ aws configure\nAWS Access Key ID [None]: AKIA4PQRMZT7XW2LKQ3B\n"
            f"AWS Secret Access Key [None]: {DRAWN}\nDefault region name [None]: eu-west-1\n"
            "Default output format [None]: json",
            "$ aws configure\nAWS Access Key ID [None]: <redacted:aws-access-key>\n"
            "AWS Secret Access Key [None]: <redacted:aws-secret-key>\n"
            "Default region name [None]: eu-west-1\nDefault output format [None]: json",
        ),
        (
            "AWS Secret Access Key [****************EKEY]: iGp*58WAm!dX3a",
            "AWS Secret Access Key [****************EKEY]: <redacted:aws-secret-key>",
        ),
        ("DB Password [changeme]: Zq8vT1mN", "DB Password [changeme]: <redacted:password>"),
        (f"Enter API key [none]: {DRAWN}a8", "Enter API key [none]: <redacted:api-key>"),
        (
            "Username [admin]: root\r\nPassword [admin]: hunter2Xy\r\n",
            "Username [admin]: root\r\nPassword [admin]: <redacted:password>\r\n",
        ),
    ],
)
def test_a_prompts_answer_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Password [****]: ${PASS}",
        "Token [none]: ",
        "Server [localhost]: db.internal",
        "IPv6 [::1]: 8080 open",
        "foo = a[1]: b",
        "Password [default]: changeme",
        "Secret key [hidden]: (not shown)",
    ],
)
def test_other_prompts_and_brackets_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
