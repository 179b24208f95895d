"""What stands before a long run: an escape's letters are not in it, a tree's branch names a file."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, run_starts

TOKEN = "Qx7bN2kP9mR4tV8wZ1cF5hJ3lA6sD0gE2yU4mK2"


@pytest.mark.parametrize(
    "text",
    [
        # nginx's ``escape=default`` body, JSON's ``\u0022``: detect-secrets' negative fixture
        '127.0.0.1 - - [07/Dec/2026:09:14:02 +0000] "POST /notes HTTP/1.1" 201 '
        '"{\\x22note\\x22: \\x22glimt-my-tokens_are-correctAB\\x22}"',
        '{"Body":"{\\u0022note\\u0022:\\u0022glimt-my-tokens_are-correctAB\\u0022}"}',
        "log: body=\\x27glimt-my-tokens_are-correctAB\\x27",
        # ``tree`` lists files: a firmware image named by its build and its hash
        "$ tree firmware\nfirmware\n├── R21A-A-V010SP13RC181024R16900-CN-B_250K-Release-OTA-"
        "97B6C6C59241976086FABDC41472150C.bfu\n└── README.md",
        "INFO parser: read │\u00a0\u00a0 ├── R21A-A-V010SP13RC181024R16900-CN-B_250K-Release-OTA-"
        "97B6C6C59241976086FABDC41472150C.bfu",
        "$ tree --charset=ascii cache\ncache\n|-- 0aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5z.bin\n"
        "`-- 9zY7xW5vU3tS1rQ9pO7nM5lK3jI1hG9fE7dC5b.bin",
    ],
)
def test_an_escapes_letters_and_a_tree_entry_stay(anonymizer: Anonymizer, text: str) -> None:
    """A run after ``\\x22`` or ``\\u0022`` is read without the escape's letters (so a name of
    joined words stays one), and a run a tree's branch lists is a file's name."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'"POST /notes HTTP/1.1" 201 "{{\\x22note\\x22: \\x22{TOKEN}\\x22}}"',
            '"POST /notes HTTP/1.1" 201 "{\\x22note\\x22: \\x22<redacted:high-entropy>\\x22}"',
        ),
        # 23 characters: quoted by the escaped quote, as the decoded view reads it
        (
            "note \\x22Qx7bN2kP9mR4tV8wZ1cF5hJ\\x22 sent",
            "note \\x22<redacted:high-entropy>\\x22 sent",
        ),
        (
            f'{{"Body":"{{\\u0022blob\\u0022:\\u0022{TOKEN}\\u0022}}"}}',
            '{"Body":"{\\u0022blob\\u0022:\\u0022<redacted:high-entropy>\\u0022}"}',
        ),
        # a drawn run anywhere else on a tree's line, and one glued to no branch
        (f"├── notes.txt  {TOKEN}", "├── notes.txt  <redacted:high-entropy>"),
        (f"-- {TOKEN}", "-- <redacted:high-entropy>"),
    ],
)
def test_a_drawn_run_after_an_escape_or_near_a_tree_still_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The escape stays whole beside the placeholder; a run that no branch lists is judged."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("\\x22abc", 1, 4),
        ("\\u0022abc", 1, 6),
        ("\\xZZabc", 1, 1),  # no hex digits: no escape
        ("\\\\x22abc", 2, 2),  # the backslash is itself escaped
        ("\\x2", 1, 1),  # cut short
        ("x22abc", 0, 0),
        ("\\nabc", 1, 1),  # a blank escape is ``escaped.edges``'
    ],
)
def test_past_escape(text: str, start: int, expected: int) -> None:
    """Only ``\\x`` with two hex digits and ``\\u`` with four, from an unescaped backslash."""
    assert run_starts.past_escape(text, start) == expected
