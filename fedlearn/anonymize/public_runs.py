"""Runs the look rules take for generated that are public or no token at all (guarantee 1).

A long mixed run reads as drawn, and most are secrets; these say by a checksum, a length, the
words before it or its own structure that one is not: an Ethereum address, a minisign public key,
a Solana address after a word that says address (``checks.is_base58``), a published test vector
(bytes that count up, or a text that says ``test vector``), a CSS module's class name
(``Button_primary__b9eS-``) and a mangled C++ or Rust symbol (``_ZN…E``). ``entropy``,
``secret_words`` and ``configfiles`` ask them.
"""

from __future__ import annotations

import base64
import binascii
import itertools

from fedlearn.anonymize import checks, rules, words
from fedlearn.anonymize.per_text import anywhere


def is_minisign_public_key(value: str) -> bool:
    """Return whether base64 ``value`` is a minisign public key: ``Ed``, a key id, 32 bytes."""
    if len(value) != 56:
        return False
    try:
        blob = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(blob) == 42 and blob.startswith(b"Ed")


# A base64 blob from its first character; the words right before a Solana address.
BASE64_RUN = rules.Lazy(r"[A-Za-z0-9+/]+={0,2}")
ADDRESS_WORD = rules.Lazy(
    r"(?i)(?<![a-z])(?:address|addr|pubkey|public[ _-]?key|program[ _-]?id|wallet|mint)"
    r"[\s:=\"'`]{1,3}\Z"
)
CSS_NAME = rules.Lazy(r"[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z][A-Za-z0-9]*)+")
# Text that says its hex values are published test values (``FIPS-197 test vector``).
TEST_VECTOR = rules.Lazy(r"(?i)test[ _-]?vectors?|known[ _-]?answer|test[ _-]?case")
says_test_vector = anywhere(TEST_VECTOR)  # read once per text, not per candidate


def is_public_address(text: str, start: int, value: str) -> bool:
    """
    Return whether a run is a public key or address, which names an account but opens nothing.

    An Ethereum address is ``0x`` and 40 hex digits (a private key has 64); a minisign public
    key is base64 of ``Ed``, a key id and 32 bytes (56 characters; a secret key file is longer);
    a Solana address is base58 of 32 bytes (32 to 44 characters) right after a word that says
    address (``program id``, ``pubkey``, ``wallet``…; a secret key is 64 bytes, 87 or 88).
    """
    if value.startswith("0x"):
        return len(value) == 42 and checks.is_hexadecimal(value[2:])
    if value.startswith("RW"):
        blob = BASE64_RUN.match(text, start)
        return blob is not None and is_minisign_public_key(blob.group())
    if 32 <= len(value) <= 44 and checks.is_base58(value):  # the set test first: most runs are not
        return ADDRESS_WORD.search(text, max(0, start - 24), start) is not None
    return False


def is_test_vector(text: str, value: str) -> bool:
    """
    Return whether hex is a published test value: its bytes count up (``000102…``) or the text
    calls it a test vector or known answer (``FIPS-197 test vector``).
    """
    digits = value.replace("-", "")
    pairs = [int(digits[at : at + 2], 16) for at in range(0, len(digits) - 1, 2)]
    if len(pairs) >= 8 and all(b - a == 1 for a, b in itertools.pairwise(pairs)):
        return True
    return says_test_vector(text)


def is_css_module_class(value: str) -> bool:
    """
    Return whether a run is a CSS module's class name (``Button_primary__b9eS-``): a component
    and class name that read as words, ``__`` and the 5 characters of css-loader's hash.
    """
    head, separator, tail = value.rpartition("__")
    if not separator or len(tail) != 5 or not CSS_NAME.fullmatch(head):
        return False
    return words.is_wordy(head)


def is_mangled(value: str) -> bool:
    """
    Return whether ``value`` is a mangled C++ or Rust symbol, not a token.

    ``_ZN`` starts length-prefixed names that an ``E`` ends (``_ZN4core3ops8function6FnOnce9call_
    once17h09ce5090d4bf6ac4E``: the last name is Rust's hash); the parameters' codes may follow.
    """
    at = 3
    while at < len(value) and value[at].isdigit():
        digits = at
        while at < len(value) and value[at].isdigit():
            at += 1
        at += int(value[digits:at])
    return at > 3 and value.startswith("E", at)
