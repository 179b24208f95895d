"""Where a text's tables are, and which header names each cell (``columns`` judges the cells).

A table names each value by its column's header, lines above it. These layouts are read:

- ruled: a header line, then a rule line of dashes and crosses, then rows with the header's
  number of cells: psql's aligned output (``id | passport_number`` over ``----+----``), MySQL's
  and box-drawn tables (``| a | b |`` under ``+---+---+``, ``│ a │ b │`` over ``├───┼───┤``),
  Spark's ``df.show()``, Markdown tables; polars frames, ``┆`` between their cells, whose header
  stands above a ``--- ┆ ---`` row and a row of dtypes (``str``, ``i64``) over ``╞═══╪═══╡``;
- indexed: a frame printed over an index column (pandas, R's data.frame and tibble): a header
  indented over the index, names one blank or more apart, maybe a tibble's ``<chr>`` type row,
  then unindented rows of the index and one run of characters per name, taken in order;
- record: psql's expanded display, ``name | value`` lines under ``-[ RECORD 1 ]---+---``;
- aligned: a header of names two blanks or more apart (``pandas`` frames, ``column -t``), then rows
  whose cells end where their header ends (right-aligned, pandas) or start where it starts
  (left-aligned), every row alike;
- delimited: a CSV/TSV/``;`` header row of names (``tables.header_kind``), then rows of as many
  cells (documents only: ``tables`` reads their secret-named columns).

``table_cells`` gives each cell as its layout, its header's name, where the header starts and
where the value starts and ends; ``pair_rows`` reads a ruled or aligned key/value table with the
same separators, rule lines and aligned names.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from fedlearn.anonymize.rules import Lazy
from fedlearn.anonymize.tables import RULE_LINE, header_kind, row_cells

# A cell separator of a ruled table, and a rule line: dashes with at least one cross between them.
# (Polars draws ``┆`` between a frame's cells and ``│`` at its edges: ``CELL_SEPARATORS``.)
SEPARATORS = "|│┃║"
CELL_SEPARATORS = SEPARATORS + "┆"
RULE = Lazy(r"[ \t]*[-─━═=+|│┃║┼├┤╪╋┿╫╬╞╡╠╣╟╢:]*[-─━═=]{3}[-─━═=+|│┃║┼├┤╪╋┿╫╬╞╡╠╣╟╢: \t]*\r?")
# In every rule line; written out, not ``{3}``: sre scans for a leading class at memory speed,
# and enters its repeat machinery at every position for a counted one (2-3x the time).
DASHES = Lazy(r"[-─━═=][-─━═=][-─━═=]")
# In ASCII text the dashes are ``-`` and ``=``: mapped to 1 (every other byte to 0), three in a
# row are found at memory speed, where sre tests the class at every character (~90 instructions).
DASH_BYTES = bytes(int(chr(byte) in "-=") for byte in range(256))
CROSSES = frozenset("+|│┃║┼├┤╪╋┿╫╬")
# A header cell: a name of letters (any script), digits and ``_.#/()-``, up to a few words.
HEADER_CELL = Lazy(r"[^\W\d][\w.#/()-]*(?: [\w.#/()-]+){0,3}")
# An aligned header: names two or more blanks apart.
# Possessive: a blank follows each run and none is in its class, so giving back never helps.
ALIGNED_NAME = Lazy(r"[A-Za-z_][A-Za-z0-9_.-]*+(?: [A-Za-z0-9_.-]++){0,2}")
GAP = Lazy(r"[ ]{2,}")
# The start of a delimited header (``tables.header_kind``'s first check): a first cell that is a
# name, maybe in quotes, then a delimiter; or a cell in double quotes.
# Possessive runs: what follows each run cannot match its class, so giving back never helps
# (the same matches, without backtracking through a line's first word: 3x faster).
DELIMITED_HEAD = Lazy(r"[ \t]*+(?:\"|[\"'`]*+[A-Za-z_][A-Za-z0-9_.-]*+[\"'`]*+[\t,;])")
# The same at a line's start after the first: the text's lines are tested in one search, which
# finds its literal at memory speed (no line can match across a line break).
DELIMITED_LINE = Lazy("\n" + DELIMITED_HEAD.pattern)
# Where an aligned header's first gap is: a name's last character, two blanks or more, the next
# name's first letter (``ALIGNED_NAME`` on both sides), in one line; found from the two blanks, a
# literal. Prose's and logs' double blanks (after ``:``, ``)``, ``|``, before a digit) have none.
GAPPED = Lazy(r"  (?<=[A-Za-z0-9_.-]  ) *[A-Za-z_]")
# A polars dtype, as a frame prints it under its header (``str``, ``i64``, ``datetime[μs, UTC]``).
DTYPE = Lazy(
    r"(?:str|bool|cat|enum|null|object|binary|date|time|[iuf](?:8|16|32|64|128)"
    r"|(?:datetime|duration|list|array|struct|decimal|enum)\[[^\]]{1,24}\])"
)
# A frame printed over an index column (pandas, R's data.frame and tibble): its header is indented
# over the index, names one blank or more apart (``...`` where pandas elides columns); a tibble's
# row of types (``<chr>``) may follow; then rows that open with their index, unindented.
INDEX_NAME = r"(?:[A-Za-z_][A-Za-z0-9_.-]*+|\.\.\.)"
INDEX_HEAD = Lazy(rf"[ ]+{INDEX_NAME}(?:[ ]+{INDEX_NAME})+[ ]*\r?")
# Where such a header can be, in one search of the text (``indexed`` reads it).
INDEXED = Lazy(rf"^{INDEX_HEAD.pattern}\n(?:[ ]+<[^<>\n]+>[^\n]*\n)?(?=\S)", re.M)
TYPE_ROW = Lazy(r"[ ]+<[^<>\n]+>(?:[ ]+<[^<>\n]+>)*[ ]*\r?")
TOKEN = Lazy(r"[^ \t\r]+")
# psql's expanded display (``\\x``): a ``-[ RECORD 1 ]--+--`` line, then a line per column, its
# name, blanks to the widest name's end, ``|`` and the value (``api_key | V``).
RECORD_HEAD = Lazy(r"-\[ RECORD [0-9]+ \]-*(?:\+-*)?\r?")
RECORD_ROW = Lazy(r"([A-Za-z_][A-Za-z0-9_.$-]*)[ ]*\| ?(.*?)[ \t\r]*")
MAX_ROWS = 50
# (layout, header name, where the header starts, value start, value end)
Cell = tuple[str, str, int, int, int]


@functools.lru_cache(maxsize=8)
def table_cells(text: str) -> tuple[Cell, ...]:
    """
    Return every cell under a header of the tables in ``text`` (see the module docstring).

    Each layout's lines are read only where its cheap necessary condition holds: a ruled table's
    header has a separator and its rule line three dashes in a row (one search of a text with a
    separator), an aligned header two blanks between two names (``GAPPED``), a delimited header a first cell
    that is a name (``DELIMITED_HEAD``, ``tables.header_kind``'s first check) and its delimiter
    in the next line too (else that row has one cell). Whether some line can head an aligned or a
    delimited table is one search of the whole text each (``GAPPED``, ``DELIMITED_LINE``); then
    those lines are picked by ``in`` tests and one match each, and a text with none is not read
    further.
    """
    if "\n" not in text:
        return ()
    rule_lines = "|" in text or "│" in text or "┃" in text or "║" in text  # ``SEPARATORS``
    rule_lines = rule_lines and has_dashes(text)
    # Whether some line can head an aligned or a delimited table: one search of the whole text.
    head = DELIMITED_HEAD.match
    may_gap = GAPPED.search(text) is not None
    # A delimited header has its delimiter (``named`` below): a text with none spares the searches.
    may_name = ("," in text or ";" in text or "\t" in text) and (
        head(text) is not None or DELIMITED_LINE.search(text) is not None
    )
    records = "-[ RECORD " in text
    # A frame over an index: an indented header, then (after a tibble's types) an unindented row.
    may_index = "\n " in text or text[:1] == " "
    heads = [match.start() for match in INDEXED.finditer(text)] if may_index else []
    if not (rule_lines or may_gap or may_name or heads or records):
        return ()
    parts = text.split("\n")
    last = len(parts) - 1  # a header needs a line after it
    # The candidate headers, found by the ``in`` tests alone (the loops are the cost).
    gapped = []
    if may_gap:
        gapped = [i for i, part in enumerate(parts) if "  " in part and "  " in part.lstrip(" ")]
    named = []
    if may_name:
        named = [
            i
            for i, part in enumerate(parts)
            if ("," in part or ";" in part or "\t" in part) and head(part)
        ]
    if not (rule_lines or gapped or named or heads or records):
        return ()
    starts = itertools.accumulate([len(part) + 1 for part in parts], initial=0)
    lines = list(zip(starts, parts, strict=False))  # one start more than parts
    found: list[Cell] = []
    taken: set[int] = set()  # the header lines read already
    if rule_lines:
        for index in range(1, last):
            line = lines[index][1]
            if is_rule(line):
                taken.add(ruled(lines, index, found))
    if records:
        for index in range(last):
            if lines[index][1].startswith("-[ RECORD ") and RECORD_HEAD.fullmatch(lines[index][1]):
                record(lines, index, found)
    if heads:  # before ``aligned``, which reads a one-blank gap as a header of words
        line_starts = [start for start, _ in lines]
        for start in heads:
            index = bisect.bisect_right(line_starts, start) - 1
            if index not in taken and indexed(lines, index, found):
                taken.add(index)
    for index in gapped:
        if index < last and index not in taken:
            aligned(lines, index, found)
    for index in named:
        if index < last and index not in taken and may_head(parts[index], parts[index + 1]):
            delimited(lines, index, found)
    return tuple(found)


def has_dashes(text: str) -> bool:
    """Return whether ``text`` has three dashes in a row (``DASHES``)."""
    if text.isascii():
        return b"\x01\x01\x01" in text.encode("ascii").translate(DASH_BYTES)
    return DASHES.search(text) is not None


def may_head(header: str, row: str) -> bool:
    """Return whether ``header`` has a delimiter (``tables.delimiter_of``, not ``|``: ``tables``'
    Markdown) that ``row`` has too: what ``delimited`` needs for a row of two cells or more."""
    if "\t" in header:
        delimiter = "\t"
    elif "," in header:
        delimiter = ","
    elif ";" in header:
        delimiter = ";"
    else:
        return False
    return delimiter in row and not header.lstrip(" \t").startswith("|")


def is_rule(line: str) -> bool:
    """Return whether a line is a table's rule: dashes, and a cross between them."""
    if not any(dash in line for dash in "-─━═="):
        return False
    return RULE.fullmatch(line) is not None and any(c in CROSSES for c in line.strip(" \t\r")[1:-1])


def separated(line: str, separators: str = SEPARATORS) -> list[tuple[int, int]]:
    """Return the spans between a ruled line's separators, trimmed of blanks."""
    bounds = [-1, *(i for i, c in enumerate(line) if c in separators), len(line.rstrip("\r"))]
    cells = []
    for left, right in itertools.pairwise(bounds):
        a, b = left + 1, right
        while a < b and line[a] in " \t":
            a += 1
        while b > a and line[b - 1] in " \t\r":
            b -= 1
        cells.append((a, b))
    return cells


def header_above(lines: list[tuple[int, str]], index: int) -> int:
    """
    Return the index of a ruled table's header above its rule line at ``index``: the line above,
    or in a polars frame the line above its ``--- ┆ ---`` line and its row of dtypes (``str``,
    ``i64``), either of which may be hidden.
    """
    above = index - 1
    for _ in range(2):
        if above < 1:
            break
        cells = separated(lines[above][1], CELL_SEPARATORS)
        line = lines[above][1]
        if all(line[a:b] in ("", "---") for a, b in cells) and "---" in line:
            above -= 1
        elif line.lstrip(" \t").startswith("│") and all(
            a == b or DTYPE.fullmatch(line[a:b]) for a, b in cells
        ):
            upper = lines[above - 1][1]
            if len(separated(upper, CELL_SEPARATORS)) != len(cells) or RULE.fullmatch(upper):
                break
            above -= 1
        else:
            break
    return above


def ruled(lines: list[tuple[int, str]], index: int, found: list[Cell]) -> int:
    """Read a header above the rule line at ``index`` and the rows below it; return the header's
    index if a table, else -1."""
    above = header_above(lines, index)
    header_start, header = lines[above]
    names = separated(header, CELL_SEPARATORS)
    if len(names) < 2 or not any(header[a:b] for a, b in names):
        return -1
    if not all(a == b or HEADER_CELL.fullmatch(header[a:b]) for a, b in names):
        return -1
    markdown = header.lstrip(" \t").startswith("|") and RULE_LINE.fullmatch(lines[index][1])
    layout = "markdown" if markdown else "ruled"
    for count, (row_start, row) in enumerate(lines[index + 1 :]):
        cells = separated(row, CELL_SEPARATORS)
        if count >= MAX_ROWS or len(cells) != len(names) or RULE.fullmatch(row):
            break
        for (a, b), (va, vb) in zip(names, cells, strict=True):
            if b > a and vb > va:
                found.append(
                    (layout, header[a:b], header_start + a, row_start + va, row_start + vb)
                )
    return above


def aligned(lines: list[tuple[int, str]], index: int, found: list[Cell]) -> None:
    """Read an aligned header at ``index`` and the rows after it whose cells line up with it."""
    header_start, header = lines[index]
    header = header.rstrip("\r")
    names = []
    position = len(header) - len(header.lstrip(" "))
    for gap in [*GAP.finditer(header, position), None]:
        end = len(header) if gap is None else gap.start()
        if not ALIGNED_NAME.compiled.fullmatch(header, position, end):
            return
        names.append((position, end))
        if gap is not None:
            position = gap.end()
    if len(names) < 2:
        return
    rows = []
    for row_start, row in lines[index + 1 : index + 1 + MAX_ROWS]:
        row = row.rstrip("\r")
        if not row.strip():
            break
        rows.append((row_start, row))
    # A frame's lines are equally wide: a header that is the text's first line may have lost its
    # indent to a trimmed string, so it is placed by its right end.
    shift = 0
    widths = {len(row) for _, row in rows}
    if index == 0 and len(widths) == 1 and names[0][0] == 0 and max(widths) > len(header):
        shift = max(widths) - len(header)
    edges = [(a + shift, b + shift) for a, b in names]
    for right in (True, False) if shift == 0 else (True,):
        cells = [row_values(row, edges, right) for _, row in rows]
        count = next((i for i, values in enumerate(cells) if values is None), len(cells))
        if count:
            for (row_start, _), values in zip(rows[:count], cells[:count], strict=True):
                for (a, b), (va, vb) in zip(names, values or (), strict=True):
                    found.append(
                        ("aligned", header[a:b], header_start + a, row_start + va, row_start + vb)
                    )
            return


def row_values(row: str, names: list[tuple[int, int]], right: bool) -> list[tuple[int, int]] | None:
    """
    Return the span of each column's value in an aligned row, or None when the row does not line
    up: right-aligned, each value ends where its header ends; left-aligned, starts where it starts.
    A value runs until two blanks (or a neighbour's start or end).
    """
    values = []
    for number, (a, b) in enumerate(names):
        edge = b if right else a
        if (
            len(row) < edge
            or (right and row[edge - 1] == " ")
            or (not right and row[edge : edge + 1] in ("", " "))
        ):
            return None
        if right:
            if edge < len(row) and row[edge] != " ":
                return None
            floor = names[number - 1][1] + 1 if number else 0
            start = row.rfind("  ", floor, edge)
            start = floor if start < 0 else start + 2
            start += len(row[start:edge]) - len(row[start:edge].lstrip(" "))
            values.append((start, edge))
        else:
            if edge and row[edge - 1] != " ":
                return None
            ceiling = names[number + 1][0] - 1 if number + 1 < len(names) else len(row)
            end = row.find("  ", edge, ceiling)
            end = ceiling if end < 0 else end
            values.append((edge, len(row[:end].rstrip(" "))))
    return values


def delimited(lines: list[tuple[int, str]], index: int, found: list[Cell]) -> None:
    """Read a CSV/TSV/``;`` header at ``index`` and the rows of as many cells after it."""
    header_start, header = lines[index]
    kind = header_kind(header)
    if kind is None or kind[0] == "|":
        return
    delimiter, names = kind
    for row_start, row in lines[index + 1 : index + 1 + MAX_ROWS]:
        cells = row_cells(row, delimiter)
        if cells is None or len(cells) != len(names):
            return
        for (a, b), (va, vb) in zip(names, cells, strict=True):
            if vb > va:
                found.append(
                    (
                        "delimited",
                        header[a:b].strip("\"'` \t"),
                        header_start + a,
                        row_start + va,
                        row_start + vb,
                    )
                )


def indexed(lines: list[tuple[int, str]], index: int, found: list[Cell]) -> bool:
    """
    Read a frame's header over an index column at ``index`` (``INDEXED``) and its rows: each row
    opens with its index and holds one run of characters per header name, taken in order (a frame
    widens a column to its widest value; a hand-made one may not, so the order is what counts).
    Return whether a row was read (else ``aligned`` may read the header: values of words).
    """
    header_start, header = lines[index]
    if not INDEX_HEAD.fullmatch(header):
        return False
    names = [match.span() for match in TOKEN.finditer(header)]
    first = index + 1
    if TYPE_ROW.fullmatch(lines[first][1]):
        first += 1
    read = False
    for row_start, row in lines[first : first + MAX_ROWS]:
        if not row[:1].strip():
            break
        values = [match.span() for match in TOKEN.finditer(row)]
        if len(values) != len(names) + 1:
            break
        for (a, b), (va, vb) in zip(names, values[1:], strict=True):
            found.append(("indexed", header[a:b], header_start + a, row_start + va, row_start + vb))
        read = True
    return read


def record(lines: list[tuple[int, str]], index: int, found: list[Cell]) -> None:
    """Read the lines of a psql expanded record after its ``-[ RECORD n ]`` line at ``index``:
    each column's name, ``|`` and its value (``RECORD_ROW``), up to a line that is none."""
    for row_start, row in lines[index + 1 : index + 1 + MAX_ROWS]:
        match = RECORD_ROW.fullmatch(row)
        if match is None:
            return
        start, end = match.span(2)
        if end > start:
            found.append(("record", match[1], row_start, row_start + start, row_start + end))
