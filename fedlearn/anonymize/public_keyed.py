"""Values under a key only the look judges that are public by the structure around them.

``high-entropy`` judges a value under a key by its look alone (``public_objects.is_public_value``
asks ``is_public_keyed``); these are generated-looking and public, known by the format they
stand in (guarantee 1):

- the ``Sig:`` line of a Nix binary cache ``.narinfo`` (``<key name>:<base64 signature>``);
- the ``sig`` of a signature object that names its ``keyid`` (TUF, in-toto, DSSE);
- the ``signature:s:`` setting of a signed Remote Desktop ``.rdp`` file (``rdpsign``'s signature
  over the settings its ``signscope:s:`` line lists, checked with the signer's certificate);
- an HTTP message signature (RFC 9421): the ``Signature:`` header's ``<label>=:<base64>:`` in a
  text with the ``Signature-Input:`` header that says what it covers (``is_message_signature``);
- base64 of a DER signature value (``SEQUENCE { INTEGER r, INTEGER s }``, ECDSA's and DSA's, as
  cosign and Sigstore bundles print it: ``MEUCIQ…``), whose structure no secret has
  (``is_der_signature``);
- a WebSocket handshake's ``Sec-WebSocket-Key`` nonce and ``Sec-WebSocket-Accept`` hash;
- an InChIKey (a chemical structure's hash) and a Firebase push id (``public_formats.is_push_id``);
- after ``key`` in prose (``is_public_nonce``, asked by ``public_objects.is_public_token``): a
  WebSocket key (16 bytes, 24 characters) in a text about a WebSocket handshake.
"""

from __future__ import annotations

import base64
import binascii

from fedlearn.anonymize.per_text import per_text
from fedlearn.anonymize.public_formats import BASE64_CHARACTERS, is_push_id
from fedlearn.anonymize.rules import Lazy

# A narinfo's signature line: ``Sig: <key name>:`` before the value, in a text that is one.
NARINFO_SIG = Lazy(r"(?:^|\n)Sig: ?\Z")
NARINFO_FIELDS = ("StorePath: ", "NarHash: ", "URL: nar/")
# A signature object's ``sig`` member, and its ``keyid`` sibling in the same object.
SIG_MEMBER = Lazy(r"[\"']sig[\"']\s*:\s*[\"']\Z")
KEYID_MEMBER = Lazy(r"[\"']keyid[\"']\s*:")
# A WebSocket handshake header right before its value.
WEBSOCKET_HEADER = Lazy(r"(?i)sec-websocket-(?:key|accept)\s*:\s*\Z")
# ``key`` right before a WebSocket key in prose: the header's name, or the word alone after
# punctuation (``(key …``), not another word's key (``api key``, ``the key``).
WEBSOCKET_KEY_WORD = Lazy(r"(?:sec-websocket-key|(?<![a-z0-9_ -])key)\s*[:=]?\s*\Z")
# A signed ``.rdp`` file's signature setting (``name:type:value``, ``s`` a string) at its line's
# start (after a diff's mark), the value ``s:`` and base64 when the key is read as ``signature``;
# its ``signscope`` line.
RDP_SIGNATURE = Lazy(r"(?:^|\n)[-+ ]?signature:(?:s:)?\Z")
RDP_SIGNSCOPE = Lazy(r"(?:^|\n)[-+ ]?signscope:s:[A-Za-z]")
RDP_BASE64 = Lazy(r"(?:s:)?[A-Za-z0-9+/]{64,}={0,2}")
# An HTTP message signature header's value: ``<label>=:<base64>:``, one or more, and its header
# (at a line's start, or after curl -v's ``>``/``<``).
HTTP_SIGNATURE = Lazy(r"(?i)(?:^|\n)[<>]?[ \t]*signature[ \t]*:[ \t]*\Z")
SIGNATURE_ITEMS = Lazy(
    r"[A-Za-z*][A-Za-z0-9_.*-]{0,63}=:[A-Za-z0-9+/]{16,}={0,2}:"
    r"(?:,[ \t]*[A-Za-z*][A-Za-z0-9_.*-]{0,63}=:[A-Za-z0-9+/]{16,}={0,2}:)*"
)
# How base64 of a DER ``SEQUENCE`` starts (``0x30`` then its length): ``MD``…``MI``.
DER_HEADS = ("MD", "ME", "MF", "MG", "MI")
INCHIKEY = Lazy(r"[A-Z]{14}-[A-Z]{8}[SN][A-Z]-[A-Z]")


def is_public_keyed(text: str, start: int, value: str) -> bool:
    """Return whether a value under a key only the look judges (``high-entropy``) is public."""
    window = text[max(0, start - 40) : start]
    if window.endswith(("Sig:", "Sig: ")) and is_narinfo_signature(text, start, value):
        return True
    if window.endswith(("signature:", "signature:s:")) and is_rdp_signature(text, start, value):
        return True
    if window.endswith(("'", '"')) and SIG_MEMBER.compiled.search(window):
        return is_signature_object(text, start)
    if value.startswith(DER_HEADS) and is_der_signature(value):
        return True
    if "=:" in value and is_message_signature(text, start, value):
        return True
    if WEBSOCKET_HEADER.compiled.search(window):
        return is_websocket_value(value)
    if value.endswith("==") and is_public_nonce(text, start, value):
        return True  # ``(key: <nonce>)`` in a text about a WebSocket handshake
    if value.startswith("-") and is_push_id(value):
        return True
    return INCHIKEY.compiled.fullmatch(value) is not None


@per_text
def says_websocket(text: str) -> bool:
    """Return whether ``text`` names the ``Sec-WebSocket-`` headers (any case)."""
    return "sec-websocket-" in text.lower()


def is_public_nonce(text: str, start: int, value: str) -> bool:
    """
    Return whether a value after ``key`` in prose is a WebSocket handshake's key: 16 bytes in
    base64 in a text that names the ``Sec-WebSocket-`` headers (``text`` may be lower case).
    """
    if not says_websocket(text):
        return False
    first = start
    while first > 0 and text[first - 1] in BASE64_CHARACTERS:
        first -= 1  # the value's regex starts at a letter or digit; a key may start with + or /
    end = start + len(value)
    if end - first != 24 or not text.endswith("==", first, end):
        return False
    return WEBSOCKET_KEY_WORD.compiled.search(text.lower(), max(0, first - 24), first) is not None


def is_narinfo_signature(text: str, start: int, value: str) -> bool:
    """
    Return whether ``value`` is a ``Sig:`` line's ``<key name>:<base64>`` in a Nix ``.narinfo``
    (the text also has its ``StorePath:``, ``NarHash:`` or ``URL: nar/`` field).
    """
    name, colon, signature = value.partition(":")
    if not colon or not name or len(signature) < 80 or " " in name:
        return False
    if NARINFO_SIG.compiled.search(text, max(0, start - 8), start) is None:
        return False
    return any(field in text for field in NARINFO_FIELDS)


def is_rdp_signature(text: str, start: int, value: str) -> bool:
    """
    Return whether ``value`` is a signed ``.rdp`` file's ``signature:s:`` setting: base64 at the
    start of its line, in a text that has the ``signscope:s:`` line the signature covers.
    """
    if RDP_SIGNATURE.compiled.search(text, max(0, start - 15), start) is None:
        return False
    if RDP_BASE64.compiled.fullmatch(value) is None:
        return False
    return RDP_SIGNSCOPE.compiled.search(text) is not None


def is_message_signature(text: str, start: int, value: str) -> bool:
    """
    Return whether ``value`` is an HTTP message signature (RFC 9421): ``<label>=:<base64>:`` right
    after a ``Signature:`` header, in a text that has the ``Signature-Input:`` header.
    """
    if HTTP_SIGNATURE.compiled.search(text, max(0, start - 24), start) is None:
        return False
    if SIGNATURE_ITEMS.compiled.fullmatch(value) is None:
        return False
    return "signature-input:" in text.lower()


def is_der_signature(value: str) -> bool:
    """
    Return whether ``value`` is base64 of a DER signature value: a ``SEQUENCE`` of exactly two
    positive ``INTEGER`` s of 1 to 67 bytes (ECDSA's ``r`` and ``s`` up to P-521, DSA's), every
    length exact. A private key's structure differs (more members, an ``OCTET STRING``).
    """
    try:
        data = base64.b64decode(value.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(data) < 8 or data[0] != 0x30:
        return False
    at, size = der_length(data, 1)
    if at + size != len(data):
        return False
    for _ in range(2):
        if at >= len(data) or data[at] != 0x02:
            return False
        at, size = der_length(data, at + 1)
        if not 1 <= size <= 67 or at + size > len(data) or data[at] & 0x80:
            return False  # an INTEGER of a signature's size, positive
        at += size
    return at == len(data)


def der_length(data: bytes, at: int) -> tuple[int, int]:
    """Return where a DER length at ``at`` ends and the length (short form or ``0x81``)."""
    if at >= len(data):
        return at, -1
    if data[at] < 0x80:
        return at + 1, data[at]
    if data[at] == 0x81 and at + 1 < len(data):
        return at + 2, data[at + 1]
    return at, -1


def is_signature_object(text: str, start: int) -> bool:
    """Return whether the ``sig`` member at ``start`` has a ``keyid`` in its object."""
    opening = text.rfind("{", max(0, start - 1024), start)
    closing = text.find("}", start)
    if opening < 0 or closing < 0:
        return False
    return KEYID_MEMBER.compiled.search(text, opening, closing) is not None


def is_websocket_value(value: str) -> bool:
    """Return whether a header's value is a WebSocket key (16 bytes) or accept hash (20 bytes)."""
    return (len(value) == 24 and value.endswith("==")) or (
        len(value) == 28 and value[-2:-1] != "=" and value.endswith("=")
    )
