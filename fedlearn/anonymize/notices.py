"""A secret printed on its own line under a notice to keep it (DESIGN.md guarantee 1).

Tools that create a key, a token or recovery codes print it once, under a notice that says so:
``Your new API key was created. Save it somewhere safe: it will not be shown again.`` then a blank
line and the value, indented, alone on its line. The value has no name; the notice names it. A
line that holds a secret word (``key``, ``secret``, ``token``, ``password``, ``passphrase``,
``recovery code``, ``seed``) and a word of keeping it once (``will not be shown again``, ``won't be
displayed again``, ``only time``, ``save``/``copy``/``store``/``write down`` … ``now``/``safe``/
``secure``) makes the first line after it, within three lines, that holds one value and nothing
else a secret when the value reads as generated (``key_names.reads_generated``, 12 characters or
more, not words) or is four or more groups of letters and digits (``1234-5678-…``,
``ABCD-EFGH-…``) with digits. A public key, a fingerprint or a command (blanks, ``:``) is no one
value; a notice without a keeping word (``Your key ID is below``) names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match

# Lower case: the notice's secret word and its keeping words, on one line, either order.
NAMING_WORD = r"(?:key|secret|token|password|passphrase|recovery code|backup code|seed)"
KEEPING = (
    r"(?:(?:will ?not|won't|cannot|can't|never|not) be (?:shown|displayed|visible|viewable|"
    r"retrieved|retrievable|recovered|available|accessible) again|only (?:time|once)"
    r"|(?:save|copy|store|write down|record|keep) (?:it|this|them|these|your|the)[^\n]{0,40}?"
    r"(?:now|safe|secure|securely|somewhere))"
)
# The gate: ``KEEPING`` with its gap unbounded within the line (a counted run of any character
# multiplies the states of the RE2 set's automaton, ``prefilter``).
KEEPING_GATE = KEEPING.replace(r"[^\n]{0,40}?", r"[^\n]*")
# A line with a notice is found by the notice alone: the line ends where the notice's line ends
# (a leading ``[^\n]*?`` made each search try every start of a long line, every gap from each).
# Its two words at most ``NOTICE_GAP`` characters apart: a notice is a sentence or two, and an
# unbounded gap read each naming word's line to its end (a 64 KB line of ``key`` words: seconds).
NOTICE_GAP = 300
NOTICE = Lazy(
    rf"{NAMING_WORD}[^\n]{{0,{NOTICE_GAP}}}?{KEEPING}|{KEEPING}[^\n]{{0,{NOTICE_GAP}}}?{NAMING_WORD}"
)
# One value alone on its line: a run of token characters, or groups of letters and digits.
VALUE_LINE = Lazy(
    r"[ \t]*(?P<value>[A-Za-z0-9+/_=.-]{12,}|[A-Za-z0-9]{3,8}(?:[- ][A-Za-z0-9]{3,8}){3,})[ \t]*\r?"
)
GROUPS = Lazy(r"[A-Za-z0-9]{3,8}(?:([- ])[A-Za-z0-9]{3,8})(?:\1[A-Za-z0-9]{3,8}){2,}")


def printed(subject: str) -> Iterator[re.Match[str]]:
    """Yield the value on its own line within three lines after each keeping notice."""
    lower = subject.lower()
    position = 0
    while True:
        notice = NOTICE.search(lower, position)
        if notice is None:
            return
        end = lower.find("\n", notice.end())
        end = len(lower) if end < 0 else end  # the notice's line's end
        position = end + 1
        for _ in range(3):
            if end >= len(subject):
                break
            start = end + 1
            end = subject.find("\n", start)
            end = len(subject) if end < 0 else end
            line = subject[start:end]
            if not line.strip():
                continue
            value = VALUE_LINE.compiled.fullmatch(subject, start, end)
            if value is not None:
                yield span_match(subject, value.start("value"), value.end("value"))
                position = end + 1
            break


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a printed value that reads as generated, or a grouped code with digits."""
    value = match.group()
    if checks.is_reference(value) or words.is_named(value):
        return None
    if GROUPS.fullmatch(value):
        if not any(c.isdigit() for c in value):
            return None
        return (*match.span(), "")
    if " " in value or not key_names.reads_generated(value, 12):
        return None
    return (*match.span(), "")


def rules() -> list[Rule]:
    """Return the rule for a secret printed on its own line under a keeping notice."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(r"(?s).+"), find=printed, judge=judge),),
            trigger=Trigger(
                words=("again", "only", "save", "copy", "store", "write down", "record", "keep"),
                lower=True,
                needs="\n",
            ),
            gate=rf"(?i){KEEPING_GATE}",
        )
    ]
