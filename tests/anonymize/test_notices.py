"""A secret printed on its own line under a notice to keep it."""

from __future__ import annotations

import random
import re

import pytest

from fedlearn.anonymize import Anonymizer, notices


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your deploy token has been created. Copy it now, it won't be displayed again:\n\n"
            "  9q2KsV7xLm4TzR8wPb3N\n",
            "Your deploy token has been created. Copy it now, it won't be displayed again:\n\n"
            "  <redacted:secret-value>\n",
        ),
        (
            "Recovery codes: this is the only time you can see them.\n73120-58861-20947-66310\nDone.",
            "Recovery codes: this is the only time you can see them.\n<redacted:secret-value>\nDone.",
        ),
        (
            "Write down the seed and keep it secure.\n\n    KQ3T 9XWM 4PLA 7RZE\n",
            "Write down the seed and keep it secure.\n\n    <redacted:secret-value>\n",
        ),
    ],
)
def test_a_value_under_a_keeping_notice_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The value alone on its line after a notice to keep a secret is redacted."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No keeping words, or no secret word: nothing is named.
        "Your key ID is shown below:\n\n    3AA5C34371567BD2\n",
        "Save the file and copy it somewhere safe.\n\n    backup-2026-12-05.tar.gz\n",
        # A value that is words, a command or a path.
        "Your API key was created. Save it somewhere safe: it will not be shown again.\n\n"
        "    see-the-dashboard-settings\n",
        "Copy the token now, it will not be shown again:\n\n  gh auth login --with-token\n",
        "Store your key somewhere safe.\n\n    npm run rotate-keys -- --dry-run\n",
        "Save your key now; it will not be shown again.\n\n    config/tool/keys/deploy-key.json\n",
        # Too far below the notice.
        "Save your key now; it will not be shown again.\nok\nok\nok\n  9q2KsV7xLm4TzR8wPb3N\n",
    ],
)
def test_other_lines_after_notices_stay(anonymizer: Anonymizer, text: str) -> None:
    """A notice without a secret word or keeping words, and values that are none, stay."""
    assert anonymizer.anonymize(text) == text


def printed_by_whole_lines(subject: str) -> list[tuple[int, int]]:
    """``notices.printed`` as it read before: a notice's line matched whole, from its start."""
    line = re.compile(rf"[^\n]*?(?:{notices.NOTICE.pattern})[^\n]*")
    found, lower, position = [], subject.lower(), 0
    while (notice := line.search(lower, position)) is not None:
        position = end = notice.end()
        position += 1
        for _ in range(3):
            if end >= len(subject):
                break
            start, end = end + 1, subject.find("\n", end + 1)
            end = len(subject) if end < 0 else end
            if not subject[start:end].strip():
                continue
            value = notices.VALUE_LINE.compiled.fullmatch(subject, start, end)
            if value is not None:
                found.append(value.span("value"))
                position = end + 1
            break
    return found


NOTICE_LINES = [
    "Copy it now, the token won't be displayed again:",
    "only once: your key",
    "nothing to keep here",
    "Save this somewhere safe; the recovery code below",
    "key " * 60 + "will not be shown again " + "x" * 300,
    "İİ secret: store it securely",
]
VALUE_LINES = ["  9q2KsV7xLm4TzR8wPb3N", "73120-58861-20947-66310", "", "plain words here", "\t"]


@pytest.mark.parametrize("seed", range(40))
def test_printed_finds_what_matching_the_notices_lines_whole_found(seed: int) -> None:
    rng = random.Random(seed)
    lines = [rng.choice(NOTICE_LINES + VALUE_LINES) for _ in range(rng.randint(1, 12))]
    text = "\n".join(lines) + rng.choice(["", "\n"])
    assert [m.span() for m in notices.printed(text)] == printed_by_whole_lines(text)
