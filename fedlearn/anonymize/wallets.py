"""Wallet secret keys that carry their own checksum (DESIGN.md guarantee 1).

Found missing by the held-out audit bench/audit16g: a key whose encoding says it is secret and
checks itself, so it is redacted wherever it stands, with or without a key before it:

- Bech32 (BIP-173) strings whose human-readable part names a secret key: Nostr's ``nsec1…``
  (NIP-19), Cardano's ``ed25519_sk1…``, ``ed25519e_sk1…`` and root ``xprv1…`` (CIP-5); the
  six-character checksum must verify;
- Stellar secret seeds (SEP-23 StrKey: ``S`` and 55 Base32 characters, version byte ``18 << 3``),
  whose CRC16-XModem must verify.

A random run of the same alphabet passes a checksum once in a billion (Bech32) or 65,536 times
(CRC16, with the version byte too: once in two million), so the checks keep ids and hashes out.
"""

from __future__ import annotations

import base64
import binascii
import re

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
# The human-readable parts of secret keys, and the shortest data part of each (its key's bytes).
SECRET_PARTS = {"nsec": 58, "ed25519_sk": 58, "ed25519e_sk": 109, "xprv": 160}
BECH32_KEY = (
    r"(?P<hrp>nsec|ed25519e?_sk|xprv)1(?P<data>[02-9ac-hj-np-z]{58,200})(?![02-9ac-hj-np-z])"
)
STELLAR_SEED = r"S[A-Z2-7]{55}(?![A-Za-z0-9])"


def bech32_verifies(hrp: str, data: str) -> bool:
    """Return whether ``hrp`` and ``data`` (without the ``1``) pass the Bech32 checksum."""
    check = 1
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    values += [BECH32.index(c) for c in data]
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate(GENERATOR):
            check ^= generator if (top >> i) & 1 else 0
    return check == 1


def bech32_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a Bech32 secret key whose checksum verifies and whose data fits its key."""
    start = match.start()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    hrp, data = match.group("hrp"), match.group("data")
    if len(data) < SECRET_PARTS[hrp] or not bech32_verifies(hrp, data):
        return None
    return start, match.end(), ""


def crc16_xmodem(data: bytes) -> int:
    """Return the CRC16-XModem of ``data`` (StrKey's checksum)."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def stellar_seed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a Stellar secret seed: its version byte is a seed's and its CRC16 verifies."""
    start = match.start()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    try:
        raw = base64.b32decode(match.group())
    except binascii.Error:
        return None
    if len(raw) != 35 or raw[0] != 18 << 3:
        return None
    if crc16_xmodem(raw[:33]) != int.from_bytes(raw[33:], "little"):
        return None
    return start, match.end(), ""


def rules() -> list[Rule]:
    """Return the rules for Bech32 secret keys and Stellar secret seeds (patterns compiled on
    first use, per anonymizer)."""
    seed = Lazy(STELLAR_SEED)
    return [
        secret(
            "wallet-key",
            Matcher(Lazy(BECH32_KEY), judge=bech32_key),
            Matcher(seed, judge=stellar_seed),
            # Short heads of both shapes: a long counted run would swell the RE2 set's automaton.
            gate=r"(?:nsec|_sk|xprv)1[02-9ac-hj-np-z]{6}|S[A-Z2-7]{15}",
            trigger=Trigger(words=("nsec1", "_sk1", "xprv1"), patterns=(Lazy(STELLAR_SEED),)),
        )
    ]
