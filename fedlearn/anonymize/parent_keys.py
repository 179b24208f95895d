"""A YAML ``key:`` named by its parent (DESIGN.md guarantee 1).

``key`` alone names cache keys and key ids as often as secrets, so a hash or UUID after it stays
(``assignments``). Under a parent that names credentials it is one: Kong's declarative
``keyauth_credentials:`` then ``- key: …``, ``api_keys:`` then ``- key: …``, ``auth:`` then
``key: …`` (from ``bench/contexts30``). The parent is the nearest line above with less
indentation that ends in ``:`` (within 12 lines); the value is judged as it would be after the
parent's name (``tables.judged``): ``cache:`` or ``with:`` above ``key:`` names no secret.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# ``key:`` at a line's start (maybe a list item's ``- ``) and a scalar, quoted or plain.
KEY_LINE = Lazy(
    r"key[ \t]*:[ \t]+(?:(?P<q>[\"'])(?P<quoted>[^\"'\n]{8,400})(?P=q)"
    r"|(?P<plain>[^\s\"'#{\[&*!|>][^\s#]{7,399}))[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)
ITEM_HEAD = Lazy(r"[ \t]*(?:-[ \t]+)?\Z")
PARENT = Lazy(
    r"(?P<indent>[ \t]*)(?:-[ \t]+)?[\"']?(?P<key>[A-Za-z_][\w.-]{0,80})[\"']?[ \t]*:[ \t]*$"
)
REACH = 12


def parent_key(
    text: str, line: int, column: int, skip: frozenset[str] = frozenset(), reach: int = REACH
) -> str:
    """Return the key of the nearest line above ``line`` indented less than ``column`` that ends
    in ``:``, or "" (a line with a value or a comment is skipped; a dedented one with a value
    ends the search), within ``reach`` lines. A key in ``skip`` is climbed past: the search goes
    on above it, less indented than it (``schema_defaults``: a schema's structural words)."""
    end = line - 1
    for _ in range(reach):
        if end < 0:
            return ""
        start = text.rfind("\n", 0, end) + 1
        row = text[start:end]
        stripped = row.lstrip(" \t")
        if stripped and not stripped.startswith("#"):
            indent = len(row) - len(stripped)
            if indent < column:
                found = PARENT.compiled.fullmatch(row)
                if found is None:
                    return ""
                if found.group("key") not in skip:
                    return found.group("key")
                column = indent
        end = start - 1
    return ""


def keyed_by_parent(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a bare ``key:``'s value under a parent naming credentials."""
    line = text.rfind("\n", 0, match.start()) + 1
    if not ITEM_HEAD.compiled.fullmatch(text, line, match.start()):
        return None
    parent = parent_key(text, line, match.start() - line)
    if not parent or key_names.classify_key(parent) is None:
        return None
    group = "quoted" if match.group("quoted") is not None else "plain"
    start, end = match.span(group)
    return judged(parent, text[start:end], end)


def rules() -> list[Rule]:
    """Return the rule for a bare YAML ``key:`` under a parent that names credentials."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(KEY_LINE.pattern, KEY_LINE.flags), judge=keyed_by_parent),),
            trigger=Trigger(words=("key",), needs=":"),
            gate=r"(?m)^[ \t]*(?:-[ \t]+)?key[ \t]*:[ \t]+[^\s#]",
        ),
    ]
