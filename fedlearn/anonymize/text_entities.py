"""A value in a chat export's formatted entity, named by the text before it (DESIGN.md guarantee 1;
from ``bench/contexts40``).

Telegram's JSON export writes a message with formatting as an array: plain strings and entity
objects in turn (``"text": ["the stripe key is ", {"type": "code", "text": "V"}, ", rotate it"]``).
A ``code`` or ``pre`` entity is what the sender set as code, and the string right before it says
what it is, as ``the stripe key is `V``` would in Markdown. The last words of that string, past a
trailing ``is``/``:``/``=``, are read as a key (``the stripe key is`` → ``stripe_key``; ``token:``
→ ``token``) and the entity's text is judged as that key's value (``key_names.classify_key``,
``key_names.is_secret_value``); ``the build is`` names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

STRING = r"\"(?:[^\"\\\n]|\\.){0,400}\""
ENTITY = Lazy(
    rf"(?P<before>{STRING})[ \t\r\n]*,[ \t\r\n]*\{{[ \t\r\n]*\"type\"[ \t]*:[ \t]*\"(?:code|pre)\"[ \t]*,"
    r"[ \t\r\n]*\"text\"[ \t]*:[ \t]*\"(?P<value>(?:[^\"\\\n]|\\.){1,1024})\"[ \t\r\n]*\}"
)
TAIL = re.compile(
    r"([A-Za-z0-9][\w.-]*)[ \t]+([A-Za-z][\w-]*)[ \t]*(?:(?:is|was|are|:|=)[ \t]*)?\Z|([A-Za-z][\w-]*)[ \t]*[:=][ \t]*\Z"
)


def named(before: str) -> str:
    """Return the key the string before an entity ends in (its last two words, or a word before
    ``:``/``=``), or ""."""
    found = TAIL.search(before[1:-1])
    if found is None:
        return ""
    return found.group(3) or f"{found.group(1)}_{found.group(2)}"


def entities(text: str) -> Iterator[re.Match[str]]:
    """Yield each code entity's text that the string before it names as a secret."""
    for found in ENTITY.compiled.finditer(text):
        key, value = named(found.group("before")), found.group("value")
        name = key_names.classify_key(key) if key else None
        if name is not None and key_names.is_secret_value(name, key, value):
            yield span_match(text, found.start("value"), found.end("value"))


def entity_judge(match: re.Match[str], text: str) -> tuple[int, int, str]:
    """Return the span of an entity's text ``entities`` found."""
    return match.start(), match.end(), "secret"


def rules() -> list[Rule]:
    """Return the rule for a chat export's code entity named by the text before it."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=entities, judge=entity_judge),),
            trigger=Trigger(words=('"type"',)),
            gate=r"\"type\"[ \t]*:[ \t]*\"(?:code|pre)\"",
        )
    ]
