"""Secrets on a ``key<TAB>value`` line (DESIGN.md guarantee 1): two cells and no header.

``printenv | tr = '\\t'``, a TSV export of settings, a log that prints ``name\\tvalue`` pairs or a
spreadsheet row pasted into a chat put a key and its value on one line with a tab between them
(``db_password<TAB><redacted:password>``). A line of exactly two tab-separated cells whose first is
a key name that names a secret (``tables.judged``: ``key_names.classify_key``) has its second cell
judged as it would be after ``key=`` and redacted under that key's rule, when it reads as
generated or chosen (not a port, a path or words). A line of three or more
cells is a table row (``tables``: it needs a header); a first cell that is no key name
(``the password``, ``pwd: x``) makes no key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# One line of two cells: a key name, one or more tabs (blanks beside them), the value.
LINE = Lazy(r"[ ]*(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,79})[ ]*\t+[ ]*(?P<value>[^\t\n]*[^\t\n \r])")


def tab_lines(subject: str) -> Iterator[re.Match[str]]:
    """Return the match of every line of two tab-separated cells whose key holds a key word."""
    position = subject.find("\t")
    while position >= 0:
        start = subject.rfind("\n", 0, position) + 1
        end = subject.find("\n", position)
        end = len(subject) if end < 0 else end
        match = LINE.match(subject, start, end)
        if match is not None and subject[match.end() : end].strip(" \r") == "":
            key = match.group("key").lower()
            if any(word in key for word in KEY_WORDS):
                yield match
        position = subject.find("\t", end)


def tab_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span and rule of a tab line's value under its key, or None. A tab file's second
    column is as often a port, a path or a word (``/etc/services``: ``kpasswd<TAB>464/tcp``), so
    the value must also read as generated or chosen (``key_names.reads_generated``), not as words.
    """
    value = match.group("value")
    if not key_names.reads_drawn(value):
        return None
    return judged(match.group("key"), value, match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for a value after its key and a tab on a line of two cells."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(LINE.pattern), find=tab_lines, judge=tab_judge),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="\t"),
            gate=rf"(?i)(?:{words})[a-z0-9_.-]*[ ]*\t",
        ),
    ]
