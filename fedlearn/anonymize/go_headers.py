"""A header or form value in Go's print of a map of string slices (DESIGN.md guarantee 1).

Go's ``%v`` prints an ``http.Header`` or ``url.Values`` as ``map[Key:[V1 V2] Other:[V]]``: a log
line's ``header=map[Accept:[*/*] Authorization:[Bearer V]]``. There ``Authorization:[`` is the
header ``Authorization: `` is elsewhere: the credential after its scheme word is judged as
``assignments`` judges the header's (``Bearer 9734741337193905126710251``, ``Bearer
434EWv@Z7KcKlP6M5FO0``, which ``commands``' ``Bearer`` rule alone does not take); another key that
names a secret (``X-Api-Key:[V]``, ``client_secret:[V]``) has its first value judged as after
``key=``. A reference stays, as do
keys that name no secret (``X-Request-Id:[…]``). From ``bench/contexts31``'s ``log_line`` rows.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.value_spans import SCHEMES

# One entry of the map: its key (after ``map[`` or the blank before it) and its first value.
ENTRY = Lazy(
    r"(?<=[\[ ])(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,80}):\[(?P<value>[^\s\[\]]{1,400}"
    r"(?: [^\s\[\]]{1,400})?)[\] ]"
)
# The map's head on the entry's line, before it.
MAP_HEAD = "map["


def entry(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a secret in one entry of a printed Go map, or None."""
    line = text.rfind("\n", 0, match.start()) + 1
    if text.find(MAP_HEAD, line, match.start()) < 0:
        return None
    key = match.group("key")
    name = key_names.classify_key(key)
    if name is None:
        return None
    start, end = match.span("value")
    words = text[start:end].split(" ")
    if name == "authorization":
        if len(words) != 2 or words[0].lower() not in SCHEMES:
            return None
        start = end - len(words[1])  # the credential after its scheme word
    else:
        end = start + len(words[0])  # a slice's first value
    value = text[start:end]
    return (start, end, name) if key_names.is_secret_value(name, key, value) else None


def rules() -> list[Rule]:
    """Return the rule for a secret in Go's print of a map of string slices."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ENTRY.pattern), judge=entry),),
            trigger=Trigger(words=(":[",), needs=MAP_HEAD),
            gate=r"map\[[^\n]*:\[",
        )
    ]
