"""Render plain tables as TOML (``tomllib`` only reads it), for ``fedlearn config show``.

The output reads back with ``tomllib`` to an equal table. Scalars come first, then one ``[table]``
or ``[[array.of.tables]]`` section per nested table, in the table's own key order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def render(table: Mapping[str, Any]) -> str:
    """
    Return ``table`` as a TOML document.

    Raise TypeError when a value has no TOML form (``None``, or an object that is not a bool,
    number, string, list or mapping).
    """
    return "\n".join(_section(table, "")).lstrip("\n") + "\n"


def key(name: str) -> str:
    """Return ``name`` as a TOML key: bare when it may be, else a quoted string."""
    return name if BARE_KEY.fullmatch(name) else string(name)


def string(text: str) -> str:
    """Return ``text`` as a TOML basic string; quotes, backslashes, control characters escaped."""
    out = (
        ESCAPES.get(char)
        or (f"\\u{ord(char):04X}" if ord(char) < 0x20 or ord(char) == 0x7F else char)
        for char in text
    )
    return '"' + "".join(out) + '"'


def value(item: Any) -> str:
    """Return ``item`` as an inline TOML value; raise TypeError when it has no TOML form."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        return _float(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, list | tuple):
        return "[" + ", ".join(value(element) for element in item) + "]"
    if isinstance(item, Mapping):
        pairs = ", ".join(f"{key(name)} = {value(element)}" for name, element in item.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise TypeError(f"no TOML form for {type(item).__name__}: {item!r}")


def _float(number: float) -> str:
    if math.isnan(number):
        return "nan"
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    return repr(number)  # repr always has a "." or an exponent, as TOML floats need


def _is_table_array(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(e, Mapping) for e in item)


def _section(table: Mapping[str, Any], header: str, *, is_element: bool = False) -> list[str]:
    # Sub-tables of an array-of-tables element are written inline: shorter, and no header that
    # attaches to "the last element" only by position.
    lines = [
        f"{key(name)} = {value(item)}"
        for name, item in table.items()
        if is_element or not (isinstance(item, Mapping) or _is_table_array(item))
    ]
    if is_element:
        return lines
    for name, item in table.items():
        inner = f"{header}.{key(name)}" if header else key(name)
        if isinstance(item, Mapping):
            lines += ["", f"[{inner}]", *_section(item, inner)]
        elif _is_table_array(item):
            for element in item:
                lines += ["", f"[[{inner}]]", *_section(element, inner, is_element=True)]
    return lines
