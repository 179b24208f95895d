"""A TeX macro defined as a secret (DESIGN.md guarantee 1; from ``bench/contexts35``).

``\\newcommand{\\netlifykey}{V}`` (``\\renewcommand``, ``\\providecommand``, ``\\newcommand\\name``,
``\\def\\name{V}``, ``\\gdef``/``\\edef``/``\\xdef``) keeps a value under the macro's name for the
document to print (``\\texttt{\\netlifykey}``). The name reads as a key (``key_names``: its ending
says which rule, ``dbpassword``, ``apitoken``; a weak ending such as a vendor glued to ``key``
needs a value that looks generated, so ``\\def\\monkey{banana}`` stays; a word that names data
glued to ``key``, ``\\sortkey``, ``\\commitkey``, names no credential), and the value is judged
as under that key. A value is one run without blanks, braces or backslashes (a macro's body of
markup, ``\\textbf{…}``, ``#1``, is no value).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

DEFINITION = Lazy(
    r"\\(?:(?:(?:re)?new|provide)command\*?[ \t]*(?:\{[ \t]*\\(?P<braced>[A-Za-z@]{2,60})[ \t]*\}"
    r"|\\(?P<bare>[A-Za-z@]{2,60}))(?:\[[0-9]\])?|[gex]?def[ \t]*\\(?P<defined>[A-Za-z@]{2,60}))"
    r"[ \t]*\{(?P<value>[^\s{}\\%#]{4,4096})\}"
)


def is_data_key(name: str) -> bool:
    """Return whether a macro's name glues a word that names data to ``key`` (``sortkey``,
    ``commitkey``: ``key_names.DATA_OWNERS``), as ``sort_key`` spells it."""
    lower = name.lower()
    return lower.endswith("key") and lower[:-3] in key_names.DATA_OWNERS


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a macro's value when its name names a secret and the value is one."""
    name = match.group("braced") or match.group("bare") or match.group("defined")
    value = match.group("value")
    rule = key_names.classify_key(name)
    if rule is None or checks.is_reference(value) or is_data_key(name):
        return None
    if not key_names.is_secret_value(rule, name, value):
        return None
    return match.start("value"), match.end("value"), rule


def rules() -> list[Rule]:
    """Return the rule for a TeX macro whose name names a secret."""
    return [
        Rule(
            tuple(key_names.NAMES),
            (Matcher(Lazy(DEFINITION.pattern), judge=judge),),
            trigger=Trigger(words=("command", "def"), lower=True),
            gate=r"(?i)\\(?:(?:re)?newcommand|providecommand|[gex]?def)",
        ),
    ]
