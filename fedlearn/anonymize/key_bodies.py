"""A private key's body lines with neither its BEGIN line nor its DER head (DESIGN.md guarantee 1),
a part of ``keymaterial``.

A terminal scrolled past a key's first lines, a log that kept a few lines of it, a paste cut at
both ends: what is left is a block of PEM's 64-character base64 lines (RFC 7468), each of 48
bytes, so the block decodes on its own whatever line it starts at. A certificate's or a public
key's body is the same form; the bytes tell them apart. An RSA private key (PKCS#1, or PKCS#8
around it) holds its public exponent followed by another large INTEGER, the private exponent
(``02 03 01 00 01 02 82 …``; a public key's exponent ends its SEQUENCE), and its primes and their
exponents are large INTEGERs (``02 81 81 00``, ``02 82 01 01 00``) that follow another INTEGER's
last byte; in a certificate or a public key the one large INTEGER, the modulus, follows its
SEQUENCE's header (``30 82 01 0a``), a DSA key's ``g`` follows its ``q`` of 20 to 32 bytes and
its ``y`` a BIT STRING's header.
A block of two lines or more with either mark is ``private-key``; from ``bench/outputs27``
(``openssl`` output cut to its middle lines). A block with no such mark (a certificate, a short
fragment, random base64) stays, as does one line alone.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

from fedlearn.anonymize import probe
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Runs, Trigger, secret

LINE = 64
LINE_BREAKS = (b"\n", b"\r")
# Two PEM lines or more, each maybe indented: full 64-character lines, then maybe a shorter last
# one (maybe padded) that ends its line and holds a digit, ``+``, ``/`` or ``=`` or 16 characters
# (a word on the next line is prose, not the key's end); the block starts no longer run of base64
# or base64url (its first line is a run of exactly 64, ``probe.long_runs``', before a line break).
BLOCK = Lazy(
    r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{64}(?:\r?\n[ \t]*[A-Za-z0-9+/]{64})+"
    r"(?:\r?\n[ \t]*(?=[A-Za-z]{0,15}[0-9+/=])[A-Za-z0-9+/]{4,63}={0,2}(?=[ \t]*(?:\r?\n|$)))?"
    r"(?![A-Za-z0-9+/=])"
)
SPACE = re.compile(r"\s+")
# The public exponent 65537 and the INTEGER after it (the private exponent, 128 bytes or more).
EXPONENT_THEN_INTEGER = re.compile(rb"\x02\x03\x01\x00\x01\x02[\x81\x82]")
# A large INTEGER's header: 128 or 129 bytes, or two length bytes of 256 to 1,025.
LARGE_INTEGER = re.compile(rb"\x02(?:\x81[\x80\x81]|\x82[\x01-\x04][\x00-\xff])")
# What a public key's or certificate's large INTEGER follows: a SEQUENCE's header (RSA's ``n, e``,
# DSA's ``p, q, g``), a BIT STRING's (a DSA public key's ``y``) or an OCTET STRING's, or a DSA
# ``q`` of 20, 28 or 32 bytes (checked by its own header further back).
HEADER_BEFORE = re.compile(
    rb"(?:[\x30\x04]\x81[\x00-\xff]|[\x30\x04]\x82[\x00-\xff]{2}"
    rb"|\x03\x81[\x00-\xff]\x00|\x03\x82[\x00-\xff]{2}\x00)\Z"
)
DSA_Q = tuple(
    (size + len(head), head)
    for size in (20, 28, 32)
    for head in (bytes((2, size)), bytes((2, size + 1, 0)))
)

LOOK_BACK = max(back for back, _head in DSA_Q)


def has_line_run(found: Runs) -> bool:
    """Return whether a text's long runs hold one of exactly 64 bytes that ends its line (a full
    PEM line): where none does, ``blocks`` finds nothing (a block's first line is such a run)."""
    data, spans, longest = found
    return longest >= LINE and any(
        end - start == LINE and data[end : end + 1] in LINE_BREAKS for start, end in spans
    )


def blocks(subject: str) -> Iterator[re.Match[str]]:
    """Yield the blocks of PEM lines in a text, each tried where a full line starts (in ASCII
    text, where a byte is a character; elsewhere searched for)."""
    found = probe.long_runs(subject)
    if not has_line_run(found):
        return
    data, spans, _longest = found
    if len(data) != len(subject):
        yield from BLOCK.finditer(subject)
        return
    reached = 0
    for start, end in spans:
        if start >= reached and end - start == LINE and data[end : end + 1] in LINE_BREAKS:
            block = BLOCK.match(subject, start)
            if block is not None:
                reached = block.end()
                yield block


def follows_integer(data: bytes, start: int) -> bool:
    """Return whether the large INTEGER at ``start`` follows another INTEGER's bytes, not a
    header or a DSA ``q`` (one too near the cut, what it follows unseen, is not read)."""
    if start < LOOK_BACK or HEADER_BEFORE.search(data, max(0, start - 5), start) is not None:
        return False
    return not any(
        start >= back and data[start - back : start - back + len(head)] == head
        for back, head in DSA_Q
    )


def is_private_der(data: bytes) -> bool:
    """Return whether DER bytes cut anywhere hold an RSA private key's marks."""
    if EXPONENT_THEN_INTEGER.search(data) is not None:
        return True
    return any(follows_integer(data, found.start()) for found in LARGE_INTEGER.finditer(data))


def key_body(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a block of PEM lines whose bytes are a private key's, or None."""
    characters = SPACE.sub("", match.group()).rstrip("=")
    try:
        data = base64.b64decode(characters[: len(characters) // 4 * 4], validate=True)
    except (binascii.Error, ValueError):
        return None
    return (match.start(), match.end(), "") if is_private_der(data) else None


def rule() -> Rule:
    """Return the rule for a private key's body lines with no BEGIN line and no DER head."""
    return secret(
        "private-key",
        Matcher(Lazy(BLOCK.pattern), judge=key_body, find=blocks),
        gate=None,  # a counted run of 64 in the RE2 set would multiply its states
        trigger=Trigger(words=("\n",)),
        long_run=has_line_run,  # a full line is a run of exactly 64
    )
