"""Secrets in Nix's own output, which prints a value apart from the attribute that names it.

Two shapes, both from Nix itself, each judged as ``key = value`` with the attribute path's last
name as the key (``tables.judged``: the key must name a secret, the value must look like one):

- an evaluation echo: a ``nix-repl>`` prompt, or a ``nix eval``/``nix-instantiate --eval``
  command, whose expression ends in an attribute path (``….settings.admin_password``,
  ``….networks."iot".psk``), and on the next line the value alone: a Nix string literal
  (``"…"``, its escapes kept), or with ``--raw`` the bare line;
- ``nixos-option PATH``'s report: ``Value:`` and on the next line the value (a string literal);
- the module system's definition list: after ``option `PATH'`` (``A definition for option …
  is not of type …``, ``The option … has conflicting definition values``) each
  ``- In `FILE': "…"`` line holds one definition of that option.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# The last name of an attribute path: bare or quoted.
LAST = r"\.(?P<key>[A-Za-z_][A-Za-z0-9_'-]{0,80}|\"[^\"\n]{1,80}\")"
STRING = r"\"(?P<value>(?:[^\"\\\n]|\\.){1,400})\""
ECHO = Lazy(
    r"(?m)^[ \t]*(?:nix-repl>[ \t]+|(?:\$[ \t]+)?(?:nix[ \t]+eval|nix-instantiate)[ \t][^\n]*?"
    r"(?P<raw>--raw[ \t][^\n]*?)?)[^\s.][^\n]*?" + LAST + r"[ \t]*\r?\n[ \t]*"
    r"(?:" + STRING + r"|(?P<bare>[^\s\"][^\n]{0,400}?))[ \t]*\r?$"
)
OPTION_VALUE = Lazy(
    r"nixos-option[ \t][^\n]*?"
    + LAST
    + r"[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*Value:[ \t]*\r?\n[ \t]*"
    + STRING
)
DEFINITION = Lazy(r"(?m)^[ \t]*- In `[^`'\n]{1,300}':[ \t]*" + STRING + r"[ \t]*\r?$")
OPTION = re.compile(r"option `([^`'\n]{1,300})'")
# How far back a definition line looks for the option it defines.
REACH = 4000


def key_of(name: str) -> str:
    return name.strip('"')


def echoed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of a value echoed after the attribute path that names it, or None."""
    if match.group("value") is not None:
        return judged(key_of(match.group("key")), match.group("value"), match.end("value"))
    if match.group("raw") is None:
        return None  # a bare line is the value only under ``--raw``
    bare = match.group("bare")
    return judged(key_of(match.group("key")), bare, match.end("bare"))


def reported(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of the value ``nixos-option`` reports for an option, or None."""
    return judged(key_of(match.group("key")), match.group("value"), match.end("value"))


def defined(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of one definition of the option named above it, or None."""
    head = text.rfind("option `", max(0, match.start() - REACH), match.start())
    if head < 0:
        return None
    option = OPTION.match(text, head)
    if option is None or "efinition values:" not in text[option.end() : match.start()]:
        return None
    path = option.group(1)
    key = key_of(re.split(r"\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", path)[-1])
    return judged(key, match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for values Nix prints apart from their attribute."""
    return [
        Rule(
            NAMES,
            (
                Matcher(Lazy(ECHO.pattern), judge=echoed),
                Matcher(Lazy(OPTION_VALUE.pattern), judge=reported),
                Matcher(Lazy(DEFINITION.pattern), judge=defined),
            ),
            trigger=Trigger(
                words=("nix-repl>", "nix eval", "nix-instantiate", "nixos-option", "- in `"),
                lower=True,
            ),
            gate=r"(?i)(?:nix-repl>|nix[ \t]+eval|nix-instantiate|nixos-option|- In `)",
        )
    ]
