"""More personal numbers: national ids with their checks, and phone/card/IBAN numbers under a key."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, personal_ids, rules
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS No: 943 476 5919 (GP surgery)", "NHS No: <national-id> (GP surgery)"),
        ('{"nhs_number": "9434765919"}', '{"nhs_number": "<national-id>"}'),
        ("customer.setTaxFileNumber('123 456 782')", "customer.setTaxFileNumber('<national-id>')"),
        ("SIN: 130-692-544", "SIN: <national-id>"),
        ("medicare_card_number=2123 45670 1", "medicare_card_number=<national-id>"),
        ("PESEL 44051401359", "PESEL <national-id>"),
        ("Steuer-ID: 86 095 742 719", "Steuer-ID: <national-id>"),
        ("ИНН 7707083893", "ИНН <national-id>"),
        ("pan_card_no => ABCPE1234F", "pan_card_no => <national-id>"),
        ("taxpayer-itin=912-70-1234", "taxpayer-itin=<national-id>"),
        ("sin=130%20692%20544&plan=basic", "sin=<national-id>&plan=basic"),
        # Bare shapes that say what they are.
        ("refund for RSSMRA85T10A562S approved", "refund for <national-id> approved"),
        ("<- [S1234567D]", "<- [<national-id>]"),
        ("ITIN holder 912-70-1234 flagged", "ITIN holder <national-id> flagged"),
        ("snils 112-233-445 95", "snils <national-id>"),
        ("id 990524-2807301 matched", "id <national-id> matched"),
        ("henkilö 131052-308T", "henkilö <national-id>"),
        ("<- [Y8342639R]", "<- [<national-id>]"),
        # France's NIR (mod 97 key) and South Africa's identity number (a date, Luhn).
        ("numeroSecuriteSociale: 1 85 05 78 006 084 91", "numeroSecuriteSociale: <national-id>"),
        ("assure.numeroInsee = '290112A00412351'", "assure.numeroInsee = '<national-id>'"),
        ("customer.idNumber = '9307125126086'", "customer.idNumber = '<national-id>'"),
        ("RSA ID: 850228 0347 185", "RSA ID: <national-id>"),
    ],
)
def test_national_ids_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A national id after its word, or in a shape that says what it is, is redacted."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NHS No: 943 476 5918 (GP surgery)",  # fails mod 11
        "sin(0.5) = 0.479, cos = 130692544",  # no word before it
        "since 130692544 requests",
        "PAN ABCXE1234F",  # not a PAN's fourth letter
        "order RSSMRA85T10A562T shipped",  # wrong check letter
        "build 990524-2807302",  # wrong check digit
        "T1234567A is a part number",  # wrong check letter
        "X1234567A is a part number",  # wrong check letter
        "innodb_buffer_pool_size=7707083893",  # innodb is no INN
        "finally 130692544",
        "numeroSecuriteSociale: 1 85 05 78 006 084 92",  # wrong key
        "id number 9307125126087 (wrong Luhn)",
        "order id_number=9313125126086",  # month 13
        "id_number: 4006381333931",  # an EAN-13, not a date
        "numeroInsee = '290112A00412352'",  # wrong key
    ],
)
def test_near_misses_stay(anonymizer: Anonymizer, text: str) -> None:
    """Numbers that fail their check, or have no word, stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("contactPhone=+49 30 90182374", "contactPhone=<phone>"),
        ("MobileNo:0171 2855101 ok", "MobileNo:<phone> ok"),
        ("{'telefone' => '(11) 98765-4321'}", "{'telefone' => '<phone>'}"),
        ("caller=x&msisdn=%2B447911123456", "caller=x&msisdn=<phone>"),
        ("q?from=%2B14155552671&to=me", "q?from=<phone>&to=me"),
        ("CALLER_ID=+14155552671 ./dial", "CALLER_ID=<phone> ./dial"),
        ("route{from:+447911123456}", "route{from:<phone>}"),
        ("CreditCard:4111111111111111 exp 12/29", "CreditCard:<card> exp 12/29"),
        ("card_no=4111-1111-1111-1111&cvv=", "card_no=<card>&cvv="),
        ("payment_card=4111%201111%201111%201111", "payment_card=<card>"),
        ("bankIban=DE89370400440532013000;", "bankIban=<iban>;"),
        ("iban=GB82%20WEST%201234%205698%207654%2032", "iban=<iban>"),
        ("cfg={Iban:GB82 WEST 1234 5698 7654 32 Timeout:30s}", "cfg={Iban:<iban> Timeout:30s}"),
        ("cfg={Iban:ES9121000418450200051332 Region:eu}", "cfg={Iban:<iban> Region:eu}"),
        ("Telefonnummer: 030 90182374", "Telefonnummer: <phone>"),
        ("numero_de_telefono=91 123 45 67", "numero_de_telefono=<phone>"),
        ("顧客の電話番号：090-1401-4606", "顧客の電話番号：<phone>"),  # noqa: RUF001
        ("телефон: 8 (495) 123-45-67", "телефон: <phone>"),
        ("Kreditkarte:4111 1111 1111 1111", "Kreditkarte:<card>"),
        ("tarjeta=4111-1111-1111-1111", "tarjeta=<card>"),
        (
            "gradle deploy -PcreditCardNumber=4111111111111111",
            "gradle deploy -PcreditCardNumber=<card>",
        ),
        (
            "java -Dcustomer.phone.number=030 90182374 -jar",
            "java -Dcustomer.phone.number=<phone> -jar",
        ),
    ],
)
def test_keyed_numbers_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A phone, card or IBAN number right after a key naming it is redacted, URL-encoded too."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "microphone=12345678901",  # phone inside a word
        "iPhone:15",
        "cards=4111111111111112",  # fails Luhn
        "card_id=1234567890123456",  # not a card's prefix
        "iban=DE88370400440532013000",  # fails mod 97
        "q?n=%2B104857600",  # a size delta: 9 digits, no separator
        "delta=+1048576000 bytes",  # 10 digits after =: a number, not a phone
        "seq:+141555526710000001",  # too many digits
        "telemetry=4155552671",
    ],
)
def test_keyed_near_misses_stay(anonymizer: Anonymizer, text: str) -> None:
    """Numbers that fail their kind's check, or keys inside other words, stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '  ["contact_phone"]=>\n  string(12) "030 90182374"',
            '  ["contact_phone"]=>\n  string(12) "<phone>"',
        ),
        (
            '  ["nhsNumber"]=>\n  string(10) "9434765919"',
            '  ["nhsNumber"]=>\n  string(10) "<national-id>"',
        ),
        (  # an object's property, Windows line breaks: read as ``evaluated`` reads secrets
            '  ["nhsNumber":protected]=>\r\n  string(10) "9434765919"',
            '  ["nhsNumber":protected]=>\r\n  string(10) "<national-id>"',
        ),
        (
            '  ["phone":"App\\Contact":private]=>\n  string(12)  "030 90182374"',
            '  ["phone":"App\\Contact":private]=>\n  string(12)  "<phone>"',
        ),
    ],
)
def test_a_var_dump_value_is_under_its_key(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """PHP's var_dump puts the value a line below its key, after ``string(N)``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "caller read 943 476 5919 as her NHS number",
            "caller read <national-id> as her NHS number",
        ),
        ("44051401359 (PESEL) confirmed", "<national-id> (PESEL) confirmed"),
        ("86095742719 is the Steuer-ID on file", "<national-id> is the Steuer-ID on file"),
        ("943 476 5918 as her NHS number", "943 476 5918 as her NHS number"),  # fails mod 11
        (
            "44051401359 rows in the pesel_import table",
            "44051401359 rows in the pesel_import table",
        ),
    ],
)
def test_a_national_id_before_its_word(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A checked number followed within two words by its kind's word is redacted."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("patient.setSsn('123456789')", "patient.setSsn('<national-id>')"),
        ("gave 123 45 6789 as their SSN", "gave <national-id> as their SSN"),
        ("clienteCpf: 52998224725", "clienteCpf: <national-id>"),
        ("12345678Z is the DNI on file", "<national-id> is the DNI on file"),
    ],
)
def test_every_country_is_read_the_same_ways(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The ids that came first (SSN, CPF, DNI…) are in the same table as the later ones, so they
    are read in the same ways: after a camelCase key, or with their word after them."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST /order billing_phone=0049+89+2107+6634&zip=80331",
            "POST /order billing_phone=<phone>&zip=80331",
        ),
        ("payer%5Biban%5D=at61+1904+3002+3457+3201&amount=12", "payer%5Biban%5D=<iban>&amount=12"),
        ("card%5Bnumber%5D=5425+2334+3010+9903&cvc=1", "card%5Bnumber%5D=<card>&cvc=1"),
        ("To=tel%3A%2B447911123456&x=1", "To=tel%3A<phone>&x=1"),
        # Decoded (``escaped``), the user and host are one address, as ``sip:<email>`` in plain text.
        ("From=sip%3A%2B447911123456%40pbx.example", "From=sip%3A<phone>"),
    ],
)
def test_a_form_body_is_read_as_a_form(text: str, expected: str, use_re2: bool) -> None:
    """In a URL-encoded form a ``+`` between groups is a blank, a bracketed key
    (``card%5Bnumber%5D``) names its value, and ``%3A%2B`` opens an encoded ``sip:``/``tel:`` number."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "q=cats+1234+5678&page=2",  # no key naming a number
        "card%5Bnumber%5D=5425+2334+3010+9904&x=1",  # fails Luhn
        "tag%5Biban%5D=at61+1904+3002+3457+3202",  # fails mod 97
        "phone=12+34&id=7",  # too few digits for a phone
    ],
)
def test_form_near_misses_stay(text: str) -> None:
    """Without a key naming the kind, or failing its check, a form value stays."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=False)
    assert anonymizer.anonymize(text) == text


NATIONAL = personal_ids.national_ids()[0]


@pytest.mark.parametrize(
    "text",
    [
        "sozialversicherung: 12 150385 m 024; ssn 078-05-1120",
        "the patient's pan is abcpe1234k, fin s1234567d",
        "insee 1 85 05 78 006 084 36 and rrn 900101-1234567",
        "938-47-6541 was my social security number back then",
        "no word here 123-45-6789, spanish dinner at the inn",  # ``sin``, ``pan``, ``inn`` inside words
        "",
    ],
)
def test_a_national_id_pattern_runs_where_its_word_can_be_and_finds_the_same(text: str) -> None:
    """Each word-led or word-trailed pattern, run only where its word's literal heads occur, finds
    what it finds run everywhere."""
    for matcher in NATIONAL.matchers:
        everywhere = [match.span() for match in matcher.pattern.finditer(text)]
        found = matcher.matches(text)
        assert [match.span() for match in found] == everywhere


def test_a_national_id_pattern_without_its_word_is_not_run() -> None:
    """A text without ``ssn`` or ``social``: the SSN patterns are not searched at all."""
    ssn = [m for m in NATIONAL.matchers if m.find is not None and "ssn|social" in m.pattern.pattern]
    assert len(ssn) == 2  # the number after its word, and before it
    searched = []

    class Counting(rules.Lazy):
        def finditer(self, text: str, position: int = 0) -> Iterator[re.Match[str]]:
            searched.append(text)
            return super().finditer(text, position)

    find = personal_ids.with_word("ssn|social[ _-]?security", Counting("ssn"))
    assert find is not None
    assert list(find("078-05-1120 and nothing else")) == []
    assert searched == []
    assert [m.span() for m in find("ssn 078")] == [(0, 3)]
    assert searched == ["ssn 078"]
    assert personal_ids.with_word("(?:taxpayer[ _-]?)?itin", Counting("itin")) is None
