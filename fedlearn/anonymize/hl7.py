"""Personal numbers in HL7 v2 messages (DESIGN.md guarantee 1): the field's type code names them.

An HL7 v2 message is segments (``PID|…``, one per line or ``\\r``), fields split by ``|``,
repetitions by ``~``, components by ``^``. An identifier field of type CX (``PID-3`` patient
identifiers, ``PID-2``/``4``/``18``/``21``, ``IN1-49``, ``NK1-33``, ``GT1``…) carries its kind in
its fifth component, the identifier type code of HL7 table 0203: ``12345678^^^AUTH^PPN`` is a
passport number, ``^DL`` a driving licence, ``^SS``/``^NI``/``^NNxxx`` a national id, ``^MR``/``^HC``
/``^JHN``/``^MC``… a health record or card, ``^TAX`` a tax id, ``^BA`` a bank account. Any
segment's field with such a code has its first component judged as a document number
(``documents.number_at``: capitals and digits, maybe grouped, with enough digits) and redacted
with its kind when it fills the component. Fields defined as one kind without a code are read by
position: ``PID-19``/``GT1-12``/``IN2-2``/``NK1-37`` (social security numbers), ``PID-20``
(driver's licence), and the phone fields ``PID-13``/``14``, ``NK1-5``/``6``, ``GT1-6``/``7``
(the number in the first component, or the area code and local number in the sixth and seventh).
A message control id, a date or a name under any other field stays.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from fedlearn.anonymize import documents, numbers
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, personal, span_match

# A segment: three capitals or digits (a capital first) and ``|`` at the start of a line.
SEGMENT = Lazy(r"(?<![^\r\n])[A-Z][A-Z0-9]{2}\|")
# Identifier type codes (HL7 table 0203) by the kind they name; ``NN`` + a country's 3 letters.
TYPE_CODES = {
    "national-id": ("SS", "NI", "PN", "PRC", "CZ", "BR", "BCT", "WP", "MI"),
    "passport": ("PPN", "VS"),
    "driving-licence": ("DL",),
    "health-id": ("HC", "JHN", "NH", "MA", "MC", "MB", "SN", "MR"),
    "tax-id": ("TAX",),
    "bank-account": ("BA",),
}
KIND_OF_CODE = {code: kind for kind, codes in TYPE_CODES.items() for code in codes}
COUNTRY_CODE = Lazy(r"NN[A-Z]{3}")
# Fields of one kind by their position (segment, field number).
POSITIONS = {
    ("PID", 19): "national-id",
    ("GT1", 12): "national-id",
    ("IN2", 2): "national-id",
    ("NK1", 37): "national-id",
    ("PID", 20): "driving-licence",
}
PHONES = frozenset({("PID", 13), ("PID", 14), ("NK1", 5), ("NK1", 6), ("GT1", 6), ("GT1", 7)})
# A find: its kind, its start and its end.
Found = tuple[str, int, int]


@functools.lru_cache(maxsize=8)
def hl7_values(text: str) -> tuple[Found, ...]:
    """Return the personal numbers in the HL7 segments of ``text``, with their kinds."""
    found: list[Found] = []
    for segment in SEGMENT.finditer(text):
        name = text[segment.start() : segment.start() + 3]
        if name == "MSH":
            continue  # its first field is the separators themselves; it names no person
        end = len(text)
        for stop in "\r\n":
            at = text.find(stop, segment.start())
            end = at if 0 <= at < end else end
        fields = spans(text, segment.start(), end, "|")
        for number, (a, b) in enumerate(fields):
            if number:
                field_values(text, name, number, a, b, found)
    return tuple(found)


def spans(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Return the spans of ``text[start:end]`` split at ``separator``."""
    found = []
    while True:
        at = text.find(separator, start, end)
        found.append((start, end if at < 0 else at))
        if at < 0:
            return found
        start = at + 1


def field_values(text: str, segment: str, number: int, a: int, b: int, found: list[Found]) -> None:
    """Add the personal numbers of field ``number`` of ``segment`` (at ``[a, b)``) to ``found``."""
    for ra, rb in spans(text, a, b, "~"):
        components = spans(text, ra, rb, "^")
        code = text[slice(*components[4])] if len(components) >= 5 else ""
        kind = KIND_OF_CODE.get(code) or ("national-id" if COUNTRY_CODE.fullmatch(code) else None)
        kind = kind or POSITIONS.get((segment, number))
        if kind is not None:
            start, end = components[0]
            if end > start and documents.number_at(text, start, True, False) == end:
                found.append((kind, start, end))
        elif (segment, number) in PHONES:
            phone(text, components, found)


def phone(text: str, components: list[tuple[int, int]], found: list[Found]) -> None:
    """Add a phone field's number: its first component, or its area code and local number."""
    start, end = components[0]
    if 7 <= len(numbers.digits_of(text[start:end])) <= 15:
        found.append(("phone", start, end))
    elif len(components) >= 7:
        start, end = components[5][0], components[6][1]
        if 7 <= len(numbers.digits_of(text[start:end])) <= 15:
            found.append(("phone", start, end))


def of_kind(kind: str) -> Matcher:
    """Return the matcher of ``kind``'s numbers in HL7 segments."""

    def find(subject: str) -> Iterator[re.Match[str]]:
        for found, start, end in hl7_values(subject):
            if found == kind:
                yield span_match(subject, start, end)

    return Matcher(Lazy(SPAN.pattern), find=find)


def rules() -> list[Rule]:
    """Return a rule per kind of personal number in HL7 segments."""
    kinds = [*TYPE_CODES, "phone"]
    return [
        personal(
            kind,
            f"<{kind}>",
            of_kind(kind),
            gate=r"(?:^|[\r\n])[A-Z][A-Z0-9]{2}\|",
            trigger=Trigger(words=("|",)),
        )
        for kind in kinds
    ]
