"""Secrets inside base64 of text (DESIGN.md guarantee 1): ``{"data": "eyJ0b2tlbiI6…"}``.

A run of 20 or more base64 (or base64url) characters that decodes to UTF-8 text in which the
anonymizer finds a secret, or to ``user:password``, is redacted whole, as
``<redacted:encoded-secret>``: a JSON object inside a JSON field, an env file in a config map, a
docker ``auth`` or HTTP Basic blob. The anonymizer's own
rules judge the decoded text (``Decoder.finds``, set by the ``Anonymizer``), so whatever they know
they know under base64 too, one level deep: base64 inside the decoded text is not decoded again.

The same holds for a form or query value that URL-encodes text of its own (a command line, an
INI section, a nested form: ``cmd=cqlsh%20db%209042%20-p%20%27…%27``, ``odbc_ini=%5Bdsn%5D%0APWD%3D…``):
a value after ``=`` with an encoded blank, line break, quote or ``=`` in it is decoded (``+`` is a
blank) and, when the rules find a secret in the decoded text, redacted whole.

Cheap tests turn nearly every run away before a decode: a length base64 can have, one alphabet,
and the first character of every 4-character group in ``A-Za-f`` (the top bit of each third byte
clear: what ASCII text gives; random tokens, hashes and paths fail it within a few groups). Only
runs that pass are decoded, and only text that decodes as printable UTF-8 is scanned. Base64 of
``-----BEGIN`` (``LS0tLS1CRUdJTi…``) and Kubernetes Secret values have their own rules (``forms``).
"""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from collections.abc import Callable, Iterator

from fedlearn.anonymize import checks, probe, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Runs, Trigger, secret

# A run is ``probe.LONG_RUN`` base64 characters or more, found on ``probe.base64_runs``' map.
MINIMUM = len(probe.LONG_RUN)
MAXIMUM = 16 * 1024
# The character a 4-character group starts with when its first byte is ASCII (below 0x80).
HEADS = Lazy(r"[A-Za-f]*")
HEAD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef")
# What the run is matched as (the finder matches it where the byte map found it).
BLOB = Lazy(r"[A-Za-z0-9+/_-]+={0,2}")
# Decoded ``user:password``: a user name with a letter, then no blank; not ``https://…``.
USER_PASSWORD = Lazy(r"(?=[^:]*[A-Za-z])[A-Za-z0-9._@+-]{1,64}:(?!//)(?P<password>\S{8,})")
# A form or query value holding URL-encoded text: after ``=``, up to ``&``, a blank or a quote,
# with an encoded line break, blank, quote or ``=`` (``%0A``, ``%0D``, ``%20``, ``%22``, ``%27``,
# ``%3D``) after no raw ``=``.
FORM_VALUE = Lazy(r"(?<==)[^&\s\"'<>=]*%(?:0[AaDd]|2[027]|3[Dd])[^&\s\"'<>]*")
# Decoded text: printable, or these blanks.
BLANKS = str.maketrans("", "", "\n\r\t")


class Decoder:
    """
    The rule's link to the anonymizer that owns it: ``finds`` tells whether a text holds a
    secret (None: nothing is decoded, as for ``builtin_rule_names``). While it runs, the rule
    finds nothing (decoded text is not decoded again).
    """

    def __init__(self) -> None:
        self.finds: Callable[[str], bool] | None = None
        self._busy = False

    def holds_secret(self, text: str) -> bool:
        """Return whether ``finds`` finds a secret in ``text`` (False inside another decode)."""
        if self.finds is None or self._busy:
            return False
        self._busy = True
        try:
            return self.finds(text)
        finally:
            self._busy = False

    def judge(self, match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        """Return the span of a base64 run whose decoded text holds a secret, or None."""
        plain = decoded(match.group())
        if plain is None or not (is_user_password(plain) or self.holds_secret(plain)):
            return None
        return match.start(), match.end(), ""

    def form_judge(self, match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        """Return the span of a URL-encoded form value whose decoded text holds a secret."""
        plain = urllib.parse.unquote_plus(match.group())
        if not self.holds_secret(plain):
            return None
        return match.start(), match.end(), ""


def is_user_password(plain: str) -> bool:
    """
    Return whether decoded text is ``user:password`` (HTTP Basic, a docker config's ``auth``): a
    user name with a letter, a colon, and 8 or more characters, not a URL's ``//``, that look
    generated (not words or a version).
    """
    found = USER_PASSWORD.fullmatch(plain)
    if found is None:
        return False
    password = found.group("password")
    return checks.looks_random(password, minimum=8) and not words.is_named(password)


def candidates(subject: str) -> Iterator[re.Match[str]]:
    """
    Return the base64 runs of ``subject`` that could be base64 of text (``could_be_text``).

    A run is a maximal run of base64 characters of ``MINIMUM`` to ``MAXIMUM``, with up to two
    ``=`` after it, found on the mapped UTF-8 at memory speed; a run whose first character cannot
    start a group of text (a path's ``/``, a hash's digit) costs one lookup.
    """
    if len(subject) < MINIMUM:
        return iter(())
    data, spans, _ = probe.long_runs(subject)  # ``entropy``'s runs read them just before
    if not spans:
        return iter(())
    return runs(subject, data, spans)


def runs(subject: str, data: bytes, spans: tuple[tuple[int, int], ...]) -> Iterator[re.Match[str]]:
    """Yield the runs ``candidates`` returns, of the long runs at byte ``spans``."""
    for first, stop in spans:
        if is_text_run(data, first, stop):
            # Base64 characters are ASCII: the run's character offset is that of its first byte.
            at = (
                first
                if len(data) == len(subject)
                else len(data[:first].decode("utf-8", "surrogatepass"))
            )
            blob = BLOB.match(subject, at)
            if blob is not None:
                yield blob


def is_text_run(data: bytes, first: int, stop: int) -> bool:
    """Return whether the long run at bytes ``first``…``stop`` of ``data`` can be base64 of text:
    its first character a group's head (one lookup: a path's ``/``, a hash's digit), then
    ``could_be_text``."""
    return data[first] in HEAD_BYTES and could_be_text(data[first:stop].decode("ascii"))


def has_text_run(found: Runs) -> bool:
    """Return whether a text's long runs hold one that can be base64 of text (``is_text_run``):
    what ``candidates`` needs to find anything."""
    data, spans, _ = found
    return any(is_text_run(data, first, stop) for first, stop in spans)


def could_be_text(run: str) -> bool:
    """
    Return whether a run of base64 characters can be base64 of ASCII-led text: a possible length,
    one alphabet, and every group's first character in ``A-Za-f`` (cheap, before any decode).
    """
    size = len(run)
    if size < MINIMUM or size > MAXIMUM or size % 4 == 1:
        return False
    if ("+" in run or "/" in run) and ("-" in run or "_" in run):
        return False
    return HEADS.fullmatch(run[::4]) is not None


def decoded(blob: str) -> str | None:
    """Return the text a base64 or base64url ``blob`` decodes to, or None if it is no text."""
    body = blob.rstrip("=")
    if len(blob) - len(body) and len(blob) % 4:
        return None  # padded to a length base64 never has
    altchars = b"-_" if "-" in body or "_" in body else None
    try:
        raw = base64.b64decode(body + "=" * (-len(body) % 4), altchars=altchars, validate=True)
        plain = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return plain if plain.translate(BLANKS).isprintable() else None


def rules(decoder: Decoder) -> list[Rule]:
    """Return the rules for secrets inside base64 of text and inside a URL-encoded form value,
    judged through ``decoder``."""
    return [
        secret(
            "encoded-secret",
            Matcher(Lazy(BLOB.pattern), find=candidates, judge=decoder.judge),
            # No gate or trigger: a run of 20 has no literal; ``candidates`` looks for one on the
            # byte map first, which costs less than either would.
            gate=None,
            trigger=None,
            long_run=has_text_run,  # ``candidates`` finds such runs only
        ),
        secret(
            "encoded-secret",
            Matcher(Lazy(FORM_VALUE.pattern), judge=decoder.form_judge),
            # The encoded character alone: a run from each ``=`` kept a thread alive over every
            # query value, and the vendors' counted runs inside it multiplied (bench/README.md).
            gate=r"%(?:0[AaDd]|2[027]|3[Dd])",
            trigger=Trigger(
                words=("%0a", "%0d", "%20", "%22", "%27", "%3d"), lower=True, needs="="
            ),
        ),
    ]
