"""Secrets printed as the value of something named apart from them (DESIGN.md guarantee 1).

Each value is judged as it would be after ``key=`` (``tables.judged``), under the name found
apart from it, and redacted under that name's rule:

- an evaluation arrow, ``=> 'value'`` alone on its line: Actions ``##[debug]=> '…'`` and
  ``##[debug]Result: '…'`` under the ``Evaluating: secrets.X_TOKEN`` of the same depth, a REPL's
  echo under its prompt's expression (``irb(main):001:0> ENV["X_TOKEN"]`` / ``=> "…"``); the
  name is the expression's last identifier (anything under ``secrets.`` is a secret);
- a REPL's echo of a string, alone on the line after its prompt (``>>> settings.api_key`` then
  ``'…'``; Node's ``>``, IPython's ``In [3]:`` / ``Out[3]: '…'``, Elixir's ``iex(2)>``), under the
  prompt's expression;
- a variable arrow of better-exceptions and loguru (``└ '…'``): the variable of the source line
  above at the arrow's column;
- pydantic's ``input_value='…'``: the field is the error's location, the line before;
- a Python dict repr of a key/value pair (Ansible's ``item={'key': 'X_TOKEN', 'value': '…'}``,
  ``'name'`` too, either order), as ``apart``'s JSON pairs;
- PHP ``var_dump``'s ``string(N) "…"`` under the ``["key"]=>`` on the line before;
- ``high-entropy``: a generated-looking literal a ``…Client`` class is constructed with (``new
  ApimClient("…")``, ``VaultClient('…')``);
- ``set KEY VALUE`` of a CLI whose key is a colon path (``dotnet user-secrets set
  "Api:ClientSecret" "…"``, ``npm config set //host/:_authToken …``): the key's last segment
  names it.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import apart, entropy, key_names, raised
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged, keyed_value

QUOTED = r"(?P<q>['\"])(?P<value>[^'\"\n]{1,400})(?P=q)"
ARROW = Lazy(r"=>[ \t]*" + QUOTED + r"[ \t]*(?=\r?\n|\Z)")
RESULT = Lazy(r"##\[debug\]Result:[ \t]*" + QUOTED + r"[ \t]*(?=\r?\n|\Z)")
# What may stand before an arrow on its line: Actions' marker and depth dots, blanks.
ARROW_LINE = Lazy(r"[ \t]*(?:##\[debug\])?(?P<dots>\.*)[ \t]*\Z")
EVALUATING = "##[debug]{dots}Evaluating: "
PROMPT = Lazy(
    r"[ \t]*(?:irb\([^)\n]*\):[0-9]+(?::[0-9]+)?[>*]|(?:\[[0-9]+\][ \t]*)?pry\([^)\n]*\)>"
    r"|iex(?:\([^)\n]*\))?[0-9]*>|>>>|>>|>|\$"
    r"|In \[[0-9]+\]:)"
    r"[ \t]*(?P<expression>\S[^\n]*)"
)
# A REPL's echo of a string: the line after its prompt, the string alone (IPython's ``Out[3]:``).
ECHO = Lazy(r"\n(?:Out\[[0-9]+\]:[ \t]*)?" + QUOTED + r"[ \t]*(?=\r?\n|\Z)")
IDENTIFIER = Lazy(r"[A-Za-z_][A-Za-z0-9_-]*")
# How many lines above an arrow its ``Evaluating:`` line may be.
EVALUATION_LINES = 40
VARIABLE_ARROW = Lazy(r"└[ \t]*" + QUOTED)
INPUT_VALUE = Lazy(r"input_value=" + QUOTED)
LOCATION = Lazy(r"(?P<location>[A-Za-z_][\w.\-\[\]]{0,200})[ \t]*\r?\Z")
# A Python dict repr's key/value pair, either order (``apart.JSON_PAIRS`` in single quotes).
PY_KEY = r"'(?:key|name)'[ \t]*:[ \t]*'(?P<key>[A-Za-z0-9_.-]{1,80})'"
PY_VALUE = r"'value'[ \t]*:[ \t]*'(?P<value>[^'\\\n]{1,400})'"
PY_PAIRS = (
    Lazy(PY_KEY + apart.BETWEEN + PY_VALUE),
    Lazy(PY_VALUE + apart.BETWEEN + PY_KEY),
)
SET = Lazy(
    r"set[ \t]+(?P<kq>['\"]?)(?P<key>[A-Za-z0-9_.:/@-]{0,160}:[A-Za-z0-9_.:/@-]{0,160})(?P=kq)[ \t]+"
    r"(?:(?P<q>['\"])(?P<value>[^'\"\n]{1,400})(?P=q)|(?P<bare>[^\s'\"-][^\s'\"]{0,399}))"
)
# A client class constructed with a literal first argument (``new ApimClient("…")``).
CLIENT = Lazy(r"Client(?:V[0-9])?\([ \t]*(?P<q>['\"])(?P<value>[A-Za-z0-9+/=_-]{24,400})(?P=q)")
CLASS_BEFORE = Lazy(r"(?:(?:\bnew[ \t]+)?[A-Z][A-Za-z0-9]{0,40}|\.)\Z")
SET_BEFORE = frozenset(" \t\n\"'`(")
# PHP ``var_dump``: ``["api_key"]=>`` (``:protected``…) and on the next line ``string(32) "…"``,
# or on the same line once a log flattened it (``array(1) { ["password"]=> string(12) "…" }``);
# ``DUMP_GAP`` is all from the key's closing quote to the value's opening one (``personal_ids``
# reads personal numbers through it too).
DUMP_GAP = r"\"(?::[^\]\n]{0,80})?\]=>[ \t]*(?:\r?\n[ \t]*)?string\([0-9]{1,6}\)[ \t]*\""
# For a gate: the property unbounded (a counted run of almost any character multiplies the states
# of the RE2 set's automaton, ``prefilter``).
DUMP_GATE = DUMP_GAP.replace(r"[^\]\n]{0,80}", r"[^\]\n]*")
PHP_DUMP = Lazy(r"\[\"(?P<key>[A-Za-z0-9_.-]{1,80})" + DUMP_GAP + r"(?P<value>[^\"\n]{1,400})\"")


def last_name(expression: str) -> str | None:
    """Return the last identifier of an expression (``ENV["X_TOKEN"]`` → ``X_TOKEN``), or None."""
    names = IDENTIFIER.compiled.findall(expression)
    return names[-1] if names else None


def evaluated_key(text: str, line: int, dots: str) -> str | None:
    """Return the name of what the arrow line at ``line`` evaluated: its ``Evaluating:``
    expression of the same depth, or the expression after a REPL prompt on the line before."""
    marker = EVALUATING.format(dots=dots)
    position, seen = line, 0
    while position > 0 and seen < EVALUATION_LINES:
        previous = line_start(text, position - 1)
        row = text[previous : position - 1]
        if row.startswith(marker):
            expression = row[len(marker) :].strip()
            if expression.startswith("secrets.") and IDENTIFIER.fullmatch(expression[8:]):
                name = expression[8:]
                return name if key_names.classify_key(name) else "secret"
            return last_name(expression)
        if seen == 0 and not row.startswith("##[debug]"):
            prompt = PROMPT.match(row)
            return last_name(prompt.group("expression")) if prompt is not None else None
        position, seen = previous, seen + 1
    return None


def arrow(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return an arrow's value under the name of what it evaluated, or None."""
    line = line_start(text, match.start())
    before = ARROW_LINE.match(text, line, match.start())
    if before is None or line == 0:
        return None
    key = evaluated_key(text, line, before.group("dots"))
    return judged(key, match.group("value"), match.end("value")) if key else None


def echo(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a REPL's echo of a string under its prompt's expression on the line before."""
    prompt = PROMPT.match(text, line_start(text, match.start()), match.start())
    if prompt is None or prompt.end() != match.start():
        return None
    marker = text[prompt.start() : prompt.start("expression")]
    if ">" not in marker and "In [" not in marker:
        return (
            None  # what the trigger and the gate look for (``$``, ``irb…*`` prompts echo no string)
        )
    expression = prompt.group("expression").rstrip()
    if any(blank in expression for blank in " \t") and not marker.lstrip().startswith("iex"):
        return None  # prose (an e-mail's ``>`` quote), not an expression (iex's prompt is no quote)
    key = last_name(expression)
    return judged(key, match.group("value"), match.end("value")) if key else None


def result(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return an Actions ``Result:`` value under its top ``Evaluating:`` expression, or None."""
    line = line_start(text, match.start())
    if line != match.start() or line == 0:
        return None
    key = evaluated_key(text, line, "")
    return judged(key, match.group("value"), match.end("value")) if key else None


def variable_arrow(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a better-exceptions variable's value under the variable at the arrow's column."""
    line = line_start(text, match.start())
    column = match.start() - line
    position = line
    while position > 0:
        previous = line_start(text, position - 1)
        row = text[previous : position - 1]
        if row[column : column + 1] not in ("│", "└", " ", ""):
            key = variable_at(row, column)
            return judged(key, match.group("value"), match.end("value")) if key else None
        if not row.strip(" \t│└"):
            return None
        position = previous
    return None


def variable_at(row: str, column: int) -> str | None:
    """Return the identifier at ``column`` of a source line (or right after a ``{``/``(``)."""
    start = column
    while start < len(row) and start < column + 2 and row[start] in "{($@*":
        start += 1
    while start > 0 and (row[start - 1].isalnum() or row[start - 1] == "_"):
        start -= 1
    found = IDENTIFIER.match(row, start)
    return found.group() if found is not None and found.start() <= column + 2 else None


def input_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return pydantic's ``input_value`` under the field its error's location names, or None."""
    line = line_start(text, match.start())
    if line == 0 or not text[line : line + 1].isspace():
        return None
    location = LOCATION.match(text, line_start(text, line - 1), line - 1)
    if location is None:
        return None
    key = re.split(r"[.\[\]]+", location.group("location").strip("[]."))[-1]
    return judged(key, match.group("value"), match.end("value"))


def set_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a ``set KEY VALUE`` value under the key's last path segment, or None."""
    if match.start() > 0 and text[match.start() - 1] not in SET_BEFORE:
        return None
    if ":" not in match.group("key"):
        return None  # ``git config set user.signingkey <key id>``: a colon path only
    key = re.split(r"[:./]+", match.group("key").strip(":./@"))[-1]
    group = "value" if match.group("q") else "bare"
    return judged(key, match.group(group), match.end(group)) if key else None


def client_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a generated-looking literal a ``…Client`` class is constructed with, or None."""
    if CLASS_BEFORE.search(text, max(0, match.start() - 48), match.start()) is None:
        return None
    start, end = match.span("value")
    value = text[start:end]
    body = value.replace("+", "").replace("/", "").replace("=", "")
    if not entropy.has_mixed_ascii(body) or not apart.is_token(value):
        return None
    return start, end, "high-entropy"


def rules() -> list[Rule]:
    """Return the rules for values named apart: arrows, pydantic inputs, dict pairs, set CLIs."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(ARROW.pattern), judge=arrow),
                Matcher(Lazy(RESULT.pattern), judge=result),
            ),
            trigger=Trigger(words=("=>", "##[debug]Result:")),
            gate=r"=>|##\[debug\]Result:",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ECHO.pattern), judge=echo),),
            trigger=Trigger(words=(">", "In ["), needs="\n"),
            gate=r"(?:>|In \[)[^\n]*\n(?:Out\[[0-9]+\]:[ \t]*)?[\"']",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(VARIABLE_ARROW.pattern), judge=variable_arrow),),
            trigger=Trigger(words=("└",)),
            gate="└",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(INPUT_VALUE.pattern), judge=input_value),),
            trigger=Trigger(words=("input_value=",)),
            gate="input_value=",
        ),
        Rule(
            key_names.NAMES,
            tuple(Matcher(Lazy(pattern.pattern), judge=apart.json_pair) for pattern in PY_PAIRS),
            trigger=Trigger(words=("'value'",)),
            gate=r"'value'[ \t]*:",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PHP_DUMP.pattern), judge=keyed_value),),
            trigger=Trigger(words=("]=>",)),
            gate=r"\]=>",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SET.pattern), judge=set_value),),
            trigger=Trigger(words=("set",)),
            gate=r"set[ \t]+[\"']?[A-Za-z0-9_.:/@-]*:",
        ),
        Rule(
            ("high-entropy",),
            (Matcher(Lazy(CLIENT.pattern), judge=client_key),),
            trigger=Trigger(words=("Client",), needs="("),
            gate=r"Client(?:V[0-9])?\([ \t]*[\"'][A-Za-z0-9+/=_-]{24}",
        ),
        *raised.rules(),
    ]
