"""A ``user:secret`` pair sent as a bearer credential (DESIGN.md guarantee 1).

``commands``' ``Bearer`` rule reads a token of token characters, so ``Bearer deploy:V`` (a client
id and its secret, or a user and password, joined by a colon as some APIs want them, pasted
into ``RequestHeader set Authorization "Bearer …"`` or a header tuple) ends at the colon, at a
word, and stays. Here the pair is one credential: a name (letters, digits, ``._@-``), a colon
with no blank after it, and a secret that reads as generated or chosen
(``key_names.reads_generated``: ``yqDVtkqPECriaLRi``, ``h0pk1ns~21s``) and names nothing. A
URL's ``://`` (``Bearer https://…``), a word (``Bearer realm:required``) or a short part stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

PAIR = Lazy(r"bearer[ \t]+(?P<pair>[a-z0-9._@-]{1,64}:(?P<value>[^\s\"'`<>,;()\[\]{}\\]{8,128}))")
TRAILING = ".:!?"


def bearer_pair(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a bearer ``user:secret`` pair whose secret reads generated, or None."""
    value = text[match.start("value") : match.end("value")].rstrip(TRAILING)
    if value.startswith("/") or not key_names.reads_drawn(value):
        return None
    return match.start("pair"), match.start("value") + len(value), "authorization"


def rules() -> list[Rule]:
    """Return the rule for a bearer ``user:secret`` pair."""
    return [
        Rule(
            ("authorization",),
            (Matcher(Lazy(PAIR.pattern), judge=bearer_pair),),
            trigger=Trigger(words=("bearer",), lower=True),
            lower=True,
            gate=r"(?i)bearer[ \t]+[a-z0-9._@-]+:[^\s\"'`<>,;()\[\]{}\\/]",
        ),
    ]
