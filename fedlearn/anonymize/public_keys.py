"""Public key material that reads generated: it opens nothing, so it stays (guarantee 1).

The look rules (``entropy``) and a value under the bare word ``key`` (``assignments``) take long
mixed runs; these say by their context or their checksum that they are the public half of a key
pair:

- a minisign or signify public key: the base64 line (``RW…``, base64 of ``Ed``) right after an
  ``untrusted comment:`` line that says ``public key`` (``minisign.pub``, signify's ``.pub``).
  Their secret key files say ``secret key`` there and go (``vendors``: ``minisign-secret-key``,
  ``signify-secret-key``, whatever the comment);
- a value after ``public key`` or ``pub key`` in prose (``public key: …`` as ``wg show`` and
  ``age-keygen`` print it, ``the public key is …``); ``private key: …`` goes;
- an age recipient: ``age1`` and 58 bech32 characters whose checksum holds. An age identity
  (``AGE-SECRET-KEY-1…``) goes by the ``age-secret-key`` rule.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy, line_start

# The word of prose right before ``key`` and one blank, dash or underscore (``public key``).
WORD_BEFORE = Lazy(r"(?<![\w.])([A-Za-z]+)[ _-]\Z")
PUBLIC_WORDS = frozenset({"public", "pub"})
COMMENT = "untrusted comment:"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_VALUES = {character: value for value, character in enumerate(BECH32)}
GENERATORS = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
AGE_RECIPIENT_SIZE = len("age1") + 58


def is_key_line(text: str, start: int, value: str) -> bool:
    """
    Return whether the run ``value`` at ``start`` is the key line of a minisign or signify public
    key file (``RW…``; in a JSON string the run takes the ``n`` of an escaped line break).
    """
    if value.startswith("nRW") and start >= 1 and text[start - 1] == "\\":
        return follows_public_comment(text, start + 1)
    return value.startswith("RW") and follows_public_comment(text, start)


def follows_public_comment(text: str, start: int) -> bool:
    """
    Return whether the line at ``start`` follows a line with an ``untrusted comment:`` that says
    ``public key`` and not ``secret`` (a line break may be written ``\\n`` in a JSON string).
    """
    if start >= 1 and text[start - 1] == "\n":
        end = start - 1
    elif start >= 2 and text.startswith("\\n", start - 2):
        end = start - 2
    else:
        return False
    if end > 0 and text[end - 1] == "\r":
        end -= 1
    line = text[line_start(text, end) : end].lower()
    return COMMENT in line and "public key" in line and "secret" not in line


def is_after_public(text: str, word: int) -> bool:
    """Return whether the word ``key`` at ``word`` follows ``public`` or ``pub`` in prose."""
    before = WORD_BEFORE.compiled.search(text, max(0, word - 16), word)
    return before is not None and before.group(1).lower() in PUBLIC_WORDS


def is_public_after(text: str, word: int, value: str) -> bool:
    """Return whether ``value`` after the word ``key`` at ``word`` is public (the two above)."""
    return is_after_public(text, word) or is_age_recipient(value)


def is_age_recipient(value: str) -> bool:
    """Return whether ``value`` is an age recipient: ``age1``, 58 bech32 characters, its checksum."""
    if len(value) != AGE_RECIPIENT_SIZE or not value.startswith("age1"):
        return False
    data = [BECH32_VALUES.get(character, -1) for character in value[4:]]
    if -1 in data:
        return False
    checksum = 1
    for item in [3, 3, 3, 0, 1, 7, 5, *data]:  # "age" expanded (high bits, 0, low bits)
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ item
        for bit, generator in enumerate(GENERATORS):
            if top >> bit & 1:
                checksum ^= generator
    return checksum == 1
