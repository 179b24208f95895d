"""Secrets quoted with HTML entities: a config or JSON shown in a page or an attribute.

An HTML page, a ``data-*`` attribute or an escaped log view writes the quotes around a value as
entities (``&quot;``, ``&#34;``, ``&#39;``, ``&apos;``, ``&#x22;``, ``&#x27;``), so
``assignments`` sees no quote and stops the value at the ``&``. Here a key, maybe closed by the
same kind of entity (``&quot;password&quot;:``), then ``=`` or ``:``, then a value between two
equal quote entities (``{&quot;password&quot;: &quot;…&quot;}``, ``PASSWORD=&quot;…&quot;``,
``password = &#39;…&#39;``) is judged as if assigned to the key; the value may hold ``&amp;``,
``&lt;`` and ``&gt;`` (it is escaped too).
"""

from __future__ import annotations

import re

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

QUOTE = r"&(?:quot|apos|#0*3[49]|#[xX]0*2[27]);"
PAIR = Lazy(
    r"(?<![A-Za-z0-9_.-])(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})(?:" + QUOTE + r")?[ \t]*[:=][ \t]*"
    r"(?P<e>" + QUOTE + r")(?P<value>(?:[^&<>\n\"'\\]|&(?:amp|lt|gt);){1,300}?)(?P=e)"
)
WORDS = ("&quot;", "&#39;", "&#34;", "&apos;", "&#x22;", "&#x27;", "&#039;", "&#034;")


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an entity-quoted value when its key names a secret, or None."""
    return judged(match.group("key"), match.group("value"), match.end("value"), authorization=False)


def rules() -> list[Rule]:
    """Return the rule for values quoted with HTML entities."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(PAIR.pattern), judge=judge),),
            trigger=Trigger(words=WORDS, lower=True),
            gate=r"(?i)[:=][ \t]*&(?:quot|apos|#0*3[49]|#x0*2[27]);",
        )
    ]
