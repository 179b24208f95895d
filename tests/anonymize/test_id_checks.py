"""Check digits of more national ids: each accepts a valid number, refuses it one digit off."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import id_checks


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        (id_checks.is_itin, "912701234", "912451234"),
        (id_checks.is_sin, "130692544", "130692545"),
        (id_checks.is_nhs, "9434765919", "9434765918"),
        (id_checks.is_tfn, "123456782", "123456783"),
        (id_checks.is_medicare, "2123456701", "2123456711"),
        (id_checks.is_codice_fiscale, "RSSMRA85T10A562S", "RSSMRA85T10A562T"),
        (id_checks.is_pesel, "44051401359", "44051401358"),
        (id_checks.is_nric, "S1234567D", "S1234567A"),
        (id_checks.is_pan, "ABCPE1234F", "ABCXE1234F"),
        (id_checks.is_rrn, "9905242807301", "9905242807302"),
        (id_checks.is_hetu, "131052-308T", "131052-308U"),
        (id_checks.is_inn, "500100732259", "500100732258"),
        (id_checks.is_inn, "7707083893", "7707083894"),
        (id_checks.is_snils, "11223344595", "11223344596"),
        (id_checks.is_steuer_id, "86095742719", "86095742718"),
    ],
)
def test_checks(check: object, good: str, bad: str) -> None:
    """Each kind's check accepts a valid number and refuses it with one digit changed."""
    assert callable(check)
    assert check(good)
    assert not check(bad)
