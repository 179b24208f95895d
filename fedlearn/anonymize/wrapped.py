"""Secrets a call wraps, and literals a secret-named function returns (DESIGN.md guarantee 1).

From ``bench/contexts30`` (config and code idioms):

- **A secret key's literal inside a one-argument call** (``wrapped``): ``API_KEY:
  JSON.stringify('…')`` (webpack's ``DefinePlugin``), ``token: SecretStr = SecretStr("…")``
  (pydantic), ``let api_key = HeaderValue::from_static("…")``, ``headers.insert("x-api-key",
  HeaderValue::from_static("…"))`` (a quoted key, a comma), ``'secret' => Some("…")``. The call
  is a name or a path of names (``.``, ``::``) with the literal as its only argument. A getter's
  argument names a value, it holds none (``token = os.getenv("API_TOKEN")``,
  ``config.get("secret")``): the literal must read as generated (``beside_keys.is_quoted_secret``)
  and a getter's call (its last name starts with ``get``/``read``/``load``/``fetch``/``lookup``
  or is ``env``/``var``/``environ``/``config``/``secret``) counts not at all.
- **A literal a secret-named function returns** (``returned``): a pytest fixture ``def
  acme_token():`` then ``return "…"``, a getter ``public String getApiKey() { return "…"; }``,
  ``function apiToken() { return '…' }``, Go's ``func apiKey() string { return "…" }``: the
  nearest function head within three lines above names what it returns; the literal must read as
  generated (``beside_keys.is_quoted_secret``), so ``def token_type(): return "Bearer"`` stays.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import NAMED_KEY_WORDS, key_before
from fedlearn.anonymize.beside_keys import is_quoted_secret
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# A one-argument call's literal: ``(`` a quote, the value, the same quote, ``)``.
CALL_LITERAL = Lazy(r"\((?P<q>[\"'`])(?P<value>[^\"'`\n\\]{8,1000})(?P=q)[ \t]*\)")
# The callee before the ``(``: a name or a path of names joined by ``.`` or ``::``.
CALLEE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.:")
CALLEE = Lazy(r"[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*){0,6}")
# A getter's last name: its argument names what it reads (``os.getenv("X")``, ``cfg.get("k")``,
# Dart's ``String.fromEnvironment("X")``).
GETTER = Lazy(r"(?i)(?:get|read|load|fetch|lookup|find|env|var|environ|config|secret\b|from_?env)")
# The separators between a key and the call: ``=``/``:=`` (not ``==``, ``!=``, ``<=``, ``>=``),
# ``:`` (not ``::``), ``=>``, and a quoted key's ``,`` (``insert("x-api-key", Wrap("…"))``).
SEPARATOR = Lazy(r"(?:=>|:=|(?<![=!<>:])=|(?<!:):|(?<=[\"'`]),)[ \t]*\Z")
# A type annotation between a key and its ``=`` (``token: SecretStr = …``, ``x: &str = …``).
ANNOTATION = Lazy(r":[ \t]*[A-Za-z_&'][\w&' \[\].]{0,40}?[ \t]*\Z")
# ``return`` and a literal: ``return "…"``, ``return '…';``.
RETURNED = Lazy(r"return[ \t]+(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{8,1000})(?P=q)")
# A function head: Python ``def``, JS ``function``/getter, Kotlin ``fun``, Go ``func``, Rust
# ``fn``, or a C-family method (``String getApiKey() {``); its name is what it returns.
HEAD = Lazy(
    r"(?:\b(?:def|function|fun|func|fn|get)[ \t]+(?P<name>[A-Za-z_$][\w$]*)[ \t]*\("
    r"|\b(?P<method>[A-Za-z_$][\w$]*)[ \t]*\([^()\n]*\)[^\n;=(){}]{0,40}\{)"
)
HEAD_LINES = 3


def wrapped(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a one-argument call's literal assigned to a secret key."""
    start = match.start()
    callee_start = start
    while (
        callee_start > 0
        and start - callee_start < 120
        and text[callee_start - 1] in (CALLEE_CHARACTERS)
    ):
        callee_start -= 1
    callee = text[callee_start:start]
    if not CALLEE.fullmatch(callee):
        return None
    last = re.split(r"\.|::", callee)[-1]
    if GETTER.match(last):
        return None
    line = text.rfind("\n", 0, callee_start) + 1
    separator = SEPARATOR.search(text, line, callee_start)
    if separator is None:
        return None
    key_end = separator.start()
    if text[key_end] == "=":
        annotation = ANNOTATION.search(text, line, key_end)
        if annotation is not None:
            key_end = annotation.start()
    key, _ = key_before(text, key_end)
    value = text[match.start("value") : match.end("value")]
    if not key or not is_quoted_secret(key.rsplit(".", 1)[-1], value):
        return None
    return (
        match.start("value"),
        match.end("value"),
        key_names.classify_key(key.rsplit(".", 1)[-1]) or "",
    )


def returned(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal that a secret-named function returns, or None."""
    start = match.start()
    window = start
    for _ in range(HEAD_LINES + 1):
        window = text.rfind("\n", 0, max(0, window - 1)) + 1
        if window == 0:
            break
    heads = list(HEAD.compiled.finditer(text, window, start))
    if not heads:
        return None
    name = heads[-1].group("name") or heads[-1].group("method")
    value = text[match.start("value") : match.end("value")]
    if not is_quoted_secret(name, value):
        return None
    return match.start("value"), match.end("value"), key_names.classify_key(name) or ""


def rules() -> list[Rule]:
    """Return the rules for a secret key's wrapped literal and a secret-named function's."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(CALL_LITERAL.pattern), judge=wrapped),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="("),
            gate=r"[A-Za-z0-9_$]\([\"'`][^\"'`\n\\]{8}",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(RETURNED.pattern), judge=returned),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="return"),
            gate=r"return[ \t]+[\"'`]",
        ),
    ]
