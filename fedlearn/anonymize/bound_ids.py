"""National ids bound to a SQL statement's parameters, logged apart from it (DESIGN.md guarantee 1).

``bound`` maps each value an ORM or driver logs after a statement (SQLAlchemy ``[parameters: (…)]``,
Hibernate ``binding parameter (1:VARCHAR) <- […]``…) to the column its placeholder is bound to.
A value bound to a column whose last word names a national id (``personal_ids.KINDS``'s words:
``ssn``, ``nhs_number``, ``tax_file_number``, ``customerSin``, ``pan_no``) is one when it has
that kind's shape and passes its check (``<national-id>``): ``SET nhs_number=?`` then
``('943 476 5919', …)``. The kinds come from ``personal_ids`` (which registers this rule), so
this module needs only ``bound``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import bound
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, personal, span_match

Kind = tuple[str, str, Callable[[str], bool]]
# What may follow an id's word at the end of a column name (``nhs_number``, ``ssn_no``, ``panNr``).
SUFFIX = r"(?:[_.-]?(?:numbers?|num|nos?|nr|id|code))?"


Named = tuple[tuple[Lazy, Lazy, Callable[[str], bool]], ...]


def column_kinds(kinds: tuple[Kind, ...]) -> Named:
    """Return, per kind, the pattern of a column name (lower case, camel humps split by ``_``)
    whose last word is the kind's, the kind's shape and its check (compiled on first use)."""
    return tuple(
        (Lazy(rf"(?:^|[_.-])(?:{words}){SUFFIX}\Z"), Lazy(shape), check)
        for words, shape, check in kinds
    )


def column_kind(name: str, kinds: Named) -> tuple[Lazy, Callable[[str], bool]] | None:
    """Return the shape and check of the national id a column names (``nhs_number``), or None."""
    lower = bound.CAMEL.compiled.sub("_", name).lower().replace(" ", "_")
    for pattern, shape, check in kinds:
        if pattern.search(lower) is not None:
            return shape, check
    return None


def plain(value: str) -> str:
    """Return a value's letters and digits only, in upper case (what the kinds' checks take)."""
    return "".join(character for character in value if character.isalnum()).upper()


def rules(kinds: tuple[Kind, ...]) -> list[Rule]:
    """Return the rule for national ids bound to a statement's columns that name them."""
    named = column_kinds(kinds)

    def id_finds(subject: str) -> Iterator[re.Match[str]]:
        for column_start, column_end, _, value_end in bound.columns(subject):
            name = bound.column_name(subject[column_start:column_end])
            if column_kind(name, named) is not None:
                yield span_match(subject, column_start, value_end)

    def id_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        for column_start, column_end, value_start, value_end in bound.columns(text):
            if (column_start, value_end) != match.span():
                continue
            kind = column_kind(bound.column_name(text[column_start:column_end]), named)
            value = text[value_start:value_end]
            if kind is None or kind[0].fullmatch(value.lower()) is None:
                return None
            return (value_start, value_end, "") if kind[1](plain(value)) else None
        return None

    return [
        personal(
            "national-id",
            "<national-id>",
            Matcher(Lazy(SPAN.pattern), find=id_finds, judge=id_judge),
            gate=bound.GATE,
            trigger=Trigger(words=bound.LIST_WORDS, lower=True),
        ),
    ]
