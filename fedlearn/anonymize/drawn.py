"""Drawn runs of one kind: whether a run of hex or of lower-case letters and digits was drawn at
random (a scanner's regex-drawn sample, a provider's key) rather than printed (a hash, a Nix store
hash, a bech32 address, an onion name, a name with a version). ``checks`` holds the other value
checks; ``entropy`` and ``key_shapes`` ask these.
"""

from __future__ import annotations

import itertools

from fedlearn.anonymize import rules, words
from fedlearn.anonymize.checks import HEX

# Nix's base32 alphabet (no ``e``, ``o``, ``u``, ``t``): its store hashes are data. A hash in it
# is as long as its digest makes it (MD5 26, SHA-1 and store paths 32, SHA-256 52, SHA-512 103);
# a draw of another length avoids those four letters as often as chance has it (a tenth of
# 20-character draws), so only these lengths are taken for one.
NIX_BASE32 = frozenset("0123456789abcdfghijklmnpqrsvwxyz")
NIX_HASH_LENGTHS = frozenset((26, 32, 52, 103))
LOWER_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
HEX_DIGITS = "0123456789abcdef"
HEX_DIGITS_DROPPED = str.maketrans("", "", HEX_DIGITS)
HEX_DIGIT_BYTES = HEX_DIGITS.encode()
# RFC 4648's base32 in lower case (Tor's ``.onion`` names) and bech32's data characters (after
# the last ``1``: ``bc1q…``, ``age1…``, ``npub1…``, ``lnbc…1p…``, ``cosmos1…``): public encodings.
BASE32_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz234567")
BECH32 = frozenset("qpzry9x8gf2tvdw0s3jn54khce6mua7l")
BECH32_PREFIX = rules.Lazy(r"[a-z]{1,20}(?:[0-9]+[munp]?)?")


def is_drawn_lower(value: str, minimum: int, switches: int) -> bool:
    """
    Return whether ``value`` is ``minimum`` or more lower-case letters and digits drawn at random
    (``4rupe4t7lng8lar2vo1c…``): no hex (a fourth of its characters past ``f``, as a draw has
    more than half), no Nix base32 hash (``NIX_HASH_LENGTHS``), no bech32 (addresses, invoices), switching between a letter and a
    digit ``switches`` times or more (a random draw does every third character or so; names and
    versions seldom: ``python3``, ``ubuntu2204``).
    """
    if len(value) < minimum or past_hex(value) * 4 < len(value):
        return False  # hex, or hex after a prefix (``0x…``): a fourth or more past ``f``
    if not LOWER_ALNUM.issuperset(value) or is_bech32(value):
        return False
    if len(value) in NIX_HASH_LENGTHS and NIX_BASE32.issuperset(value):
        return False
    if value.isalpha() or value.isdigit():
        return False
    found = sum(a.isdigit() != b.isdigit() for a, b in itertools.pairwise(value))
    return found >= switches


def past_hex(value: str) -> int:
    """Return how many characters of ``value`` are no lower-case hex digit. An ASCII value's
    bytes drop them (a string's ``translate`` reads a character at a time: ~6x slower)."""
    if value.isascii():
        return len(value.encode("ascii").translate(None, HEX_DIGIT_BYTES))
    return len(value.translate(HEX_DIGITS_DROPPED))


# Lower-case letters and digits alone count from 40 (``4rupe4t7lng8…``), 10 switches or more.
LOWER_RUN, LOWER_SWITCHES = 40, 10


def is_lower_run(value: str) -> bool:
    """Return whether a lower-case run standing alone is ``LOWER_RUN`` or more letters and digits
    drawn at random (``is_drawn_lower``, a fifth of it switching), not base32 alone (a Tor onion
    name; under a key a TOTP seed counts). Hashes turn back at the first test."""
    if len(value) < LOWER_RUN or past_hex(value) * 4 < len(value):
        return False
    if not is_drawn_lower(value, LOWER_RUN, max(LOWER_SWITCHES, len(value) // 5)):
        return False
    return not BASE32_LOWER.issuperset(value)


def is_drawn_one_class(value: str) -> bool:
    """Return whether a run without upper case, lower case and digits all, or of hex, is drawn:
    ``is_drawn_hex``, or ``is_lower_run`` and no words."""
    return is_drawn_hex(value) or (is_lower_run(value) and not words.is_wordy(value))


def is_bech32(value: str) -> bool:
    """Return whether lower-case ``value`` reads as bech32: a prefix of letters (a Lightning
    invoice's amount after them), ``1``, then its data characters, two thirds of it or more (an
    address, a public key, an invoice); the checksum is not checked."""
    prefix, one, data = value.rpartition("1")
    if not one or len(data) < 6 or len(data) * 3 < len(value) * 2:
        return False  # the data part is most of it
    return BECH32_PREFIX.fullmatch(prefix) is not None and BECH32.issuperset(data)


# A drawn hex key's least length and case switches (``is_drawn_hex``).
DRAWN_HEX_LENGTH = 32
DRAWN_HEX_SWITCHES = 6


def is_drawn_hex(value: str) -> bool:
    """
    Return whether ``value`` is 32 or more hex digits whose letters switch case six or more times
    (``6d2FabeB6ADd229Bc199FabA28…``): a key drawn from ``[a-fA-F0-9]``, as scanners' samples
    and some providers' keys are. A printed hash, id or UUID is one case; an upper-case prefix
    or a URL escape before one (``AC1910…``, ``3De399…``) switches once.
    """
    if len(value) < DRAWN_HEX_LENGTH or not HEX.fullmatch(value) or "-" in value:
        return False
    switches = 0
    upper = None
    for character in value:
        if character.isalpha():
            now = character.isupper()
            switches += upper is not None and now != upper
            upper = now
    return switches >= DRAWN_HEX_SWITCHES
