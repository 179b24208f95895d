"""Secrets in syntaxes the key rules read no value from (DESIGN.md guarantee 1).

- PowerShell and .NET command parameters: ``-Password V``, ``-DbPassword 'V'``, ``-ApiKey "V"``,
  ``-Pwd:V`` (a dash, then a capitalized name ending in a secret word, then the value after blanks
  or a colon), judged under the parameter's name as ``Password=V`` is (``-PassThru``,
  ``-SecretName x``, ``-Credential $cred`` stay);
- a Dockerfile's ``ENV KEY "V"``/``ENV KEY 'V'`` (the space form, quoted), judged as ``KEY=V``;
- ODBC and ADO.NET braced values: ``Pwd={V}`` after ``;`` or before one (``{`` lets a password
  hold ``;``), judged under their key; a format field (``password={password}``) stays;
- a value between ``;`` and ``;`` in a connection string's ``key=value;`` list (ODBC, ADO.NET,
  OLE DB, JDBC SQL Server and Db2 properties: ``;Pwd=V;``, ``;password=V;encrypt=true``): only
  ``;`` ends it there (or a quote, a backslash or a blank), so ``(``, ``,``, ``)``, ``=``, ``!``
  are characters of a password, judged under its key.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import (
    assignments,
    bearer_pairs,
    checks,
    fenced,
    framed,
    generators,
    handed,
    key_names,
    owned_cells,
    owned_keys,
    parenthesized,
    pasted_keys,
    prose_values,
    references,
    refused_keys,
    told_abroad,
    url_ports,
    value_spans,
    vault_keys,
)
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

NAME_ENDINGS = r"(?:Password|Passwd|Passphrase|Pwd|Pass|Secret|Token|Key|Credentials?|Auth)"
PARAMETER = (
    r"-(?P<key>(?:[A-Z][A-Za-z0-9]{0,40}?)?" + NAME_ENDINGS + r")(?::|[ \t]+)"
    r"(?:(?P<q>[\"'])(?P<quoted>[^\"'\n]{1,300})(?P=q)|(?P<value>[^\s\"'`;|(){}$-][^\s\"'`;|()]*))"
)
QUOTED_ENV = (
    r"ENV[ \t]+(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]+"
    r"(?P<q>[\"'])(?P<quoted>[^\"'\n]{1,300})(?P=q)[ \t]*\\?(?=\r?\n|\Z)"
)
BRACED = r"=\{(?P<quoted>[^{}\n]{1,300})\}(?=;|[\"']|[ \t]*(?:\r?\n|\Z))"
# ``;key=value`` up to the next ``;``, a quote, a backslash or a blank.
LISTED = (
    r";[ \t]*(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,40})[ \t]*=(?P<quoted>[^;\s\"'\\{][^;\s\"'\\]{0,299})"
    r"(?=;|[\"'\\]|\s|\Z)"
)
FORMAT_FIELD = Lazy(r"[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:![rsa])?(?::[^{}]*)?")


def judged(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a parameter's or ENV line's value when its key names a secret."""
    start = match.start()
    if text.startswith("ENV", start):
        if text[text.rfind("\n", 0, start) + 1 : start].strip(" \t"):
            return None  # ``ENV`` starts a Dockerfile line
    elif start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        return None  # a parameter starts a word (not ``x-Token``, ``--Password``)
    key = match.group("key")
    group = "quoted" if match.group("quoted") is not None else "value"
    value = match.group(group)
    name = key_names.classify_key(key)
    if name is None or value is None or checks.is_reference(value):
        return None
    if not key_names.is_secret_value(name, key, value):
        return None
    start, end = match.span(group)
    if name == "authorization":
        start, end = value_spans.scheme_skipped(text, start, end)
    return start, end, name


def braced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a braced connection-string value under a secret key, unless it is a format field."""
    value = match.group("quoted")
    if FORMAT_FIELD.fullmatch(value) and not key_names.reads_generated(value, 8):
        return None  # ``password={password}``, ``Pwd={cfg.pwd}``: Python's str.format
    key, key_start = assignments.key_before(text, match.start())
    before = text[key_start - 1] if key_start else ""
    if not key or before not in ("", ";", " ", "\t", "\n", '"', "'"):
        return None
    name = key_names.classify_key(key)
    if name is None or references.is_reference(value):  # base64 may start with ``/``
        return None
    # In braces a leading ``-`` is a character of the value, no option (``Pwd={-x9…}``).
    if not key_names.is_secret_value(name, key, "x" + value[1:] if value[0] == "-" else value):
        return None
    return match.start("quoted"), match.end("quoted"), name


def listed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a ``;key=value;`` connection-string value under a secret key."""
    key, value = match.group("key"), match.group("quoted")
    name = key_names.classify_key(key)
    if name is None or references.is_reference(value) or checks.is_reference(value):
        return None
    if not key_names.is_secret_value(name, key, value):
        return None
    return match.start("quoted"), match.end("quoted"), name


def rules() -> list[Rule]:
    """Return the rules for PowerShell parameters, quoted ``ENV`` lines, braced values and
    ``;key=value;`` connection-string values."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PARAMETER), judge=judged),),
            trigger=Trigger(
                words=("Pass", "Pwd", "Secret", "Token", "Key", "Credential", "Auth"), needs="-"
            ),
            gate=r"-(?:[A-Z][A-Za-z0-9]*)?" + NAME_ENDINGS + r"(?::|[ \t])",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(QUOTED_ENV), judge=judged),),
            trigger=Trigger(words=("ENV ", "ENV\t")),
            gate=r"(?m)^[ \t]*ENV[ \t]+[A-Za-z_][A-Za-z0-9_.-]*[ \t]+[\"']",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(BRACED), judge=braced),),
            trigger=Trigger(words=("={",)),
            gate=r"=\{[^{}\n]+\}",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(LISTED), judge=listed),),
            trigger=Trigger(words=assignments.KEY_WORDS, lower=True, needs=";"),
            gate=r"(?i);[ \t]*[a-z0-9 _.-]*(?:"
            + "|".join(re.escape(w) for w in assignments.GATE_WORDS)
            + r")[a-z0-9 _.-]*[ \t]*=",
        ),
        *framed.rules(),
        *prose_values.rules(),
        *parenthesized.rules(),
        *owned_keys.rules(),
        *owned_cells.rules(),
        *told_abroad.rules(),
        *handed.rules(),
        *refused_keys.rules(),
        *pasted_keys.rules(),
        *bearer_pairs.rules(),
        *url_ports.rules(),
        *vault_keys.rules(),
        *generators.rules(),
        *fenced.rules(),
    ]
