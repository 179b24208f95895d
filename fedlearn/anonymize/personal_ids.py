"""More personal numbers (DESIGN.md guarantee 1): national ids of more countries, and phone, card
and IBAN numbers under a key that names them.

Found missing by the held-out audit bench/audit16f. National ids, each after its word and passing
its check (as ``numbers.NATIONAL_IDS``): US ITIN, Canada SIN (Luhn), UK NHS number (mod 11),
Australia TFN (weighted mod 11) and Medicare number, Italy's codice fiscale (its check letter),
Poland PESEL, Singapore NRIC/FIN (its check letter), India PAN (no check: its word is needed),
Korea RRN, Finland HETU (mod 31), Russia INN (one or two check digits) and SNILS, Germany's
Steuer-ID (ISO 7064 mod 11,10). The shapes that say what they are alone are found without a
word: ``9XX-7X-XXXX`` (ITIN), ``XXX-XXX-XXX XX`` (SNILS), ``YYMMDD-SXXXXXX`` (RRN, a real date),
``DDMMYY-XXXC`` (HETU, a real date), ``S1234567D`` (NRIC) and the codice fiscale's 16 characters.

``numbers`` wants a number to stand alone, so ``iban=DE89…``, ``Mobile:+44 …`` and
``CardNumber:3812…`` were left: here a key naming the kind (``iban``, ``phone``, ``mobile``,
``celular``, ``tel``, ``fax``, ``card``, ``cc``, with ``number``/``no`` after it, in any of
snake, kebab or camel case) lets the value touch its ``=`` or ``:``. A value in a URL-encoded
form body (``%20`` between groups, ``%2B`` for ``+``) is decoded before it is checked, in both
kinds of rule.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable

from fedlearn.anonymize import checks, numbers
from fedlearn.anonymize.rules import Judge, Lazy, Matcher, Rule, Trigger, personal

# A separator between groups of digits: a blank, a dash or a URL-encoded blank, the same each time.
SEP = r"(?P<s>[ -]|%20|)"


def weighted(digits: str, weights: tuple[int, ...]) -> int:
    """Return the sum of the digits times their weights."""
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def is_itin(digits: str) -> bool:
    """Return whether 9 digits are a US ITIN: a 9, and a group of 50–65, 70–88, 90–92 or 94–99."""
    group = int(digits[3:5]) if len(digits) == 9 and digits.isdigit() else 0
    return digits[:1] == "9" and (50 <= group <= 65 or 70 <= group <= 88 or group in ITIN_HIGH)


ITIN_HIGH = frozenset({90, 91, 92, 94, 95, 96, 97, 98, 99})


def is_sin(digits: str) -> bool:
    """Return whether 9 digits are a Canadian SIN: Luhn, not starting with 0 or 8."""
    return len(digits) == 9 and digits[0] not in "08" and checks.is_luhn(digits)


def is_nhs(digits: str) -> bool:
    """Return whether 10 digits are a UK NHS number (mod 11 check digit)."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    check = 11 - weighted(digits[:9], (10, 9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if check == 11 else check) == int(digits[9])


def is_tfn(digits: str) -> bool:
    """Return whether 9 digits are an Australian tax file number (weighted sum, mod 11)."""
    if len(digits) != 9 or len(set(digits)) == 1:
        return False
    return weighted(digits, (1, 4, 3, 7, 5, 8, 6, 9, 10)) % 11 == 0


def is_medicare(digits: str) -> bool:
    """Return whether 10 or 11 digits are an Australian Medicare number (2–6, check digit)."""
    if len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    return weighted(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9)) % 10 == int(digits[8])


# The codice fiscale's odd-position values, by character (a digit as the letter at its place).
CF_FIRST = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)
CF_LETTERS = (*CF_FIRST, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)
CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", CF_FIRST + CF_LETTERS, strict=True))


def is_codice_fiscale(value: str) -> bool:
    """Return whether 16 characters are an Italian codice fiscale with its check letter."""
    if len(value) != 16 or not value.isalnum():
        return False
    total = 0
    for index, c in enumerate(value[:15]):
        total += CF_ODD[c] if index % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65)
    return chr(65 + total % 26) == value[15]


def is_pesel(digits: str) -> bool:
    """Return whether 11 digits are a Polish PESEL: a real month (century-coded), its check."""
    if len(digits) != 11 or not 1 <= int(digits[2:4]) % 20 <= 12 or not 1 <= int(digits[4:6]) <= 31:
        return False
    return (10 - weighted(digits[:10], (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10 == int(digits[10])


def is_nric(value: str) -> bool:
    """Return whether ``S1234567D`` is a Singapore NRIC/FIN (S, T, F, G) with its check letter."""
    if len(value) != 9 or value[0] not in "STFG" or not value[1:8].isdigit():
        return False
    total = weighted(value[1:8], (2, 7, 6, 5, 4, 3, 2)) + (4 if value[0] in "TG" else 0)
    table = "JZIHGFEDCBA" if value[0] in "ST" else "XWUTRQPNMLK"
    return table[total % 11] == value[8]


def is_pan(value: str) -> bool:
    """Return whether 10 characters are shaped like an Indian PAN (it has no check character)."""
    return bool(PAN.fullmatch(value))


PAN = Lazy(r"[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]")


def is_date(day: str, month: str) -> bool:
    """Return whether day and month (two digits each) can be a calendar day."""
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def is_rrn(digits: str) -> bool:
    """Return whether 13 digits are a Korean resident registration number: a date, its check."""
    if len(digits) != 13 or digits[6] not in "12345678" or not is_date(digits[4:6], digits[2:4]):
        return False
    check = (11 - weighted(digits[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)) % 11) % 10
    return check == int(digits[12])


HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def is_hetu(value: str) -> bool:
    """Return whether ``DDMMYY-NNNC`` (its ``-``/``+`` may be gone) is a Finnish identity code."""
    if len(value) == 10:
        value = value[:6] + "-" + value[6:]
    if len(value) != 11 or not (value[:6] + value[7:10]).isdigit() or value[6] not in HETU_SIGNS:
        return False
    return (
        is_date(value[:2], value[2:4])
        and HETU_CHECK[int(value[:6] + value[7:10]) % 31] == value[10]
    )


HETU_SIGNS = "-+ABCDEFUVWXY"


def is_inn(digits: str) -> bool:
    """Return whether 10 or 12 digits are a Russian INN with its check digit(s)."""
    weights = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    if len(digits) == 10:
        return weighted(digits[:9], weights[2:]) % 11 % 10 == int(digits[9])
    if len(digits) != 12:
        return False
    first = weighted(digits[:10], weights[1:]) % 11 % 10
    return first == int(digits[10]) and weighted(digits[:11], weights) % 11 % 10 == int(digits[11])


def is_snils(digits: str) -> bool:
    """Return whether 11 digits are a Russian SNILS with its two check digits."""
    if len(digits) != 11 or len(set(digits[:9])) == 1:
        return False
    total = weighted(digits[:9], (9, 8, 7, 6, 5, 4, 3, 2, 1))
    check = total if total < 100 else 0 if total in (100, 101) else total % 101 % 100
    return check == int(digits[9:])


def is_steuer_id(digits: str) -> bool:
    """Return whether 11 digits are a German Steuer-ID (ISO 7064 mod 11,10; no leading 0)."""
    if len(digits) != 11 or digits[0] == "0" or len(set(digits[:10])) > 9:
        return False
    product = 10
    for d in digits[:10]:
        total = (int(d) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[10])


# Each kind: its words (lower case), its number's shape (lower case), its check (upper case,
# letters and digits only, URL-decoded).
KINDS: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("(?:taxpayer[ _-]?)?itin", rf"9[0-9]{{2}}{SEP}[0-9]{{2}}(?P=s)[0-9]{{4}}", is_itin),
    ("sin|social[ _-]?insurance", rf"[0-9]{{3}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{3}}", is_sin),
    ("nhs", rf"[0-9]{{3}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{4}}", is_nhs),
    ("tfn|tax[ _-]?file", rf"[0-9]{{3}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{3}}", is_tfn),
    ("medicare", rf"[2-6][0-9]{{3}}{SEP}[0-9]{{5}}(?P=s)[0-9](?:(?P=s)[1-9])?", is_medicare),
    ("codice[ _-]?fiscale", r"[a-z]{6}[0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]", is_codice_fiscale),
    ("pesel", r"[0-9]{11}", is_pesel),
    ("nric|fin", r"[stfg][0-9]{7}[a-z]", is_nric),
    ("pan|permanent[ _-]?account", r"[a-z]{5}[0-9]{4}[a-z]", is_pan),
    ("rrn|resident[ _-]?registration", r"[0-9]{6}-?[1-8][0-9]{6}", is_rrn),
    ("hetu|henkil[oö]tunnus|personal[ _-]?identity[ _-]?code", r"[0-9]{6}[-+a-fu-y][0-9]{3}[0-9a-y]", is_hetu),
    ("inn|инн", r"[0-9]{12}|[0-9]{10}", is_inn),
    ("snils|снилс", rf"[0-9]{{3}}-?[0-9]{{3}}-?[0-9]{{3}}{SEP}[0-9]{{2}}", is_snils),
    ("steuer[ _-]?(?:id|identifikationsnummer)|idnr", rf"[0-9]{{2}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{3}}(?P=s)[0-9]{{3}}", is_steuer_id),
)  # fmt: skip
ID_WORDS = (
    "itin", "sin", "social", "nhs", "tfn", "tax", "medicare", "codice", "pesel", "nric", "fin",
    "pan", "permanent", "rrn", "resident", "hetu", "henkil", "personal", "inn", "инн", "snils",
    "снилс", "steuer", "idnr",
)  # fmt: skip
# Shapes that say what they are without a word (case as written): each with its check.
BARE: tuple[tuple[str, Callable[[str], bool]], ...] = (
    (r"9[0-9]{2}-(?:5[0-9]|6[0-5]|7[0-9]|8[0-8]|9[0-24-9])-[0-9]{4}", is_itin),
    (r"[0-9]{3}-[0-9]{3}-[0-9]{3}[ -][0-9]{2}", is_snils),
    (r"[0-9]{6}-[1-8][0-9]{6}", is_rrn),
    (r"[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]", is_hetu),
    (r"[STFG][0-9]{7}[A-Z]", is_nric),
    (r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]", is_codice_fiscale),
)  # fmt: skip


def plain(value: str) -> str:
    """Return a value URL-decoded, its letters and digits only, in upper case."""
    return "".join(c for c in urllib.parse.unquote(value) if c.isalnum()).upper()


def led(words: str, value: str) -> Lazy:
    """Return ``numbers.led`` without its look-behind: ``checked`` tests where the word starts."""
    gap = rf"(?:{numbers.ID_GAP}|{VAR_DUMP})"
    return Lazy(rf"(?:{words}){numbers.ID_SUFFIX}{gap}(?P<value>{value})")


def checked(check: Callable[[str], bool]) -> Judge:
    """Return a judge of a number after its word: the word starts a word or a camelCase hump,
    the number stands alone and passes ``check``."""

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start, end = match.span("value")
        if not is_key_start(text, match.start()) or not numbers.stands_alone(text, start, end):
            return None
        return (start, end, "") if check(plain(match.group("value"))) else None

    return judge


def trailed(words: str, value: str) -> Lazy:
    """Return the pattern of a number with its word after it (``gave 943 476 5919 as their NHS``):
    up to two short words between."""
    return Lazy(
        rf"(?P<value>{value})[^0-9a-z\n]{{1,4}}(?:[a-z]{{1,10}}[^0-9a-z\n]{{1,4}}){{0,2}}?"
        rf"(?P<word>{words})(?![a-z])"
    )


def trailing(check: Callable[[str], bool]) -> Judge:
    """Return a judge of a number before its word: both stand alone, the number passes ``check``."""

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start, end = match.span("value")
        if not is_key_start(text, match.start("word")) or not numbers.is_free(text, start, end):
            return None
        return (start, end, "") if check(plain(match.group("value"))) else None

    return judge


def bare(check: Callable[[str], bool]) -> Judge:
    """Return a judge of a bare shape: standing alone and passing ``check``."""

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start, end = match.span()
        return (
            (start, end, "")
            if numbers.is_free(text, start, end) and check(plain(match.group()))
            else None
        )

    return judge


def national_ids() -> list[Rule]:
    """Return the rules for the national ids of ``KINDS`` (after their word) and ``BARE``."""
    words = "|".join(kind for kind, _, _ in KINDS)
    return [
        personal(
            "national-id",
            "<national-id>",
            *(Matcher(led(kind, shape), judge=checked(check)) for kind, shape, check in KINDS),
            *(Matcher(trailed(kind, shape), judge=trailing(check)) for kind, shape, check in KINDS),
            gate=numbers.word_gate(words, "nu|no|nr|id|ca"),
            trigger=Trigger(words=ID_WORDS, lower=True),
            lower=True,
        ),
        personal(
            "national-id",
            "<national-id>",
            *(Matcher(Lazy(shape), judge=bare(check)) for shape, check in BARE),
            gate="|".join(shape for shape, _ in BARE),
            trigger=Trigger(patterns=tuple(Lazy(shape) for shape, _ in BARE)),
        ),
    ]


# A key naming a phone, card or IBAN number (lower case), with ``number``/``no`` after it.
KEYS = {
    "phone": r"phones?|mobile|cell(?:ular)?(?:phone)?|celular|telefone?|telephone|tel[eé]fono|tel|fax|whatsapp|msisdn",
    "card": r"cards?|cc|credit[ _-]?card|payment[ _-]?card|pan",
    "iban": r"iban",
}  # fmt: skip
KEY_SUFFIX = r"(?:[ _-]?(?:numbers?|num|nos?|nr|#))?"
# Between a key and its value: a few separators, or PHP var_dump's ``"]=>`` and ``string(N) "``.
VAR_DUMP = r'"\]=>\n[ \t]*string\([0-9]{1,3}\) "'
KEY_GAP = rf"(?:[^0-9a-z\n+%(]{{1,6}}?|{VAR_DUMP})"
VALUES = {
    "phone": r"(?:\+|%2b)?(?:\(|%28)?[0-9](?:[0-9 ().-]|%2[0b89])*[0-9]",
    "card": r"[0-9](?:[0-9 -]|%20)*[0-9]",
    "iban": r"[a-z]{2}[0-9]{2}(?:(?: |%20)?[a-z0-9]{4}){2,7}(?:(?: |%20)?[a-z0-9]{1,3})?",
}
# What every value starts with, for the gates (on the text as written).
VALUE_STARTS = {"phone": "[0-9+(%]", "card": "[0-9]", "iban": "[A-Za-z]{2}[0-9]{2}"}
CARD_GROUPS = Lazy(
    r"[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}|[0-9]{13,19}"
)


def is_key_start(text: str, start: int) -> bool:
    """Return whether a key word starts a word: no letter or digit before it, or a camelCase hump."""
    if start == 0 or not text[start - 1].isalnum():
        return True
    return text[start].isupper() and (text[start - 1].islower() or text[start - 1].isdigit())


def is_phone(value: str) -> bool:
    """Return whether a decoded value has the 7 to 15 digits of a phone number."""
    return 7 <= len(numbers.digits_of(value)) <= 15


def is_card(value: str) -> bool:
    """Return whether a decoded value is a card number: grouped evenly, a card's prefix, Luhn."""
    number = numbers.digits_of(value)
    if not 13 <= len(number) <= 19 or not CARD_GROUPS.fullmatch(value):
        return False
    return numbers.is_card_prefix(number) and checks.is_luhn(number)


def is_iban(value: str) -> bool:
    """Return whether a decoded value is an IBAN: its country's length, mod 97."""
    compact = value.replace(" ", "").upper()
    return numbers.IBAN_LENGTHS.get(compact[:2]) == len(compact) and checks.is_iban(compact)


KEYED_CHECKS: dict[str, Callable[[str], bool]] = {
    "phone": is_phone,
    "card": is_card,
    "iban": is_iban,
}


def keyed(check: Callable[[str], bool]) -> Judge:
    """Return a judge of a number under its key: the key starts a word, the value passes ``check``."""

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start, end = match.span("value")
        if not is_key_start(text, match.start()) or not numbers.stands_alone(text, start, end):
            return None
        return (start, end, "") if check(urllib.parse.unquote(text[start:end])) else None

    return judge


def encoded_plus(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a URL-encoded international number (``=%2B4479…``): 8–15 digits (10 unbroken)."""
    value = urllib.parse.unquote(match.group())
    count = len(numbers.digits_of(value))
    if not 8 <= count <= 15 or (count < 10 and value[1:].isdigit()):
        return None
    return (*match.span(), "") if numbers.ends_free(text, match.end()) else None


def keyed_numbers() -> list[Rule]:
    """Return the rules for phone, card and IBAN numbers right after a key naming them (and, for
    phones, an international number URL-encoded as a form or query value)."""
    found = []
    for kind, words in KEYS.items():
        key = rf"(?:{words}){KEY_SUFFIX}(?![a-z])"
        matchers = [
            Matcher(
                Lazy(rf"{key}{KEY_GAP}(?P<value>{VALUES[kind]})"), judge=keyed(KEYED_CHECKS[kind])
            )
        ]
        gap = rf"(?:[^0-9A-Za-z\n+%(]{{1,6}}|{VAR_DUMP})"
        gate = rf"(?i:(?:{words}){KEY_SUFFIX}){gap}{VALUE_STARTS[kind]}"
        trigger = KEY_WORDS[kind]
        if kind == "phone":
            matchers.append(
                Matcher(Lazy(r"(?<==)%2b[1-9](?:[0-9.-]|%20){7,30}[0-9]"), judge=encoded_plus)
            )
            gate += "|=%2[Bb][1-9]"
            trigger += ("=%2b",)
        found.append(
            personal(
                kind,
                f"<{kind}>",
                *matchers,
                gate=gate,
                trigger=Trigger(words=trigger, lower=True),
                lower=True,
            )
        )
    return found


KEY_WORDS: dict[str, tuple[str, ...]] = {
    "phone": ("phone", "mobile", "cell", "celular", "tel", "fax", "whatsapp", "msisdn"),
    "card": ("card", "cc", "pan"),
    "iban": ("iban",),
}


def rules() -> list[Rule]:
    """Return ``numbers``' rules with these: phones, cards, IBANs, then national ids."""
    return numbers.numbers() + keyed_numbers() + numbers.identities() + national_ids()
