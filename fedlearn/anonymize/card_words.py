"""A payment card number a card word introduces in prose (DESIGN.md guarantee 1).

``numbers``' ``card`` rule finds a card by its look alone, so it wants what only cards have: 14
or more characters, a brand's prefix for its length (an unbroken 13 digits is also an EAN-13
barcode, which passes Luhn one time in ten). A word that says card says the rest: right after
``card``, ``carte``, ``carta``, ``cartão``, ``tarjeta``, ``Karte``, ``kaart``, ``kartu``,
``thẻ``, ``kártya``, ``κάρτα``, ``karta``/``kartou``, ``kortti``, ``kort`` (any inflection, then
at most one short word: ``Kartu saya …``, ``carta n. …``), a number of 12 to 19 digits (one run,
or groups of 4, or 4-6-4/4-6-5) that passes Luhn and starts with a card's major industry
identifier (ISO/IEC 7812: 1 airlines, as UATP; 2 to 6 banking and merchandising) is a card:
13-digit Visa, 12-digit Maestro and 15-digit UATP numbers too; so is one right before a card word
(``A 1552… kártyámmal fizettem``: the noun inflected after the number). A barcode after
``EAN``/``GTIN`` and a number after a non-card word stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import check_digits, fiction, numbers
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

WORDS = (
    r"cards?|cartes?|cartas?|cart[aã]o|tarjetas?|karten?|kaart(?:je)?|kartu|thẻ|k[aá]rty[aá]\w{0,6}"
    r"|κάρτα\w{0,2}|kart(?:a|ou|y|[eę])|kortti\w{0,3}|kort(?:et)?"
)
CARD = (
    rf"(?<![\w-])(?:{WORDS})(?![\w-])[ :#.(\"']{{1,3}}(?:[^\W\d]{{1,6}}[.°º]?[ :(\"']{{1,2}})?"
    r"(?P<value>[1-6][0-9]{3}(?:[0-9]|[ -](?=[0-9])){8,18})"
)
# The number before the word, as languages that inflect the noun after it write it (Hungarian
# ``A … kártyámmal fizettem``, Finnish ``… kortilla``): one blank between.
BEFORE = (
    r"(?<![\w.,+-])(?P<value>[1-6][0-9]{3}(?:[0-9]|[ -](?=[0-9])){8,18}) (?:"
    + WORDS
    + r")(?![\w-])"
)
GROUPS = Lazy(
    r"[0-9]{12,19}|[0-9]{4}(?P<s>[ -])[0-9]{4}(?:(?P=s)[0-9]{4}){1,2}(?:(?P=s)[0-9]{1,3})?"
    r"|[0-9]{4}(?P<t>[ -])[0-9]{6}(?P=t)[0-9]{4,5}"
)
TRIGGER_WORDS = ("card", "cart", "tarjeta", "kart", "kaart", "thẻ", "kárty", "κάρτα", "kort")


def introduced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a card number after a card word: grouped as cards are, Luhn, standing alone."""
    start, end = match.span("value")
    value = text[start:end]
    if not GROUPS.compiled.fullmatch(value) or not numbers.ends_free(text, end):
        return None
    digits = numbers.digits_of(value)
    if fiction.is_example_card(text, start, digits):
        return None  # ``test card 4242 4242 4242 4242``
    return (start, end, "") if check_digits.is_luhn(digits) else None


def rules() -> list[Rule]:
    """Return the rule for a card number right after (or right before) a card word."""
    return [
        personal(
            "card",
            "<card>",
            Matcher(Lazy(CARD, re.IGNORECASE), judge=introduced),
            Matcher(Lazy(BEFORE, re.IGNORECASE), judge=introduced),
            gate=r"(?i)(?:card|cart|tarjeta|kart|kaart|thẻ|kárty|κάρτα|kort)[^\n]*[1-6][0-9]{3}"
            # the number's last group may be one digit (``…-3430-1 kártyámmal``)
            r"|[0-9] (?:card|cart|tarjeta|kart|kaart|thẻ|kárty|κάρτα|kort)",
            trigger=Trigger(words=TRIGGER_WORDS, lower=True),
        )
    ]
