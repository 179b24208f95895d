"""A secret as the default of a shell expansion without the colon (DESIGN.md guarantee 1).

``${DB_PASSWORD:-…}`` and ``${API_TOKEN:=…}`` are ``assignments``' (the ``:`` or ``=`` is their
separator). POSIX shells also take the default without the colon, used when the variable is
unset rather than empty: ``${DB_PASSWORD-hunter2…}``, ``${API_TOKEN=…}``, in scripts, Compose
files and Makefiles. The literal after ``-`` or ``=`` up to the closing brace, under a name that
names a secret, is judged as after ``NAME=`` (not a ``$reference``, code or prose); ``${TAG-latest}``
and ``${PASSWORD-$FALLBACK}`` stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, key_names
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.shell_defaults import SECRET_WORDS

# ``${NAME-default}`` or ``${NAME=default}``: a shell name, the operator, a default with no
# nested expansion, the closing brace.
EXPANSION = Lazy(r"\$\{(?P<key>[A-Za-z_][A-Za-z0-9_]{0,79})[-=](?P<value>[^{}$\n]{1,200})\}")


def unset_default(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a secret-named expansion's literal default, or None."""
    key, value = match.group("key"), match.group("value")
    lower = key.lower()
    if not any(word in lower for word in KEY_WORDS):
        return None  # the gate's words: one is in every key that names a secret
    name = key_names.classify_key(key)
    if name is None or value.isspace():
        return None
    start, end = match.span("value")
    following = text[end : end + 3]
    word = SECRET_WORDS.get(name, "")
    if checks.is_code(value, key, word, following) or checks.is_prose(value, following):
        return None
    return (start, end, name) if key_names.is_secret_value(name, key, value) else None


def rules() -> list[Rule]:
    """Return the rule for a literal default of ``${NAME-…}`` or ``${NAME=…}``."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(EXPANSION.pattern), judge=unset_default),),
            trigger=Trigger(words=("${",)),
            gate=rf"(?i)\$\{{[a-z0-9_]*(?:{words})[a-z0-9_]*[-=]",
        ),
    ]
