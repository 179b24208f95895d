"""Generated-looking values that a public format is made of, not secrets (guarantee 1).

The look rules redact a long run of mixed letters and digits (``entropy.bare``), a value under a
key only its look judges (``assignments``, ``high-entropy``) and a value after ``key`` in prose
(``secret_words.introduced``). These values have such a look and are public by their format, which
each check proves from the value itself or from the structure it stands in:

- base64 of a JSON object or array (``eyJ…``, ``W3s…``) none of whose keys names a secret: a
  Pub/Sub message's ``data``, a WebAuthn ``clientDataJSON``. The ``encoded-secret`` rule decodes
  it too, and redacts it whole when the anonymizer finds a secret in the JSON;
- the value of gRPC's ``grpc-status-details-bin`` trailer: a server's error (``google.rpc.Status``);
- a coin address in base58check (Bitcoin, Litecoin, Dogecoin, Tron…): 25 bytes whose last 4 are
  their double SHA-256; a private key in WIF is longer (37 or 38 bytes);
- base64 of an image (PNG, GIF, WebP), known by its file's magic number;
- a Kubernetes kubelet's certificate request name (``node-csr-<hash of its public key>``);
- an Apps Script deployment id (``AKfycb…``): the id in a web app's public URL
  (``script.google.com/macros/s/<id>/exec``), which ``clasp deployments`` lists (bench/contexts43);
- a publishable key (``pk_live_…``, ``pk_test_…`` of Stripe, Clerk, Paystack): made to be
  shipped in web pages; the secret keys beside it are ``sk_``/``rk_`` (docs/anonymization.md
  lists ``pk_`` as left alone); a Mapbox public token (``pk.`` and base64url of its JSON
  ``{"u": <account>, "a": <token id>}``, then ``.`` and its tail: ``is_mapbox_public``), which
  Mapbox documents for client-side code; its secret (``sk.``) and temporary (``tk.``) tokens go;
- a Swift mangled symbol (``$s4main3FooC3baryyF``): ``$s`` and length-prefixed names;
- a Firebase push id (``-OR2C75-XNW7MDXEND8_``): ``-`` then 19 of its alphabet, the first 8
  characters its creation time in milliseconds (2012 to 2040);
- sops' encrypted values (``ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]``): ciphertext, which
  sops users commit to public repositories by design (``is_sops_value``);
- a hash in SRI form percent-encoded in a URL (Nix's ``?narHash=sha256-…%2B…%3D``): a run after
  a ``%2B``/``%2F`` escape whose base64 goes back to ``sha256-`` (``is_escaped_hash``);
- a GitHub legacy GraphQL node id: base64 of ``<length>:<Type><number>`` whose length is the
  type name's (``MDExOlB1bGxSZXF1ZXN0OTU1MzQ2MTQy``: ``011:PullRequest955346142``);
- a compact UTC time of a real day and a UUID (LangSmith's ``dotted_order``:
  ``20261201T143759591485Z<uuid>``);
- an identifier of words and numbers joined by ``_``, ``-`` or ``.`` (ONNX Runtime's
  ``TensorrtExecutionProvider_TRTKernel_graph_torch_jit_<u64>_2_0``; ``is_word_chain``);
- a class name of capitalised words with a hex digest glued to it (Composer's
  ``ComposerAutoloaderInit<md5>``; ``is_named_digest``), none of them a secret's word;
- a number under a key that counts time, versions a class, seeds a generator, names a 64-bit id
  or a log's position (``is_counted``: .NET ``ticks``, Windows ``FILETIME``, Java's
  ``serialVersionUID``, a sampler's ``seed``, ZFS's ``guid``, a ``snowflake``, Kafka's
  ``offset``) is no card number, whatever its Luhn digit;
- values under a key only the look judges, and a WebSocket key after ``key`` in prose, that
  their format makes public (``public_keyed``);
- base64 of text, a certificate's base64 line, base64 of a DER public key (``public_base64``).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json

from fedlearn.anonymize import checks, key_names, public_base64, public_ids, words
from fedlearn.anonymize.per_text import contains
from fedlearn.anonymize.rules import Lazy

# What base64 of a JSON object or array starts with: ``{"``, ``{ "``, ``{\n``, ``[{``, ``["``.
JSON_HEADS = ("eyJ", "eyAi", "ewo", "ew0K", "W3s", "WyJ", "W3sK")
# A text much longer than this is no header value (``is_encoded_json`` decodes up to it).
MAXIMUM = 16 * 1024
# Base64 of an image file's first bytes: PNG's signature and IHDR, GIF87a/89a, RIFF (WebP).
IMAGE_HEADS = ("iVBORw0KGgo", "R0lGODlh", "R0lGODdh", "UklGR")
GRPC_STATUS = "grpc-status-details-bin"
has_grpc_status = contains(GRPC_STATUS)  # read once per text, not per candidate
# A sops value's head (``ENC[AES256_GCM,``) and how far back a run looks for it.
SOPS_HEAD = Lazy(r"ENC\[[A-Z0-9_]{3,20},")
SOPS_REACH = 4096
BASE64_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
SRI_LABELS = ("sha1-", "sha256-", "sha384-", "sha512-")
BASE64_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
B58_VALUES = {c: i for i, c in enumerate(B58_ALPHABET)}
# A Swift symbol: ``$s`` (Swift 5), ``$S`` (4.2) or ``_T0`` (4.0), then length-prefixed names.
SWIFT_HEADS = ("s", "S")
# Firebase's push id alphabet, in the order of its values.
PUSH_ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
PUSH_VALUES = {c: i for i, c in enumerate(PUSH_ALPHABET)}
PUSH_TIMES = (1_325_376_000_000, 2_208_988_800_000)  # 2012-01-01 and 2040-01-01, in ms
# A key whose number counts time, versions a class or seeds a random generator: .NET ticks,
# Windows FILETIME, Java's UID, a sampler's or a model's ``seed`` (``sampler seed: <u64>``); or
# names a 64-bit id or a position in a log: a ZFS pool's or dataset's ``guid``, a Discord or
# Twitter ``snowflake``, a Kafka or stream ``offset`` (session 40, bench/benign16j and
# homelab16i: one random 64-bit number in 25 or so passes Luhn with a card's first digits).
COUNTED_KEY = Lazy(
    r"(?i)(?<![a-z])(?:ticks|filetime|serialversionuid|seed|guid|snowflake(?:[ _-]?id)?|offset)[\"')\]]*"
    r"\s*(?:[:=]\s*-?|\s)\s*\Z"
)
# A GitHub legacy GraphQL node id, decoded: the type name's length, ``:``, the name, a number
# (``04:User1``, ``011:PullRequest955346142``, ``017:PullRequestReview1:2``).
LEGACY_NODE = Lazy(
    r"(?P<size>0?[0-9]{2}):(?P<type>[A-Z][A-Za-z]{1,40})[0-9]{1,20}(?::[0-9]{1,20})*"
)
# A compact UTC time (``20261201T143759591485Z``) and a UUID after it: a LangSmith run's
# ``dotted_order`` part, a time-ordered key.
TIMED_UUID = Lazy(
    r"(?P<date>[0-9]{8})T[0-2][0-9][0-5][0-9][0-5][0-9][0-9]{0,9}Z"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
# The parts of an identifier made of words and numbers (``…Provider_TRTKernel_graph_torch_jit_
# 10655885738281111501_2_0``, ONNX Runtime's TensorRT engine cache names).
CHAIN_PARTS = Lazy(r"[A-Za-z0-9]+")
# A class name of two or more capitalised words with a hex digest glued to its end: Composer's
# ``ComposerAutoloaderInit<md5>`` and ``ComposerStaticInit<md5>``, a generated class per project.
NAMED_DIGEST = Lazy(r"(?P<name>(?:[A-Z][a-z]{2,}){2,})[0-9a-f]{16,64}")

# A Mapbox public token: ``pk.``, base64url of a JSON object, ``.``, the token's tail.
MAPBOX_PUBLIC = Lazy(r"pk\.(?P<payload>eyJ[A-Za-z0-9_-]{16,})\.[A-Za-z0-9_-]{16,}")

# Read once per text, not per candidate: a sops value, a gRPC status.
has_sops_value = contains("ENC[")


def is_public_run(text: str, start: int, value: str) -> bool:
    """Return whether a long run the look rule judges (``value`` at ``start``) is public."""
    if value.startswith(JSON_HEADS) and is_encoded_json(value):
        return True
    if value.startswith(IMAGE_HEADS):
        return True  # base64 of an image file: its magic number (``\x89PNG``, ``GIF8``, ``RIFF``)
    if public_base64.is_public_base64(text, start, value):
        return True
    if value.startswith(("node-csr-", "pk_live_", "pk_test_", "AKfycb")):
        return True  # a kubelet's CSR name; a publishable key; an Apps Script deployment id
    if value.startswith("pk.eyJ") and is_mapbox_public(value):
        return True
    if start > 0 and text[start - 1] == "$" and value.startswith(SWIFT_HEADS):
        return is_swift_symbol(value[1:])
    if value.startswith("-") and is_push_id(value):
        return True
    if 25 <= len(value) <= 35 and checks.is_base58(value) and is_base58check_address(value):
        return True
    if is_legacy_node_id(value) or ("Z" in value[14:25] and is_timed_uuid(value)):
        return True
    if ("_" in value or "-" in value) and is_word_chain(value):
        return True
    if value[:1].isupper() and is_named_digest(value):
        return True
    if has_sops_value(text) and is_sops_value(text, start):
        return True
    if start > 0 and text[start - 1] == "%" and is_escaped_hash(text, start):
        return True
    return has_grpc_status(text) and is_grpc_status(text, start)


def is_named_digest(value: str) -> bool:
    """
    Return whether a run is a name of capitalised words and a hex digest glued to it
    (``ComposerAutoloaderInit3c8c…``): the words read as words and none says secret.
    """
    found = NAMED_DIGEST.compiled.fullmatch(value)
    if found is None:
        return False
    name = found.group("name")
    parts = [part.lower() for part in words.segments(name)]
    return not public_ids.SECRET_PREFIXES.intersection(parts) and words.is_wordy(name)


def is_sops_value(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is inside a sops ``ENC[<cipher>,data:…,…]`` value."""
    head = text.rfind("ENC[", max(0, start - SOPS_REACH), start)
    return head >= 0 and "]" not in text[head:start] and SOPS_HEAD.match(text, head) is not None


def is_escaped_hash(text: str, start: int) -> bool:
    """
    Return whether the run at ``start``, right after a ``%`` that escapes ``+`` or ``/``, is part
    of percent-encoded base64 that starts with a hash's SRI label (``sha256-…%2B<run>``).
    """
    if text[start : start + 2].upper() not in ("2B", "2F"):
        return False
    at = start - 1
    while at > max(0, start - 256):
        escaped = text[at - 1] == "%" and text[at : at + 2].upper() in ("2B", "2F")
        if not escaped and text[at - 1] not in BASE64_CHARACTERS:
            break
        at -= 1
    return text[max(0, at - 8) : at].lower().endswith(SRI_LABELS)


def is_legacy_node_id(value: str) -> bool:
    """Return whether ``value`` is base64 of a GitHub legacy node id whose length prefix fits."""
    if not 12 <= len(value) <= 96 or not value.startswith("MD"):
        return False  # ``MD`` is base64 of ``0``, the start of every length prefix
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("ascii")
    except (binascii.Error, ValueError):
        return False
    found = LEGACY_NODE.compiled.fullmatch(decoded)
    return found is not None and int(found.group("size")) == len(found.group("type"))


def is_timed_uuid(value: str) -> bool:
    """Return whether ``value`` is a compact UTC time of a real day and a UUID (``…Z<uuid>``)."""
    found = TIMED_UUID.compiled.fullmatch(value)
    if found is None:
        return False
    try:
        datetime.datetime.strptime(found.group("date"), "%Y%m%d")
    except ValueError:
        return False
    return True


def is_word_chain(value: str) -> bool:
    """
    Return whether a run is an identifier of words and numbers joined by ``_``, ``-`` or ``.``:
    every part a number, a word (``words.is_wordy``) or a lower-case word of at most 4 letters
    (``jit``), two or more of them words of 6 letters or more, none a secret's prefix or word.
    """
    parts = CHAIN_PARTS.compiled.findall(value)
    if len(parts) < 3 or any(part.lower() in public_ids.SECRET_PREFIXES for part in parts):
        return False
    long_words = 0
    for part in parts:
        if part.isdigit() or (part.isalpha() and part.islower() and len(part) <= 4):
            continue
        if not words.is_wordy(part):
            return False
        long_words += sum(c.isalpha() for c in part) >= 6
    return long_words >= 2


def is_counted(text: str, start: int) -> bool:
    """
    Return whether the number at ``start`` is under a key that names a count of time, a class's
    version, a 64-bit id or a log's position (``ticks = …``, ``FILETIME: …``,
    ``serialVersionUID = …``, ``guid …``, ``offset=…``), not a card's.
    """
    return COUNTED_KEY.compiled.search(text, max(0, start - 32), start) is not None


def is_encoded_json(value: str) -> bool:
    """Return whether ``value`` is base64 or base64url of a JSON object or array."""
    if len(value) > MAXIMUM:
        return False
    padded = value + "=" * (-len(value) % 4)
    try:
        decoded = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        parsed = json.loads(decoded.decode("utf-8"))
    except (binascii.Error, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return False
    return isinstance(parsed, dict | list) and not names_secret(parsed)


def is_mapbox_public(value: str) -> bool:
    """
    Return whether ``value`` is a Mapbox public token: ``pk.``, base64url of a JSON object whose
    ``u`` member names the account, ``.`` and a tail (``pk.eyJ1IjoiYWNtZSIsImEiOiJ…``).
    """
    found = MAPBOX_PUBLIC.compiled.fullmatch(value)
    if found is None:
        return False
    payload = found.group("payload")
    try:
        decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        parsed = json.loads(decoded.decode("utf-8"))
    except (binascii.Error, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return False
    return isinstance(parsed, dict) and isinstance(parsed.get("u"), str)


def names_secret(value: object) -> bool:
    """Return whether a key of a decoded JSON value, at any depth, names a secret."""
    if isinstance(value, dict):
        return any(
            key_names.classify_key(key) is not None or names_secret(item)
            for key, item in value.items()
        )
    return isinstance(value, list) and any(names_secret(item) for item in value)


def is_grpc_status(text: str, start: int) -> bool:
    """Return whether ``start`` is in the value of a ``grpc-status-details-bin`` header."""
    header = text.rfind(GRPC_STATUS, max(0, start - 64), start)
    if header < 0:
        return False
    between = text[header + len(GRPC_STATUS) : start]
    if between.strip(" \t:=\"'") != "":
        return False
    head = text[
        start : start + 4
    ]  # a ``google.rpc.Status`` starts with its code, message or details
    try:
        first = base64.b64decode(head.replace("-", "+").replace("_", "/"), validate=True)[:1]
    except binascii.Error:
        return False
    return first in (b"\x08", b"\x12", b"\x1a")


def is_base58check_address(value: str) -> bool:
    """Return whether base58 ``value`` decodes to 25 bytes whose last 4 check the first 21."""
    number = 0
    for character in value:
        number = number * 58 + B58_VALUES[character]
    zeros = len(value) - len(value.lstrip("1"))
    if number.bit_length() > 200:
        return False
    data = b"\0" * zeros + number.to_bytes(25 - zeros, "big") if zeros < 25 else b""
    if len(data) != 25:
        return False
    check = hashlib.sha256(hashlib.sha256(data[:21]).digest()).digest()[:4]
    return check == data[21:]


def is_swift_symbol(body: str) -> bool:
    """
    Return whether ``body`` (after ``$s``) is two or more length-prefixed names that fit in it
    and make 60% of it, with an operator letter or two between and after them, as Swift mangles
    (``4main3FooC3baryyF``: ``main``, ``Foo``, ``C``, ``bar``, ``yyF``). A name is an identifier:
    it starts with a letter or ``_`` and has at most one digit.
    """
    at, names, covered = 0, 0, 0
    while at < len(body):
        digits = at
        while at < len(body) and body[at].isdigit():
            at += 1
        if at == digits:
            if names == 0:
                return False
            at += 1  # an operator letter between names (``C``, ``V``, ``O``…)
            continue
        size = int(body[digits:at])
        if size == 0 or at + size > len(body):
            return False
        name = body[at : at + size]
        if not name.replace("_", "a").isalnum() or name[0].isdigit():
            return False
        if sum(c.isdigit() for c in name) > 1:
            return False  # an identifier, not a piece of a generated token
        at += size
        names += 1
        covered += size
    return names >= 2 and covered * 10 >= len(body) * 6


def is_push_id(value: str) -> bool:
    """Return whether ``value`` is a Firebase push id: 20 of its alphabet, a time in the first 8."""
    if len(value) != 20 or any(c not in PUSH_VALUES for c in value):
        return False
    millis = 0
    for character in value[:8]:
        millis = millis * 64 + PUSH_VALUES[character]
    return PUSH_TIMES[0] <= millis <= PUSH_TIMES[1]
