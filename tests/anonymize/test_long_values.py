"""A key's quoted value longer than 300 characters, up to ``rules.MAX_VALUE``."""

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


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # A Clojure keyword and an Erlang binary (``terms``, ``beside_keys``' literal).
        ('{:numbat/client {:token "{}"\n  :timeout-ms 3000}}', "<redacted:"),
        ('#{endpoint => <<"https://numbat.example.com">>, numbat_token => <<"{}">>}', "<redacted:"),
        # crackmapexec's ``[+] DOMAIN\\user:password`` (``cracked``).
        ("SMB  10.20.0.5  445  FS01  [+] CORP\\svc-deploy:{} (Pwn3d!)", "<redacted:"),
        # FileZilla's attributed ``<Pass encoding="base64">`` (``element_values``).
        (
            '<Server>\n  <User>svc</User>\n  <Pass encoding="base64">{}</Pass>\n</Server>',
            "<redacted:",
        ),
    ],
)
def test_a_long_value_in_other_forms_is_redacted(
    anonymizer: Anonymizer, template: str, expected: str
) -> None:
    """Up to 1,024 characters (an AWS session token's length), in the forms capped lower before."""
    out = anonymizer.anonymize(template.replace("{}", LONG))
    assert expected in out and DRAWN[:40] not in out and DRAWN[-40:] not in out


@pytest.mark.parametrize(
    "template",
    [
        '{:numbat/client {:description "{}"}}',
        '#{endpoint => <<"https://numbat.example.com">>, note => <<"{}">>}',
        '<Server>\n  <Comment lang="en">{}</Comment>\n</Server>',
    ],
)
def test_long_prose_in_other_forms_stays(anonymizer: Anonymizer, template: str) -> None:
    text = template.replace("{}", PROSE)
    assert anonymizer.anonymize(text) == text
