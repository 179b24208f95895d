"""A drawn word alone in a fenced code block: what an answer gives the reader to paste."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer
from fedlearn.anonymize.fenced import is_drawn


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Put this in the Ledger field:\n\n```\nQm7vTz2Lk9Xp4Rw8\n```\nand save.",
            "Put this in the Ledger field:\n\n```\n<redacted:secret-value>\n```\nand save.",
        ),
        (  # a language word after the fence, a vendor prefix and hex
            "```text\nlgr_pk_5c0e9a7d13b84f62a9e0d7c4\n```",
            "```text\n<redacted:secret-value>\n```",
        ),
        (  # tildes, indented in a list item, groups of capitals and digits
            "1. Copy the key:\n   ~~~\n   Z4KQ8WN-T2M7RXP-H9VC3LD\n   ~~~",
            "1. Copy the key:\n   ~~~\n   <redacted:secret-value>\n   ~~~",
        ),
    ],
)
def test_a_drawn_word_alone_in_a_fence_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "```\n9c1f0e7a2b3d4c5e6f708192a3b4c5d6e7f80912\n```",  # hex alone: a commit
        "```\n7d3e1c52-94b0-4f6a-8e21-0c9d5b7a3f16\n```",  # a UUID
        "```\nLEDGER_SYNC_TIMEOUT_2026\n```",  # a constant's name
        "```\nreq_4e1b9c07d2a35f86e10b7c4d\n```",  # a request's id
        "```\nledgerSyncTimeoutSeconds\n```",  # camelCase words
        "```\nghcr.io/acme/ledger:2.14.1\n```",  # an image
        "```\n/usr/local/share/ledger/keys\n```",  # a path
        "```\nQm7vTz2Lk9Xp4Rw8 --force\n```",  # more than one word: a command
        "```\nQm7vTz2Lk9Xp4Rw8\nZ4KQ8WN-T2M7RXP\n```",  # more than one line
        "the value `Qm7vTz2Lk9Xp4Rw8` in prose",  # no fence
    ],
)
def test_other_fenced_blocks_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_is_drawn() -> None:
    assert is_drawn("Qm7vTz2Lk9Xp4Rw8")
    assert not is_drawn("ledgerSyncTimeout")
