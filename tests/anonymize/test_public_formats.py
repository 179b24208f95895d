"""Values a public format is made of stay (``public_formats``); secrets in the same places go."""

from __future__ import annotations

import base64
import hashlib
import json
import random

import pytest

from fedlearn.anonymize import Anonymizer, public_formats

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
TOKEN = "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4dE6fG8hJkLmNoPqRsT"
rng = random.Random(1607)


def base58check(version: bytes, payload: bytes) -> str:
    """Return base58 of version + payload + their double-SHA-256 checksum."""
    data = version + payload
    data += hashlib.sha256(hashlib.sha256(data).digest()).digest()[:4]
    number, out = int.from_bytes(data, "big"), ""
    while number:
        number, rest = divmod(number, 58)
        out = B58[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b64url_json(value: object) -> str:
    """Return unpadded base64url of compact JSON."""
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def alnum_b64_json(value: dict[str, str]) -> str:
    """Return base64 of JSON with no ``+``, ``/`` or ``=`` (padding a value until there is none)."""
    while True:
        encoded = base64.b64encode(json.dumps(value).encode()).decode()
        if not set("+/=") & set(encoded):
            return encoded
        value = {key: item + "x" for key, item in value.items()}


def push_id(millis: int) -> str:
    """Return a Firebase push id made at ``millis``."""
    head = ""
    for _ in range(8):
        head = public_formats.PUSH_ALPHABET[millis % 64] + head
        millis //= 64
    return head + "".join(rng.choice(public_formats.PUSH_ALPHABET[1:]) for _ in range(12))


PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def image_b64(head: bytes) -> str:
    """Return base64 of an image's first bytes and random ones with no ``+``, ``/`` or ``=``
    (a piece of a blob beside them is not judged; the whole of this one is)."""
    while True:
        encoded = base64.b64encode(head + rng.randbytes(60 - len(head) % 3)).decode()
        if not set("+/=") & set(encoded):
            return encoded


BTC_P2SH = base58check(b"\x05", rng.randbytes(20))  # ``3…``
DASH = base58check(b"\x4c", rng.randbytes(20))  # ``X…``
WIF = base58check(b"\x80", rng.randbytes(32) + b"\x01")  # a private key
SIG_B64 = next(  # one the look rule judges: no ``+`` or ``/`` (their neighbours are pieces)
    sig
    for sig in (base64.b64encode(rng.randbytes(64)).decode() for _ in range(10_000))
    if not set("+/") & set(sig)
)
HEX_SIG = rng.randbytes(64).hex()
PUSH = push_id(1_712_000_000_000)


@pytest.mark.parametrize(
    "text",
    [
        # Base64 of JSON that names no secret: a CloudEvent's data, a WebAuthn assertion, a list.
        f'{{"specversion": "1.0", "data_base64": "{alnum_b64_json({"order": "A-17", "state": "paid"})}"}}',
        "navigator.credentials.get() -> clientDataJSON="
        + b64url_json({"type": "webauthn.create", "challenge": TOKEN, "origin": "https://x.test"}),
        f"kafka record value {b64url_json([{'sku': 'ACME-1', 'qty': 3}, {'sku': 'ACME-2'}])} rejected",
        # gRPC's status trailer, as curl -v prints it (a google.rpc.Status: code, message).
        "< grpc-status: 5\n< grpc-status-details-bin: "
        + base64.b64encode(b"\x08\x05\x12\x1fcollection embeddings not found").decode().rstrip("="),
        # Coin addresses with their checksum: Bitcoin P2SH, Dash.
        f"withdrawal to {BTC_P2SH} queued; change to {DASH}",
        # Base64 of an image whose first run is long enough to be judged.
        f"upload rejected (too small): {image_b64(b'GIF89a')}",
        # A kubelet's CSR, a publishable key (Clerk's: base64 of its frontend host).
        f"kubectl certificate approve node-csr-{TOKEN}",
        'const clerk = new Clerk("pk_test_Y2xlcmsuYWNtZS1yb2JvdGljcy5leGFtcGxlLmNvbSQ")',
        # Swift symbols: an async throwing method, a type's metadata accessor.
        "0  libswiftCore.dylib  $s12DataPipeline6LoaderC5fetchyyYaKF + 120",
        "Undefined symbols: _$s10Networking14RequestBuilderV7headersSDyS2SGvg",
        # Firebase push ids: a child's name, a value under a JSON key.
        f'db.ref("orders").child("{PUSH}").update(patch) failed: permission_denied',
        f'{{"key": "{PUSH}", "priority": null}}',
        # A narinfo's signature (other field order, another cache).
        f"NarHash: sha256:1w1fff338fvdw53sqgamddn1b2xgds473pv6y13gizdbqjv4i5p3\n"
        f"Sig: hydra.corp.acme.dev-2:{SIG_B64}",
        # A signature object with its key id (in-toto link metadata, ``sig`` first).
        f'{{"signatures": [{{"sig": "{HEX_SIG}", "keyid": "{rng.randbytes(32).hex()}"}}]}}',
        # A WebSocket handshake: RFC 6455's sample key and accept, lower-case HTTP/2 names.
        "sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\nsec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
        "ws: Sec-WebSocket-Accept did not match (key: Hk2Lp9Qt7Wn3Rb8Yc1V5sA==)",
        # An InChIKey under a key (caffeine's).
        "pubchem: InChIKey=RYYVLZVUVIJVGH-UHFFFAOYSA-N cid=2519",
        # Luhn-valid numbers that count time or version a class.
        'DateTime.Ticks: 638695229962882629 ("2026-12-05")',
        "java.io.InvalidClassException: stream classdesc serialVersionUID = 4012888888881881, local",
        "GetSystemTimeAsFileTime -> FILETIME: 4111111111111111",
        # Luhn-valid 64-bit ids and log positions under their key (a Maestro's first digits).
        "$ zpool get -H -o value guid tank\nguid 5912338216068063185",
        "discord: snowflake id 5771000018834247788 handled",
        "kafka consumer lag: topic=events partition=3 offset=5771000018834247788",
    ],
)
def test_public_formats_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # Base64 of JSON whose key names a secret stays a secret, whatever its value looks like.
        (f'{{"data": "{alnum_b64_json({"admin_password": "%k1SiukevAU%fh~O_otE"})}"}}', "ZGF"),
        # Another ``-bin`` header; a status trailer whose value is no protobuf status.
        (f"x-auth-bin: {TOKEN}", TOKEN),
        (f"grpc-status-details-bin: {TOKEN}", TOKEN),
        # A private key in WIF is base58check too, but longer; a broken checksum is no address.
        (f"send to {BTC_P2SH}, signing with {WIF}", WIF),
        # A token after ``$`` that does not parse as a Swift symbol.
        (f"echo $s9{TOKEN}", TOKEN),
        # A 20-character value starting with ``-`` whose time is no push id's.
        ('{"key": "-zzHk2Lp9Qt7Wn3Rb8Yc"}', "zzHk2Lp9Qt7Wn3Rb8Yc"),
        # ``Sig:`` outside a narinfo; a signature object without a key id.
        (f"Sig: hydra.corp.acme.dev-2:{SIG_B64}", SIG_B64[:40]),
        (f'{{"sig": "{HEX_SIG}"}}', HEX_SIG),
        # Other keys in a WebSocket handshake.
        (
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nthe api key Hk2Lp9Qt7Wn3Rb8Yc1V5sA==",
            "Hk2Lp9Qt7Wn3Rb8Yc1V5sA",
        ),
        (
            "Sec-WebSocket-Version: 13\nX-Api-Key: Hk2Lp9Qt7Wn3Rb8Yc1V5sA==",
            "Hk2Lp9Qt7Wn3Rb8Yc1V5sA",
        ),
        # A card number after other words.
        ("refund to card 4012888888881881 (tickets 2)", "4012888888881881"),
        ("tickets: 4012888888881881", "4012888888881881"),
        # An id word that is not the key right before it: a card.
        ("guid ok, charged 5771000018834247788 to her card", "5771000018834247788"),
        ("offset: 3, card 4012888888881881", "4012888888881881"),
        ("offsetting charge 4012888888881881", "4012888888881881"),
        # A secret key beside its publishable key.
        (f"pk_live_{TOKEN[:24]} sk_live_{TOKEN}", TOKEN),
    ],
)
def test_secrets_in_their_places_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_encoded_json() -> None:
    assert public_formats.is_encoded_json(b64url_json({"a": [1, 2]}))
    assert not public_formats.is_encoded_json(b64url_json({"client_secret": "x"}))
    assert not public_formats.is_encoded_json(b64url_json({"a": {"api_key": "x"}}))
    assert not public_formats.is_encoded_json(b64url_json("a string"))
    assert not public_formats.is_encoded_json("eyJ" + TOKEN)


def test_images() -> None:
    for head in (PNG_HEAD, b"GIF89a", b"GIF87a", b"RIFF"):
        assert public_formats.is_public_run("", 0, image_b64(head)[:40])
    assert not public_formats.is_public_run("", 0, image_b64(b"\x1f\x8b\x08\x00")[:40])  # gzip


def test_base58check_addresses() -> None:
    assert public_formats.is_base58check_address(BTC_P2SH)
    assert public_formats.is_base58check_address(base58check(b"\x00", bytes(20)))
    broken = BTC_P2SH[:-1] + ("2" if BTC_P2SH[-1] != "2" else "3")
    assert not public_formats.is_base58check_address(broken)
    assert not public_formats.is_base58check_address(WIF)


def test_swift_symbols() -> None:
    assert public_formats.is_swift_symbol("7AppCore10SyncClientV4pushyyF")
    assert not public_formats.is_swift_symbol("9Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d")
    assert not public_formats.is_swift_symbol("4mainAbcdefghijklmnopqrstuv3Foo")


def test_push_ids() -> None:
    assert public_formats.is_push_id(push_id(1_400_000_000_000))
    assert not public_formats.is_push_id(push_id(1_000_000_000_000))  # 2001: before Firebase
    assert not public_formats.is_push_id(PUSH[:19])


def b64(text: str) -> str:
    """Return base64 of ``text`` (ASCII)."""
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "text",
    [
        # A GitHub legacy node id: ``012:IssueComment…`` (the type name is 12 letters long).
        f"graphql: node {b64('012:IssueComment48211907')} was deleted",
        # LangSmith's ``dotted_order``: a compact UTC time and a run's UUID, twice.
        "run tree 20250314T091500123456Z0f8e2d4c-1b3a-4c5d-9e7f-a1b2c3d4e5f6"
        ".20250314T091501000001Z9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        # An identifier of words and numbers (ONNX Runtime's CUDA engine cache name).
        "[onnxruntime] loading CUDAExecutionProvider_TRTKernel_graph_main_graph"
        "_9876543210987654321_1_0 from cache",
        # A Luhn-valid sampler seed.
        "llama_sampler_init_dist: seed = 4012888888881881",
    ],
)
def test_ids_of_an_ai_stack_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # The length prefix does not fit the type name: base64 of other text.
        (f"graphql: node {b64('013:IssueComment48211907')} was deleted", "MDEzOk"),
        # No real day (month 13) before the UUID.
        ("run tree 20251340T091500123456Z0f8e2d4c-1b3a-4c5d-9e7f-a1b2c3d4e5f6", "0f8e2d4c-1b3a"),
        # A generated part among the words; a secret's prefix among them.
        ("loading TensorrtExecutionProvider_Hk2Lp9Qt7Wn3Rb8Yc1V_2_0 from cache", "Hk2Lp9Qt7Wn"),
        ("loading access_TensorrtExecutionProvider_98765432109876543_1 now", "98765432109876543"),
        # ``seed`` inside another word.
        ("seedling: 4012888888881881", "4012888888881881"),
    ],
)
def test_secrets_beside_ai_stack_ids_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_legacy_node_ids_and_timed_uuids() -> None:
    assert public_formats.is_legacy_node_id(b64("04:User58323"))
    assert not public_formats.is_legacy_node_id(b64("05:User58323"))
    assert not public_formats.is_legacy_node_id(b64("04:User"))
    assert public_formats.is_timed_uuid(
        "20240229T000000Z" + "0" * 8 + "-0000-4000-8000-" + "0" * 12
    )
    assert not public_formats.is_timed_uuid(
        "20230229T000000Z" + "0" * 8 + "-0000-4000-8000-" + "0" * 12
    )
    assert public_formats.is_word_chain("AttentionKernel_compiled_main_1234567890123")
    assert not public_formats.is_word_chain("AttentionKernel_compiled")  # two parts


@pytest.mark.parametrize(
    "text",
    [
        "return ComposerAutoloaderInitd41d8cd98f00b204e9800998ecf8427e::getLoader();",
        "use ComposerStaticInit0123456789abcdef0123456789abcdef as StaticInit;",
        "generated class BuildCacheEntry9e107d9d372bb6826bd81d3542a419d6 loaded",
    ],
)
def test_a_class_name_with_a_digest_glued_on_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A secret's word among the capitalised words; not words at all; upper-case hex.
        ("header ApiTokenValue9e107d9d372bb6826bd81d3542a419d6 sent", "9e107d9d372bb6826bd"),
        ("class QxzvKpwtRmnb9e107d9d372bb6826bd81d3542a419d6 x", "9e107d9d372bb6826bd"),
        ("x ComposerInitB8Xq2L9vZ7kR4mN1pW6tY3cF5hJ0sD", "B8Xq2L9vZ7kR4mN1pW6t"),
    ],
)
def test_a_generated_run_after_capitalised_words_goes(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # sops: ciphertext, committed by design
        "db:\n    password: ENC[AES256_GCM,data:q8Zt3LmP0vXk9Rw2Yb7Nc4Hs6Jd1Fg5AeQw9Er7TyUi0OpLkJh3GfDsA2,"
        "iv:Xk9Rw2Yb7Nc4Hs6Jd1Fg5AeQw9Er7TyUi0OpLkJh3Gf=,tag:Yb7Nc4Hs6Jd1Fg5AeQw9Er==,type:str]",
        '{"token": "ENC[AES256_GCM,data:Zt3LmP0vXk9Rw2Yb7Nc4Hs6Jd1Fg5AeQw9Er7T,iv:a,tag:b,type:str]"}',
        # an SRI hash percent-encoded in a flake reference
        "github:NixOS/nixpkgs/0b5a3f1c2d4e6f7a8b9c0d1e2f3a4b5c6d7e8f90?narHash=sha256-Qm3vT9xK2pL7"
        "%2BwR8nB4yH6jZ1cF5dS0aE3gU9iO%2FkM7tX2vQ%3D",
        # Tailscale's typed public keys
        '{"PublicKey": "nodekey:5f0c2a9e7b3d1f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a"}',
        "discokey:9a7c5e3b1d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c",
    ],
)
def test_sops_ciphertext_escaped_hashes_and_tailscale_public_keys_stay(
    anonymizer: Anonymizer, text: str
) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # not inside ENC[…]: a token after the closing bracket is judged as ever
            "v: ENC[AES256_GCM,data:abc,type:str] api_token=Zt3LmP0vXk9Rw2Yb7Nc4Hs6Jd1Fg5Ae",
            "v: ENC[AES256_GCM,data:abc,type:str] api_token=<redacted:token>",
        ),
        (  # percent-encoded, but no hash label before it
            "?state=Qm3vT9xK2pL7%2BwR8nB4yH6jZ1cF5dS0aE3gU9iO&token=wR8nB4yH6jZ1cF5dS0aE3gU9iOkM7t",
            "?state=Qm3vT9xK2pL7%2BwR8nB4yH6jZ1cF5dS0aE3gU9iO&token=<redacted:token>",
        ),
        (
            "privkey:5f0c2a9e7b3d1f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a",
            "privkey:<redacted:high-entropy>",
        ),
    ],
)
def test_lookalikes_of_public_formats_are_still_judged(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


def test_a_webhook_signature_stays(anonymizer: Anonymizer) -> None:
    """A webhook's labelled HMAC (``sha1=<hex>``) is a digest of the payload, no key; a
    password's value stays redacted whatever its label."""
    digest = "8a3f9c2e7b1d4f6a0c5e9b2d7f1a3c8e4b6d0f2a"
    header = f"X-Hub-Signature: sha1={digest}"
    assert anonymizer.anonymize(header) == header
    assert digest not in anonymizer.anonymize(f"password: sha1={digest}")
