"""A value on the line after its label (DESIGN.md guarantee 1; bench/contexts40, contexts41, forms41).

One form, read once: a line ends in a label, the next line holds only its value. Its parts:

- *What breaks the line*: a newline, a tag that breaks a line in HTML (``<br>``, a paragraph, a
  ``div``, a list's or a definition list's items, a table's cells: ``BREAK``; the tags inside a
  line, ``<b>``, ``<span …>``, ``<code>``, are read through), or a terminal's wrap (a screen
  capture keeps the newline where a row reached the terminal's width: ``tmux capture-pane``
  without ``-J``, a ``script`` typescript, a copied console).
- *What a label line is*, three readings in priority order (``LABELS``):
  - ``marked``: a few words ending in a secret's word (``token``, ``secret``, ``password``,
    ``passwd``, ``passphrase``, ``pwd``, ``key``) and a colon, or a ``<dt>``/``<th>`` term
    holding them, the line cut at newlines and markup (``Use this token:<br><span>V</span>``,
    ``<p><b>Password:</b></p><p>V</p>``, ``<dt>API key</dt><dd><code>V</code></dd>``,
    ``Password:⏎V``); the key is the last word, or the last two when the first qualifies it
    (``client secret`` → ``client_secret``); a word that makes the key name data (``public key:``,
    ``SSH key:``, ``key_names.DATA_OWNERS``) makes no label.
  - ``below``: a line that is only a label, one to four words naming a secret
    (``key_names.classify_key`` of the words joined, not ``high-entropy``'s bare ``key``, its
    last word a secret's), maybe after ``- ``/``#``/``>`` markup, maybe bold, maybe over a
    ``-----``/``=====`` rule (``Password`` / ``V``, ``**Root password:**`` / `` `V` ``), or a key
    that puts its value on the next line (a pretty-printer's ``"password":`` / ``"V",``, HCL's
    ``password =`` / ``"V"``).
  - ``wrapped``: a row that ends in a key and its ``=`` or ``:`` (maybe padded with blanks to the
    edge: ``./configure --with-token=``, ``kubectl describe``'s ``NAME:  ``, Windows ``set``'s
    ``NAME=``; ``assignments.key_before``), the value starting the next row at its first column.
- *What the next line's value is and how it is judged*: one run, nothing else on its line, judged
  as after ``KEY=`` (``tables.judged``, ``key_names.is_secret_value``) under the label's key. A
  word of letters alone must read as generated (``Password:⏎Authenticated``, a prompt's next
  line, stays); a word ending in ``:`` opens a YAML mapping (``password:⏎  valueFrom:``); under a
  ``below`` label the value must also read as a told password (``login_pairs.is_told_password``)
  and be no reference, URL, path, constant's name, fill or slug; under a wrapped key an indented
  row is YAML's or a list's, and a row that is a key and its value itself (a diff's ``+KEY=V``
  under ``-KEY=``) is the next key's.

The three readings' label lines differ (a label of prose, a label line of markup, a key ending a
row), and so do their value tests (``Values`` below); the rule runs them behind one gate, in one
pass, and reports each span once, under the first reading that finds it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, login_pairs, references, words
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS, key_before
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged

Found = tuple[int, int, str]

# ---- What breaks the line: a newline, or a tag that breaks a line (open or close), a ``<br>``.
BLOCKS = "p|div|dt|dd|li|tr|td|th|pre|blockquote|h[1-6]|table|thead|tbody|ul|ol|dl|section|article"
BREAK = Lazy(rf"\r?\n|<(?:br|hr)[ \t]*/?>|</?(?:{BLOCKS})(?:[ \t\r\n][^<>]{{0,300}})?>", re.I)
# A tag read through inside a line.
INLINE = r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:[ \t\r\n][^<>]{0,300})?>"
TAGS = re.compile(INLINE)

# ---- What a label line is.
# ``marked``: up to five words, the key (ending in one of ``LABEL_ENDINGS``), maybe a colon.
LABEL_ENDINGS = ("token", "secret", "password", "passwd", "passphrase", "pwd", "key")
LABEL = re.compile(
    r"[ \t]*(?P<words>(?:[A-Za-z][A-Za-z'-]{0,20}[ \t]+){0,5})(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,60})"
    r"[ \t]*(?P<colon>:?)[ \t]*"
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
# ``below``: markup (``- ``, ``## ``, ``> ``, ``**``), one to four words (maybe quoted: a JSON
# key), ``:`` or ``=``; then an underline maybe; then the value's line: one run of characters,
# maybe in backticks or quotes, maybe a ``,`` after (``"password":`` then ``"V",``).
LABEL_LINE = Lazy(
    r"^[ \t]*(?:(?:[-*>]|#{1,6})[ \t]+)?(?:\*\*|__)?(?P<lq>[\"']?)"
    r"(?P<label>[A-Za-z][A-Za-z0-9_-]*(?:[ \t][A-Za-z][A-Za-z0-9_-]*){0,3})(?P=lq)"
    r"[ \t]*[:=]?(?:\*\*|__)?[ \t]*:?[ \t]*\r?\n"
    r"(?:[ \t]*(?:-{3,}|={3,})[ \t]*\r?\n)?"
    r"[ \t]*(?P<tick>[`\"']?)(?P<value>[^\s`\"'(){}\[\]<>]{6,200})(?P=tick),?[ \t]*\r?$",
    re.MULTILINE,
)
# ``wrapped``: ``=`` or ``:`` ending a row (blanks may pad it to the edge), then a row of one run.
WRAPPED_ROW = Lazy(r"[=:][ \t]*\r?\n(?P<value>[^\s\-#<>\[\]{}][^\s]{5,1023})[ \t]*(?=\r?\n|\Z)")

# ---- What the next line's value is.
# ``marked``: one word inside the line's tags.
VALUE = re.compile(
    rf"[ \t]*(?:{INLINE}[ \t]*)*(?P<value>[^<>\s]{{1,1024}})[ \t]*(?:{INLINE}[ \t]*)*"
)
# ``wrapped``: a row that is itself a key and its value: a diff's ``+KEY=V`` under ``-KEY=``,
# the next ``URL=http://…`` of an env file under an empty ``PASSWORD=`` (not base64's ``==``).
ASSIGNMENT = re.compile(r"[+\-!>]?[A-Za-z_][\w.-]{0,80}=(?!=|$)")
# ``below``: a slug's parts.
PARTS = re.compile(r"[-_.]")


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
    """Return the key a ``marked`` label line names (``Use this client secret:`` →
    ``client_secret``), or "" (``brk``: the breaks after the line)."""
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
    """Return whether a lone word after a ``marked`` label reads as a value: not a YAML key
    opening a mapping (``password:⏎  valueFrom:``), not letters alone unless generated."""
    if value.endswith(":"):
        return False
    return not value.isalpha() or key_names.reads_generated(value, 10)


def marked_in(text: str) -> Iterator[Found]:
    """Yield each value's span and rule under the ``marked`` label line before it."""
    for (start, end, brk), (next_start, next_end, _) in itertools.pairwise(lines(text)):
        key = label_key(text[start:end], brk)
        value = VALUE.fullmatch(text, next_start, next_end) if key else None
        if value is None or not is_shaped(value.group("value")):
            continue
        result = judged(key, value.group("value"), value.end("value"))
        if result is not None:
            yield result


def marked(text: str) -> list[Found]:
    """Return the values under ``marked`` labels that read as values in the text and in its
    lower-case copy both (the reading's first rule found them in the copy and judged them in
    the text)."""
    found = list(marked_in(text))
    if not found:
        return found
    lower = {(start, end) for start, end, _ in marked_in(text.lower())}
    return [result for result in found if result[:2] in lower]


def below(text: str) -> Iterator[Found]:
    """Yield each value's span and rule on the line below a ``below`` label naming a secret."""
    for match in LABEL_LINE.finditer(text):
        result = below_judged(match, text)
        if result is not None:
            yield result


def below_judged(match: re.Match[str], text: str) -> Found | None:
    """Return the span and rule of the value below a label naming a secret, or None."""
    label = match.group("label").split()
    key = "_".join(label)
    name = key_names.classify_key(key)
    if name in (None, "high-entropy") or key_names.classify_key(label[-1]) is None:
        return None  # no secret, a bare ``key``, or a sentence that names one (``see the token below``)
    start, end = match.span("value")
    value = text[start:end]
    if references.is_reference(value) or "://" in value or "/" in value or "\\" in value:
        return None  # a reference, a URL or a path
    if value.startswith(("$", "%", "{", "<", "[", "(")) or value.endswith((":", ",")):
        return None  # a reference, a YAML key (``secrets:`` then ``api_key:``), a list's item
    if "_" in value and checks.IDENTIFIER.fullmatch(value) and not checks.has_drawn_part(value):
        return None  # a name (``secret_name_here``)
    if not login_pairs.is_told_password(value) or checks.is_fill(value) or is_slug(value):
        return None  # no password's look, a fill or the alphabet (``ABCDEFGHIJ…``), a slug
    found = judged(key, value, end, authorization=False)
    if found is None and name == "password":
        return start, end, name  # a person's password reads as words with digits and symbols
    return found


def is_slug(value: str) -> bool:
    """Return whether ``value`` is lower-case parts joined by ``-``, ``_`` or ``.``, three or
    more, one a word (a platform's triple ``x86_64-linux-gnu``, a cache key's name)."""
    parts = PARTS.split(value)
    if value != value.lower() or len(parts) < 3:
        return False
    return any(len(part) >= 4 and part.isalpha() and words.is_wordy(part) for part in parts)


def wrapped(text: str) -> Iterator[Found]:
    """Yield each row-starting value's span and rule under the key that ends the row above."""
    for match in WRAPPED_ROW.finditer(text):
        result = wrapped_judged(match, text)
        if result is not None:
            yield result


def wrapped_judged(match: re.Match[str], text: str) -> Found | None:
    """Return the span and rule of a row-starting value under the key that ends the row above."""
    key, _ = key_before(text, match.start())
    name = key_names.classify_key(key)
    value = match.group("value")
    if name in (None, "high-entropy") or value.endswith((":", "=")) or ASSIGNMENT.match(value):
        return None  # no key, a weak one (``public key:`` over a DER key), or the next row's key
    drawn = key_names.reads_drawn(value)
    if value.isalpha() and not drawn:
        return None  # a word alone is a prompt's answer (``Password:`` / ``Authenticated``)
    if not key_names.is_secret_value(name, key, value):
        return None
    return match.start("value"), match.end("value"), name


# The readings, in priority order (a span two of them find is reported under the first's rule),
# and the head of a reading's form on the lower-case text where one is cheaper than the reading:
# ``marked`` cuts every line in Python, so it runs only where a label ending stands before a
# break, as it ran behind its own gate (``below``'s and ``wrapped``'s patterns cost less than
# any head of theirs: the key words' alternation of ``below``'s gate, tried in Python, more).
MARKED_HEAD = Lazy(rf"(?:{'|'.join(LABEL_ENDINGS)})[ \t]*:?[ \t]*[\r\n<]")
LABELS = ((marked, MARKED_HEAD), (below, None), (wrapped, None))

# The last text read and what the readings found in it (the finder and the judge ask in turn).
_read: tuple[str, dict[tuple[int, int], str]] = ("", {})


def found(text: str) -> dict[tuple[int, int], str]:
    """Return each value's span in ``text`` and its rule, every reading's (the first's name)."""
    global _read
    held, spans = _read
    if held is text:
        return spans
    spans = {}
    lower = text.lower()
    for reading, head in LABELS:
        if head is not None and head.compiled.search(lower) is None:
            continue
        for start, end, name in reading(text):
            spans.setdefault((start, end), name)
    _read = (text, spans)
    return spans


def values(text: str) -> Iterator[re.Match[str]]:
    """Yield the values ``found`` finds, in the order of their readings."""
    for start, end in found(text):
        yield span_match(text, start, end)


def value_judge(match: re.Match[str], text: str) -> Found | None:
    """Return the span and rule of a value ``values`` found."""
    name = found(text).get(match.span())
    return None if name is None else (match.start(), match.end(), name)


def rules() -> list[Rule]:
    """Return the rule for a value on the line after its label."""
    endings = "|".join(LABEL_ENDINGS)
    words_ = "|".join(re.escape(word) for word in GATE_WORDS)
    # Each reading's form as far as a literal-led gate reads it: ``marked``'s label ending, a
    # ``below`` label line over its value's line, a wrapped key's separator over its row.
    gates = (
        rf"(?:{endings})[ \t]*:?[ \t]*[\r\n<]",
        rf"(?m:(?:{words_})[A-Za-z0-9_ \t-]*[\"']?[ \t]*[:=]?(?:\*\*|__)?[ \t]*:?[ \t]*\r?\n"
        r"(?:[ \t]*(?:-{3,}|={3,})[ \t]*\r?\n)?[ \t]*[`\"']?[^\s`\"'(){}\[\]<>]{6,200}"
        r"[`\"']?,?[ \t]*\r?$)",
        rf"(?:{words_})[a-z0-9_.-]*[\"'`]?[ \t]*[:=][ \t]*\r?\n[^\s\-#<>\[\]{{}}]",
    )
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=values, judge=value_judge),),
            trigger=Trigger(
                words=tuple(dict.fromkeys((*GATE_WORDS, *KEY_WORDS, *LABEL_ENDINGS))), lower=True
            ),
            gate="(?i)(?:" + "|".join(gates) + ")",
        )
    ]
