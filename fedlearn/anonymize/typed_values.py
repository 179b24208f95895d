"""A JSON key's string wrapped in an object that names its type (DESIGN.md guarantee 1).

Typed JSON encodings wrap each value in a one-member object keyed by its type: Avro's JSON
encoding of a union (``avro-tools tojson``: ``"api_token": {"string": "V"}``), DynamoDB's
attribute values (``aws dynamodb get-item``: ``"api_token": {"S": "V"}``) and Firestore's REST
documents (``"api_token": {"stringValue": "V"}``). The outer key names the value as it would
after ``key=`` (``apart.json_pair``: ``key_names.classify_key``, ``key_names.is_secret_value``);
from ``bench/contexts35``'s ``columnar_dumps``; pretty-printed, the wrapper's braces on lines of
their own (``aws dynamodb scan``'s indented JSON; from ``bench/contexts40``).
"""

from __future__ import annotations

from fedlearn.anonymize import key_names
from fedlearn.anonymize.apart import json_pair
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# The type words of a string: Avro's, DynamoDB's, Firestore's.
TYPES = ("string", "S", "stringValue")
TYPED = Lazy(
    r"\"(?P<key>[A-Za-z0-9_.-]{1,80})\"[ \t]*:[ \t\r\n]*\{[ \t\r\n]*\"(?:string|S|stringValue)\"[ \t]*:"
    r"[ \t]*\"(?P<value>[^\"\\\n]{1,400})\"[ \t\r\n]*\}"
)


def rules() -> list[Rule]:
    """Return the rule for a string wrapped in its type's object under a key naming a secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(TYPED.pattern), judge=json_pair),),
            trigger=Trigger(words=tuple(f'"{word}"' for word in TYPES), needs="{"),
            gate=r"\{[ \t\r\n]*\"(?:string|S|stringValue)\"[ \t]*:[ \t]*\"",
        )
    ]
