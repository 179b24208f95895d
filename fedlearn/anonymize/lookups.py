"""Secrets a configuration tool or a notebook prints for a key named apart (DESIGN.md guarantee 1;
from ``bench/contexts33``).

Each value is judged as ``KEY=value`` (``tables.judged``) under the last name of the key the
command or cell selects:

- ``puppet lookup profile::acme::api_token`` prints YAML: ``--- V`` (maybe quoted) on the next line;
- ``salt 'web*' pillar.get acme:api_token`` (``salt-call``, ``pillar.item``) prints each minion's
  id and a colon, then its value indented on the next line;
- ``eyaml decrypt`` prints each decrypted value as ``key: DEC::PKCS7[V]!`` (``DEC(1)::…`` in its
  edit form; any encryptor's name): the value is between the brackets;
- IPython: ``In [3]: %env NAME`` or ``os.environ['NAME']``/``os.getenv('NAME')`` then ``Out[3]:
  'V'``; in a notebook's JSON, a cell's ``execute_result`` ``"text/plain"`` repr of one string
  when that cell's ``source`` reads such a variable (the cell is the text between two
  ``"cell_type"`` members, whichever order its ``outputs`` and ``source`` come in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged

QUOTED = r"(?P<q>[\"']?)(?P<value>[^\s\"'\\]{1,400})(?P=q)[ \t]*(?=\r?\n|\Z)"
PUPPET = Lazy(
    r"puppet[ \t]+lookup[ \t]+(?:--?[\w-]+(?:[ \t=]+[^\s-]\S*)?[ \t]+)*"
    r"(?:[\w-]+::)*(?P<key>[A-Za-z_][\w-]{0,80})(?:[ \t][^\n]*)?\r?\n---[ \t]+" + QUOTED
)
SALT = Lazy(
    r"salt(?:-call)?[ \t][^\n]*?pillar\.(?:get|item)[ \t]+[\"']?(?:[\w-]+:)*"
    r"(?P<key>[A-Za-z_][\w-]{0,80})[\"']?[^\n]*\r?\n"
)
MINION = Lazy(r"[ \t]*[\w.-]{1,200}:[ \t]*\r?\n[ \t]{2,}(?P<value>[^\s]{1,400})[ \t]*(?:\r?\n|\Z)")
EYAML = Lazy(
    r"(?:[\w-]+::)*(?P<key>[A-Za-z_][\w.-]{0,80})[\"']?:[ \t]+DEC(?:\(\d+\))?::[A-Z0-9]{2,10}"
    r"\[(?P<value>[^\]\n]{1,400})\]!"
)
# A variable an IPython cell reads: ``%env NAME``, ``os.environ['NAME']``, ``os.getenv("NAME")``.
READ = (
    r"(?:%env[ \t]+|os\.(?:environ(?:\.get\(|\[)|getenv\()[ \t]*\\?[\"'])(?P<key>[A-Za-z_]\w{0,80})"
)
CONSOLE = Lazy(
    r"In \[\d+\]:[ \t]*" + READ + r"[^\n]*\r?\nOut\[\d+\]:[ \t]*(?P<q>[\"'])"
    r"(?P<value>[^\s\"'\\]{1,400})(?P=q)[ \t]*(?=\r?\n|\Z)"
)
RESULT = Lazy(r"\"text/plain\":[ \t]*\[\s*\"(?P<q>'|\\\")(?P<value>[^\s\"'\\]{1,400})(?P=q)\"\s*\]")
SOURCE_READ = Lazy(r"\"source\":[ \t]*\[\s*\"[^\n]{0,200}?" + READ)
CELL = '"cell_type"'
CELL_SPAN = 3000


def cell_key(text: str, at: int) -> str | None:
    """Return the variable the source of the notebook cell around ``at`` reads, or None."""
    start = text.rfind(CELL, max(0, at - CELL_SPAN), at)
    end = text.find(CELL, at, at + CELL_SPAN)
    found = SOURCE_READ.search(
        text, max(start, 0, at - CELL_SPAN), end if end >= 0 else at + CELL_SPAN
    )
    return found.group("key") if found is not None else None


def salt_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each minion's value printed after a ``pillar.get`` command."""
    for command in SALT.finditer(subject):
        position = command.end()
        while (minion := MINION.match(subject, position)) is not None:
            yield span_match(subject, *minion.span("value"))
            position = minion.end()


def salt_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a minion's value under the key its command selects."""
    line = text.rfind("pillar.", 0, match.start())
    commands = list(SALT.compiled.finditer(text, text.rfind("\n", 0, line) + 1, match.start()))
    return judged(commands[-1].group("key"), match.group(), match.end()) if commands else None


def keyed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a looked-up value under its key (``puppet``, ``eyaml``, IPython)."""
    is_result = match.re.pattern == RESULT.pattern  # the matcher compiles its own copy
    key = cell_key(text, match.start()) if is_result else match.group("key")
    if key is None or key_names.classify_key(key) is None:
        return None
    return judged(key, match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rules for values configuration tools and notebooks print for a named key."""
    return [
        Rule(
            key_names.NAMES,
            tuple(
                Matcher(Lazy(form.pattern), judge=keyed)
                for form in (PUPPET, EYAML, CONSOLE, RESULT)
            ),
            trigger=Trigger(words=("puppet", "DEC::", "DEC(", "Out[", "text/plain")),
            gate=r"puppet[ \t]+lookup|DEC(?:\([0-9]+\))?::|Out\[[0-9]+\]|\"text/plain\"",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(r"(?s).+"), find=salt_values, judge=salt_value),),
            trigger=Trigger(words=("pillar.",)),
            gate=r"pillar\.(?:get|item)",
        ),
    ]
