"""A value a language's printer wraps with no name: Java's ``Optional[V]``, an assertion's ``<V>``
(DESIGN.md guarantee 1).

``Optional.toString()`` prints ``Optional[V]``, Guava's ``Optional.of(V)``, Scala's ``Some(V)``:
the wrapper bounds the value as quotes do, and says nothing of what it is, so the value is judged
as a quoted literal with no name is (``entropy``'s ``high-entropy``): generated, mixed classes
(``Optional[LeoDVOcXY1CD75gmKIM8QK]``), no hash, name or public id. Lower-case or hex draws stay,
as they do in quotes (bench/contexts32: 3 of its 20 ``Optional[V]`` rows; a value with no name
is the corpus's choice, not a form a redactor can read more of).

A test runner's assertion message wraps the values it compares the same way (bench/devout37):
JUnit 4's ``expected:<X> but was:<V>`` (its ``[V]`` marking where the two differ), JUnit 5's
``expected: <X> but was: <V>``, TestNG's ``expected [X] but found [V]``; a failing test on a
secret prints the secret there with no name beside it (the test's name is a line below).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import entropy, public_ids, public_objects
from fedlearn.anonymize.drawn import is_lower_run
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

WRAPPED = Lazy(
    r"(?<![A-Za-z0-9_.])(?:Optional\[(?P<java>[A-Za-z0-9_-]{20,200})\]"
    r"|(?:Optional\.of|Some)\((?P<call>[A-Za-z0-9_-]{20,200})\))"
)

# JUnit 4/5 and TestNG: the lower-case words the runners print, then the bracketed value.
ASSERTED = Lazy(
    r"(?:\bexpected|\bbut was): ?<\[?(?P<angle>[A-Za-z0-9_-]{20,200})\]?>"
    r"|\b(?:expected|but found) \[(?P<square>[A-Za-z0-9_-]{20,200})\]"
)


def wrapped(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a wrapped value that reads as a generated token, or None."""
    group = next(name for name, value in match.groupdict().items() if value is not None)
    start, end = match.span(group)
    value = text[start:end]
    if not entropy.has_mixed_classes(value) and not is_lower_run(value):
        return None
    if not entropy.is_generated(value):
        return None
    if public_objects.is_public_object(text, start, value) or public_ids.is_public(
        text, start, value
    ):
        return None
    return start, end, "high-entropy"


def rules() -> list[Rule]:
    """Return the rules for values Java's, Guava's and Scala's optionals and test runners'
    assertion messages print wrapped."""
    return [
        Rule(
            ("high-entropy",),
            (Matcher(Lazy(WRAPPED.pattern), judge=wrapped),),
            trigger=Trigger(words=("Optional[", "Optional.of(", "Some(")),
            gate=r"Optional(?:\[|\.of\()|Some\(",
        ),
        Rule(
            ("high-entropy",),
            (Matcher(Lazy(ASSERTED.pattern), judge=wrapped),),
            trigger=Trigger(words=("expected:", "but was:", "expected [", "but found [")),
            gate=r"expected: ?<|but was: ?<|expected \[|but found \[",
        ),
    ]
