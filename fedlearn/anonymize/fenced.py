"""A secret alone in a fenced code block: what an answer gives to paste, with no name beside it.

A Markdown fence (three or more backticks or tildes, maybe a language word) whose whole content is
one word: that word is what the reader is to copy. It goes (``secret-value``) when it reads as
drawn: 16 to 400 characters of letters, digits and ``_-+/=~!*#%^``, generated
(``key_names.reads_generated``), with a digit or its cases mixed at random, and no name, version
or path (``words.is_named``; no ``.``, ``:`` or ``@``, no ``/`` at its start). Hex alone and UUIDs
stay (a commit, a digest, an id), and so does an ``UPPER_SNAKE`` name, a constant or a variable;
a prefix that names an id (``req_…``, ``batch_…``) keeps its value too, and so does a fill or a
counted alphabet (``checks.is_fill``: ``AIzaSyabcdefghij…``), a placeholder as in every token shape,
and a name assigned a value typed by counting (``counted``: ``DATABRICKS_TOKEN=dapi1234567890…``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, counted, key_names, public_ids, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

FENCE = Lazy(
    r"(?m)(?P<fence>```|~~~)[`~]*[ \t]*[A-Za-z0-9_+-]*[ \t]*\r?\n[ \t]*"
    r"(?P<value>[A-Za-z0-9_+/=~!*#%^-]{16,400})[ \t]*\r?\n[ \t]*(?P=fence)"
)
PARTS = re.compile(r"[_-]")
IDENTIFIER = Lazy(r"[A-Za-z_][A-Za-z0-9_]*")
# Prefixes of ids that are drawn as a secret is: a request's, a batch's, a run's.
ID_PREFIXES = frozenset({"req", "batch", "run", "job", "msg", "evt", "trace", "span", "file"})


def is_drawn(value: str) -> bool:
    """Return whether a word alone in a block reads as a drawn secret (module docstring)."""
    if value.startswith("/") or checks.is_hexadecimal(value) or checks.is_fill(value):
        return False  # a fill or a counted alphabet is a placeholder (``AIzaSyabcdefghij…``)
    name, equals, assigned = value.partition("=")
    if counted.is_counted(assigned if equals and IDENTIFIER.fullmatch(name) else value):
        return False  # typed by counting (``ntn_1234567890…``, ``DATABRICKS_TOKEN=dapi1234…``)
    parts = PARTS.split(value)
    if parts[0].lower() in ID_PREFIXES | public_ids.DATA_WORDS and len(parts) > 1:
        return False
    if value.upper() == value and all(part.isalpha() or part.isdigit() for part in parts):
        return False  # ``HTTP_PROXY_URL_2026``: a constant's name
    if not key_names.reads_drawn(value, 16):
        return False
    return any(c.isdigit() for c in value) or words.is_random_case(value)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span of the word alone in a fenced block if it reads as drawn, else None."""
    if not is_drawn(match.group("value")):
        return None
    start, end = match.span("value")
    return start, end, ""


def rules() -> list[Rule]:
    """Return the rule for a drawn word alone in a fenced code block."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(FENCE.pattern), judge=judge),),
            trigger=Trigger(words=("```", "~~~")),
            # The fence, one word alone on the next line, the fence again (``+``: the rule counts).
            gate=r"(?:```|~~~)[`~]*[ \t]*[A-Za-z0-9_+-]*[ \t]*\r?\n[ \t]*[A-Za-z0-9_+/=~!*#%^-]+"
            r"[ \t]*\r?\n[ \t]*(?:```|~~~)",
        )
    ]
