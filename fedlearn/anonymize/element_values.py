"""The text of an element that names a secret and carries attributes (DESIGN.md guarantee 1).

``assignments`` reads ``<password>V</password>`` (the key right before ``>``); an element with
attributes puts them between its name and ``>``: FileZilla's ``<Pass
encoding="base64">V</Pass>``, ``<password encrypted="false">V</password>``, SOAP's
``<ns:Password xsi:type="xs:string">V</ns:Password>``, ``<secret name="github">V</secret>`` (the
lead's probe of XML forms, session 36). The element's name (its local part after a namespace
prefix) is read as a key (``key_names.classify_key``) and its text, closed by the same element,
judged as if assigned to it (``tables.judged``); ``<token type="bearer"/>`` has no text and
``<PasswordPolicy minLength="12">strict</PasswordPolicy>`` names no secret.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.assignments import GATE_WORDS
from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import MAX_VALUE, Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

NAME = r"[A-Za-z_][A-Za-z0-9_.-]{0,40}(?::[A-Za-z_][A-Za-z0-9_.-]{0,80})?"
ATTRIBUTE = (
    r"[ \t]+[A-Za-z_][A-Za-z0-9_:.-]{0,60}[ \t]*=[ \t]*(?:\"[^\"<>\n]{0,200}\"|'[^'<>\n]{0,200}')"
)
ELEMENT = Lazy(
    rf"<(?P<name>{NAME})(?:{ATTRIBUTE}){{1,8}}[ \t]*>(?P<value>[^<\n]{{1,{MAX_VALUE}}})</(?P=name)[ \t]*>"
)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an attributed element's text when its name names a secret."""
    key = match.group("name").rpartition(":")[2]
    return judged(key, match.group("value").strip(" \t"), match.end("value") - trailing(match))


def trailing(match: re.Match[str]) -> int:
    """Return how many blanks end the element's text."""
    value = match.group("value")
    return len(value) - len(value.rstrip(" \t"))


def rules() -> list[Rule]:
    """Return the rule for the text of an attributed element that names a secret."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(ELEMENT.pattern), judge=judge),),
            trigger=Trigger(words=tuple(GATE_WORDS), lower=True, needs="</"),
            gate=rf"(?i)<[A-Za-z0-9_.:-]*(?:{words})[A-Za-z0-9_.-]*[ \t]+[A-Za-z_][^<>\n]*=[^<>\n]*>[^<\n]+</",
        ),
    ]
