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

from typing import Any

from fedlearn import config
from fedlearn.anonymize import Anonymizer, heads

# The largest count allowed on a run of a broad class (``[ \t]{0,4}``, ``[^0-9A-Za-z\n]{1,6}``).
SMALL = 8
# A class is broad when it matches at least this many of the 128 ASCII characters.
BROAD = 96
REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def ascii_width(operation: Any, argument: Any) -> int:
    """Return how many ASCII characters one parsed item matches (0 when not a character class)."""
    name = str(operation)
    if name in ("ANY", "NOT_LITERAL"):
        return 127
    if name != "IN":
        return 1 if name == "LITERAL" else 0
    matched: set[int] = set()
    for kind, value in argument:
        if str(kind) == "LITERAL":
            matched.add(value)
        elif str(kind) == "RANGE":
            matched.update(range(value[0], value[1] + 1))
        elif str(kind) == "CATEGORY":
            matched.update(range(128))  # none in a gate but negated ones (test_prefilter)
    matched &= set(range(128))
    negated = any(str(kind) == "NEGATE" for kind, _ in argument)
    return 128 - len(matched) if negated else len(matched)


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


def broad_counts(items: Any) -> list[str]:
    """Return the counted repetitions (``{m,n}`` above ``SMALL``) of a broad class in ``items``."""
    found = []
    for operation, argument in items:
        name = str(operation)
        if name in REPEATS:
            low, high, inner = argument
            count = low if high == heads.sre_parse.MAXREPEAT else high
            if count > SMALL and has_broad(inner):
                found.append(f"{{{low},{'' if count == low and high != low else high}}}")
            found += broad_counts(inner)
        elif name == "SUBPATTERN":
            found += broad_counts(argument[-1])
        elif name == "BRANCH":
            found += [count for branch in argument[1] for count in broad_counts(branch)]
    return found


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
