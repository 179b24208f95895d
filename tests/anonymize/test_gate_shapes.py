"""The RE2 sets stay fast: no gate counts a run of almost any character (``prefilter``).

Each gate joins one RE2 set; RE2 searches a set with one DFA built lazily over the product of its
members' NFA states, and never gives up on it (a full state cache is reset and rebuilt). A counted
repetition is one NFA state per count, and one of a class that matches almost anything
(``[^\\n]{0,80}``) stays alive over most of a text wherever its head word occurs, so its counts
multiply the other gates' states: six such gates made the secret set read 116.7 µs a 204-byte
text instead of 1.8 (bench/README.md, "eleventh pass"). A gate is only a precondition, so it reads
such a run unbounded within the line (``[^\\n]*``) and its rule's own pattern does the counting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fedlearn import config
from fedlearn.anonymize import Anonymizer, heads

# The largest count allowed on a run of a broad class (``[ \t]{0,4}``, ``[^0-9A-Za-z\n]{1,6}``).
SMALL = 8
# A class is broad when it matches at least this many of the 128 ASCII characters.
BROAD = 96
REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def ascii_width(operation: Any, argument: Any) -> int:
    """Return how many ASCII characters one parsed item matches (0 when not a character class; a
    class with a category, which no gate has but negated (test_prefilter), all of them or none)."""
    matched = ascii_set(operation, argument)
    if matched is not None:
        return len(matched)
    if str(operation) != "IN":
        return 0
    return 0 if any(str(kind) == "NEGATE" for kind, _ in argument) else 128


def has_broad(items: Any) -> bool:
    """Return whether parsed ``items`` read a broad class anywhere."""
    for operation, argument in items:
        name = str(operation)
        if ascii_width(operation, argument) >= BROAD:
            return True
        inner = argument[-1] if name in (*REPEATS, "SUBPATTERN") else []
        if name == "BRANCH":
            inner = [item for branch in argument[1] for item in branch]
        if inner and has_broad(inner):
            return True
    return False


def counted(items: Any, label: Callable[[list[Any], int], str | None]) -> list[str]:
    """Return ``label(items, index)`` of every counted repetition in a parsed pattern, nested
    ones included (None: not one to report)."""
    items, found = list(items), []
    for index, (operation, argument) in enumerate(items):
        name = str(operation)
        if name in REPEATS:
            if (text := label(items, index)) is not None:
                found.append(text)
            found += counted(argument[2], label)
        elif name == "SUBPATTERN":
            found += counted(argument[-1], label)
        elif name == "BRANCH":
            found += [text for branch in argument[1] for text in counted(branch, label)]
    return found


def broad_count(items: list[Any], index: int) -> str | None:
    """Return a counted repetition (``{m,n}`` above ``SMALL``) of a broad class, or None."""
    low, high, inner = items[index][1]
    count = low if high == heads.sre_parse.MAXREPEAT else high
    if count > SMALL and has_broad(inner):
        return f"{{{low},{'' if count == low and high != low else high}}}"
    return None


def broad_counts(items: Any) -> list[str]:
    """Return the counted repetitions (``{m,n}`` above ``SMALL``) of a broad class in ``items``."""
    return counted(items, broad_count)


def gate_counts(gate: str) -> list[str]:
    """Return the broad counted repetitions of ``gate`` (an RE2 pattern Python parses too)."""
    return broad_counts(heads.sre_parse.parse(gate))


def test_no_gate_counts_a_run_of_almost_any_character() -> None:
    """Every gate of both sets (secret, personal data), the derived ones included."""
    rules = Anonymizer(config.Config().anonymize).rules
    found = {
        f"{rule.names[0]}: {rule.gate}": counts
        for rule in rules
        if rule.gate is not None and (counts := gate_counts(rule.gate))
    }
    assert found == {}, (
        "a gate counts a run of a class that matches almost any character: each count is an NFA "
        "state that multiplies the other gates' in the RE2 set's DFA (10x slower per event once); "
        f"read it unbounded within the line ([^\\n]*) and let the rule's pattern count: {found}"
    )


def test_the_check_finds_broad_counts_and_only_them() -> None:
    assert gate_counts(r"(?i)use[ \t][^\n]{8,210}?[ \t]as") == ["{8,210}"]
    assert gate_counts(r"key(?:[^\n]{0,50}|x)") == ["{0,50}"]
    assert gate_counts(r"File \"[^\"\n]{1,500}\"") == ["{1,500}"]
    assert gate_counts(r"a(?:.[ ]){20,}") == ["{20,}"]
    assert gate_counts(r"x[^\n]{9}") == ["{9,9}"]
    assert gate_counts(r"key[^\n]*[ \t]is|[^\n]+ dot") == []
    assert gate_counts(r"[^0-9A-Za-z\n+%(]{1,6}|[ \t]{0,4}:") == []
    assert gate_counts(r"gsk_[A-Za-z0-9]{40,}|AKIA[A-Z0-9]{16}") == []


def ascii_set(operation: Any, argument: Any) -> set[int] | None:
    """Return the ASCII characters one parsed item matches, None when it is not one character."""
    name = str(operation)
    if name == "LITERAL":
        return {argument} & set(range(128))
    if name in ("NOT_LITERAL", "ANY"):
        return set(range(128)) - {argument if name == "NOT_LITERAL" else 10}
    if name != "IN":
        return None
    matched: set[int] = set()
    for kind, value in argument:
        if str(kind) == "LITERAL":
            matched.add(value)
        elif str(kind) == "RANGE":
            matched.update(range(value[0], value[1] + 1))
        elif str(kind) == "CATEGORY":
            return None
    matched &= set(range(128))
    negated = any(str(kind) == "NEGATE" for kind, _ in argument)
    return set(range(128)) - matched if negated else matched


def restarts(items: Any) -> list[str]:
    """
    Return the counted runs (above ``SMALL``) of ``items`` whose head, one character or class
    inside the run's class, can start anew anywhere in such a run: nothing before it in its
    branch, or an unbounded run of a class that meets it.
    """
    return counted(items, restart)


def restart(items: list[Any], index: int) -> str | None:
    """Return a counted run (``{m,n}``) whose head restarts inside it (``restarts``), or None."""
    low, high, inner = items[index][1]
    count = low if high == heads.sre_parse.MAXREPEAT else high
    run = ascii_set(*inner[0]) if len(inner) == 1 else None
    head = ascii_set(*items[index - 1]) if index else None
    if count > SMALL and run and head and head < run and is_open(items[: index - 1], head):
        return f"{{{low},{count}}}"
    return None


def is_open(before: Any, head: set[int]) -> bool:
    """Return whether a head after ``before`` can start anywhere (``restarts``)."""
    if not before:
        return True
    operation, argument = before[-1]
    if str(operation) not in REPEATS or argument[1] != heads.sre_parse.MAXREPEAT:
        return False
    inner = list(argument[2])
    run = ascii_set(*inner[0]) if len(inner) == 1 else None
    return run is not None and bool(run & head)


def gate_restarts(gate: str) -> list[str]:
    """Return the counted runs of ``gate`` whose head restarts inside them (``restarts``)."""
    return restarts(heads.sre_parse.parse(gate))


def test_no_counted_run_starts_again_inside_itself() -> None:
    """
    A head inside its run's class (``[MNO][A-Za-z0-9_-]{22,26}``) starts a count at each of its
    characters in such a run, and the set's DFA keeps every count apart: one such gate was half
    of the secret set's automaton on diverse text (bench/README.md, session 25). The head is
    read at a run's start instead (``(?:^|[^A-Za-z0-9_-])[MNO]``) when its rule requires that.
    """
    rules = Anonymizer(config.Config().anonymize).rules
    found = {
        f"{rule.names[0]}: {rule.gate}": counts
        for rule in rules
        if rule.gate is not None and (counts := gate_restarts(rule.gate))
    }
    assert found == {}, found


def test_the_check_finds_restarting_heads_and_only_them() -> None:
    assert gate_restarts(r"[MNO][A-Za-z0-9_-]{22,26}\.") == ["{22,26}"]
    assert gate_restarts(r"x|S[A-Z2-7]{15}") == ["{15,15}"]
    assert gate_restarts(r"(?i)key[^\n0-9]*[a-z0-9][a-z0-9_./+=-]{15}") == ["{15,15}"]
    assert gate_restarts(r"(?:^|[^A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{22,26}") == []
    assert gate_restarts(r"(?i)key[^\n0-9]*[^\n0-9a-z_.-][a-z0-9][a-z0-9_./+=-]{15}") == []
    assert gate_restarts(r"AIza[0-9A-Za-z_-]{35}|xapp-[0-9]+-[A-Za-z0-9/+-]{10,}") == []
    assert gate_restarts(r"[A-Za-z0-9+/]{8}==|M[A-Za-z]{8}|:AA[A-Za-z0-9_-]{33}") == []
