"""Values in a table column whose header names them: ruled, aligned and delimited tables."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer, columns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # psql's aligned output: a header over a ``---+---`` rule.
        (
            " uid | licence_no      | city\n-----+-----------------+------\n   7 | K4091-553-22881 | Oslo\n(1 row)",
            " uid | licence_no      | city\n-----+-----------------+------\n   7 | <driving-licence> | Oslo\n(1 row)",
        ),
        # MySQL's table, borders above and below, a header in words.
        (
            "+----+-----------------+\n| id | Passport Number |\n+----+-----------------+\n"
            "|  3 | XK2298107       |\n+----+-----------------+",
            "+----+-----------------+\n| id | Passport Number |\n+----+-----------------+\n"
            "|  3 | <passport>       |\n+----+-----------------+",
        ),
        # A box-drawn table.
        (
            "│ member │ steuernummer │\n├────────┼──────────────┤\n│ m-19   │ 93/815/08152 │",
            "│ member │ steuernummer │\n├────────┼──────────────┤\n│ m-19   │ <tax-id> │",
        ),
        # A pandas frame: right-aligned under its header, an index before.
        (
            "   name   personnummer\n0   ana  19811228-9874\n1   bo            NaN",
            "   name   personnummer\n0   ana  <national-id>\n1   bo            NaN",
        ),
        # The same whose first line lost its indent to a trimmed string.
        (
            "name   personnummer\n0   ana  19811228-9874\n1    bo            NaN",
            "name   personnummer\n0   ana  <national-id>\n1    bo            NaN",
        ),
        # Left-aligned columns (``column -t``).
        (
            "HOST     IMEI             STATE\nedge-1   353918057612344  up",
            "HOST     IMEI             STATE\nedge-1   <device-id>  up",
        ),
        # CSV and a Markdown table (documents; their secret columns are ``tables``').
        (
            "id,health_card_no,plan\n11,9876-543-210-KT,gold",
            "id,health_card_no,plan\n11,<health-id>,gold",
        ),
        (
            "| who | Cédula |\n|---|---|\n| ana | 1.023.456.789 |",
            "| who | Cédula |\n|---|---|\n| ana | <national-id> |",
        ),
        # A secret named by its header, in psql and in a frame.
        (
            " id | webhook_secret\n----+----------------\n  1 | Wq7rT2pkd9-x",
            " id | webhook_secret\n----+----------------\n  1 | <redacted:secret>",
        ),
        (
            "    user  signing_token\n0  svc-a     Wq7rT2pkd9",
            "    user  signing_token\n0  svc-a     <redacted:token>",
        ),
    ],
)
def test_values_under_a_naming_header_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A value in a column whose header names a document or a secret is redacted as that kind."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Headers that name neither.
        " id | order_no        | city\n----+-----------------+------\n  7 | K4091-553-22881 | Oslo",
        "   name      build_ref\n0   ana  19811228-9874",
        # A naming header over values that are no numbers, or not a whole cell.
        " id | passport_number | note\n----+-----------------+------\n  1 | on file         | ok",
        " id | licence       | note\n----+---------------+------\n  1 | MIT or Apache | ok",
        "   name   personnummer\n0   ana  see 19811228-9874 x",
        # No rule line, rows out of line, or prose: no table.
        "licence_no | city\n7 | K4091-553-22881 | Oslo",
        "name   personnummer\nthe number 19811228-9874 was checked",
        "id,passport_number\nthe passport number was checked, fine, ok",
        # A secret-named column of values that read as words or settings.
        " id | webhook_secret\n----+----------------\n  1 | (not set)",
        "    user  signing_token\n0  svc-a        enabled",
    ],
)
def test_other_columns_stay(anonymizer: Anonymizer, text: str) -> None:
    """Columns whose header names no document or secret, and values that are none, stay."""
    assert anonymizer.anonymize(text) == text


def every_line_cells(text: str) -> tuple[columns.Cell, ...]:
    """Return the cells ``table_cells`` finds, each layout tried at every line (no precondition)."""
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    found: list[columns.Cell] = []
    taken = set()
    for index in range(1, len(lines) - 1):
        if columns.is_rule(lines[index][1]) and columns.ruled(lines, index, found):
            taken.add(index - 1)
    for index in range(len(lines) - 1):
        if index not in taken and "  " in lines[index][1]:
            columns.aligned(lines, index, found)
    for index in range(len(lines) - 1):
        if index not in taken:
            columns.delimited(lines, index, found)
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
]
# Lines for the whole-text searches before the per-line tests (``GAPPED``, ``DELIMITED_LINE``).
LINES = [
    "    enable = true;",
    "  a  b",
    "\t  x",
    "x\t  y",
    "a \t b",
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
    """``GAPPED`` finds something iff a line has two blanks after its indent, and
    ``DELIMITED_HEAD`` at the start or ``DELIMITED_LINE`` iff a line's start is a delimited
    header's."""
    for text in (first + "\n" + second, "  x\n" + first + "\n" + second + "\n"):
        lines = text.split("\n")
        gapped = any("  " in line and "  " in line.lstrip(" ") for line in lines)
        assert (columns.GAPPED.search(text) is not None) == gapped, text
        named = any(columns.DELIMITED_HEAD.match(line) for line in lines)
        whole = columns.DELIMITED_HEAD.match(text) or columns.DELIMITED_LINE.search(text)
        assert (whole is not None) == named, text


@pytest.mark.parametrize("text", TABLES + [t.replace("\n", "\n\n", 1) for t in TABLES])
def test_cells_are_those_of_every_line_read(text: str) -> None:
    """The cheap conditions before each layout's reading skip only lines it finds nothing at."""
    columns.table_cells.cache_clear()
    assert columns.table_cells(text) == every_line_cells(text)
    assert columns.table_cells(text + "\n" + text) == every_line_cells(text + "\n" + text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id,full_name,phone,city\n7,Ana Lind,71 480 22 93,Oslo",
            "id,full_name,phone,city\n7,Ana Lind,<phone>,Oslo",
        ),
        (
            "Nr\tName\tMobile number\tStatus\n3\tOla\t4-7-81-29-06\tok",
            "Nr\tName\tMobile number\tStatus\n3\tOla\t<phone>\tok",
        ),
        (
            " id | telefon      | city\n----+--------------+------\n  7 | 802 311 4470 | Oslo",
            " id | telefon      | city\n----+--------------+------\n  7 | <phone> | Oslo",
        ),
        (
            "Nr\tName\tCard number\tStatus\n3\tOla\t6759-4042-8633\tok",
            "Nr\tName\tCard number\tStatus\n3\tOla\t<card>\tok",
        ),
        (
            "id;cardNumber;country\n9;5020128434688;PL",
            "id;cardNumber;country\n9;<card>;PL",
        ),
    ],
)
def test_phones_and_cards_under_a_naming_header_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A phone or card number filling a cell under a header that names it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "id,phone,created\n7,,2026-02-09",  # empty
        "id,phone_count,city\n7,71 480 22 93,Oslo",  # names a count
        "id,phone,city\n7,ext 4471,Oslo",  # words
        "id,phone,city\n7,2026-02-09,Oslo",  # a date
        "id,sms,city\n7,7148022,Oslo",  # sms counts
        "Nr\tName\tCard number\tStatus\n3\tOla\t6759-4042-8634\tok",  # fails Luhn
        "id,card,note\n9,1234,ok",  # too short
        "id,card_id,note\n9,5020128434688,ok",  # an id, not a number
    ],
)
def test_other_phone_and_card_cells_stay(anonymizer: Anonymizer, text: str) -> None:
    """Empty, wordy, dated, Luhn-failing and other columns' values stay."""
    assert anonymizer.anonymize(text) == text


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
    assert columns.has_dashes(text) == (columns.DASHES.search(text) is not None)


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
    assert (columns.ALIGNED_NAME.compiled.fullmatch(name) is not None) == expected
    assert (
        columns.ALIGNED_NAME.compiled.fullmatch("  " + name + "  ", 2, 2 + len(name)) is not None
    ) == expected
