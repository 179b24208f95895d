"""Check digits of payment cards, IBANs and national ids: each accepts a valid number, refuses it
one character off."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import check_digits


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        (check_digits.is_luhn, "4111111111111111", "4111111111111112"),
        (check_digits.is_iban, "DE89370400440532013000", "DE89370400440532013001"),
        (check_digits.is_iban, "GB82WEST12345698765432", "GB82WEST12345698765433"),
        (check_digits.is_ssn, "123456789", "923456789"),
        (check_digits.is_cpf, "52998224725", "52998224726"),
        (check_digits.is_bsn, "111222333", "111222334"),
        (check_digits.is_dni, "12345678Z", "12345678A"),
        (check_digits.is_dni, "X1234567L", "X1234567M"),
        (check_digits.is_nino, "AB123456C", "AB123456E"),
        (check_digits.is_itin, "912701234", "912451234"),
        (check_digits.is_sin, "130692544", "130692545"),
        (check_digits.is_nhs, "9434765919", "9434765918"),
        (check_digits.is_tfn, "123456782", "123456783"),
        (check_digits.is_medicare, "2123456701", "2123456711"),
        (check_digits.is_codice_fiscale, "RSSMRA85T10A562S", "RSSMRA85T10A562T"),
        (check_digits.is_pesel, "44051401359", "44051401358"),
        (check_digits.is_nric, "S1234567D", "S1234567A"),
        (check_digits.is_pan, "ABCPE1234F", "ABCXE1234F"),
        (check_digits.is_rrn, "9905242807301", "9905242807302"),
        (check_digits.is_hetu, "131052-308T", "131052-308U"),
        (check_digits.is_inn, "500100732259", "500100732258"),
        (check_digits.is_inn, "7707083893", "7707083894"),
        (check_digits.is_snils, "11223344595", "11223344596"),
        (check_digits.is_steuer_id, "86095742719", "86095742718"),
        (check_digits.is_nir, "185057800608491", "185057800608492"),
        (check_digits.is_nir, "290112A00412351", "290112A00412352"),
        (check_digits.is_za_id, "9307125126086", "9307125126087"),
        (check_digits.is_za_id, "8502280347185", "8502280347186"),
    ],
)
def test_checks(check: object, good: str, bad: str) -> None:
    """Each kind's check accepts a valid number and refuses it with one character changed."""
    assert callable(check)
    assert check(good)
    assert not check(bad)
