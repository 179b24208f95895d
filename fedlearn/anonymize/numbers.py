"""Personal numbers as rules (DESIGN.md guarantee 1): phones, payment cards, IBANs, national ids.

Each is redacted to a typed placeholder (``<phone>``, ``<card>``, ``<iban>``, ``<national-id>``,
``<passport>``, ``<bank-account>``, ``<birth-date>``) but is not a ``scan`` finding. The patterns
find the shapes; the checks keep dates, versions, ports and ids out: a card number must pass Luhn
and start like a card of its length, an IBAN must have its country's length and pass mod 97, and a
phone number without ``+`` needs the North American shape or a word such as ``phone`` or ``tel``
before it. A national id after its word is ``personal_ids``' (one table of every country's
words, shapes and checks); here are only two shapes that say what they are alone: ``123-45-6789``
(SSN rules) and ``123.456.789-09`` (CPF check digits). A passport number,
a bank account number and a date of birth have no check digit: each needs its word right before
it, and a bank account a bank word (``routing``, ``bank``, ``IBAN``…) near it as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fedlearn.anonymize import bound, check_digits, fiction, heads, ibans, public_formats
from fedlearn.anonymize.rules import Judge, Lazy, Matcher, Rule, Trigger, personal

NOT_AFTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+.-/:#=")
# IBAN lengths by country (the registry's: ``ibans``).
IBAN_LENGTHS = ibans.LENGTHS
PHONE_WORDS = ("phone", "tel", "mobile", "cell", "fax", "whatsapp", "sms", "handy", "mobil", "tél")
# The words themselves, spelled out: a phone word followed by any letters (telemetry, cells,
# telnet) would introduce every number after it.
PHONE_WORD = (
    r"(?:phones?|tel(?:ephones?|efon|efono)?|mobiles?|mobil|cell(?:phones?|ular)?|fax"
    r"|whatsapp|sms|handy|tél(?:éphone)?)"
)


def is_free(text: str, start: int, end: int) -> bool:
    """Return whether the span stands alone: no word, digit or joining character touches it."""
    if start > 0 and text[start - 1] in NOT_AFTER:
        return False
    return ends_free(text, end)


def ends_free(text: str, end: int) -> bool:
    """Return whether no word, digit or joining character follows ``end``."""
    return end == len(text) or not (
        text[end].isalnum()
        or text[end] in "_-/"
        or (text[end] in ".:" and text[end + 1 : end + 2].isdigit())
    )


def digits_of(value: str) -> str:
    """Return the digits of ``value``."""
    return "".join(c for c in value if c.isdigit())


def international(match: re.Match[str], text: str) -> bool:
    """
    Return whether ``+…`` is a phone number: 8 to 15 digits, standing alone.

    A run without separators needs 10 digits (``+14155552671``; ``+104857600`` is a size delta),
    and one dot alone makes a decimal (``+1.23456789``), not a phone number.
    """
    value = match.group()
    count = len(digits_of(value))
    separators = [c for c in value if not c.isdigit() and c != "+"]
    if separators == ["."] or (not separators and count < 10):
        return False
    if fiction.is_example_phone(text, match.start(), digits_of(value)):
        return False  # ``Example phone: +1 555 0100``
    return 8 <= count <= 15 and is_free(text, match.start(), match.end())


def north_american(match: re.Match[str], text: str) -> bool:
    """Return whether ``(415) 555-2671`` or ``415-555-2671`` stands alone, no example's
    (``fiction``)."""
    if fiction.is_example_phone(text, match.start(), digits_of(match.group())):
        return False
    return is_free(text, match.start(), match.end())


def introduced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the number after ``phone``/``tel``… when it has 7 to 15 digits, or None."""
    start, end = match.span("value")
    digits = digits_of(match.group("value"))
    if not 7 <= len(digits) <= 15 or not is_free(text, start, end):
        return None
    if fiction.is_example_phone(text, start, digits):
        return None
    return start, end, ""


def is_card_prefix(number: str) -> bool:
    """Return whether ``number`` starts like a payment card of its length."""
    size, two, four = len(number), int(number[:2]), int(number[:4])
    if number[0] == "4":
        return size in (13, 16, 19)
    if number[0] == "3":
        return (two in (34, 37) and size == 15) or (two in (30, 36, 38, 39, 35) and size >= 14)
    if number[0] == "5":
        return (51 <= two <= 55 and size == 16) or (two in (50, 56, 57, 58, 59) and size >= 13)
    if number[0] == "2":  # Mastercard's 2-series, Mir's 2200-2204
        return (2221 <= four <= 2720 or 2200 <= four <= 2204) and size == 16
    if number[0] == "9":  # Troy
        return four == 9792 and size == 16
    return number[0] == "6" and size >= 13


def card(match: re.Match[str], text: str) -> bool:
    """Return whether the digits are a card number: grouped evenly, card prefix, Luhn."""
    value = match.group()
    number = digits_of(value)
    separators = {c for c in value if not c.isdigit()}
    if not 13 <= len(number) <= 19 or len(separators) > 1:
        return False
    if separators and not re.fullmatch(
        r"[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}",
        value,
    ):
        return False
    if not (is_card_prefix(number) and check_digits.is_luhn(number)):
        return False
    if fiction.is_example_card(text, match.start(), number):
        return False  # ``Stripe test cards: 4242 4242 4242 4242``
    return is_free(text, *match.span()) and not public_formats.is_counted(text, match.start())


def iban(match: re.Match[str], text: str) -> bool:
    """Return whether the match is an IBAN: its country's length, mod 97, standing alone."""
    value = match.group().replace(" ", "")
    if IBAN_LENGTHS.get(value[:2]) != len(value):
        return False
    return check_digits.is_iban(value) and is_free(text, *match.span())


# A national id's word (lower case), an optional ``number``/``no``/``#`` after it, then up to a few
# characters and two short words (``CPF do cliente: …``) before the number.
ID_SUFFIX = r"(?:[ _.-]?(?:numbers?|num|nos?|nr|ids?|card|#))?(?![a-z])"
ID_GAP = r"[^0-9a-z\n]{0,6}?(?:[a-z]{1,10}[^0-9a-z\n]{1,4}?){0,2}?"
PASSPORT_WORDS = ("passport", "passeport", "pasaporte", "reisepass")
BANK_WORDS = ("acc", "konto", "conta", "conto", "cuenta", "compte", "rekening")
# The account words of ``BANK_WORDS`` in English, German and Scandinavian, Portuguese, Italian,
# Spanish, French and Dutch, and the account number after one: digits, maybe in groups.
ACCOUNT_WORDS = r"acc(?:oun)?t|acc|konto|conta|conto|cuenta|compte|rekening"
ACCOUNT_NUMBER = r"[0-9](?:[0-9]|[ -](?=[0-9])){5,26}"
# Words of banking and the codes that route to a bank, whose account an account word names: a
# US routing number, a UK sort code (``S/C``), an Australian BSB, a Canadian transit and
# institution number, an Indian IFSC, a Brazilian agência, a Mexican CLABE, a German BLZ.
BANK_CONTEXT = Lazy(
    r"(?<![a-z])(?:bank(?:ing)?|routing|ach|aba|iban|swift|bic|sort[ _-]?code|checking|savings"
    r"|wire|bankleitzahl|blz|s/c|bsb|ifsc|transit|institution|ag[eê]ncia|clabe)(?![a-z])"
)
BIRTH_WORDS = ("dob", "d.o.b", "birth", "born", "geburtsdatum", "geboren")
BIRTH_DATE = Lazy(
    r"(?:(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
    r"|(?P<a>[0-9]{1,2})(?P<s>[./-])(?P<b>[0-9]{1,2})(?P=s)(?P<year>[0-9]{4}))"
)


# After an account or passport word only its own ``number``/``no`` and a few characters.
NUMBER_SUFFIX = r"(?:[ _.-]?(?:numbers?|num|nos?|nr|#))?(?![a-z])"
NUMBER_GAP = r"[^0-9a-z\n]{0,6}?"


def led(words: str, value: str, suffix: str = ID_SUFFIX, gap: str = ID_GAP) -> Lazy:
    """Return the pattern of a number ``value`` right after one of ``words`` (lower case)."""
    return Lazy(rf"{heads.behind_first('[a-z0-9]', words)}{suffix}{gap}(?P<value>{value})")


def word_gate(words: str, suffixes: str) -> str:
    """
    Return the RE2 gate of ``led(words, …)``: a word, then no letter but where a suffix starts
    (``suffixes``: ``nu|no``…), so ``denied`` and ``accounts`` do not pass for ``nie``, ``account``.
    """
    return rf"(?i:{words})(?:[^a-zA-Z]|$|(?i:{suffixes}))"


def stands_alone(text: str, start: int, end: int) -> bool:
    """Return whether a number after a word stands alone (``=``, ``:`` and quotes may touch it)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-/+"):
        return False
    return ends_free(text, end)


def bare_id(size: int, check: Callable[[str], bool]) -> Judge:
    """Return a judge of a bare shape whose match starts ``size`` digits into the number."""

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start, end = match.start() - size, match.end()
        if not is_free(text, start, end):
            return None
        return (start, end, "") if check(digits_of(text[start:end])) else None

    return judge


def passport(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a passport number after its word: 6 to 9 capitals and digits, 5 digits or more."""
    start, end = match.span("value")
    value = text[start:end]
    if len(digits_of(value)) < 5 or value != value.upper() or not stands_alone(text, start, end):
        return None
    return start, end, ""


def bank_account(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return an account number after its word when a bank word is within 60 characters."""
    start, end = match.span("value")
    if not 6 <= len(digits_of(match.group("value"))) <= 20 or not stands_alone(text, start, end):
        return None
    window = text[max(0, match.start() - 60) : end + 60].lower()
    return (start, end, "") if BANK_CONTEXT.search(window) else None


def birth_date(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a date of birth after its word: a real day of a year from 1900 to 2099."""
    start, end = match.span("value")
    date = BIRTH_DATE.fullmatch(match.group("value"))
    if date is None or not stands_alone(text, start, end):
        return None
    if date.group("y"):
        year, month, day = int(date.group("y")), int(date.group("m")), int(date.group("d"))
    else:
        year, first, second = int(date.group("year")), int(date.group("a")), int(date.group("b"))
        month, day = (second, first) if first > 12 else (first, second)
        if month > 12:
            month, day = day, month
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return start, end, ""


def identities() -> list[Rule]:
    """Return the rules for national id numbers, passport and bank account numbers, birth dates."""
    return [
        personal(
            "national-id",
            "<national-id>",
            Matcher(
                Lazy(r"-(?<=[0-9]{3}-)[0-9]{2}-[0-9]{4}"), judge=bare_id(3, check_digits.is_ssn)
            ),
            Matcher(
                Lazy(r"\.(?<=[0-9]{3}\.)[0-9]{3}\.[0-9]{3}-[0-9]{2}"),
                judge=bare_id(3, check_digits.is_cpf),
            ),
            gate=r"[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]\.[0-9]{3}\.[0-9]{3}-[0-9]",
            trigger=Trigger(
                patterns=(Lazy(r"-[0-9]{2}-[0-9]{4}"), Lazy(r"\.[0-9]{3}\.[0-9]{3}-")),
                lower=True,
            ),
            lower=True,
        ),
        personal(
            "passport",
            "<passport>",
            Matcher(
                led("|".join(PASSPORT_WORDS), "[a-z0-9]{6,9}", NUMBER_SUFFIX, NUMBER_GAP),
                judge=passport,
            ),
            gate="(?i:" + "|".join(PASSPORT_WORDS) + ")",
            trigger=Trigger(words=PASSPORT_WORDS, lower=True),
            lower=True,
        ),
        personal(
            "bank-account",
            "<bank-account>",
            Matcher(
                led(ACCOUNT_WORDS, ACCOUNT_NUMBER, NUMBER_SUFFIX, NUMBER_GAP),
                judge=bank_account,
            ),
            gate=word_gate(ACCOUNT_WORDS, "nu|no|nr"),
            trigger=Trigger(words=BANK_WORDS, lower=True),
            lower=True,
        ),
        personal(
            "birth-date",
            "<birth-date>",
            Matcher(
                led(
                    r"dob|d\.o\.b\.?|date[ _-]?of[ _-]?birth|birth[ _-]?(?:date|day)|born(?: on)?"
                    r"|geburtsdatum|geboren(?: am)?",
                    r"[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{2,4}",
                ),
                judge=birth_date,
            ),
            gate="(?i:dob|d\\.o\\.b|birth|born|geburtsdatum|geboren)",
            trigger=Trigger(words=BIRTH_WORDS, lower=True),
            lower=True,
        ),
    ]


def numbers() -> list[Rule]:
    """Return the rules for phone numbers, payment card numbers and IBANs (``bound``'s too)."""
    countries = tuple(IBAN_LENGTHS)
    return [
        personal(
            "iban",
            "<iban>",
            Matcher(
                Lazy(
                    "(?:"
                    + "|".join(countries)
                    + r")[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?"
                ),
                iban,
            ),
            # A country and its two check digits: a country code alone is any capital pair.
            gate="(?:" + "|".join(countries) + ")[0-9][0-9]",
            trigger=Trigger(words=countries),
        ),
        personal(
            "card",
            "<card>",
            Matcher(Lazy(r"(?:[2-6][0-9]{3}|9792)(?:[0-9]|[ -](?=[0-9])){9,18}[0-9]"), card),
            # What ``card`` accepts: 13 to 19 digits, or groups of four (or 4-6-5) with one kind
            # of separator: 9 digits in a row but for a separator after the 4th and the 8th, with
            # nothing of ``NOT_AFTER`` before (``is_free``). That start keeps the set's automaton
            # from following a card from every digit of every number (a third of its states).
            gate=r"(?:^|[^A-Za-z0-9_+./:#=-])(?:[2-6][0-9]{3}|9792)[ -]?[0-9]{4}[ -]?[0-9]",
            trigger=Trigger(
                patterns=(
                    *(Lazy(rf"{d}[0-9]{{3}}[ -]?[0-9]{{4}}") for d in "23456"),
                    Lazy(r"9792[ -]?[0-9]{4}"),
                )
            ),
        ),
        personal(
            "phone",
            "<phone>",
            # OCR'd text spaces its groups two blanks apart (``+43  676  405  4447``).
            Matcher(
                Lazy(r"\+[1-9][0-9]{0,3}(?:(?:[ .-]| {2})?\(?[0-9]{1,5}\)?){2,6}"), international
            ),
            Matcher(
                Lazy(r"(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}(?P<s>[-.]))[2-9][0-9]{2}[-.][0-9]{4}"),
                north_american,
            ),
            Matcher(
                Lazy(
                    heads.behind_first("[a-z]", PHONE_WORD) + r"\b[^0-9\n+]{0,20}?"
                    r"(?P<value>\+?\(?[0-9][0-9 ().-]{5,20}[0-9])"
                ),
                judge=introduced,
            ),
            # Every word, "tél" too: RE2 reads a non-ASCII text's UTF-8 (it was left to the triggers).
            gate=r"\+[1-9]|[0-9]{3}[-.][0-9]{4}|(?i:" + "|".join(PHONE_WORDS) + ")",
            trigger=Trigger(
                words=("+", *PHONE_WORDS),
                patterns=(Lazy(r"-[0-9]{4}"), Lazy(r"\.[0-9]{4}")),
                lower=True,
            ),
            lower=True,
        ),
        *bound.phones(),
    ]
