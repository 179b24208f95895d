"""A value in the property element after the one holding its name (DESIGN.md guarantee 1; from ``bench/contexts41``).

JMeter's test plans and other bean serializations keep a name/value pair as two sibling elements
of one type, told apart by their own ``name`` attribute: ``<stringProp
name="Argument.name">acme_api_key</stringProp>`` then ``<stringProp
name="Argument.value">V</stringProp>`` (a user-defined variable, a request parameter), and
``Header.name``/``Header.value`` (a header manager's ``Authorization`` and ``Bearer V``). The
element whose attribute ends ``.value`` (or is ``value``) holds the value of the name the sibling
before it (``.name`` of the same owner) holds, judged as after ``name=`` (``tables.judged``; an
``Authorization`` value as after ``Authorization:``, its scheme word kept).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import NAMED_KEY_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# ``<T name="O.name">K</T>`` then (blanks between) ``<T name="O.value">V</T>``.
PAIR = Lazy(
    r"<(?P<tag>[A-Za-z][\w:-]{0,40})[ \t]+name=\"(?P<owner>[\w.-]{0,80}?)\.?name\"[ \t]*>"
    r"(?P<key>[^<>\n]{1,120})</(?P=tag)>[ \t]*\r?\n?[ \t]*"
    r"<(?P=tag)[ \t]+name=\"(?P=owner)\.?value\"[ \t]*>(?P<value>[^<>\n]{1,1000})</(?P=tag)>"
)
SCHEME = re.compile(r"(?i)(?:bearer|token|basic|apikey|api-key)[ \t]+")


def sibling_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value element under the name its sibling holds."""
    key = match.group("key").strip()
    value = match.group("value")
    end = match.end("value")
    if key_names.classify_key(key) == "authorization":
        scheme = SCHEME.match(value)
        if scheme is None:
            return None
        value = value[scheme.end() :]
        return judged("token", value, end)
    return judged(key, value, end)


def rules() -> list[Rule]:
    """Return the rule for a name/value pair of sibling property elements."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PAIR.pattern), judge=sibling_value),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs='name="'),
            gate=r"(?i)name=\"[A-Za-z0-9_.-]*value\"[ \t]*>",
        ),
    ]
