"""Secrets bound to a SQL statement's parameters, logged apart from it (DESIGN.md guarantee 1).

An ORM or driver logs a statement with placeholders and, after it, the values bound to them:
SQLAlchemy ``[parameters: ('…', 3)]``, Django/Go ``args=[…]``, Prisma ``Params: […]``, TypeORM
``-- PARAMETERS: […]``, MyBatis ``==> Parameters: …(String), 3(Integer)``, EclipseLink ``bind =>
[…]``, Knex ``bindings: […]``, PostgreSQL ``DETAIL:  parameters: $1 = '…', $2 = '3'``, Hibernate
``binding parameter (1:VARCHAR) <- […]`` and ``binding parameter [1] as [VARCHAR] - […]``, Go's
``with args [v1 v2]``. Each
placeholder of the statement before the list (``?``, ``%s``, ``$1``, ``?1``, ``:1``, ``@p0``) is
named by its column: ``INSERT INTO t (a, api_key) VALUES (?, ?)`` by the column list, ``SET
password = ?`` and ``WHERE token = $2`` by the column compared. The value bound to a placeholder
whose column names a secret is judged as it would be after ``column=`` (``tables.judged``) and
redacted under that column's rule; a value bound to a column that names a phone number
(``phone``, ``mobile_number``, ``faxNo``) is one when it has 7 to 15 digits and only phone
punctuation (``<phone>``). A list whose length is not the statement's placeholder count
is left alone (it belongs to another statement).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, personal, span_match
from fedlearn.anonymize.tables import judged

# The words a statement starts with, and a bound list's name (each a word of its own).
STATEMENT_WORDS = ("insert", "update", "select", "delete", "replace", "merge", "upsert")
LIST_WORDS = ("param", "args", "bind")
WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-")
# A list of bound values after its name, or one Hibernate binding line (on the lower-case text,
# matched where a list word starts).
OPENER = Lazy(
    r"binding[ \t]+parameter[ \t]*(?:\((?P<index>[0-9]{1,4}):[a-z0-9_ ]{0,30}\)[ \t]*<-"
    r"|\[(?P<index2>[0-9]{1,4})\][ \t]*as[ \t]*\[[a-z0-9_ ]{0,30}\][ \t]*-)[ \t]*\["
    r"|(?:parameters|params|args|bindings|bind)(?![a-z0-9_-])[\]\"']?[ \t]*"
    r"(?:(?P<sep>=>|=|:)[ \t]*(?P<open>[(\[])?|(?P<bare>[(\[]))"
)
# A placeholder: positional ``?`` ``%s``, numbered ``$1`` ``?1`` ``:1``, .NET ``@p0``.
PLACEHOLDER = Lazy(
    r"\?(?P<q>[0-9]{1,4})?|%s|\$(?P<dollar>[0-9]{1,4})|(?<=[\s(,=]):(?P<colon>[0-9]{1,4})|@p(?P<p>[0-9]{1,4})"
)
# An identifier compared to a placeholder (``api_key = ?``, ``"t"."token"=$2``).
COMPARED = Lazy(
    r"(?P<column>[\w\"`\[\]]+)[ \t\r\n]*(?:=|<>|!=|(?i:like))[ \t\r\n]*"
    r"(?:\?[0-9]{0,4}|%s|\$[0-9]{1,4}|:[0-9]{1,4}|@p[0-9]{1,4})(?![\w])"
)
INSERT_COLUMNS = Lazy(
    r"(?i)into[ \t\r\n]+[^\s(]+[ \t\r\n]*\((?P<columns>[^()]{1,2000})\)[ \t\r\n]*values[ \t\r\n]*\("
)
POSTGRES_ITEM = Lazy(r"\$(?P<n>[0-9]{1,4})[ \t]*=[ \t]*")
WORD = Lazy(r"[^ \t]+")
MYBATIS_TYPE = Lazy(r"\([A-Za-z][\w.]{0,40}\)\Z")
# What names a phone column (its words: ``phone_number``, ``mobileNo``, ``fax``).
PHONE_WORDS = """
    phone phones phonenumber mobile mobilenumber mobil tel telephone telefon telefono cell
    cellphone fax msisdn celular handy whatsapp
"""
PHONE_COLUMN_WORDS = frozenset(PHONE_WORDS.split())
NUMBER_WORDS = frozenset({"number", "no", "nr", "num", "nummer", "numero"})
CAMEL = Lazy(r"(?<=[a-z0-9])(?=[A-Z])")
# How far before a list its statement may start, and how long one may be.
REACH = 4000
# How many lists (or binding lines) of one text are read at most.
MAX_LISTS = 200
CLOSERS = {"(": ")", "[": "]"}


def column_name(cell: str) -> str:
    """Return an identifier without quotes, brackets and table: ``"t"."api_key"`` → ``api_key``."""
    return cell.strip(" \t\r\n").rsplit(".", 1)[-1].strip('"`[]')


def placeholders(statement: str, offset: int) -> tuple[int, dict[int, tuple[int, int]]]:
    """
    Return how many parameters ``statement`` takes and, by 1-based parameter number, the span
    (from ``offset``) of the column each placeholder is bound to when one names it.
    """
    numbered: list[tuple[int, int]] = []  # (number, position) of every placeholder
    sequence = 0
    for found in PLACEHOLDER.finditer(statement):
        number = next((found.group(g) for g in ("q", "dollar", "colon") if found.group(g)), None)
        if found.group("p"):
            number = str(int(found.group("p")) + 1)
        if number is None:
            sequence += 1
        numbered.append((int(number) if number else sequence, found.start()))
    if not numbered:
        return 0, {}
    columns: dict[int, tuple[int, int]] = {}
    by_position = {position: number for number, position in numbered}
    for found in COMPARED.finditer(statement):
        position = found.end("column")
        place = next((p for p in by_position if p > position), None)
        if place is not None:
            columns[by_position[place]] = (offset + found.start("column"), offset + position)
    insert = INSERT_COLUMNS.search(statement)
    if insert is not None:
        names = insert.group("columns").split(",")
        items = split_items(statement, insert.end())
        cell = insert.start("columns")
        spans = []
        for name in names:
            spans.append((cell, cell + len(name)))
            cell += len(name) + 1
        if len(items) == len(names):
            item_start = insert.end()
            for (start, end), item in zip(spans, items, strict=True):
                own = PLACEHOLDER.search(item)
                if own is not None and item.strip() == own.group():
                    place = item_start + own.start()
                    if place in by_position:
                        columns[by_position[place]] = (offset + start, offset + end)
                item_start += len(item) + 1
    return max(number for number, _ in numbered), columns


def split_items(statement: str, start: int) -> list[str]:
    """Return the items of the ``VALUES (…)`` list from ``start`` to its closing parenthesis."""
    found, depth, item = [], 0, start
    for position in range(start, len(statement)):
        char = statement[position]
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char in ",)":
            found.append(statement[item:position])
            item = position + 1
            if char == ")":
                break
    return found


def items(text: str, start: int, close: str) -> list[tuple[int, int]] | None:
    """
    Return the span of each value of the list from ``start`` up to ``close`` (``""``: the line's
    end): a quoted value inside its quotes, a bare one trimmed (MyBatis's ``(Type)`` left out).
    """
    spans: list[tuple[int, int]] = []
    position, size, depth = start, len(text), 0
    item_start, quoted = start, None
    while position <= size:
        char = text[position] if position < size else "\n"
        if char in "'\"" and depth == 0 and not text[item_start:position].strip():
            end = position + 1
            while end < size and text[end] != char and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            if end >= size or text[end] != char:
                return None
            quoted = (position + 1, end)
            position = end + 1
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth and char != close:
            depth -= 1
        elif depth == 0 and (char in "," or char == close or (not close and char == "\n")):
            if quoted is not None:
                spans.append(quoted)
            else:
                bare = text[item_start:position].strip()
                begin = text.find(bare, item_start, position) if bare else position
                kind = MYBATIS_TYPE.search(bare)
                spans.append((begin, begin + (kind.start() if kind else len(bare))))
            if char != ",":
                return spans
            item_start, quoted = position + 1, None
        elif char == "\n" and close != "":
            return None
        position += 1
    return None


def word_starts(lower: str, words: tuple[str, ...], *, whole: bool) -> list[int]:
    """Return, in order, where each of ``words`` starts a word of ``lower`` (``whole``: and ends one)."""
    found = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or lower[at - 1] not in WORD_CHARACTERS) and not (
                whole and after < len(lower) and lower[after] in WORD_CHARACTERS
            ):
                found.append(at)
            at = lower.find(word, after)
    return sorted(found)


@functools.lru_cache(maxsize=8)
def pairs(text: str) -> tuple[tuple[int, int, int, int, bool], ...]:
    """
    Return (column start, column end, value start, value end, is the column a phone's) of each
    value bound to a column that names a secret or a phone number (``columns``).
    """
    found = []
    for column_start, column_end, value_start, value_end in columns(text):
        name = column_name(text[column_start:column_end])
        if key_names.classify_key(name) or is_phone_column(name):
            phone = is_phone_column(name)
            found.append((column_start, column_end, value_start, value_end, phone))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def columns(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """
    Return (column start, column end, value start, value end) of each value bound to a named
    column. Each list is read against the last statement that starts before it (within
    ``REACH``) and ends at the first list after that start or at a ``;``.
    """
    lower = text.lower()
    if len(lower) != len(text):
        lower = text  # a lower-case character of another length: the words as written
    statements = word_starts(lower, STATEMENT_WORDS, whole=True)
    if not statements:
        return ()
    openers = [
        opener
        for at in word_starts(lower, LIST_WORDS, whole=False)
        if (opener := OPENER.match(lower, at)) is not None
    ][:MAX_LISTS]
    boundaries = [opener.start() for opener in openers]
    parsed: dict[int, tuple[int, dict[int, tuple[int, int]]]] = {}
    found: list[tuple[int, int, int, int]] = []
    for opener in openers:
        index = bisect.bisect_left(statements, opener.start()) - 1
        if index < 0 or statements[index] <= opener.start() - REACH:
            continue
        start = statements[index]
        if start not in parsed:
            end = boundaries[bisect.bisect_right(boundaries, start)]
            semicolon = text.find(";", start, end)
            parsed[start] = placeholders(text[start : end if semicolon < 0 else semicolon], start)
        count, named = parsed[start]
        if not named:
            continue
        values = bound_values(text, opener, count)
        for number, (value_start, value_end) in values or ():
            if number in named and value_end > value_start:
                found.append((*named[number], value_start, value_end))
    return tuple(found)


def bound_values(
    text: str, opener: re.Match[str], count: int
) -> list[tuple[int, tuple[int, int]]] | None:
    """
    Return (parameter number, value span) of what the list or binding line at ``opener`` binds;
    None when it binds no value or a list is not ``count`` long.
    """
    index = opener.group("index") or opener.group("index2")
    if index is not None:
        close = text.find("]", opener.end(), opener.end() + 2000)
        line_end = text.find("\n", opener.end())
        if close < 0 or 0 <= line_end < close:
            return None
        return [(int(index), (opener.end(), close))]
    bracket = opener.group("open") or opener.group("bare")
    if bracket is None and opener.group("sep") is None:
        return None
    spans = items(text, opener.end(), CLOSERS[bracket] if bracket else "")
    if spans is not None and len(spans) == 1 < count and bracket == "[":
        spans = words(text, *spans[0])  # Go's ``%v`` of a slice: ``[v1 v2 3]``
    if spans is None or len(spans) != count:
        return None
    numbered: list[tuple[int, tuple[int, int]]] = []
    for position, (start, end) in enumerate(spans, 1):
        postgres = POSTGRES_ITEM.match(text, start, end)
        if postgres is not None:
            value = items(text, postgres.end(), "")
            if not value:
                return None
            numbered.append((int(postgres.group("n")), value[0]))
        else:
            numbered.append((position, (start, end)))
    return numbered


def words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the blank-separated words of ``text[start:end]``."""
    return [(start + m.start(), start + m.end()) for m in WORD.compiled.finditer(text[start:end])]


def is_phone_column(name: str) -> bool:
    """Return whether a column names a phone number: its last word (``phone``, ``mobileNo``, ``fax_nr``)."""
    parts = re.split(r"[_.-]+", CAMEL.compiled.sub("_", name).lower())
    if len(parts) > 1 and parts[-1] in NUMBER_WORDS:
        parts.pop()  # ``phone_number``, ``mobileNo``
    return parts[-1] in PHONE_COLUMN_WORDS


def bound_finds(subject: str) -> Iterator[re.Match[str]]:
    """Yield a span from each secret-named column to the value bound to it."""
    for column_start, _, _, value_end, phone in pairs(subject):
        if not phone:
            yield span_match(subject, column_start, value_end)


def bound_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the bound value under its column's name, or None."""
    for column_start, column_end, value_start, value_end, phone in pairs(text):
        if (column_start, value_end) == match.span() and not phone:
            column = column_name(text[column_start:column_end])
            return judged(column, text[value_start:value_end], value_end)
    return None


def phone_finds(subject: str) -> Iterator[re.Match[str]]:
    """Yield the value bound to each column that names a phone number."""
    for _, _, value_start, value_end, phone in pairs(subject):
        if phone:
            yield span_match(subject, value_start, value_end)


def is_phone(match: re.Match[str], text: str) -> bool:
    """Return whether a value bound to a phone column is one: 7 to 15 digits, phone punctuation."""
    value = match.group()
    digits = sum(character.isdigit() for character in value)
    return 7 <= digits <= 15 and all(c.isdigit() or c in " +-().\u00a0/" for c in value)


GATE = (
    r"(?is)(?:insert|update|select|delete|replace|merge|upsert)"
    r".*?(?:\?|%s|\$[0-9]|:[0-9]|@p[0-9]).*?(?:param|args|bind)"
)


def phones() -> list[Rule]:
    """Return the rule for phone numbers bound to a statement's phone columns (``<phone>``)."""
    return [
        personal(
            "phone",
            "<phone>",
            Matcher(Lazy(SPAN.pattern), is_phone, find=phone_finds),
            gate=GATE,
            trigger=Trigger(words=LIST_WORDS, lower=True),
        ),
    ]


def rules() -> list[Rule]:
    """Return the rule for values bound to a statement's secret-named columns."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=bound_finds, judge=bound_judge),),
            trigger=Trigger(words=LIST_WORDS, lower=True),
            # A statement's word, a placeholder after it, then a list's word.
            gate=GATE,
        ),
    ]
