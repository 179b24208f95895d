"""Base64 of text is data (``public_base64``): a record of words with one blank or more between
them stays, as ``base64 notes.txt`` prints it; base64 of a ``user:password`` pair, of a token,
or of a sentence that tells a secret, stays redacted."""

from __future__ import annotations

import base64

import pytest

from fedlearn.anonymize import Anonymizer, public_base64


def b64(plain: str) -> str:
    """Return the base64 of ``plain``."""
    return base64.b64encode(plain.encode()).decode()


@pytest.mark.parametrize(
    "plain",
    [
        "user:guest role:viewer35",  # telemetry27: two fields of a record, one blank
        "hello world, this is the coordinator",
        "status:active region:eu-west",
    ],
)
@pytest.mark.parametrize(
    "form",
    [
        '{{"cmd": "base64 notes.txt", "stdout": "{}\\n", "returncode": 0}}',
        "X-Note-B64: {}",
        "$ base64 notes.txt\n{}",
        "label: {}",
    ],
)
def test_base64_of_words_stays(anonymizer: Anonymizer, plain: str, form: str) -> None:
    """Printable text of three words or more, a blank between two of them: data, not a key."""
    text = form.format(b64(plain))
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "plain",
    [
        "deploy:Qm7xT2vK9pLw4Zz",  # an HTTP Basic pair: no blank
        "ops:Zq8vT1mK2p Lw9",  # a blank, but no three words
    ],
)
def test_base64_of_a_credential_stays_redacted(anonymizer: Anonymizer, plain: str) -> None:
    """A ``user:password`` pair, or words that tell a value, read as no text."""
    encoded = b64(plain)
    assert encoded not in anonymizer.anonymize(f'{{"stdout": "{encoded}"}}')
    assert not public_base64.is_sentence_base64(encoded)


def test_is_sentence_base64_wants_a_blank() -> None:
    """Unit: one blank is enough; none is a pair or a token; a sentence may tell no secret."""
    assert public_base64.is_sentence_base64(b64("user:guest role:viewer35"))
    assert not public_base64.is_sentence_base64(b64("user:guestrole:viewer35x"))
    assert not public_base64.is_sentence_base64(b64("svc-backup:hunter22hunter"))
    assert not public_base64.is_sentence_base64(b64("the password is Qm7xT2vK9p"))
