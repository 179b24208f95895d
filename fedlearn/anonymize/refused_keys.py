"""A key an authentication failure names as refused (DESIGN.md guarantee 1).

``framed``'s refused values (``invalid api key: V``) take a secret's name, and a bare ``key``
only drawn and 16 or more long (``secret_words.INTRODUCED``): a bare key names data as often
(``KeyError: invalid key 'user_id'``). On a line that reports an authentication failure
(``401``, ``403``, ``unauthorized``, ``forbidden``) or says the credentials were refused
(``invalid credentials for key``), the refused key is a credential: ``401 Unauthorized: invalid
key 'V'``, ``auth: invalid credentials for key "V"``. A value of 16 or more is hex, a UUID or
drawn, with letters and digits; providers issue shorter ones too (Mockaroo's 8 letters and
digits): 8 to 15 letters and digits (a password's symbols ``!@#$%^&*`` too), both kinds, half
of them distinct or more, not counted (``abcd1234``), no word among its letters (``Password1``,
``region1a``). A key named right after ``for`` (``auth failed (401) for key V``) counts only where
a refusal stands before it on the line (``REFUSED_BEFORE``): ``for key`` alone names data too.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, framed, key_shapes, words
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

VERBS = ("invalid", "incorrect", "unknown", "expired", "revoked", "rejected", "wrong", "bad")
REFUSED_KEY = Lazy(
    rf"(?<![a-z0-9_])(?:(?:{'|'.join(VERBS)}) {{1,4}}(?P<credentials>credentials? {{1,4}}for {{1,4}})?"
    r"|(?P<for>for ))"
    r"(?:api[ _-]?)?key {0,4}:? {0,4}(?P<q>['\"`]?)(?P<value>[a-z0-9_!@#$%^&*-]{8,64})(?P=q)"
    r"(?![a-z0-9_./:-])"
)
LETTERS = Lazy(r"[a-z]{4,}")
# Before ``for key V`` on its line: an authentication failure (``401``, ``forbidden``), a refusal
# (``denied``, ``rejected``) or a failed authentication (``auth failed``, ``login failure``).
REFUSED_BEFORE = Lazy(
    framed.AUTH_FAILED.pattern  # ``401``, ``403``, ``unauthorized``, ``forbidden``
    + r"|\b(?:denied|refused|rejected)\b"
    + r"|\b(?:auth[a-z]*|log ?in|sign ?in) (?:failed|failure|error)\b"
)

# How far before ``for key`` its line is read for a refusal: one stands near the key it refuses,
# and the whole line read for each ``for key`` on it made a long line quadratic.
REFUSAL_WINDOW = 1000


def refused_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a short key an authentication failure refuses, or None."""
    if match.group("for") is not None:
        start = max(line_start(text, match.start()), match.start() - REFUSAL_WINDOW)
        line = text[start : match.start()].lower()
        if REFUSED_BEFORE.compiled.search(line) is None:
            return None  # ``no entry for key 'kq4wzt7p'``: a key of data
    elif match.group("credentials") is None and not framed.auth_failed(match, text):
        return None  # ``KeyError: invalid key 'user_id'``: a key of data
    value = text[match.start("value") : match.end("value")]
    if len(value) >= 16:
        hexadecimal = checks.is_hexadecimal(value)  # hashes and UUIDs
        if not (hexadecimal or checks.looks_random(value, minimum=16)) or words.is_named(value):
            return None
        if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
            return None
        return match.start("value"), match.end("value"), "secret-value"
    if "-" in value:
        return None
    letters = sum(c.isalpha() for c in value)
    digits = sum(c.isdigit() for c in value)
    if not letters or not digits or len(set(value)) < len(value) // 2 + 1:
        return None
    drawn = "".join(c for c in value.lower() if c.isalnum())
    if key_shapes.is_counted(drawn, 36) or any(
        map(words.is_wordy, LETTERS.compiled.findall(drawn))
    ):
        return None  # ``abcd1234``, ``Password1``, ``region1a``
    return match.start("value"), match.end("value"), "secret-value"


def rules() -> list[Rule]:
    """Return the rule for a short key an authentication failure refuses."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(REFUSED_KEY.pattern), judge=refused_key),),
            trigger=Trigger(
                words=(*(f"{verb} " for verb in VERBS), "for key", "for api"), lower=True
            ),
            lower=True,
            gate=rf"(?i)(?:{'|'.join(VERBS)})[ \t][^\n]*key|for (?:api[ _-]?)?key",
        ),
    ]
