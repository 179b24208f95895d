"""Secrets known by their look (DESIGN.md guarantee 1): long generated tokens, values after key words.

A token no rule knows the shape of is still redacted when it reads as generated: 30 or more
letters, digits, ``_`` and ``-`` (20 or more when quoted or assigned) with upper and lower case
and digits mixed the way random text mixes them (``words.is_wordy`` tells names apart), unless
it is marked as a hash (``sha256-``, ``h1:``). In prose, a value right after a secret word
(``the API key is 0f3c…``) counts when it is long, has letters and digits and is no name, path
or version.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import checks, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

TOKEN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
DIGIT_WORDS = tuple("0123456789")
# Punctuation that ends a run of token characters, as blanks (for a quick longest-word test).
BREAKS = str.maketrans(dict.fromkeys(".,:;=/\\\"'`()[]{}<>@+*!?&|#$%^~", " "))
# A run of token characters: found from the character before it (one try per separator).
RUN = r"[^A-Za-z0-9_-](?P<value>[A-Za-z0-9_-]{20,})"
START = r"[A-Za-z0-9_-]{20,}"
# A run this long counts anywhere; a shorter one (20 or more) only as a quoted or assigned value.
ANYWHERE = 30
# What marks a run as a hash or a name: ``sha256-…`` ``h1:…`` ``/nix/store/…`` ``@sha256:``.
HASH_MARK = Lazy(
    r"(?:sha(?:1|224|256|384|512)[-:~]|md5[-:]|h1:|/nix/store/|base64,|integrity[\"']?:\s*[\"']?)\Z",
    re.I,
)
HEX_PART = Lazy(r"(?:^|(?<=[_-]))(?:[0-9a-f]{16,}|[0-9A-F]{16,})(?=[_-]|$)")
WORD_BEFORE = Lazy(r"[^\s\"'`=:,;(<>]*\Z")
LEAD_WORDS = (
    r"(?:token|secret|password|passwd|passphrase|credential|api[ _-]?key|access[ _-]?key"
    r"|private[ _-]?key|auth[ _-]?key|license[ _-]?key|client[ _-]?secret)"
)
INTRODUCED = (
    LEAD_WORDS
    + r"s?\b(?P<gap>[^\n0-9<>@]{0,24}?)(?<![\w.-])(?P<value>[a-z0-9][a-z0-9_./+=-]{15,}[a-z0-9=])"
)


def long_words(pattern: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """Return a finder of ``pattern`` in texts that have a word of 16 characters or more."""

    def find(subject: str) -> Iterator[re.Match[str]]:
        if max(map(len, subject.split()), default=0) < 16:
            return iter(())
        return pattern.finditer(subject)

    return find


def runs(run: Lazy, start: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """Return a finder of the runs of 20 or more token characters (at the start, after others)."""

    def find(subject: str) -> Iterator[re.Match[str]]:
        if max(map(len, subject.translate(BREAKS).split()), default=0) < 20:
            return  # cheaper than the search, and the patterns stay uncompiled
        first = start.match(subject)
        if first is not None:
            yield first
        yield from run.finditer(subject)

    return find


def is_generated(value: str) -> bool:
    """Return whether a long run reads as a generated token, not a hash, name or identifier."""
    classes = checks.character_classes(value.replace("-", "").replace("_", ""))
    if classes < 3 or checks.is_hexadecimal(value) or value.startswith("LS0tLS1CRUdJTi"):
        return False  # base64 of ``-----BEGIN``: a private one is the private-key rule's
    if len(HEX_PART.compiled.sub("", value)) < 20:
        return False  # a name and a hash (``Linux-pip-<sha256>``)
    threshold = min(4.0, math.log2(len(value)) - 0.5)
    return checks.entropy(value) >= threshold and not words.is_wordy(value)


def bare(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a generated token standing alone, or None."""
    start, end = match.span("value") if "value" in match.re.groupindex else match.span()
    if end < len(text) and text[end] in "+/=":
        return None  # a piece of a base64 blob, not a token
    if start > 0 and text[start - 1] in "+/" and not in_url(text, start):
        return None
    if end - start < ANYWHERE and not is_value(text, start):
        return None
    if HASH_MARK.search(text, max(0, start - 16), start) or not is_generated(text[start:end]):
        return None
    return start, end, ""


def is_value(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is quoted or assigned (``"…``, ``=…``, ``: …``)."""
    before = text[max(0, start - 2) : start]
    return before[-1:] in ('"', "'", "`", "=", ":") or before in (": ", "= ")


def in_url(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is a path segment of a URL (``https://h/x/<run>``)."""
    if text[start - 1] != "/":
        return False
    before = WORD_BEFORE.search(text, max(0, start - 2048), start)
    return before is not None and "://" in before.group()


def introduced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value right after a secret word in prose when it reads as a secret, or None."""
    start, end = match.span("value")
    value = text[start:end]
    if end < len(text) and text[end] in TOKEN_CHARACTERS:
        return None
    if len(match.group("gap").split()) > 4 or checks.is_reference(value):
        return None
    if text.endswith(":", 0, match.start()) or any(len(part) < 8 for part in value.split(".")):
        return None  # a placeholder's name (``<redacted:url-credentials>``), a host or a file
    if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
        return None
    if HASH_MARK.search(text, max(0, start - 16), start) or words.is_named(value):
        return None
    if checks.is_hexadecimal(value) and len(value.replace("-", "")) < 32:
        return None
    return (start, end, "") if checks.looks_random(value, minimum=16) else None


def looks() -> list[Rule]:
    """Return the rules for secrets known by their look alone."""
    run, lead = Lazy(RUN), Lazy(INTRODUCED)
    return [
        secret(
            "secret-value",
            Matcher(lead, judge=introduced, find=long_words(lead)),
            gate="(?i)" + LEAD_WORDS,
            trigger=Trigger(words=("token", "secret", "pass", "credential", "key"), lower=True),
            lower=True,
        ),
        secret(
            "high-entropy",
            Matcher(run, find=runs(run, Lazy(START)), judge=bare),
            # No gate: a counted run in the RE2 set would multiply its states; ``runs`` looks
            # for a 30-character word first, which costs less than the search.
            gate=None,
            trigger=Trigger(words=DIGIT_WORDS),
        ),
    ]
