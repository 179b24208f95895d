"""A private key's body lines with no BEGIN line and no DER head (``key_bodies``): told from a
certificate's or a public key's lines by the INTEGERs they decode to. Every block here is cut
from a key or certificate made for these tests (``openssl genrsa``, ``openssl req -x509``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

# The middle of a PKCS#1 RSA key (``-traditional``): a prime's ``02 81 81 00`` in its third line.
PKCS1 = (
    "UJjwKuukf5ot7op1YRfDYlOzkPP2409IVlngUwApZWIgm6rejyX70fePybvp1wjH\n"
    "itVbKlXDccH+yFzuYXgyG1U+bRbCJLdrTl2GMzBif++OH0fcmVYmsR16VmNp80ua\n"
    "iM9t72ECgYEAwD1InHcCROYXmF/zDvmb57oIa1XdxgjMs2+Sby3PRu1kZqMlfwZc"
)
# The middle of a PKCS#8 key (``openssl genrsa``'s default).
PKCS8 = (
    "7lg0SSpF5IneTL19Wwl+pn6HlmGKmm7HEMBfuYeEVn6xstgdXMISKS0r0Ekprw2C\n"
    "5xFhsMG8Edv9hcarjAoUcDRSKk4aB8qYUUP0V6XCZR9+x+u/JDiTtdXHaS1m/muV\n"
    "H9/XepRo44k78lMFbvgWhy11NwKBgQDGamvYAQ9nL1lU9HWn5Fl4SR1aMwL9pbMm\n"
    "FV+7+Xoz40d8cFlWiYu9BD1VbXdi9TSsJft+KOLgB4LfQqmvuD8eTsU/tiVyAl3m"
)
# A 4096-bit key's lines: its primes are ``02 82 01 01 00``.
RSA4096 = (
    "gzV00PWuuy8Rr4gvjtn064dYZTDSTz1DXV90dL+qH/ctS3B7qP9spzrSKaRus3Jl\n"
    "sIjp64LV/0gg39SqKUPUqFbqInfdumO0qndGKOAO1ugkS9FF+SPWIIGqFinp4YbQ\n"
    "7aNZUHfsxhriP/PkvywjKEvJGEZaVGhMYqUNoQrNUDqXeTFgGzZ8pBz6iDlfiYXD\n"
    "xxBH/vEgmphbAoIBAQC1QxCsxBJwydwdRb87AzuuKAGL5rKiHNvxkj8vpqKALf6L\n"
    "+FGxLjWASSlw9XFOFS8U9mlTdUyD9LmvtZ/HBcrUAkDwQUZUu2PbrKdH2EmwI746"
)
# A certificate's lines over its modulus and exponent (``…wIDAQABo1MwUTAd``: 65537, then its
# extensions, no private exponent).
CERTIFICATE = (
    "Z8gLkNRmXq4/mGScEYMiAKQ98ckB7qqaZwFmJ7X9Gaib14OaQ2IkKtSIop/LLLtQ\n"
    "rotSpzazEEwtxqYbqYNdP87Qj/MwN2MHuzK0c3mpvc5jqN3roWvTftjN+kPMh/zK\n"
    "wJM2Q8wTFDHbekJRJ3yyYdOLFAfvts6Epe0y8DgAZmKG2CpjTusRvniMlGS3MDNB\n"
    "AqZN0YMDosfau7CLQhoDEgyjnzwJQWcVKF6jCbCagH/FLQHJbnyuD/udyhSm1VJ+\n"
    "T3eED+verd12IijgKKvzOxOQuuIWUHmrTKfAoV2F3x2v5BsL0wIDAQABo1MwUTAd"
)
# A DSA certificate's lines: ``g`` (``02 82 01 01 00``) right after its 28-byte ``q``.
DSA_CERTIFICATE = (
    "/o9exlH7acMTynzSJ2h8FNsoxQZlehNAc86IokY8K8GyhAaqDMS3OpHhurzpu0P2\n"
    "ZIysrJU95SeZAlyLcgOye61KwWGh0VdXfjki8kxEMJ+xaIeWfoKW6ASCf1PnmTFG\n"
    "i5/yxOMY/vgm04/H2hSQYHdl5txW3CYJKZzu7mWj5/OOk8t/KdSxwEYI4KVLk1DO\n"
    "ueah8KDGNKcDg2bC01PeAaeLvA0oq7+oQ2ECHQCSKVscQHunmaKDY0DoU5pMdv6/\n"
    "kw/U5P/dqShzAoIBAQCGLRiuQF7tCl/4Od/47KDhSwnOrgPR+9qie3P/29rIiHGp"
)
# A public key's lines (``openssl rsa -pubout``).
PUBLIC_KEY = (
    "Og1rZCBgoYLQ3WMBZ8gLkNRmXq4/mGScEYMiAKQ98ckB7qqaZwFmJ7X9Gaib14Oa\n"
    "Q2IkKtSIop/LLLtQrotSpzazEEwtxqYbqYNdP87Qj/MwN2MHuzK0c3mpvc5jqN3r\n"
    "oWvTftjN+kPMh/zKwJM2Q8wTFDHbekJRJ3yyYdOLFAfvts6Epe0y8DgAZmKG2Cpj\n"
    "TusRvniMlGS3MDNBAqZN0YMDosfau7CLQhoDEgyjnzwJQWcVKF6jCbCagH/FLQHJ\n"
    "bnyuD/udyhSm1VJ+T3eED+verd12IijgKKvzOxOQuuIWUHmrTKfAoV2F3x2v5BsL"
)
KEY = "<redacted:private-key>"


def indented(block: str, by: str) -> str:
    """Return ``block`` with each line indented by ``by``."""
    return "\n".join(by + line for line in block.split("\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A terminal scrolled past the key's first lines and cut before its last.
        (PKCS1, KEY),
        (
            f"$ tail -n +9 id_rsa | head -3\n{PKCS1}\n$ ",
            f"$ tail -n +9 id_rsa | head -3\n{KEY}\n$ ",
        ),
        # A log line that kept a few lines of a key it printed.
        (
            f"2026-12-07T10:02:11Z ERROR tls: bad key material:\n{PKCS8}\n...",
            f"2026-12-07T10:02:11Z ERROR tls: bad key material:\n{KEY}\n...",
        ),
        # YAML's block scalar, indented, its BEGIN line outside the quote.
        (
            "  tls.key: |\n" + indented(RSA4096, "    ") + "\n",
            "  tls.key: |\n    " + KEY + "\n",
        ),
        # Prose around a pasted fragment, CRLF line breaks.
        (
            "the tail of the old key, for the record:\r\n"
            + PKCS8.replace("\n", "\r\n")
            + "\r\nrotated.",
            f"the tail of the old key, for the record:\r\n{KEY}\r\nrotated.",
        ),
    ],
)
def test_private_key_bodies_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Certificates' and public keys' lines decode to one large INTEGER behind its header.
        CERTIFICATE,
        f"$ sed -n 5,9p server.crt\n{CERTIFICATE}",
        DSA_CERTIFICATE,
        "  ca.crt: |\n" + indented(PUBLIC_KEY, "    "),
        # One line of a key alone is no block.
        PKCS1.split("\n")[2],
        # Lines of another width (``base64``'s 76), and 64-character lines of hex.
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\nNTY3ODk=",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        "\n60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c6eba02",
    ],
)
def test_certificates_public_keys_and_other_lines_are_no_key(
    anonymizer: Anonymizer, text: str
) -> None:
    # A line of no ``+`` or ``/`` may still read as a generated token (``high-entropy``).
    assert KEY not in anonymizer.anonymize(text)
