"""Key material of the eighth held-out corpus, built from a seeded random source (no library keys):
SEC1 EC private keys on P-256 with the public point computed, PKCS#1 RSA keys from Miller-Rabin
primes, PKCS#8 Ed25519/X25519 seeds, JWKs (EC, RSA, OKP X25519, oct), OpenPGP armor with its
CRC-24 line, PuTTY v3 key files, and ``age`` secret keys (Bech32).

Facts from RFC 5915 (SEC1 DER), RFC 8017 (PKCS#1), RFC 8410 (Ed25519/X25519 in PKCS#8),
RFC 7517/7518 (JWK), RFC 7748 (X25519), RFC 4880 (armor CRC-24), BIP-173 (Bech32) and
age-encryption.org/v1 (``AGE-SECRET-KEY-1``).
"""

from __future__ import annotations

import base64
import json
import random

P256_P = 2**256 - 2**224 + 2**192 + 2**96 - 1
P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
P256_G = (
    0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
)
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def rand(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _add(p: tuple[int, int] | None, q: tuple[int, int] | None) -> tuple[int, int] | None:
    if p is None:
        return q
    if q is None:
        return p
    if p[0] == q[0] and (p[1] + q[1]) % P256_P == 0:
        return None
    if p == q:
        lam = (3 * p[0] * p[0] - 3) * pow(2 * p[1], -1, P256_P) % P256_P
    else:
        lam = (q[1] - p[1]) * pow(q[0] - p[0], -1, P256_P) % P256_P
    x = (lam * lam - p[0] - q[0]) % P256_P
    return x, (lam * (p[0] - x) - p[1]) % P256_P


def p256_public(d: int) -> tuple[int, int]:
    out, add = None, P256_G
    while d:
        if d & 1:
            out = _add(out, add)
        add = _add(add, add)
        d >>= 1
    assert out is not None
    return out


def der(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 128:
        return bytes([tag, n]) + body
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + body


def der_int(value: int) -> bytes:
    raw = value.to_bytes(value.bit_length() // 8 + 1, "big")
    return der(0x02, raw)


def pem(label: str, body: bytes) -> str:
    text = base64.b64encode(body).decode()
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


def body_line(text: str, index: int) -> str:
    """A line of the key's base64 body (the secret a leak check looks for)."""
    lines = [line for line in text.splitlines() if line and not line.startswith("-----")]
    return lines[min(index, len(lines) - 1)]


def ec_scalar(rng: random.Random) -> int:
    return rng.randrange(1, P256_N)


def ec_pem(rng: random.Random) -> tuple[str, str]:
    d = ec_scalar(rng)
    x, y = p256_public(d)
    oid = bytes.fromhex("06082a8648ce3d030107")
    point = b"\x00\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")
    body = (
        der_int(1) + der(0x04, d.to_bytes(32, "big")) + der(0xA0, oid) + der(0xA1, der(0x03, point))
    )
    text = pem("EC PRIVATE KEY", der(0x30, body))
    return text, body_line(text, 0)


def _probable_prime(rng: random.Random, bits: int) -> int:
    while True:
        n = rng.getrandbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if all(n % p for p in (3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)) and _miller_rabin(n, rng):
            return n


def _miller_rabin(n: int, rng: random.Random) -> bool:
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(12):
        x = pow(rng.randrange(2, n - 2), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def rsa_numbers(rng: random.Random, bits: int = 2048) -> dict[str, int]:
    e = 65537
    while True:
        p, q = _probable_prime(rng, bits // 2), _probable_prime(rng, bits // 2)
        phi = (p - 1) * (q - 1)
        if p != q and phi % e:
            break
    d = pow(e, -1, phi)
    return {
        "n": p * q,
        "e": e,
        "d": d,
        "p": p,
        "q": q,
        "dp": d % (p - 1),
        "dq": d % (q - 1),
        "qi": pow(q, -1, p),
    }


def rsa_pem(rng: random.Random) -> tuple[str, str]:
    k = rsa_numbers(rng)
    body = b"".join(
        der_int(v) for v in (0, k["n"], k["e"], k["d"], k["p"], k["q"], k["dp"], k["dq"], k["qi"])
    )
    text = pem("RSA PRIVATE KEY", der(0x30, body))
    return text, body_line(text, 7)


def _pkcs8(oid: str, seed: bytes) -> bytes:
    alg = der(0x30, der(0x06, bytes.fromhex(oid)))
    return der(0x30, der_int(0) + alg + der(0x04, der(0x04, seed)))


def ed25519_pem(rng: random.Random) -> tuple[str, str]:
    text = pem("PRIVATE KEY", _pkcs8("2b6570", rand(rng, 32)))
    return text, body_line(text, 0)


def x25519_pem(rng: random.Random) -> tuple[str, str]:
    text = pem("PRIVATE KEY", _pkcs8("2b656e", rand(rng, 32)))
    return text, body_line(text, 0)


def x25519_public(k: bytes) -> bytes:
    """RFC 7748 X25519(k, 9)."""
    p = 2**255 - 19
    scalar = bytearray(k)
    scalar[0] &= 248
    scalar[31] = (scalar[31] & 127) | 64
    s = int.from_bytes(scalar, "little")
    x1, x2, z2, x3, z3, swap = 9, 1, 0, 9, 1, 0
    for t in reversed(range(255)):
        bit = (s >> t) & 1
        swap ^= bit
        if swap:
            x2, x3, z2, z3 = x3, x2, z3, z2
        swap = bit
        a, b = (x2 + z2) % p, (x2 - z2) % p
        aa, bb = a * a % p, b * b % p
        e = (aa - bb) % p
        c, d = (x3 + z3) % p, (x3 - z3) % p
        da, cb = d * a % p, c * b % p
        x3, z3 = (da + cb) ** 2 % p, x1 * (da - cb) ** 2 % p
        x2, z2 = aa * bb % p, e * (aa + 121665 * e) % p
    if swap:
        x2, z2 = x3, z3
    return (x2 * pow(z2, p - 2, p) % p).to_bytes(32, "little")


def jwk_ec(rng: random.Random) -> tuple[str, str]:
    d = ec_scalar(rng)
    x, y = p256_public(d)
    jwk = {
        "kty": "EC",
        "crv": "P-256",
        "kid": b64u(rand(rng, 8)),
        "x": b64u(x.to_bytes(32, "big")),
        "y": b64u(y.to_bytes(32, "big")),
        "d": b64u(d.to_bytes(32, "big")),
    }
    return json.dumps(jwk), jwk["d"]


def jwk_rsa(rng: random.Random) -> tuple[str, str]:
    k = rsa_numbers(rng, 1024)

    def enc(v: int) -> str:
        return b64u(v.to_bytes((v.bit_length() + 7) // 8, "big"))

    jwk = {
        "kty": "RSA",
        "alg": "RS256",
        "use": "sig",
        "n": enc(k["n"]),
        "e": "AQAB",
        "d": enc(k["d"]),
        "p": enc(k["p"]),
        "q": enc(k["q"]),
        "dp": enc(k["dp"]),
        "dq": enc(k["dq"]),
        "qi": enc(k["qi"]),
    }
    return json.dumps(jwk), jwk["d"]


def jwk_okp(rng: random.Random) -> tuple[str, str]:
    seed = rand(rng, 32)
    jwk = {"kty": "OKP", "crv": "X25519", "x": b64u(x25519_public(seed)), "d": b64u(seed)}
    return json.dumps(jwk), jwk["d"]


def jwk_oct(rng: random.Random) -> tuple[str, str]:
    jwk = {"kty": "oct", "alg": "HS256", "k": b64u(rand(rng, 32))}
    return json.dumps(jwk), jwk["k"]


def crc24(data: bytes) -> int:
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pgp_private(rng: random.Random) -> tuple[str, str]:
    packet = (
        bytes([0xC5])
        + bytes([0x58])
        + bytes([4])
        + rand(rng, 4)
        + bytes([22, 9])
        + bytes.fromhex("2b06010401da470f01")
        + rand(rng, 75)
    )
    text = base64.b64encode(packet).decode()
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    check = base64.b64encode(crc24(packet).to_bytes(3, "big")).decode()
    armor = (
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
        + "\n".join(lines)
        + f"\n={check}\n-----END PGP PRIVATE KEY BLOCK-----"
    )
    return armor, lines[1]


def putty_ppk(rng: random.Random) -> tuple[str, str]:
    pub = base64.b64encode(b"\0\0\0\x0bssh-ed25519\0\0\0\x20" + rand(rng, 32)).decode()
    priv = base64.b64encode(b"\0\0\0\x20" + rand(rng, 32)).decode()
    mac = rand(rng, 32).hex()
    text = (
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@build-07\n"
        f"Public-Lines: 2\n{pub[:64]}\n{pub[64:]}\nPrivate-Lines: 1\n{priv}\nPrivate-MAC: {mac}"
    )
    return text, priv


def _polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def bech32(hrp: str, data: bytes) -> str:
    acc, bits, five = 0, 0, []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    expand = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    mod = _polymod(expand + five + [0] * 6) ^ 1
    check = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in five + check)


def age_secret(rng: random.Random) -> tuple[str, str]:
    key = bech32("age-secret-key-", rand(rng, 32)).upper()
    return key, key


def wireguard(rng: random.Random) -> tuple[str, str]:
    raw = bytearray(rand(rng, 32))
    raw[0] &= 248
    raw[31] = (raw[31] & 127) | 64
    key = base64.b64encode(bytes(raw)).decode()
    return key, key
