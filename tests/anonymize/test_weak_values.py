"""A password a person chose under a secret's key is redacted; widths, placeholders and names stay."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, weak_values

from .conftest import in_mode

SECRETS = [
    # a placeholder word with digits appended: a password chosen from it
    ("db_pass = 'changeme43'", "changeme43"),
    ("password = 'Changeme825#'", "Changeme825#"),
    ("--password=Changeme1374!", "Changeme1374!"),
    ("pw: changeme60", "changeme60"),
    # a key at the text's start, a value ending in ``$``
    ("password: Freedom59$", "Freedom59$"),
    ("client_secret: Welcome51$", "Welcome51$"),
    # a word and digits, a short draw, under a token's or an API key's name
    ("token=football84", "football84"),
    ('secret_key = "welcome28"', "welcome28"),
    ('api_key = "tiger17"', "tiger17"),
    ('"apiKey": "raspberry23"', "raspberry23"),
    ("token=Baseball7$", "Baseball7$"),
    ("GITHUB_ACCESS_TOKEN=github355239", "github355239"),
    ('secret_key = "4GDbfNW"', "4GDbfNW"),
    ("auth_token: D8Tpz3", "D8Tpz3"),
    ('{"auth_token": "monkey12", "user": "svc"}', "monkey12"),
    # prose that says what a password is
    ("the password is orange45", "orange45"),
    ("admin password is MG1qxvv", "MG1qxvv"),
    # a login told as a pair
    ("login admin / master36", "master36"),
    ("Login: admin / Y3Z2kIw", "Y3Z2kIw"),
]

KEPT = [
    "password: changeme",
    "password = CHANGEME",
    "api_key: changeme-in-prod",
    "token_encoding: base64",
    "token: base64",
    'auth_token = "uint32"',
    "api_key: float16",
    'secret_key: "HS256"',
    "token_id: monkey12",  # a key that names an id
    "api_key_sha: football84",  # a qualified key naming a hash
    "token: hello",
    "The password is base64 encoded",
    "the password hash is sha256",
    "The password is required",
    "the token is football84",  # a token told in prose is drawn long
    "max_tokens=4096",
    "login admin / ubuntu",
    "credentials admin base64",
    "login: admin / see vault",
]


@pytest.mark.parametrize(("text", "secret"), SECRETS)
def test_a_chosen_password_is_redacted(anonymizer: Anonymizer, text: str, secret: str) -> None:
    """The value is gone, with google-re2's sets and without them alike."""
    out = anonymizer.anonymize(text)
    assert secret not in out
    assert "<redacted:" in out
    assert in_mode(use_re2=False).anonymize(text) == out


@pytest.mark.parametrize("text", KEPT)
def test_a_look_alike_is_kept(anonymizer: Anonymizer, text: str) -> None:
    """Placeholders, widths, algorithm names and ids come out unchanged."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("value", "chosen"),
    [
        ("changeme43", True),
        ("Example2024!", True),
        ("changeme", False),
        ("changeme-in-prod", False),
        ("your_password1", False),
    ],
)
def test_placeholder_chosen(value: str, chosen: bool) -> None:
    """Digits after a placeholder word make a chosen password; the word alone stays one."""
    assert weak_values.is_placeholder_chosen(value) is chosen


@pytest.mark.parametrize(
    ("value", "chosen"),
    [
        ("football84", True),
        ("Summer794@", True),
        ("baseball64", True),  # a long word: no width
        ("trustno174", True),
        ("qROY13U", True),
        ("base64", False),
        ("aarch64", False),
        ("HS256", False),
        ("CTCwtI", False),  # letters alone
        ("abc123", False),  # three letters
        ("hello", False),
        ("build20241207", False),  # eight digits: a date or a number
    ],
)
def test_is_chosen(value: str, chosen: bool) -> None:
    """A word and digits or a short mixed draw reads as chosen; widths and algorithms do not."""
    assert weak_values.is_chosen(value) is chosen


@pytest.mark.parametrize(
    ("value", "told"),
    [
        ("orange45", True),
        ("Summer794@", True),
        ("Winter2024", True),
        ("MG1qxvv", True),
        ("Windows11", False),  # a product's name, as prose says it
        ("Ubuntu22", False),
        ("Python3", False),
    ],
)
def test_is_told(value: str, told: bool) -> None:
    assert weak_values.is_told(value) is told


def test_a_product_told_as_a_password_stays_and_a_chosen_one_goes(anonymizer: Anonymizer) -> None:
    assert anonymizer.anonymize("the password is Windows11") == "the password is Windows11"
    assert "orange45" not in anonymizer.anonymize("the password is orange45")
    # Under a key the name is the value a person set: it goes.
    assert "Windows11" not in anonymizer.anonymize("password=Windows11")
