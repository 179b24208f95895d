"""More personal numbers (DESIGN.md guarantee 1): national ids of more countries, and the rules of
phone, card and IBAN numbers listed in order (``rules``).

National ids, each after its word (in any key spelling; or up to two words before it) and passing
its check (``check_digits``): US SSN, Brazil CPF, Spain DNI/NIE, Netherlands BSN, UK
NINO, India Aadhaar (no check: its word is needed); found missing by bench/audit16f: US ITIN, Canada
SIN (Luhn), UK NHS number (mod 11), Australia TFN (weighted mod 11) and Medicare number, Italy's
codice fiscale (its check letter), Poland PESEL, Singapore NRIC/FIN (its check letter), India PAN
(no check: its word is needed), Korea RRN, Finland HETU (mod 31), Russia INN (one or two check
digits) and SNILS, Germany's Steuer-ID (ISO 7064 mod 11,10); France's NIR (its mod-97 key; the
word may be a camelCase hump: ``numeroSecuriteSociale``) and South Africa's identity number (a
date of birth, a citizenship digit, Luhn; under ``id number`` or ``idNumber``: the checks carry
it). The shapes that say what they are alone are found without a word: ``9XX-7X-XXXX`` (ITIN), ``XXX-XXX-XXX XX`` (SNILS),
``YYMMDD-SXXXXXX`` (RRN, a real date), ``DDMMYY-XXXC`` (HETU, a real date), ``S1234567D`` (NRIC),
``X1234567L`` (Spain's NIE) and the codice fiscale's 16 characters.

A number under a key naming a phone, card or IBAN (``iban=DE89…``, ``CardNumber:3812…``) is
``keyed_numbers``'; a national id's word is read as that module reads a key (``is_key_start``),
and PHP's ``var_dump`` (the value a line below its key, after ``string(N)``) as it reads it too
(``VAR_DUMP``).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Iterator

from fedlearn.anonymize import (
    answers,
    bound_ids,
    call_words,
    card_words,
    check_digits,
    heads,
    ibans,
    keyed_numbers,
    micr,
    numbers,
    phones,
)
from fedlearn.anonymize.keyed_numbers import VAR_DUMP, is_key_start
from fedlearn.anonymize.rules import Find, Judge, Lazy, Matcher, Rule, Trigger, personal

# A separator between groups of digits: a blank, a dash or a URL-encoded blank, the same each time.
SEP = r"(?P<s>[ -]|%20|)"


# Each kind: its words (lower case), its number's shape (lower case), its check (upper case,
# letters and digits only, URL-decoded).
KINDS: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("ssn|social[ _-]?security", rf"[0-9]{{3}}{SEP}[0-9]{{2}}(?P=s)[0-9]{{4}}", check_digits.is_ssn),
    ("cpf", r"[0-9]{3}\.?[0-9]{3}\.?[0-9]{3}-?[0-9]{2}", check_digits.is_cpf),
    ("dni|nif|nie", r"[xyz0-9][0-9]{7}-?[a-z]", check_digits.is_dni),
    ("bsn|burgerservicenummer|sofi[ _-]?nummer", r"[0-9]{9}", check_digits.is_bsn),
    ("nino|ni(?:[ _-]|)number|national[ _-]?insurance", r"[a-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2}(?: ?[a-d])?", check_digits.is_nino),
    ("aadhaa?r", rf"[2-9][0-9]{{3}}{SEP}[0-9]{{4}}(?P=s)[0-9]{{4}}", lambda value: True),
    ("(?:taxpayer[ _-]?)?itin", rf"9[0-9]{{2}}{SEP}[0-9]{{2}}(?P=s)[0-9]{{4}}", check_digits.is_itin),
    ("sin|social[ _-]?insurance", rf"[0-9]{{3}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{3}}", check_digits.is_sin),
    ("nhs", rf"[0-9]{{3}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{4}}", check_digits.is_nhs),
    ("tfn|tax[ _-]?file", rf"[0-9]{{3}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{3}}", check_digits.is_tfn),
    ("medicare", rf"[2-6][0-9]{{3}}{SEP}[0-9]{{5}}(?P=s)[0-9](?:(?P=s)[1-9])?", check_digits.is_medicare),
    ("codice[ _-]?fiscale", r"[a-z]{6}[0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]", check_digits.is_codice_fiscale),
    ("pesel", r"[0-9]{11}", check_digits.is_pesel),
    ("nric|fin", r"[stfg][0-9]{7}[a-z]", check_digits.is_nric),
    ("pan|permanent[ _-]?account", r"[a-z]{5}[0-9]{4}[a-z]", check_digits.is_pan),
    ("rrn|resident[ _-]?registration", r"[0-9]{6}-?[1-8][0-9]{6}", check_digits.is_rrn),
    ("hetu|henkil[oö]tunnus|personal[ _-]?identity[ _-]?code", r"[0-9]{6}[-+a-fu-y][0-9]{3}[0-9a-y]", check_digits.is_hetu),
    ("inn|инн", r"[0-9]{12}|[0-9]{10}", check_digits.is_inn),
    ("snils|снилс", rf"[0-9]{{3}}-?[0-9]{{3}}-?[0-9]{{3}}{SEP}[0-9]{{2}}", check_digits.is_snils),
    ("nir|s[ée]curit[ée][ _-]?sociale|num[ée]ro[ _-]?de[ _-]?s[ée]cu|insee", r"[12378] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[ab]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}", check_digits.is_nir),
    ("(?:rsa|sa)[ _-]?id|id[ _-]?(?:number|nommer)|identity[ _-]?number|identiteitsnommer", r"[0-9]{6} ?[0-9]{4} ?[0-9]{3}", check_digits.is_za_id),
    ("steuer[ _-]?(?:id|identifikationsnummer)|idnr", rf"[0-9]{{2}}{SEP}[0-9]{{3}}(?P=s)[0-9]{{3}}(?P=s)[0-9]{{3}}", check_digits.is_steuer_id),
)  # fmt: skip
ID_WORDS = (
    "ssn", "security", "cpf", "dni", "nif", "nie", "bsn", "nummer", "nino", "ni number",
    "ni_number", "ni-number", "ninumber", "insurance", "aadha",
    "itin", "sin", "social", "nhs", "tfn", "tax", "medicare", "codice", "pesel", "nric", "fin",
    "pan", "permanent", "rrn", "resident", "hetu", "henkil", "personal", "inn", "инн", "snils",
    "снилс", "steuer", "idnr", "nir", "securit", "sécurit", "sécu", "insee", "id number",
    "id_number", "id-number", "idnumber", "id nommer", "idnommer", "identity", "identiteit",
    "rsa id", "rsa_id", "sa id", "sa_id", "sa-id", "rsa-id",
)  # fmt: skip
# Shapes that say what they are without a word (case as written): each with its check.
BARE: tuple[tuple[str, Callable[[str], bool]], ...] = (
    (r"9[0-9]{2}-(?:5[0-9]|6[0-5]|7[0-9]|8[0-8]|9[0-24-9])-[0-9]{4}", check_digits.is_itin),
    (r"[0-9]{3}-[0-9]{3}-[0-9]{3}[ -][0-9]{2}", check_digits.is_snils),
    (r"[0-9]{6}-[1-8][0-9]{6}", check_digits.is_rrn),
    (r"[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]", check_digits.is_hetu),
    (r"[STFG][0-9]{7}[A-Z]", check_digits.is_nric),
    (r"[XYZ][0-9]{7}[A-Z]", check_digits.is_dni),
    (r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]", check_digits.is_codice_fiscale),
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


def with_word(kind: str, pattern: Lazy) -> Find | None:
    """
    Return how to find ``pattern``'s matches, each of which holds a match of ``kind`` (its word):
    only where one of the word's literal heads occurs (an ``in`` test each; None: no heads).

    The trigger words (``sin``, ``fin``, ``pan``…) occur inside common words, so without
    google-re2 the 40 patterns ran on most texts; each now runs only where its own word can be.
    """
    found = heads.literal_heads(kind)
    if found is None:
        return None

    def find(subject: str) -> Iterator[re.Match[str]]:
        if any(head in subject for head in found):
            return pattern.finditer(subject)
        return iter(())

    return find


def national_ids() -> list[Rule]:
    """Return the rules for the national ids of ``KINDS`` (after their word) and ``BARE``."""
    words = "|".join(kind for kind, _, _ in KINDS)
    leds = [led(kind, shape) for kind, shape, _ in KINDS]
    traileds = [trailed(kind, shape) for kind, shape, _ in KINDS]
    return [
        personal(
            "national-id",
            "<national-id>",
            *(
                Matcher(pattern, judge=checked(check), find=with_word(kind, pattern))
                for pattern, (kind, _, check) in zip(leds, KINDS, strict=True)
            ),
            *(
                Matcher(pattern, judge=trailing(check), find=with_word(kind, pattern))
                for pattern, (kind, _, check) in zip(traileds, KINDS, strict=True)
            ),
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


def rules() -> list[Rule]:
    """Return ``numbers``' rules with these: phones (in national print too: ``phones``; after a
    request to call: ``call_words``; alone after a question asking for it: ``answers``),
    cards (after a card word too: ``card_words``), IBANs (in any case: ``ibans``), a cheque's account (``micr``), then national ids
    (also bound to SQL parameters: ``bound_ids``)."""
    ids = national_ids() + bound_ids.rules(KINDS)
    found = (
        numbers.numbers()
        + phones.rules()
        + ibans.rules()
        + keyed_numbers.rules()
        + card_words.rules()
        + call_words.rules()
        + answers.rules()
    )
    return found + numbers.identities() + micr.rules() + ids
