"""A file's contents written as a ``data:`` URL under the file's path (DESIGN.md guarantee 1; from ``bench/contexts43``).

Ignition configs and the Butane files that make them give a file's contents as a URL: ``path:
/etc/app/api-token`` then ``contents: source: data:,<percent-encoded bytes>`` (or
``data:;base64,<base64>``; in Ignition's JSON ``"path": "…"`` … ``"source": "data:,…"``). The
bytes are the bare secret, which no key names but the file's own name: the value decoded is
judged as after ``key=`` under the path's last segment (``tables.judged``; its stem too, without
an extension: ``token.txt``), and the URL's data is redacted. ``/etc/hostname`` with
``data:,node-1`` and data of several lines (an env file: the other rules read it) stay.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# A ``path`` key, its absolute path, then (no other ``path`` key between: the same file's
# entry) a ``source`` key's data URL.
ENTRY = Lazy(
    r"path[\"']?[ \t]*:[ \t]*[\"']?(?P<path>/[^\s\"',]{1,400})(?:(?!path[\"']?[ \t]*:)[\s\S]){0,400}?"
    r"source[\"']?[ \t]*:[ \t]*[\"']?data:(?P<meta>[^,\s\"']{0,100}),(?P<value>[^\s\"']{1,16000})"
)


def data_of(meta: str, value: str) -> str | None:
    """Return the one-line text a data URL's data decodes to, or None."""
    try:
        if meta.endswith(";base64"):
            text = base64.b64decode(value, validate=True).decode("utf-8")
        else:
            text = unquote(value, errors="strict")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return text if text and text.isprintable() else None


def entry(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a data URL's data that is a secret under its file's name."""
    data = data_of(match.group("meta"), match.group("value"))
    if data is None:
        return None
    name = match.group("path").rstrip("/").rsplit("/", 1)[-1]
    for key in dict.fromkeys((name, name.rsplit(".", 1)[0])):
        found = judged(key, data, len(data))
        if found is not None:
            return match.start("value"), match.end("value"), found[2]
    return None


def rules() -> list[Rule]:
    """Return the rule for a file's ``data:`` URL contents under its path."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ENTRY.pattern), judge=entry),),
            trigger=Trigger(words=("data:",), needs="path"),
            gate=r"source[\"']?[ \t]*:[ \t]*[\"']?data:",
        ),
    ]
