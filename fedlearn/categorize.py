"""Categorize stage: rules-as-data (``[[sync.rules]]``) turn an event into a category and fields.

The first rule whose conditions hold wins; its ``fields`` become the pattern's content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fedlearn import config

NESTED = ("data", "metadata")


def field_text(event: Mapping[str, Any], name: str) -> str:
    """
    Return field ``name`` of an event as text ("" when absent or not text-like).

    The field is looked up at the top level, then inside ``data`` and ``metadata``. Lists of
    strings are joined with ", "; numbers become their decimal form.
    """
    value = event.get(name)
    if value is None:
        for nested in NESTED:
            inner = event.get(nested)
            if isinstance(inner, Mapping) and inner.get(name) is not None:
                value = inner[name]
                break
    return as_text(value)


def as_text(value: Any) -> str:
    """Return a JSON scalar or list of scalars as stripped text; "" for anything else."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return ""


def matches(event: Mapping[str, Any], rule: config.Rule) -> bool:
    """Return whether every condition of ``rule`` holds for ``event``."""
    if any(field_text(event, name) != value for name, value in rule.equals.items()):
        return False
    if not all(field_text(event, name) for name in rule.all_of):
        return False
    return not rule.any_of or any(field_text(event, name) for name in rule.any_of)


def categorize(
    event: Mapping[str, Any], rules: Iterable[config.Rule], enabled: Iterable[str]
) -> tuple[str, dict[str, str]] | None:
    """
    Return (category, fields) of the first matching rule of an enabled category, else None.

    ``fields`` holds the rule's non-empty fields, in the rule's order.
    """
    allowed = set(enabled)
    for rule in rules:
        if rule.category in allowed and matches(event, rule):
            fields = {name: field_text(event, name) for name in rule.fields}
            return rule.category, {name: text for name, text in fields.items() if text}
    return None
