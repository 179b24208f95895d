"""Secrets known by the form around them (DESIGN.md guarantee 1): pairs, auth tuples, curl, manifests.

``System.setProperty("DB_PASSWORD", "<redacted:password>")``, ``- name: API_TOKEN`` then
``value: <redacted:token>``, ``<add key="ClearTextPassword" value="<redacted:password>"/>``,
``variable "db_password" { default = "<redacted:password>" }``, ``auth=("svc", "<redacted:password>")``, ``curl --user app:<redacted:password>``, and every value
under ``data:`` of a Kubernetes ``kind: Secret`` (base64, whatever its key: ``kubernetes_secrets``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

from fedlearn.anonymize import (
    apart,
    assignments,
    checks,
    code_values,
    columns,
    configfiles,
    debugger_prints,
    evaluated,
    factors,
    hl7,
    key_names,
    keymaterial,
    kubernetes_secrets,
    notices,
    number_columns,
    pair_rows,
    paired_ids,
    params,
    prompt_defaults,
    references,
    stored,
    stored_values,
    tabbed,
    unset,
    userinfo,
    value_spans,
    words,
)
from fedlearn.anonymize.assignments import GATE_WORDS
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import MAX_VALUE, Lazy, Matcher, Rule, Trigger

KEY = r"(?P<key>[A-Za-z0-9_.-]{1,80})"
# A key's quoted value: up to ``MAX_VALUE`` (Aiven's tokens are 372 characters).
QUOTED = rf"(?P<q>[\"'])(?P<value>[^\"'\n\\]{{1,{MAX_VALUE}}})(?P=q)"
PAIRS = (
    # A call or tuple with the key name first: setProperty("X_TOKEN", "…"), Setenv, putenv, put;
    # a SQL parameter's marker (``AddWithValue("@password", "…")``); Rust's ``"K".into()``.
    rf"[\"'][@:]?{KEY}[\"'](?:\.(?:into|to_string|to_owned)\(\))?[ \t]*,[ \t]*{QUOTED}",
    # XML: <add key="Password" value="…"/>, <param name="token" value="…"/>; a call's named
    # arguments or an object's members: ``kv.put(key="password", value="…")``, AWS SSM's
    # ``{ Name: "/app/db_password", Value: "…" }`` (a parameter's path: its last part keys it),
    # a typed value's name (Databricks' ``secrets.put(key="db_pass", string_value="…")``).
    rf"(?:key|name|Key|Name)[ \t]*[=:][ \t]*[\"']/?(?:[A-Za-z0-9_.-]{{1,80}}/){{0,8}}{KEY}[\"']"
    rf"(?:[ \t]*,[ \t]*|[ \t]+)(?:[a-z]{{1,12}}_)?(?:value|Value)[ \t]*[=:][ \t]*{QUOTED}",
    # YAML and JSON: name: API_TOKEN, then value: … (Kubernetes env, Helm values, task defs).
    rf"[\"']?name[\"']?[ \t]*:[ \t]*[\"']?{KEY}[\"']?[ \t]*,?[ \t]*\n?[ \t]*-?[ \t]*"
    rf"[\"']?value[\"']?[ \t]*:[ \t]*(?:{QUOTED}|(?P<bare>[^\s\"'{{\[][^\s\"',}}]*))",
)
# Terraform/HCL: variable "db_password" { … default = "…" } (the block's label is the key).
HCL_VARIABLE = rf"variable[ \t]+\"{KEY}\"[ \t]*\{{[^{{}}]{{0,400}}?\bdefault[ \t]*=[ \t]*{QUOTED}"
# reqwest's ``.basic_auth("u", Some("…"))`` wraps the password in an ``Option``; MongoDB's
# ``db.changeUserPassword("u", "…")``, Python keyring's ``set_password("service", "u", "…")``.
CREDENTIAL_CALL = (
    r"(?:auth[ \t]*=[ \t]*\(?|Auth\(|basic_auth\(|Credential\(|login\(|changeUserPassword\("
    r"|set_password\([ \t]*[\"'][^\"'\n]{1,64}[\"'][ \t]*,)[ \t]*"
    r"[\"'][^\"'\n]{1,64}[\"'][ \t]*,[ \t]*(?:Some\([ \t]*)?" + QUOTED
)
CURL_USER = (
    r"(?:-[uU]|--user|--proxy-user)(?:[ \t]+|=)"
    r"(?:(?P<q>[\"'])[^\"'\s:]*:(?P<value>[^\"'\n]+)(?P=q)|[^\s\"':]*:(?P<bare>[^\s\"'`;&|]+))"
)
LDAP_BIND = (
    r"ldap[a-z]*\b[^\n|;&]{0,300}?[ \t]-w[ \t]*"
    r"(?:(?P<q>[\"'])(?P<value>[^\"'\n]+)(?P=q)|(?P<bare>[^\s\"'`;&|]+))"
)
COMMAND_START = Lazy(r"(?:^|[\n;&|(`]|\$\()[ \t]*(?:sudo[ \t]+)?curl\b(?:[^\n]|\\\n)*\Z")
# Passwords given as a command's plain argument: .netrc lines, PowerShell, htpasswd -b.
ARGUMENTS = (
    # Bundler credentials for a gem host: BUNDLE_GEMS__EXAMPLE__COM=user:password or a token.
    r"BUNDLE_[A-Z0-9_]*__[A-Z0-9_]+[\"']?[ \t]*[=:][ \t]*[\"']?(?P<value>[^\s\"'`;&|]+)",
    r"machine[ \t]+\S+(?:[ \t\n]+login[ \t]+\S+)?[ \t\n]+password[ \t]+(?P<value>[^\s\"']+)",
    r"ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(?P<q>[\"'])(?P<value>[^\"'\n]+)(?P=q)",
    r"htpasswd[ \t]+-[a-zA-Z]*b[a-zA-Z]*[ \t]+(?:-[a-zA-Z]+[ \t]+)*\S+[ \t]+[^\s-]\S*[ \t]+(?P<value>[^\s\"'`;&|]+)",
)
# A string's closing quote and the colon that makes it an object's key, not a value.
MEMBER_COLON = Lazy(r"[\"'][ \t]*:(?!:)")


def paired(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value paired with a key that names a secret, or None."""
    key = match.group("key")
    name = key_names.classify_key(key)
    group = "value" if match.group("value") is not None else "bare"
    if name is None or match.group(group) is None:
        return None
    start, end = match.span(group)
    if name == "authorization":
        start, end = value_spans.scheme_skipped(text, start, end)
    if not key_names.is_secret_value(name, key, text[start:end]):
        return None
    return start, end, name


def pair(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return ``paired`` of ``"KEY", "…"`` unless the second string is no value of the first: the
    next member's key (``{"error": "bad_password", "error_code": 7}``) or the next name in a list
    of key names (``['api_key', 'password', 'cookie']``).
    """
    if MEMBER_COLON.compiled.match(text, match.end("value")) or is_name_list(match, text):
        return None
    if code_values.is_word_list(text, match.start("key"), match.group("value"), match.end("value")):
        return None  # keywords: ``'pass', 'raise', 'nonlocal',``
    return paired(match, text)


PAIR = Lazy(PAIRS[0])


def pairs(subject: str) -> Iterator[re.Match[str]]:
    """
    Yield each ``"KEY", "…"`` pair; after a pair whose value is an option, the next is tried from
    that option's quote: in an argument list it is the key of the next pair (``['psql',
    '--password', 'V']``), while a list of names (``('username', 'password', 'email')``) is not.
    """
    match = PAIR.compiled.search(subject)
    while match is not None:
        yield match
        option = match.group("value").startswith("-")
        if not option and is_section_key(match):
            # ``cfg.set("section", "api_key", "…")``, ``hset("creds", "password", "…")``: the second
            # string keys the third, which
            # must look generated (a tuple of names goes on: ``("user", "password", "host")``).
            following = PAIR.compiled.match(subject, match.start("q"))
            if following is not None and is_quoted_secret(following):
                yield following
        match = PAIR.compiled.search(subject, match.start("q") if option else match.end())


def is_section_key(match: re.Match[str]) -> bool:
    """
    Return whether a pair's second string names a secret (a section's or hash's key:
    ``cfg.set("section", "api_key", …)``, ``redis.hset("creds", "password", …)``).
    """
    return key_names.classify_key(match.group("value")) is not None


def is_quoted_secret(match: re.Match[str]) -> bool:
    """Return whether a pair's value looks generated (``checks.looks_random``), no name."""
    value = match.group("value")
    return checks.looks_random(value, minimum=8) and not words.is_named(value)


def is_name_list(match: re.Match[str], text: str) -> bool:
    """
    Return whether a pair's strings are items of a ``[…]`` list of three or more key names
    (``REDACT = ["token", "set-cookie", "secret"]``): the second is a key word itself (its last
    part: ``cookie`` of ``set-cookie``), no value. Not an option and its argument
    (``["--password", "…"]``) nor a tuple or call (``("password", "…")``).
    """
    key, value = match.group("key"), match.group("value")
    if key.startswith("-") or value.lower().rpartition("-")[2].rpartition("_")[2] not in GATE_WORDS:
        return False
    line = line_start(text, match.start())
    opener = max(text.rfind(bracket, line, match.start()) for bracket in "[]()")
    if opener < 0 or text[opener] != "[":
        return False
    more = text[opener + 1 : match.start()].strip() or text[match.end() :].lstrip()[:1] == ","
    return bool(more)


def credential(match: re.Match[str], text: str) -> bool:
    """Return whether the second string of an auth tuple or call is a literal password."""
    value = match.group("value")
    return len(value) >= 4 and not references.is_reference(value)  # base64 may start with ``/``


def bind_password(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the literal password of an LDAP tool's ``-w``, or None."""
    group = "value" if match.group("value") is not None else "bare"
    value = match.group(group)
    if not checks.is_literal(value):
        return None
    return match.start(group), match.end(group), "password"


def curl_user(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the password of ``-u user:password`` when the option belongs to a curl command."""
    group = "value" if match.group("value") is not None else "bare"
    value = match.group(group)
    if len(value) < 3 or checks.is_reference(value) or value.isdigit():
        return None
    if value.endswith(">") and "<" in text[match.start() : match.start(group)]:
        return None  # a placeholder for the pair (``-u <user:password>``)
    if COMMAND_START.search(text, max(0, match.start() - 2000), match.start()) is None:
        return None
    start, end = match.span(group)
    return start, end, "password"


def encoded_private_key(match: re.Match[str], text: str) -> bool:
    """Return whether base64 that starts ``-----BEGIN`` holds a private key (not a certificate)."""
    head = match.group()[:64]
    try:
        decoded = base64.b64decode(head[: len(head) // 4 * 4])
    except (binascii.Error, ValueError):
        return False
    return b"PRIVATE KEY" in decoded


def formed() -> list[Rule]:
    """Return the rules for secrets known by the form around them (key material, config files too)."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PAIRS[0]), find=pairs, judge=pair),),
            trigger=Trigger(words=assignments.NAMED_KEY_WORDS, lower=True, needs=","),
            gate=r"[\"'](?:\.(?:into|to_string|to_owned)\(\))?[ \t]*,[ \t]*[\"']",
        ),
        Rule(
            key_names.NAMES,
            tuple(Matcher(Lazy(pattern), judge=paired) for pattern in PAIRS[1:]),
            trigger=Trigger(words=assignments.NAMED_KEY_WORDS, lower=True, needs="value"),
            gate=r"(?i)value[\"']?[ \t]*[=:]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(HCL_VARIABLE), judge=paired),),
            trigger=Trigger(words=assignments.NAMED_KEY_WORDS, lower=True, needs="variable"),
            gate=r"variable[ \t]+\"[^\"\n]*\"[ \t]*\{",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(CREDENTIAL_CALL), credential),),
            trigger=Trigger(
                words=("auth", "credential(", "login(", "changeuserpassword(", "set_password("),
                lower=True,
            ),
            gate=(
                r"auth[ \t]*=[ \t]*\(?[ \t]*[\"']|Auth\(|basic_auth\(|Credential\(|login\("
                r"|changeUserPassword\(|set_password\("
            ),
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(CURL_USER), judge=curl_user),),
            trigger=Trigger(words=("-u",), lower=True, needs="curl"),
            gate=r"-[uU]",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(LDAP_BIND), judge=bind_password),),
            trigger=Trigger(words=("ldap",), lower=True, needs="-w"),
            gate=r"ldap[a-z]*[^\n|;&]*[ \t]-w",
        ),
        Rule(
            ("password",),
            tuple(Matcher(Lazy(pattern), credential) for pattern in ARGUMENTS),
            trigger=Trigger(words=("password", "securestring", "htpasswd", "bundle_"), lower=True),
            gate=r"machine|ConvertTo-SecureString|htpasswd|BUNDLE_",
        ),
        Rule(
            ("private-key",),
            (Matcher(Lazy(r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}"), encoded_private_key),),
            trigger=Trigger(words=("LS0tLS1CRUdJTi",)),
            gate=r"LS0tLS1CRUdJTi",
        ),
        *kubernetes_secrets.rules(),
        *keymaterial.rules(),
        *configfiles.rules(),
        *stored.rules(),
        *stored_values.rules(),  # ``redis-cli SET api_key V``, ``etcdctl put /c/db_password V``
        *apart.rules(),
        *evaluated.rules(),
        *debugger_prints.rules(),  # ``(Pdb) p api_key`` / ``'V'``, ``(gdb) p password`` / ``$1 = "V"``
        *params.rules(),
        *tabbed.rules(),
        *userinfo.rules(),
        *prompt_defaults.rules(),  # ``AWS Secret Access Key [None]: V``
        *unset.rules(),
        *factors.rules(),
        *columns.rules(),
        *number_columns.rules(),
        *columns.secret_rules(),
        *pair_rows.rules(),
        *hl7.rules(),
        *notices.rules(),
        *paired_ids.rules(),
    ]
