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


def test_a_command_rendered_in_markup_ends_at_its_closing_tag(anonymizer: Anonymizer) -> None:
    # An HTML ``<pre>`` renders the command: the tag closes it, it is no part of the password.
    fixture = "<html><body><pre>curl -u username:token</pre></body></html>"
    assert anonymizer.anonymize(fixture) == fixture
    text = "<pre>curl -u admin:Xk2q9LmN4vB7pQ https://api.example.org</pre>"
    assert anonymizer.anonymize(text) == text.replace("Xk2q9LmN4vB7pQ", "<redacted:password>")
    text = "<pre>curl -u admin:Xk2q9LmN4vB7pQ</pre>"
    assert anonymizer.anonymize(text) == "<pre>curl -u admin:<redacted:password></pre>"
    spans = shell_words.arguments("-u u:pw</pre> -p x", 0)
    assert spans == [(0, 2), (3, 7)]
