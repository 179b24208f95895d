"""Secrets whose key and value stand apart (DESIGN.md guarantee 1): table columns and SQL.

A key names its value from afar in a table: a CSV, TSV or ``;``-separated header row with a
cell that names a secret (``provider,db_password,owner``), or a Markdown table's header (before its
``|---|`` line), names the cells of that column in the rows below; a key/value table (a header
``name,value``, ``| key | value |``) has the key in one cell of a row and the value in another;
SQL's forms are ``sql``'s. Each such value is judged as it
would be after ``key=`` (``key_names.is_secret_value``) and redacted under that key's rule.

A header counts only when every cell of it is a name (letters, digits, ``_.-``; a Markdown header's
cells may hold up to three words), and rows only while they have the header's number of cells,
so prose with commas is no table. Each find is a match from the key to the end of its value; the
judge reads the key at its start and the value back from its end.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, words
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_CHARACTERS, KEY_WORDS
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

# The characters of a header line (cells that are names; a Markdown header's of a few words).
# A header line after a line break: names between delimiters, or a Markdown row of a few words.
CELL = r"[ \t\"'`]*[A-Za-z_][A-Za-z0-9_.-]*[ \t\"'`]*"
HEADER_LINE = Lazy(
    rf"\n(?P<line>{CELL}(?:[,;\t]{CELL})+\r?"
    r"|[ \t]*\|(?:[ \t`]*[A-Za-z_][A-Za-z0-9_. -]*[ \t`]*\|)+[ \t\r]*)(?=\n)"
)
NAME = Lazy(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}")
WORDS = Lazy(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}(?: [A-Za-z0-9_.-]{1,40}){0,2}")
RULE_LINE = Lazy(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?\|?[ \t]*\r?")
# The columns of a key/value table: the key's and the value's.
KEY_COLUMNS = frozenset(
    {
        "key",
        "name",
        "variable",
        "var",
        "setting",
        "param",
        "parameter",
        "property",
        "env",
        "config_key",
        "setting_name",
        "key_name",
        "field",
        "option",
    }
)
VALUE_COLUMNS = frozenset({"value", "val", "setting_value", "config_value", "secret_value", "data"})
DELIMITERS = "\t,;"
MAX_ROWS = 50
QUOTES = "\"'`"


def cell_name(cell: str) -> str:
    """Return a cell's text without blanks and quotes (``"api_key"`` → ``api_key``)."""
    return cell.strip(" \t\r").strip(QUOTES).strip(" \t")


def split_cells(line: str, delimiter: str) -> list[tuple[int, int]] | None:
    """
    Return the spans of the cells of a CSV/TSV line (a quoted cell: inside its quotes), or None
    when a quoted cell holds its quote doubled or is not closed (no exact span for it).
    """
    cells = []
    position = 0
    size = len(line)
    while True:
        start = position
        while start < size and line[start] in " \t" and line[start] != delimiter:
            start += 1
        if start < size and line[start] == '"':
            end = line.find('"', start + 1)
            if end < 0 or line.startswith('"', end + 1):
                return None
            cells.append((start + 1, end))
            position = line.find(delimiter, end)
        else:
            position = line.find(delimiter, start)
            cells.append((start, size if position < 0 else position))
        if position < 0:
            return cells
        position += 1


def markdown_cells(line: str) -> list[tuple[int, int]] | None:
    """Return the spans of a Markdown table row's cells, trimmed, or None if it is no row."""
    stripped = line.rstrip(" \t\r")
    start = len(line) - len(line.lstrip(" \t"))
    if not stripped.startswith("|", start) or not stripped.endswith("|") or len(stripped) < 2:
        return None
    cells = []
    bounds = [index for index, char in enumerate(stripped) if char == "|" and index >= start]
    for left, right in itertools.pairwise(bounds):
        a, b = left + 1, right
        while a < b and line[a] in " \t":
            a += 1
        while b > a and line[b - 1] in " \t":
            b -= 1
        if b - a >= 2 and line[a] == "`" and line[b - 1] == "`":
            a, b = a + 1, b - 1
        cells.append((a, b))
    return cells


def lines_after(text: str, end: int) -> Iterator[tuple[int, str]]:
    """Yield the lines after the one that ends at ``end``, with their start offsets."""
    position = end + 1
    while position <= len(text) and end >= 0:
        stop = text.find("\n", position)
        line = text[position : stop if stop >= 0 else len(text)]
        yield position, line
        if stop < 0:
            return
        position = stop + 1


def row_cells(line: str, delimiter: str) -> list[tuple[int, int]] | None:
    """Return the spans of a row's cells (``|``: a Markdown row), or None if it is no row."""
    line = line.rstrip("\r")
    return markdown_cells(line) if delimiter == "|" else split_cells(line, delimiter)


def delimiter_of(line: str) -> str:
    """Return the delimiter a table line uses (``|`` for Markdown), or "" for none."""
    if line.lstrip(" \t").startswith("|"):
        return "|"
    return next((d for d in DELIMITERS if d in line), "")


def header_kind(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    """Return a header line's delimiter and its cells' spans, or None when it is no header."""
    delimiter = delimiter_of(line)
    # A first cell unquoted and no name (prose: ``I tried it, but``) fails the check below: it is
    # read alone, not after splitting the whole line.
    if delimiter and delimiter != "|":
        first = line[: line.find(delimiter)].lstrip(" " if delimiter == "\t" else " \t")
        if not first.startswith('"') and NAME.fullmatch(first.strip(QUOTES)) is None:
            return None
    cells = row_cells(line, delimiter) if delimiter else None
    if cells is None or len(cells) < 2:
        return None
    # Markdown's and TSV's names may be a few words (``Card number``): a tab is no prose's comma.
    names = WORDS if delimiter in "|\t" else NAME
    if not all(names.fullmatch(line[a:b].strip(QUOTES)) for a, b in cells):
        return None
    return delimiter, cells


def is_words_key(cell: str) -> bool:
    """
    Return whether a Markdown header's words name a secret by their last word (``API Key``,
    ``Access Token``; not a qualifier after it, so the rule's gate, a key word before the
    cell's ``|``, holds).
    """
    return (
        WORDS.fullmatch(cell) is not None
        and key_names.classify_whole(cell.replace(" ", "_")) is not None
    )


def table_finds(subject: str) -> Iterator[re.Match[str]]:
    """
    Return, per secret-named column of a table, a match from its key to each row's value, and
    per key/value row whose key names a secret, a match from its key to its value.

    Each line with a delimiter and a following line is tried as a header, found by one scan
    that passes over a line at its first character no header has (``(``, ``=``, ``:``, ``/``…).
    """
    if "\n" not in subject:
        return
    # Each line after a line break (the first line too, read after a line break put before it).
    first = HEADER_LINE.match("\n" + subject[: subject.find("\n") + 1])
    if first is not None:
        yield from header_finds(subject, 0, first.end() - 1)
    for line in HEADER_LINE.finditer(subject):
        yield from header_finds(subject, line.start("line"), line.end())


def header_finds(subject: str, line_start: int, line_end: int) -> Iterator[re.Match[str]]:
    """Return the finds of a header line: its secret-named columns', its key/value rows'."""
    found = header_kind(subject[line_start:line_end])
    if found is None:
        return
    delimiter, cells = found
    names = [subject[line_start + a : line_start + b] for a, b in cells]
    keyed = [
        (index, line_start + a)
        for index, (a, b) in enumerate(cells)
        if (NAME.fullmatch(names[index]) and key_names.classify_key(names[index]) is not None)
        or (delimiter == "|" and " " in names[index] and is_words_key(names[index]))
    ]
    keys = [i for i, name in enumerate(names) if cell_name(name) in KEY_COLUMNS]
    values = [i for i, name in enumerate(names) if cell_name(name) in VALUE_COLUMNS]
    pair = (keys[0], values[0]) if keys and values else None
    if not keyed and pair is None:
        return
    rows = lines_after(subject, line_end)
    if delimiter == "|":
        first = next(rows, None)
        if first is None or not RULE_LINE.fullmatch(first[1]):
            return
    for count, (row_start, line) in enumerate(rows):
        row = row_cells(line, delimiter)
        if row is None or len(row) != len(cells) or count >= MAX_ROWS:
            return
        for index, key_start in keyed:
            a, b = row[index]
            if b > a:
                yield span_match(subject, key_start, row_start + b)
        if pair is not None:
            (ka, kb), (va, vb) = row[pair[0]], row[pair[1]]
            key = line[ka:kb]
            if vb > va and (NAME.fullmatch(key) or (delimiter == "|" and is_words_key(key))):
                yield span_match(subject, row_start + ka, row_start + vb)  # ``| API key | V |``


def delimiter_at(text: str, key_start: int, key_end: int) -> str:
    """Return the delimiter beside the key cell at ``[key_start, key_end)`` ("" for none)."""
    after = key_end
    while after < len(text) and text[after] in " " + QUOTES:
        after += 1
    if after < len(text) and text[after] in "|" + DELIMITERS:
        return text[after]
    before = key_start
    while before > 0 and text[before - 1] in " " + QUOTES:
        before -= 1
    return text[before - 1] if before > 0 and text[before - 1] in "|" + DELIMITERS else ""


def cell_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value at a find's end under the key cell at its start."""
    start, end = match.span()
    key_end = start
    while key_end < end and text[key_end] in KEY_CHARACTERS:
        key_end += 1
        if text[key_end] == " " and text[key_end + 1 : key_end + 2] in KEY_CHARACTERS:
            key_end += 1  # a Markdown header's words (``API Key``)
    if end < len(text) and text[end] in QUOTES and text[end - 1 : end] != " ":
        stops = text[end] + "\n"
    else:
        stops = delimiter_at(text, start, key_end) + "\n"
    value_start = text.rfind(stops[0], key_end, end) + 1
    value_start = max(value_start, text.rfind("\n", key_end, end) + 1)
    value = text[value_start:end].lstrip(" \t")
    if stops[0] == "|" and len(value) >= 2 and value[0] == "`":
        value = value[1:]
    key = text[start:key_end]
    if " " in key and not (checks.looks_random(value, minimum=8) and not words.is_named(value)):
        return (
            None  # words name a secret less surely (``| Reset password |``): it must look generated
        )
    return judged(key.replace(" ", "_"), value, end)


def judged(
    key: str, value: str, end: int, *, authorization: bool = True
) -> tuple[int, int, str] | None:
    """
    Return the span and rule of ``value`` (ending at ``end``) under ``key``, or None: the literal
    judged as after ``key=`` (``key_names.classify_key``, ``key_names.is_secret_value``). Every
    value found apart from its key is judged here (tables, SQL, declarations, var_dump…).
    ``authorization=False``: an ``Authorization`` key's value is left to the scheme rules.
    """
    name = key_names.classify_key(key)
    if name is None or not value or not (authorization or name != "authorization"):
        return None
    if not key_names.is_secret_value(name, key, value):
        return None
    return end - len(value), end, name


def keyed_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``judged``'s answer for a match's ``value`` group under its ``key`` group: the judge
    of every form whose pattern reads a key and its value apart (a dump's key and string, a
    pointer's member, a declaration's name)."""
    return judged(match.group("key"), match.group("value"), match.end("value"))


def password_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``judged``'s answer for a match's ``value`` group as a password: the judge of forms
    whose grammar, not a key, places a password (a Basic pair's ``user:V``, a credentials call's
    argument, an IRC ``IDENTIFY``, ftp's ``user U V``), so what stays after ``password=`` (a
    ``$variable``, an option, a value named like its key, words that say fake) stays there too.
    ``literal_password`` is the plainer judge of tools' output."""
    return judged("password", match.group("value"), match.end("value"))


def literal_password(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a match's ``value`` group as a password when it is a literal (``checks.is_literal``:
    4 or more characters, no reference). The judge of a tool's output or a protocol's line that
    prints the password itself (a cracker's found pair, a proxy list's line): only a reference or
    placeholder there is no password; unlike ``password_value``, no refusal of what a person
    writes after ``password=`` (an option, a value named like its key)."""
    value = match.group("value")
    if not checks.is_literal(value):
        return None
    return match.start("value"), match.end("value"), "password"


# A delimiter next to a cell that holds a key word (the key's cell of a header or row). A ``|``
# counts only in a line that starts with one (a Markdown row's every cell ends in ``|``), so a
# shell pipe after a word (``skills-patterns | jq``) does not wake the rule.
CELL_WORD = r"[a-z0-9_.-]*(?:{words})[a-z0-9_.-]*[ \t\"'`]*[,;\t]"
WORD_CELL = r"[,;\t][ \t\"'`]*[a-z0-9_.-]*(?:{words})"
ROW_CELL = r"(?m:^)[ \t]*\|[^\n]*[a-z0-9_.-]*(?:{words})[a-z0-9_.-]*[ \t\"'`]*\|"


def rules() -> list[Rule]:
    """Return the rule for a value whose key stands apart in a table (``sql``: in SQL)."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    cell = "|".join(form.format(words=words) for form in (CELL_WORD, WORD_CELL, ROW_CELL))
    cell = f"(?:{cell})"
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=table_finds, judge=cell_judge),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="\n"),
            lower=True,
            gate=rf"(?i){cell}",
        ),
    ]
