"""A credential among a JSON-RPC call's positional params (DESIGN.md guarantee 1; from ``bench/contexts31``).

``{"method": "session.open", "params": ["acme", "V"]}`` names no key for ``V``: the call's
method does. In a call (``"method"`` and a ``"params"`` array in one object, either first) whose
method names signing in (``login``, ``logon``, ``signIn``, ``auth…``, ``unlock…``, a session's
``open``/``create``/``start``/``new``/``begin``, ``openSession``) or setting a credential
(``setToken``, ``add_api_key``, ``changePassword``, ``walletpassphrase``), each string param is
judged as a value under ``token`` (a name a person chose, ``acme``, stays; a drawn value goes).
(A param that names a secret before its value, ``["api_key", "V"]``, is ``forms``' quoted pair.)
An account's or contract's ``0x…`` hex (Ethereum's ``personal_unlockAccount``), a URL or an address stays, as do
the params of calls that name none of this (``getTokenSupply``' mint address,
``eth_getTransactionReceipt``' hash).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names, references
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match

# A ``params`` array with no array or object inside (positional params of scalars).
PARAMS = Lazy(r"[\"']params[\"'][ \t]*:[ \t\r\n]*\[(?P<items>[^\[\]{}]{0,4000})\]")
METHOD = r"[\"']method[\"'][ \t]*:[ \t]*[\"'](?P<method>[^\"'\\\n]{1,120})[\"']"
# The method of the call: before the params with no brace between, or after them.
METHOD_BEFORE = Lazy(METHOD + r"[^{}]{0,400}\Z")
METHOD_AFTER = Lazy(r"[^{}]{0,400}?" + METHOD)
ITEM = Lazy(r"\"(?P<d>[^\"\\\n]{0,1000})\"|'(?P<s>[^'\\\n]{0,1000})'")
# What a method that signs in or sets a credential says (on its lower-case name).
SIGNING_IN = Lazy(
    r"log_?[io]n|sign_?[io]n|auth(?!or)|unlock|passw|passphrase|credential"
    r"|session[._/-]?(?:open|create|start|new|begin|init)|(?:open|create|start|new|begin)_?session"
    r"|(?:set|put|add|update|store|save|use|register|change|rotate)_?"
    r"(?:api_?|access_?|auth_?|secret_?|private_?|client_?)?(?:token|key|secret)"
)
PUBLIC = Lazy(r"0x[0-9a-fA-F]+|[^\s@]+@[^\s@]+\.\w+|\w+://\S*")


def calls(subject: str) -> Iterator[re.Match[str]]:
    """Yield a span match for each string param of a call whose method signs in or sets a
    credential, when the param reads as a credential (see the module's docstring)."""
    for found in PARAMS.finditer(subject):
        before = METHOD_BEFORE.search(subject, max(0, found.start() - 520), found.start())
        if before is None:
            before = METHOD_AFTER.match(subject, found.end())
        method = before.group("method") if before is not None else ""
        if SIGNING_IN.search(method.lower()) is None:
            continue
        base = found.start("items")
        for item in ITEM.finditer(found.group("items")):
            group = "d" if item.group("d") is not None else "s"
            if is_credential(item.group(group)):
                yield span_match(subject, base + item.start(group), base + item.end(group))


def is_credential(value: str) -> bool:
    """Return whether a param of a signing-in call reads as a credential drawn for it."""
    if PUBLIC.fullmatch(value) or references.is_reference(value):
        return False
    return key_names.is_secret_value("token", "token", value)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a param ``calls`` found, as a token."""
    return match.start(), match.end(), "token"


def rules() -> list[Rule]:
    """Return the rule for a credential among a JSON-RPC call's positional params."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PARAMS.pattern), find=calls, judge=judge),),
            trigger=Trigger(words=("params",)),
            gate=r"[\"']params[\"'][ \t]*:[ \t\r\n]*\[",
        )
    ]
