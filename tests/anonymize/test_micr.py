"""A cheque's MICR line: the account number between the transit pair and the on-us symbol."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, micr
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scan: ⑈004417⑈ ⑆011000015⑆ 5503981177⑈", "scan: ⑈004417⑈ ⑆011000015⑆ <bank-account>⑈"),
        ("cheque ⑆123456780⑆2201⑉338761⑈ 0917", "cheque ⑆123456780⑆<bank-account>⑈ 0917"),
        ("MICR: T011000015T 3309 124 77U 1052", "MICR: T011000015T <bank-account>U 1052"),
        ("line=A021000021A 000712345C", "line=A021000021A <bank-account>C"),
    ],
)  # fmt: skip
def test_the_account_of_a_micr_line_is_redacted(text: str, expected: str, use_re2: bool) -> None:
    """The account goes; the routing number (a bank's public code) and the cheque number stay."""
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == expected


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "MICR: T011000016T 3309124770U",  # the routing number fails its check
        "build T123456789T 1234U",  # letters, no routing number
        "sensor XT011000015T 44120U",  # the T belongs to a word
        "part A021000021A 4412099Ux",  # the U belongs to a word
        "⑆011000015⑆ only the routing number",
    ],
)
def test_what_only_looks_like_a_micr_line_stays(text: str, use_re2: bool) -> None:
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == text


def test_the_aba_check() -> None:
    assert micr.is_aba("011000015") and micr.is_aba("021000021")
    assert not micr.is_aba("011000016")
