"""The HMAC key of a Jupyter kernel's connection (DESIGN.md guarantee 1; session 39).

A kernel's connection file (``jupyter --runtime-dir``'s ``kernel-*.json``, what ``%connect_info``
and ``jupyter console --existing`` print, a ``KernelManager``'s ``connection_info``) holds the
key that signs every message on the kernel's sockets: with it, anyone who reaches a port runs code
as the kernel's user. Its name is the bare word ``key``, which alone names nothing (a cache key,
an object key), so the file's other field decides: ``signature_scheme`` (``hmac-sha256``) is
there in every such file and nowhere else (``jupyter_fields.connection_reaches``). A ``key``
field within ``jupyter_fields.REACH`` characters of that word, JSON (``"key": "V"``), a Python
dict (``'key': b'V'``) or ``key = V``, is the kernel's key when it has a digit (Jupyter draws a
UUID; a word there is a name); an empty one (message signing turned off) stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import jupyter_fields, references
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

WORD = jupyter_fields.CONNECTION
# ``key`` as a field name (not the end of ``api_key``, ``cache.key``), its separator, the value.
FIELD = re.compile(
    r"(?<![\w.-])[\"']?key[\"']?[ \t]*[:=][ \t]*b?[\"']?(?P<value>[A-Za-z0-9][A-Za-z0-9-]{7,127})"
    r"(?![A-Za-z0-9-])"
)


def keys(text: str) -> Iterator[re.Match[str]]:
    """Yield each kernel key near a ``signature_scheme`` field (see the module)."""
    seen = -1
    for start, end in jupyter_fields.connection_reaches(text):
        for field in FIELD.finditer(text, max(seen, start), end):
            value = field.group("value")
            if (
                field.start("value") > seen
                and any(character.isdigit() for character in value)
                and not references.is_reference(value)
            ):
                seen = field.end("value")
                yield span_match(text, field.start("value"), seen)


def rules() -> list[Rule]:
    """Return the rule for a Jupyter kernel's connection key."""
    return [
        Rule(
            ("secret",),
            (Matcher(Lazy(SPAN.pattern), find=keys),),
            trigger=Trigger(words=(WORD,)),
            gate=WORD,
        )
    ]
