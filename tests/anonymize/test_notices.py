"""A secret printed on its own line under a notice to keep it."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


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
