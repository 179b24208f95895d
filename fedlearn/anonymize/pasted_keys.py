"""A value a message says was refused, is the writer's own, or hands over as ``key:``.

DESIGN.md guarantee 1. Three forms of chats and reports that name no variable:

- a code span a refusal takes as its object on a line reporting an authentication failure
  (``framed.AUTH_FAILED``: ``401``, ``403``, ``unauthorized``, ``forbidden``): ``The upstream
  rejected `V` with 403``, ``the proxy refused `V` (401)``; ``rejected `main` with 403`` and a
  refusal with no failure on its line (``git rejected `a1b2…```) stay;
- the writer's own value after ``what I have:``, ``what I'm using:``, ``what I use:``, ``what I
  got:``, ``what I entered:``, ``what I pasted:``, the value ending its clause (the line, the
  string, `` (`` or a sentence's end): ``this is what I have: V (copied from the dashboard)``;
- a bare ``key:`` opening a sentence after another on its line, the value ending the line or
  the string: ``can you set this up for me? key: V``. YAML's ``key:`` starts its line and a
  ``cache key:`` has a word before it: neither is read here.

A value of 16 hex digits or more, or a UUID, counts on a line reporting an authentication failure
(a refused or the writer's own one) or after the bare ``key:`` (a commit or a request id has its
own word); anything else as ``framed``'s told values (``framed.judged_value``: generated or chosen,
no name, path or URL), an API object's id (``chatcmpl-…``) never.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, framed, public_objects, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

PARTS = Lazy(r"[-_.]")
REFUSALS = ("rejected", "refused", "denied", "revoked")
REJECTED = Lazy(rf"(?<![a-z])(?:{'|'.join(REFUSALS)}) {{1,4}}`(?P<value>[^`\s]{{12,200}})`")
# The end of a clause: the line, a JSON string, an aside in parentheses, a sentence.
CLAUSE_END = r"(?=[ \t]*(?:\(|\r?\n|\\[nr]|\"|\Z)|[.,;!?](?:[ \t]|\r?\n|\\[nr]|\"|\Z))"
OWN = Lazy(
    r"(?<![a-z])what i(?: have| got| use| am using|'m using|\u2019m using| entered| pasted)"
    r" {0,4}: {1,4}(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>\\]{12,200}?)(?P=q)" + CLAUSE_END
)
BARE_KEY = Lazy(
    r"(?<=[.?!] )key: {1,4}(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>\\]{12,200}?)(?P=q)"
    r"[ \t]*(?=\r?\n|\\[nr]|\"|\Z)"
)


def _judged(match: re.Match[str], text: str, hexadecimal: bool) -> tuple[int, int, str] | None:
    """Return the span of the value when it reads as a credential (hex only if ``hexadecimal``)."""
    value = text[match.start("value") : match.end("value")]
    if public_objects.is_object_id(value):
        return None  # ``chatcmpl-…``, ``req_…``: an API object's id
    if checks.is_hexadecimal(value):  # hashes and UUIDs
        if not hexadecimal or len(value.replace("-", "")) < 16:
            return None
        return match.start("value"), match.end("value"), "secret-value"
    if value.lower() == value and not any(c.isdigit() for c in value):
        return None  # a name (``pytest-xdist-plugin``): a draw mixes digits or cases
    if value.lower() != value != value.upper() and not checks.is_generated_name(value):
        return None  # a camelCase name (``getUserById2``)
    if (
        sum(1 for part in PARTS.compiled.split(value) if part.isalpha() and words.is_wordy(part))
        > 1
    ):
        return None  # a cache key of words (``Linux-node-20-3f2a…``); a prefix (``auth_…``) is one
    return framed.judged_value(match, text)


def rejected(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a code span an authentication failure's line says was refused."""
    return _judged(match, text, True) if framed.auth_failed(match, text) else None


def own(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the value the writer says is theirs, hex only beside a failure."""
    return _judged(match, text, framed.auth_failed(match, text))


def bare_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the value a sentence of its own hands over as ``key:``."""
    return _judged(match, text, True)


def rules() -> list[Rule]:
    """Return the rules for refused, own and bare-``key:`` values in messages."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(REJECTED.pattern), judge=rejected),),
            trigger=Trigger(words=tuple(f"{verb} " for verb in REFUSALS), lower=True, needs="`"),
            lower=True,
            gate=rf"(?i)(?:{'|'.join(REFUSALS)})[ \t]+`",
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(OWN.pattern), judge=own),),
            trigger=Trigger(words=("what i",), lower=True, needs=":"),
            lower=True,
            gate=r"(?i)what i[^\n]*:[ \t]",
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(BARE_KEY.pattern), judge=bare_key),),
            trigger=Trigger(words=(". key:", "? key:", "! key:"), lower=True),
            lower=True,
            gate=r"(?i)[.?!] key:",
        ),
    ]
