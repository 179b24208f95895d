"""Personal numbers: phones, payment cards and IBANs become typed placeholders; near misses stay."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE, found
from tests.anonymize.conftest import in_mode as anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call +1 415 555 2671 today", "call <phone> today"),
        ("phone: (415) 555-2671", "phone: <phone>"),
        ("Tél: 06 12 34 56 78", "Tél: <phone>"),
        ("card 4111 1111 1111 1111 on file", "card <card> on file"),
        ("IBAN DE89 3704 0044 0532 0130 00", "IBAN <iban>"),
        ("pay to GB82WEST12345698765432", "pay to <iban>"),
    ],
)
def test_personal_numbers_are_redacted(text: str, expected: str) -> None:
    """Phone numbers, payment cards and IBANs become typed placeholders."""
    assert anonymizer(False).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112 on file",  # fails Luhn
        "IBAN DE88 3704 0044 0532 0130 00",  # fails mod 97
        "version 1.415.555.2671",
        "2026-01-15 12:30:45 +0000",
    ],
)
def test_numbers_that_fail_their_checks_stay(text: str) -> None:
    """A number that fails Luhn or mod 97, a version or a timestamp is left alone."""
    assert anonymizer(False).anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "size +104857600 bytes",  # a size delta: no separators and under 10 digits after +
        "ratio +1.23456789",  # one dot alone makes a decimal
        "version 415-555-2671x",  # touched by a word character
        "build 1415-555-2671",  # a longer digit run
        "card 4111 11111 111 1111",  # a valid card number, grouped unevenly
    ],
)
def test_shapes_that_are_not_numbers_of_a_person_stay(text: str) -> None:
    """Sizes, decimals, numbers touching words or longer runs, unevenly grouped digits stay."""
    assert anonymizer().anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phone: 555 2671 99", "phone: <phone>"),
        ("tel 030 1234567", "tel <phone>"),
        ("+14155552671", "<phone>"),
        ("reach me at 415-555-2671.", "reach me at <phone>."),
    ],
)
def test_numbers_after_a_phone_word_or_with_a_plus_are_phones(text: str, expected: str) -> None:
    """A phone word introduces 7 to 15 digits; ``+`` and 10 digits are international."""
    assert anonymizer().anonymize(text) == expected


def test_personal_numbers_are_no_scan_findings() -> None:
    """A phone, a card or an IBAN is personal data, not a secret: scan finds nothing."""
    text = "call +1 415 555 2671, card 4111 1111 1111 1111, IBAN DE89370400440532013000"
    assert found(anonymizer(), text) == []
    assert anonymizer().anonymize(text) == "call <phone>, card <card>, IBAN <iban>"


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("applicant SSN: 298-62-4549, DOB on file", "applicant SSN: <national-id>, DOB on file"),
        ('{"ssn": "298624549"}', '{"ssn": "<national-id>"}'),
        ("Social Security Number 298 62 4549", "Social Security Number <national-id>"),
        ("ticket 298-62-4549 closed", "ticket <national-id> closed"),
        ("CPF do cliente: 529.982.247-25", "CPF do cliente: <national-id>"),
        ("conta 529.982.247-25 ativa", "conta <national-id> ativa"),
        ('{"cpf": "52998224725"}', '{"cpf": "<national-id>"}'),
        ("DNI 12345678Z – titular", "DNI <national-id> – titular"),  # noqa: RUF001
        ("nie: X1234567L", "nie: <national-id>"),
        ("BSN 111222333 gekoppeld", "BSN <national-id> gekoppeld"),
        ("burgerservicenummer=111222333", "burgerservicenummer=<national-id>"),
        ("NI number AB 12 34 56 C on payslip", "NI number <national-id> on payslip"),
        ("national_insurance_number=AB123456C", "national_insurance_number=<national-id>"),
        ("Aadhaar: 2345 6789 0123", "Aadhaar: <national-id>"),
        ("aadhaar_no=234567890123 verified", "aadhaar_no=<national-id> verified"),
        ("passport no. C01X00T47, expires 2031", "passport no. <passport>, expires 2031"),
        ("passportNumber: Q30424100", "passportNumber: <passport>"),
        ("ACH: routing 021000021 account 9173023956", "ACH: routing 021000021 account <bank-account>"),
        ("account_number=4040109834&routing_number=011000015", "account_number=<bank-account>&routing_number=011000015"),
        ("bank account no. 12-3456-7890123", "bank account no. <bank-account>"),
        # an account word of six languages beside a routing code: BSB, transit, IFSC, agência
        ("BSB 062-000 acc 10293847", "BSB 062-000 acc <bank-account>"),
        ("transit 00012, institution 004, account 7654321", "transit 00012, institution 004, account <bank-account>"),
        ("IFSC ICIC0001234 rekening: 001201554321", "IFSC ICIC0001234 rekening: <bank-account>"),
        ("agência 0001 conta 12345-6", "agência 0001 conta <bank-account>"),
        ("S/C 40-47-84 compte 71234567", "S/C 40-47-84 compte <bank-account>"),
        ('"bank_account": {"account": "4012 8877 6655"}', '"bank_account": {"account": "<bank-account>"}'),
        ("patient born 02.01.1975, MRN 00231", "patient born <birth-date>, MRN 00231"),
        ('{"dob": "05/17/1961"}', '{"dob": "<birth-date>"}'),
        ("date_of_birth=1984-03-02", "date_of_birth=<birth-date>"),
    ],
)  # fmt: skip
def test_national_ids_and_numbers_after_their_words_are_redacted(
    text: str, expected: str, use_re2: bool
) -> None:
    """A national id passing its check, a passport, bank account or birth date after its word."""
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "SSN 000-12-3456",  # area 000
        "ticket 900-12-3456 closed",  # area 9xx, no word
        "ticket 298-00-4549 closed",  # group 00
        "build 1.298-62-4549",  # touched by a dot
        "id 298624549 assigned",  # 9 digits, no word
        "CPF 529.982.247-26",  # second check digit wrong
        "order 529.982.247-26 shipped",
        "DNI 12345678A",  # wrong check letter
        "BSN 111222334",  # fails the 11-test
        "NINO GB 12 34 56 A",  # GB is no prefix
        "NI number QQ 12 34 56 C",  # Q starts none
        "Aadhaar 1234 5678 9012",  # starts with 1
        "AWS account 123456789012 in us-east-1",  # no bank word
        "account_id=123456789012 routing",  # an id, not an account number
        "konto 12345678 gesperrt",  # no bank word
        "transit 2026 acc 0.987654",  # no account number
        "passport 0.6.0 installed",
        "passport-local 1.0.0, passport-jwt 4.0.1",
        "passport strategy jwt-12345",
        "born 2026-13-45",  # no such day
        "the project was born in 2019",
        "dob 12345",
        "nie wieder 12345678",  # German "never"; no check letter
    ],
)
def test_numbers_without_their_word_or_check_stay(text: str, use_re2: bool) -> None:
    """Ids failing their check, plain numbers, versions and account ids without a bank stay."""
    assert anonymizer(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    "before", ["", " ", "\n", "(", "é", "\u0661", "x", "7", "-", "=", "/", "#"]
)
@pytest.mark.parametrize(
    "number", ["4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004"]
)
def test_a_card_is_judged_alike_by_the_rules_set_and_triggers(before: str, number: str) -> None:
    """The card gate (a card that nothing of ``NOT_AFTER`` touches) lets the RE2 set pass every card
    the rule takes: each character before it gives what the keyword triggers give."""
    text = f"paid with {before}{number} today"
    paths = [
        Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0).anonymize(text)
        for use_re2 in (True, False)
    ]
    assert paths[0] == paths[1]
    assert ("<card>" in paths[0]) == (before in ("", " ", "\n", "(", "é", "\u0661"))
    batch = ["an order", f"{before}{number} today"]  # the set reads them joined by a line break
    batches = [
        Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0).anonymize_many(batch)
        for use_re2 in (True, False)
    ]
    assert batches[0] == batches[1]


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("оплата картой 2203 6018 1590 8302 прошла", "оплата картой <card> прошла"),
        ("Troy 9792613186091396 reddedildi", "Troy <card> reddedildi"),
        ("kart: 9792-6131-8609-1396.", "kart: <card>."),
    ],
)
def test_mir_and_troy_cards_are_redacted(text: str, expected: str, use_re2: bool) -> None:
    """Mir (2200-2204) and Troy (9792) cards of 16 digits that pass Luhn are cards."""
    assert anonymizer(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    ["id 2203 6018 1590 8303 x", "9792613186091397", "build 2205601815908302", "97926131860913"],
)
def test_mir_and_troy_near_misses_stay(text: str) -> None:
    """A failed Luhn, a range that is no card's, or a wrong length stays."""
    assert anonymizer(False).anonymize(text) == text
