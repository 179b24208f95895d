"""Identity document, tax, health and device numbers after a word naming them; card track 1."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Driver's License No: D123-4567-8901", "Driver's License No: <driving-licence>"),
        ("führerschein=B072RRE2I55", "führerschein=<driving-licence>"),
        ("rijbewijsnummer: 5123456789", "rijbewijsnummer: <driving-licence>"),
        ('{"passaporto": "YA7654321"}', '{"passaporto": "<passport>"}'),
        ("personalausweis T22000129 abgelaufen", "personalausweis <national-id> abgelaufen"),
        ("customer.national_id = 'K 1234 5678'", "customer.national_id = '<national-id>'"),
        ("CURP: GOMA800101HDFRRN09", "CURP: <national-id>"),
        ("rut 7.654.321-K verificado", "rut <national-id> verificado"),
        ("fødselsnummer 01017012345", "fødselsnummer <national-id>"),
        ("身份证号码：11010519491231002X", "身份证号码：<national-id>"),  # noqa: RUF001
        ("Taxpayer ID 12-3456789 on file", "Taxpayer ID <tax-id> on file"),
        ("steuernummer => 21/815/08150", "steuernummer => <tax-id>"),
        ("insurance_no: XQZ 2044 1187 3", "insurance_no: <health-id>"),
        (
            "medicare_beneficiary_identifier 3QX7-WE2-RT19",
            "medicare_beneficiary_identifier <health-id>",
        ),
        ("imei=490154203237518,model=x", "imei=<device-id>,model=x"),
        ('"term":{"tckn":{"value":"10000000146"}}', '"term":{"tckn":{"value":"<national-id>"}}'),
        (
            '  ["cedula"]=>\n  string(13) "1.023.456.789"',
            '  ["cedula"]=>\n  string(13) "<national-id>"',
        ),
        ("swipe %B4000001234567899^SMITH/JOHN^29011010000000000? ok", "swipe <card> ok"),
    ],
)
def test_document_numbers_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A number right after a word naming its document is redacted with the document's type."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "license: CC-BY-4.0",  # a software licence, not a driving licence
        "License: GPL-3.0-or-later",
        "pps=150000 drops=0",  # a packet rate after a three-letter word
        "rfc 9110 section 15",  # too few digits
        "ein Fehler 12345678 trat auf",  # German "ein" is followed by a word
        "identity provider 2 of 3",
        "insurance: pending review 2026",
        "tin can 123",
        "imei: unavailable",
        "national_id_verified=true since 2026-12-05",
        "passaporto scaduto il 12/01/2027",
        "track %B4000001234567898^SMITH/JOHN^2901101? bad",  # fails Luhn
        "ohip claims 1234 of 5678 settled",
    ],
)
def test_near_misses_stay(anonymizer: Anonymizer, text: str) -> None:
    """Numbers too short, lower case, with no digits or followed by words stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CEF custom fields: the label names the value of its numbered field, in either kind.
        (
            "CEF:0|Okta|SSO|1|9|login|3|cn1Label=attempts cn1=3 cs4Label=passportNo cs4=X4412309 end=1",
            "CEF:0|Okta|SSO|1|9|login|3|cn1Label=attempts cn1=3 cs4Label=passportNo cs4=<passport> end=1",
        ),
        (
            "CEF:0|V|P|1|7|push|5|cs6Label=deployToken cn1=3 cs6=3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c act=push",
            "CEF:0|V|P|1|7|push|5|cs6Label=deployToken cn1=3 cs6=<redacted:token> act=push",
        ),
        # pdftk's field dump: the value some lines below its name.
        (
            "FieldName: Employer Identification Number\nFieldNameAlt: EIN\nFieldValue: 98-7654321",
            "FieldName: Employer Identification Number\nFieldNameAlt: EIN\nFieldValue: <tax-id>",
        ),
        # A SAML attribute named by a claim URI; Windows event data.
        (
            '<saml2:Attribute Name="http://acme.example/claims/nationalId">'
            "<saml2:AttributeValue>K 1234 5678</saml2:AttributeValue></saml2:Attribute>",
            '<saml2:Attribute Name="http://acme.example/claims/nationalId">'
            "<saml2:AttributeValue><national-id></saml2:AttributeValue></saml2:Attribute>",
        ),
        (
            '<Data Name="ServicePassword">Tr0ub4dor-x9</Data>',
            '<Data Name="ServicePassword"><redacted:password></Data>',
        ),
    ],
)
def test_values_paired_with_their_names_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A value in the slot a format pairs with its name is judged as if right after the name."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "cs1Label=requestId cs1=AB12CD34EF56 cs2Label=fiscalYear cs2=2026",
        "FieldName: licence_plate\nFieldValue: on file",
        '<Data Name="ProcessId">12345678</Data><Data Name="LogonType">3</Data>',
        '<saml:Attribute Name="role"><saml:AttributeValue>admin-2026</saml:AttributeValue></saml:Attribute>',
    ],
)
def test_paired_values_of_other_names_stay(anonymizer: Anonymizer, text: str) -> None:
    """Values paired with names that name no secret and no document stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontonummer 0532013000, BLZ folgt", "Kontonummer <bank-account>, BLZ folgt"),
        ("numéro de compte : 00012345678 (agence 0042)", "numéro de compte : <bank-account> (agence 0042)"),
        ("número de cuenta: 0049 1500 05 1234567890", "número de cuenta: <bank-account>"),
        ('{"rekeningnummer": "417164300"}', '{"rekeningnummer": "<bank-account>"}'),
        ("koza_bango=123-4567890", "koza_bango=<bank-account>"),
        ("số tài khoản 0071000123456 tại Vietcombank", "số tài khoản <bank-account> tại Vietcombank"),
        ("A/c No. 50100234567891 IFSC HDFC0001234", "A/c No. <bank-account> IFSC HDFC0001234"),
        ("accountNumber: 00412277", "accountNumber: <bank-account>"),
        ("Konto - Nr :  20041133", "Konto - Nr :  <bank-account>"),
        ("NOTE:Bankverbindung 12-3456-7890123-00", "NOTE:Bankverbindung <bank-account>"),
        # a form-encoded value: ``+`` is a blank
        ("name=li&acct_no=40-12-77+51930862&lang=en", "name=li&acct_no=<bank-account>&lang=en"),
    ],
)  # fmt: skip
def test_bank_account_numbers_after_their_words_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A number after a word that says bank account (in any language or key spelling) goes."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "acct no. 42 is closed",  # too few digits
        "A/C unit 2 of 3 failed",
        "account number: unknown",
        "Kontonummer: siehe Anhang",
        "account #: 12345",
        "c/c 1.5 ml",
        "acct_no=40+12&lang=en",  # too few digits, in a form too
    ],
)
def test_bank_account_near_misses_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
