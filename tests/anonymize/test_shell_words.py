"""Shell words without their quotes (``shell_words``), the ``'\\''`` idiom included."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, shell_words


@pytest.mark.parametrize(
    ("word", "inner"),
    [
        ("'pw'", "pw"),
        ('"pw"', "pw"),
        ("'\\''u:pw'\\''", "u:pw"),
        ("pw", "pw"),
    ],
)
def test_unquoted(word: str, inner: str) -> None:
    start, end = shell_words.unquoted(0, len(word), word)
    assert word[start:end] == inner


def test_a_quote_inside_single_quotes_stays_outside_the_password(anonymizer: Anonymizer) -> None:
    # ``'\''`` writes a quote inside a single-quoted string: the password is what it encloses.
    text = "sh -c 'curl -u '\\''admin:S3cr3tPw9'\\'' https://api.example.org'"
    assert anonymizer.anonymize(text) == text.replace("S3cr3tPw9", "<redacted:password>")
    # A placeholder there stays, as it does unquoted (gitleaks' curl fixture, echoed by ``set -x``).
    echoed = "+ echo 'curl -i -u '\\''test:test'\\'''\ncurl -i -u 'test:test'"
    assert anonymizer.anonymize(echoed) == echoed
