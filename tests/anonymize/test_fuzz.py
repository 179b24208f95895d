"""
No input makes ``anonymize`` or ``redact_each`` raise, and a planted secret stays redacted.

The hypothesis fuzz (marked ``fuzz``, deselected by default: ``pytest -m fuzz``) feeds random
mixes of the rules' trigger words and literal heads, quotes, escapes, brackets, non-ASCII, lone
surrogates (as characters and as JSON ``\\uXXXX`` escapes), NUL and control characters; a few
fixed mixes run in the default suite.
"""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from fedlearn.anonymize.heads import literal_heads
from fedlearn.anonymize.password_commands import COMMANDS

# A made-up GitHub token: its rule redacts it in any context it stands apart in.
SECRET = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"
# Single characters, then longer pieces: escapes (a lone surrogate's too), comment and
# interpolation openers, CRLF, an ANSI colour, non-ASCII (a line separator, a BOM, a zero-width
# space, ``İ`` whose lower case is longer), a lone surrogate as a character, PEM armour.
PUNCTUATION = [
    *"\"'`\\{}[]()<>=:,;&?#$%@| \t\n\r\x00\x01\x7f\x85\u2028\ufeff\u200b\ud800\udfffé日🙂ßİ0",
    *'\\" \\\\ \\n \\t \\u00e9 \\ud800 \\udc00 \\ud83d\\ude00 \\x00 : // /* */ -- ${'.split(),  # noqa: SIM905
    *["\r\n", "\x1b[31m", "  ", "1234", "0x", "==", "...", "-----BEGIN"],
]
VALUES = ["abc", "s3cr3t-Value_99", "Xk29fjQm1PzL8sVb3nRt7Yw", "eyJhbGciOiJIUzI1NiJ9", "AKIA"]


@functools.cache
def anonymizer() -> Anonymizer:
    """Return one anonymizer for the module (building one takes a while)."""
    return Anonymizer(config.Anonymize())


@functools.cache
def rule_words() -> list[str]:
    """Return every rule's trigger words and literal heads (bench/check_linear.py's words)."""
    words: set[str] = set()
    for rule in anonymizer().rules:
        for item in rule.trigger.items() if rule.trigger is not None else ():
            if item.pattern is None:
                words.add(item.word)
            else:
                words.update(literal_heads(item.pattern.pattern, item.pattern.flags) or [])
        for matcher in rule.matchers:
            words.update(literal_heads(matcher.pattern.pattern, matcher.pattern.flags) or [])
        if rule.gate:
            words.update(literal_heads(rule.gate, re.IGNORECASE if rule.lower else 0) or [])
    return sorted(word for word in words if word.strip())


def check(pieces: list[str], cut: int) -> None:
    """Anonymize the pieces joined with the secret planted on its own line at ``cut``."""
    cut %= len(pieces) + 1
    text = "".join(pieces[:cut]) + f"\n{SECRET}\n" + "".join(pieces[cut:])
    out = anonymizer().anonymize(text)
    assert SECRET not in out
    halves = [text[: len(text) // 2], text[len(text) // 2 :], "".join(pieces), f" {SECRET} "]
    for (each, _names), piece in zip(anonymizer().redact_each(halves), halves, strict=True):
        assert isinstance(each, str)
        if piece == halves[-1]:
            assert SECRET not in each


@st.composite
def mixes(draw: st.DrawFn) -> tuple[list[str], int]:
    """Draw a mix of rule words, punctuation and values, and where to plant the secret."""
    piece = st.one_of(
        st.sampled_from(rule_words()),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(VALUES),
        st.text(max_size=4),
    )
    return draw(st.lists(piece, max_size=60)), draw(st.integers(0, 60))


@pytest.mark.fuzz
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(mixes())
def test_fuzz_no_exception_and_secret_redacted(mix: tuple[list[str], int]) -> None:
    check(*mix)


FIXED = [
    ['{"password": "', "\\ud800", '\\"', "\x00", "}", "\n"],
    ["api_key=", "\ud800", "=", "\\", "\r\n", "Authorization: Bearer ", "\\u00", "\x1b[31m"],
    ["-----BEGIN", " PRIVATE KEY", "\n", "\\n", "\ufeff", "[", "{", "`", "${", "é日本🙂"],
    ["postgres://", "user:", "@", ":", "/", "?", "token=", "&", "#", "\x7f", "\udfff"],
    ["export ", "AWS_SECRET_ACCESS_KEY", '="', "\\", '"', "\u2028", "--password", " ", "'"],
]


@pytest.mark.parametrize("pieces", FIXED)
def test_fixed_mixes(pieces: list[str]) -> None:
    for cut in (0, len(pieces) // 2, len(pieces)):
        check(pieces, cut)


@pytest.mark.parametrize("after", [" ", " \n", " -b", " | x", "  ;"])
def test_a_command_with_no_arguments_raises_nothing(after: str) -> None:
    # ``htpasswd `` with nothing after it read its first argument that was not there.
    texts = [f"{prefix}{command}{after}" for command in sorted(COMMANDS) for prefix in ("", "$ ")]
    for text in texts:
        assert anonymizer().anonymize(text) == text
    assert [each for each, _names in anonymizer().redact_each(texts)] == texts
