"""Secrets a tool prints apart from the name that says what they are: the read of a named secret.

A command or an agent's tool reads one file or stored secret whose name says what it holds, and
the output is the value alone on the next line. Each is judged as ``key = value`` with that name
as the key (``tables.judged``: the key must name a secret, the value must look like one):

- an agent's ReAct trace: ``Action Input: ~/.config/app/api_key`` (a path, maybe inside JSON),
  and the next line ``Observation: <value>``; the key is the path's last name, its extension off;
- a shell ``cat PATH`` after a prompt (``$``, ``#``, ``%``, ``>``, ``+`` of ``set -x``, maybe
  ``sudo``), and the next line; the key as above;
- ``gcloud secrets versions access … --secret=NAME`` (or ``…/secrets/NAME/versions/…``), and the
  next line; the key is the secret's name;
- ``kubectl describe configmap``'s data: ``name:``, a line ``----``, and the value's first line.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

LINE = r"[ \t]*\r?\n[ \t]*"
# The value: one word alone on its line (a file of columns or comments is no single value).
VALUE = r"(?P<value>[^\s#]\S{0,400})[ \t]*\r?$"
REACT = Lazy(
    r"(?m)Action Input:[ \t]*(?P<input>[^\n]{1,400}?)" + LINE + r"Observation:[ \t]*" + VALUE
)
CAT = Lazy(r"(?m)cat[ \t]+(?P<input>[^\s|;&<>]{1,300})" + LINE + VALUE)
GCLOUD = Lazy(
    r"(?m)gcloud[ \t]+secrets[ \t]+versions[ \t]+access[ \t](?P<input>[^\n]{1,400}?)" + LINE + VALUE
)
DATA = Lazy(r"(?m)----[ \t]*\r?\n" + VALUE)

# The last name of a path in a tool's input: after the last ``/``, up to a quote or blank.
PATH = re.compile(r"/(?P<name>[\w.-]{1,80})[\"'`]?[ \t]*[}\])]*[ \t]*$")
PROMPT = re.compile(r"[$#%>+][ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?$")
SECRET_NAME = re.compile(r"(?:--secret[= ]|/secrets/)(?P<name>[\w.-]{1,100})")
DATA_KEY = re.compile(r"(?P<name>[A-Za-z_][\w.-]{0,80}):[ \t]*\r?\n$")


def path_key(path: str) -> str | None:
    """The last name of ``path`` without a leading dot or its extension, or None if not a path."""
    found = PATH.search(path)
    if found is None:
        return None
    name = found.group("name").lstrip(".")
    stem, dot, extension = name.rpartition(".")
    return stem if dot and stem and extension.isalpha() and len(extension) <= 4 else name


def observed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of an agent's observation of a file that names a secret, or None."""
    key = path_key(match.group("input"))
    return None if key is None else judged(key, match.group("value"), match.end("value"))


def catted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of the line a prompt's ``cat FILE`` printed, or None."""
    line = text.rfind("\n", 0, match.start()) + 1
    if PROMPT.search(text[line : match.start()]) is None:
        return None
    key = path_key("/" + match.group("input").rpartition("/")[2])
    return None if key is None else judged(key, match.group("value"), match.end("value"))


def accessed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of the secret ``gcloud secrets versions access`` printed, or None."""
    name = SECRET_NAME.search(match.group("input"))
    return (
        None
        if name is None
        else judged(name.group("name"), match.group("value"), match.end("value"))
    )


def described(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """The span and rule of a ``kubectl describe`` data value under its ``name:`` line, or None."""
    if match.start() == 0 or text[match.start() - 1] != "\n":
        return None
    line = text.rfind("\n", 0, match.start() - 1) + 1
    key = DATA_KEY.match(text, line, match.start())
    return (
        None if key is None else judged(key.group("name"), match.group("value"), match.end("value"))
    )


def rules() -> list[Rule]:
    """Return the rule for values a tool prints on the line after reading a named secret."""
    return [
        Rule(
            NAMES,
            (
                Matcher(Lazy(REACT.pattern), judge=observed),
                Matcher(Lazy(CAT.pattern), judge=catted),
                Matcher(Lazy(GCLOUD.pattern), judge=accessed),
                Matcher(Lazy(DATA.pattern), judge=described),
            ),
            trigger=Trigger(words=("Action Input:", "cat", "gcloud", "----\n", "----\r\n")),
            gate=r"(?:Action Input:|cat[ \t]|gcloud[ \t]+secrets|----[ \t]*\r?\n)",
        )
    ]
