"""A cell of an HTML table named by its column's header (DESIGN.md guarantee 1; from
``bench/contexts40``).

Mail clients, wikis and ticket systems send a table as HTML: a header row of ``<th>`` cells, then
rows of ``<td>`` cells (``<tr><th>Service</th><th>API key</th></tr><tr><td>acme</td><td><code>V
</code></td></tr>``). A data cell whose text is one run, inside any inline markup (``<code>``,
``<span …>``, ``<b>``), is judged as after its column's header (``tables.judged``, as the text
tables ``table_layouts`` reads): ``Service`` or ``Commit`` name nothing, ``Key`` and ``API key``
name a secret and judge the cell as their value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged

ROW = Lazy(r"<tr(?:[ \t\r\n][^<>]{0,200})?>(?P<row>(?:(?!</tr>)[^\x00]){0,4000}?)</tr>")
CELL = Lazy(
    r"<(?P<tag>t[hd])(?:[ \t\r\n][^<>]{0,200})?>(?P<cell>(?:(?!</t[hd]>)[^\x00]){0,1000}?)</(?P=tag)>"
)
# A cell's one run of text inside its inline markup.
TEXT = re.compile(
    r"[ \t\r\n]*(?:<[A-Za-z][^<>]{0,200}>[ \t\r\n]*)*(?P<value>[^<>\s](?:[^<>\n]*[^<>\s])?)"
    r"[ \t\r\n]*(?:</[A-Za-z][^<>]{0,40}>[ \t\r\n]*)*"
)


def cells(text: str, row: re.Match[str]) -> list[re.Match[str]]:
    """Return a row's cells in order."""
    return list(CELL.compiled.finditer(text, row.start("row"), row.end("row")))


def cell_text(cell: re.Match[str]) -> tuple[int, int] | None:
    """Return the span of a cell's one run of text, or None."""
    found = TEXT.fullmatch(cell.group("cell"))
    if found is None:
        return None
    offset = cell.start("cell")
    return offset + found.start("value"), offset + found.end("value")


def judged_cells(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield each data cell's span and rule under a header naming a secret."""
    headers: list[str] = []
    for row in ROW.compiled.finditer(text):
        found = cells(text, row)
        if found and all(cell.group("tag") == "th" for cell in found):
            spans = [cell_text(cell) for cell in found]
            headers = [text[span[0] : span[1]] if span else "" for span in spans]
            continue
        for header, cell in zip(headers, found, strict=False):
            span = cell_text(cell) if cell.group("tag") == "td" and header else None
            if span is None:
                continue
            result = judged(header.replace(" ", "_"), text[span[0] : span[1]], span[1])
            if result is not None:
                yield result


def table_cells(text: str) -> Iterator[re.Match[str]]:
    """Yield the data cells ``judged_cells`` finds."""
    for start, end, _name in judged_cells(text):
        yield span_match(text, start, end)


def cell_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a cell ``table_cells`` found."""
    for start, end, name in judged_cells(text):
        if (start, end) == match.span():
            return start, end, name
    return None


def rules() -> list[Rule]:
    """Return the rule for an HTML table's cells under a header naming a secret."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(SPAN.pattern), find=table_cells, judge=cell_judge),),
            trigger=Trigger(words=("<th",), lower=True),
            gate=r"<[Tt][Hh][ \t\r\n>]",
        )
    ]
