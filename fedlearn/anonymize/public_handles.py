"""Ids, key ids and hashes that a message or build file names by their role, not secrets.

- a KSUID (27 base62 characters whose first 4 bytes count seconds from 2014-05-13: a time of
  2015 to 2040) in a text that says ``ksuid`` or right after an id's label (``messageId "…"``;
  not ``session id "…"``);
- a WebAuthn credential id (base64url) right after the word ``credential`` in a text about
  WebAuthn (``NotAllowedError``, ``passkey``, ``authenticator``…): the authenticator's handle,
  sent in the clear by design;
- the key id PyJWT reports (``signing key that matches: "<kid>"``): a JWK thumbprint;
- Tailscale's typed public keys in prose (``machine key mkey:<hex>``, ``nodekey:``,
  ``discokey:``; ``privkey:`` goes);
- a TypeScript build info's ``"signature"`` (hex, in a text with ``"fileInfos"``): the hash of a
  file's declarations.
"""

from __future__ import annotations

from fedlearn.anonymize import public_ids
from fedlearn.anonymize.per_text import contains, per_text
from fedlearn.anonymize.rules import Lazy

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
KSUID_EPOCH = 1_400_000_000
# Seconds after the KSUID epoch: 2015-01-01 to 2040-01-01.
KSUID_TIMES = (1_420_070_400 - KSUID_EPOCH, 2_208_988_800 - KSUID_EPOCH)
KSUID_LIMIT = 1 << 160
# An id's label right before the value, no ``:``/``=`` (``messageId "…"``, ``message id '…'``).
ID_LABEL = Lazy(r"([A-Za-z][A-Za-z0-9_]*(?: [A-Za-z]+)?)[ \t]+[\"'`]?\Z")
# The key or label right before a value, with or without ``:``/``=`` (``session_ksuid=``).
LABEL = Lazy(r"([A-Za-z][A-Za-z0-9_.-]*)[\"']?[ \t]*[:=]?[ \t]*[\"'`]?\Z")
WEBAUTHN_WORDS = (
    "webauthn",
    "passkey",
    "notallowederror",
    "authenticator",
    "allowcredentials",
    "navigator.credentials",
    "fido2",
)
CREDENTIAL_BEFORE = Lazy(r"(?i)(?<![a-z])credential[ \t]+[\"'`]?\Z")
BASE64URL = Lazy(r"[A-Za-z0-9_-]{22,}")
KID_BEFORE = Lazy(r"(?i)signing key that matches:?[ \t]*[\"']?\Z")
TYPED_PUBLIC = Lazy(r"(?:mkey|nodekey|discokey|nlpub):[0-9a-f]{64}")
SIGNATURE_BEFORE = Lazy(r"\"signature\"[ \t]*:[ \t]*\"\Z")
HEX = frozenset("0123456789abcdef")
says_build_info = contains('"fileInfos"')


@per_text
def says_webauthn(text: str) -> bool:
    """Return whether ``text`` is about WebAuthn (any case)."""
    lowered = text.lower()
    return any(word in lowered for word in WEBAUTHN_WORDS)


def is_named_public(text: str, start: int, value: str) -> bool:
    """Return whether ``value`` at ``start`` is a KSUID, credential id, key id or typed public key."""
    if len(value) == 27 and is_ksuid(value):
        if is_secret_labelled(text, start):
            return False  # ``session_ksuid=…``: a credential's, whatever its shape
        return "ksuid" in text.lower() or is_id_labelled(text, start)
    before = text[max(0, start - 40) : start]
    if "credential" in before and is_credential_id(value) and says_webauthn(text):
        return CREDENTIAL_BEFORE.compiled.search(before) is not None
    if "matches" in before and KID_BEFORE.compiled.search(before):
        return True
    return ":" in value[4:9] and TYPED_PUBLIC.compiled.fullmatch(value) is not None


def is_ksuid(value: str) -> bool:
    """Return whether 27 base62 characters decode to 20 bytes starting with a time of 2015–2040."""
    number = 0
    for character in value:
        digit = BASE62.find(character)
        if digit < 0:
            return False
        number = number * 62 + digit
    if number >= KSUID_LIMIT:
        return False
    return KSUID_TIMES[0] <= number >> 128 <= KSUID_TIMES[1]


def is_id_labelled(text: str, start: int) -> bool:
    """Return whether a label whose last word is an id word, no secret's, stands right before."""
    found = ID_LABEL.compiled.search(text, max(0, start - 40), start)
    return found is not None and public_ids.is_public_key(found.group(1).replace(" ", "_"))


def is_secret_labelled(text: str, start: int) -> bool:
    """Return whether the key or label right before ``start`` has a secret's word in it."""
    found = LABEL.compiled.search(text, max(0, start - 40), start)
    if found is None:
        return False
    parts = [part.lower() for part in public_ids.KEY_WORDS.compiled.findall(found.group(1))]
    if parts[-1:] in (["error"], ["exception"]):
        return False  # an exception's name (``KeyError: '…'``), no key
    return not public_ids.CREDENTIAL_WORDS.isdisjoint(parts)


def is_credential_id(value: str) -> bool:
    """Return whether ``value`` is unpadded base64url of 16 bytes or more, no secret's prefix."""
    if len(value) % 4 == 1 or not BASE64URL.compiled.fullmatch(value):
        return False
    head = value.replace("-", "_").partition("_")[0].lower()
    return head not in public_ids.SECRET_PREFIXES


def is_build_signature(text: str, start: int, value: str) -> bool:
    """Return whether hex ``value`` is a file's ``"signature"`` in TypeScript's build info."""
    if len(value) < 32 or not HEX.issuperset(value) or not says_build_info(text):
        return False
    return SIGNATURE_BEFORE.compiled.search(text, max(0, start - 16), start) is not None
