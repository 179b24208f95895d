"""A secret key's C array initializer and C++ ``assign``, and key words with a short tail."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer
from fedlearn.anonymize.key_shapes import affixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'static char smtp_password[64] = "Vq3#nL8zWp2k";',
            'static char smtp_password[64] = "<redacted:password>";',
        ),
        ("const char dbPwd[] = 'Vq3#nL8zWp2k';", "const char dbPwd[] = '<redacted:password>';"),
        (
            'NSString *clientSecret[] = @"Zq8vT1mN4pXk2Lp9Zt7W";',
            'NSString *clientSecret[] = @"<redacted:secret>";',
        ),
        (
            'cfg.api_token.assign("Zq8vT1mN4pXk2Lp9Zt7Wn3Rb", 24);',
            'cfg.api_token.assign("<redacted:token>", 24);',
        ),
        (  # a key word with a short tail of its own
            'char secretes[32] = "Zq8vT1mN4pXk2Lp9Zt7W";',
            'char secretes[32] = "<redacted:secret>";',
        ),
        ("keypass.assign('Vq3#nL8zWp2k');", "keypass.assign('<redacted:password>');"),
    ],
)
def test_a_secret_keys_literal_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'char buffer[256] = "Vq3#nL8zWp2kZq8vT1mN";',  # no secret key
        'char password_prompt[32] = "Enter password:";',  # a prompt, not a secret
        'secretary_name[] = "Jane Smith";',
        'token.assign("${API_TOKEN}");',  # a reference
        'char password[8] = "";',
    ],
)
def test_other_literals_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("secrete", "secret"),
        ("db_passwords", "password"),
        ("pwd1", "password"),
        ("apikey2", "api-key"),
        ("keypass", "password"),
        ("secretary", None),
        ("passwordless", None),
        ("compass", None),
    ],
)
def test_a_key_word_with_a_short_tail_names_its_rule(key: str, rule: str | None) -> None:
    assert affixed(key) == rule
