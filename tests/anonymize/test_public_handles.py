"""KSUIDs, WebAuthn credential ids, JWK key ids, typed public keys and build hashes that stay."""

from __future__ import annotations

import base64
import hashlib
import random

import pytest

from fedlearn.anonymize import Anonymizer, public_handles

BASE62 = public_handles.BASE62


def ksuid(seconds: int, seed: int) -> str:
    """Return the KSUID of a Unix time ``seconds`` and a payload drawn from ``seed``."""
    number = (seconds - public_handles.KSUID_EPOCH) << 128 | random.Random(seed).getrandbits(128)
    digits = ""
    while number:
        number, digit = divmod(number, 62)
        digits = BASE62[digit] + digits
    return digits.rjust(27, "0")


def draw(seed: int, length: int, alphabet: str) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(length))


URLSAFE = BASE62 + "-_"
KSUID_2023 = ksuid(1_690_000_000, 11)
KSUID_2031 = ksuid(1_950_000_000, 12)
NOT_KSUID = "Zq" + draw(13, 25, BASE62)  # over 160 bits: no KSUID
CRED_16 = base64.urlsafe_b64encode(random.Random(14).randbytes(16)).decode().rstrip("=")
CRED_64 = base64.urlsafe_b64encode(random.Random(16).randbytes(64)).decode().rstrip("=")
KID = draw(16, 43, URLSAFE)
HEX64 = hashlib.sha256(b"public_handles").hexdigest()


def test_ksuid_shapes() -> None:
    assert public_handles.is_ksuid(KSUID_2023) and public_handles.is_ksuid(KSUID_2031)
    assert not public_handles.is_ksuid(NOT_KSUID)
    assert not public_handles.is_ksuid(ksuid(1_401_000_000, 17))  # 2014: before 2015
    assert not public_handles.is_ksuid(KSUID_2023[:-1] + "!")


@pytest.mark.parametrize(
    "text",
    [
        f"KeyError: '{KSUID_2023}' missing from outbox (ksuid order)",
        f'analytics: flush failed for eventId "{KSUID_2031}": 503',
        f"worker: order id '{KSUID_2023}' already acked",
        f"WebAuthn: credential {CRED_16} not found on this authenticator",
        f"NotAllowedError: credential {CRED_64} is not allowed on this origin",
        f"passkey login failed: credential '{CRED_16}' unknown",
        f'PyJWKClientError: Unable to find a signing key that matches: "{KID}"',
        f"tailscaled: machine key mkey:{HEX64} authorized",
        f"control: new machine key mkey:{HEX64[::-1]} for node n7Tq",
        '{"fileInfos":[{"version":"' + HEX64[::-1] + '","signature":"' + HEX64 + '"}]}',
    ],
)
def test_public_handles_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A KSUID's shape is not enough: a secret's label, or no label and no ``ksuid`` word.
        (f"session id '{KSUID_2023}' expired", KSUID_2023),
        (f"deploy with token {KSUID_2031}", KSUID_2031),
        (f"ksuid batch, api key {NOT_KSUID}", NOT_KSUID),
        (f"ksuid order kept; auth_ksuid: {KSUID_2023}", KSUID_2023),
        (f"ksuid log: tokenError; token {KSUID_2031}", KSUID_2031),
        # ``credential <value>`` outside WebAuthn, a provider's key after it.
        (f"login failed: credential {CRED_16} rejected", CRED_16),
        (f"NotAllowedError: credential sk_{CRED_16} leaked", CRED_16),
        (f"signing key: {KID}", KID),
        (f"tailscaled: machine key privkey:{HEX64}", HEX64),
        ('{"webhook":{"signature":"' + HEX64 + '"}}', HEX64),
    ],
)
def test_secrets_like_public_handles_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)
