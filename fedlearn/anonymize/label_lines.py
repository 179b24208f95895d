"""A secret given on the line below its label (DESIGN.md guarantee 1).

Notes, mails, chats and a tool's output give a secret under a label of its own line: ``Password``
then ``V``, ``API key:`` then ``V``, ``Token`` over a ``-----`` rule then ``V``, ``**Root
password:**`` then `` `V` `` (the lead's probe of human-written forms, session 36; forms41). No
rule saw it: ``assignments`` wants the value after the key on its line. The form is read by its
lines: the label line holds only the label, one to four words whose name says what secret it is
(``key_names.classify_key`` of the words joined: ``root_password``, ``your_new_api_key``; a
bare or generic ``key``, ``high-entropy``'s, names cache keys and public keys as often, and is no
label here), maybe after list or heading markup, maybe bold, maybe ending in ``:``; maybe an
underline of ``-`` or ``=``; then a line of one value, maybe indented or in backticks. A key
that puts its value on the next line is read the same (a pretty-printer's ``"password":`` then
``"V"``, HCL's ``password =`` then ``"V"``). The
value must read as a secret: generated (``key_names.reads_generated``, no name) or a password a
person chose (``framed.is_chosen_password``, ``key_shapes.is_chosen``), and judged as if
assigned to the label (``tables.judged``). A heading followed by prose (``## Password`` then
``The password must…``), a placeholder, a reference, a URL or a path stays.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, key_names, login_pairs, references, words
from fedlearn.anonymize.assignments import GATE_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# The label's line: markup (``- ``, ``## ``, ``> ``, ``**``), one to four words (maybe quoted: a
# JSON key), ``:`` or ``=``; then an underline maybe; then the value's line: one run of
# characters, maybe in backticks or quotes, maybe a ``,`` after (``"password":`` then ``"V",``).
LINES = Lazy(
    r"^[ \t]*(?:(?:[-*>]|#{1,6})[ \t]+)?(?:\*\*|__)?(?P<lq>[\"']?)"
    r"(?P<label>[A-Za-z][A-Za-z0-9_-]*(?:[ \t][A-Za-z][A-Za-z0-9_-]*){0,3})(?P=lq)"
    r"[ \t]*[:=]?(?:\*\*|__)?[ \t]*:?[ \t]*\r?\n"
    r"(?:[ \t]*(?:-{3,}|={3,})[ \t]*\r?\n)?"
    r"[ \t]*(?P<tick>[`\"']?)(?P<value>[^\s`\"'(){}\[\]<>]{6,200})(?P=tick),?[ \t]*\r?$",
    re.MULTILINE,
)
PARTS = re.compile(r"[-_.]")
# Names ``classify_key`` gives a key that says too little to label a value alone.
VAGUE = frozenset({"high-entropy"})


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value below a label naming a secret, or None."""
    label = match.group("label").split()
    key = "_".join(label)
    name = key_names.classify_key(key)
    if name is None or name in VAGUE or key_names.classify_key(label[-1]) is None:
        return None  # no secret, or a sentence that names one (``see the token below``)
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


def rules() -> list[Rule]:
    """Return the rule for a secret on the line below its label."""
    words_ = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(LINES.pattern, LINES.flags), judge=judge),),
            trigger=Trigger(words=tuple(GATE_WORDS), lower=True),
            gate=(
                rf"(?im)(?:{words_})[A-Za-z0-9_ \t-]*[\"']?[ \t]*[:=]?(?:\*\*|__)?[ \t]*:?[ \t]*\r?\n"
                r"(?:[ \t]*(?:-{3,}|={3,})[ \t]*\r?\n)?[ \t]*[`\"']?[^\s`\"'(){}\[\]<>]{6,200}"
                r"[`\"']?,?[ \t]*\r?$"
            ),
        ),
    ]
