"""A registry value in regedit's export and in PowerShell's item-property commands (DESIGN.md guarantee 1; from ``bench/contexts42``).

``regedit /e`` and ``reg export`` write a string value as ``"Name"="V"`` (read by the assignment
rules), but an expandable or multi-string value as its bytes: ``"Name"=hex(2):41,00,62,00,…``
(``REG_EXPAND_SZ``; ``hex(7)`` ``REG_MULTI_SZ``, ``hex(1)`` a ``REG_SZ`` written as bytes), the
UTF-16LE code units comma-separated, a long list continued with ``,\\`` and an indented next
line. The bytes are decoded and the text (up to its first NUL) is judged as after ``Name=``
(``tables.judged``); a secret's whole byte list is redacted. ``hex:`` (``REG_BINARY``) holds no
text and stays.

PowerShell's ``Set-ItemProperty``/``New-ItemProperty``/``Set-Variable`` take the value's name and
the value as two parameters: ``-Name 'AcmeSecretKey' … -Value 'V'``; ``V`` is judged as after
``AcmeSecretKey=``.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import NAMED_KEY_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# ``"Name"=hex(2):`` then byte pairs, a ``\\`` and an indented line break allowed after a comma.
HEX_VALUE = Lazy(
    r"\"(?P<key>[^\"\n]{1,120})\"=hex\([127]\):"
    r"(?P<bytes>[0-9a-fA-F]{2}(?:,(?:\\\r?\n[ \t]*)?[0-9a-fA-F]{2}){1,8000})"
)
BYTE = re.compile(r"[0-9a-fA-F]{2}")
# ``-Name K`` then, on the same line, ``-Value V`` (quoted or bare).
NAME_VALUE = Lazy(
    r"-(?i:name)[ \t]+(?P<kq>[\"']?)(?P<key>[A-Za-z_][\w.-]{0,80})(?P=kq)(?=[ \t])[^\n]{0,200}?[ \t]-(?i:value)[ \t]+"
    r"(?:(?P<q>[\"'])(?P<value>[^\"'\n]{1,1000})(?P=q)|(?P<bare>[^\s\"'`;|,)]{1,1000}))"
)


def hex_text(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a hex(2)/hex(7)/hex(1) value's bytes that decode to a secret."""
    data = bytes(int(pair, 16) for pair in BYTE.findall(match.group("bytes")))
    if len(data) % 2:
        data = data[:-1]
    try:
        decoded = data.decode("utf-16-le")
    except UnicodeDecodeError:
        return None
    value = decoded.split("\0", 1)[0]
    if not value.isprintable():
        return None
    found = judged(match.group("key"), value, len(value))
    if found is None:
        return None
    return match.start("bytes"), match.end("bytes"), found[2]


def name_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of ``-Value V`` under the name ``-Name`` gives."""
    group = "value" if match.group("value") is not None else "bare"
    return judged(match.group("key"), match.group(group), match.end(group))


def rules() -> list[Rule]:
    """Return the rules for regedit's hex string values and PowerShell's ``-Name K -Value V``."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(HEX_VALUE.pattern), judge=hex_text),),
            trigger=Trigger(words=("=hex(",)),
            gate=r"\"=hex\([127]\):",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(NAME_VALUE.pattern), judge=name_value),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="-value"),
            gate=r"(?i)-name[ \t][^\n]*[ \t]-value[ \t]",
        ),
    ]
