"""Phone, card and IBAN numbers under a key that names them (DESIGN.md guarantee 1), and where
such a key starts (``is_key_start``, which ``personal_ids``' national ids, ``documents`` and
``columns`` read too).

``numbers`` wants a number to stand alone, so ``iban=DE89…``, ``Mobile:+44 …`` and
``CardNumber:3812…`` were left: here a key naming the kind (``iban``, ``phone``, ``mobile``,
``celular``, ``tel``, ``fax``, ``card``, ``cc``, with ``number``/``no`` after it, in any of
snake, kebab or camel case) lets the value touch its ``=`` or ``:``. A value in a URL-encoded
form body (``%20`` between groups, ``%2B`` for ``+``) is decoded before it is checked, and PHP's
``var_dump`` (the value a line below its key, after ``string(N)``) is read (``VAR_DUMP``, which
the national ids' rules read as well). ``personal_ids.rules`` lists these rules after
``ibans``' and before ``card_words``'.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable

from fedlearn.anonymize import check_digits, evaluated, fiction, numbers
from fedlearn.anonymize.rules import Judge, Lazy, Matcher, Rule, Trigger, personal

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


def rules() -> list[Rule]:
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
