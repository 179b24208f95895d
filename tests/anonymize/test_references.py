"""Values under a secret's key that name where the secret is (a reference), and values that only
look like one: slashed base64, a generated value with ``xxx`` in it by chance, URL-encoded ones."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, references


@pytest.mark.parametrize(
    ("value", "reference"),
    [
        ("/q7Kd0wPz3Rb+Tn5yLc8vXa1Mf4sHj2Ue6GiNo9BY", False),
        ("/Xk3mQ9vLz7Rp2Tw8/Nc4Ya6Hd1Fs5Gu0Je=", False),
        ("5f0c9e2a-xxx-q8Lm3Tz7Vw1Rk4Np6Hb9", False),
        ("Rz8XxX1mk!Qp4Lv7Tn2W", False),
        ("/run/secrets/db_password", True),
        ("/var/run/secrets/kubernetes.io/serviceaccount/token", True),
        ("/etc/pki/tls/private/server2024Key", True),
        ("sk-proj-xxxxxxxxxxxxxxxxxxxxxxxx", True),
        ("pk_live_xxx", True),
        ("${DB_PASSWORD}", True),
    ],
)
def test_a_blob_or_a_chance_xxx_is_no_reference(value: str, reference: bool) -> None:
    """Base64 that starts with ``/`` and a generated value with ``xxx`` in it are values."""
    assert references.is_reference(value) == reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SMTP_PASS=/q7Kd0wPz3Rb+Tn5yLc8vXa1Mf4sHj2Ue6GiNo9BY", "SMTP_PASS=<redacted:password>"),
        ("pwd: /Xk3mQ9vLz7Rp2Tw8/Nc4Ya6Hd1Fs5Gu0Je=", "pwd: <redacted:password>"),
        ("API_KEY='Rz8XxX1mk!Qp4Lv7Tn2W'", "API_KEY='<redacted:api-key>'"),
        ("password_file=/run/secrets/db", "password_file=/run/secrets/db"),
        ("api_key: sk-proj-xxxxxxxxxxxxxxxx", "api_key: sk-proj-xxxxxxxxxxxxxxxx"),
    ],
)
def test_blobs_and_chance_xxx_under_a_key_go(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Under a secret's key, slashed base64 and a value with ``xxx`` by chance are redacted."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("value", "reference"),
    [
        ("%24%7BSMTP_RELAY_SECRET%7D", True),
        ("%24REDIS_PASS", True),
        ("%2Fvar%2Frun%2Fsecrets%2Fsmtp", True),
        ("%252Fvar%252Frun%252Fsecrets%252Fsmtp", True),
        ("p%40ssW0rd%21x9Lq", False),
        ("%2FXk3mQ9vLz7Rp2Tw8%2FNc4Ya6Hd1Fs5Gu0Je%3D", False),
        ("q7Kd%24%7Bw", False),
    ],
)
def test_a_url_encoded_value_is_judged_as_it_decodes(value: str, reference: bool) -> None:
    """``%24%7BX%7D`` is the reference ``${X}``; an encoded password or base64 stays a value."""
    assert references.is_reference(value) == reference
