"""Session 30's review: regressions found in the new rules (quadratic work, over-redaction)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, version_quads


def test_a_repeated_address_is_looked_up_in_linear_work(
    anonymizer: Anonymizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log naming one address on every line: each quad's version check must not rescan every
    other copy (``is_named_version`` did, quadratic: 2,000 lines took 15 s)."""
    calls = 0
    judge = version_quads.is_written_as_version

    def counted(text: str, start: int, end: int) -> bool:
        nonlocal calls
        calls += 1
        return judge(text, start, end)

    monkeypatch.setattr(version_quads, "is_written_as_version", counted)
    lines = 150
    text = "GET / from 93.184.216.34 200\n" * lines
    assert anonymizer.anonymize(text) == "GET / from <ip> 200\n" * lines
    assert calls <= 4 * lines


@pytest.mark.parametrize(
    "text",
    [
        "upgrade to v93.184.216.34 now; the fix is in 93.184.216.34",
        "version 93.184.216.34 is out. Download 93.184.216.34 today",
        "93.184.216.34 release notes\n\nWhat changed in 93.184.216.34",
    ],
)
def test_a_quad_written_as_a_version_elsewhere_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("v93.184.216.340 and then 93.184.216.34 connected", "then <ip> connected"),
        ("from 93.184.216.34; version 193.184.216.34 is out", "from <ip>;"),
        ("from 93.184.216.34; see srv93.184.216.34", "from <ip>;"),
    ],
)
def test_a_quad_written_as_a_version_only_inside_a_longer_word_is_an_address(
    anonymizer: Anonymizer, text: str, kept: str
) -> None:
    assert kept in anonymizer.anonymize(text)
