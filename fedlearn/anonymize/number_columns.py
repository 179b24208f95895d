"""Phone and card numbers in a table column whose header names them (DESIGN.md guarantee 1).

From ``bench/pii16h``: a cell (any ``columns`` layout, CSV/TSV included) under a header whose last
word names a phone (``bound.is_phone_column``) is ``<phone>`` when it is 7 to 15 digits in phone
punctuation and nothing else, not a date; one under a header naming a card number
(``CARD_HEADER``) is ``<card>`` when its 12 to 19 digits pass Luhn and start like a card. A SQL
``INSERT INTO t (…, card_number, …) VALUES (…, '…', …)`` names its string literals by column the
same way (``sql.literals``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import bound, check_digits, numbers, phones, sql
from fedlearn.anonymize.columns import cell_of, cells_named
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, personal, span_match
from fedlearn.anonymize.tables import cell_name, split_cells

# What a phone column's cell may hold: a number in phone punctuation, nothing else.
PHONE_CELL = Lazy(r"[+(]?[0-9][0-9 ().\/-]{5,24}[0-9]")
PHONE_TRIGGERS = ("phone", "tel", "mobil", "cell", "fax", "msisdn", "celular", "handy", "whatsapp")


# A header naming a payment card's number (spaces, ``-`` and camel humps as ``_``, lower case).
CARD_HEADER = Lazy(
    r"(?:(?:credit|debit|payment|bank)_)?card(?:_(?:number|no|nr|num))?|cc_?(?:number|num|no|nr)"
    r"|karten_?(?:nummer|nr)|num(?:ero|éro)_(?:de_)?(?:tarjeta|carte)"
)
# A card number's cell: digits, maybe in groups of one separator.
CARD_CELL = Lazy(r"[0-9]{4,19}(?:([ -])[0-9]{1,6}(?:\1[0-9]{1,6}){0,4})?")


def card_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span of a payment card number under a header naming one (``card_number``, ``Card
    number``, ``cc_num``): the whole cell, 12 to 19 digits (one kind of separator) that start
    like a card of their length (12 for Maestro's ``5``/``6``, 15 for UATP's ``1``) and pass Luhn.
    """
    cell = cell_of(match, text)
    if cell is None:
        return None
    _, name, _, start, end = cell
    if not is_card_header(name):
        return None
    return (start, end, "") if is_card_cell(text[start:end]) else None


def is_card_header(name: str) -> bool:
    """Return whether a column's header names a payment card's number (``CARD_HEADER``)."""
    header = bound.CAMEL.compiled.sub("_", name.strip())
    return CARD_HEADER.fullmatch(re.sub(r"[ .-]+", "_", header).lower()) is not None


def is_card_cell(value: str) -> bool:
    """Return whether a card column's cell is a card number: 12 to 19 digits that pass Luhn and
    start like a card of their length (12 for Maestro's ``5``/``6``, 15 for UATP's ``1``)."""
    if CARD_CELL.fullmatch(value) is None:
        return False
    number = numbers.digits_of(value)
    if not 12 <= len(number) <= 19 or not check_digits.is_luhn(number):
        return False
    short = (len(number) == 12 and number[0] in "56") or (len(number) == 15 and number[0] == "1")
    if len(number) >= 13 and not numbers.is_card_prefix(number) and not short:
        return False
    return short or len(number) >= 13


# ``sql.INSERT`` in any case: the column names keep theirs (``cardNo``).
INSERT = Lazy(sql.INSERT.pattern, re.IGNORECASE)


def card_literals(subject: str) -> Iterator[re.Match[str]]:
    """Yield the string literals of ``INSERT INTO t (…) VALUES (…)`` under a card column."""
    for insert in INSERT.finditer(subject):
        spans = split_cells(insert.group("columns"), ",")
        if spans is None:
            continue
        names = [cell_name(insert.group("columns")[a:b]).strip("[]") for a, b in spans]
        cards = [index for index, name in enumerate(names) if is_card_header(name)]
        if not cards:
            continue
        for items in sql.literals(subject, insert.end()):
            if len(items) != len(names):
                break
            for index in cards:
                literal = items[index]
                if literal is not None and literal[1] > literal[0]:
                    yield span_match(subject, *literal)


def sql_card_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a card column's literal when it is a card number (``is_card_cell``)."""
    start, end = match.span()
    return (start, end, "") if is_card_cell(text[start:end]) else None


def phone_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span of a phone number under a header naming one (``bound.is_phone_column``:
    ``phone``, ``Mobile number``, ``tel_nr``): the whole cell, 7 to 15 digits in phone
    punctuation, not a date.
    """
    cell = cell_of(match, text)
    if cell is None:
        return None
    _, name, _, start, end = cell
    if not bound.is_phone_column(name.strip().replace(" ", "_")):
        return None
    value = text[start:end]
    if PHONE_CELL.fullmatch(value) is None or phones.DATE.search(value) is not None:
        return None
    digits = sum(c.isdigit() for c in value)
    return (start, end, "") if 7 <= digits <= 15 else None


def rules() -> list[Rule]:
    """Return the rules for card and phone numbers under a header naming them."""
    return [
        personal(
            "card",
            "<card>",
            Matcher(Lazy(SPAN.pattern), find=cells_named, judge=card_judge),
            gate=r"(?i)(?:card|cc[ ._-]*n|karte|tarjeta|carte)",
            trigger=Trigger(
                words=("card", "cc", "karte", "tarjeta", "carte"), lower=True, needs="\n"
            ),
        ),
        personal(
            "card",
            "<card>",
            Matcher(Lazy(SPAN.pattern), find=card_literals, judge=sql_card_judge),
            gate=r"(?i)insert[ \t\r\n]+(?:(?:ignore|or[ \t\r\n]+[a-z]+)[ \t\r\n]+)?into[ \t\r\n]",
            trigger=Trigger(words=("insert",), lower=True),
        ),
        personal(
            "phone",
            "<phone>",
            Matcher(Lazy(SPAN.pattern), find=cells_named, judge=phone_judge),
            gate=rf"(?i)(?:{'|'.join(PHONE_TRIGGERS)})",
            trigger=Trigger(words=PHONE_TRIGGERS, lower=True, needs="\n"),
        ),
    ]
