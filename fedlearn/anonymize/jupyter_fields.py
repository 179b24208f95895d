"""Whether a place in a text stands inside a Jupyter kernel's connection file or message.

Two rules ask it. ``kernel_keys``: a bare ``key`` field is the kernel's HMAC key only in a
connection file (``kernel-*.json``, ``%connect_info``, a ``KernelManager``'s
``connection_info``). ``session_ids``: a ``"session"`` UUID names the client's session only in a
message's header or a connection file. Each judges by a field no other format writes, within
``REACH`` characters of the place:

- ``signature_scheme`` (``hmac-sha256``): in every connection file (``connection_reaches``, the
  stretches of text around each; as a bare word, for a Python dict's ``'signature_scheme'`` and a
  log's ``signature_scheme = …`` too);
- a JSON ``"msg_type":`` or ``"signature_scheme":`` field (``has_field_near``): every message's
  header has the first. ``session_ids`` wants the JSON form, its own key being JSON's
  ``"session"``; ``msg_type`` does not say a connection file, whose key no message carries.

One reach for both: a connection file is ~300 characters and a message's header and parent header
a few lines, so 800 takes in a pretty-printed one with room (the corpora's 47 texts with either
field come out the same at 512 and 800).
"""

from __future__ import annotations

from collections.abc import Iterator

from fedlearn.anonymize.rules import Lazy

CONNECTION = "signature_scheme"
REACH = 800  # characters either side of the field
FIELD = Lazy(r"\"(?:msg_type|signature_scheme)\"[ \t]*:")


def connection_reaches(text: str) -> Iterator[tuple[int, int]]:
    """Yield the start and end of the text within ``REACH`` of each ``signature_scheme``."""
    word = text.find(CONNECTION)
    while word != -1:
        yield max(0, word - REACH), min(len(text), word + len(CONNECTION) + REACH)
        word = text.find(CONNECTION, word + len(CONNECTION))


def has_field_near(text: str, start: int) -> bool:
    """Return whether a JSON ``"msg_type"`` or ``"signature_scheme"`` field stands within
    ``REACH`` of ``start``: a message's header or a connection file."""
    return FIELD.compiled.search(text, max(0, start - REACH), start + REACH) is not None
