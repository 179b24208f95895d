"""A chat export's message that is only a value, after a message asking for or naming a secret
(DESIGN.md guarantee 1; from ``bench/contexts40``).

Rendered chat exports keep one message a JSON object: Mattermost's bulk export (``"message"``),
Rocket.Chat (``"msg"``), Zulip (``"content"``), Slack (``"text"``), a ticket's comments
(``"body"``). ``asked`` reads a question and its answer a line apart; here they are two messages'
strings in turn. A message that asks for a secret (it ends in ``?`` and names one as ``asked``
reads: ``what's the staging token?``, not ``which cache key?``) or names one as a label (``here's
the new deploy token:``, ``label_values.label_key``) makes the next message's string its value
when that string is the value alone (bare, in backticks, quotes or bold), judged as ``asked``
judges an answer: hex and UUIDs of 16 or more count, an API object's id does not, other values
must read generated or chosen. A message that is a value after any other message (an id pasted
alone, ``which build broke?`` then a commit hash) stays.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import asked, label_values
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# A message's text: its field's name, then the JSON string (no escape needed for a lone value).
MESSAGE = Lazy(
    r"\"(?:content|message|msg|text|body)\"[ \t\r\n]*:[ \t\r\n]*\"(?P<text>(?:[^\"\\\n]|\\.){0,2000})\""
)
ESCAPE = re.compile(r"\\[nrt]")
MAX_ASK = 300


def asks(message: str) -> bool:
    """Return whether a message's text asks for a secret or names one as a label."""
    line = ESCAPE.sub(" ", message).strip()
    if len(line) > MAX_ASK:
        return False
    if line.endswith("?"):
        lowered = line[:-1].lower()
        return any(asked.is_ask(found) for found in asked.ASK.compiled.finditer(lowered))
    return line.endswith(":") and bool(label_values.label_key(line, ""))


def answered(text: str) -> Iterator[re.Match[str]]:
    """Yield the lone value of each message after a message asking for a secret."""
    found = MESSAGE.compiled.finditer(text)
    for before, message in itertools.pairwise(found):
        if "\\" in message.group("text") or not asks(before.group("text")):
            continue
        value = asked.ANSWER.compiled.fullmatch(text, message.start("text"), message.end("text"))
        if value is not None:
            yield value


def rules() -> list[Rule]:
    """Return the rule for a chat export's lone value after a message asking for a secret."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(asked.ANSWER.pattern), find=answered, judge=asked.asked),),
            trigger=Trigger(words=('"content"', '"message"', '"msg"', '"text"', '"body"')),
            gate=r"\"(?:content|message|msg|text|body)\"[ \t\r\n]*:",
        )
    ]
