"""A key's quoted value longer than 300 characters (``declarations.MAX_VALUE``)."""

from __future__ import annotations

import random
import string

import pytest

from fedlearn.anonymize import Anonymizer

# A drawn value of 420 base64 characters with ``=`` inside, as Aiven issues its tokens.
RNG = random.Random(29)
DRAWN = "".join(RNG.choice(string.ascii_letters + string.digits + "+/") for _ in range(420))
LONG = DRAWN[:140] + "=" + DRAWN[140:300] + "==" + DRAWN[300:]
PROSE = " ".join(["the numbat token rotates every night"] * 12)


@pytest.mark.parametrize(
    ("template", "name"),
    [
        ('setx NUMBAT_SECRET_KEY "{}" /M', "api-key"),
        ('val token = sys.env.getOrElse("NUMBAT_TOKEN", "{}")', "token"),
        ('props.setProperty("numbat.api.token", "{}");', "token"),
        ('const numbatKey: string = "{}";', "high-entropy"),
    ],
)
def test_a_long_value_under_a_secret_key_is_redacted(
    anonymizer: Anonymizer, template: str, name: str
) -> None:
    """A value of 300 characters or more under a secret's key goes whole, as one."""
    assert anonymizer.anonymize(template.format(LONG)) == template.format(f"<redacted:{name}>")


@pytest.mark.parametrize(
    "template",
    [
        'setx NUMBAT_SECRET_KEY "{}" /M',
        'props.setProperty("numbat.api.token", "{}");',
        'setx NUMBAT_HELP "{}"',  # no secret's key
    ],
)
def test_long_prose_under_a_key_stays(anonymizer: Anonymizer, template: str) -> None:
    """Long prose stays, under a secret's key or not."""
    text = template.format(PROSE)
    assert anonymizer.anonymize(text) == text
