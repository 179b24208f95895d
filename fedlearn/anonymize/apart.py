"""Secrets whose key stands apart from the value (DESIGN.md guarantee 1).

- a key's own rule (``token``, ``api-key``…): the ``"value"`` of a JSON object whose ``"key"`` or
  ``"name"`` names a secret, in either order and with other members between (Postman variables
  and auth lists ``{"key": "apiKey", "value": "…"}``, HAR and Kubernetes ``{"value": "…", "name":
  "X_TOKEN"}``); in a Postman ``"apikey"`` auth list the member keyed ``"value"`` is the key.
- the same in XML: an element whose text is a key name (``<key>``, ``<name>``) and the sibling
  element right after it that holds its value (``<string>``, ``<value>``, ``<data>``; Apple
  plists, Hadoop and Spring ``<property>`` files), the value read inside a CDATA section too, and
  an element named by its ``key``/``name`` attribute whose text is a CDATA section
  (``<entry key="password"><![CDATA[…]]></entry>``).
- the same in the AWS CLI's shorthand of a structure, ``ParameterKey=K,ParameterValue=V``
  (CloudFormation's ``--parameters``, bench/probes43) and ``Name=K,Value=V`` (an environment's,
  a tag's): the value after the key naming a secret, up to its ``,``, blank or quote (a call's
  quoted ``key="K", value="V"`` is ``forms``').
- ``authorization``: a string that is a whole ``Basic <base64>`` header value (``basicAuth: "Basic
  …"``), or one after a key naming ``auth`` on its line, when the base64 looks generated.
- ``secret-value``: a line naming a secret that ends ``is``/``are``/``:``/``below``/``here``, then
  (after up to three blank lines) the value alone on its line, also in a quoted e-mail reply
  (``> The stripe token for CI is`` / ``>`` / ``> <value>``), the secret named in another
  language too (``words.FOREIGN``: ``der neue Schlüssel für X lautet:``); the value must look
  generated and not end in ``:`` (a YAML key opening its block: ``secrets:`` / ``  AZURE_SUB_ID:``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from fedlearn.anonymize import bound, checks, entropy, heads, key_names, words
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

KEY = r"\"(?:key|name|label|ParameterKey)\"[ \t]*:[ \t]*\"(?P<key>[A-Za-z0-9_.-]{1,80})\""
# The value: ``"value"`` or CloudFormation's ``"ParameterValue"``; OTLP/JSON wraps it in
# ``{"stringValue": …}`` (span and resource attributes: ``{"key": "x.api_token", "value": …}``).
VALUE = (
    r"\"(?:value|ParameterValue)\"[ \t]*:[ \t]*(?:\{[ \t]*\"stringValue\"[ \t]*:[ \t]*)?"
    r"\"(?P<value>[^\"\\\n]{1,400})\""
)
# ARM parameter files: the object keyed by the secret's name holds it as its first ``"value"``.
PARENT = r"\"(?P<key>[A-Za-z0-9_.-]{1,80})\"[ \t]*:[ \t]*\{[ \t\r\n]*" + VALUE
BETWEEN = r"[^{}\[\]]{0,300}?"
JSON_PAIRS = (Lazy(KEY + BETWEEN + VALUE), Lazy(VALUE + BETWEEN + KEY), Lazy(PARENT))
# YAML list items: ``- key: NAME`` then ``value: V`` (either order), up to three other members of
# the same item between (more indented lines that start no other item).
YAML_KEY = r"(?:key|name):[ \t]*[\"']?(?P<key>[A-Za-z0-9_.-]{1,80})[\"']?[ \t]*\r?\n"
YAML_VALUE = r"value:[ \t]*[\"']?(?P<value>[^\s\"'#]{1,400})[\"']?[ \t]*(?:\r?\n|\Z)"
YAML_BETWEEN = r"(?:[ \t]+[^\s-][^\n]*\r?\n){0,3}?[ \t]+"
YAML_PAIRS = (
    Lazy(YAML_KEY + YAML_BETWEEN + YAML_VALUE),
    Lazy(
        YAML_VALUE.replace("(?:\\r?\\n|\\Z)", "\\r?\\n")
        + YAML_BETWEEN
        + YAML_KEY.replace("\\r?\\n", "(?:\\r?\\n|\\Z)")
    ),
)
# The AWS CLI's shorthand: ``ParameterKey=K,ParameterValue=V`` or ``Name=K,Value=V``.
SHORTHAND = Lazy(
    r"(?<![\w.-])(?:ParameterKey|Name|Key)=(?P<key>[A-Za-z0-9_.-]{1,80}),"
    r"(?:ParameterValue|Value)=(?P<q>[\"']?)(?P<value>[^\s,\"']{1,400})(?P=q)"
)
# XML: ``<key>K</key>`` then ``<string>V</string>`` (whitespace between; V maybe in CDATA).
XML_PAIR = Lazy(
    r"<(?:key|name)>[ \t]*(?P<key>[A-Za-z0-9_.-]{1,80})[ \t]*</(?:key|name)>[ \t\r\n]{0,40}"
    r"<(?:string|value|data)>(?:<!\[CDATA\[)?(?P<value>[^<\n]{1,400}?)(?:\]\]>)?</(?:string|value|data)>"
)
# XML: ``<entry key="K"><![CDATA[V]]></entry>`` (the key in an attribute, the value in CDATA).
XML_NAMED_CDATA = Lazy(
    r"[ \t](?:key|name)=\"(?P<key>[A-Za-z0-9_.-]{1,80})\"[^<>\n]{0,200}?>"
    r"<!\[CDATA\[(?P<value>[^\n]{1,400}?)\]\]>"
)
APIKEY_LIST = Lazy(r"\"apikey\"[ \t]*:[ \t]*\[[^\]]*\Z")
BASIC = Lazy(r"basic[ \t]+(?P<value>[a-z0-9+/]{16,}={0,2})(?![a-z0-9+/=])")
AUTH_KEY = Lazy(r"auth[a-z0-9_.-]*[\"']?[ \t]*[:=][ \t]*\Z")
# A secret's word of another language (``words.FOREIGN``: ``der neue Schlüssel für X lautet:``,
# ``voici le nouveau jeton X :``, ``la nueva clave de X es:``), as a regex alternation.
FOREIGN_INTRO = "|".join(re.escape(word) for word in sorted(words.FOREIGN, key=len, reverse=True))
# A line that introduces a secret (read on the lower-case line, its line break left out).
INTRO = Lazy(
    r"(?:(?:credential|token|passw(?:or)?d|passphrase|secret|api[ _-]?key|access[ _-]?key)s?\b"
    rf"|{FOREIGN_INTRO})"
    r"[^\n]{0,44}?(?:\bis|\bare|:|\bbelow|\bhere)[ \t]{0,4}:?[ \t]{0,4}\r?\Z"
)
# A value alone on its line, after up to three blank lines; a quoted reply's ``>`` marks stay.
ALONE = Lazy(
    r"\n(?:[ \t]*(?:>[ \t]*)*\r?\n){0,3}[ \t]*(?:>[ \t]*)*"
    r"(?P<value>[^\s<>\"'`]{12,300})[ \t]*(?=\r?\n|\Z)"
)
PREFIX = Lazy(r"[a-z]{1,10}[_-](?=[0-9a-f]{16})")
# Found wherever ``INTRO`` is: a secret word (``passw``, ``key`` inside the longer ones), the rest
# of its line (unbounded: ``INTRO`` counts), the intro's end and the line break.
INTRO_END = r"[^\n]*(?:is|are|:|below|here)[ \t]{0,4}:?[ \t]{0,4}\r?\n"
INTRO_GATE = r"(?i)(?:credential|token|passw|passphrase|secret|key)" + INTRO_END
# The same after a secret's word of another language: a rule of its own, its words a trigger's.
FOREIGN_WORD = Lazy(heads.trie_pattern(words.FOREIGN))
FOREIGN_GATE = rf"(?i)(?:{FOREIGN_INTRO})" + INTRO_END


def json_pair(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a JSON pair's ``"value"`` when its key names a secret."""
    key = match.group("key")
    if key.lower() == "value" and APIKEY_LIST.search(
        text, max(0, match.start() - 300), match.start()
    ):
        key = "apiKey"  # Postman's apikey auth: [{"key": "value", "value": "<the key>"}, …]
    name = key_names.classify_key(key)
    if name is None:
        return None
    start, end = match.span("value")
    value = text[start:end]
    if name == "authorization":
        return None  # header lists: ``Authorization`` values are the scheme rules' own
    if key_names.is_secret_value(name, key, value):
        return start, end, name
    # Base64 may start with ``/``, which reads as a file: judged without it, if it looks generated.
    slashed = value.startswith("/") and "/" not in value[1:12]
    if slashed and key_names.is_secret_value(name, key, "A" + value[1:]):
        return (start, end, name) if checks.looks_random(value, minimum=16) else None
    return None


def yaml_pair(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``json_pair``'s verdict for a YAML item whose ``key:``/``name:`` is a word of its own."""
    before = text[match.start() - 1] if match.start() else " "
    return json_pair(match, text) if before in " \t\n-{," else None


def xml_pair(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``json_pair``'s verdict for an XML value element (or CDATA) beside its key element."""
    value = match.group("value")
    return json_pair(match, text) if value == value.strip() else None


def basic(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a ``Basic`` credential that is a whole quoted string or follows an ``auth`` key."""
    start, end = match.span("value")
    value = text[start:end]
    if not checks.looks_random(value, minimum=16) or words.is_named(value):
        return None
    before = text[match.start() - 1] if match.start() else ""
    whole = before in "\"'" and text.startswith(before, end) and before != ""
    line = line_start(text, match.start())
    lower = text[max(line, match.start() - 80) : match.start()].lower().rstrip("\"' \t")
    if not whole and AUTH_KEY.search(lower) is None:
        return None
    return start, end, "authorization"


INTRO_WORDS = ("credential", "token", "passw", "passphrase", "secret", "key")


def introduced_values(subject: str) -> Iterator[re.Match[str]]:
    """
    Yield a match of each value alone on its line after a line that introduces a secret (in the
    lower-case text). The lines are found from their secret words, which are much rarer than line
    breaks; each line is read once.
    """
    ends: set[int] = set()
    for word in INTRO_WORDS:
        position = subject.find(word)
        while position >= 0:
            end = subject.find("\n", position, position + 90)
            if end < 0:
                position = subject.find(word, position + len(word))
                continue
            found = value_after(subject, position, end, ends)
            if found is not None:
                yield found
            position = subject.find(word, end)


def foreign_introduced_values(subject: str) -> Iterator[re.Match[str]]:
    """``introduced_values`` after a secret's word of another language (one regex pass)."""
    ends: set[int] = set()
    for word in FOREIGN_WORD.compiled.finditer(subject):
        end = subject.find("\n", word.start(), word.start() + 90)
        found = value_after(subject, word.start(), end, ends) if end >= 0 else None
        if found is not None:
            yield found


def value_after(subject: str, position: int, end: int, ends: set[int]) -> re.Match[str] | None:
    """Return the value alone after the line ending at ``end`` when it introduces a secret from
    ``position`` on (each line once: ``ends``)."""
    if end in ends:
        return None
    ends.add(end)
    line = line_start(subject, position)
    if INTRO.search(subject, max(line, end - 90), end) is None:
        return None
    return ALONE.match(subject, end)


def introduced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value alone on the line after a line introducing a secret, if it looks generated."""
    start, end = match.span("value")
    value = text[start:end]
    if checks.is_reference(value) or entropy.is_labelled(value) or entropy.is_host_or_file(value):
        return None
    if value.endswith(":"):
        return None  # a mapping's key that opens its block (a workflow's ``secrets:`` names)
    return (start, end, "secret-value") if is_token(value) else None


def is_token(value: str) -> bool:
    """Return whether a value alone on its line reads as generated: hex or a UUID with letters and
    digits, or varied characters (entropy near its length's maximum), not words."""
    prefix = PREFIX.match(value)
    value = value[prefix.end() :] if prefix else value  # ``web_<hex>``: a provider's prefix
    if checks.is_hexadecimal(value):
        digits = value.replace("-", "")
        return len(digits) >= 16 and not digits.isdigit() and not digits.isalpha()
    if checks.character_classes(value.replace("_", "").replace("-", "")) < 2:
        return False
    threshold = min(4.0, math.log2(len(value)) - 0.5)
    if words.is_named(value):
        return False
    if checks.entropy(value) >= threshold:
        return True
    # Letters of one case and digits, drawn, a little under that bar (``qdmxigxqpkpo8i38zxfuxct3d2``):
    # 16 or more, no ``_`` or ``.`` joining names (``build_cache_v2_x86``).
    alphanumeric = value.replace("-", "").isalnum()
    return len(value) >= 16 and alphanumeric and checks.looks_random(value, minimum=16)


def rules() -> list[Rule]:
    """Return the rules for secrets whose key stands apart from the value."""
    return [
        Rule(
            key_names.NAMES,
            tuple(Matcher(Lazy(pattern.pattern), judge=json_pair) for pattern in JSON_PAIRS),
            trigger=Trigger(words=('"value"', '"ParameterValue"'), needs='"'),
            gate=r"\"(?:value|ParameterValue)\"[ \t]*:[ \t]*[\"{]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SHORTHAND.pattern), judge=json_pair),),
            trigger=Trigger(words=("Value=",), needs=","),
            gate=r"(?:ParameterKey|Name|Key)=[A-Za-z0-9_.-]{1,80},(?:ParameterValue|Value)=",
        ),
        Rule(
            key_names.NAMES,
            tuple(Matcher(Lazy(pattern.pattern), judge=yaml_pair) for pattern in YAML_PAIRS),
            trigger=Trigger(words=("value:",), needs="\n"),
            gate=r"value:",
        ),
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(XML_PAIR.pattern), judge=xml_pair),
                Matcher(Lazy(XML_NAMED_CDATA.pattern), judge=xml_pair),
            ),
            trigger=Trigger(words=("</key>", "</name>", "<![cdata["), lower=True),
            gate=r"(?i)</(?:key|name)>|<!\[CDATA\[",
        ),
        Rule(
            ("authorization",),
            (Matcher(Lazy(BASIC.pattern), judge=basic),),
            trigger=Trigger(words=("basic",), lower=True),
            lower=True,
            gate=r"(?i)basic[ \t]+[a-z0-9+/]{16}",
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(ALONE.pattern), find=introduced_values, judge=introduced),),
            trigger=Trigger(words=INTRO_WORDS, lower=True, needs="\n"),
            lower=True,
            gate=INTRO_GATE,
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(ALONE.pattern), find=foreign_introduced_values, judge=introduced),),
            trigger=Trigger(words=tuple(words.FOREIGN), lower=True, needs="\n"),
            lower=True,
            gate=FOREIGN_GATE,
        ),
        *bound.rules(),
    ]
