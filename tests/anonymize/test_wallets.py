"""Wallet secret keys that carry their own checksum: Bech32 secret keys, Stellar secret seeds."""

from __future__ import annotations

import base64
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.anonymize import Anonymizer, wallets
from fedlearn.anonymize.rules import Lazy


def bech32(hrp: str, data: bytes) -> str:
    """Return the BIP-173 Bech32 string of ``data`` under ``hrp``."""
    acc, bits, five = 0, 0, []
    for byte in data:
        acc, bits = (acc << 8) | byte, bits + 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + five + [0] * 6
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate(wallets.GENERATOR):
            check ^= generator if (top >> i) & 1 else 0
    mod = check ^ 1
    five += [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(wallets.BECH32[d] for d in five)


def strkey(version: int, payload: bytes) -> str:
    """Return a Stellar StrKey of ``payload`` with ``version``."""
    body = bytes([version]) + payload
    return base64.b32encode(body + wallets.crc16_xmodem(body).to_bytes(2, "little")).decode()


KEY32 = bytes(range(7, 39))
KEY64 = bytes(range(100, 164))


@pytest.mark.parametrize(
    "secret",
    [
        bech32("nsec", KEY32),
        bech32("ed25519_sk", KEY32),
        bech32("ed25519e_sk", KEY64),
        strkey(18 << 3, KEY32),
    ],
)
@pytest.mark.parametrize("template", ["{s}", "key: {s}", '{{"sk":"{s}"}}', "回复 {s} 谢谢"])
def test_wallet_keys_are_redacted(anonymizer: Anonymizer, secret: str, template: str) -> None:
    """A checked secret key is redacted with or without a key before it."""
    out = anonymizer.anonymize(template.format(s=secret))
    assert secret not in out and "<redacted:wallet-key>" in out


@pytest.mark.parametrize(
    "text",
    [
        bech32("npub", KEY32),  # a public key
        bech32("addr", KEY64),  # an address
        strkey(6 << 3, KEY32),  # a Stellar account id (public)
        bech32("nsec", KEY32)[:-1] + "q",  # a broken checksum
        strkey(18 << 3, KEY32)[:-2] + "AA",
        "S" + "A" * 55,
        "x" + bech32("nsec", KEY32),  # part of a longer word
    ],
)
def test_public_keys_and_broken_checksums_stay(anonymizer: Anonymizer, text: str) -> None:
    """Public keys, addresses and strings whose checksum fails stay."""
    assert anonymizer.anonymize(f"wallet {text} ok") == f"wallet {text} ok"


def ripple(body: bytes) -> str:
    """Return an XRP Ledger family seed of 16 bytes (Ripple's Base58Check, version 0x21)."""
    raw = b"\x21" + body
    raw += hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    number, out = int.from_bytes(raw, "big"), ""
    while number:
        number, digit = divmod(number, 58)
        out = wallets.RIPPLE_ALPHABET[digit] + out
    return out


@pytest.mark.parametrize(
    "secret",
    [
        bech32("addr_xsk", bytes(range(96))),  # CIP-5 keys beyond ed25519_sk
        bech32("stake_sk", KEY32),
        bech32("policy_sk", KEY32),
        ripple(bytes(range(100, 116))),
        ripple(bytes(range(1, 17))),
    ],
)
@pytest.mark.parametrize("template", ["{s}", "xrp_secret:\n----\n{s}\n", "  | 7 | {s} |"])
def test_cardano_and_ripple_keys_are_redacted(
    anonymizer: Anonymizer, secret: str, template: str
) -> None:
    """A CIP-5 signing key or a Ripple family seed is redacted wherever it stands."""
    out = anonymizer.anonymize(template.format(s=secret))
    assert secret not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        bech32("addr_vk", KEY32),  # a verification (public) key
        bech32("stake_xvk", bytes(range(64))),
        ripple(bytes(range(100, 116)))[:-1] + "z",  # a broken check
        "sn" + "r" * 27,
        "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",  # a Ripple account address (public)
    ],
)
def test_public_cardano_keys_and_broken_seeds_stay(anonymizer: Anonymizer, text: str) -> None:
    """Verification keys, addresses and seeds whose check fails stay."""
    assert anonymizer.anonymize(f"wallet {text} ok") == f"wallet {text} ok"


SEED = Lazy(wallets.RIPPLE_SEED)
FIND = wallets.in_long_runs(SEED).find


def seeds(text: str) -> list[object]:
    """Return what ``in_long_runs`` finds, as spans (``finditer``'s are the reference)."""
    assert FIND is not None
    return [match.span() for match in FIND(text)]


@pytest.mark.parametrize(
    "text",
    [
        ripple(bytes(range(1, 17))),
        "x " + ripple(bytes(range(1, 17))) + " y",
        "ab" + ripple(bytes(range(1, 17))),  # the last 29 of a longer run
        ripple(bytes(range(1, 17))) + "=",  # a ``=`` after: none
        ripple(bytes(range(1, 17))) + "/",  # the run goes on: none
        "s" + "r" * 28 + "\n" + "q" * 40 + "s" + "p" * 28,
        "é " + ripple(bytes(range(1, 17))),  # non-ASCII: searched
        "s" + "r" * 27,
        "/run/" + "s" * 40 + ".env",
    ],
)
def test_seeds_are_found_at_the_end_of_runs_as_finditer_finds_them(text: str) -> None:
    assert seeds(text) == [match.span() for match in SEED.finditer(text)]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from(["s", "r", "p" * 14, "A", "-", "=", " ", "/", "é", "\n"]), max_size=30)
)
def test_seed_runs_generated(parts: list[str]) -> None:
    text = "".join(parts)
    assert seeds(text) == [match.span() for match in SEED.finditer(text)]
