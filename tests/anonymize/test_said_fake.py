"""Values that say what they are: lower-case words that say fake under a secret's key
(``said_fake``), and a run ending as AWS's documentation ends an example credential
(``public_objects.DOCUMENTED``). Each with the secrets of the same place that stay redacted."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, said_fake

DRAWN = "Hq2Lp9Xw7RtZk3Vb8Nc1Md4Zq7Rw3Lp9Xk2Vb8Nc1"


@pytest.mark.parametrize(
    "text",
    [
        'password = "somefakekey"',
        "cloudant_password = 'a-fake-tooshort-key'",
        '{"client_secret": "dummyclientsecret"}',
        "DB_PASSWORD=bogusdatabasepassword",
        "secret: not-even-a-fake-secret",
    ],
)
def test_words_that_say_fake_stay(anonymizer: Anonymizer, text: str) -> None:
    """A scanner's fixture or a document's filler: words only, one of them ``fake``."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('password = "fakeiq999fakeecyfake3ifake"', "fakeiq999fakeecyfake3ifake"),
        ('password = "Fakepassword1"', "Fakepassword1"),
        ("DB_PASSWORD=fake-Hq2Lp9Xw7Rt", "fake-Hq2Lp9Xw7Rt"),
        ('password = "fakeqzxwvkjhtrbn"', "fakeqzxwvkjhtrbn"),
        ('password = "sunshinemeadow"', "sunshinemeadow"),
        ("secret: dummy" + "-word" * 8, "dummy" + "-word" * 8),
    ],
)
def test_a_password_beside_the_word_stays_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """Digits, capitals, a drawn run, no fake word, or too long: a chosen or drawn secret."""
    assert secret not in anonymizer.anonymize(text)


def test_said_fake_reads_the_value_only() -> None:
    """Unit: lower-case words, 8 to 40, with a word that says fake."""
    assert said_fake.is_said_fake("somefakekey")
    assert not said_fake.is_said_fake("fake")  # short: ``checks.is_reference`` keeps it already
    assert not said_fake.is_said_fake("some fake key")


@pytest.mark.parametrize(
    "text",
    [
        "# ABSKQmVkcm9ja0FQSUtleS1EXAMPLE",
        'msg="Zq7Rw3Lp9Xk2Vb8Nc1EXAMPLE" component=lint',
        "sample key: Hq2Lp9Xw7RtZk3Vb8Nc1Md4EXAMPLEKEY",
        # A Bedrock key's length, its body the word written over (gitleaks' own fixture).
        "x ABSKQmVkcm9ja0FQSUtleS1" + "EXAMPLE" * 20,
    ],
)
def test_a_run_ending_in_example_stays(anonymizer: Anonymizer, text: str) -> None:
    """As AWS's documentation writes ``AKIAIOSFODNN7EXAMPLE``: no drawn key ends in the word."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("# ABSKQmVkcm9ja0FQSUtleS1Hq2Lp9Xw7Rt", "ABSKQmVkcm9ja0FQSUtleS1Hq2Lp9Xw7Rt"),
        ('msg="Zq7Rw3Lp9Xk2Vb8Nc1ExAMPLE"', "Zq7Rw3Lp9Xk2Vb8Nc1ExAMPLE"),
        ('msg="Zq7Rw3Lp9EXAMPLEXk2Vb8Nc1Md4"', "Zq7Rw3Lp9EXAMPLEXk2Vb8Nc1Md4"),
        # A Bedrock key's length with the word inside a drawn body: the look rule's.
        (f"x ABSKQmVkcm9ja0FQSUtleS1{DRAWN}EXAMPLE{DRAWN * 3}", f"EXAMPLE{DRAWN}"),
    ],
)
def test_a_run_without_the_closing_word_stays_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """The word inside a run or in another case; a Bedrock key's length with the word inside a
    drawn body (the Bedrock rule skips it, ``providers.AWS_FAMILIES``; the look rule takes it)."""
    assert secret not in anonymizer.anonymize(text)
