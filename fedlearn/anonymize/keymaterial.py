"""Key material in its own form (DESIGN.md guarantee 1): bare DER keys, vaults, seeds, licences.

A private key is a secret however it is written, not only between ``-----BEGIN`` lines:

- ``private-key``: base64 of a DER private key or key store with no PEM armour
  (``KEYSTORE_BASE64=MIIKYQIBAzCC…``, an Apple ``.p8`` body): the first bytes decoded must be a
  PKCS#1, PKCS#8 (plain or encrypted), SEC1 or PKCS#12 structure, so a certificate or a public key
  (``MIIDdzCCAl+gAwIBAgI…``) stays; a Java key store (``/u3+7Q``); an OpenSSH key's body without
  its armour (``b3BlbnNzaC1rZXktdjE…``, "openssh-key-v1"); Tor's ``ED25519-V3:``/``RSA1024:``
  onion service keys and its ``hs_ed25519_secret_key`` file in base64. A block of such lines is
  redacted whole; a block of PEM lines cut from both ends of an RSA private key, told from a
  certificate's by its INTEGERs (``key_bodies``).
- ``putty-private-key``: the lines after ``Private-Lines: N`` of a PuTTY ``.ppk``.
- ``ansible-vault``: the hex lines after ``$ANSIBLE_VAULT;1.1;AES256``.
- ``private-key``: the lines of an OpenVPN key file after its ``-----BEGIN OpenVPN Static key
  V1-----`` (hex; ``tls-auth``/``tls-crypt``/``secret``) or ``-----BEGIN OpenVPN tls-crypt-v2 …
  key-----`` (base64) line, which the PEM rule does not take (no ``PRIVATE KEY`` in it).
- ``private-key``: base64 of an Ed25519 secret key in NaCl's layout (``nacl_keys``); a key as an
  array of its bytes under a secret's name, and a Solana keypair file's 64 bytes (``byte_keys``):
  ``rules`` lists their rules among these, in the same priority order.
- ``nkey-seed``: a NATS NKey seed (``SU``/``SA``/``SO``… and 56 base32 characters).
- ``license-key``: a JetBrains licence (``<id>-eyJsaWNlbnNlSWQi…``), a 5×5 product key
  (``slmgr /ipk XXXXX-…``) and a Unity serial (``XX-XXXX-XXXX-XXXX-XXXX-XXXX``), letters and digits.

Lines may be separated by a line break or a JSON-escaped ``\\n``, and indented.
"""

from __future__ import annotations

import base64
import binascii
import re

from fedlearn.anonymize import byte_keys, key_bodies, nacl_keys, phrases
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

BASE64_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
# A run's characters: what may not touch it (``=`` may: ``KEYSTORE_BASE64=MII…``).
RUN_CHARACTERS = BASE64_CHARACTERS - {"="}
TOKEN_CHARACTERS = RUN_CHARACTERS | frozenset("_-.")
# DER heads: an outer SEQUENCE (``M`` + its length), the OpenSSH body, a JKS/JCEKS magic number.
DER = Lazy(r"M[A-Za-z0-9+/]{63}")
OPENSSH_BODY = Lazy(r"b3BlbnNzaC1rZXktdjE[A-Za-z0-9+/]{20}")
# Key stores by their magic: JKS, JCEKS, and Tor's ``hs_ed25519_secret_key`` file in base64
# (``== ed25519v1-secret: type0 ==``).
TOR_FILE = "PT0gZWQyNTUxOXYxLXNlY3JldDogdHlwZTAgPT0"
KEY_STORE = Lazy(rf"(?:/u3\+7QAAAA|zs7OzgAAAA|{TOR_FILE})[A-Za-z0-9+/]{{20}}")
TOR_KEY = Lazy(r"(?:ED25519-V3|RSA1024):[A-Za-z0-9+/]{80}")
PUTTY_LINES = Lazy(r"Private-Lines:[ \t]*(?P<count>[0-9]{1,3})")
ANSIBLE_VAULT = Lazy(r"\$ANSIBLE_VAULT;[0-9.]{3,5};[A-Z0-9]{3,12}(?:;[^\s\\\"']{1,64})?")
OPENVPN = Lazy(r"-----BEGIN OpenVPN (?:Static key V1|tls-crypt-v2 (?:server|client) key)-----")
NKEY_SEED = Lazy(r"S[UAONCXP][A-Z2-7]{56}")
JETBRAINS = Lazy(r"-eyJsaWNlbnNlSWQi[A-Za-z0-9+/=]{20,}(?:-[A-Za-z0-9+/=]{16,}){0,3}")
LICENSE_ID = Lazy(r"[A-Z0-9]{6,12}\Z")
PRODUCT_KEY = Lazy(r"-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}")
PRODUCT_SHAPES = (
    Lazy(r"[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}"),  # Windows, Office: 5 groups of 5
    Lazy(r"[A-Z0-9]{2}(?:-[A-Z0-9]{4}){5}"),  # Unity: 2, then 5 groups of 4
)
PPK_LINE = Lazy(r"[A-Za-z0-9+/]+={0,2}")
HEX_LINE = Lazy(r"[0-9a-fA-F]{16,}")
BASE64_LINE = Lazy(r"[A-Za-z0-9+/]{16,}={0,2}")
# A line break between the lines of a block: real or JSON-escaped, then indentation.
LINE_BREAK = Lazy(r"[ \t]*(?:\r?\n|\\r\\n|\\n)[ \t]*")
LETTER = Lazy(r"[A-Z]")
DIGIT = Lazy(r"[0-9]")

# Object identifiers (DER, after the tag and length) of the encryption of a PKCS#8 key.
ENCRYPTED_KEY_OIDS = (
    b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x05\x0d",  # PBES2
    b"\x06\x0a\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x01",  # PKCS#12 PBE
)
# The private-key octet string's length of a SEC1 EC key: P-192, P-224, P-256, P-384, P-521.
EC_KEY_SIZES = frozenset({0x18, 0x1C, 0x20, 0x30, 0x41, 0x42})


def is_boundary(text: str, start: int, end: int, characters: frozenset[str]) -> bool:
    """Return whether ``text[start:end]`` is a whole run (no ``characters`` on either side)."""
    return (start == 0 or text[start - 1] not in characters) and (
        end == len(text) or text[end] not in characters
    )


def block_end(text: str, end: int, line: Lazy) -> int:
    """Return where a block of lines ends: ``end``, past each following line ``line`` matches."""
    while True:
        gap = LINE_BREAK.match(text, end)
        if gap is None:
            return end
        found = line.match(text, gap.end())
        if found is None or (found.end() < len(text) and text[found.end()] in RUN_CHARACTERS):
            return end
        end = found.end()


def length_end(data: bytes, at: int) -> int | None:
    """Return where the DER contents start after the length at ``data[at]``, or None."""
    if at >= len(data):
        return None
    first = data[at]
    if first < 0x80:
        return at + 1
    size = first & 0x7F
    return at + 1 + size if 1 <= size <= 3 else None


def is_der_private(data: bytes) -> bool:
    """
    Return whether DER bytes start a private key or key store: PKCS#1 (RSA, DSA) or PKCS#8
    (``SEQUENCE { INTEGER 0, …``), SEC1 EC (``INTEGER 1, OCTET STRING`` of a curve's key size),
    PKCS#12 (``INTEGER 3, SEQUENCE``, long), or an encrypted PKCS#8 (its PBES2 or PKCS#12 OID).
    """
    if len(data) < 12 or data[0] != 0x30:
        return False
    body = length_end(data, 1)
    if body is None:
        return False
    head = data[body : body + 5]
    if head[:3] == b"\x02\x01\x00":
        return head[3:4] in (b"\x02", b"\x30")
    if head[:3] == b"\x02\x01\x01":
        return head[3:4] == b"\x04" and head[4] in EC_KEY_SIZES if len(head) == 5 else False
    if head[:3] == b"\x02\x01\x03":
        return head[3:4] == b"\x30" and data[1] >= 0x82
    if head[:1] == b"\x30":
        inner = length_end(data, body + 1)
        return inner is not None and data[inner:].startswith(ENCRYPTED_KEY_OIDS)
    return False


def der_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a base64 DER private key (and the lines that continue it), or None."""
    start = match.start()
    run = BASE64_LINE.match(text, start)
    if run is None or not is_boundary(text, start, run.end(), RUN_CHARACTERS):
        return None
    try:
        data = base64.b64decode(text[start : start + 64], validate=True)
    except (binascii.Error, ValueError):
        return None
    if not is_der_private(data):
        return None
    return start, block_end(text, run.end(), BASE64_LINE), "private-key"


def armourless(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of an OpenSSH key body, key store or Tor key (and its lines), or None."""
    start = match.start()
    body = start + match.group().find(":") + 1 if match.group().startswith(("ED", "RSA")) else start
    run = BASE64_LINE.match(text, body)
    if run is None or not is_boundary(text, start, run.end(), TOKEN_CHARACTERS - {"-"}):
        return None
    return body, block_end(text, run.end(), BASE64_LINE), "private-key"


def putty_lines(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the ``Private-Lines: N`` lines of a PuTTY key, or None."""
    count = int(match.group("count"))
    end = match.end()
    start = -1
    for _ in range(max(1, count)):
        gap = LINE_BREAK.match(text, end)
        line = PPK_LINE.match(text, gap.end()) if gap is not None else None
        if line is None:
            break
        start = line.start() if start < 0 else start
        end = line.end()
    return None if start < 0 else (start, end, "putty-private-key")


def vault_lines(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the hex lines after an Ansible Vault header, or None."""
    gap = LINE_BREAK.match(text, match.end())
    first = HEX_LINE.match(text, gap.end()) if gap is not None else None
    if first is None:
        return None
    return first.start(), block_end(text, first.end(), HEX_LINE), "ansible-vault"


def openvpn_lines(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the key lines after an OpenVPN key file's BEGIN line, or None."""
    line = HEX_LINE if match.group().endswith("V1-----") else BASE64_LINE
    gap = LINE_BREAK.match(text, match.end())
    first = line.match(text, gap.end()) if gap is not None else None
    if first is None:
        return None
    return first.start(), block_end(text, first.end(), line), "private-key"


def nkey_seed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a NATS NKey seed that is a whole run, or None."""
    start, end = match.span()
    if not is_boundary(text, start, end, TOKEN_CHARACTERS):
        return None
    return start, end, "nkey-seed"


def jetbrains(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a JetBrains licence key (its id, ``-eyJsaWNlbnNlSWQi…``), or None."""
    start, end = match.span()
    licence = LICENSE_ID.search(text, max(0, start - 12), start)
    if licence is None or not is_boundary(text, licence.start(), end, TOKEN_CHARACTERS):
        return None
    return licence.start(), end, "license-key"


def product_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span of a product key or serial around a run of dashed groups (5×5, or Unity's
    2 then 5×4) with letters and digits, a whole run, or None.
    """
    start = match.start()
    while start > 0 and text[start - 1] not in " \t\r\n\"'`=:(<>[,;":
        start -= 1
        if match.start() - start > 6:
            return None
    for shape in PRODUCT_SHAPES:
        found = shape.match(text, start)
        if found is None or not is_boundary(text, start, found.end(), TOKEN_CHARACTERS):
            continue
        value = found.group()
        if LETTER.search(value) is not None and DIGIT.search(value) is not None:
            return start, found.end(), "license-key"
    return None


def rules() -> list[Rule]:
    """Return the rules for key material in its own form, seed phrases and codes (``phrases``)."""
    return [
        *phrases.rules(),
        nacl_keys.rule(),
        byte_keys.named(),
        secret(
            "private-key",
            Matcher(Lazy(DER.pattern), judge=der_key),
            Matcher(Lazy(OPENSSH_BODY.pattern), judge=armourless),
            Matcher(Lazy(KEY_STORE.pattern), judge=armourless),
            Matcher(Lazy(TOR_KEY.pattern), judge=armourless),
            trigger=Trigger(
                words=(
                    "b3BlbnNzaC1rZXktdjE",
                    "/u3+7QAAAA",
                    "zs7OzgAAAA",
                    TOR_FILE,
                    "ED25519-V3:",
                    "RSA1024:",
                ),
                patterns=(Lazy(r"M[A-J][A-Za-z0-9+/]{62}"),),
            ),
            gate=r"M[A-J][A-Za-z0-9+/]{8}|b3BlbnNzaC1rZXktdjE|/u3\+7QAAAA|zs7OzgAAAA|PT0gZWQyNTUx"
            r"|ED25519-V3:|RSA1024:",
        ),
        key_bodies.rule(),  # a key's body lines with no BEGIN line and no DER head
        byte_keys.keypair(),
        secret(
            "putty-private-key",
            Matcher(Lazy(PUTTY_LINES.pattern), judge=putty_lines),
            trigger=Trigger(words=("Private-Lines:",)),
            gate=r"Private-Lines:",
        ),
        secret(
            "ansible-vault",
            Matcher(Lazy(ANSIBLE_VAULT.pattern), judge=vault_lines),
            trigger=Trigger(words=("$ANSIBLE_VAULT;",)),
            gate=r"\$ANSIBLE_VAULT;",
        ),
        secret(
            "private-key",
            Matcher(Lazy(OPENVPN.pattern), judge=openvpn_lines),
            trigger=Trigger(words=("-----BEGIN OpenVPN ",)),
            gate=r"-----BEGIN OpenVPN ",
        ),
        secret(
            "nkey-seed",
            Matcher(Lazy(NKEY_SEED.pattern), judge=nkey_seed),
            trigger=Trigger(patterns=(Lazy(r"S[UAONCXP][A-Z2-7]{56}"),)),
            gate=r"S[UAONCXP][A-Z2-7]{8}",
        ),
        Rule(
            ("license-key",),
            (
                Matcher(Lazy(JETBRAINS.pattern), judge=jetbrains),
                Matcher(Lazy(PRODUCT_KEY.pattern), judge=product_key),
            ),
            trigger=Trigger(
                words=("-eyJsaWNlbnNlSWQi",),
                patterns=(Lazy(r"-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}-"),),
            ),
            gate=r"-eyJsaWNlbnNlSWQi|-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}-[A-Z0-9]{4,5}-",
        ),
    ]
