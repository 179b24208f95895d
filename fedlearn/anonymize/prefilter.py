"""Which rules can find something in a string: every rule's gate in one RE2 set, or its triggers.

RE2 runs all gates together as one automaton, so the cost of telling which rules can find
something does not grow with the number of rules. google-re2 is optional: without it (or for text
that is not ASCII, where RE2's and Python's case folding could disagree) the rules' keyword
triggers decide instead, with the same results, only slower.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from fedlearn.anonymize import rules as rule_types
from fedlearn.anonymize.rules import Rule


def load_re2() -> Any:
    """Return the ``re2`` module of google-re2, or None when it is not installed."""
    try:
        return importlib.import_module("re2")
    except ImportError:
        return None


class Prefilter:
    """
    The gates of a rule list as one RE2 set.

    Attributes:
        always: the indexes of the rules without a gate (they run on every string).
    """

    def __init__(self, re2: Any, rules: Sequence[Rule]) -> None:
        options = re2.Options()
        options.max_mem = 64 << 20
        self._set = re2.Set.SearchSet(options)
        self._members: list[list[int]] = []
        gates: dict[str, int] = {}
        for index, rule in enumerate(rules):
            if rule.gate is None:
                continue
            if rule.gate not in gates:
                gates[rule.gate] = self._set.Add(rule.gate)
                self._members.append([])
            self._members[gates[rule.gate]].append(index)
        self._set.Compile()
        self.always = tuple(index for index, rule in enumerate(rules) if rule.gate is None)

    def active(self, text: str) -> list[int] | None:
        """Return the sorted indexes of the rules that can find something; None if not ASCII."""
        if not text.isascii():
            return None
        active = list(self.always)
        for gate in self._set.Match(text.encode("ascii")) or ():
            active += self._members[gate]
        active.sort()
        return active


def build(rules: Sequence[Rule]) -> Prefilter | None:
    """Return the prefilter of ``rules``, or None when google-re2 is not installed."""
    re2 = load_re2()
    return None if re2 is None else Prefilter(re2, rules)


class Triggers:
    """The keyword triggers of a rule list, each word or pattern tested at most once per text."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.always = tuple(index for index, rule in enumerate(rules) if rule.trigger is None)
        gates: dict[rule_types.Trigger, list[int]] = {}
        for index, rule in enumerate(rules):
            if rule.trigger is not None:
                gates.setdefault(rule.trigger, []).append(index)
        items: dict[rule_types.Item, int] = {}
        self._gates = tuple(
            (tuple(items.setdefault(item, len(items)) for item in trigger.items()), tuple(members))
            for trigger, members in gates.items()
        )
        self._tests = tuple(item.test() for item in items)
        self._lowered = tuple(item.lower for item in items)

    def active(self, probe: rule_types.Probe) -> list[int]:
        """Return the indexes of the rules whose trigger fires (or that have none), sorted."""
        active = list(self.always)
        text, lower, tests, lowered = probe.text, probe.lower, self._tests, self._lowered
        found: list[bool | None] = [None] * len(tests)
        for indexes, members in self._gates:
            for index in indexes:
                fired = found[index]
                if fired is None:
                    fired = found[index] = tests[index](lower if lowered[index] else text)
                if fired:
                    active += members
                    break
        active.sort()
        return active
