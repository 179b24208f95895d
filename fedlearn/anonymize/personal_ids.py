"""More personal numbers (DESIGN.md guarantee 1): national ids of more countries, and phone, card
and IBAN numbers under a key that names them.

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

``numbers`` wants a number to stand alone, so ``iban=DE89…``, ``Mobile:+44 …`` and
``CardNumber:3812…`` were left: here a key naming the kind (``iban``, ``phone``, ``mobile``,
``celular``, ``tel``, ``fax``, ``card``, ``cc``, with ``number``/``no`` after it, in any of
snake, kebab or camel case) lets the value touch its ``=`` or ``:``. A value in a URL-encoded
form body (``%20`` between groups, ``%2B`` for ``+``) is decoded before it is checked, and PHP's
``var_dump`` (the value a line below its key, after ``string(N)``) is read, in both kinds of rule.
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
    evaluated,
    fiction,
    heads,
    ibans,
    micr,
    numbers,
    phones,
)
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


# A key naming a phone, card or IBAN number (lower case), with ``number``/``no`` after it.
KEYS = {
    "phone": r"phones?|caller[ _-]?id|clid|mobile|cell(?:ular)?(?:phone)?|celular|telefone?|telephone|tel[eé]fono|tel|fax|whatsapp|msisdn|handy|m[oó]vil|cellulare|телефон|電話|携帯|电话|手机|전화",
    "card": r"cards?|cc|credit[ _-]?card|payment[ _-]?card|pan|(?:kredit)?karte|carte|tarjeta|cart[aã]o|карт[аы]|カード|卡号|银行卡",
    "iban": r"iban",
}  # fmt: skip
KEY_SUFFIX = (
    r"(?:[ _.-]?(?:numbers?|num|nos?|nr|#|nummer|n[uú]mero|номер|番号|号码|번호))?"
    # a form's bracketed key, URL-encoded: ``card%5Bnumber%5D=``, ``sepa%5Biban%5D=``
    r"(?:%5b(?:numbers?|num|nos?|nr)%5d|%5d)?"
)
# Between a key and its value: a few separators, or PHP var_dump's ``"]=>`` and ``string(N) "``
# (as ``evaluated`` reads it for secrets: a property's ``:protected``, ``\r\n``, any length).
VAR_DUMP = evaluated.DUMP_GAP
KEY_GAP = rf"(?:[^0-9a-z\n+%(]{{1,6}}?|{VAR_DUMP})"
# A form body writes a blank as ``+``: one between two groups (``0034+95+7936427``) is a blank.
FORM_BLANK = r"(?<=[0-9a-z)])\+(?=[0-9a-z(])"
VALUES = {
    "phone": rf"(?:\+|%2b)?(?:\(|%28)?[0-9](?:[0-9 ().-]|%2[0b89]|{FORM_BLANK})*[0-9]",
    "card": rf"[0-9](?:[0-9 -]|%20|{FORM_BLANK})*[0-9]",
    "iban": rf"[a-z]{{2}}[0-9]{{2}}(?:(?: |%20|{FORM_BLANK})?[a-z0-9]{{4}}){{2,7}}(?:(?: |%20|{FORM_BLANK})?[a-z0-9]{{1,3}})?(?![a-z0-9])",
}
BLANKS = Lazy(FORM_BLANK, re.IGNORECASE)
# What every value starts with, for the gates (on the text as written).
VALUE_STARTS = {"phone": "[0-9+(%]", "card": "[0-9]", "iban": "[A-Za-z]{2}[0-9]{2}"}
CARD_GROUPS = Lazy(
    r"[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}|[0-9]{13,19}"
)


def is_key_start(text: str, start: int) -> bool:
    """Return whether a key word starts a word: no letter or digit before it, a camelCase hump, a
    one-letter flag's (``-PcardNumber``), or a word of a script written without blanks
    (``顧客の電話番号``)."""
    if start == 0 or not text[start - 1].isalnum() or not text[start].isascii():
        return True
    if text[max(0, start - 3) : start].lower() == "%5b":
        return True  # a form's bracketed key, URL-encoded: sepa%5Biban%5D=
    if text[start - 1].isupper() and text[start - 2 : start - 1] == "-":
        return True  # a one-letter flag glued to its key: -Dcard.number=, -PcardNumber=
    return text[start].isupper() and (text[start - 1].islower() or text[start - 1].isdigit())


def is_phone(value: str) -> bool:
    """Return whether a decoded value has the 7 to 15 digits of a phone number."""
    return 7 <= len(numbers.digits_of(value)) <= 15


def is_card(value: str) -> bool:
    """Return whether a decoded value is a card number: grouped evenly, a card's prefix, Luhn."""
    number = numbers.digits_of(value)
    if not 13 <= len(number) <= 19 or not CARD_GROUPS.fullmatch(value):
        return False
    return numbers.is_card_prefix(number) and check_digits.is_luhn(number)


def is_iban(value: str) -> bool:
    """Return whether a decoded value is an IBAN: its country's length, mod 97."""
    compact = value.replace(" ", "").upper()
    return numbers.IBAN_LENGTHS.get(compact[:2]) == len(compact) and check_digits.is_iban(compact)


KEYED_CHECKS: dict[str, Callable[[str], bool]] = {
    "phone": is_phone,
    "card": is_card,
    "iban": is_iban,
}


def keyed(check: Callable[[str], bool]) -> Judge:
    """
    Return a judge of a number under its key: the key starts a word, the value passes ``check``.

    A grouped value may have run on into the next word (``Iban:ES72… Timeout``): the longest part
    of it that ends before a blank and passes is taken.
    """

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start, end = match.span("value")
        if not is_key_start(text, match.start()):
            return None
        while end > start:
            if numbers.stands_alone(text, start, end) and check(
                urllib.parse.unquote(BLANKS.compiled.sub(" ", text[start:end]))
            ):
                digits = numbers.digits_of(text[start:end])
                if check is not is_iban and (
                    fiction.is_example_phone(text, start, digits)
                    or fiction.is_example_card(text, start, digits)
                ):
                    return None  # ``Example phone: +1 555 0100`` (``fiction``)
                return start, end, ""
            blank = text.rfind("+", start + 1, end)  # a form's blank (a leading + stays)
            end = max(text.rfind(" ", start, end), text.rfind("%20", start, end), blank)
        return None

    return judge


def encoded_plus(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a URL-encoded international number (``=%2B4479…``): 8–15 digits (10 unbroken)."""
    value = urllib.parse.unquote(match.group())
    digits = numbers.digits_of(value)
    count = len(digits)
    if not 8 <= count <= 15 or (count < 10 and value[1:].isdigit()):
        return None
    if fiction.is_example_phone(text, match.start(), digits):
        return None
    return (*match.span(), "") if numbers.ends_free(text, match.end()) else None


def touching_plus(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``+`` and 11 to 15 unbroken digits right after ``=`` or ``:`` (``CALLER_ID=+1415…``):
    an international number even with no key naming it (a timestamp has 10 digits, no ``+``),
    no example's (``fiction``)."""
    if fiction.is_example_phone(text, match.start(), numbers.digits_of(match.group())):
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
        # the rule reads the lower-case copy: var_dump's ``string(N)`` in any case
        gap = rf"(?:[^0-9A-Za-z\n+%(]{{1,6}}|(?i:{evaluated.DUMP_GATE}))"
        gate = rf"(?i:(?:{words}){KEY_SUFFIX}){gap}{VALUE_STARTS[kind]}"
        trigger = KEY_WORDS[kind]
        if kind == "phone":
            matchers.append(
                # after ``=``, or in a URL-encoded ``sip:``/``tel:`` URI (``To=sip%3A%2B4917…``)
                Matcher(
                    Lazy(r"(?:(?<==)|(?<=%3a))%2b[1-9](?:[0-9.-]|%20){7,30}[0-9]"),
                    judge=encoded_plus,
                )
            )
            matchers.append(Matcher(Lazy(r"(?<=[=:])\+[1-9][0-9]{10,14}"), judge=touching_plus))
            gate += r"|(?:=|%3[Aa])%2[Bb][1-9]|[=:]\+[1-9][0-9]{10}"
            trigger += ("=%2b", "%3a%2b", "=+", ":+")
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
    "phone": ("phone", "callerid", "caller_id", "caller-id", "caller id", "clid", "mobile", "cell", "celular", "tel", "fax", "whatsapp", "msisdn", "handy", "vil", "телефон", "電話", "携帯", "电话", "手机", "전화"),
    "card": ("card", "cc", "pan", "karte", "cart", "tarjeta", "карт", "カード", "卡号", "银行卡"),
    "iban": ("iban",),
}  # fmt: skip


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
        + keyed_numbers()
        + card_words.rules()
        + call_words.rules()
        + answers.rules()
    )
    return found + numbers.identities() + micr.rules() + ids
