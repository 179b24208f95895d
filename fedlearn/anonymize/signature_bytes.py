"""A signature or a signer's key id printed as colon-separated hex bytes: public, never a secret.

``modinfo`` prints a kernel module's ``sig_key:`` (the signing certificate's key id) and
``signature:`` as bytes, ``54:9D:89:…``, and so do ``openssl x509 -text`` (``Signature Value:``)
and ``keytool`` for a certificate's. A signature is checked by anyone who has the public key,
and no tool prints a secret or private key's bytes under a signature's name, so under a key
whose words say ``sig`` or ``signature`` (not ``signing``: ``SIGNING_KEY`` is a webhook's
secret), eight or more hex bytes of one case between colons (a trailing ``:`` where the dump
goes on below) are judged public by ``is_signature_bytes``.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

BYTES = Lazy(r"[0-9A-F]{2}(?::[0-9A-F]{2}){7,}:?|[0-9a-f]{2}(?::[0-9a-f]{2}){7,}:?")
# The key right before the value on its line: a word, maybe quoted, then ``:`` or ``=``.
KEY_BEFORE = Lazy(r"(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,40})[\"']?[ \t]*[:=][ \t]*[\"']?\Z")
KEY_WORDS = Lazy(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
SIGNATURE_WORDS = frozenset({"sig", "signature"})


def is_signature_bytes(text: str, start: int, value: str) -> bool:
    """Return whether ``value`` at ``start`` is hex bytes under a key naming a signature."""
    if not BYTES.compiled.fullmatch(value):
        return False
    found = KEY_BEFORE.compiled.search(text, max(0, start - 64), start)
    if found is None:
        return False
    key_words = {word.lower() for word in KEY_WORDS.compiled.findall(found.group("key"))}
    return not SIGNATURE_WORDS.isdisjoint(key_words)
