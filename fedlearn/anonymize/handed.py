"""A value handed over on a line of its own after ``here:`` (DESIGN.md guarantee 1).

People paste a credential into a chat with ``here: V``, ``here you go: V``, ``here it is: V``
or ``here's my Acme key: V``, the value ending the line (a line break, JSON's ``\\n`` escape, the
string's closing quote or the text's end). ``here`` starts the line (or a JSON string). Two ways:

- with no secret's word before the colon (``here:``, ``here you go:``), the value must read as
  drawn (``checks.looks_random``, 12 or more; mixed cases as no camelCase name does:
  ``checks.is_generated_name``; no ``:``)
  and be no hash, UUID or API object's id, with digits or mixed cases in it (``here: pytest-xdist``
  stays): a pasted commit (``here: <sha1>``), a request id or
  a ``chatcmpl-…`` stays;
- with a secret's word (``here is your key:``, ``here's the token for staging:``), hex of 16 or
  more and a UUID count too, as after ``<owner>_key=``; not when a word says what else it is
  (``here's the key id:``, ``here is the cache key:``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, entropy, framed, key_names, public_objects
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

HANDED = Lazy(
    r"here(?:'s|\u2019s| is| it is| you go| you are| are)?"
    r"(?P<gap>(?:[ \t]{1,4}[a-z0-9_.()'-]{1,24}){0,5}?)[ \t]*:[ \t]{1,4}"
    r"(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>\\]{8,200}?)(?P=q)[ \t]*(?=\r?\n|\\[nr]|\"|\Z)"
)
SECRET_WORDS = frozenset(
    {
        "key",
        "apikey",
        "api-key",
        "token",
        "password",
        "passwd",
        "passphrase",
        "secret",
        "credential",
        "credentials",
        "pat",
    }
)


def handed_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``HANDED`` match in the lower-case text where ``here`` starts a line."""
    at = subject.find("here")
    while at >= 0:
        before = at
        while before > 0 and subject[before - 1] in " \t":
            before -= 1
        if before == 0 or subject[before - 1] in "\n\"'>" or subject.startswith("\\n", before - 2):
            found = HANDED.compiled.match(subject, at)
            if found is not None:
                yield found
        at = subject.find("here", at + 4)


def handed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a value handed over after ``here:`` when it reads as a secret."""
    gap = [word.strip("()'") for word in match.group("gap").split()]
    named = bool(gap) and gap[-1] in SECRET_WORDS
    if gap and not named:
        return None  # ``here's the request id:``, ``here is the output:``: a value of another kind
    if named and len(gap) >= 2 and gap[-2] in key_names.DATA_OWNERS:
        return None  # ``here is the cache key:``
    value = text[match.start("value") : match.end("value")]
    if public_objects.is_object_id(value):
        return None  # ``chatcmpl-…``, ``req_…``: an API object's id
    counted = framed.UUID.compiled.fullmatch(value) or checks.is_hexadecimal(value)
    if counted:
        if not named or len(value.replace("-", "")) < 16:
            return None  # a commit, a request id: hex and UUIDs count only under a secret's word
        return match.start("value"), match.end("value"), "secret-value"
    if not named and (
        not checks.looks_random(value, minimum=12)
        or (value.lower() != value != value.upper() and not checks.is_generated_name(value))
        or entropy.is_labelled(value)
        or ":" in value
    ):
        return None  # a name, a model, a labelled hash (``getUserById2``, ``llama3.1:8b``)
    if not any(c.isdigit() for c in value) and value.lower() == value:
        return None  # a name (``here: pytest-xdist``): a draw mixes digits or cases
    return framed.judged_value(match, text)


def rules() -> list[Rule]:
    """Return the rule for a value handed over after ``here:``."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(HANDED.pattern), find=handed_values, judge=handed),),
            trigger=Trigger(words=("here",), lower=True),
            lower=True,
            gate=r"(?i)here[^\n]*:[ \t]",
        ),
    ]
