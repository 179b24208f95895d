"""Categorize stage: rules-as-data (``[[sync.rules]]``) turn an event into a category and fields.

The first rule whose conditions hold wins; its ``fields`` become the pattern's content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

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


def texts(event: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    """
    Return the non-empty text of each named field of ``event``.

    Same lookup as ``field_text`` (top level first, then ``data``, then ``metadata``), done by
    intersecting key sets, which is what keeps a million-event sync fast.
    """
    wanted = names if isinstance(names, set | frozenset) else set(names)
    found: dict[str, str] = {}
    for container in (event.get("metadata"), event.get("data"), event):
        if isinstance(container, dict):
            for name in wanted.intersection(container):
                text = as_text(container[name])
                if text:
                    found[name] = text
    return found


@attrs.frozen
class Compiled:
    """A rule with its conditions as sets, so matching is a few set operations."""

    rule: config.CategoryRule
    equals: tuple[tuple[str, str], ...]
    all_of: frozenset[str]
    any_of: frozenset[str]

    @classmethod
    def of(cls, rule: config.CategoryRule) -> Compiled:
        """Return ``rule`` compiled."""
        return cls(rule, tuple(rule.equals.items()), frozenset(rule.all_of), frozenset(rule.any_of))

    def matches(self, present: dict[str, str]) -> bool:
        """Return whether the rule holds for an event's non-empty fields."""
        names = present.keys()
        if self.all_of and not names >= self.all_of:
            return False
        if self.any_of and names.isdisjoint(self.any_of):
            return False
        return all(present.get(name) == value for name, value in self.equals)


class Categorizer:
    """The rules of the enabled categories, with the field names they read gathered once."""

    def __init__(self, rules: Iterable[config.CategoryRule], enabled: Iterable[str]) -> None:
        allowed = set(enabled)
        self.rules = [Compiled.of(rule) for rule in rules if rule.category in allowed]
        names: dict[str, None] = {}
        for rule in (compiled.rule for compiled in self.rules):
            names.update(dict.fromkeys([*rule.equals, *rule.all_of, *rule.any_of, *rule.fields]))
        self.names = frozenset(names)

    def __call__(self, event: Mapping[str, Any]) -> tuple[str, dict[str, str]] | None:
        """
        Return (category, fields) of the first matching rule, else None.

        ``fields`` holds the rule's non-empty fields, in the rule's order.
        """
        present = texts(event, self.names)
        for compiled in self.rules:
            if compiled.matches(present):
                rule = compiled.rule
                return rule.category, {n: present[n] for n in rule.fields if n in present}
        return None


def categorize(
    event: Mapping[str, Any], rules: Iterable[config.CategoryRule], enabled: Iterable[str]
) -> tuple[str, dict[str, str]] | None:
    """Return (category, fields) of the first matching rule of an enabled category, else None."""
    return Categorizer(rules, enabled)(event)
