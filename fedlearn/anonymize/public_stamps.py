"""Runs a protocol or a tool stamps by its own grammar: ids and hashes, no secret (guarantee 1).

The look rule (``entropy.bare``) redacts a long mixed run standing alone. These runs are mixed
and long, but what they are is written in their shape or on their line (session 40, benign44):

- a SIP transaction's ``branch``: RFC 3261 makes every branch start with its magic cookie
  ``z9hG4bK`` (``Via: SIP/2.0/TLS 198.51.100.7:5061;branch=z9hG4bKD1ng7Qay…``, bench/contexts43),
  a value each request draws afresh that names the transaction to the hops it passes;
- an IPFS CID v0: ``Qm`` and 44 base58 characters that decode to a sha2-256 multihash (``0x12``,
  ``0x20``, 32 bytes): a file's content address, published to be fetched by it;
- a CI cache's key on the line its cache step prints (``Cache saved with key: …``, ``Cache
  restored from key: …``, ``Cache hit for: …``, ``Cache not found for input keys: a,
  b``; GitHub's ``actions/cache`` and the steps built on it): the OS, tool and a hash of lock
  files, chosen by the workflow to find a cache again.

``public_ids.is_public`` asks ``is_stamp``.
"""

from __future__ import annotations

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import Lazy

SIP_COOKIE = "z9hG4bK"  # RFC 3261, section 8.1.1.7
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BASE58_VALUES = {c: i for i, c in enumerate(BASE58)}
# A cache step's message up to a key it prints: ``cache`` starts the message (after a blank, a
# log's ``##[group]``/``::`` frame or a time stamp), then a few words, then ``key:``, ``keys:``
# or ``for:``, then the keys before this one in a list (``a, b, …``); no word
# between says secret (``cache api key:`` names a credential).
CACHE_LINE = Lazy(
    r"(?i)(?:^|[\s\]>|])cache(?P<words>(?:[ \t]+[a-z-]{1,16}){0,5})[ \t]*(?:keys?|for)[ \t]*:"
    r"[ \t]*(?:[^\s,]{1,200},[ \t]*){0,8}\Z"
)
WORD = Lazy(r"[a-z]+")
OWNER_WORD_LIST = """
    api auth secret token access private password pass credential credentials session signing
    encryption master license admin
"""
CREDENTIAL_OWNERS = frozenset(OWNER_WORD_LIST.split())
CACHE_WINDOW = 320


def is_stamp(text: str, start: int, value: str) -> bool:
    """Return whether the run ``value`` at ``start`` in ``text`` is one of the module's stamps."""
    if value.startswith(SIP_COOKIE):
        return len(value) > len(SIP_COOKIE)
    if len(value) == 46 and value.startswith("Qm") and is_cid_v0(value):
        return True
    return is_cache_key(text, start)


def is_cid_v0(value: str) -> bool:
    """Return whether ``value`` is base58 of a sha2-256 multihash: ``0x12``, ``0x20``, 32 bytes."""
    if not checks.is_base58(value):
        return False
    number = 0
    for character in value:
        number = number * 58 + BASE58_VALUES[character]
    return number.bit_length() <= 34 * 8 and number >> (32 * 8) == 0x1220


def is_cache_key(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is a key on the line a CI cache step prints."""
    line = text.rfind("\n", max(0, start - CACHE_WINDOW), start) + 1
    window = text[max(line, start - CACHE_WINDOW) : start]
    if "ache" not in window and "ACHE" not in window:
        return False
    found = CACHE_LINE.compiled.search(window)
    if found is None:
        return False
    said = WORD.compiled.findall(found.group("words").lower())
    return CREDENTIAL_OWNERS.isdisjoint(said)  # not ``cache api key: …``
