"""A value a language's printer wraps with no name: Java's ``Optional[V]`` (DESIGN.md guarantee 1).

``Optional.toString()`` prints ``Optional[V]``, Guava's ``Optional.of(V)``, Scala's ``Some(V)``:
the wrapper bounds the value as quotes do, and says nothing of what it is, so the value is judged
as a quoted literal with no name is (``entropy``'s ``high-entropy``): generated, mixed classes
(``Optional[LeoDVOcXY1CD75gmKIM8QK]``), no hash, name or public id. Lower-case or hex draws stay,
as they do in quotes (bench/contexts32: 3 of its 20 ``Optional[V]`` rows; a value with no name
is the corpus's choice, not a form a redactor can read more of).
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


def wrapped(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a wrapped value that reads as a generated token, or None."""
    group = "java" if match.group("java") is not None else "call"
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
    """Return the rule for values Java's, Guava's and Scala's optionals print wrapped."""
    return [
        Rule(
            ("high-entropy",),
            (Matcher(Lazy(WRAPPED.pattern), judge=wrapped),),
            trigger=Trigger(words=("Optional[", "Optional.of(", "Some(")),
            gate=r"Optional(?:\[|\.of\()|Some\(",
        ),
    ]
