"""The first pass over a configuration file: every key and type checked against the Config tree.

It speaks the file's own words (``sync.rules[0].category``, "expected a number, got a string") and
offers "did you mean" for an unknown key. What it returns is the table with the bad entries left
out, so structuring it gives defaults there and the range and choice checks of
``config_problems.validate`` still run: a file's problems all come in one round.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

import attrs

NAMES = {str: "a string", bool: "true or false", int: "a whole number", float: "a number"}


def kind(value: Any) -> str:
    """Return what a TOML value is, in words."""
    if isinstance(value, bool):
        return "true/false"
    return {
        str: "a string",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def shown(value: Any) -> str:
    """Return a short rendering of a bad value for a message."""
    text = repr(value) if not isinstance(value, str) else '"' + value + '"'
    return text if len(text) <= 40 else text[:37] + "..."


def unknown_key(path: str, key: str, known: list[str]) -> str:
    """Return the message for an unknown key, with the closest known one when there is one."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    where = f"{path}.{key}" if path else key
    hint = f" (did you mean {close[0]}?)" if close else f" (known: {', '.join(known)})"
    return f"{where}: unknown key{hint}"


def check_table(raw: dict[str, Any], cls: type, path: str) -> tuple[dict[str, Any], list[str]]:
    """Return ``raw`` without its bad keys and values, and one problem line for each of them."""
    hints = typing.get_type_hints(cls)
    known = [field.name for field in attrs.fields(cls) if field.name != "source"]
    kept: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key not in known:
            problems.append(unknown_key(path, key, known))
            continue
        where = f"{path}.{key}" if path else key
        good, found = check_value(value, hints[key], where)
        problems += found
        if good is not None:  # a table with some bad keys keeps its good ones
            kept[key] = good
    missing = [
        f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING and f.name not in raw
    ]
    problems += [f"{path + '.' if path else ''}{name}: required key missing" for name in missing]
    return kept, problems


def check_value(value: Any, expected: Any, where: str) -> tuple[Any, list[str]]:
    """
    Return (the value to keep, the problems of ``value`` as type ``expected``).

    The value to keep is None when nothing of it can be kept.
    """
    origin = typing.get_origin(expected)
    if attrs.has(expected):
        if not isinstance(value, dict):
            return None, [f"{where}: expected a table, got {kind(value)}"]
        kept, problems = check_table(value, expected, where)
        is_whole = all(f.name in kept for f in attrs.fields(expected) if f.default is attrs.NOTHING)
        return (kept if is_whole else None), problems
    if origin is list:
        return check_list(value, typing.get_args(expected)[0], where)
    if origin is dict:
        if not isinstance(value, dict):
            return None, [f"{where}: expected a table, got {kind(value)}"]
        inner = typing.get_args(expected)[1]
        kept, problems = {}, []
        for key, entry in value.items():
            good, found = check_value(entry, inner, f"{where}.{key}")
            problems += found
            if good is not None:
                kept[key] = good
        return kept, problems
    if isinstance(expected, types.UnionType) or origin is typing.Union:  # ``X | None``
        members = [t for t in typing.get_args(expected) if t is not type(None)]
        return check_value(value, members[0], where)
    return check_scalar(value, expected, where)


def check_list(value: Any, item: Any, where: str) -> tuple[Any, list[str]]:
    """Return (the list, its items' problems) for a list of ``item``."""
    if not isinstance(value, list):
        return None, [f"{where}: expected a list, got {kind(value)} {shown(value)}"]
    problems: list[str] = []
    for index, entry in enumerate(value):
        _, found = check_value(entry, item, f"{where}[{index}]")
        problems += found
    return (None if problems else value), problems


def check_scalar(value: Any, expected: Any, where: str) -> tuple[Any, list[str]]:
    """Return (value, problems) for a string, bool, int or float key."""
    is_bool = isinstance(value, bool)
    fits = {
        str: isinstance(value, str),
        bool: is_bool,
        int: isinstance(value, int) and not is_bool,
        float: isinstance(value, int | float) and not is_bool,
    }.get(expected, True)
    if fits:
        return value, []
    wanted = NAMES.get(expected, str(expected))
    return None, [f"{where}: expected {wanted}, got {kind(value)} {shown(value)}"]
