"""A number given alone as the answer to a question asking for it (DESIGN.md guarantee 1).

A support chat asks "what's the best number to reach you?" or "can you read me the card
number?", and the next message holds only the number (``9 39 39 427``, ``194673288921257``):
nothing on its own line names it, the question above does. A line that asks for a phone
(``phone``, ``mobile``, ``number to reach/call you``, ``call you back``, ``telefon``…) or a card
number (``card``, ``carte``, ``Karte``, ``tarjeta``…) and ends in ``?``, then, on one of the
next two lines, a message that is a number alone (after a chat line's ``[time] Name:`` or
``Name:``, maybe with an extension after it: ``x12``, ``ext. 4``, ``Durchwahl -25``):

- after a phone question, 7 to 15 digits, maybe grouped, not a date, are a phone number;
- after a card question, 12 to 19 digits in a card's groups that pass Luhn and start with a
  card's major industry identifier (1 to 6) are a card number.

An order or ticket number asked for (``what's your order number?``) names neither and stays.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import card_words, check_digits, fiction, numbers, phones
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

PHONE_ASKS = (
    r"phone|mobile|cell|number to (?:reach|call|contact)|reach you|call you|callback|call-back"
    r"|telefon|téléphone|portable|teléfono|móvil|telefono|cellulare|telefoon|mobiel|telefonnummer"
    r"|handynummer|rückruf"
)
CARD_ASKS = r"card|carte|karte|tarjeta|cart[aã]o|carta|kaart|kort|kártya|kartu|karta"
# The literals of the asks, for the triggers (lower case).
PHONE_WORDS = (
    "phone", "mobile", "cell", "number to", "reach you", "call you", "callback", "call-back",
    "telefon", "téléphone", "portable", "teléfono", "móvil", "telefono", "cellulare", "telefoon",
    "mobiel", "handynummer", "rückruf",
)  # fmt: skip
CARD_WORDS = (
    "card",
    "carte",
    "karte",
    "tarjeta",
    "cart",
    "kaart",
    "kort",
    "kártya",
    "kartu",
    "karta",
)
# A line asking (ending in ``?``), then at most one other line, then the answer's line: a chat
# prefix, the number alone, maybe an extension.
ANSWER = (
    r"(?im)^[^\n]*\b(?:{asks})[^\n]*\?[ \t]*\n(?:[^\n]*\n)?"
    r"(?:\[[^\]\n]{{1,40}}\][ \t]*)?(?:[^\W\d][^:\n]{{0,40}}:[ \t]*)?"
    r"(?P<value>\+?\(?[0-9][0-9 ().-]{{5,24}}[0-9])"
    r"(?:[ \t]+(?:x|ext\.?|extension|durchwahl|poste|interno)[ \t]*-?[0-9]{{1,5}})?[ \t]*$"
)
GATE = r"(?i)(?:{asks})[^\n]*\?[ \t]*\n(?:[^\n]*\n)?[^\n]*[0-9][0-9 ().-][0-9 ().-][0-9]"


def phone_answer(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the number answering a phone question: 7 to 15 digits, not a date."""
    start, end = match.span("value")
    value = text[start:end]
    groups, _, _ = phones.groups_of(value)
    if phones.is_date(groups) or phones.DATE.match(value):
        return None
    digits = numbers.digits_of(value)
    if not 7 <= len(digits) <= 15 or fiction.is_example_phone(text, start, digits):
        return None
    return start, end, ""


def card_answer(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the number answering a card question: a card's groups, Luhn, a card's first digit."""
    start, end = match.span("value")
    value = text[start:end]
    digits = numbers.digits_of(value)
    if digits[0] not in "123456" or not card_words.GROUPS.compiled.fullmatch(value):
        return None
    if fiction.is_example_card(text, start, digits):
        return None
    return (start, end, "") if check_digits.is_luhn(digits) else None


def rules() -> list[Rule]:
    """Return the rules for a phone or card number given alone after a question asking for it."""
    found = []
    for name, asks, judge, words in (
        ("phone", PHONE_ASKS, phone_answer, PHONE_WORDS),
        ("card", CARD_ASKS, card_answer, CARD_WORDS),
    ):
        found.append(
            personal(
                name,
                f"<{name}>",
                Matcher(Lazy(ANSWER.format(asks=asks)), judge=judge),
                gate=GATE.format(asks=asks),
                trigger=Trigger(words=words, lower=True, needs="?"),
            )
        )
    return found
