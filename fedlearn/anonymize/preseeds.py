"""A debconf answer of type ``password`` (DESIGN.md guarantee 1; from ``bench/contexts38``).

A Debian installer's preseed file and ``debconf-set-selections``' input give one answer a line:
the owner, the question, its type and the value (``d-i passwd/user-password password V``,
``echo "mysql-server mysql-server/root_password password V" | debconf-set-selections``). The
type ``password`` says what the value is, whatever it looks like (``r00tme``, ``xapp-2-H-9-5``),
so the value to the line's end (or to the quote that opened the line) is a password. A
reference (``$MYSQL_ROOT_PASSWORD``) and an empty answer stay; a crypted one
(``user-password-crypted password $6$…``) is ``credentials``' password hash. Other types
(``string``, ``boolean``, ``select``) name no secret: ``d-i passwd/username string svc`` stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import references
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

# A line's answer: its owner at the line's start or after the quote that opens an ``echo``'s
# argument, a question with a ``/``, the type ``password``, the value to the line's end or quote.
ANSWER = Lazy(
    r"(?m:^)(?:[^\n]*?[ \t](?P<quote>[\"']))?[ \t]*[a-z0-9][a-z0-9.+-]{0,60}[ \t]+"
    r"[A-Za-z0-9][A-Za-z0-9_.+-]{0,60}/[A-Za-z0-9_./+-]{1,120}[ \t]+password[ \t]+"
    r"(?P<value>[^ \t\r\n\"'][^\r\n]*?)[ \t]*(?:(?P=quote)|(?=\r?\n|\Z))"
)


def answers(text: str) -> Iterator[re.Match[str]]:
    """Yield each ``password`` answer's value (see the module)."""
    for found in ANSWER.compiled.finditer(text):
        value = found.group("value")
        if found.group("quote") and found.group("quote") in value:
            continue
        if references.is_reference(value) or value.startswith("$"):
            continue
        yield span_match(text, found.start("value"), found.end("value"))


def rules() -> list[Rule]:
    """Return the rule for a debconf answer of type ``password``."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(SPAN.pattern), find=answers),),
            trigger=Trigger(words=("password",)),
            gate=r"/[A-Za-z0-9_./+-]*[ \t]+password[ \t]",
        )
    ]
