"""A configuration line of a secret's key and its value separated by blanks (``spaced_pairs``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"


@pytest.mark.parametrize(
    "text",
    [
        f"api_key {V}",
        f"client_secret\t{V}",
        f"  db_password    '{V}'   # rotated monthly",
        f'ApiToken "{V}";',
        f"# server\nbind 127.0.0.1\nsecret_token {V}\nport 6379",
        f"| api_key | {V} |",
        f"| Password | {V} |\r\n",
    ],
)
def test_spaced_secret_lines_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """The value of a key-and-value line is redacted."""
    out = anonymizer.anonymize(text)
    assert V not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "password changed",
        "token expired",
        "key 5f2c1d9e8a7b6c5d",
        "ssh-add ~/.ssh/key.pem",
        "password_file /etc/app/password.txt",
        f"hostname {V}",
        "api_key $API_KEY",
        "password reset required",
        "| token | expires |",
    ],
)
def test_spaced_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose, paths, references, non-secret keys, ``key`` alone and headers stay."""
    assert anonymizer.anonymize(text) == text
