"""Categorize stage: rules-as-data (``[[sync.rules]]``) turn an event into a category and fields.

The first rule whose conditions hold wins; its ``fields`` become the pattern's content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import Any

import attrs

from fedlearn import config

NESTED = ("data", "metadata")
# Sets of present field names whose rules a categorizer keeps worked out (a run sees a handful).
MAX_NAME_SETS = 1024
SETS = (set, frozenset)


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
    wanted = names if isinstance(names, SETS) else set(names)
    found: dict[str, str] = {}
    for container in (event.get("metadata"), event.get("data"), event):
        if isinstance(container, dict):
            for name in wanted.intersection(container):
                value = container[name]
                # A string is stripped, as ``as_text`` does first; it takes every other value.
                text = value.strip() if value.__class__ is str else as_text(value)
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
        return self.holds_for(present.keys()) and self.equal_in(present)

    def holds_for(self, names: Set[str]) -> bool:
        """Return whether the rule's conditions on which fields are present hold for ``names``."""
        if self.all_of and not names >= self.all_of:
            return False
        return not (self.any_of and names.isdisjoint(self.any_of))

    def equal_in(self, present: dict[str, str]) -> bool:
        """Return whether the rule's ``equals`` conditions hold for an event's non-empty fields."""
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
        # Per set of present names: the rules whose name conditions hold, in order, each with the
        # fields it takes that are present. Which rule wins then depends on ``equals`` alone.
        self._held: dict[frozenset[str], tuple[tuple[Compiled, tuple[str, ...]], ...]] = {}

    def __call__(self, event: Mapping[str, Any]) -> tuple[str, dict[str, str]] | None:
        """
        Return (category, fields) of the first matching rule, else None.

        ``fields`` holds the rule's non-empty fields, in the rule's order.
        """
        present = texts(event, self.names)
        names = frozenset(present)
        held = self._held.get(names)
        if held is None:
            held = self.held_for(names)
            if len(self._held) < MAX_NAME_SETS:
                self._held[names] = held
        for compiled, fields in held:
            if not compiled.equals or compiled.equal_in(present):
                return compiled.rule.category, {name: present[name] for name in fields}
        return None

    def held_for(self, names: frozenset[str]) -> tuple[tuple[Compiled, tuple[str, ...]], ...]:
        """Return the rules whose name conditions hold for ``names``, with their present fields."""
        return tuple(
            (compiled, tuple(name for name in compiled.rule.fields if name in names))
            for compiled in self.rules
            if compiled.holds_for(names)
        )


def categorize(
    event: Mapping[str, Any], rules: Iterable[config.CategoryRule], enabled: Iterable[str]
) -> tuple[str, dict[str, str]] | None:
    """Return (category, fields) of the first matching rule of an enabled category, else None."""
    return Categorizer(rules, enabled)(event)
