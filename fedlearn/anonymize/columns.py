"""Values in a table column whose header names them (DESIGN.md guarantee 1): the header is the key.

A table names each value by its column's header, lines above it; ``table_layouts`` reads the
layouts (ruled, printed frames over an index, psql's expanded records, aligned, delimited) and
gives each cell under its header.

A value under a header that names a document (``documents.KINDS``' words, in any key spelling:
``passport_number``, ``carte_identite``, ``Health Card Number``) is judged as after that word
(``documents.number_at``: capitals and digits, maybe grouped, with enough digits) and must fill
its cell; a value under a header that names a secret (``api_key``, ``mfa_secret``) in a table
of any layout but Markdown and delimited is judged as after ``key=`` (``key_names.is_secret_value``)
when it is one run of characters that opens with no bracket or quote (``(not set)``, ``<none>``
stay); under a header of words it must read as generated, as in ``tables``. Markdown tables'
secret columns are ``tables``' as well.

From ``bench/pii16h``: a cell under a header whose last word names a phone (``bound.is_phone_column``)
is ``<phone>`` when it is 7 to 15 digits in phone punctuation and nothing else, not a date; one
under a header naming a card number (``CARD_HEADER``) is ``<card>`` when its 12 to 19 digits pass
Luhn and start like a card (``card_judge``). Both in every layout, CSV/TSV included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, documents, key_names, table_layouts, words
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS
from fedlearn.anonymize.keyed_numbers import is_key_start
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, personal, span_match


def cells_named(subject: str) -> Iterator[re.Match[str]]:
    """
    Return, per cell under a header, a match from its header's start to its value's end.

    Not a generator: the column rules run on every text of a batch whose header words fire
    (``permission``, ``org``), and most texts have no table, which is one test.
    """
    cells = table_layouts.table_cells(subject)
    if not cells:
        return EMPTY
    return iter([span_match(subject, cell[2], cell[4]) for cell in cells])


EMPTY: Iterator[re.Match[str]] = iter(())  # an exhausted iterator stays exhausted


def cell_of(match: re.Match[str], text: str) -> table_layouts.Cell | None:
    """Return the cell a match stands for (its header starts it, its value ends it)."""
    start, end = match.span()
    return next((c for c in table_layouts.table_cells(text) if c[2] == start and c[4] == end), None)


def document_judge(kind: str) -> Lazy:
    """Return the words that name ``kind``'s documents as a whole header (any key spelling)."""
    return Lazy(
        rf"(?:{next(row[1] for row in documents.KINDS if row[0] == kind)}){documents.SUFFIX}\Z"
    )


def documented(kind: str) -> Matcher:
    """Return the matcher of a document number under a header naming ``kind``."""
    named_by = document_judge(kind)

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        cell = cell_of(match, text)
        if cell is None:
            return None
        _, name, _, start, end = cell
        named = named_by.search(name.lower())
        if named is None or not is_key_start(name, named.start()):
            return None
        strong = documents.STRONG.search(named.group()) is not None
        found = documents.number_at(text, start, strong, short=len(named.group()) <= 3)
        return None if found != end else (start, end, "")

    return Matcher(Lazy(SPAN.pattern), find=cells_named, judge=judge)


def secret_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a secret under a ruled or aligned table's header naming one."""
    cell = cell_of(match, text)
    if cell is None or cell[0] in ("markdown", "delimited"):
        return None  # ``tables`` reads these
    _, name, _, start, end = cell
    value = text[start:end]
    key = name.replace(" ", "_")
    if not KEY_NAME.fullmatch(key):
        return None
    if any(c in " \t" for c in value) or value[0] in "([{<\"'":
        return None  # words or a note (``(not set)``, ``<none>``), not one generated string
    if " " in name and not (checks.looks_random(value, minimum=8) and not words.is_named(value)):
        return None
    found = key_names.classify_key(key)
    if found is None or not key_names.is_secret_value(found, key, value):
        return None
    return start, end, found


KEY_NAME = Lazy(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}")


def rules() -> list[Rule]:
    """Return a rule per document kind for values under a header naming it."""
    found = [
        personal(
            name,
            f"<{name}>",
            documented(name),
            gate=rf"(?i)(?:{words_of})",
            trigger=Trigger(words=triggers, lower=True, needs="\n"),
        )
        for name, words_of, triggers in documents.KINDS
    ]
    return found


def secret_rules() -> list[Rule]:
    """Return the rule for secrets under a ruled or aligned table's header naming one."""
    gate_words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=cells_named, judge=secret_judge),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="\n"),
            gate=rf"(?i)(?:{gate_words})",
        )
    ]
