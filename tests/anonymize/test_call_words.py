"""A phone number right after a request to call (``call_words``): redacted; other numbers stay."""

from __future__ import annotations

import pytest

from tests.anonymize.conftest import in_mode as anonymizer


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please call me back at 612 48 90 733 after six.",
            "Please call me back at <phone> after six.",
        ),
        ("Ring meg på 48 21 93 07, takk!", "Ring meg på <phone>, takk!"),
        ("Bel mij op 6-44-817-290 als het lukt", "Bel mij op <phone> als het lukt"),
        ("Zavolajte mi prosím na 905 318 442.", "Zavolajte mi prosím na <phone>."),
        ("Chiamami al 347 220 1986 dopo le 18", "Chiamami al <phone> dopo le 18"),
        ("Llámame al 612 84 93 20 mañana", "Llámame al <phone> mañana"),
        ("Zadzwoń do mnie pod 512 380 744", "Zadzwoń do mnie pod <phone>"),
        ("Hívjon fel a 20 418 7735 számon", "Hívjon fel a <phone> számon"),
        ("nomor HP saya 812-3390-4471 ya", "nomor HP saya <phone> ya"),
        ("Appelez-moi au 6 12 44 80 17 svp", "Appelez-moi au <phone> svp"),
        ("Gọi cho tôi số 912 345 678 nhé", "Gọi cho tôi số <phone> nhé"),
    ],
)
def test_a_number_after_a_request_to_call_is_redacted(
    text: str, expected: str, use_re2: bool
) -> None:
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ring buffer 4096 8192 entries",  # ``ring`` without ``me``
        "call 2 of 3 returned 404 500 12",
        "please call me at 10:30 on 12.05.2026",  # a time and a date
        "text me on 2026-05-12 about it",
        "Bel me op 12 34",  # too short
        "nomor pesanan 8123 3904 471",  # an order number: nomor without a phone word
        "reach me at build 20261205 1433",  # a word between that is no filler before digits
    ],
)
def test_other_numbers_stay(text: str) -> None:
    assert anonymizer(False).anonymize(text) == text
    assert anonymizer(True).anonymize(text) == text
