"""Secrets whose key and value stand apart in SQL (DESIGN.md guarantee 1); tables are ``tables``'.

``INSERT INTO t (…, api_key, …) VALUES (…, '…', …), (…)`` names a literal by its column;
``INSERT INTO settings (name, value) VALUES ('X_TOKEN', '…')`` and ``UPDATE settings SET value =
'…' WHERE name = 'X_TOKEN'`` by a key/value row (``tables.KEY_COLUMNS``, ``VALUE_COLUMNS``). Each
such literal is judged as it would be after ``key=`` and redacted under that key's rule. A bare
``key`` column after an owner column (``INSERT INTO t (service, key, …) VALUES ('acme', '…', …)``)
is the owner's key, judged as ``owned_cells`` judges a table's row. With no column list
(``INSERT INTO t VALUES (42, 'acme', '…', true)``) a literal right after a name's literal is that
owner's key as well when it looks drawn and is no hex or UUID (a commit's, a row's id), or, in a
table whose name says it holds credentials (``api_keys``, ``tokens``, ``credentials``), hex too.
A literal with a doubled quote inside, or an item that is no plain literal (``now()``, ``'a' || 'b'``), is
left to the other rules.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, owned_cells
from fedlearn.anonymize.assignments import KEY_CHARACTERS
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import (
    KEY_COLUMNS,
    NAME,
    QUOTES,
    VALUE_COLUMNS,
    cell_name,
    judged,
    split_cells,
)

# SQL: ``INSERT INTO t (columns) VALUES (…), (…)`` and ``UPDATE t SET … WHERE …``.
# (``[ \t\r\n]``, not ``\s``, which takes other blanks than the RE2 gate does.)
INSERT = Lazy(
    r"insert[ \t\r\n]+(?:(?:ignore|or[ \t\r\n]+[a-z]+)[ \t\r\n]+)?into[ \t\r\n]+[^\s(]+[ \t\r\n]*"
    r"\((?P<columns>[^()]{1,2000})\)[ \t\r\n]*values[ \t\r\n]*"
)
# ``INSERT INTO t VALUES (…)``: no column list; the table's name, as it is written.
BARE_INSERT = Lazy(
    r"insert[ \t\r\n]+(?:(?:ignore|or[ \t\r\n]+[a-z]+)[ \t\r\n]+)?into[ \t\r\n]+"
    r"(?P<table>[^\s(]{1,200})[ \t\r\n]+values[ \t\r\n]*(?=\()"
)
# The last word of a table's name that says it holds credentials.
CREDENTIAL_TABLE = Lazy(r"(?:^|[_.])(?:api_?)?(?:keys|tokens|secrets|credentials|passwords)\Z")
UNQUOTED = str.maketrans("", "", '`"[]')
# With no column list nothing names the column a key: shorter literals are a row's ids (a SKU, a
# video's or an order's id: ``'SKU4XK29QZ7B'``, ``'dQw4w9WgXcQ'``), each drawn-looking.
BARE_SHORTEST = 16
STATEMENT = r"(?:[^;']|'(?:[^'\n]|'')*')"  # up to a ``;`` outside literals
UPDATE = Lazy(
    rf"update[ \t\r\n]+[^\s]+[ \t\r\n]+set[ \t\r\n]+(?P<sets>{STATEMENT}{{1,2000}}?)"
    rf"[ \t\r\n]+where[ \t\r\n]+(?P<where>{STATEMENT}{{1,1000}})"
)
SQL_ASSIGN = Lazy(r"(?P<column>[a-z_][a-z0-9_.`\"\[\]]*)[ \t]*=[ \t]*'(?P<literal>(?:[^'\n]|'')*)'")


SQL_VALUE = r"(?:(?P<q>['\"])(?P<quoted>[^'\"\n\\]{1,200})(?P=q)|(?P<value>[^\s'\";,)]{1,200}))"
ACCOUNT_SQL = (  # ``framed``'s ``password`` rule: a database account's password
    r"identified(?:[ \t]+with[ \t]+['\"]?[a-z0-9_]+['\"]?)?[ \t]+by(?:[ \t]+password)?[ \t]+"
    + SQL_VALUE,
    r"password[ \t]*=?[ \t]*(?P<q>['\"])(?P<quoted>[^'\"\n\\]{1,200})(?P=q)",
    r"set[ \t]+password(?:[ \t]+for[ \t]+[^=\n]{1,100}?)?[ \t]*=[ \t]*(?:password[ \t]*\([ \t]*)?"
    r"(?P<q>['\"])(?P<quoted>[^'\"\n\\]{1,200})(?P=q)",
)
# Before ``PASSWORD '…'``: the statement that makes or changes an account, on the same statement.
ACCOUNT = Lazy(r"(?:create|alter)[ \t]+(?:user|role|login)\b[^;]{0,300}\Z")


def literals(subject: str, position: int) -> Iterator[list[tuple[int, int] | None]]:
    """
    Yield each tuple of ``VALUES (…), (…)`` from ``position``: per item, the span inside its
    quotes when it is a plain string literal, else None.
    """
    size = len(subject)
    while position < size and subject[position] == "(":
        items: list[tuple[int, int] | None] = []
        position += 1
        depth = 0
        item: tuple[int, int] | None = None
        bare = False
        while position < size:
            char = subject[position]
            if char == "'":
                end = position + 1
                while True:
                    end = subject.find("'", end)
                    if end < 0 or not subject.startswith("'", end + 1):
                        break
                    end += 2
                if end < 0:
                    return
                doubled = "''" in subject[position + 1 : end]
                item = None if bare or item is not None or doubled else (position + 1, end)
                bare = bare or doubled
                position = end + 1
                continue
            if char == "(":
                depth += 1
            elif char == ")" and depth:
                depth -= 1
            elif depth == 0 and char in ",)":
                items.append(None if bare else item)
                item, bare = None, False
                position += 1
                if char == ")":
                    break
                continue
            elif char not in " \t\r\n":
                bare = True
            position += 1
        else:
            return
        yield items
        while position < size and subject[position] in " \t\r\n,":
            position += 1


def insert_finds(subject: str) -> Iterator[re.Match[str]]:
    """Return the finds of ``INSERT INTO t (…) VALUES (…)``: secret columns, key/value rows."""
    for insert in INSERT.finditer(subject):
        columns_start = insert.start("columns")
        spans = split_cells(insert.group("columns"), ",")
        if spans is None:
            continue
        names = [cell_name(insert.group("columns")[a:b]).strip("[]") for a, b in spans]
        keyed = [i for i, name in enumerate(names) if key_names.classify_key(name) is not None]
        keys = [i for i, name in enumerate(names) if name in KEY_COLUMNS]
        values = [i for i, name in enumerate(names) if name in VALUE_COLUMNS]
        pair = (keys[0], values[0]) if keys and values else None
        if not keyed and pair is None:
            continue
        for items in literals(subject, insert.end()):
            if len(items) != len(names):
                break
            for index in keyed:
                value = items[index]
                if value is not None and value[1] > value[0]:
                    key_start = columns_start + spans[index][0]
                    yield span_match(subject, key_start, value[1])
            if pair is not None:
                key, value = items[pair[0]], items[pair[1]]
                if key is not None and value is not None and value[1] > value[0]:
                    yield span_match(subject, key[0], value[1])


def owned_finds(subject: str) -> Iterator[re.Match[str]]:
    """Return, per ``VALUES`` tuple under an owner column and a bare ``key`` column after it, a
    match from the owner's literal to the end of the key's."""
    for insert in INSERT.finditer(subject):
        spans = split_cells(insert.group("columns"), ",")
        if spans is None:
            continue
        names = [cell_name(insert.group("columns")[a:b]).strip("[]") for a, b in spans]
        columns = owned_cells.owner_and_key(names)
        if columns is None:
            continue
        for items in literals(subject, insert.end()):
            if len(items) != len(names):
                break
            owner, key = items[columns[0]], items[columns[1]]
            if owner is not None and key is not None and key[1] > key[0]:
                yield span_match(subject, owner[0], key[1])


def bare_finds(subject: str) -> Iterator[re.Match[str]]:
    """Return, per ``VALUES`` tuple of an ``INSERT`` with no column list, a match from each
    literal to the end of the literal right after it (a name's and the key it owns)."""
    for insert in BARE_INSERT.finditer(subject):
        for items in literals(subject, insert.end()):
            for owner, key in itertools.pairwise(items):
                if owner is not None and key is not None and key[1] > key[0]:
                    yield span_match(subject, owner[0], key[1])


def bare_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a literal of 16 characters or more its neighbour's name makes a
    credential (``bare_finds``): no hex, hex pairs or UUID unless the table's name says it holds
    credentials."""
    start, end = match.span()
    value_start = text.rfind("'", start, end) + 1
    owner, value = text[start : text.find("'", start, end)], text[value_start:end]
    if len(value) < BARE_SHORTEST or not owned_cells.is_owned_key(owner, value):
        return None
    if checks.is_hexadecimal(value.replace("-", "").replace(":", "")):  # a MAC, a fingerprint
        before = text[max(0, start - 2000) : start].lower()
        head = before.rfind("insert")
        found = BARE_INSERT.compiled.match(before, head) if head >= 0 else None
        table = found.group("table").translate(UNQUOTED) if found else ""
        if not CREDENTIAL_TABLE.compiled.search(table):
            return None
    return value_start, end, "high-entropy"


def owned_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a bare ``key`` column's literal its row's owner makes a credential."""
    start, end = match.span()
    value_start = text.rfind("'", start, end) + 1
    owner = text[start : text.find("'", start, end)]
    value = text[value_start:end]
    return (value_start, end, "high-entropy") if owned_cells.is_owned_key(owner, value) else None


def update_finds(subject: str) -> Iterator[re.Match[str]]:
    """Return the finds of ``UPDATE t SET value = '…' WHERE name = 'X_TOKEN'`` (value to key)."""
    for update in UPDATE.finditer(subject):
        key = next(
            (
                found
                for found in SQL_ASSIGN.compiled.finditer(
                    subject, update.start("where"), update.end()
                )
                if cell_name(found.group("column").rsplit(".", 1)[-1]) in KEY_COLUMNS
            ),
            None,
        )
        if key is None or not NAME.fullmatch(key.group("literal")):
            continue
        for found in SQL_ASSIGN.compiled.finditer(
            subject, update.start("sets"), update.end("sets")
        ):
            column = cell_name(found.group("column").rsplit(".", 1)[-1]).strip("[]")
            if column in VALUE_COLUMNS and found.end("literal") > found.start("literal"):
                yield span_match(subject, found.start("literal"), key.end("literal"))


def literal_end(text: str, start: int) -> int:
    """Return where the SQL literal whose text starts at ``start`` ends (its closing quote)."""
    end = text.find("'", start)
    while end >= 0 and text.startswith("'", end + 1):
        end = text.find("'", end + 2)
    return end if end >= 0 else len(text)


def insert_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a VALUES literal under its column's or row's key, or None."""
    start, end = match.span()
    while start < end and text[start] in QUOTES + "[":
        start += 1
    key_end = start
    while key_end < end and text[key_end] in KEY_CHARACTERS:
        key_end += 1
    value_start = text.rfind("'", key_end, end) + 1
    return judged(text[start:key_end], text[value_start:end], end)


def update_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of ``SET value = '…'`` under ``WHERE name = '<key>'``, or None."""
    start, end = match.span()
    value_end = literal_end(text, start)
    key_start = text.rfind("'", value_end, end) + 1
    return judged(text[key_start:end], text[start:value_end], value_end)


def rules() -> list[Rule]:
    """Return the rule for a SQL literal whose key stands apart: a column, a key/value row."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(SPAN.pattern), find=insert_finds, judge=insert_judge),
                Matcher(Lazy(SPAN.pattern), find=update_finds, judge=update_judge),
                Matcher(Lazy(SPAN.pattern), find=owned_finds, judge=owned_judge),
                Matcher(Lazy(SPAN.pattern), find=bare_finds, judge=bare_judge),
            ),
            trigger=Trigger(words=("insert", "update"), lower=True, needs="'"),
            lower=True,
            gate=(
                r"(?i)insert[ \t\r\n]+(?:(?:ignore|or[ \t\r\n]+[a-z]+)[ \t\r\n]+)?into[ \t\r\n]"
                r"|update[ \t\r\n]+[^ \t\r\n]+[ \t\r\n]+set[ \t\r\n]"
            ),
        ),
    ]


def sql_password(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a database account's password in a SQL statement, or None."""
    group = "quoted" if match.group("quoted") is not None else "value"
    if match.group(group) is None:
        return None
    value = text[match.start(group) : match.end(group)]
    if len(value) < 3 or checks.is_reference(value):
        return None
    if value.startswith((":", "?", "@")) or value.lower() in ("values", "password"):
        return None  # a bind variable (``:pw``, ``?``, ``@pw``) or Oracle's ``BY VALUES 'hash'``
    lower = text[max(0, match.start() - 300) : match.start()].lower()
    if match.group().lower().startswith("password") and ACCOUNT.search(lower) is None:
        return None
    unquoted = match.group().lower().startswith("identified") and group == "value"
    if unquoted and (value.isalpha() or not key_names.is_secret_value("password", "pw", value)):
        return None  # Oracle's unquoted form: a word is no password (``BY DEFAULT``)
    return match.start(group), match.end(group), "password"
