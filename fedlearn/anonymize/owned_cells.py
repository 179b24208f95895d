"""A table's bare ``key`` column owned by the row's provider cell (DESIGN.md guarantee 1).

``key`` alone names a cache or sort key as often as a credential (``owned_keys``), so a table
column headed ``key`` names nothing by itself (``tables``). A header that also has a column
saying whose key it is, ``provider``, ``vendor``, ``service``, ``integration`` or ``platform``,
before the ``key`` column (``name,provider,key,created``, ``| Service | Key |``) makes each
row's key the owner's: the cell is judged as after ``<owner>_key=`` (``high-entropy``: it must
look generated; hex and UUIDs count), as ``owned_keys`` judges ``the Acme key: V``. An owner
cell that names data (``cache``, ``primary``: ``key_names.DATA_OWNERS``), is empty or is no
name leaves the row alone; so does a placeholder (``<rotated>``) and a name of words with a
version tail (``new_ranking_v2``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, public_ids, tables, words
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

OWNER_COLUMNS = frozenset({"provider", "vendor", "service", "integration", "platform"})
KEY_COLUMN = "key"
# A row's owner: a provider's name (``heroku``, ``azure-openai``, ``Google Cloud``).
OWNER = Lazy(r"[A-Za-z][A-Za-z0-9_.-]{1,40}(?: [A-Za-z0-9_.-]{1,20}){0,2}")
STRIP = " \t\"'`"
# A name's version or counter tail (``new_ranking_v2``, ``checkout-flow-3``): words with it are
# a feature flag's or setting's name, which ``words.is_named`` reads only without it.
VERSION_TAIL = Lazy(r"[_.-]v?[0-9]{1,3}\Z")


def owned_columns(subject: str) -> Iterator[re.Match[str]]:
    """Yield, per row of a table with an owner column before a bare ``key`` column, a match
    from the row's owner cell to the end of its key cell."""
    if "\n" not in subject:
        return
    first = tables.HEADER_LINE.match("\n" + subject[: subject.find("\n") + 1])
    lines = [(0, first.end() - 1)] if first is not None else []
    lines += [(line.start("line"), line.end()) for line in tables.HEADER_LINE.finditer(subject)]
    for line_start, line_end in lines:
        yield from header_rows(subject, line_start, line_end)


def owner_and_key(names: list[str]) -> tuple[int, int] | None:
    """Return the indexes of the last owner column before a bare ``key`` column and of that
    column, or None."""
    lower = [name.lower() for name in names]
    if KEY_COLUMN not in lower:
        return None
    key = lower.index(KEY_COLUMN)
    owners = [index for index in range(key) if lower[index] in OWNER_COLUMNS]
    return (owners[-1], key) if owners else None


def header_rows(subject: str, line_start: int, line_end: int) -> Iterator[re.Match[str]]:
    """Yield the finds under one header line (``owned_columns``)."""
    found = tables.header_kind(subject[line_start:line_end])
    if found is None:
        return
    delimiter, cells = found
    names = [tables.cell_name(subject[line_start + a : line_start + b]) for a, b in cells]
    columns = owner_and_key(names)
    if columns is None:
        return
    owner, key = columns
    rows = tables.lines_after(subject, line_end)
    if delimiter == "|":
        rule = next(rows, None)
        if rule is None or not tables.RULE_LINE.fullmatch(rule[1]):
            return
    for count, (row_start, line) in enumerate(rows):
        row = tables.row_cells(line, delimiter)
        if row is None or len(row) != len(cells) or count >= tables.MAX_ROWS:
            return
        (oa, ob), (ka, kb) = row[owner], row[key]
        if ob > oa and kb > ka:
            yield span_match(subject, row_start + oa, row_start + kb)  # ``judge`` reads both cells


def owned_cell(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a row's key cell when its owner cell makes it a credential."""
    start, end = match.span()
    cut = next((i for i in range(start, end) if text[i] in "|,;\t"), -1)
    if cut < 0:
        return None
    owner = text[start:cut].strip(STRIP)
    value_start = max(text.rfind(text[cut], start, end), text.rfind("\n", start, end)) + 1
    while end > value_start and text[end - 1] in STRIP:
        end -= 1
    value = text[value_start:end].lstrip(STRIP)
    return (end - len(value), end, "high-entropy") if is_owned_key(owner, value) else None


def is_owned_key(owner: str, value: str) -> bool:
    """Return whether ``value`` in a bare ``key`` column is a credential of the row's ``owner``."""
    if OWNER.fullmatch(owner) is None:
        return False
    owner = owner.lower().replace(" ", "_")
    if owner in key_names.DATA_OWNERS or owner.split("_")[-1] in key_names.DATA_OWNERS:
        return False  # ``cache,<sha256>``: a cache's key
    if public_ids.is_public_key(f"{owner}_key") or not value:
        return False
    if not key_names.is_secret_value("high-entropy", f"{owner}_key", value):
        return False
    name = VERSION_TAIL.compiled.sub("", value)
    if name != value and words.is_named(name):
        return False  # ``('search', 'new_ranking_v2')``: a flag's name and its version
    # A name holding a hash (``Linux-cargo-<sha256>``) is a cache key.
    return not (words.LONG_HEX.search(value) and not checks.is_hexadecimal(value.replace("-", "")))


def rules() -> list[Rule]:
    """Return the rule for a table's bare ``key`` column under an owner column."""
    owners = "|".join(sorted(OWNER_COLUMNS))
    return [
        Rule(
            ("high-entropy",),
            (Matcher(Lazy(SPAN.pattern), find=owned_columns, judge=owned_cell),),
            trigger=Trigger(words=tuple(sorted(OWNER_COLUMNS)), lower=True, needs="\n"),
            # The header: an owner column, then (cells later) a bare ``key`` cell.
            gate=rf"(?i)(?:{owners})[ \t\"'`]*[,;\t|](?:[^\n]*[,;\t|])?[ \t\"'`]*key[ \t\"'`]*(?:[,;\t|]|\r?\n)",
        ),
    ]
