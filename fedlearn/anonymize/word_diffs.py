"""A value a word diff adds or removes after its key (DESIGN.md guarantee 1; from ``bench/contexts40``).

``git diff --word-diff`` (and ``wdiff``) prints a changed word in place: ``[-old-]`` removed,
``{+new+}`` added, on the line of its key (``api_token: [-${API_TOKEN}-]{+V+}``). The words in
brackets stand where a value stands after ``key:`` or ``key=``, so the added or removed word
right after a key (past the other side's bracket) is judged as that key's value would be
(``key_names.classify_key``, ``key_names.is_secret_value``): ``image: [-1.2-]{+1.3+}`` names none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

CHANGED = Lazy(r"(?:\{\+(?P<added>[^\n]{1,1024}?)\+\}|\[-(?P<removed>[^\n]{1,1024}?)-\])")
# The line before a changed word: a key and its separator, maybe the other side's word between.
KEYED = Lazy(
    r"(?P<key>[A-Za-z_][\w.-]{0,80})[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(?:\{\+[^\n]{0,1024}?\+\}|\[-[^\n]{0,1024}?-\])?\Z"
)


def changed_words(text: str) -> Iterator[re.Match[str]]:
    """Yield each added or removed word right after a key naming a secret, as that key's value."""
    for found in CHANGED.compiled.finditer(text):
        group = "added" if found.group("added") is not None else "removed"
        line = text.rfind("\n", 0, found.start()) + 1
        keyed = KEYED.compiled.search(text[max(line, found.start() - 1200) : found.start()])
        if keyed is None:
            continue
        key, value = keyed.group("key"), found.group(group).strip("\"'")
        name = key_names.classify_key(key)
        if name is not None and key_names.is_secret_value(name, key, value):
            start = found.start(group) + found.group(group).index(value)
            yield span_match(text, start, start + len(value))


def changed_judge(match: re.Match[str], text: str) -> tuple[int, int, str]:
    """Return the span of a word ``changed_words`` found, under its key's rule."""
    line = text.rfind("\n", 0, match.start()) + 1
    bracket = max(text.rfind("{+", line, match.start()), text.rfind("[-", line, match.start()))
    keyed = KEYED.compiled.search(text[line : max(bracket, line)])
    name = key_names.classify_key(keyed.group("key")) if keyed else None
    return match.start(), match.end(), name or "password"


def rules() -> list[Rule]:
    """Return the rule for a word diff's changed value after a key naming a secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=changed_words, judge=changed_judge),),
            trigger=Trigger(words=("{+", "[-")),
            gate=r"\{\+|\[-",
        )
    ]
