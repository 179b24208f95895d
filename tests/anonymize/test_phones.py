"""Phone numbers in national print and dialled with ``00``: redacted; dates and codes stay."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE


def anonymizer(use_re2: bool = True) -> Anonymizer:
    """Return an anonymizer of the default settings (without RE2: the triggers decide)."""
    return Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rückruf bitte unter 0211 4839 2275, danke", "Rückruf bitte unter <phone>, danke"),
        ("appelez le 04.78.62.91.30 svp", "appelez le <phone> svp"),
        ("Zentrale: (0711) 88 42 913", "Zentrale: <phone>"),
        ("ring 0731-456-22-81 efter fem", "ring <phone> efter fem"),
        ("Praxis 0911/3427 118 (Mo-Fr)", "Praxis <phone> (Mo-Fr)"),
        ("bel 0031 20 718 4422 vanuit het buitenland", "bel <phone> vanuit het buitenland"),
        ("from abroad 0061 3 9415 7720.", "from abroad <phone>."),
        ('"src":"00420 731 882 406","dst":"201"', '"src":"<phone>","dst":"201"'),
        ("Kundendienst 0800  318  27  44", "Kundendienst <phone>"),
    ],
)
def test_national_print_is_redacted(text: str, expected: str, use_re2: bool) -> None:
    """A trunk-prefixed national number or a ``00``-dialled one becomes ``<phone>``."""
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Termin am 03 11 2026 1400 bestätigt",  # a date, then a time
        "datum 07.10.2026",  # a date: 8 digits
        "UPS 1Z 4F8 2R7 03 6612 9085 delivered",  # the tail of a grouped tracking number
        "part 0123-4567-8901-2345",  # too long, and its groups run on
        "ISBN 0-19-852663-6",  # a lone 0 group
        "ref 02 55 18",  # too short for a phone
        "id=0171 2233 445",  # joined to its key by =
        "0049123456789",  # no separator after the country code
        "build 2024 0171 2345 678",  # after a group of digits: a longer number
        "0099 123 456 789",  # 99 is no country code
    ],
)
def test_near_misses_stay(text: str) -> None:
    """Dates, codes, short or joined numbers and unknown country codes stay as written."""
    assert anonymizer(False).anonymize(text) == text
    assert anonymizer(True).anonymize(text) == text
