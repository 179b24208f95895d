"""A value a terminal's wrap put on the row after its key (DESIGN.md guarantee 1; from ``bench/contexts41``).

A line longer than the terminal is cut at its width, and a capture of the screen (``tmux
capture-pane`` without ``-J``, a ``script`` typescript, a copied console, a CI log of one) keeps
the cut: ``NAME=`` ends one row, maybe padded with blanks to the edge, and the value starts the
next one at its first column (``kubectl describe``'s ``NAME:  ``, Windows ``set``'s ``NAME=``,
``./configure --with-token=``). A value that starts a row, fills it alone (one run, no blank)
and follows a row that ends in a key and its ``=`` or ``:`` is judged as that key's value
(``assignments.key_before``, ``key_names.is_secret_value``); a weak key (``key`` alone, ``auth``,
``session``: ``high-entropy``'s) names no row of its own (``public key:`` above a base64 DER
key). An indented next row is YAML's or a list's, not a wrap's, and stays with the rules that
read those; so does a word of letters alone that does not read as generated (``Password:`` then
``Authenticated``, a prompt's answer), and a row that is a key and its value itself (a diff's ``-KEY=`` then
``+KEY=V``, an empty ``PASSWORD=`` then ``URL=http://…``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names, words
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS, key_before
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# ``=`` or ``:`` ending a row (blanks may pad it to the edge), then a row that is one run.
WRAPPED_ROW = Lazy(r"[=:][ \t]*\r?\n(?P<value>[^\s\-#<>\[\]{}][^\s]{5,1023})[ \t]*(?=\r?\n|\Z)")

# A row that is itself a key and its value: a diff's ``+KEY=V`` under ``-KEY=``, the next
# ``URL=http://…`` of an env file under an empty ``PASSWORD=`` (not base64's ``==`` padding).
ASSIGNMENT = re.compile(r"[+\-!>]?[A-Za-z_][\w.-]{0,80}=(?!=|$)")


def wrapped_row(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a row-starting value under the key that ends the row above."""
    key, _ = key_before(text, match.start())
    name = key_names.classify_key(key)
    value = match.group("value")
    if name in (None, "high-entropy") or value.endswith((":", "=")) or ASSIGNMENT.match(value):
        return None  # no key, a weak one (``public key:`` over a DER key), or the next row's key
    drawn = key_names.reads_generated(value, 8) and not words.is_named(value)
    if value.isalpha() and not drawn:
        return None  # a word alone is a prompt's answer (``Password:`` / ``Authenticated``)
    if not key_names.is_secret_value(name, key, value):
        return None
    return match.start("value"), match.end("value"), name


def rules() -> list[Rule]:
    """Return the rule for a value wrapped onto the row after its key."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(WRAPPED_ROW.pattern), judge=wrapped_row),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="\n"),
            gate=rf"(?i)(?:{words})[a-z0-9_.-]*[\"'`]?[ \t]*[:=][ \t]*\r?\n[^\s\-#<>\[\]{{}}]",
        ),
    ]
