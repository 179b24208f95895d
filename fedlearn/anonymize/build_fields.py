"""Values an Android build script gives a generated field by name (DESIGN.md guarantee 1).

Gradle's ``buildConfigField(type, name, value)`` writes ``value`` as Java source into
``BuildConfig``, so a string's value carries its own quotes inside the script's string:
``buildConfigField("String", "API_KEY", "\\"V\\"")`` (Kotlin, Groovy) or
``buildConfigField 'String', 'API_KEY', '"V"'`` (Groovy's single quotes, no parentheses).
(``resValue("string", "api_key", "V")``, a name's literal then its value's, is read as
``"api_key": "V"`` is.) Each value is judged as after ``name=`` (``tables.judged``: the name must name a secret, the value must look like
one), bench/contexts30: ``"\\"rb1nz5xhues\\""`` under ``MYINTERVALS_SECRET_KEY``.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# The call, its type and its name (each quoted, the call's parenthesis optional in Groovy).
CALL = (
    r"buildConfigField[ \t]*\(?[ \t]*(?P<q1>[\"'])[A-Za-z.\[\]<>]{1,40}(?P=q1)[ \t]*,"
    r"[ \t]*(?P<q2>[\"'])(?P<key>[A-Za-z_][\w.-]{0,80})(?P=q2)[ \t]*,[ \t]*"
)
FIELD = Lazy(
    CALL + r"(?:\"\\\"(?P<escaped>[^\"\\\n]{1,400})\\\"\"|'\"(?P<single>[^\"'\n]{1,400})\"')"
)


def field(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a build field's value under the field's name, or None."""
    group = "escaped" if match.group("escaped") is not None else "single"
    return judged(match.group("key"), match.group(group), match.end(group))


def rules() -> list[Rule]:
    """Return the rule for the values of Gradle's ``buildConfigField``."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(FIELD.pattern), judge=field),),
            trigger=Trigger(words=("buildConfigField",)),
            gate=r"buildConfigField[ \t]*\(?[ \t]*[\"']",
        ),
    ]
