"""A prompt's answer after its bracketed default (``prompt_defaults``): ``Label [default]: V``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fedlearn.anonymize.prompt_defaults import PROMPT, prompts
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


PIECES = [
    "Password",
    "AWS Secret Key",
    " ",
    "\t",
    "[none]",
    "[",
    "]",
    ":",
    " : ",
    "x9Zq8vT1",
    "\n",
    "\r\n",
    "a]b",
    "-]:",
    "é",
]


@given(st.lists(st.sampled_from(PIECES), max_size=24))
def test_prompts_finds_what_the_regex_finds(pieces: list[str]) -> None:
    # The finder tries the pattern only at the start of each line with a ``]``: the same matches.
    text = "".join(pieces)
    expected = [match.span() for match in PROMPT.compiled.finditer(text)]
    assert [match.span() for match in prompts(text)] == expected


def test_prompts_reads_each_line_with_a_bracket() -> None:
    text = "log ollama[1]: ok\nPassword [none]: x9Zq8vT1\nno bracket: here\nToken [a] [b]: v\n]"
    assert [match.group("label") for match in prompts(text)] == ["log ollama", "Password"]
