"""Secrets in the rows of a PostgreSQL ``COPY … FROM stdin`` block (DESIGN.md guarantee 1; from
``bench/contexts33``).

``pg_dump`` writes a table's rows as ``COPY public.api_credentials (id, provider, api_key) FROM
stdin;``, then one line per row, its columns apart by tabs, to a line ``\\.``. A cell under a
column named after a secret is judged as ``column=value`` (``tables.judged``); ``\\N`` is NULL.
Rows are read to the ``\\.`` line or the first line with another number of cells, at most 200.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged

COPY = Lazy(
    r"(?i)copy[ \t]+[\w.\"]{1,200}[ \t]*\((?P<columns>[^()\n]{1,2000})\)[ \t]+from[ \t]+stdin"
    r"[^\n]{0,200}\n"
)
MAX_ROWS = 200


def cells(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each cell under a secret's column in the rows after a ``COPY`` line."""
    for copy in COPY.finditer(subject):
        columns = [name.strip().strip('"') for name in copy.group("columns").split(",")]
        wanted = [i for i, name in enumerate(columns) if key_names.classify_key(name) is not None]
        if not wanted:
            continue
        position = copy.end()
        for _ in range(MAX_ROWS):
            end = subject.find("\n", position)
            end = len(subject) if end < 0 else end
            row = subject[position:end].rstrip("\r")
            parts = row.split("\t")
            if row == "\\." or len(parts) != len(columns):
                break
            offset = position
            for index, part in enumerate(parts):
                if index in wanted and part and part != "\\N":
                    yield span_match(subject, offset, offset + len(part))
                offset += len(part) + 1
            position = end + 1
            if position >= len(subject):
                break


def cell(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a cell under the column its ``COPY`` line names."""
    line = text.rfind("\n", 0, match.start())
    copy = None
    while line > 0:
        start = text.rfind("\n", 0, line) + 1
        copy = COPY.match(text, start)
        if copy is not None or line - start > 4000:
            break
        line = start - 1
    if copy is None:
        return None
    columns = [name.strip().strip('"') for name in copy.group("columns").split(",")]
    index = text.count("\t", text.rfind("\n", 0, match.start()) + 1, match.start())
    if index >= len(columns):
        return None
    return judged(columns[index], match.group(), match.end())


def rules() -> list[Rule]:
    """Return the rule for a secret's column in a ``COPY … FROM stdin`` block."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(r"(?s).+"), find=cells, judge=cell),),
            trigger=Trigger(words=("from stdin",), lower=True),
            gate=r"(?i)from[ \t]+stdin",
        )
    ]
