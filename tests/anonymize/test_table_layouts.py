"""Ruled, aligned and delimited tables: the cells found are every line's, the quick tests exact."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.anonymize import table_layouts


def every_line_cells(text: str) -> tuple[table_layouts.Cell, ...]:
    """Return the cells ``table_cells`` finds, each layout tried at every line (no precondition)."""
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    found: list[table_layouts.Cell] = []
    taken = set()
    for index in range(1, len(lines) - 1):
        if table_layouts.is_rule(lines[index][1]):
            taken.add(table_layouts.ruled(lines, index, found))
    for index in range(len(lines) - 1):
        if table_layouts.RECORD_HEAD.fullmatch(lines[index][1]):
            table_layouts.record(lines, index, found)
    for index in range(len(lines) - 1):
        if index not in taken and table_layouts.indexed(lines, index, found):
            taken.add(index)
    for index in range(len(lines) - 1):
        if index not in taken and "  " in lines[index][1]:
            table_layouts.aligned(lines, index, found)
    for index in range(len(lines) - 1):
        if index not in taken:
            table_layouts.delimited(lines, index, found)
    return tuple(found)


TABLES = [
    " uid | licence_no      | city\n-----+-----------------+------\n   7 | K4091-553-22881 | Oslo",
    "│ member │ steuernummer │\n├────────┼──────────────┤\n│ m-19   │ 93/815/08152 │",
    "  name  api_key\n0  web  Qm9vdHN0cmFwVG9rZW4x\n1  db   c2VjcmV0LXRva2VuLTI=",
    "name,passport_no\r\nada,X1234567\r\nbob,Y7654321",
    "id;tax_id;note\n1;93/815/08152;x\n",
    'id\t"api key"\tx\n1\tabc\t2',
    '"id", "card" (old),x\n1,4111,2\n',
    "a ==-\n| x | y |\n--=+-=-\n| 1 | 2 |",
    "    indented  line\n    next  line\n\tx,\ty\n\t1,\t2",
    "| h | k |\n|---|---|\n| 1 | 2 |\nfoo, bar\nbaz, qux",
    "def f(args, kwargs):\n    return g(args, kwargs)  # key, token\n",
    "x ║ y\n═══╬═══\n1 ║ 2",
    '"id"x,api_key\n1,abc\n',
    "`id`;'tax_id'\n1;93/815/08152",
    " id;passport_no\n1;X1234567",
    "see below, please\nname,passport_no\nada,X1234567\n    enable = true;\n    port = 1;",
    "  {\n    enable = true;\n  }\nid  api_key\n1   Qm9vdHN0cmFwVG9rZW4x",
    "x\tname  licence_no\r\n  a  K4091-553-22881\r\n",
    "    port = 1;\n\t'id';tax_id\n1;93/815/08152",
    # No ``,``/``;``/tab anywhere (the delimited searches are skipped), or one only far from a header.
    '"id" passport_no\n"ada" X1234567',
    "id  passport_no\n1   X1234567\nsee: a; b",
    "uid\tlicence_no\n7\tK4091-553-22881",
    # Double blanks no aligned header has (``GAPPED``): after ``:`` or ``)``, before a digit.
    "Error:  see below\nnext:   line",
    "PORT(S)  80\n80/tcp   web",
    "name  \n1  ",
    # Printed frames: polars (``┆``, a dtype row, hidden or not), pandas and R over an index.
    "┌─────┬─────────┐\n│ id  ┆ api_key │\n│ --- ┆ ---     │\n│ i64 ┆ str     │\n"
    "╞═════╪═════════╡\n│ 1   ┆ Zq7vR2m │\n└─────┴─────────┘",
    "│ id  ┆ api_key │\n│ i64 ┆ str     │\n╞═════╪═════════╡\n│ 1   ┆ Zq7vR2m │",
    "│ date ┆ time │\n╞══════╪══════╡\n│ 1    ┆ 2    │",
    "  service api_secret n\n0      x1 Zq7vR2mK9 3\n1 y z w\n\n[2 rows x 3 columns]",
    "# A tibble: 1 \u00d7 2\n  service api_key\n  <chr>   <chr>\n1 mailgun c19c2539c5\n# \u2139 1 more",
    "    return foo bar\nx = 1",
    "  a b\r\n0 1 2\r\n",
    "  a b\n\r0 1 2",
    "  a  b\n0  x y  z\n1  u  v",
    # psql's expanded records.
    "-[ RECORD 1 ]---+------\nid            | 7\nkucoin_secret | b498aa5d\nenabled       |\n(1 row)",
    "-[ RECORD 12 ]-------\r\nname | x\r\n-[ RECORD 13 ]-------\r\nname |",
    "x\n-[ RECORD 1 ]\nname  | a | b\nnot a row",
]
# Aligned tables whose only gap follows or precedes each kind of name character (``GAPPED``).
ALIGNED_GAPS = [
    "id9  key\n  1    2",
    "ver.  key\n   1    2",
    "id-  key\n  1    2",
    "id_  key\n  1    2",
    "id  _key\n 1     2",
    "id  KEY\n 1    2",
    "id   key\n 1     2",
    "see: a  b\nid  key\n 1    2",
]
# Where an aligned header's first gap can be: what ``aligned`` needs of a header (``ALIGNED_NAME``
# before a gap and after it), read line by line.
NAMES_APART = re.compile(r"[A-Za-z0-9_.-] {2,}[A-Za-z_]")
# Lines for the whole-text searches before the per-line tests (``GAPPED``, ``DELIMITED_LINE``).
LINES = [
    "    enable = true;",
    "  a  b",
    "\t  x",
    "x\t  y",
    "a \t b",
    "Error:  see below",
    "a.  Then",
    "x)  y",
    "a  9",
    "9  a",
    "_  _",
    "-    Z",
    "a |  b",
    "é  x",
    "a  é",
    "   ",
    "a  ",
    "\r  x",
    "name,passport_no",
    "  `id`;x",
    '  "a" b',
    "{ config, pkgs }:",
    "x = f(a, b);",
    "",
]


@pytest.mark.parametrize("first", LINES)
@pytest.mark.parametrize("second", LINES)
def test_whole_text_searches_answer_as_the_lines_do(first: str, second: str) -> None:
    """``GAPPED`` finds something iff a line has two blanks or more between a name's last
    character and a name's first, and ``DELIMITED_HEAD`` at the start or ``DELIMITED_LINE`` iff a
    line's start is a delimited header's."""
    for text in (first + "\n" + second, "  x\n" + first + "\n" + second + "\n"):
        lines = text.split("\n")
        gapped = any(NAMES_APART.search(line) for line in lines)
        assert (table_layouts.GAPPED.search(text) is not None) == gapped, text
        named = any(table_layouts.DELIMITED_HEAD.match(line) for line in lines)
        whole = table_layouts.DELIMITED_HEAD.match(text) or table_layouts.DELIMITED_LINE.search(
            text
        )
        assert (whole is not None) == named, text


@pytest.mark.parametrize("text", TABLES + [t.replace("\n", "\n\n", 1) for t in TABLES])
def test_cells_are_those_of_every_line_read(text: str) -> None:
    """The cheap conditions before each layout's reading skip only lines it finds nothing at."""
    table_layouts.table_cells.cache_clear()
    assert table_layouts.table_cells(text) == every_line_cells(text)
    assert table_layouts.table_cells(text + "\n" + text) == every_line_cells(text + "\n" + text)


@pytest.mark.parametrize("text", ALIGNED_GAPS)
def test_aligned_tables_pass_the_gap_search(text: str) -> None:
    """Each kind of name character before and after a header's gap: the table is read."""
    table_layouts.table_cells.cache_clear()
    assert table_layouts.GAPPED.search(text) is not None
    assert table_layouts.table_cells(text) == every_line_cells(text) != ()


@pytest.mark.parametrize(
    "text",
    [
        "a---b",
        "a -= b",
        "=-=",
        "x==",
        "-- -",
        "a-b=c",
        "é ---",
        "│─━═│",
        "─=-",
        "─ ─ ─",
        "",
        "--\n-",
    ],
)
def test_has_dashes_is_the_dashes_search(text: str) -> None:
    assert table_layouts.has_dashes(text) == (table_layouts.DASHES.search(text) is not None)


# ``ALIGNED_NAME`` before its runs were possessive.
ALIGNED_NAME_BACKTRACKING = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+){0,2}")


@pytest.mark.parametrize(
    "name",
    [
        "api_key",
        "api key",
        "a b c",
        "a b c d",
        "a b ",
        "sha256sum result/bin/x",
        "_x.y-z",
        "9a",
        "a  b",
        " a",
        "a",
        "Name",
        "a b/c",
        "é",
    ],
)
def test_aligned_name_matches_as_it_did(name: str) -> None:
    expected = ALIGNED_NAME_BACKTRACKING.fullmatch(name) is not None
    assert (table_layouts.ALIGNED_NAME.compiled.fullmatch(name) is not None) == expected
    assert (
        table_layouts.ALIGNED_NAME.compiled.fullmatch("  " + name + "  ", 2, 2 + len(name))
        is not None
    ) == expected


# An aligned header's names: its characters, a blank inside (``ALIGNED_NAME``'s words).
HEADER_NAMES = st.text(alphabet="aZ9_.- :", min_size=1, max_size=6)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.tuples(HEADER_NAMES, st.integers(2, 4)), min_size=2, max_size=4),
    st.sampled_from(["", "note:  x\n", "a.  b\n", "  "]),
    st.booleans(),
)
def test_generated_aligned_tables_read_as_every_line_read(
    columns: list[tuple[str, int]], before: str, right: bool
) -> None:
    """A header of generated names (a table's or not) over a row lined up with it, after prose's
    double blanks or an indent: the cells are those every line read finds."""
    header = "".join(name + " " * gap for name, gap in columns).rstrip(" ")
    row, position = "", 0
    for name, gap in columns:
        value = "v" * (1 + len(name) % 3)
        end = position + len(name)
        row += value.rjust(end - len(row)) if right else " " * (position - len(row)) + value
        position = end + gap
    text = before + header + "\n" + row
    table_layouts.table_cells.cache_clear()
    assert table_layouts.table_cells(text) == every_line_cells(text)


# Name characters, blanks, the characters around prose's double blanks, rule and cell parts.
LAYOUT_PIECES = st.sampled_from([*'aZ9_.-:)é \n\t,;|"', "  ", "   ", "---"])


@settings(max_examples=600, deadline=None)
@given(st.lists(LAYOUT_PIECES, max_size=30))
def test_cheap_conditions_skip_only_what_every_line_read_skips(pieces: list[str]) -> None:
    """Generated text: ``table_cells`` (``GAPPED`` and the other whole-text tests first) finds
    the cells that every layout tried at every line finds."""
    text = "".join(pieces)
    table_layouts.table_cells.cache_clear()
    assert table_layouts.table_cells(text) == every_line_cells(text)
