"""Secrets listed after their name as separate items (DESIGN.md guarantee 1; from ``bench/contexts34``).

Each value is judged as ``KEY=value`` (``tables.judged``) under the name listed before it:

- a quoted argument list: an option naming a secret, then its value as the next quoted item
  (JSON ``"args": ["--api-key", "V"]`` of an MCP server or a devcontainer, PowerShell's
  ``-ArgumentList '--api-token', 'V'``, a Python list);
- redis ``MONITOR`` lines (``<time> [<db> <client>] "CMD" "arg" …``): ``"AUTH"``'s last argument
  (its password), and the argument after one naming a secret (``"CONFIG" "SET" "requirepass"
  "V"``, ``"HSET" "config:x" "api_token" "V"``);
- curl's form fields ``--form "key=NAME" --form "value=V"`` (``-F``; GitLab's variables API);
- Grafana's numbered header pairs: ``httpHeaderValue1: V`` under the header its
  ``httpHeaderName1`` names (``X-API-Key``), in the same text;
- a YAML key naming a secret whose value is a sequence: each item (Prometheus ``params:``
  ``api_key:`` ``- V``; ``api_keys:``, a list of them), only when that item looks generated (a
  list of names stays: ``secrets:`` ``- db_password``);
- a JSON key naming a secret whose value is an array printed one item a line (``"api_keys": [``
  then ``"V"``, an LLM front-end's exported settings, bench/contexts41): each string item, judged
  as a sequence's item is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged, keyed_value

# ``"--api-key", "V"`` / ``'--api-token', 'V'`` (the items maybe on two lines).
FLAG_ITEM = Lazy(
    r"[\"']--(?P<key>[A-Za-z][A-Za-z0-9_-]{1,60})[\"'][ \t]*,[ \t]*(?:\r?\n[ \t]*)?"
    r"(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,400})(?P=q)"
)
# A redis MONITOR line: its time, ``[db client]``, then the command's quoted words.
MONITOR = Lazy(
    r"(?m)^[0-9]{9,11}\.[0-9]{1,6}[ \t]+\[[0-9]{1,3}[ \t][^\]\n]{1,120}\](?P<args>[^\n]*)"
)
# redis's configuration parameters that hold a password (``CONFIG SET requirepass V``).
REDIS_PASSWORDS = frozenset({"requirepass", "masterauth"})
ARG = re.compile(r"[ \t]+\"(?P<word>(?:[^\"\\\n]|\\.){0,400})\"")
# A key alone on its line (a sequence's); ``key:`` then ``- V`` (its first item, maybe quoted).
KEY_LINE = Lazy(r"[ \t]*(?P<key>[A-Za-z_][\w.-]{0,80}):[ \t]*\r?$")
SEQUENCE = Lazy(
    r"(?m)^[ \t]*(?P<key>[A-Za-z_][\w.-]{0,80}):[ \t]*\r?\n[ \t]*-[ \t]+(?P<q>[\"']?)"
    r"(?P<value>[^\s\"'#]{8,400})(?P=q)[ \t]*(?=\r?\n|\Z)"
)

FORM_PAIR = Lazy(
    r"(?:--form|-F)[ \t]+[\"']?key=(?P<key>[\w.-]{1,80})[\"']?[ \t]+(?:--form|-F)[ \t]+[\"']?"
    r"value=(?P<value>[^\s\"']{1,400})"
)
HEADER_VALUE = Lazy(
    r"httpHeaderValue(?P<n>[0-9]{1,2})[\"']?[ \t]*:[ \t]*[\"']?(?P<value>[^\s\"',}]{1,400})"
)


def header_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a numbered header value under the header its pair names."""
    name = re.search(
        r"httpHeaderName" + match.group("n") + r"[\"']?[ \t]*:[ \t]*[\"']?(?P<name>[\w-]{1,80})",
        text,
    )
    if name is None:
        return None
    return judged(name.group("name"), match.group("value"), match.end("value"))


def monitor_key(word: str) -> str | None:
    """Return the key a MONITOR word names a secret by (redis's own ``requirepass``,
    ``masterauth``: a password), or None."""
    if word.lower() in REDIS_PASSWORDS:
        return "password"
    return word if key_names.classify_key(word) is not None else None


def monitor_args(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each MONITOR line's secret: ``AUTH``'s last word, or the word after a
    word that names a secret."""
    for line in MONITOR.compiled.finditer(subject):
        args = list(ARG.finditer(subject, line.start("args"), line.end("args")))
        if len(args) < 2:
            continue
        if args[0].group("word").upper() == "AUTH":
            last = args[-1]
            if last.group("word"):
                yield span_match(subject, *last.span("word"))
            continue
        for word, value in itertools.pairwise(args[1:]):
            if monitor_key(word.group("word")) is not None and value.group("word"):
                yield span_match(subject, *value.span("word"))
                break


def monitor_arg(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a MONITOR line's secret (``AUTH``'s: a password)."""
    before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    names = ARG.findall(before)
    if not names:
        return None
    key = "password" if names[0].upper() == "AUTH" else monitor_key(names[-1])
    return judged(key, match.group(), match.end()) if key else None


ITEM = Lazy(r"\r?\n[ \t]*-[ \t]+(?P<q>[\"']?)(?P<value>[^\s\"'#]{8,400})(?P=q)[ \t]*(?=\r?\n|\Z)")


def sequence_items(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each item of a sequence under a key: the first, then the next ones."""
    for found in SEQUENCE.compiled.finditer(subject):
        yield span_match(subject, *found.span("value"))
        position = found.end()
        while (item := ITEM.compiled.match(subject, position)) is not None:
            yield span_match(subject, *item.span("value"))
            position = item.end()


def sequence_item(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a secret-named key's sequence item, when generated."""
    value = match.group()
    if not key_names.reads_drawn(value):
        return None
    position = text.rfind("\n", 0, match.start())
    while position > 0:  # back over the items to the key's line
        line = text.rfind("\n", 0, position) + 1
        head = KEY_LINE.match(text, line, position)
        if head is not None:
            key = head.group("key")
            if key_names.classify_key(key) is None and key.endswith("s"):
                key = key[:-1]  # a list of them: ``api_keys:`` / ``- V``
            return judged(key, value, match.end())
        if not text[line:position].lstrip().startswith("-"):
            return None
        position = line - 1
    return None


# ``"key": [`` ending its line, then the array's first string alone on the next; the items after it.
ARRAY = Lazy(
    r"\"(?P<key>[A-Za-z_][\w.-]{0,80})\"[ \t]*:[ \t]*\[[ \t]*\r?\n[ \t]*"
    r"\"(?P<value>[^\s\"\\]{8,400})\"[ \t]*(?=,?\r?\n)"
)
ARRAY_ITEM = Lazy(r",[ \t]*\r?\n[ \t]*\"(?P<value>[^\s\"\\]{8,400})\"[ \t]*(?=,?\r?\n)")


def array_items(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each string item of a JSON array under a key, one item a line."""
    for found in ARRAY.compiled.finditer(subject):
        yield span_match(subject, *found.span("value"))
        position = found.end()
        while (item := ARRAY_ITEM.compiled.match(subject, position)) is not None:
            yield span_match(subject, *item.span("value"))
            position = item.end()


def array_item(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a secret-named key's array item, when generated."""
    value = match.group()
    if not key_names.reads_drawn(value):
        return None
    opening = text.rfind("[", 0, match.start())
    head = ARRAY.compiled.search(text, text.rfind("\n", 0, opening) + 1)
    if head is None or head.start("value") > match.start():
        return None
    key = head.group("key")
    if key_names.classify_key(key) is None and key.endswith("s"):
        key = key[:-1]  # a list of them: ``"api_keys": [``
    return judged(key, value, match.end())


def rules() -> list[Rule]:
    """Return the rules for values listed after their name: argument lists, MONITOR, sequences."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(FLAG_ITEM.pattern), judge=keyed_value),),
            trigger=Trigger(words=('"--', "'--")),
            gate=r"[\"']--[A-Za-z][A-Za-z0-9_-]{1,60}[\"'][ \t]*,",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(FORM_PAIR.pattern), judge=keyed_value),),
            trigger=Trigger(words=("key=",), needs="value="),
            gate=r"(?:--form|-F)[ \t]+[\"']?key=",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(HEADER_VALUE.pattern), judge=header_value),),
            trigger=Trigger(words=("httpHeaderValue",)),
            gate=r"httpHeaderValue[0-9]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(r"[^\n]+"), find=monitor_args, judge=monitor_arg),),
            trigger=Trigger(words=('] "',)),
            gate=r"[0-9]{9}\.[0-9]{1,6}[ \t]+\[[0-9]{1,3}[ \t][^\]\n]*\][ \t]+\"",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(r"[^\n]+"), find=sequence_items, judge=sequence_item),),
            trigger=Trigger(words=("- ",), needs=":"),
            gate=r":[ \t]*\r?\n[ \t]*-[ \t]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(r"[^\n]+"), find=array_items, judge=array_item),),
            trigger=Trigger(words=('": [',), needs="\n"),
            gate=r"\"[ \t]*:[ \t]*\[[ \t]*\r?\n[ \t]*\"",
        ),
    ]
