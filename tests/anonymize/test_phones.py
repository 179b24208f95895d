"""Phone numbers in national print and dialled with ``00``: redacted; dates and codes stay."""

from __future__ import annotations

import pytest

from tests.anonymize.conftest import in_mode as anonymizer


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


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # OCR'd: groups two blanks apart
        ("T e l :    +36  20  418  7735\nSumme", "T e l :    <phone>\nSumme"),
        ("Ruf:  +351  9  12  44  80  17", "Ruf:  <phone>"),
        # a form value whose blanks are URL-encoded
        (
            "POST /notify body=to=0611%20482%20907%2033&lang=nl",
            "POST /notify body=to=<phone>&lang=nl",
        ),
        ("?dst=0044%20131%20573%202110", "?dst=<phone>"),
        ("&callee=07956%20612209%20ext%2012&x=1", "&callee=<phone>%20ext%2012&x=1"),
        # a caller id: a quoted display name, the number in angle brackets
        ('From: "Jan de Vries" <6 1234 5678>;tag=as2f', 'From: "Jan de Vries" <<phone>>;tag=as2f'),
        # Asterisk's CSV: the quotes doubled, the number printed bare before (a repeat)
        (
            '"","47-3-812-906","301","""Ola Nordmann"" <47-3-812-906>","SIP/301"',
            '"","<phone>","301","""Ola Nordmann"" <<phone>>","SIP/301"',
        ),
        # a caller id key
        (
            "<caller_id_number>55 3184 2290</caller_id_number>",
            "<caller_id_number><phone></caller_id_number>",
        ),
        ("CallerID: 91 276 44 13", "CallerID: <phone>"),
    ],
)
def test_marked_numbers_are_redacted(text: str, expected: str, use_re2: bool) -> None:
    """Numbers marked as phones by OCR's +CC print, a form's %20, a caller id: ``<phone>``."""
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "q=0123%20456&page=2",  # too short
        "d=01%2012%202026&x=1",  # a date
        "v=2%20612%20448%20907",  # no trunk prefix
        "id=0171%202233%20445x",  # runs on into a word
        '"Release" <2026-11-04>',  # a date in brackets
        '"Reception" <201>',  # an extension
        '"build" <12345>',
        "<caller_id_number>1213</caller_id_number>",  # an extension under the key
        "ok  +12  34",  # too short for a phone
        "ref 17906124490872 and 47-3-812-906x",  # a repeat only where it stands alone
    ],
)
def test_marked_lookalikes_stay(text: str) -> None:
    """Short, dated or joined values stay."""
    assert anonymizer(False).anonymize(text) == text
    assert anonymizer(True).anonymize(text) == text


def test_a_repeat_inside_a_longer_number_stays() -> None:
    text = 'x 147-3-812-906 "A B" <47-3-812-906>'
    assert anonymizer().anonymize(text) == 'x 147-3-812-906 "A B" <<phone>>'


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gateway's status callback: its parties' numbers in groups
        (
            "POST /cb 500 body=Sid=SM1&To=3-4471-2290&From=%2B15550100&Err=1",
            "POST /cb 500 body=Sid=SM1&To=<phone>&From=%2B15550100&Err=1",
        ),
        ("GET /status?from=61%20873%20402%2019&ok=0", "GET /status?from=<phone>&ok=0"),
        # a caller id with its extension in words after the number
        (
            'From: "Mia Berg" <44 2761 9083 ext 12>;tag=z9',
            'From: "Mia Berg" <<phone> ext 12>;tag=z9',
        ),
    ],
)
def test_callback_parties_and_caller_ids_with_extensions_are_redacted(
    text: str, expected: str, use_re2: bool
) -> None:
    """``To=``/``From=`` numbers of three groups or more; a caller id's number before words."""
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GET /report?from=2026-11-04&to=2026-11-30",  # dates
        "GET /range?from=1-20-300&to=4",  # too few digits
        "GET /logs?from=1700000000&to=1700003600",  # epoch seconds: one group
        "GET /x?to=12-34-56&y=1",
        '"Reception" <front desk>',  # no number
    ],
)
def test_callback_lookalikes_stay(text: str) -> None:
    """Dates, ranges, epoch seconds and short groups under ``to``/``from`` stay."""
    assert anonymizer(False).anonymize(text) == text
    assert anonymizer(True).anonymize(text) == text
