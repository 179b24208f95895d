"""Generated-looking values that public objects are made of, not secrets (guarantee 1).

The look rules redact a long run of mixed letters and digits and the value after a secret word;
some such runs are public by what they belong to (``is_public_object``):

- an API object's id with a prefix that names a kind of object, never a key (``msg_01…`` and
  ``toolu_01…`` of Anthropic, ``chatcmpl-…``, ``call_…``, ``asst_…`` of OpenAI, request ids
  ``req_…``, Ray's ``raysubmit_…``, Vercel's ``dpl_…``): the prefix, ``_`` or ``-``, then only
  letters and digits, or a Unix time and a body (OpenRouter's ``gen-<time>-…``);
  GitHub's GraphQL node ids (``PR_kwDO…``) and SBOM element ids (``SPDXRef-…``);
- a media id in its URI or URL (``spotify:track:…``, ``open.spotify.com/album/…``) and a
  YouTube playlist or channel id (``PL…``, ``UC…``) in a text that names YouTube;
- a line of a certificate's PEM body (``-----BEGIN CERTIFICATE-----``, a request, a CRL or
  PKCS #7 too; JSON-escaped as well), of a public key's or a signature's (``PUBLIC KEY``,
  ``PGP PUBLIC KEY BLOCK``, ``PGP SIGNATURE``): a private key's block is never one, nor the
  text of a ``PGP SIGNED MESSAGE``;
- a public member of a JSON Web Key or a JOSE header (``n``, ``e``, ``x``, ``y``, ``kid``,
  ``x5c``, ``x5t``, ``x5t#S256``) in an object with ``kty`` or ``alg`` and no private member
  (``d``, ``p``, ``q``, ``dp``, ``dq``, ``qi``, ``k``, ``oth``): a private JWK stays redacted whole;
- an ACME challenge token (served in the clear): the path segment after ``acme-challenge/``, the
  same token anywhere in the text, the account thumbprint after it in a key authorization
  (``<token>.<thumbprint>``), a DNS-01 ``_acme-challenge`` TXT value, the ``token`` and
  ``keyAuthorization`` of a challenge object (``{"type": "http-01", …, "token": "…"}``);
- under a secret key (``is_public_value``): an ACME token as above, a labelled digest under a
  key only the look rule judges (``auth: sha256-<hex>.sig``, a signature's tag), a .NET
  assembly's ``PublicKeyToken`` (16 hex digits), a signature or signer key id printed as hex
  bytes under a ``sig``/``signature`` key (``signature_bytes``);
- a WebAuthn credential id under its key (``credentialId``, ``rawId``): public by design;
- a signed ``.rdp`` file's ``signature:s:`` value (``public_keyed.is_rdp_signature``);
- the name of a Kubernetes Secret in kubectl's ``secret/<name>``, followed by what a verb did
  (``configured``, ``created``…) or on a ``kubectl`` command line: a name, never the data;
- a hash named by words (``pip-Linux-x64-<sha256>``, a CI cache key): once its hex parts of 32 or
  more are left out, only words, platform names and numbers are left.
- a run that ends as AWS's documentation ends an example credential, ``EXAMPLE`` or
  ``EXAMPLEKEY`` in capitals (``ABSKQmVkcm9ja0FQSUtleS1EXAMPLE``, too short for a Bedrock key's
  own rule, which judges the long ones).
"""

from __future__ import annotations

from fedlearn.anonymize import (
    checks,
    public_formats,
    public_handles,
    public_ids,
    public_keyed,
    session_ids,
    signature_bytes,
    words,
)
from fedlearn.anonymize.per_text import anywhere, contains, per_text
from fedlearn.anonymize.rules import Lazy

# Prefixes of API object ids: kinds of objects (messages, tool calls, completions, files, runs,
# jobs, deployments), documented as the start of ids that are returned and logged, never keys.
OBJECT_KIND_LIST = """
    msg toolu srvtoolu msgbatch compl chatcmpl cmpl call asst thread run step file batch ftjob
    ftckpt resp conv vs modr org proj user raysubmit dpl prj team req gen
"""
OBJECT_KINDS = frozenset(OBJECT_KIND_LIST.split())
OBJECT_ID = Lazy(r"(?P<kind>[a-z]{2,10})[_-][A-Za-z0-9]{8,64}")
# An object id with its creation time between kind and body (OpenRouter's ``gen-<unix time>-…``).
TIMED_ID = Lazy(r"(?P<kind>[a-z]{2,10})-(?P<time>[0-9]{10})-[A-Za-z0-9]{12,40}")
TIMES = (1_000_000_000, 2_208_988_800)  # 2001-09-09 to 2040-01-01, in seconds
# GitHub's GraphQL node ids: a type (``PR``, ``I``, ``R``, ``U``…) and base64 of a msgpack array.
NODE_ID = Lazy(r"(?P<type>[A-Z]{1,4})_k[gw][A-Za-z0-9_-]{6,}")
SBOM_ID = ("SPDXRef-", "DocumentRef-")
# kubectl's ``<kind>/<name>`` of a Secret, its name (a DNS-1123 name) and what a verb printed.
KUBECTL_KIND = Lazy(r"(?:^|(?<=[\s\"'(]))secrets?/\Z")
DNS_NAME = Lazy(r"[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?")
KUBECTL_RESULT = Lazy(
    r" (?:created|configured|unchanged|deleted|patched|labeled|annotated|replaced|edited|pruned"
    r"|serverside-applied)\b"
)
# A media URI's or URL's head right before an id (``spotify:track:``, ``spotify.com/album/``).
MEDIA_HEAD = Lazy(r"spotify(?::[a-z]+:|\.com/(?:[a-z-]+/)?[a-z]+/)\Z")
# YouTube ids: playlists (``PL`` + 16 or 32), channels (``UC`` + 22), uploads, likes, mixes, albums.
YOUTUBE_ID = Lazy(
    r"(?:PL|UU|UC|FL|LL|RD)(?:[A-Za-z0-9_-]{16}|[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{32})"
    r"|OLAK5uy_[A-Za-z0-9_-]{33}"
)
YOUTUBE_WORDS = ("youtube", "youtu.be", "playlist")
# The armour line of a public object in PEM (certificates, requests, CRLs, PKCS #7 bundles,
# public keys, signatures); never a signed message's (its text is the message).
PUBLIC_ARMOUR = Lazy(
    r"-----BEGIN (?:(?:TRUSTED |X509 |NEW )?(?:CERTIFICATE(?: REQUEST)?|CRL|PKCS7|CMS)"
    r"|(?:RSA |EC |DSA )?PUBLIC KEY|PGP (?:PUBLIC KEY BLOCK|SIGNATURE)|SSH SIGNATURE)-----"
)
# How far back the start of a certificate block or JWK object is looked for.
WINDOW = 16384
# A JWK's members: ``kty`` says the object is one, ``alg`` that it is one or a JOSE header (a
# JWT's or JWS's first part: ``{"alg": "RS256", "kid": …, "x5t": …}``); the private ones make all
# of it secret.
KTY = Lazy(r"[\"'](?:kty|alg)\\?[\"']\s*:")
PRIVATE_MEMBER = Lazy(r"[\"'](?:d|p|q|dp|dq|qi|k|oth)\\?[\"']\s*:")
# The member a value belongs to: the last ``"name":`` before it (a value holds no ``:``).
MEMBER = Lazy(r"[\"'](?P<name>[A-Za-z0-9#]+)\\?[\"']\s*:[^:{}]*\Z")
PUBLIC_MEMBERS = frozenset({"n", "e", "x", "y", "kid", "x5c", "x5t", "x5t#S256"})
# What says a text is about ACME (RFC 8555) challenges, and their tokens' places.
ACME = Lazy(r"(?i)acme-challenge|\b(?:http|dns|tls-alpn)-01\b")
says_acme = anywhere(ACME)  # read once per text, not per candidate
ACME_PATH = "acme-challenge/"
ACME_TXT = Lazy(r"_acme-challenge\.[^\s\"']*\s+(?:[0-9]+\s+)?(?:IN\s+)?TXT\s+\"?\Z")
# An ACME challenge object (RFC 8555): its type, and the members that hold its public token.
CHALLENGE_TYPE = Lazy(r"\\?[\"']type\\?[\"']\s*:\s*\\?[\"'](?:http|dns|tls-alpn)-01\\?[\"']")
CHALLENGE_MEMBERS = frozenset({"token", "keyAuthorization"})
# A digest with its algorithm's label, and a tag's suffix (``sha256-<hex>.sig``, cosign's; a webhook
# signature's ``sha1=<hex>``, GitHub's ``X-Hub-Signature``: an HMAC of the payload, no key).
DIGEST = Lazy(
    r"(?i)(?:sha1[-:=][0-9a-f]{40}|sha256[-:=][0-9a-f]{64}|sha384[-:=][0-9a-f]{96}"
    r"|sha512[-:=][0-9a-f]{128}|md5[-:=][0-9a-f]{32})(?:\.[a-z]{2,5})?"
)
# The words before a value in prose or a key (``challenge token``, ``"token": "``).
CHALLENGE_TOKEN = Lazy(r"(?i)challenge[ _-]?token[\"']?\s*[:=]?\s*[\"']?\Z")
# The run of token characters right before a key authorization's ``.`` (its token).
TOKEN_BEFORE = Lazy(r"[A-Za-z0-9_-]{16,}\Z")
# A hash of 32 or more hex digits as a part of a run (``-`` or ``_`` around it).
HASH_PART = Lazy(r"(?:^|(?<=[_.-]))(?:[0-9a-f]{32,}|[0-9A-F]{32,})(?=[_.-]|$)")
NAME_PART = Lazy(r"[A-Za-z0-9]+")
PLATFORM_LIST = """
    linux windows win macos darwin osx ubuntu debian alpine x64 x86 amd64 arm64 aarch64 arm
    armv7 i386 i686 ppc64le s390x riscv64 musl gnu glibc
"""
PLATFORMS = frozenset(PLATFORM_LIST.split())
# A .NET assembly's public key token (``PublicKeyToken=b77a5c561934e089``): the last 8 bytes of
# the hash of its public key, printed in every strong name.
PUBLIC_KEY_TOKEN = Lazy(r"(?i)publicKeyToken\\?[\"']?\s*[:=]\s*\\?[\"']?\Z")
# A WebAuthn (passkey) credential id: the authenticator's handle for a key pair, sent in the
# clear in every assertion and ``allowCredentials`` list (``credentialId``, ``credential_id``,
# ``rawId``).
CREDENTIAL_ID = Lazy(r"(?i)(?:credential[ _-]?id|rawid)\\?[\"']?\s*[:=]\s*\\?[\"']?\Z")

# Read once per text, not per candidate: a PEM armour line, a JWK's members.
has_armour = contains("-----BEGIN ")
has_jwk_member = contains("kty", "alg")


@per_text
def says_youtube(text: str) -> bool:
    """Return whether ``text`` names YouTube or a playlist (any case)."""
    lowered = text.lower()
    return any(word in lowered for word in YOUTUBE_WORDS)


# How AWS's documentation ends an example credential (``AKIAIOSFODNN7EXAMPLE``,
# ``wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY``, a Bedrock key's ``ABSK…EXAMPLE``).
DOCUMENTED = ("EXAMPLE", "EXAMPLEKEY")


def is_public_object(text: str, start: int, value: str) -> bool:
    """Return whether the run ``value`` at ``start`` in ``text`` is part of a public object."""
    if is_object_id(value) or is_named_hash(value) or value.endswith(DOCUMENTED):
        return True
    if value.startswith(SBOM_ID) or ("_k" in value[1:6] and is_node_id(value)):
        return True
    before = text[max(0, start - 48) : start]
    if "spotify" in before and MEDIA_HEAD.search(before):
        return True
    if YOUTUBE_ID.fullmatch(value) and says_youtube(text):
        return True
    if has_armour(text) and in_certificate(text, start):
        return True
    if has_jwk_member(text) and is_jwk_public(text, start, start + len(value)):
        return True
    lowered = before.lower()
    if ("credential" in lowered or "rawid" in lowered) and CREDENTIAL_ID.compiled.search(before):
        return True
    if public_handles.is_named_public(text, start, value):
        return True  # a KSUID, a WebAuthn credential id in prose, a JWK's id (``public_handles``)
    if before.endswith("signature:s:") and public_keyed.is_rdp_signature(text, start, value):
        return True  # a signed ``.rdp`` file's signature (``public_keyed``)
    return is_acme_token(text, start, value) or public_formats.is_public_run(text, start, value)


def is_object_id(value: str) -> bool:
    """
    Return whether ``value`` is an API object's id: a kind of object and a generated body, maybe
    with a Unix time of 2001 to 2040 between them (``gen-1742069294-CnXbuzcXF9oZ3YLjjgYU``).
    """
    found = OBJECT_ID.fullmatch(value)
    if found is not None:
        return found.group("kind") in OBJECT_KINDS
    timed = TIMED_ID.fullmatch(value) if value.count("-") == 2 else None
    if timed is None or timed.group("kind") not in OBJECT_KINDS:
        return False
    return TIMES[0] <= int(timed.group("time")) <= TIMES[1]


def is_node_id(value: str) -> bool:
    """Return whether ``value`` is a GitHub node id (``PR_kwDO…``), not a ``PAT_…`` key."""
    found = NODE_ID.compiled.fullmatch(value)
    return found is not None and found.group("type").lower() not in public_ids.SECRET_PREFIXES


def is_named_hash(value: str) -> bool:
    """
    Return whether a run is a hash named by words (a cache key): a hex part of 32 or more, and
    without it only words, platforms and numbers (``node-cache-Linux-x64-<sha256>``).
    """
    rest = HASH_PART.compiled.sub("", value)
    if len(rest) == len(value):
        return False
    parts = NAME_PART.compiled.findall(rest)
    return bool(parts) and all(is_name_part(part) for part in parts)


def is_name_part(part: str) -> bool:
    """Return whether one part of a named hash is a word, platform or number, no secret word."""
    lower = part.lower()
    if lower in public_ids.SECRET_PREFIXES:  # ``secret-<hex>``: a credential after all
        return False
    return part.isdigit() or lower in PLATFORMS or words.is_wordy(part)


def in_certificate(text: str, start: int) -> bool:
    """Return whether ``start`` is inside the body of a public PEM block (a certificate's)."""
    begin = text.rfind("-----BEGIN ", max(0, start - WINDOW), start)
    header_end = text.find("-----", begin + 11, start) if begin >= 0 else -1
    if header_end < 0 or text.find("-----", header_end + 5, start) >= 0:
        return False  # no block, or its END line (or another armour line) comes first
    return PUBLIC_ARMOUR.compiled.match(text, begin) is not None


def is_jwk_public(text: str, start: int, end: int) -> bool:
    """
    Return whether ``[start, end)`` is a public member's value in a JSON Web Key or a JOSE header
    with no private member (the object around it: the last ``{`` before, the first ``}`` after).
    """
    opening = text.rfind("{", max(0, start - WINDOW), start)
    closing = text.find("}", end)
    if opening < 0 or closing < 0:
        return False
    jwk = text[opening:closing]
    if KTY.compiled.search(jwk) is None or PRIVATE_MEMBER.compiled.search(jwk) is not None:
        return False
    member = MEMBER.compiled.search(text, opening, start)
    return member is not None and member.group("name") in PUBLIC_MEMBERS


def is_acme_token(text: str, start: int, value: str) -> bool:
    """
    Return whether ``value`` is an ACME challenge's token or a key authorization's thumbprint in
    a text about ACME challenges (``acme-challenge``, ``http-01``…).
    """
    if not says_acme(text):
        return False
    if text.endswith(ACME_PATH, 0, start) or ACME_PATH + value in text:
        return True
    if is_challenge_member(text, start):
        return True
    before = text[max(0, start - 96) : start]
    if ACME_TXT.compiled.search(before) or CHALLENGE_TOKEN.compiled.search(before):
        return True
    if not before.endswith("."):
        return False
    token = TOKEN_BEFORE.compiled.search(before, 0, len(before) - 1)
    return token is not None and ACME_PATH + token.group() in text


def is_public_token(text: str, start: int, value: str) -> bool:
    """
    Return whether a value after a secret word in prose is an ACME token, a WebSocket key, a
    Mapbox public token or the name of a Kubernetes Secret as kubectl writes it
    (``is_kubectl_object``).
    """
    if text.endswith("/", 0, start) and is_kubectl_object(text, start, value):
        return True
    if public_handles.is_named_public(text, start, value):
        return True
    if value.startswith("pk.eyJ") and public_formats.is_mapbox_public(value):
        return True  # a Mapbox public token (``public_formats``)
    return is_acme_token(text, start, value) or public_keyed.is_public_nonce(text, start, value)


def is_kubectl_object(text: str, start: int, value: str) -> bool:
    """
    Return whether ``value`` at ``start`` is the name in kubectl's ``secret/<name>``: a DNS name
    (lower case, digits, ``-``, ``.``) that a verb's result follows (``secret/app-env-7t2m9g5k4h
    configured``) or on a ``kubectl`` command line (``kubectl delete secret/app-tls``).
    """
    if not KUBECTL_KIND.search(text, max(0, start - 9), start) or not DNS_NAME.fullmatch(value):
        return False
    if KUBECTL_RESULT.match(text, start + len(value)):
        return True
    return "kubectl " in text[text.rfind("\n", 0, start) + 1 : start]


def is_public_value(name: str, text: str, start: int, value: str) -> bool:
    """
    Return whether ``value`` at ``start``, under a key that names the secret rule ``name``, is
    public: a labelled digest under a key judged by its value's look (``high-entropy``), or an
    ACME challenge's token or key authorization (a ``token`` or ``authorization`` key).
    """
    if name == "high-entropy" and DIGEST.compiled.fullmatch(value):
        return True
    if name == "high-entropy" and public_keyed.is_public_keyed(text, start, value):
        return True  # a narinfo's ``Sig:``, a signature object's ``sig`` (``public_keyed``)
    if name == "high-entropy" and public_handles.is_build_signature(text, start, value):
        return True  # a file's declaration hash in a ``.tsbuildinfo``
    if name == "high-entropy" and signature_bytes.is_signature_bytes(text, start, value):
        return True  # ``sig_key: 54:9D:…`` in ``modinfo``: a signer's key id (``signature_bytes``)
    if name == "high-entropy" and session_ids.is_session_uuid(text, start, value):
        return True  # ``"session_id": "<uuid>"``: a conversation's id (``session_ids``)
    if value.startswith("pk.eyJ") and public_formats.is_mapbox_public(value):
        return True  # a Mapbox public token, under any key (``public_formats``)
    if name == "token" and len(value) == 16 and checks.is_hexadecimal(value):
        return PUBLIC_KEY_TOKEN.compiled.search(text, max(0, start - 24), start) is not None
    if name not in ("token", "authorization", "high-entropy"):
        return False
    return is_acme_token(text, start, value)


def is_challenge_member(text: str, start: int) -> bool:
    """Return whether ``start`` is the value of an ACME challenge object's token member."""
    opening = text.rfind("{", max(0, start - WINDOW), start)
    closing = text.find("}", start)
    if opening < 0 or closing < 0:
        return False
    member = MEMBER.compiled.search(text, opening, start)
    if member is None or member.group("name") not in CHALLENGE_MEMBERS:
        return False
    return CHALLENGE_TYPE.compiled.search(text, opening, closing) is not None
