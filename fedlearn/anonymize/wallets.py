"""Wallet secret keys that carry their own checksum (DESIGN.md guarantee 1).

Found missing by the held-out audit bench/audit16g: a key whose encoding says it is secret and
checks itself, so it is redacted wherever it stands, with or without a key before it:

- Bech32 (BIP-173) strings whose human-readable part names a secret key: Nostr's ``nsec1…``
  (NIP-19), Cardano's ``ed25519_sk1…``, ``ed25519e_sk1…`` and root ``xprv1…`` (CIP-5); the
  six-character checksum must verify;
- Stellar secret seeds (SEP-23 StrKey: ``S`` and 55 Base32 characters, version byte ``18 << 3``),
  whose CRC16-XModem must verify;
- Cardano's other CIP-5 signing keys (``addr_xsk1…``, ``root_xsk1…``, ``stake_sk1…``,
  ``policy_sk1…``, ``drep_sk1…``: a human-readable part ending ``_sk``/``_xsk``), checked alike;
- XRP Ledger family seeds: ``s`` and 28 characters of Ripple's Base58 alphabet that decode to
  ``0x21``, 16 bytes and the first 4 bytes of their double SHA-256 (looked for only in a text
  with a run of 29 base64 characters, ``probe.base64_runs``).

A random run of the same alphabet passes a checksum once in a billion (Bech32) or 65,536 times
(CRC16, with the version byte too: once in two million), so the checks keep ids and hashes out.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterator

from fedlearn.anonymize import probe
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Runs, Trigger, secret

BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
# The human-readable parts of secret keys, and the shortest data part of each (its key's bytes).
SECRET_PARTS = {"nsec": 58, "ed25519_sk": 58, "ed25519e_sk": 109, "xprv": 160}
BECH32_KEY = r"(?P<hrp>nsec|ed25519e?_sk|xprv|[a-z]{2,8}(?:_[a-z]{2,8})?_x?sk)1(?P<data>[02-9ac-hj-np-z]{58,200})(?![02-9ac-hj-np-z])"
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
    if len(data) < SECRET_PARTS.get(hrp, 58) or not bech32_verifies(hrp, data):
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


RIPPLE_ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
RIPPLE_VALUES = {character: value for value, character in enumerate(RIPPLE_ALPHABET)}
# A literal head (found at memory speed); the character before is checked by ``ripple_seed``.
RIPPLE_SEED = rf"s[{RIPPLE_ALPHABET}]{{28}}(?![A-Za-z0-9+/=_-])"
BASE64_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-")
RIPPLE_RUN = b"\x01" * 29
SEED_HEAD = ord("s")


def ripple_seed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return an XRP Ledger family seed: ``0x21``, 16 bytes and their double-SHA-256 check."""
    start = match.start()
    if start > 0 and text[start - 1] in BASE64_CHARACTERS:
        return None  # inside a longer run
    number = 0
    for character in match.group():
        number = number * 58 + RIPPLE_VALUES[character]
    if number >= 1 << 168:
        return None
    raw = number.to_bytes(21, "big")
    if raw[0] != 0x21 or hashlib.sha256(hashlib.sha256(raw[:17]).digest()).digest()[:4] != raw[17:]:
        return None
    return match.start(), match.end(), ""


def in_long_runs(pattern: Lazy) -> Matcher:
    """Return a matcher of Ripple seeds tried only in a text with a run of 29 base64 characters
    (``probe.long_runs``, read once for the long-run rules): ordinary text compiles nothing.

    A seed is 29 base64 characters with no base64 character or ``=`` after it: the last 29 of a
    run of 29 or more, so in ASCII text each such run is matched there once (what ``finditer``
    finds, without trying every ``s`` of the text)."""

    def find(subject: str) -> Iterator[re.Match[str]]:
        data, spans, longest = probe.long_runs(subject)
        if longest < len(RIPPLE_RUN):
            return
        if len(data) != len(subject):  # non-ASCII: a byte is not a character
            yield from pattern.finditer(subject)
            return
        for start, end in spans:
            if end - start >= len(RIPPLE_RUN):
                found = pattern.match(subject, end - len(RIPPLE_RUN))
                if found is not None:
                    yield found

    return Matcher(pattern, judge=ripple_seed, find=find)


def has_seed_run(found: Runs) -> bool:
    """
    Return whether a text's long runs hold one of exactly 29 bytes that starts with ``s``: where
    none does, ``ripple_seed`` refuses whatever ``in_long_runs`` finds. A seed it takes is 29
    base64 characters (``s`` and Ripple's alphabet) with no base64 character or ``=`` after it
    (the pattern) nor before it (the judge): a maximal run, of 29 bytes in the UTF-8 too (every
    byte of a non-ASCII character is 0x80 or more, no base64 character).
    """
    data, spans, longest = found
    if longest < len(RIPPLE_RUN):
        return False
    return any(end - start == len(RIPPLE_RUN) and data[start] == SEED_HEAD for start, end in spans)


def rules() -> list[Rule]:
    """Return the rules for Bech32 secret keys and Stellar secret seeds (patterns compiled on
    first use, per anonymizer)."""
    seed = Lazy(STELLAR_SEED)
    return [
        secret(
            "wallet-key",
            Matcher(Lazy(BECH32_KEY), judge=bech32_key),
            Matcher(seed, judge=stellar_seed),
            # Short heads of both shapes: a long counted run would swell the RE2 set's automaton;
            # a seed's S at a run's start only (``stellar_seed``), not at every S inside one.
            gate=r"(?:nsec|_sk|_xsk|xprv)1[02-9ac-hj-np-z]{6}|(?:^|[^A-Za-z0-9_])S[A-Z2-7]{15}",
            trigger=Trigger(
                words=("nsec1", "_sk1", "_xsk1", "xprv1"), patterns=(Lazy(STELLAR_SEED),)
            ),
        ),
        secret(
            "wallet-key",
            in_long_runs(Lazy(RIPPLE_SEED)),
            gate=None,  # a counted run in the RE2 set would multiply its states
            trigger=Trigger(words=("s",)),
            long_run=has_seed_run,  # a seed is a run of exactly 29
        ),
    ]
