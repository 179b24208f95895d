"""Secrets on a ``key<TAB>value`` line with no header (``anonymize.tabbed``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("REDIS_PWD\tq7#Lw2!vRz9", "REDIS_PWD\t<redacted:password>"),
        (
            "env dump:\nHOME\t/srv/app\nstripeSecret\tWq3ZrT8mVx2LpN6kBc9D\nLANG\tC.UTF-8",
            "env dump:\nHOME\t/srv/app\nstripeSecret\t<redacted:secret>\nLANG\tC.UTF-8",
        ),
        ("  client-secret \t\tHunter2+Zq8v\r\n", "  client-secret \t\t<redacted:secret>\r\n"),
        ("github-token\tx7Kq2Lp9Zt7Wn3Rb8Yc1V5s0aB", "github-token\t<redacted:token>"),
        ("accessToken\tM0rn1ng!Glory", "accessToken\t<redacted:token>"),
    ],
)
def test_a_value_after_its_key_and_a_tab_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A line of two tab-separated cells: a secret-naming key, then its value."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "password\t${DB_PASSWORD}",
        "token\t1532",
        "tokenizer\tsentencepiece",
        "secret_ref\tvault:kv/data/app#password",
        "password\tchangeme",
        "api_key\t<redacted>",
        "token\tcount\tfreq\nthe\t12\t0.3",
        "the password\tHunter2+Zq8v",
        "session_token\ttrue",
        "pwd\t/srv/ops/releases",
    ],
)
def test_tab_lines_that_hold_no_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """References, numbers, placeholders, booleans, paths, other keys and 3-cell rows stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    ["kpasswd\t464/udp", "ssh-keys\t/etc/ssh/keys.d", "token\tSentencePieceTokenizer"],
)
def test_a_tab_file_column_of_ports_paths_and_names_stays(
    anonymizer: Anonymizer, text: str
) -> None:
    """``/etc/services``-like lines: a port, a path or a name after a secret-sounding key."""
    assert anonymizer.anonymize(text) == text
