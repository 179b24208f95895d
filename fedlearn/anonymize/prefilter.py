"""Which rules can find something in a string: every rule's gate in one RE2 set, or its triggers.

RE2 runs all gates together as one automaton over the text's UTF-8, so the cost of telling which
rules can find something does not grow with the number of rules. google-re2 is optional: without
it (or for a lone surrogate, which has no UTF-8) the rules' keyword triggers decide instead. Both
are necessary conditions of their rules (``rules``), so which one decides changes the time, never
the result. A gate uses no class whose meaning differs between RE2 and Python on non-ASCII text
(``\\s``, ``\\w``, ``\\d``, ``\\b``, except negated), so it holds on any text the rule's Python
patterns match (``tests/test_prefilter.py``). The set is built once the triggers have read
``PAYOFF`` characters: importing google-re2 and compiling the set costs more than the triggers
spend on a few short strings, so a small run never pays for it (a large backlog builds it at once:
``Prefilter.build``). The set's automaton is built lazily while it reads, so each new state costs
a sync once per process: a gate's counted run that starts at every digit or letter (``[0-9]{8}``)
multiplies the states of the others', which a literal or an anchor before it avoids; so does a
run to the line's end after a word (``card[^\n]*\n``, one live thread per such gate for the rest
of each line): the table rules' gates are their header words alone. The gates of
the secret rules and those of the personal-data rules are two sets, read one after the other: in
one automaton the states of each side multiply the other's (the personal ids' and phones' digit
runs against the secrets' keyed forms), so a fresh process built twice the states for the same
texts (a sync's half of the bench: 0.59 CPU-s cold against 0.31 in two sets; reading them warm,
0.069 against 0.101 s). The secret gates are three sets themselves (``kind``): by case, and the
case-folded keyed forms' gates (the key words' alternation) apart from the other case-folded ones,
whose states multiply theirs on text not read before. A pass
that looks for secrets only (``scan``, the pass after personal data only) reads the secret sets
alone. The rules without a gate that need a long run of base64 characters (``Rule.long_run``)
are let through together where one of their tests holds of the text's long runs
(``probe.has_wanted_run``): most long runs are paths and names, which every test turns away.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Sequence
from typing import Any

from fedlearn.anonymize import triggers
from fedlearn.anonymize.probe import Probe, has_wanted_run
from fedlearn.anonymize.rules import Rule, RunTest
from fedlearn.anonymize.trigger_words import WORDS_AFTER, WordFinder, word_finder

# Characters the triggers read before the set is built: about what the set then saves on as
# much text (import and compile ~7 ms; bench_anonymize: ~35 MB/s with it, ~12 without), so a run
# pays at most about twice what the best choice made in advance would have cost.
PAYOFF = 128 * 1024
# Per set (the secret rules' gates, the personal-data rules'): the RE2 set, for each of its
# members the indexes of the rules it gates, and whether they are the secret rules.
Compiled = tuple[tuple[Any, tuple[tuple[int, ...], ...], bool], ...]
# The sets, once compiled, of each rule list of this process (by its gates); a few at most.
Gates = tuple[tuple[str | None, bool], ...]
SETS: dict[Gates, Compiled] = {}
MAX_SETS = 4


@functools.cache
def load_re2() -> Any:
    """Return the ``re2`` module of google-re2, or None when it is not installed."""
    try:
        return importlib.import_module("re2")
    except ImportError:
        return None


class Prefilter:
    """
    The gates of a rule list as one RE2 set, built once ``after`` characters were asked about,
    or at once when this process compiled the set of these gates already (then it costs nothing).

    Attributes:
        always: the indexes of the rules without a gate that run on every string.
        on_run: those of the rules without a gate that need a long run (``Rule.long_run``): they
            run on every string where one of their tests holds (``wants``).
    """

    def __init__(self, rules: Sequence[Rule], after: int = PAYOFF) -> None:
        self.always, self.on_run = ungated([rule.gate for rule in rules], rules)
        self.wants = run_tests(rules, self.on_run)
        self._gates = tuple((rule.gate, rule.is_secret) for rule in rules)
        self._pending = after
        self._set: Compiled | None = SETS.get(self._gates)

    @property
    def is_available(self) -> bool:
        """Return whether google-re2 is installed (the set is or will be built)."""
        return load_re2() is not None

    @property
    def is_built(self) -> bool:
        """Return whether the RE2 set has been compiled."""
        return self._set is not None

    def active(
        self, text: str, secrets_only: bool = False, long_run: bool | None = None
    ) -> list[int] | None:
        """
        Return the sorted indexes of the rules that can find something (with ``secrets_only``,
        of the secret rules among them: the personal-data rules' set is not read); ``long_run``:
        whether a test of ``wants`` holds of the text's long runs (``probe.has_wanted_run``),
        when the caller knows.

        Return None (the triggers decide) before the set is built, without google-re2, or for a
        text with a lone surrogate.
        """
        if self._set is None and not self._is_ready(len(text)):
            return None
        try:
            data = text.encode()
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for RE2 to read
            return None
        if self.on_run and (has_wanted_run(text, self.wants) if long_run is None else long_run):
            active = [*self.always, *self.on_run]
        else:
            active = list(self.always)
        for gate_set, members, secret in self._set:  # type: ignore[union-attr]  # built above
            if secrets_only and not secret:
                continue
            for gate in gate_set.Match(data) or ():
                active += members[gate]
        active.sort()
        return active

    def active_each(
        self,
        texts: Sequence[str],
        long_runs: Sequence[bool] | None,
        secrets_only: Sequence[bool] | None = None,
    ) -> list[list[int] | None]:
        """
        Return ``active`` of each text (its ``long_run``, None: tested; ``secrets_only``, None: no)
        once built: each set reads all texts before the next does (its states stay in caches)."""
        if self._set is None:
            return [None] * len(texts)
        datas: list[bytes | None] = []
        found: list[list[int] | None] = []
        for number, text in enumerate(texts):
            try:
                datas.append(text.encode())
            except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for RE2 to read
                datas.append(None)
                found.append(None)
                continue
            run = long_runs[number] if long_runs is not None else has_wanted_run(text, self.wants)
            found.append([*self.always, *self.on_run] if self.on_run and run else [*self.always])
        skipped = secrets_only or [False] * len(texts)
        for gate_set, members, secret in self._set:
            match = gate_set.Match
            for data, active, only in zip(datas, found, skipped, strict=True):
                if active is not None and (secret or not only):
                    for gate in match(data) or ():
                        active += members[gate]
        for active in found:
            if active is not None:
                active.sort()
        return found

    def build(self) -> None:
        """
        Build the set now, without waiting for ``after`` characters (a large backlog will pay for
        it; workers forked later inherit it). Nothing without google-re2 or when it is built.
        """
        if self._set is None and load_re2() is not None:
            self._set = compiled(self._gates)

    def _is_ready(self, size: int) -> bool:
        """Count ``size`` more characters; return whether the set is built (building it if due)."""
        if self._pending > 0:
            self._pending -= size
            return False
        if load_re2() is None:
            return False
        self._set = compiled(self._gates)
        return True


def compiled(gates: Gates) -> Compiled:
    """
    Return the RE2 sets of the distinct ``gates`` (per rule: its gate, None for none, and whether
    it is a secret rule) and, for each set member, the indexes of the rules it gates: the
    personal-data rules' gates in one set, the secret rules' in one per ``kind`` of gate.

    Kept in ``SETS``: every anonymizer of one rule list in this process shares the sets, and with
    them the automaton states RE2 builds lazily while it reads (its first megabytes read slower).
    """
    found = SETS.get(gates)
    if found is None:
        if len(SETS) >= MAX_SETS:
            SETS.clear()
        kinds = {(is_secret, kind(gate) if is_secret else "") for gate, is_secret in gates if gate}
        found = SETS[gates] = tuple(
            (
                *compile_set(
                    [
                        gate if gate and is_secret == secret and part in ("", kind(gate)) else None
                        for gate, is_secret in gates
                    ],
                    MAX_MEM[part],
                ),
                secret,
            )
            for secret, part in sorted(kinds, reverse=True)
        )
    return found


# The memory of each secret set's automaton (``kind``) and of the personal-data set's: a bound on
# what a sync's RE2 states can take on any text (4 x 32 MB), above what the corpora needed without
# rebuilding their states (bench/README.md: at most 15.5 / 19.7 / 18.4 MB on bench/agent16j and
# bench/audit16 in three sets, read as fast at a 24 MB cap; at 16 MB the case-sensitive and
# personal sets rebuilt theirs on every read, ~70-130 µs a text warm instead of ~4).
MAX_MEM = {"k": 32 << 20, "i": 32 << 20, "c": 32 << 20, "": 32 << 20}


def kind(gate: str) -> str:
    """
    Return which of the secret rules' sets ``gate`` is read in: "c" when it does not ignore case;
    of those that do, "k" when it holds the keyed forms' alternation of every key word
    (``keyed_words``), "i" otherwise. In one set the case-folded gates' states (the keyed forms,
    their runs to a separator) and the others' (a vendor's literal and a counted run) multiply:
    on 1,441 diverse texts (bench/agent16j) they outgrew 64 MB, so RE2 rebuilt them again and
    again (~1,700 µs per text warm); two sets read them at ~23 µs. So do, less, the keyed forms'
    twenty copies of the key words and the other case-folded gates (runs to the line's end after
    a common word): apart, a sync's reads of that side, replayed, cost 0.28 s, not 0.49 cold,
    +1.4 µs a read warm (bench/README.md, "Twenty-sixth pass"). The set changes the time only.
    """
    if not gate.startswith("(?i)"):
        return "c"
    return "k" if keyed_words() in gate else "i"


@functools.cache
def keyed_words() -> str:
    """Return the alternation of every key word (``assignments.GATE_WORDS``) the keyed forms'
    gates hold. Imported on first use: the rule modules import the engine, and so this one."""
    from fedlearn.anonymize import assignments

    return "|".join(re.escape(word) for word in assignments.GATE_WORDS)


def compile_set(
    gates: Sequence[str | None], max_mem: int = 64 << 20
) -> tuple[Any, tuple[tuple[int, ...], ...]]:
    """Return the RE2 set of the distinct ``gates`` (one per rule, None: not in this set) and the
    rules of each member (``compiled``)."""
    re2 = load_re2()
    options = re2.Options()
    options.max_mem = max_mem
    gate_set = re2.Set.SearchSet(options)
    numbers: dict[str, int] = {}
    members: list[list[int]] = []
    for index, gate in enumerate(gates):
        if gate is None:
            continue
        if gate not in numbers:
            numbers[gate] = gate_set.Add(gate)
            members.append([])
        members[numbers[gate]].append(index)
    gate_set.Compile()
    # The extension's own set, when google-re2's wrapper holds one: its ``Match`` of bytes is the
    # wrapper's without a Python call and a type test around it (a list, maybe empty).
    return getattr(gate_set, "_set", gate_set), tuple(tuple(indexes) for indexes in members)


def run_tests(rules: Sequence[Rule], indexes: Sequence[int]) -> tuple[RunTest, ...]:
    """Return the distinct ``Rule.long_run`` tests of the rules at ``indexes``, in order."""
    tests = (rules[index].long_run for index in indexes)
    return tuple(dict.fromkeys(test for test in tests if test is not None))


def ungated(
    conditions: Sequence[object | None], rules: Sequence[Rule]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the indexes of the rules without a condition (None), those that need no long run
    and those that do (``Rule.long_run``)."""
    free = [index for index, condition in enumerate(conditions) if condition is None]
    return (
        tuple(index for index in free if not rules[index].long_run),
        tuple(index for index in free if rules[index].long_run),
    )


class Triggers:
    """
    The keyword triggers of a rule list, each word or pattern tested at most once per text.

    Once ``after`` characters were asked about, the literal words (of the lower-case copy, and of
    the text) are looked for in one pass each: a regex of all of them as a trie (``word_finder``),
    whose match at each position is the longest word starting there, so the words found are its
    matches and every word that is a prefix of one. Before that, or for a rule list's first few
    strings, each word is its own ``in`` test (compiling the two regexes costs what the tests
    spend on ~40 KB). Either way a gate fires on the same texts; the other items (regexes,
    ``Many``) are tested only for gates no word fired.
    """

    def __init__(self, rules: Sequence[Rule], after: int = WORDS_AFTER) -> None:
        self.always, self.on_run = ungated([rule.trigger for rule in rules], rules)
        self.wants = run_tests(rules, self.on_run)
        gates: dict[triggers.Trigger, list[int]] = {}
        for index, rule in enumerate(rules):
            if rule.trigger is not None:
                gates.setdefault(rule.trigger, []).append(index)
        items: dict[triggers.Item, int] = {}
        self._gates = tuple(
            (
                trigger.needs,
                trigger.lower,
                tuple(items.setdefault(item, len(items)) for item in trigger.items()),
                tuple(members),
            )
            for trigger, members in gates.items()
        )
        self._tests = tuple(item.test() for item in items)
        self._lowered = tuple(item.lower for item in items)
        self._pending = after
        # The word items (a literal, no minimum count) and whether they read the lower-case copy.
        self._words = tuple(
            (item.word, index, item.lower)
            for item, index in items.items()
            if item.pattern is None and item.minimum == 1
        )
        is_word = {index for _, index, _ in self._words}
        # Per word item, the gates it is in; per gate with other items, those items.
        by_word: dict[int, list[int]] = {}
        others = []
        for number, (_, _, indexes, _) in enumerate(self._gates):
            rest = []
            for index in indexes:
                if index in is_word:
                    by_word.setdefault(index, []).append(number)
                else:
                    rest.append(index)
            if rest:
                others.append((number, tuple(rest)))
        self._by_word = {index: tuple(numbers) for index, numbers in by_word.items()}
        self._others = tuple(others)
        self._finder: WordFinder | None = None

    def active(self, probe: Probe) -> list[int]:
        """Return the indexes of the rules whose trigger fires (or that have none), sorted."""
        text = probe.text
        if self._finder is None:
            if self._pending > 0:
                self._pending -= len(text)
                return self._tested(probe)
            self._finder = word_finder(self._words)
        lower, gates, lowered, tests = probe.lower, self._gates, self._lowered, self._tests
        candidates: set[int] = set()
        by_word = self._by_word
        for index in self._finder(text, lower):
            candidates.update(by_word[index])
        fired = []
        for number in candidates:
            needs, lowered_needs = gates[number][0], gates[number][1]
            if not needs or needs in (lower if lowered_needs else text):
                fired.append(number)
        found: dict[int, bool] = {}
        for number, rest in self._others:
            if number in candidates:
                continue
            needs, lowered_needs = gates[number][0], gates[number][1]
            if needs and needs not in (lower if lowered_needs else text):
                continue
            for index in rest:
                hit = found.get(index)
                if hit is None:
                    hit = found[index] = tests[index](lower if lowered[index] else text)
                if hit:
                    fired.append(number)
                    break
        active = (
            [*self.always, *self.on_run]
            if self.on_run and has_wanted_run(text, self.wants)
            else list(self.always)
        )
        for number in fired:
            active += gates[number][3]
        active.sort()
        return active

    def _tested(self, probe: Probe) -> list[int]:
        """Return ``active``'s answer, each item tested on its own."""
        text, lower, tests, lowered = probe.text, probe.lower, self._tests, self._lowered
        active = (
            [*self.always, *self.on_run]
            if self.on_run and has_wanted_run(text, self.wants)
            else list(self.always)
        )
        found: list[bool | None] = [None] * len(tests)
        for needs, lowered_needs, indexes, members in self._gates:
            if needs and needs not in (lower if lowered_needs else text):
                continue
            for index in indexes:
                fired = found[index]
                if fired is None:
                    fired = found[index] = tests[index](lower if lowered[index] else text)
                if fired:
                    active += members
                    break
        active.sort()
        return active
