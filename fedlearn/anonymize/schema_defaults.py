"""A YAML ``default:`` or ``example:`` named by the key it belongs to (DESIGN.md guarantee 1; from
``bench/contexts40``).

An OpenAPI document gives a parameter's or server variable's value as its ``example:`` or
``default:``, indented under the name that says what it is (``servers: - variables: apiToken:
default: V``; ``parameters: ApiKey: … schema: … example: V``), as JSON Schema does for a
property. The value is judged as it would be after that name (``tables.judged``): the nearest
less-indented ``key:`` line above it, past the structural words of a schema (``schema``,
``items``, ``properties``, ``variables``, ``examples``, ``value``) and a parameter's own ``name:``/
``in:`` lines; ``timeout: default: 30`` or ``region: example: eu-west-1`` name nothing.
A CloudFormation template's parameter gives its value the same way, capitalized (``Parameters:
DbPassword: Type: String NoEcho: true Default: V``, bench/probes43).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.parent_keys import parent_key
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

VALUE_LINE = Lazy(
    r"(?:[Dd]efault|example)[ \t]*:[ \t]+(?:(?P<q>[\"'])(?P<quoted>[^\"'\n]{4,400})(?P=q)"
    r"|(?P<plain>[^\s\"'#{\[&*!|>][^\s#]{3,399}))[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)
HEAD = Lazy(r"[ \t]*(?:-[ \t]+)?\Z")
STRUCTURAL = frozenset({"schema", "items", "properties", "variables", "examples", "value"})
REACH = 16


def defaulted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a ``default:``/``example:`` value under a key naming a secret."""
    line = text.rfind("\n", 0, match.start()) + 1
    if not HEAD.compiled.fullmatch(text, line, match.start()):
        return None
    key = parent_key(text, line, match.start() - line, STRUCTURAL, REACH)
    if not key or key_names.classify_key(key) is None:
        return None
    group = "quoted" if match.group("quoted") is not None else "plain"
    start, end = match.span(group)
    return judged(key, text[start:end], end)


def rules() -> list[Rule]:
    """Return the rule for a YAML ``default:``/``example:`` under a key naming a secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(VALUE_LINE.pattern, VALUE_LINE.flags), judge=defaulted),),
            trigger=Trigger(words=("default", "Default", "example"), needs=":"),
            gate=r"(?m)^[ \t]*(?:-[ \t]+)?(?:[Dd]efault|example)[ \t]*:[ \t]+[^\s#]",
        )
    ]
