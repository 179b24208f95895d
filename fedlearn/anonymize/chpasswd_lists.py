"""Passwords in cloud-init's ``chpasswd`` list (DESIGN.md guarantee 1; session 38's probes).

cloud-init's user-data sets passwords with a ``chpasswd`` section whose ``list`` holds one
``user:password`` a line, as a block scalar or as a YAML list::

    chpasswd:
      list: |
        root:V
        ubuntu:V
      expire: false

No line has a key naming a secret: the section's name says what the values are. Each password
after its user's colon is redacted, whatever it looks like (``chpasswd`` takes chosen ones);
``RANDOM`` (and its short form ``R``), which asks cloud-init to draw one, stays. A crypted value
(``$6$…``) is a password hash and goes too. The newer ``users:`` form has a ``password:`` key of
its own, which the key rules read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import references
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match

# The section, its keys before ``list``, then ``list:`` with a block scalar or a list under it.
SECTION = Lazy(
    r"(?m:^)(?P<indent>[ \t]*)chpasswd:[ \t]*\r?\n"
    r"(?:(?P=indent)[ \t]+[^\n]*\n){0,20}?"
    r"(?P<inner>(?P=indent)[ \t]+)list:[ \t]*(?:\|[-+]?[ \t]*)?\r?\n"
    r"(?P<block>(?:(?P=inner)[ \t]+[^\n]*(?:\n|\Z)|(?P=inner)-[ \t]+[^\n]*(?:\n|\Z)){1,200})"
)
# One line of the list: its user, a colon, the password to the line's end.
ENTRY = re.compile(
    r"[ \t]*(?:-[ \t]+)?[\"']?(?P<user>[A-Za-z0-9_.-]{1,64}):(?P<value>[^\s\"']\S*?)[\"']?[ \t]*\r?$"
)
DRAWN = frozenset(("RANDOM", "R"))


def entries(text: str) -> Iterator[re.Match[str]]:
    """Yield each password of a ``chpasswd`` section's list (see the module)."""
    for section in SECTION.compiled.finditer(text):
        position = section.start("block")
        for line in section.group("block").splitlines(keepends=True):
            entry = ENTRY.match(line.rstrip("\n"))
            if entry is not None:
                value = entry.group("value")
                if value not in DRAWN and not references.is_reference(value):
                    start = position + entry.start("value")
                    yield span_match(text, start, start + len(value))
            position += len(line)


def rules() -> list[Rule]:
    """Return the rule for the passwords of cloud-init's ``chpasswd`` list."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(SPAN.pattern), find=entries),),
            trigger=Trigger(words=("chpasswd:",)),
            gate=r"chpasswd:[ \t]*\r?\n",
        )
    ]
