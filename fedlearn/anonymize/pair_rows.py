"""Secrets in a CLI table's key/value rows (DESIGN.md guarantee 1): the key cell names its value.

Cloud and ops CLIs print settings as tables of a key and its value, with no header that names
the secret: the key cell of the row does.

- A drawn box's row of two cells (``| API Secret | V |`` between ``+------+---+`` rules, the AWS
  CLI's ``||  DB_PASSWORD  |  V  ||`` under ``|+----+----+|``, ``║ KEY │ V ║`` in a ``╔═══╗``
  frame): a line that opens and closes with a separator (``|│┃║``; the edge's doubled ones count
  once) and holds exactly two cells, in a block of such lines where one line holds a rule's
  three dashes (``-─━═``), so a shell pipe or a lone ``| a | b |`` line is no box.
- An aligned table's ``Name``/``Key`` column beside a ``Value`` column (``az … -o table``,
  ``heroku config --table``): a header of names two blanks or more apart, maybe underlined by
  dashes; each row's key starts where its column's header starts and its value where the value
  column's starts, and runs to two blanks (the other columns need not line up).

The key is a key name (``tables.NAME``) or, in a box, up to three words whose last names a secret
(``API Secret``: ``tables.is_words_key``). The value is one run of characters, judged as after
``key=`` (``tables.judged``) and never a name or word (``words.is_named``: ``| password |
required |``, ``| api_key | string |`` in a document's table of settings); under a key of words
it must also read as generated or chosen (``key_names.reads_generated``), as in ``tabbed``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names, table_layouts, tables, words
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

SEPARATORS = table_layouts.SEPARATORS
# The first character of a box's lines: a separator, a corner or a rule's dash.
BOX_LINE = frozenset(SEPARATORS + "+┌└├╔╚╠╟╞╭╰┏┗┣╒╘╓╙-─━═=")
MAX_ROWS = 50


def box_cells(line: str) -> list[tuple[int, int]] | None:
    """
    Return the spans of a box row's cells, trimmed, without the empty ones at its edges (the
    AWS CLI's doubled ``||``), or None when the line does not open and close with a separator.
    """
    body = line.rstrip(" \t\r")
    start = len(body) - len(body.lstrip(" \t"))
    if len(body) - start < 2 or body[start] not in SEPARATORS or body[-1] not in SEPARATORS:
        return None
    cells = table_layouts.separated(body)  # the blanks before the first separator: an empty cell
    while cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    while cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return cells


def box_rows(subject: str) -> Iterator[re.Match[str]]:
    """Yield, per box row of two cells, a match from its key cell's start to its value's end."""
    if "\n" not in subject or not any(c in subject for c in SEPARATORS):
        return
    if not table_layouts.has_dashes(subject):
        return
    lines = subject.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        if lines[index].lstrip(" \t")[:1] not in BOX_LINE:
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].lstrip(" \t")[:1] in BOX_LINE:
            end += 1
        block = range(index, min(end, index + MAX_ROWS))
        if end - index >= 2 and any(table_layouts.has_dashes(lines[i]) for i in range(index, end)):
            for number in block:
                cells = box_cells(lines[number])
                if cells is not None and len(cells) == 2 and is_key_cell(lines[number], cells[0]):
                    yield span_match(
                        subject, starts[number] + cells[0][0], starts[number] + cells[1][1]
                    )
        index = end


def is_key_cell(line: str, cell: tuple[int, int]) -> bool:
    """Return whether a cell is a key name or a few words whose last names a secret."""
    key = line[cell[0] : cell[1]]
    if tables.NAME.fullmatch(key):
        return any(word in key.lower() for word in KEY_WORDS)
    return " " in key and tables.is_words_key(key)


def aligned_names(header: str) -> list[tuple[int, int]] | None:
    """Return the spans of an aligned header's names (two blanks or more apart), or None."""
    names = []
    position = len(header) - len(header.lstrip(" "))
    for gap in [*table_layouts.GAP.finditer(header, position), None]:
        end = len(header) if gap is None else gap.start()
        if not table_layouts.ALIGNED_NAME.compiled.fullmatch(header, position, end):
            return None
        names.append((position, end))
        if gap is not None:
            position = gap.end()
    return names if len(names) >= 2 else None


def aligned_rows(subject: str) -> Iterator[re.Match[str]]:
    """Yield, per row of an aligned key/value table, a match from its key to its value's end."""
    if "\n" not in subject or "  " not in subject:
        return
    lines = subject.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for index, header in enumerate(lines[:-1]):
        header = header.rstrip("\r")
        if "  " not in header or not any(c.isalpha() for c in header):
            continue
        names = aligned_names(header)
        pair = None if names is None else key_value_columns(header, names)
        if pair is None:
            continue
        first = index + 1
        if set(lines[first].strip(" \r")) <= {"-", " "} and "-" in lines[first]:
            first += 1  # the header's underline
        for number in range(first, min(len(lines), first + MAX_ROWS)):
            row = lines[number].rstrip("\r")
            if not row.strip():
                break
            found = aligned_pair(row, *pair)
            if found is not None:
                yield span_match(subject, starts[number] + found[0], starts[number] + found[1])


def key_value_columns(header: str, names: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return where a key column and the value column after it start, or None."""
    lower = [header[a:b].lower() for a, b in names]
    keys = [i for i, name in enumerate(lower) if name in tables.KEY_COLUMNS]
    values = [i for i, name in enumerate(lower) if name in tables.VALUE_COLUMNS]
    if not keys or not values or values[0] < keys[0]:
        return None
    return names[keys[0]][0], names[values[0]][0]


def aligned_pair(row: str, key_at: int, value_at: int) -> tuple[int, int] | None:
    """Return the span from a row's key (at ``key_at``) to its value's end (at ``value_at``)."""
    if len(row) <= value_at or row[value_at] == " " or row[value_at - 1] != " ":
        return None
    if row[key_at : key_at + 1] in ("", " ") or (key_at and row[key_at - 1] != " "):
        return None
    key_end = row.find(" ", key_at)
    if (
        key_end < 0
        or value_at - key_end < 2  # a column's gap: two blanks (the rule's gate reads them)
        or row[key_end:value_at].strip()
        or not tables.NAME.fullmatch(row[key_at:key_end])
    ):
        return None
    if not any(word in row[key_at:key_end].lower() for word in KEY_WORDS):
        return None
    value_end = row.find("  ", value_at)
    value_end = len(row.rstrip(" ")) if value_end < 0 else value_end
    return key_at, value_end


def pair_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a row's value under the key that starts the match."""
    start, end = match.span()
    row = text[start:end]
    gap = re.search(r"[ \t]*[│┃║|][ \t]*|[ ]{2,}", row)
    if gap is None:
        return None
    key, value = row[: gap.start()], row[gap.end() :]
    if not value or any(c in " \t" for c in value) or words.is_named(value):
        return None
    if " " in key and not key_names.reads_generated(value, 8):
        return None  # words name a secret less surely: the value must read as generated
    return tables.judged(key.replace(" ", "_"), value, end)


def rules() -> list[Rule]:
    """Return the rules for a value beside its key in a box's row or an aligned table's row."""
    words_of = "|".join(re.escape(word) for word in GATE_WORDS)
    box = rf"(?m:^)[ \t]*[|│┃║][^\n]*(?:{words_of})[a-z0-9_.-]*[ \t]*[|│┃║]"
    aligned = rf"[a-z0-9_.-]*(?:{words_of})[a-z0-9_.-]*[ ][ ]"
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(SPAN.pattern), find=box_rows, judge=pair_judge),
                Matcher(Lazy(SPAN.pattern), find=aligned_rows, judge=pair_judge),
            ),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="\n"),
            gate=rf"(?i)(?:{box}|{aligned})",
        ),
    ]
