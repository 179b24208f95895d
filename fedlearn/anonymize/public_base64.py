"""Base64 that public text or a public object is made of, not a secret (guarantee 1).

The look rule redacts a long run of mixed letters and digits (``entropy.bare``); what commands
print holds such runs that are public by what they decode to (bench/outputs27):

- a line of base64 of text (``base64 /etc/os-release``, MIME's 76-character lines), alone on its
  line: the block of base64 lines around it decodes to printable text of words (three or more,
  a third of it) with no secret's word in it (``passw``, ``token``, ``key=``…: a secret split
  between two lines is whole in the block) (``is_text_base64``). The ``encoded-secret`` rule
  decodes each run too; base64 of a token or ``user:password`` reads as no text;
- a run anywhere that is base64 of a sentence (words with blanks between, the same tests:
  ``"X-Meta": "SW50ZXJuYWwgYmlsbGluZyBzZXJ2aWNl"``, ``Internal billing service``)
  (``is_sentence_base64``);
- a line of a certificate's DER in base64 without its PEM armour (``is_certificate_base64``): its
  bytes hold an X.509 name attribute's or extension's object identifier (``06 03 55 04``,
  ``06 03 55 1d``), which no private key holds;
- base64 of one setting, ``name=value``, whose name names no secret and whose value is a plain
  word, number or flag (``is_setting_base64``): Flutter's ``DART_DEFINES=`` items, one a
  ``--dart-define`` (``flutter.inspector.structuredErrors=true``, ``FLAVOR=staging``); a secret
  under a neutral name is still the ``encoded-secret`` rule's to find in the decoded text;
- base64 of a DER public key (``MIIBIjANBgkqhkiG9w0BAQEFAAOC…``, ``MCowBQYDK2VwAyEA…``): its head
  is a SubjectPublicKeyInfo (``SEQUENCE { SEQUENCE { OID … }, BIT STRING }``); a private key's
  starts with its version's ``INTEGER`` (``is_public_key_der``).
"""

from __future__ import annotations

import base64
import binascii

from fedlearn.anonymize import encoded, key_names, words
from fedlearn.anonymize.rules import Lazy

# Base64 of text: a line of 40 characters or more, a block of up to 400 lines, 24 characters of
# text or more; a word of text (lower case, capitalised or upper case), and the words that say
# the text holds a secret.
TEXT_RUN = 40
BLOCK_LINES = 400
TEXT_MINIMUM = 24
TEXT_BYTES_RUN = 32  # base64 of 24 bytes
BASE64_LINE = Lazy(r"[A-Za-z0-9+/]+={0,2}")
TEXT_WORD = Lazy(r"[A-Z]?[a-z]{2,}|[A-Z]{3,}(?![a-z])")
SECRET_WORD = Lazy(
    r"(?i)pass(?:w|phrase)|pwd|secret|token|credential|bearer|cookie|session|private|authoriz"
    r"|auth[_\"']?\s*[=:]|api.?key|key[\"']?\s*[=:]|key[-_]?data|[-_]key\b|\bkey[-_]"
)
# A sentence that tells a secret: its word, then ``=``, ``:`` or a copula (``the password is V``,
# ``token: V``), or a word of letters and digits (``reset with hunter22``); a sentence that only
# names one (``user requested a password reset link``) tells none.
SECRET_TOLD = Lazy(
    r"(?i)(?:pass(?:w|phrase)|pwd|secret|token|credential|bearer|cookie|session|private|auth|key)"
    r"[\w-]*[\"']?\s*(?:[=:]|\b(?:is|was|are|be)\b)"
)
DRAWN_WORD = Lazy(r"(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{6,}")
# The DER of an X.509 name attribute's (2.5.4.x) or extension's (2.5.29.x) object identifier.
X509_OIDS = (b"\x06\x03\x55\x04", b"\x06\x03\x55\x1d")
# From a base64 line down its block (lines of base64, the last padded, an armour checksum) to a
# public object's END line.
PUBLIC_END = Lazy(
    r"[A-Za-z0-9+/]+={0,2}[ \t]*(?:\n[ \t]*[A-Za-z0-9+/]+={0,2}[ \t]*){0,400}?"
    r"(?:\n=[A-Za-z0-9+/]{4})?\n-----END (?:PGP PUBLIC KEY BLOCK|CERTIFICATE|PUBLIC KEY)-----"
)
# What a private key's container holds: PKCS#12's and PKCS#5's object identifiers
# (1.2.840.113549.1.12, .1.5), an RSA key's algorithm then an OCTET STRING (PKCS#8's key).
PRIVATE_MARKS = (
    b"\x2a\x86\x48\x86\xf7\x0d\x01\x0c",
    b"\x2a\x86\x48\x86\xf7\x0d\x01\x05",
    b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00\x04",
)
# A decoded setting (``name=value``) and a value that is a word, a number, a flag or a short run.
SETTING = Lazy(r"(?P<name>[A-Za-z_][\w.-]{0,80})=(?P<value>[\w.:/-]{0,64})")
PLAIN_VALUE = Lazy(r"[A-Za-z._:/-]*|[0-9.]*|[\w.-]{0,12}")
# Base64 of DER starts with ``M`` (a SEQUENCE, ``0x30``); a public key's head fits in 24 bytes.
DER_HEAD_CHARACTERS = 32


def is_public_base64(text: str, start: int, value: str) -> bool:
    """Return whether a long run the look rule judges (``value`` at ``start``) is public base64."""
    if len(value) >= TEXT_RUN and is_text_base64(text, start, value):
        return True
    if len(value) >= TEXT_BYTES_RUN and is_sentence_base64(value):
        return True
    if value.startswith("M") and is_public_key_der(value):
        return True
    if is_setting_base64(value):
        return True
    return len(value) >= TEXT_RUN and (
        is_certificate_base64(value) or is_public_block_line(text, start, value)
    )


def is_setting_base64(value: str) -> bool:
    """
    Return whether a whole run is base64 of one setting (``SETTING``) whose name names no secret
    (``key_names.classify_key``) and whose value is plain (``PLAIN_VALUE``): a Flutter
    ``DART_DEFINES`` item ``Zmx1dHRlci5pbnNwZWN0b3Iuc3RydWN0dXJlZEVycm9ycz10cnVl``.
    """
    try:
        plain = decoded_bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        return False
    found = SETTING.compiled.fullmatch(plain)
    return (
        found is not None
        and key_names.classify_key(found.group("name")) is None
        and PLAIN_VALUE.compiled.fullmatch(found.group("value")) is not None
    )


def is_public_block_line(text: str, start: int, value: str) -> bool:
    """
    Return whether a run alone on its line is a line of a public object's base64 block whose head
    the text lost (a cut output): the block's lines run down (``=`` padding, an armour checksum
    ``=3Rgl``) to a public object's END line (``-----END PGP PUBLIC KEY BLOCK-----``,
    ``CERTIFICATE``, ``PUBLIC KEY``), or the block decodes to bytes that hold an X.509 name's or
    extension's identifier and none of a private key's container (PKCS#8, PKCS#12, PBES2).
    """
    block = base64_block(text, start, start + len(value))
    if block is None:
        return False
    if text.find("-----END ", start) >= 0 and PUBLIC_END.compiled.match(text, start) is not None:
        return True
    data = decoded_bytes(block)
    return any(oid in data for oid in X509_OIDS) and not any(mark in data for mark in PRIVATE_MARKS)


def is_text_base64(text: str, start: int, value: str) -> bool:
    """
    Return whether a run is a line of base64 of text (``base64 /etc/os-release``): the run is its
    line's only content, and the block of such lines around it (``base64_block``) decodes to
    printable UTF-8 that reads as text (``reads_as_text``) and names no secret (``SECRET_WORD``:
    a secret split between two lines is in no line's decoded text, but its key is in the block's).
    """
    block = base64_block(text, start, start + len(value))
    if block is None:
        return False
    plain = decoded_text(block)
    return plain is not None and reads_as_text(plain) and SECRET_WORD.compiled.search(plain) is None


def is_sentence_base64(value: str) -> bool:
    """
    Return whether a whole run, wherever it stands (a quoted header or label value), is base64
    of a sentence: printable UTF-8 with blanks between its words that reads as text
    (``reads_as_text``) and names no secret (``SECRET_WORD``): ``SW50ZXJuYWwgYmlsbGluZyBzZXJ2aWNl``
    is ``Internal billing service``. A token's base64 (``user:token``) reads as no sentence. A
    secret's word in it must tell no value (``SECRET_TOLD``, ``DRAWN_WORD``): ``user requested a
    password reset link`` is a sentence, ``the password is Wn4pLx9Q2v`` is none.
    """
    plain = decoded_text(value)
    if plain is None or " " not in plain or not reads_as_text(plain):
        return False
    if SECRET_WORD.compiled.search(plain) is None:
        return True
    return SECRET_TOLD.compiled.search(plain) is None and DRAWN_WORD.compiled.search(plain) is None


def base64_block(text: str, start: int, end: int) -> str | None:
    """
    Return the block of base64 lines around the line that is only the run ``[start, end)`` (its
    indentation and ``=`` padding aside), joined, or None when the run shares its line. A block's
    lines are as wide as each other, its last one shorter or padded with ``=``; a padded line
    above, or another width, starts another block.
    """
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    if text[first:start].strip() or text[end:last].strip().strip("="):
        return None
    own = text[start:last].strip()
    lines = [own]
    width = 0 if own.endswith("=") else len(own)  # 0: the last line, the width is the one above
    above = first - 1
    while above > 0 and len(lines) < BLOCK_LINES:
        top = text.rfind("\n", 0, above) + 1
        line = text[top:above].strip()
        if line.endswith("=") or not BASE64_LINE.compiled.fullmatch(line):
            break
        if width and len(line) != width:
            break
        width = len(line)
        lines.insert(0, line)
        above = top - 1
    below = last + 1
    while (
        below < len(text)
        and len(lines) < BLOCK_LINES
        and not lines[-1].endswith("=")
        and len(lines[-1]) == width
    ):
        bottom = text.find("\n", below)
        bottom = len(text) if bottom < 0 else bottom
        line = text[below:bottom].strip()
        if not BASE64_LINE.compiled.fullmatch(line) or len(line) > width:
            break
        lines.append(line)
        below = bottom + 1
    return "".join(lines)


def decoded_text(block: str) -> str | None:
    """
    Return the printable UTF-8 text a base64 block decodes to, or None: up to 3 bytes at either
    end may be a character the cut split.
    """
    data = decoded_bytes(block.rstrip("=") + "=" * (-len(block.rstrip("=")) % 4))
    if not data:
        return None
    for head in range(4):
        for tail in range(4):
            try:
                plain = data[head : len(data) - tail].decode("utf-8")
            except UnicodeDecodeError:
                continue
            return plain if plain.translate(encoded.BLANKS).isprintable() else None
    return None


def reads_as_text(plain: str) -> bool:
    """
    Return whether decoded text reads as text, not a token: 24 characters or more, three words or
    more that read as words (``words.is_wordy``), their letters a third of the text or more.
    """
    if len(plain) < TEXT_MINIMUM:
        return False
    found = [w for w in TEXT_WORD.compiled.findall(plain) if words.is_wordy(w.lower())]
    return len(found) >= 3 and sum(len(w) for w in found) * 3 >= len(plain)


def decoded_bytes(value: str) -> bytes:
    """Return the bytes of the whole 4-character groups of a base64 run (empty if invalid)."""
    try:
        return base64.b64decode(value[: len(value) - len(value) % 4], validate=True)
    except (binascii.Error, ValueError):
        return b""


def is_certificate_base64(value: str) -> bool:
    """Return whether a run's bytes hold an X.509 name attribute's or extension's identifier."""
    data = decoded_bytes(value)
    return any(oid in data for oid in X509_OIDS)


def is_public_key_der(value: str) -> bool:
    """
    Return whether a run is base64 of a DER SubjectPublicKeyInfo: ``SEQUENCE`` (its length in
    up to 3 bytes), ``SEQUENCE`` of an algorithm (short length, an ``OID`` first), then the key's
    ``BIT STRING`` (``MIIBIjANBgkqhkiG9w0BAQEFAAOC…`` RSA, ``MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…``
    EC, ``MCowBQYDK2VwAyEA…`` Ed25519).
    """
    data = decoded_bytes(value[:DER_HEAD_CHARACTERS])
    if len(data) < 8 or data[0] != 0x30:
        return False
    size = data[1] & 0x7F if data[1] >= 0x80 else 0
    if size > 3:
        return False
    inner = 2 + size
    if data[inner : inner + 1] != b"\x30" or data[inner + 2 : inner + 3] != b"\x06":
        return False
    after = inner + 2 + data[inner + 1]
    return data[after : after + 1] == b"\x03"
