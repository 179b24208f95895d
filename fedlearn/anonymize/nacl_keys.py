"""An Ed25519 secret key in NaCl's layout, base64 (``private-key``; DESIGN.md guarantee 1).

64 bytes whose second half is the public key of the first (libsodium ``crypto_sign``,
Nix/cachix/attic signing keys ``name:base64``): checked on the Montgomery curve (the seed's
clamped SHA-512 scalar times the base point is the public point's image), so a SHA-512 digest
of the same length fails; not tried after a hash name. A part of ``keymaterial``, whose ``rules``
lists this one first among its own.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

# Base64 of 64 bytes standing alone, and the hash names before one that is a digest.
NACL_RUN = Lazy(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")
HASH_NAMED = Lazy(r"(?i)(?:sha-?512|sha512sum|blake2b?|digest|integrity|hash)[-:=\"' \t]{1,3}\Z")
P = 2**255 - 19


def x25519_base(scalar: bytes) -> int:
    """The Montgomery u-coordinate of the clamped ``scalar`` times the base point (RFC 7748)."""
    k = int.from_bytes(scalar, "little") & ~7 & ((1 << 255) - 1) | (1 << 254)
    x2, z2, x3, z3, swap = 1, 0, 9, 1, 0
    for t in range(254, -1, -1):
        bit = (k >> t) & 1
        if swap ^ bit:
            x2, x3, z2, z3 = x3, x2, z3, z2
        swap = bit
        a, b, c, d = x2 + z2, x2 - z2, x3 + z3, x3 - z3
        aa, bb, da, cb = a * a % P, b * b % P, d * a % P, c * b % P
        x3, z3 = (da + cb) ** 2 % P, 9 * (da - cb) ** 2 % P
        x2, z2 = aa * bb % P, (aa - bb) * (aa + 121665 * (aa - bb)) % P
    if swap:
        x2, z2 = x3, z3
    return x2 * pow(z2, P - 2, P) % P


def is_nacl_secret(data: bytes) -> bool:
    """Return whether 64 bytes are an Ed25519 seed followed by its public key."""
    y = int.from_bytes(data[32:], "little") & ((1 << 255) - 1)
    if y >= P or y == 1:
        return False
    u = (1 + y) * pow(1 - y, P - 2, P) % P
    return x25519_base(hashlib.sha512(data[:32]).digest()[:32]) == u


def nacl_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a base64 Ed25519 secret key (seed and public key), or None."""
    if HASH_NAMED.search(text, max(0, match.start() - 16), match.start()):
        return None
    data = base64.b64decode(match.group())  # 88 base64 characters: always decodes
    return (*match.span(), "private-key") if is_nacl_secret(data) else None


def rule() -> Rule:
    """Return the rule for a base64 Ed25519 secret key in NaCl's layout."""
    return secret(
        "private-key",
        Matcher(Lazy(NACL_RUN.pattern), judge=nacl_key),
        trigger=Trigger(words=("==",)),
        # Short: a counted run is one state per count, multiplying the RE2 set's others
        # (8 counts: ~7 MB of its automaton on diverse text, bench/README.md session 25).
        gate=r"[A-Za-z0-9+/]{2}==",
    )
