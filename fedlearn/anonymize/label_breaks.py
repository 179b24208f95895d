"""A value on the line after its label, the line broken by a newline or by markup (DESIGN.md
guarantee 1; from ``bench/contexts40``).

A mail or a wiki page gives a secret under a label of its own: ``Use this token:<br><span
style="font-family:monospace">V</span>``, ``<p><b>Password:</b></p><p>V</p>``,
``<dt>API key</dt><dd><code>V</code></dd>``, and the plain text of the same mail ``Password:⏎V``.
The text is cut into lines at newlines and at the tags that break a line (``<br>``, a paragraph,
a ``div``, a list's or a definition list's items, a table's cells); the tags inside a line
(``<b>``, ``<span …>``, ``<code>``) are read through. A line that is only a label — a few words
ending in a secret's word (``token``, ``secret``, ``password``, ``passphrase``, ``key``) and a
colon, or a ``<dt>``/``<th>`` holding them — makes the next line its value when that line holds
one value-shaped word and nothing else; the value is judged as after ``KEY=`` (``tables.judged``)
under the label's last word, or its last two when the first qualifies it (``client secret`` →
``client_secret``; ``Use this token`` → ``token``); a word that makes the key name data
(``public key:``, ``SSH key:``, ``cache key:``, ``key_names.DATA_OWNERS``) makes no label. A value of letters alone must also read as
generated (``Password:⏎Authenticated``, a prompt's next line, stays), and a word ending in ``:``
is a YAML mapping's first key (``password:⏎  valueFrom:``); ``Commit:⏎V`` names nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged

# The words a label's last word ends in (the gate reads them right before the line's end).
LABEL_ENDINGS = ("token", "secret", "password", "passwd", "passphrase", "pwd", "key")
# Where a line ends: a newline, a tag that breaks a line (open or close), a ``<br>``/``<hr>``.
BLOCKS = "p|div|dt|dd|li|tr|td|th|pre|blockquote|h[1-6]|table|thead|tbody|ul|ol|dl|section|article"
BREAK = Lazy(rf"\r?\n|<(?:br|hr)[ \t]*/?>|</?(?:{BLOCKS})(?:[ \t\r\n][^<>]{{0,300}})?>", re.I)
# A tag read through inside a line.
INLINE = r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:[ \t\r\n][^<>]{0,300})?>"
TAGS = re.compile(INLINE)
# A label line, its tags read through: up to five words, the key, maybe a colon.
LABEL = re.compile(
    r"[ \t]*(?P<words>(?:[A-Za-z][A-Za-z'-]{0,20}[ \t]+){0,5})(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,60})"
    r"[ \t]*(?P<colon>:?)[ \t]*"
)
# A value line: one word inside the line's tags.
VALUE = re.compile(
    rf"[ \t]*(?:{INLINE}[ \t]*)*(?P<value>[^<>\s]{{1,1024}})[ \t]*(?:{INLINE}[ \t]*)*"
)
# Words before a label's key that make one key with it (``client secret``); any other word is
# prose (``Use this token``) and the key is read alone.
QUALIFIER_WORDS = """
    api auth access client secret private app bot bearer session signing master admin refresh
    root user db database service account personal deploy webhook encryption shared
"""
QUALIFIERS = frozenset(QUALIFIER_WORDS.split())
# The closing tags after which a label needs no colon: a definition's term, a header cell.
TERM_ENDS = re.compile(r"</(?:dt|th)>", re.I)


def lines(text: str) -> list[tuple[int, int, str]]:
    """
    Return the text's lines that hold more than blanks as (start, end, the breaks after it) cut at
    ``BREAK``: ``<dt>K</dt><dd>V`` is the lines ``K`` and ``V``, ``</dt><dd>`` between.
    """
    found: list[tuple[int, int, str]] = []
    start = 0
    for brk in BREAK.compiled.finditer(text):
        if text[start : brk.start()].strip():
            found.append((start, brk.start(), brk.group()))
        elif found and len(found[-1][2]) < 400:
            found[-1] = (found[-1][0], found[-1][1], found[-1][2] + brk.group())
        start = brk.end()
    if text[start:].strip():
        found.append((start, len(text), ""))
    return found


def label_key(line: str, brk: str) -> str:
    """Return the key a label line names (``Use this client secret:`` → ``client_secret``), or ""."""
    label = LABEL.fullmatch(TAGS.sub("", line))
    if label is None or not label.group("key").lower().endswith(LABEL_ENDINGS):
        return ""
    if not label.group("colon") and TERM_ENDS.search(line + brk) is None:
        return ""
    key, before = label.group("key"), label.group("words").split()
    if before and before[-1].lower() in key_names.DATA_OWNERS:
        return ""  # ``public key:``, ``SSH key:``, ``cache key:``: a key that names data
    if before and before[-1].lower() in QUALIFIERS:
        return f"{before[-1]}_{key}"  # ``api key``, ``auth token``, ``client secret``
    return key


def is_shaped(value: str) -> bool:
    """Return whether a lone word reads as a value: not a YAML key opening a mapping
    (``password:⏎  valueFrom:``), not letters alone unless generated."""
    if value.endswith(":"):
        return False
    return not value.isalpha() or key_names.reads_generated(value, 10)


def labelled(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield each value's span and rule under the label line before it."""
    found = lines(text)
    for (start, end, brk), (next_start, next_end, _) in itertools.pairwise(found):
        key = label_key(text[start:end], brk)
        value = VALUE.fullmatch(text, next_start, next_end) if key else None
        if value is None or not is_shaped(value.group("value")):
            continue
        result = judged(key, value.group("value"), value.end("value"))
        if result is not None:
            yield result


def values(text: str) -> Iterator[re.Match[str]]:
    """Yield the values ``labelled`` finds."""
    for start, end, _name in labelled(text):
        yield span_match(text, start, end)


def value_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a value ``values`` found."""
    for start, end, name in labelled(text):
        if (start, end) == match.span():
            return start, end, name
    return None


def rules() -> list[Rule]:
    """Return the rule for a value on the line after its label."""
    endings = "|".join(LABEL_ENDINGS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=values, judge=value_judge),),
            trigger=Trigger(words=LABEL_ENDINGS, lower=True),
            lower=True,
            gate=rf"(?i)(?:{endings})[ \t]*:?[ \t]*[\r\n<]",
        )
    ]
