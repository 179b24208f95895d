"""A value whose name is given apart from it (DESIGN.md guarantee 1; from ``bench/contexts31``).

- ``read [-r] NAME <<< "V"``: the shell reads a here-string into ``NAME``, so ``V`` is judged as
  ``NAME=V`` would be (``read -r API_TOKEN <<< "9fK2…"``; ``read -r LINE <<< "$x"`` stays).
- ``P.name=NAME,P.value=V`` (Helm's ``--set env[0].name=X_TOKEN,env[0].value=V``, also as two
  ``--set`` flags): a list entry's ``name`` and ``value`` under the same path, ``V`` judged under
  ``NAME`` (``env[0].name=LOG_LEVEL,env[0].value=debug`` stays).

The value is redacted when ``key_names.field_secret`` says it is a secret under that name, as a
JSON field's is.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

READ_HERE = Lazy(
    r"(?<![\w.-])read[ \t]+(?:-[rs]{1,2}[ \t]+)*(?P<key>[A-Za-z_][A-Za-z0-9_]{0,80})[ \t]*<<<"
    r"[ \t]*(?P<q>[\"']?)(?P<value>[^\s\"'|;&]{4,300})(?P=q)"
)
# ``env[0].name=X`` then ``env[0].value=V``: a ``,`` or another ``--set``/``--set-string`` between.
NAME_VALUE = Lazy(
    r"(?P<path>[\w\[\]-]{1,60}(?:\.[\w\[\]-]{1,60}){0,4})\.name=(?P<key>[A-Za-z_][\w.-]{0,80})"
    r"(?:,|[\"']?[ \t]+--set(?:-string)?(?:[ \t]+|=)[\"']?)"
    r"(?P=path)\.value=(?P<value>[^\s\"',]{4,300})"
)


def named(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value when it is a secret under the name given apart."""
    value = match.group("value")
    if value.startswith("$") or checks.is_reference(value):
        return None
    name = key_names.field_secret(match.group("key"), value)
    return None if name is None else (match.start("value"), match.end("value"), name)


def rules() -> list[Rule]:
    """Return the rule for a value named apart: a here-string read into a variable, a name/value pair."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(READ_HERE.pattern), judge=named),
                Matcher(Lazy(NAME_VALUE.pattern), judge=named),
            ),
            trigger=Trigger(words=("<<<", ".value=")),
            gate=r"read[ \t][^\n]*<<<|\.name=[^\n]*\.value=",
        )
    ]
