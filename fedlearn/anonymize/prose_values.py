"""Values prose says are secrets (``secret-value``), judged as ``framed`` judges a told value.

From ``bench/scanners16i``, a value a sentence says to use as a secret (``use V as the Lighthouse
token``: ``token``, ``key``, ``password``, ``secret``, ``credentials``, up to three words between;
not ``use <sha256> as the cache key``) or introduces by a secret's name after ``with``, ``using``
or ``via`` (``401 with token V``, ``using the admin password V``); from ``bench/fixtures24``, the
value a line reporting an authentication failure (``401``, ``403``, ``unauthorized``,
``forbidden``) says it is using, sending or passing, when it is a UUID or reads as drawn; from
``bench/telemetry27``, a value a sentence then names as a secret (``**V** is the token you set``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, framed, key_names, key_shapes
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

USED = Lazy(
    r"\buse {1,4}"
    + framed.TOLD_VALUE.replace("(?=[\\s,;)]|\\.(?:\\s|\\Z)|\\Z)", "")
    + r" {1,4}as {1,4}(?:(?:the|my|your|our|a|an|new) {1,4})?(?P<gap>(?:[a-z0-9_.-]{1,24} {1,4}){0,3}?)"
    r"(?P<name>token|(?:api[ _-]?)?key|password|passphrase|secret|credentials?)\b"
)
INTRODUCED = Lazy(
    r"\b(?:with|using|via) {1,4}(?:(?:the|my|your|our|a|an|this) {1,4})?"
    r"(?P<gap>(?:[a-z0-9_.-]{1,24} {1,4}){0,2}?)"
    r"(?P<name>token|api[ _-]?key|access[ _-]?key|password|passphrase|secret) {1,4}"
    + framed.TOLD_VALUE
)


# From ``bench/telemetry27``: a value a sentence then names as a secret (an assistant's answer:
# ``**V** is the token you set in``, ```V` was your API key.``): the name after ``is``/``was`` and
# ``the``/``your``/``my``/``our``, up to two words between, ending the phrase (then punctuation,
# the line's end or a clause: ``you``, ``that``, ``for``…; not ``is the token rotation change``),
# and no data key's (``is the cache key``). From ``bench/contexts28``: after a value a question
# offers, the next clause (``try V? that's the API key``, ``V, it's the token for staging``).
APOSTROPHE = "['\u2019]"
NAMED = Lazy(
    rf"(?: {{1,4}}(?:is|was)|[?!.,;]? {{1,4}}"
    rf"(?:that{APOSTROPHE}s|it{APOSTROPHE}s|that is|this is|which is))"
    r" {1,4}(?:the|your|my|our) {1,4}(?P<gap>(?:[a-z0-9_.-]{1,24} {1,4}){0,2}?)"
    r"(?P<name>token|(?:api[ _-]?)?key|access[ _-]?key|password|passphrase|secret|credentials?)"
    r"(?=[ \t]*(?:[.,;:!?)]|\n|\Z)|[ \t]+(?:you|that|which|we|i|they|for|from|in|on|of|to|and"
    r"|but|here|now|until|since|before|after)\b)"
)
# The word before ``NAMED``: bare, or in bold, backticks or quotes.
NAMED_VALUE = Lazy(r"(?P<q>\*\*|[`'\"])?(?P<value>[^\s`'\"<>*]{8,200}?)(?(q)(?P=q))")
NAMED_BEFORE = frozenset(" \t\n(")
NAMED_WORDS = (" is ", " was ", "that's ", "that\u2019s ", "it's ", "it\u2019s ")


def named_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of ``NAMED_VALUE`` for the word before each ``NAMED`` in the lower-case text."""
    if not any(word in subject for word in NAMED_WORDS):
        return
    for found in NAMED.compiled.finditer(subject):
        end = found.start()
        start = end
        while start > 0 and subject[start - 1] not in NAMED_BEFORE and end - start <= 204:
            start -= 1
        value = NAMED_VALUE.compiled.fullmatch(subject, start, end)
        if value is not None:
            yield value


def named(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a value a sentence then names as a secret, when it reads as one."""
    tail = NAMED.compiled.match(text[match.end() : match.end() + 160].lower())
    if tail is None:
        return None
    gap = tail.group("gap").split()
    if tail.group("name") == "key" and gap and gap[-1] in key_names.DATA_OWNERS:
        return None  # ``<sha256> is the cache key``
    value = match.group("value").rstrip(".,;:")
    if tail.group("name") == "key" and (
        checks.UUID.fullmatch(value) or framed.HEX_KEY.fullmatch(value.lower())
    ):
        return None  # a hash or id is a key of data as often (``<uuid> is the key of the row``)
    if checks.UUID.fullmatch(value):
        return match.start("value"), match.end("value"), "secret-value"
    return framed.judged_value(match, text)


def sent(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value a line reporting an authentication failure says it sent, or None."""
    if not framed.auth_failed(match, text):
        return None
    value = match.group("value").rstrip(".,;:?!")
    if checks.UUID.fullmatch(value):
        return match.start("value"), match.start("value") + len(value), "secret-value"
    if not key_names.reads_generated(value, 12):
        return None  # a tool, a version or a name (``using curl 8.5``, ``using Python3``)
    return framed.judged_value(match, text)


def used_or_introduced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a value a sentence uses as, or introduces by, a secret's name."""
    gap = match.group("gap").split()
    if match.group("name") == "key" and gap and gap[-1] in key_names.DATA_OWNERS:
        return None  # ``use <sha256> as the cache key``
    found = framed.judged_value(match, text)
    if found is not None or match.re.pattern != INTRODUCED.pattern:
        return found
    # Short hex a provider issues as a key (Mockaroo's 8): only where the line reports that it
    # failed (``401 with token 915ce3da``), with letters and digits, half of them distinct or
    # more (a draw of 8 has 6 on average), not counted.
    value = match.group("value").rstrip(".,;:?!")
    if not (8 <= len(value) < 16 and framed.HEX_KEY.fullmatch(value)) or not framed.auth_failed(
        match, text
    ):
        return None
    if value.isalpha() or value.isdigit() or len(set(value)) < len(value) // 2 + 1:
        return None
    if key_shapes.is_counted(value, 16):
        return None
    return match.start("value"), match.start("value") + len(value), "secret-value"


def rules() -> list[Rule]:
    """Return the rule for values a sentence uses as, introduces by, names as or sent as a secret."""
    return [
        Rule(
            ("secret-value",),
            (
                Matcher(Lazy(USED.pattern), judge=used_or_introduced),
                Matcher(Lazy(INTRODUCED.pattern), judge=used_or_introduced),
                Matcher(Lazy(framed.SENT.pattern), judge=sent),
                Matcher(Lazy(NAMED_VALUE.pattern), find=named_values, judge=named),
            ),
            trigger=Trigger(
                words=("use ", "with ", "using ", "via ", "sending ", "passing ", *NAMED_WORDS),
                lower=True,
            ),
            lower=True,
            gate=r"(?i)use[ \t][^\n]+[ \t]as[ \t]|(?:with|using|via)[ \t][^\n]*"
            r"(?:token|key|password|passphrase|secret)[ \t]"
            r"|(?:401|403|unauthori[sz]ed|forbidden)[^\n]*(?:using|sending|passing)[ \t]"
            r"|(?:using|sending|passing)[ \t][^\n]*(?:401|403|unauthori[sz]ed|forbidden)"
            rf"|(?:[ \t](?:is|was)|(?:that|it){APOSTROPHE}s)[ \t]+(?:the|your|my|our)[ \t][^\n]*"
            r"(?:token|key|password|passphrase|secret|credential)",
        ),
    ]
