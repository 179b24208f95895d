"""A key-value store's exported value, base64 under its key's path (DESIGN.md guarantee 1; from ``bench/contexts42``).

``consul kv export`` writes each entry as ``{"key": "config/app/api_token", "flags": 0, "value":
"<base64>"}`` and ``etcdctl get -w json`` as ``{"key": "<base64 of the path>", …, "value":
"<base64>"}``: the value is base64 of the stored bytes, which are the bare secret, so the
``encoded-secret`` rule finds nothing in them. Here the path (plain, or base64 of it) names the
value: its last segment is the key, the value decoded as UTF-8 text is judged as after ``key=``
(``tables.judged``), and a secret's base64 is redacted. ``config/app/region`` with
``ZXUtd2VzdC0x`` (``eu-west-1``) and a value that decodes to no text stay.
"""

from __future__ import annotations

import base64
import binascii
import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# One JSON object's ``"key": "PATH"`` then (no other object or array between) ``"value": "B64"``.
ENTRY = Lazy(
    r"\"key\"[ \t]*:[ \t]*\"(?P<key>[^\"\\\n]{1,400})\"[^{}\[\]]{0,400}?"
    r"\"value\"[ \t]*:[ \t]*\"(?P<value>[A-Za-z0-9+/]{4,16000}={0,2})\""
)
PATH_BASE64 = re.compile(r"[A-Za-z0-9+/]{4,}={0,2}")


def decoded(run: str) -> str | None:
    """Return the UTF-8 text base64 ``run`` decodes to, or None (no text, or not base64)."""
    try:
        text = base64.b64decode(run, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not text or not text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
        return None
    return text


def key_of(path: str) -> str:
    """Return the key a stored path names: its last segment (the path maybe base64 itself)."""
    if "/" not in path and PATH_BASE64.fullmatch(path):
        path = decoded(path) or path
    return path.rstrip("/").rsplit("/", 1)[-1]


def entry(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an entry's base64 value that decodes to a secret under its key."""
    value = decoded(match.group("value"))
    if value is None:
        return None
    found = judged(key_of(match.group("key")), value, len(value))
    if found is None:
        return None
    return match.start("value"), match.end("value"), found[2]


def rules() -> list[Rule]:
    """Return the rule for a KV export's base64 value under its key's path."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ENTRY.pattern), judge=entry),),
            trigger=Trigger(words=('"key"',), needs='"value"'),
            gate=r"\"value\"[ \t]*:[ \t]*\"[A-Za-z0-9+/]{4}",
        ),
    ]
