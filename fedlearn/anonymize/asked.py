"""A secret given alone as the answer to a question asking for it (DESIGN.md guarantee 1; from
``bench/contexts31``).

A chat asks ``> which discord secret does the cron use?`` or ``what's the staging token?``, and
the next message holds only the value (``this one: V (same as the dashboard)``): nothing on its
line names it, the question above does (``answers`` reads phone and card numbers so). A line
that ends in ``?`` and names a secret as what it asks about (``token``, ``password``,
``passphrase``, ``secret``, ``key``, ``api key``, ``credentials``, then the ``?`` or a word that
goes on asking: ``does``, ``is``, ``for``, ``we``…; not ``which commit has the token fix?``,
``what's the token expiry?``, ``which cache key?``), then, on one of the next two lines, a
message that is the value alone: after a chat line's ``[time] Name:``, ``Name:`` or ``this
one:``, bare, quoted, in backticks or bold, maybe followed by ``.``/``!`` or a parenthesis.
The value is judged as after ``here's the token:`` (``handed``): hex and UUIDs of 16 or more
count, an API object's id does not; other values must read as generated or chosen
(``framed.judged_value``): ``the one in vault``, ``ask ops``, ``id_ed25519`` stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, framed, key_names, public_objects
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# The secret a question asks about, on the lower-case line before its ``?``.
ASK = Lazy(
    r"(?<![\w-])(?:(?P<owner>[a-z0-9_]{1,24})[ \t_-]{1,4})?"
    r"(?P<name>token|password|passwd|passphrase|secret|key|credentials?)"
    r"(?:[ \t]*\Z|[ \t]+(?:does|do|did|is|are|was|were|should|would|will|can|could|we|you|i"
    r"|they|for|of|on|in|to|that|which|here|again|now|please)\b)"
)
# The answer's line: a chat prefix (``[10:42] dana:``, ``this one:``), the value alone.
ANSWER = Lazy(
    r"[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*)?(?:[^\W\d][\w .'@-]{0,40}:[ \t]+)?"
    r"(?P<q>\*\*|[`'\"])?(?P<value>[^\s`'\"<>*]{8,200}?)(?(q)(?P=q))"
    r"[ \t]*(?:[.!]|\([^()\n]{0,80}\))?[ \t\r]*"
)
MAX_QUESTION = 300


def asked_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield the ``ANSWER`` on one of the two lines after each line that asks for a secret."""
    at = subject.find("?")
    while at >= 0:
        end = subject.find("\n", at)
        if end < 0:
            return
        start = subject.rfind("\n", 0, at) + 1
        if not subject[at + 1 : end].strip(" \t\r") and at - start <= MAX_QUESTION:
            asks = any(is_ask(found) for found in ASK.compiled.finditer(subject, start, at))
            line = end + 1
            for _ in range(2 if asks else 0):
                after = subject.find("\n", line)
                after = len(subject) if after < 0 else after
                found = ANSWER.compiled.fullmatch(subject, line, after)
                if found is not None:
                    yield found
                    break
                line = after + 1
        at = subject.find("?", end)


def is_ask(found: re.Match[str]) -> bool:
    """Return whether a secret's word in a question names the secret asked for: not a key that
    names data (``cache key``, ``primary key``)."""
    owner = found.group("owner")
    return not (found.group("name") == "key" and owner in key_names.DATA_OWNERS)


def asked(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a value given as the answer to a question asking for a secret."""
    value = text[match.start("value") : match.end("value")]
    if public_objects.is_object_id(value):
        return None  # ``chatcmpl-…``, ``req_…``: an API object's id
    if checks.is_hexadecimal(value):  # hashes and UUIDs, under the question's secret word
        if len(value.replace("-", "")) < 16:
            return None
        return match.start("value"), match.end("value"), "secret-value"
    return framed.judged_value(match, text)


def rules() -> list[Rule]:
    """Return the rule for a secret given alone as the answer to a question asking for it."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(ANSWER.pattern), find=asked_values, judge=asked),),
            trigger=Trigger(
                words=("token", "passw", "passphrase", "secret", "key", "credential"),
                lower=True,
                needs="?",
            ),
            lower=True,
            gate=r"(?i)(?:token|passw|passphrase|secret|key|credential)[^\n]*\?[ \t\r]*\n",
        )
    ]
