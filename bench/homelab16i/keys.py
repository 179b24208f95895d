"""Key material of the home-lab corpus, computed as the tools compute it (pure Python, seeded).

- ``bech32``: BIP-173 bech32 with its checksum (age's ``AGE-SECRET-KEY-1…`` secret and ``age1…``
  public keys, as in age's spec: HRP ``age-secret-key-`` upper-cased / ``age``).
- ``x25519_public``: RFC 7748 X25519 of the clamped scalar and the base point 9 (WireGuard public
  keys from their private keys, age recipients from their identities).
- ``ed25519_public``: RFC 8032 public key of a 32-byte seed (Nix binary-cache keys
  ``name:base64(seed || public)``, OpenSSH ed25519 keys).
- ``github_token``: GitHub's token format: prefix, 30 base62 characters and the CRC32 of those
  in 6 base62 digits.
- ``nixbase32``: Nix's base-32 (alphabet without e, o, u, t; least significant first) for store
  path hashes.
- ``syncthing_id``: a Syncthing device ID: base32 of the certificate's SHA-256 with one Luhn
  mod 32 check character per 13 characters, in groups of 7.
"""

from __future__ import annotations

import base64
import hashlib
import random
import string
import zlib

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def rand(rng: random.Random, n: int) -> bytes:
    """n seeded random bytes."""
    return bytes(rng.getrandbits(8) for _ in range(n))


def _polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32(hrp: str, data: bytes) -> str:
    """BIP-173 bech32 of ``data`` (8-bit groups regrouped to 5 bits) with its checksum."""
    acc, bits, five = 0, 0, []
    for byte in data:
        acc = acc << 8 | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append(acc >> bits & 31)
    if bits:
        five.append(acc << (5 - bits) & 31)
    expand = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = _polymod(expand + five + [0] * 6) ^ 1
    check = [mod >> 5 * (5 - i) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[d] for d in five + check)


P = 2**255 - 19


def x25519_public(secret: bytes) -> bytes:
    """RFC 7748 X25519(secret, 9)."""
    k = bytearray(secret)
    k[0] &= 248
    k[31] &= 127
    k[31] |= 64
    n = int.from_bytes(k, "little")
    x1, x2, z2, x3, z3, swap = 9, 1, 0, 9, 1, 0
    for t in reversed(range(255)):
        bit = n >> t & 1
        swap ^= bit
        if swap:
            x2, x3, z2, z3 = x3, x2, z3, z2
        swap = bit
        a, b = (x2 + z2) % P, (x2 - z2) % P
        aa, bb = a * a % P, b * b % P
        e = (aa - bb) % P
        c, d = (x3 + z3) % P, (x3 - z3) % P
        da, cb = d * a % P, c * b % P
        x3 = (da + cb) ** 2 % P
        z3 = x1 * (da - cb) ** 2 % P
        x2 = aa * bb % P
        z2 = e * (aa + 121665 * e) % P
    if swap:
        x2, z2 = x3, z3
    return (x2 * pow(z2, P - 2, P) % P).to_bytes(32, "little")


def clamp(secret: bytes) -> bytes:
    """A WireGuard private key as ``wg genkey`` prints it: clamped."""
    k = bytearray(secret)
    k[0] &= 248
    k[31] = (k[31] & 127) | 64
    return bytes(k)


_D = -121665 * pow(121666, P - 2, P) % P
_I = pow(2, (P - 1) // 4, P)


def _xrecover(y: int) -> int:
    xx = (y * y - 1) * pow(_D * y * y + 1, P - 2, P)
    x = pow(xx, (P + 3) // 8, P)
    if (x * x - xx) % P:
        x = x * _I % P
    return P - x if x % 2 else x


_BY = 4 * pow(5, P - 2, P) % P
_B = (_xrecover(_BY), _BY)


def _add(p: tuple[int, int], q: tuple[int, int]) -> tuple[int, int]:
    (x1, y1), (x2, y2) = p, q
    t = _D * x1 * x2 * y1 * y2
    return (
        (x1 * y2 + x2 * y1) * pow(1 + t, P - 2, P) % P,
        (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P,
    )


def ed25519_public(seed: bytes) -> bytes:
    """RFC 8032 public key of a 32-byte seed."""
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    point, acc = _B, (0, 1)
    while a:
        if a & 1:
            acc = _add(acc, point)
        point = _add(point, point)
        a >>= 1
    x, y = acc
    return (y | (x & 1) << 255).to_bytes(32, "little")


def b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def github_token(prefix: str, rng: random.Random) -> str:
    """A GitHub token: prefix, 30 base62 characters, their CRC32 in 6 base62 digits."""
    body = "".join(rng.choice(B62) for _ in range(30))
    return prefix + body + b62(zlib.crc32(body.encode()), 6)


NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"


def nixbase32(data: bytes) -> str:
    """Nix's base-32 of ``data``."""
    n = len(data) * 8 // 5 + (1 if len(data) * 8 % 5 else 0)
    out = []
    for i in reversed(range(n)):
        b = i * 5
        j, k = divmod(b, 8)
        c = data[j] >> k
        if j + 1 < len(data):
            c |= data[j + 1] << (8 - k)
        out.append(NIX32[c & 31])
    return "".join(out)


B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _luhn32(s: str) -> str:
    factor, total = 1, 0
    for ch in s:
        addend = factor * B32.index(ch)
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return B32[(32 - total % 32) % 32]


def syncthing_id(rng: random.Random) -> str:
    """A Syncthing device ID from a (random) certificate digest."""
    raw = base64.b32encode(hashlib.sha256(rand(rng, 32)).digest()).decode().rstrip("=")
    chunks = [raw[i : i + 13] for i in range(0, 52, 13)]
    full = "".join(c + _luhn32(c) for c in chunks)
    return "-".join(full[i : i + 7] for i in range(0, 56, 7))


def openssh_ed25519(rng: random.Random, comment: str) -> tuple[str, str]:
    """An unencrypted OpenSSH ed25519 private key file and its ``ssh-ed25519`` public line."""

    def sstr(b: bytes) -> bytes:
        return len(b).to_bytes(4, "big") + b

    seed = rand(rng, 32)
    pub = ed25519_public(seed)
    pubblob = sstr(b"ssh-ed25519") + sstr(pub)
    check = rand(rng, 4)
    priv = check + check + pubblob + sstr(seed + pub) + sstr(comment.encode())
    priv += bytes(range(1, 1 + (8 - len(priv) % 8) % 8))
    blob = b"openssh-key-v1\0" + sstr(b"none") + sstr(b"none") + sstr(b"")
    blob += (1).to_bytes(4, "big") + sstr(pubblob) + sstr(priv)
    body = base64.b64encode(blob).decode()
    lines = [body[i : i + 70] for i in range(0, len(body), 70)]
    text = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines)
    text += "\n-----END OPENSSH PRIVATE KEY-----"
    public = "ssh-ed25519 " + base64.b64encode(pubblob).decode() + " " + comment
    return text, public
