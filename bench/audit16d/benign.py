"""Benign strings of the fourth audit corpus: technical text that looks risky and is not secret.

Every kind draws ``PER_KIND`` strings with the caller's seeded ``random.Random``. Hash values are
real digests of generated inputs, identifiers follow their formats.
"""

from __future__ import annotations

import base64
import hashlib
import random
import string
import uuid
from collections.abc import Callable

PER_KIND = 22
B32NIX = "0123456789abcdfghijklmnpqrsvwxyz"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
PKGS = ("openssl", "python3", "glibc", "zlib", "curl", "nodejs", "ripgrep", "qdrant", "ollama")
NAMES = ("render", "billing", "ingest", "auth", "search", "thumbnail", "scheduler", "gateway")


def _c(rng: random.Random, chars: str, n: int) -> str:
    return "".join(rng.choice(chars) for _ in range(n))


def _digest(rng: random.Random, algo: str) -> str:
    return hashlib.new(algo, rng.randbytes(32)).hexdigest()


def _b64digest(rng: random.Random, algo: str) -> str:
    return base64.b64encode(hashlib.new(algo, rng.randbytes(32)).digest()).decode()


KINDS: dict[str, Callable[[random.Random], str]] = {
    "nix-store-path": lambda r: (
        f"/nix/store/{_c(r, B32NIX, 32)}-{r.choice(PKGS)}-{r.randint(1, 3)}.{r.randint(0, 40)}.{r.randint(0, 9)}/bin/{r.choice(PKGS)}"
    ),
    "nix-sri-hash": lambda r: f'hash = "sha256-{_b64digest(r, "sha256")}";',
    "flake-lock": lambda r: (
        f'"narHash": "sha256-{_b64digest(r, "sha256")}", "rev": "{_digest(r, "sha1")}"'
    ),
    "npm-integrity": lambda r: f'"integrity": "sha512-{_b64digest(r, "sha512")}"',
    "go-sum": lambda r: (
        f"github.com/acme/{r.choice(NAMES)} v1.{r.randint(0, 20)}.{r.randint(0, 9)} h1:{_b64digest(r, 'sha256')}"
    ),
    "pip-hash": lambda r: (
        f"{r.choice(PKGS)}=={r.randint(1, 9)}.{r.randint(0, 30)} --hash=sha256:{_digest(r, 'sha256')}"
    ),
    "cargo-checksum": lambda r: f'checksum = "{_digest(r, "sha256")}"',
    "docker-digest": lambda r: f"ghcr.io/acme/{r.choice(NAMES)}@sha256:{_digest(r, 'sha256')}",
    "sha256sum-line": lambda r: (
        f"{_digest(r, 'sha256')}  {r.choice(NAMES)}-{r.randint(1, 9)}.{r.randint(0, 9)}.tar.gz"
    ),
    "git-log": lambda r: (
        f"commit {_digest(r, 'sha1')}\nAuthor: release-bot\n\n    bump {r.choice(PKGS)} to {r.randint(1, 9)}.{r.randint(0, 9)}"
    ),
    "sri-script": lambda r: (
        f'<script src="https://cdn.example.org/lib.min.js" integrity="sha384-{_b64digest(r, "sha384")}" crossorigin="anonymous"></script>'
    ),
    "uuid": lambda r: (
        f"request_id={uuid.UUID(int=r.getrandbits(128), version=4)} status=200 took={r.randint(2, 900)}ms"
    ),
    "traceparent": lambda r: (
        f"traceparent: 00-{_c(r, '0123456789abcdef', 32)}-{_c(r, '0123456789abcdef', 16)}-01"
    ),
    "k8s-pod-name": lambda r: (
        f"pod/{r.choice(NAMES)}-{_c(r, 'bcdfghjklmnpqrstvwxz2456789', 10)}-{_c(r, 'bcdfghjklmnpqrstvwxz2456789', 5)} Running 0 3d"
    ),
    "container-id": lambda r: f"container {_digest(r, 'sha256')} exited with code 137 (OOMKilled)",
    "minisign-public": lambda r: (
        f"untrusted comment: minisign public key {_c(r, '0123456789ABCDEF', 16)}\nRWQ{base64.b64encode(r.randbytes(39)).decode()}"
    ),
    "age-recipient": lambda r: (
        f"age -r age1{_c(r, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)} -o backup.age backup.tar"
    ),
    "wireguard-public": lambda r: (
        f"[Peer]\nPublicKey = {base64.b64encode(r.randbytes(32)).decode()}\nPersistentKeepalive = {r.randint(15, 30)}"
    ),
    "pgp-fingerprint": lambda r: (
        f'gpg: using RSA key {_c(r, "0123456789ABCDEF", 40)}\ngpg: Good signature from "Release Bot"'
    ),
    "ja3-hash": lambda r: (
        f"tls client hello ja3={_digest(r, 'md5')} ja3s={_digest(r, 'md5')} sni={r.choice(NAMES)}.example.org"
    ),
    "x509-serial": lambda r: (
        f"Serial Number:\n    {':'.join(_c(r, '0123456789abcdef', 2) for _ in range(16))}"
    ),
    "mangled-symbol": lambda r: r.choice(
        (
            f"_ZN4core3fmt5write17h{_c(r, '0123456789abcdef', 16)}E",
            f"_ZN{len(n := r.choice(NAMES))}{n}6worker3run17h{_c(r, '0123456789abcdef', 16)}E",
            f"_ZNSt6vectorIiSaIiEE9push_backERKi+0x{r.randint(16, 999):x}",
            f"?{r.choice(NAMES)}@Worker@acme@@QEAAXPEBD@Z",
        )
    ),
    "rust-v0-symbol": lambda r: (
        f"  at _RNvCs{_c(r, string.ascii_letters + string.digits, 11)}_4main{r.randint(3, 9)}{r.choice(NAMES)[: r.randint(3, 5)]}"
    ),
    "minified-js": lambda r: (
        f'!function(e,t){{var n={{{_c(r, string.ascii_lowercase, 1)}:function(){{return"{_c(r, string.ascii_letters + string.digits, 24)}"}},v:"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}"}};e.exports=n}}(this);'
    ),
    "css-module-class": lambda r: (
        f'<div class="Button_primary__{_c(r, string.ascii_letters + string.digits + "_-", 5)} Card_root__{_c(r, string.ascii_letters + string.digits, 5)}">'
    ),
    "webpack-chunk": lambda r: (
        f"/_next/static/chunks/pages/{r.choice(NAMES)}-{_c(r, '0123456789abcdef', 16)}.js"
    ),
    "ipfs-cid": lambda r: f"ipfs://bafybei{_c(r, 'abcdefghijklmnopqrstuvwxyz234567', 52)}",
    "eth-address": lambda r: (
        f"transfer to 0x{_c(r, '0123456789abcdefABCDEF', 40)} confirmed in block {r.randint(10**6, 10**7)}"
    ),
    "solana-address": lambda r: f"program id {_c(r, B58, 44)} deployed",
    "long-identifier": lambda r: (
        r.choice(
            (
                "AbstractSingletonProxyFactoryBean.getObjectType",
                "SimpleBeanFactoryAwareAspectInstanceFactory",
                "TransactionAwarePersistenceManagerFactoryProxy",
                "InternalFrameInternalFrameTitlePaneInternalFrameTitlePaneMaximizeButtonWindowNotFocusedState",
            )
        )
        + f"#{r.randint(1, 99)}"
    ),
    "test-vector": lambda r: (
        r.choice(
            (
                "AES-128 key 2b7e151628aed2a6abf7158809cf4f3c, plaintext 6bc1bee22e409f96e93d7e117393172a (FIPS-197 test vector)",
                "RFC 4231 test case 2: key = 4a656665 ('Jefe'), data = 7768617420646f2079612077616e7420666f72206e6f7468696e673f",
                'SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
                "ChaCha20 RFC 8439 key 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            )
        )
        + f" [vector {r.randint(1, 500)}]"
    ),
    "version-string": lambda r: (
        f"{r.choice(PKGS)} {r.randint(0, 9)}.{r.randint(0, 40)}.{r.randint(0, 99)}-rc.{r.randint(1, 5)}+build.{r.randint(1000, 9999)}.g{_c(r, '0123456789abcdef', 7)}"
    ),
    "placeholder": lambda r: (
        r.choice(
            (
                "export API_KEY=<your-api-key>",
                "token: ${{ secrets.DEPLOY_TOKEN }}",
                "password: ${DB_PASSWORD:?required}",
                "OPENAI_API_KEY=sk-...your-key-here",
                "client_secret = os.environ['CLIENT_SECRET']",
                "apiKey: process.env.STRIPE_KEY",
            )
        )
        + f"  # step {r.randint(1, 50)}"
    ),
    "base64-image": lambda r: (
        f'<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk{_c(r, string.ascii_letters, 8)}AAAAASUVORK5CYII=">'
    ),
    "azure-resource-id": lambda r: (
        f"/subscriptions/{uuid.UUID(int=r.getrandbits(128), version=4)}/resourceGroups/rg-{r.choice(NAMES)}/providers/Microsoft.Web/sites/{r.choice(NAMES)}-prod"
    ),
    "arn": lambda r: f"arn:aws:iam::{r.randint(10**11, 10**12 - 1)}:role/{r.choice(NAMES)}-deploy",
    "ulid-ksuid": lambda r: (
        f"event {_c(r, '0123456789ABCDEFGHJKMNPQRSTVWXYZ', 26)} enqueued, ksuid {_c(r, string.ascii_letters + string.digits, 27)}"
    ),
    "py-object-repr": lambda r: (
        f"TypeError: cannot pickle <qdrant_client.http.models.{r.choice(('CollectionInfo', 'PointStruct', 'ScoredPoint'))} object at 0x7f{_c(r, '0123456789abcdef', 10)}>"
    ),
    "go-panic": lambda r: (
        f"goroutine {r.randint(1, 400)} [running]:\nmain.(*Server).handle(0xc000{_c(r, '0123456789abcdef', 6)}, {{0x{_c(r, '0123456789abcdef', 7)}, 0xc00{_c(r, '0123456789abcdef', 7)}}})\n\t/src/server.go:{r.randint(10, 900)} +0x{_c(r, '0123456789abcdef', 3)}"
    ),
    "systemd-escaped": lambda r: (
        f"dev-disk-by\\x2duuid-{uuid.UUID(int=r.getrandbits(128), version=4)}.device: Job timed out."
    ),
    "nix-drv-error": lambda r: (
        f"error: builder for '/nix/store/{_c(r, B32NIX, 32)}-python3.11-{r.choice(PKGS)}-{r.randint(1, 9)}.{r.randint(0, 9)}.drv' failed with exit code 1"
    ),
    "hf-revision": lambda r: (
        f"Downloading model.safetensors from TheBloke/{r.choice(NAMES).title()}-7B-GGUF (revision {_digest(r, 'sha1')})"
    ),
    "s3-etag": lambda r: f'ETag: "{_digest(r, "md5")}-{r.randint(2, 90)}"',
    "git-lfs-oid": lambda r: (
        f"version https://git-lfs.github.com/spec/v1\noid sha256:{_digest(r, 'sha256')}\nsize {r.randint(1000, 10**9)}"
    ),
    "wheel-filename": lambda r: (
        f"Successfully installed {r.choice(PKGS)}-{r.randint(1, 3)}.{r.randint(0, 9)}.{r.randint(0, 9)}+cu121-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
    ),
    "qdrant-point": lambda r: (
        f"point {uuid.UUID(int=r.getrandbits(128), version=4)} upserted into collection fedlearn_{r.choice(NAMES)}_v{r.randint(1, 9)}"
    ),
    "nanoid": lambda r: (
        f"created session record id={_c(r, string.ascii_letters + string.digits + '_-', 21)} for job {r.choice(NAMES)}"
    ),
    "hf-model-id": lambda r: (
        f"ollama pull hf.co/{r.choice(('TheBloke', 'bartowski', 'unsloth'))}/{r.choice(NAMES).title()}-{r.randint(1, 70)}B-Instruct-v0.{r.randint(1, 9)}-GGUF:Q4_K_M"
    ),
    "camel-identifier": lambda r: (
        r.choice(
            (
                "TransformerEncoderLayerWithRotaryEmbeddings",
                "FlashAttention2ForCausalLMWithKVCache",
                "Qwen2VLForConditionalGeneration",
                "LlamaDecoderLayerSdpaAttention",
            )
        )
        + f".forward() took {r.randint(2, 900)}ms"
    ),
    "yarn-resolved": lambda r: (
        f'resolved "https://registry.yarnpkg.com/{r.choice(PKGS)}/-/{r.choice(PKGS)}-{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}.tgz#{_digest(r, "sha1")}"'
    ),
}


def rows(rng: random.Random) -> list[dict[str, str]]:
    """Return ``PER_KIND`` rows of every kind."""
    return [
        {"kind": kind, "text": make(rng)} for kind, make in KINDS.items() for _ in range(PER_KIND)
    ]
