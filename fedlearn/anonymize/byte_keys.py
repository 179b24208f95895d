"""A key written as an array of its bytes (DESIGN.md guarantee 1), a part of ``keymaterial``.

- a key as an array of its 16, 24, 32 or 64 bytes (decimal or ``0x``; JSON, YAML, Nix lists) right
  after a name that names a secret (``network_key: [1, 3, …]``, Zigbee2MQTT), on its line or ending
  the line above, its values varied (8 distinct, not a run): that name's rule;
- ``private-key``: a Solana keypair file's JSON array of 64 bytes (``id.json``) in a text that
  names a key (``keypair``, ``solana``, ``secret``, ``private``, ``wallet``, ``id.json``).

``keymaterial.rules`` lists the two rules among the other key material's, in its priority order.
"""

from __future__ import annotations

import itertools
import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Many, Matcher, Rule, Trigger, secret

# A key as an array of bytes, and the name before it (then quotes, ``=``/``:`` or a line break).
BYTE = r"(?:0[xX][0-9a-fA-F]{1,2}|[0-9]{1,3})"
BYTE_KEY = Lazy(
    r"\[[ \t\r\n]*"
    + BYTE
    + r"(?:(?:[ \t\r\n]*,[ \t\r\n]*|[ \t\r\n]+)"
    + BYTE
    + r"){15,63}[ \t\r\n]*,?[ \t\r\n]*\]"
)
BYTE_NUMBER = Lazy(BYTE)
NAME_BEFORE = Lazy(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,80})[\"'`]?[ \t]*(?:[:=][ \t]*|\r?\n[ \t]*)"
    r"(?:[\"'][ \t]*)?\Z"
)
KEY_SIZES = frozenset({16, 24, 32, 64})
# A Solana keypair file (``id.json``): a JSON array of the 64 bytes of the key, in a text that says
# what it is.
BYTE_ARRAY = Lazy(r"\[[ \t\r\n]*[0-9]{1,3}(?:[ \t\r\n]*,[ \t\r\n]*[0-9]{1,3}){63}[ \t\r\n]*\]")
KEYPAIR_WORDS = ("keypair", "solana", "secret", "private", "id.json", "wallet")


def byte_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a byte array under a secret's name, or None."""
    numbers = BYTE_NUMBER.compiled.findall(match.group())
    values = [int(n, 16) if n[:2] in ("0x", "0X") else int(n) for n in numbers]
    if len(values) not in KEY_SIZES or max(values) > 255 or len(set(values)) < 8:
        return None
    if len({b - a for a, b in itertools.pairwise(values)}) == 1:
        return None  # a run: 0, 1, 2, … or 255, 254, …
    before = NAME_BEFORE.search(text, max(0, match.start() - 120), match.start())
    name = None if before is None else key_names.classify_key(before.group("key"))
    return None if name is None else (match.start(), match.end(), name)


def keypair_bytes(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a 64-byte key array (every number a byte) in a text naming a key."""
    lower = text.lower()
    if not any(word in lower for word in KEYPAIR_WORDS):
        return None
    numbers = match.group()[1:-1].split(",")
    if any(int(number) > 255 for number in numbers):
        return None
    return match.start(), match.end(), "private-key"


def named() -> Rule:
    """Return the rule for a key as an array of bytes under a name that names a secret."""
    return Rule(
        key_names.NAMES,
        (Matcher(Lazy(BYTE_KEY.pattern), judge=byte_key),),
        trigger=Trigger(patterns=(Lazy(r"\[[ \t\r\n]*[0-9]"),)),
        gate=r"\[[ \t\r\n]*(?:0[xX])?[0-9a-fA-F]{1,3}(?:[ \t\r\n]*,[ \t\r\n]*|[ \t\r\n]+)"
        r"(?:0[xX])?[0-9]",
    )


def keypair() -> Rule:
    """Return the rule for a Solana keypair file's 64 bytes in a text that names a key."""
    return secret(
        "private-key",
        Matcher(Lazy(BYTE_ARRAY.pattern), judge=keypair_bytes),
        trigger=Trigger(patterns=(Many(Lazy(r",[ \t\r\n]*[0-9]{1,3}"), 63),)),
        gate=r"\[[ \t\r\n]*[0-9]{1,3}[ \t\r\n]*,[ \t\r\n]*[0-9]{1,3}[ \t\r\n]*,",
    )
