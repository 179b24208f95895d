"""A JSON key's string wrapped in an object that names its type (DESIGN.md guarantee 1).

Typed JSON encodings wrap each value in a one-member object keyed by its type: Avro's JSON
encoding of a union (``avro-tools tojson``: ``"api_token": {"string": "V"}``), DynamoDB's
attribute values (``aws dynamodb get-item``: ``"api_token": {"S": "V"}``) and Firestore's REST
documents (``"api_token": {"stringValue": "V"}``). The outer key names the value as it would
after ``key=`` (``apart.json_pair``: ``key_names.classify_key``, ``key_names.is_secret_value``);
from ``bench/contexts35``'s ``columnar_dumps``; pretty-printed, the wrapper's braces on lines of
their own (``aws dynamodb scan``'s indented JSON; from ``bench/contexts40``).

The OpenTelemetry Collector's debug exporter prints each attribute as ``-> key: Type(value)``
(``-> db.password: Str(V)``, a header's values ``-> http.request.header.x-api-key: Slice(["V"])``);
a string (``Str``) or a slice's first string under a key naming a secret is judged the same way
(from ``bench/contexts34``'s ``otlp`` rows; ``-> db.statement: Str(…)``, ``Int(3)`` stay).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.apart import json_pair
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# The type words of a string: Avro's, DynamoDB's, Firestore's.
TYPES = ("string", "S", "stringValue")
TYPED = Lazy(
    r"\"(?P<key>[A-Za-z0-9_.-]{1,80})\"[ \t]*:[ \t\r\n]*\{[ \t\r\n]*\"(?:string|S|stringValue)\"[ \t]*:"
    r"[ \t]*\"(?P<value>[^\"\\\n]{1,400})\"[ \t\r\n]*\}"
)
# The debug exporter's attribute line: ``-> `` and its key, then a string or a slice's first string.
ATTRIBUTE = Lazy(
    r"-> (?P<key>[A-Za-z0-9_.-]{1,120}): (?:Str\((?P<str>[^\s()]{1,400})\)(?=[ \t]*$)"
    r"|Slice\(\[\"(?P<item>[^\"\\\n]{1,400})\"[\],])",
    re.MULTILINE,
)


def attribute(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``json_pair``'s verdict for an OpenTelemetry debug attribute's string."""
    group = "str" if match.group("str") is not None else "item"
    key = match.group("key").rsplit(".", 1)[-1]  # the attribute's last part names it
    name = key_names.classify_key(key)
    if name is None or name == "authorization":
        return None  # ``Bearer …`` in a header's slice is the scheme rules' own
    start, end = match.span(group)
    return (start, end, name) if key_names.is_secret_value(name, key, text[start:end]) else None


def rules() -> list[Rule]:
    """Return the rule for a string wrapped in its type's object under a key naming a secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(TYPED.pattern), judge=json_pair),),
            trigger=Trigger(words=tuple(f'"{word}"' for word in TYPES), needs="{"),
            gate=r"\{[ \t\r\n]*\"(?:string|S|stringValue)\"[ \t]*:[ \t]*\"",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ATTRIBUTE.pattern, re.MULTILINE), judge=attribute),),
            trigger=Trigger(words=(": Str(", ": Slice([")),
            gate=r": (?:Str\(|Slice\(\[)",
        ),
    ]
