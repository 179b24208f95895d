"""Secrets in a YAML block scalar under a secret key (DESIGN.md guarantee 1).

``api_token: >-⏎  9c41fe07…`` and ``password: |⏎  Hq7v…`` put the value on the lines after the
key: a literal (``|``) or folded (``>``) block scalar, with its chomping (``-``, ``+``) and
indentation indicators and a comment, whose lines are indented deeper than nothing. The key
before the ``:`` is judged as it would be before ``key: value`` (``key_names.classify_key``),
the block's text, its lines joined, as the value (``key_names.is_secret_value``; a block with a
blank inside a line is prose, as an unquoted value ends at its first blank); the block's lines,
from their first character to the last, are redacted (line breaks and indentation in between
included).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS, key_before
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# ``:``, the block indicator, then the indented lines (each at least the first one's indentation).
BLOCK = Lazy(
    r":[ \t]*[|>][-+1-9]{0,2}[ \t]*(?:#[^\n]*)?\r?\n"
    r"(?P<indent>[ \t]+)(?P<value>\S[^\n]*(?:\r?\n(?P=indent)[^\n]*)*)"
)
BREAK = re.compile(r"\r?\n[ \t]*")


def block(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a block scalar's lines under a secret key."""
    key, _ = key_before(text, match.start())
    name = key_names.classify_key(key)
    value = match.group("value").rstrip()
    joined = BREAK.sub("", value)
    if name is None or not joined or any(blank in joined for blank in " \t"):
        return None  # prose, as an unquoted value ends at its first blank
    if not key_names.is_secret_value(name, key, joined):
        return None
    start = match.start("value")
    return start, start + len(value), name


def rules() -> list[Rule]:
    """Return the rule for a block scalar under a secret key."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(BLOCK.pattern), judge=block),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="\n"),
            gate=rf"(?i)(?:{words})[a-z0-9_.-]*[\"'`]?[ \t]*:[ \t]*[|>]",
        ),
    ]
