"""Secrets a console prints for an expression that names them (DESIGN.md guarantee 1; from
``bench/contexts34``).

Each value is judged as ``KEY=value`` (``tables.judged``) under the expression's last name:

- a browser's devtools console: ``> localStorage.getItem("apiToken")`` (``sessionStorage``) then
  the result on the next line, ``< 'V'`` (or ``← "V"``, or the quoted string alone);
- GitHub Actions' debug log: ``##[debug]Evaluating: steps.login.outputs.token``, then up to six
  more ``##[debug]`` lines, then ``##[debug]=> 'V'`` (an expression's value, ``''`` doubling a
  quote), and its ``##[debug]Result: 'V'``; a masked ``'***'`` stays.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged, keyed_value

STORAGE = Lazy(
    r"(?:local|session)Storage\.getItem\([ \t]*[\"'](?P<key>[\w.:-]{1,80})[\"'][ \t]*\)[ \t;]*\r?\n"
    r"[ \t]*(?:(?:<|\u2190)[ \t]*)?(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,400})(?P=q)[ \t]*(?=\r?\n|\Z)"
)
# The expression's names joined by ``.`` (an index ``['x']`` too); the debug lines between; the value.
EVALUATED = Lazy(
    r"##\[debug\]Evaluating:[ \t]*(?P<expr>[\w.\[\]'-]{1,200})[ \t]*\r?\n"
    r"(?:[^\n]*##\[debug\](?!Evaluating:|=>)[^\n]*\r?\n){0,6}?"
    r"[^\n]*##\[debug\](?:=>|Result:)[ \t]*'(?P<value>(?:[^'\n]|''){1,400})'[ \t]*(?=\r?\n|\Z)"
)
LAST_NAME = re.compile(r"(?P<name>[A-Za-z_][\w-]{0,80})['\]]*$")


def evaluated(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an Actions expression's value under its last name."""
    name = LAST_NAME.search(match.group("expr"))
    if name is None or match.group("value") == "***":
        return None
    return judged(name.group("name"), match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rules for values a console prints for an expression naming a secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(STORAGE.pattern), judge=keyed_value),),
            trigger=Trigger(words=("Storage.getItem(",)),
            gate=r"Storage\.getItem\(",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(EVALUATED.pattern), judge=evaluated),),
            trigger=Trigger(words=("##[debug]Evaluating:",)),
            gate=r"##\[debug\]Evaluating:",
        ),
    ]
