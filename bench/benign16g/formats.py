"""Encoders the benign generators need to write values in their real formats (check digits,
checksums, bit layouts), so that a value is one its tool could have printed."""

from __future__ import annotations

import base64
import hashlib
import random
import string

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B64URL = string.ascii_letters + string.digits + "-_"
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
D = string.digits
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
B32_LOWER = "abcdefghijklmnopqrstuvwxyz234567"
NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"
CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
GEOHASH = "0123456789bcdefghjkmnpqrstuvwxyz"
OLC = "23456789CFGHJMPQRVWX"
B83 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~"


def s(r: random.Random, alphabet: str, n: int) -> str:
    """n characters of alphabet."""
    return "".join(r.choice(alphabet) for _ in range(n))


def b64(data: bytes) -> str:
    """Standard base64 with padding."""
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def base62(n: int, width: int) -> str:
    """n in base62 (0-9A-Za-z, KSUID's order), left-padded with 0 to width."""
    out = ""
    while n:
        n, rem = divmod(n, 62)
        out = B62[rem] + out
    return out.rjust(width, "0")


def base58(data: bytes) -> str:
    """Bitcoin base58 (leading zero bytes as 1)."""
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, rem = divmod(n, 58)
        out = B58[rem] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def base58check(version: bytes, payload: bytes) -> str:
    """base58 with the double-SHA-256 checksum of version + payload."""
    body = version + payload
    check = hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4]
    return base58(body + check)


def _polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32(hrp: str, data: list[int]) -> str:
    """BIP-173 bech32 of 5-bit groups with its checksum."""
    expanded = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    poly = _polymod([*expanded, *data, 0, 0, 0, 0, 0, 0]) ^ 1
    check = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + check)


def to5(data: bytes) -> list[int]:
    """Bytes as 5-bit groups (padded)."""
    acc, bits, out = 0, 0, []
    for byte in data:
        acc = acc << 8 | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append(acc >> bits & 31)
    if bits:
        out.append(acc << (5 - bits) & 31)
    return out


def geohash(lat: float, lon: float, length: int) -> str:
    """The geohash of a point."""
    lat_r, lon_r = [-90.0, 90.0], [-180.0, 180.0]
    bits, even, out, ch, n = 0, True, "", 0, 0
    while len(out) < length:
        rng, val = (lon_r, lon) if even else (lat_r, lat)
        mid = (rng[0] + rng[1]) / 2
        if val >= mid:
            ch = ch << 1 | 1
            rng[0] = mid
        else:
            ch <<= 1
            rng[1] = mid
        even = not even
        n += 1
        bits += 1
        if n == 5:
            out += GEOHASH[ch]
            ch, n = 0, 0
    return out


def plus_code(lat: float, lon: float) -> str:
    """An Open Location Code of 10 digits (+ after the 8th)."""
    lat, lon = lat + 90, lon + 180
    out = ""
    res = 20.0
    for _ in range(5):
        a, b = int(lat // res), int(lon // res)
        out += OLC[a] + OLC[b]
        lat -= a * res
        lon -= b * res
        res /= 20
    return out[:8] + "+" + out[8:]


def mod97_check(body: str) -> str:
    """ISO 7064 mod 97-10 check digits (IBAN's, LEI's) for body + '00'."""
    digits = "".join(str(int(c, 36)) for c in body + "00")
    return f"{98 - int(digits) % 97:02d}"


def luhn_digit(digits: str) -> str:
    """The Luhn check digit for a digit string."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def isin(r: random.Random, country: str) -> str:
    """An ISIN with its Luhn check digit over the letters as numbers."""
    body = country + s(r, D, 9)
    return body + luhn_digit("".join(str(int(c, 36)) for c in body))


def varint(n: int) -> bytes:
    """Protobuf varint."""
    out = b""
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def pb_field(num: int, payload: bytes) -> bytes:
    """A length-delimited protobuf field."""
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def vlq(n: int) -> str:
    """One source-map base64 VLQ."""
    b64chars = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
    v = (-n << 1 | 1) if n < 0 else n << 1
    out = ""
    while True:
        digit = v & 31
        v >>= 5
        if v:
            digit |= 32
        out += b64chars[digit]
        if not v:
            return out
