"""Secrets written as words or short codes (DESIGN.md guarantee 1): seed phrases, recovery codes.

- ``mnemonic``: a wallet's seed phrase, a run of 12 or more words of the BIP39 English list
  (``bip39``) in a text that names what it is (``seed``, ``mnemonic``, ``phrase``, ``recovery``,
  ``wallet``, ``words``, ``bip39``; not ``secret`` or ``backup``, which many high-value events
  say, and the rule's first test reads every word of a text). The words may be separated by
  blanks, line breaks (real or JSON-escaped), commas and quotes (a list) or numbers (``1. …``).
  English prose is no such run: the list lacks ``the``, ``a``, ``of``, ``to``, ``is``…
- ``recovery-code``: the codes after ``recovery code(s)``, ``backup code(s)``, ``scratch code(s)``
  or ``emergency code(s)``: runs of letters and digits (groups joined by ``-``), each with a digit
  and 6 or more letters and digits, one after another until something that is no code.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize.bip39 import WORD_SET, WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret, span_match

MINIMUM_WORDS = 12
MARKS = dict.fromkeys(WORDS, "1")
RUN_MARK = "1" * MINIMUM_WORDS
PHRASE_WORDS = (
    "mnemonic",
    "seed",
    "phrase",
    "recovery",
    "wallet",
    "words",
    "bip39",
    "bip-39",
)
WORD = Lazy(r"[a-z]+")
# What may separate the words of a phrase: blanks, line breaks, commas, quotes, numbering.
GAP = Lazy(r"(?:[ \t\r\n,\"']|\\[nrt]|[0-9]{1,2}[.):])+")
MAX_GAP = 12
WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")

CODES_INTRODUCED = Lazy(
    r"(?:recovery|backup|scratch|emergency)[ _-]?codes?(?:[ \t]+(?:is|are|was|were))?(?:[ \t]*[:=])?"
)
CODE = Lazy(r"[A-Za-z0-9]{4,10}(?:-[A-Za-z0-9]{3,10}){0,3}")
CODE_GAP = Lazy(r"(?:[ \t\r\n,;\"'`]|\\[nrt]|[0-9]{1,2}[.)][ \t])+")
DIGIT = Lazy(r"[0-9]")
CODE_FOLLOWERS = frozenset(" \t\r\n,;.\"'`)(\\")


def phrase_runs(subject: str) -> Iterator[re.Match[str]]:
    """Yield each run of ``MINIMUM_WORDS`` or more BIP39 words in ``subject`` as one match."""
    # A cheap test before the walk, all in C: 12 listed words in a row, whatever between them.
    plain = subject.replace("\\n", " ") if "\\" in subject else subject
    marks = "".join(map(MARKS.get, WORD.compiled.findall(plain), itertools.repeat("0")))
    if RUN_MARK not in marks:
        return
    start = end = -1
    count = 0
    for word in WORD.finditer(subject):
        at, after = word.span()
        text = word.group()
        escaped = at > 0 and subject[at - 1] == "\\" and text[0] in "nrt"
        if escaped:
            at, text = at + 1, text[1:]  # after a JSON-escaped line break or tab
            if not text:
                continue
        whole = (escaped or at == 0 or subject[at - 1] not in WORD_CHARACTERS) and (
            after == len(subject) or subject[after] not in WORD_CHARACTERS
        )
        listed = whole and text in WORD_SET
        if listed and count and at - end <= MAX_GAP and GAP.compiled.fullmatch(subject, end, at):
            count += 1
            end = after
            continue
        if count >= MINIMUM_WORDS:
            yield span_match(subject, start, end)
        start, end, count = (at, after, 1) if listed else (-1, -1, 0)
    if count >= MINIMUM_WORDS:
        yield span_match(subject, start, end)


def recovery_codes(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the codes after ``recovery codes:`` (lower-cased text), or None."""
    end = match.end()
    start = -1
    while True:
        gap = CODE_GAP.match(text, end)
        if gap is None:
            break
        code = CODE.match(text, gap.end())
        if code is None or not is_code(code.group(), text, code.end()):
            break
        start = code.start() if start < 0 else start
        end = code.end()
    return None if start < 0 else (start, end, "recovery-code")


def is_code(value: str, text: str, end: int) -> bool:
    """Return whether a run is a whole code: a digit, 6 or more letters and digits."""
    if end < len(text) and text[end] not in CODE_FOLLOWERS:
        return False
    return DIGIT.search(value) is not None and len(value.replace("-", "")) >= 6


def rules() -> list[Rule]:
    """Return the rules for seed phrases and recovery codes."""
    return [
        Rule(
            ("mnemonic",),
            (Matcher(Lazy(WORD.pattern), find=phrase_runs),),
            trigger=Trigger(words=PHRASE_WORDS, lower=True),
            gate=r"(?i)mnemonic|seed|phrase|recovery|wallet|words|bip-?39",
            lower=True,  # ``Ability coral …``, ``ABILITY CORAL …``: the words in any case
        ),
        secret(
            "recovery-code",
            Matcher(Lazy(CODES_INTRODUCED.pattern), judge=recovery_codes),
            trigger=Trigger(
                words=("recovery", "backup", "scratch", "emergency"), lower=True, needs="code"
            ),
            gate=r"(?i)(?:recovery|backup|scratch|emergency)[ _-]?code",
            lower=True,
        ),
    ]
