"""Every value of a Kubernetes Secret's data (DESIGN.md guarantee 1): the form is the credential.

Each value under ``data:`` or ``stringData:`` of a ``kind: Secret`` is ``kubernetes-secret``,
whatever its key, in YAML or JSON (``kubectl get secret -o json``). ``data:`` holds base64;
a ``stringData`` value is plain text (``https://…``, ``user:p@ss``), whole to its quote or its
line's end. The Secret's own YAML document only (a ``---`` line ends it, indented as the
manifest is in a commit body or a log: bench/contexts31), and in JSON the object
that says ``"kind": "Secret"``, not a ConfigMap beside it in a ``List``. A placeholder word stays
(``None``, ``Default``), and under ``data:`` a word of letters that is no base64 (``Owner``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import references
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

SECRET_KIND = Lazy(r"kind[\"']?[ \t]*:[ \t]*[\"']?Secret\b")
DATA_ENTRY = r"\n(?P<indent>[ \t]+)[\"']?[A-Za-z0-9_.-]+[\"']?:[ \t]+[\"']?(?P<value>[A-Za-z0-9+/]{4,}={0,2})"
JSON_ENTRY = r"\"[A-Za-z0-9_.-]+\"[ \t]*:[ \t]*\"(?P<value>[A-Za-z0-9+/]{4,}={0,2})\""
JSON_DATA = Lazy(r"\"(?:data|stringData)\"[ \t]*:[ \t]*\{[^{}]*\Z")
DATA_BLOCK = Lazy(r"\n(?P<indent>[ \t]*)(?P<block>data|stringData):[ \t]*(?=\n)")
# A document marker, maybe indented as the whole manifest is (a commit body, a log, a list item).
DOCUMENT_START = Lazy(r"(?m)^[ \t]*---[ \t]*$")


def document(text: str, position: int) -> tuple[int, int]:
    """Return the span of the YAML document around ``position``: between ``---`` lines."""
    start = 0
    for found in DOCUMENT_START.compiled.finditer(text):
        if found.start() >= position:
            return start, found.start()
        start = found.end()
    return start, len(text)


def is_no_data_value(value: str, block: str) -> bool:
    """
    Return whether a Secret's entry holds no secret: a reference or placeholder word
    (``None``, ``Default``, ``changeme``), or under ``data:``, which takes base64 only, a word of
    letters that is no base64 (its length no multiple of 4: ``Owner``, ``Opaque``).
    """
    if not value.isalpha():
        return False
    return references.is_reference(value) or (block == "data" and len(value) % 4 != 0)


def secret_data(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a value of a Kubernetes Secret's ``data:``/``stringData:`` block, or None (the
    block and the ``kind: Secret`` in one YAML document: a ``---`` ends the Secret's)."""
    first, last = document(text, match.start())
    if SECRET_KIND.compiled.search(text, first, last) is None:
        return None
    block = None
    for found in DATA_BLOCK.compiled.finditer(text, max(0, first - 1), match.start() + 1):
        block = found
    if block is None or len(match.group("indent")) <= len(block.group("indent")):
        return None
    between = text[block.end() : match.start()]
    # Every line between the block's header and the entry is indented deeper than the header.
    for line in between.split("\n")[1:]:
        if line.strip() and len(line) - len(line.lstrip(" \t")) <= len(block.group("indent")):
            return None
    end = scalar_end(text, match)
    if is_no_data_value(text[match.start("value") : end], block.group("block")):
        return None
    return match.start("value"), end, "kubernetes-secret"


def scalar_end(text: str, match: re.Match[str]) -> int:
    """
    Return where the YAML scalar whose start ``match`` found ends: a ``stringData`` value is
    plain text (``https://…``, ``p@ss:w0rd``), not only base64, so it runs to its closing quote
    or, unquoted, to the end of its line (a `` #`` comment stays).
    """
    start, end = match.span("value")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    quote = text[start - 1]
    if quote in "\"'":
        closing = text.find(quote, end, line_end)
        return end if closing < 0 else closing
    comment = text.find(" #", end, line_end)
    stop = line_end if comment < 0 else comment
    while stop > end and text[stop - 1] in " \t\r":
        stop -= 1
    return stop


def json_secret_data(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a value inside the ``"data": {…}`` object of a JSON Kubernetes Secret, or None
    (the ``"kind": "Secret"`` in the object that holds it: ``kubectl get secret,cm -o json``
    lists ConfigMaps beside Secrets)."""
    data = JSON_DATA.search(text, max(0, match.start() - 4096), match.start())
    if data is None:
        return None
    first, last = enclosing_object(text, data.start())
    if SECRET_KIND.compiled.search(text, first, last) is None:
        return None
    return match.start("value"), match.end("value"), "kubernetes-secret"


def enclosing_object(text: str, position: int, reach: int = 16384) -> tuple[int, int]:
    """Return the span of the innermost ``{…}`` around ``position`` by its braces, or the whole
    text when it is not closed within ``reach`` characters either side."""
    depth, start = 0, position - 1
    while start >= max(0, position - reach):
        if text[start] == "}":
            depth += 1
        elif text[start] == "{":
            if depth == 0:
                break
            depth -= 1
        start -= 1
    else:
        return 0, len(text)
    depth, end = 0, position
    while end < min(len(text), position + reach):
        if text[end] == "{":
            depth += 1
        elif text[end] == "}":
            if depth == 0:
                break
            depth -= 1
        end += 1
    else:
        return 0, len(text)
    return start, end + 1


def rules() -> list[Rule]:
    """Return the rule for the values of a Kubernetes Secret's ``data:``/``stringData:``."""
    return [
        Rule(
            ("kubernetes-secret",),
            (
                Matcher(Lazy(DATA_ENTRY), judge=secret_data),
                Matcher(Lazy(JSON_ENTRY), judge=json_secret_data),
            ),
            trigger=Trigger(words=("secret",), lower=True, needs="data"),
            gate=r"(?i)kind[\"']?[ \t]*:[ \t]*[\"']?secret",
        ),
    ]
