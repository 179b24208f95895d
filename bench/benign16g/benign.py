"""Benign strings of the blind benign corpus bench/benign16g: kinds no earlier benign set holds.

Each kind writes a value in its tool's real format (formats.py computes check digits and
checksums where the format has them) inside a context a coordinator's telemetry would carry:
an error message, a log line, a command line, a config or a code fragment. None is a secret or
personal data; see README.md for what each kind is and why it is public.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import uuid
from collections.abc import Callable

import formats as f
from formats import B62, B64URL, HEX, LOWER, UHEX, UPPER, D, s

WORDS = ["api", "web", "worker", "billing", "search", "ingest", "auth", "gateway", "cron", "media"]
APPS = ["acme", "orbit", "lumen", "pico", "tessera", "quill", "harbor", "nimbus"]


def uid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def pick(r: random.Random, *options: str) -> str:
    return r.choice(options)


# --- identifiers of other tools ---------------------------------------------------------------


def ksuid(r: random.Random) -> str:
    ts = r.randint(1_700_000_000, 1_760_000_000) - 1_400_000_000
    value = f.base62(int.from_bytes(ts.to_bytes(4, "big") + r.randbytes(16), "big"), 27)
    return pick(
        r,
        f'segment: track failed for messageId "{value}": 400 Bad Request',
        f'level=warn msg="retrying delivery" event_id={value} attempt={r.randint(2, 6)}',
        f"KeyError: '{value}' not in pending batch (ksuid ordering violated)",
    )


def firebase_push_id(r: random.Random) -> str:
    alphabet = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
    ms = r.randint(1_700_000_000_000, 1_770_000_000_000)
    head = ""
    for _ in range(8):
        head = alphabet[ms % 64] + head
        ms //= 64
    key = head + s(r, alphabet, 12)
    return pick(
        r,
        f"FIREBASE WARNING: set at /chats/{r.choice(WORDS)}/messages/{key} failed: permission_denied",
        f'firebase: child_added {{"key": "{key}", "path": "/queue/tasks/{key}"}}',
    )


def typeid(r: random.Random) -> str:
    prefix = r.choice(["user", "org", "invoice", "job", "run", "doc_chunk", "api_call"])
    value = f"{prefix}_{r.choice('01234567')}{s(r, f.CROCKFORD, 25)}"
    return pick(
        r,
        f"NotFoundError: no row for id {value!r} in table {prefix}s",
        f'{{"level": "error", "msg": "lookup failed", "id": "{value}"}}',
        f"GET /v2/{prefix}s/{value} -> 404 ({r.randint(2, 90)} ms)",
    )


def cuid(r: random.Random) -> str:
    v1 = "c" + f.base62(r.randint(36**7, 36**8), 1).lower()[:8] + s(r, LOWER + D, 16)
    v2 = r.choice(LOWER) + s(r, LOWER + D, 23)
    return pick(
        r,
        f"prisma:error Invalid `prisma.post.update()` invocation: Record to update not found. where: {{ id: '{v2}' }}",
        f"PrismaClientKnownRequestError: Foreign key constraint failed on the field: `authorId` (value {v1})",
        f'{{"event": "upsert", "model": "Account", "id": "{v2}", "ownerId": "{v1}"}}',
    )


def twilio_sids(r: random.Random) -> str:
    kind = r.choice(["SM", "MM", "CA", "RE"])
    sid = kind + s(r, HEX, 32)
    return pick(
        r,
        f"twilio: message {sid} status=undelivered error_code=30003 (Unreachable destination handset)",
        f"TwilioRestException: HTTP 404 error: Unable to fetch record: The requested resource /2010-04-01/Calls/{sid}.json was not found",
        f'{{"sid": "{sid}", "status": "failed", "error_code": 3000{r.randint(1, 8)}, "num_segments": "1"}}',
    )


def lambda_log_stream(r: random.Random) -> str:
    stream = f"2026/12/{r.randint(1, 5):02d}/[$LATEST]{s(r, HEX, 32)}"
    return pick(
        r,
        f"ResourceNotFoundException: The specified log stream does not exist. logStreamName={stream}",
        f"REPORT RequestId: {uid(r)}\tDuration: {r.randint(1, 900)}.{r.randint(10, 99)} ms\tBilled Duration: {r.randint(1, 900)} ms\tMemory Size: 512 MB\tMax Memory Used: {r.randint(60, 500)} MB\n(log stream {stream})",
    )


def edge_request_ids(r: random.Random) -> str:
    pops = ["fra1", "iad1", "sfo1", "cdg1", "hnd1", "arn1"]
    vid = f"{r.choice(pops)}::{r.choice(pops)}::{s(r, LOWER + D, 5)}-{r.randint(1733000000000, 1734000000000)}-{s(r, HEX, 12)}"
    return pick(
        r,
        f"x-vercel-id: {vid}\nx-vercel-cache: MISS\nFUNCTION_INVOCATION_TIMEOUT",
        f"502 from upstream: An error occurred with your deployment (ID: {vid})",
    )


def datadog_injection(r: random.Random) -> str:
    return pick(
        r,
        f"2026-12-05 10:{r.randint(10, 59)}:01 ERROR [dd.service=ingest dd.env=prod dd.version=1.{r.randint(0, 9)}.0 dd.trace_id={r.randint(10**18, 2**64 - 1)} dd.span_id={r.randint(10**17, 2**63 - 1)}] timeout talking to qdrant",
        f'{{"message": "upstream reset", "dd": {{"trace_id": "{r.randint(10**18, 2**64 - 1)}", "span_id": "{r.randint(10**17, 2**63 - 1)}"}}}}',
    )


def gerrit_change_id(r: random.Random) -> str:
    cid = "I" + s(r, HEX, 40)
    return pick(
        r,
        f"remote: ERROR: commit {s(r, HEX, 7)}: missing Change-Id in message footer (expected e.g. Change-Id: {cid})",
        f"fix(sync): retry push on lease loss\n\nBug: {r.randint(100000, 999999)}\nChange-Id: {cid}",
        f"! [remote rejected] HEAD -> refs/for/main (change https://review.example.org/c/fedlearn/+/{r.randint(1000, 99999)} closed; Change-Id {cid})",
    )


def k8s_event_csr(r: random.Random) -> str:
    pod = f"{r.choice(WORDS)}-{s(r, LOWER + D, 10)}-{s(r, LOWER + D, 5)}"
    return pick(
        r,
        f'Error from server (NotFound): events "{pod}.{s(r, HEX, 16)}" not found',
        f"LAST SEEN  TYPE     REASON    OBJECT       MESSAGE\n{r.randint(1, 59)}s        Warning  BackOff   pod/{pod}   Back-off restarting failed container (event {pod}.{s(r, HEX, 16)})",
        f"NAME                                                   AGE   SIGNERNAME                                    REQUESTOR                 CONDITION\nnode-csr-{s(r, B64URL, 43)}   {r.randint(2, 59)}m   kubernetes.io/kube-apiserver-client-kubelet   system:bootstrap:{s(r, LOWER + D, 6)}   Pending",
    )


def grafana_uids(r: random.Random) -> str:
    uid_ = r.choice(LOWER) + s(r, LOWER + D, 13)
    return pick(
        r,
        f"alert {r.choice(WORDS)}-latency firing: https://grafana.example.org/d/{uid_}/{r.choice(WORDS)}-overview?orgId=1&viewPanel={r.randint(1, 40)}",
        f'{{"message": "Dashboard not found", "status": "not-found", "uid": "{uid_}"}}',
        f'datasource uid "{s(r, B62, 9)}" referenced by panel {r.randint(1, 30)} of dashboard {uid_} does not exist',
    )


def vault_lease_ids(r: random.Random) -> str:
    mount = r.choice(["database/creds/readonly", "aws/creds/deploy", "pki/issue/internal"])
    lease = f"{mount}/{s(r, B62, 24)}"
    return pick(
        r,
        f"Error revoking lease: lease not found or lease is not renewable: lease_id={lease}",
        f'vault: renewed lease {{"lease_id": "{lease}", "lease_duration": {r.randint(60, 86400)}, "renewable": true}}',
    )


def oauth_client_ids(r: random.Random) -> str:
    google = f"{s(r, D, 12)}-{s(r, LOWER + D, 32)}.apps.googleusercontent.com"
    github = f"Iv1.{s(r, HEX, 16)}"
    return pick(
        r,
        f"oauth: redirect_uri_mismatch for client_id={google}",
        f"GET https://github.com/login/oauth/authorize?client_id={github}&redirect_uri=https%3A%2F%2Fapp.example.org%2Fcb&state=xyz -> 302",
        f'[auth.google]\nclient_id = "{google}"\nscopes = ["openid", "profile"]',
        f"error: the GitHub App with client id {github} is not installed on this repository",
    )


# --- hashes and digests of other tools --------------------------------------------------------


def narinfo(r: random.Random) -> str:
    name = r.choice(["python3-3.11.10", "openssl-3.3.2", "glibc-2.40-36", "qdrant-1.12.4"])
    return (
        f"error: cannot add path '/nix/store/{s(r, f.NIX32, 32)}-{name}' because it lacks a signature by a trusted key\n"
        f"StorePath: /nix/store/{s(r, f.NIX32, 32)}-{name}\nURL: nar/{s(r, f.NIX32, 52)}.nar.xz\nCompression: xz\n"
        f"FileHash: sha256:{s(r, f.NIX32, 52)}\nNarHash: sha256:{s(r, f.NIX32, 52)}\nNarSize: {r.randint(10**5, 10**8)}\n"
        f"Sig: cache.nixos.org-1:{f.b64(r.randbytes(64))}"
    )


def magnet_links(r: random.Random) -> str:
    name = r.choice(
        [
            "debian-12.8.0-amd64-netinst.iso",
            "ubuntu-24.04.1-live-server-amd64.iso",
            "bigbuckbunny.mp4",
        ]
    )
    v1 = pick(r, s(r, HEX, 40), s(r, UHEX, 40), s(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32))
    return pick(
        r,
        f"transmission: added magnet:?xt=urn:btih:{v1}&dn={name}&tr=udp%3A%2F%2Ftracker.opentrackr.org%3A1337",
        f"aria2c: [ERROR] magnet:?xt=urn:btmh:1220{s(r, HEX, 64)}&dn={name}: no peers after 120s",
        f"torrent {name} infohash={s(r, HEX, 40)} state=seeding ratio={r.randint(1, 9)}.{r.randint(0, 99)}",
    )


def bazel_buck_digests(r: random.Random) -> str:
    digest = f"{s(r, HEX, 64)}/{r.randint(100, 10**7)}"
    return pick(
        r,
        f"ERROR: Failed to fetch blobs because they do not exist remotely: Missing digest: {digest} for bazel-out/k8-opt/bin/{r.choice(WORDS)}/{r.choice(WORDS)}.jar",
        f"WARNING: Remote Cache: {digest} CACHE_MISS (action {s(r, HEX, 64)})",
        f"buck2: Action failed: root//{r.choice(WORDS)}:lib (cxx_compile main.cpp)\n  output: buck-out/v2/gen/root/{s(r, HEX, 16)}/{r.choice(WORDS)}/__lib__/main.o",
    )


def b3sum_xxhsum(r: random.Random) -> str:
    fn = f"{r.choice(APPS)}-{r.randint(1, 4)}.{r.randint(0, 20)}.tar.zst"
    return pick(
        r,
        f"{s(r, HEX, 64)}  {fn}\nb3sum: {fn}: FAILED",
        f"XXH3 ({fn}) = {s(r, HEX, 16)}\nXXH128 ({fn}) = {s(r, HEX, 32)}",
        f"dedup: chunk xxh64={s(r, HEX, 16)} blake3={s(r, HEX, 64)} already stored, skipping",
    )


def wheel_record(r: random.Random) -> str:
    pkg = r.choice(["requests", "urllib3", "numpy", "qdrant_client", "msgspec", "attrs"])
    return pick(
        r,
        f"ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE RECORD FILE\n    {pkg}/__init__.py,sha256={f.b64url(r.randbytes(32))},{r.randint(200, 9000)}",
        f"{pkg}-1.{r.randint(0, 30)}.0.dist-info/RECORD:\n{pkg}/__init__.py,sha256={f.b64url(r.randbytes(32))},{r.randint(200, 9000)}\n{pkg}/core.py,sha256={f.b64url(r.randbytes(32))},{r.randint(200, 90000)}\n{pkg}-1.0.dist-info/RECORD,,",
    )


def jar_manifest(r: random.Random) -> str:
    cls = f"com/{r.choice(APPS)}/{r.choice(WORDS)}/{r.choice(['Client', 'Sync', 'Main', 'Codec'])}.class"
    return pick(
        r,
        f"java.lang.SecurityException: SHA-256 digest error for {cls}",
        f"Name: {cls}\nSHA-256-Digest: {f.b64(r.randbytes(32))}\n\nName: META-INF/versions/9/module-info.class\nSHA-256-Digest: {f.b64(r.randbytes(32))}",
        f"jarsigner: java.lang.SecurityException: invalid SHA1 signature file digest for {cls} (SHA1-Digest: {f.b64(r.randbytes(20))})",
    )


def cargo_target_paths(r: random.Random) -> str:
    crate = r.choice(["serde", "ring", "tokio", "openssl-sys", "prost", "rustls"])
    return pick(
        r,
        f"error: failed to run custom build command for `{crate} v0.{r.randint(1, 17)}.{r.randint(0, 9)}`\nCaused by: process didn't exit successfully: `/src/target/release/build/{crate}-{s(r, HEX, 16)}/build-script-build` (exit status: 101)",
        f"error: linking with `cc` failed: exit status: 1\n  = note: /usr/bin/ld: cannot find /src/target/debug/deps/lib{crate.replace('-', '_')}-{s(r, HEX, 16)}.rlib",
    )


def content_digest(r: random.Random) -> str:
    return pick(
        r,
        f"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Digest: sha-256=:{f.b64(r.randbytes(32))}:\nRepr-Digest: sha-512=:{f.b64(r.randbytes(64))}:",
        f"digest mismatch: header Digest: SHA-256={f.b64(r.randbytes(32))} but body hashes to SHA-256={f.b64(r.randbytes(32))}",
        f"Want-Content-Digest: sha-256=10, sha=3\nContent-Digest: sha-512=:{f.b64(r.randbytes(64))}:",
    )


def websocket_handshake(r: random.Random) -> str:
    key = f.b64(r.randbytes(16))
    accept = base64.b64encode(
        hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()  # noqa: S324
    ).decode()
    return pick(
        r,
        f"GET /ws HTTP/1.1\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: {key}\nSec-WebSocket-Version: 13",
        f"websocket: handshake failed: Sec-WebSocket-Accept mismatch (key {key}, expected {accept})",
        f"HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nSec-WebSocket-Accept: {accept}",
    )


def tuf_metadata(r: random.Random) -> str:
    keyid = s(r, HEX, 64)
    return pick(
        r,
        f'tuf: timestamp.json verification failed: {{"signatures": [{{"keyid": "{keyid}", "sig": "{s(r, HEX, 128)}"}}], "signed": {{"_type": "timestamp", "version": {r.randint(100, 9999)}}}}}',
        f"tuf.exceptions.UnsignedMetadataError: snapshot was signed by 0/1 keys (threshold 1); keyids: {keyid}",
    )


def workbox_precache(r: random.Random) -> str:
    return pick(
        r,
        f'workbox: precache manifest [{{"revision": "{s(r, HEX, 32)}", "url": "index.html"}}, {{"revision": null, "url": "assets/index-{s(r, B64URL, 8)}.js"}}]',
        f"bad-precaching-response: url=/offline.html?__WB_REVISION__={s(r, HEX, 32)} status=404",
    )


def ollama_pull(r: random.Random) -> str:
    model = r.choice(["llama3.2", "qwen2.5:7b", "nomic-embed-text", "mistral-nemo", "gemma2:9b"])
    lines = [
        f"pulling {s(r, HEX, 12)}... 100% ▕████████████████▏ {r.randint(1, 900)} {r.choice(['MB', 'KB', 'B'])}"
        for _ in range(3)
    ]
    return pick(
        r,
        "pulling manifest\n"
        + "\n".join(lines)
        + "\nverifying sha256 digest\nError: digest mismatch, file must be downloaded again",
        f"Error: open /root/.ollama/models/blobs/sha256-{s(r, HEX, 64)}: no such file or directory ({model})",
    )


# --- encodings of public data -----------------------------------------------------------------


def pubsub_push(r: random.Random) -> str:
    event = {
        "bucket": f"{r.choice(APPS)}-uploads",
        "name": f"in/{r.randint(1, 999)}.json",
        "eventType": "OBJECT_FINALIZE",
    }
    data = f.b64(json.dumps(event).encode())
    return json.dumps(
        {
            "message": {
                "attributes": {"eventType": "OBJECT_FINALIZE"},
                "data": data,
                "messageId": str(r.randint(10**15, 10**16)),
                "publishTime": "2026-12-05T10:13:55.749Z",
            },
            "subscription": f"projects/{r.choice(APPS)}-prod/subscriptions/{r.choice(WORDS)}-push",
        }
    ) + pick(r, "\nhandler raised KeyError: 'size'", "\npush endpoint returned 500")


def png_base64_field(r: random.Random) -> str:
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        + r.randint(16, 512).to_bytes(4, "big") * 2
        + b"\x08\x06\x00\x00\x00"
        + r.randbytes(r.randint(24, 60))
    )
    data = f.b64(png)
    return pick(
        r,
        f'{{"type": "image", "source": {{"type": "base64", "media_type": "image/png", "data": "{data}"}}}}',
        f"PIL.UnidentifiedImageError: cannot identify image file (thumbnail={data!r})",
        f"avatar upload rejected (too small): {data}",
    )


def grpc_status_details(r: random.Random) -> str:
    msg = r.choice(
        [
            f"invalid vector dimension: expected {r.choice([384, 768, 1024])}, got {r.randint(1, 4096)}",
            f"collection {r.choice(WORDS)}-{r.randint(1, 99)} not found",
            f"payload field {r.choice(WORDS)} exceeds {r.randint(1, 64)} KiB",
        ]
    ).encode()
    detail = f.pb_field(1, b"type.googleapis.com/google.rpc.BadRequest") + f.pb_field(
        2, f.pb_field(1, f.pb_field(1, b"vector") + f.pb_field(2, msg))
    )
    status = b"\x08" + f.varint(r.choice([3, 5, 4])) + f.pb_field(2, msg) + f.pb_field(3, detail)
    value = base64.b64encode(status).decode().rstrip("=")
    return pick(
        r,
        f"grpc-status: 3\ngrpc-message: {msg.decode()}\ngrpc-status-details-bin: {value}",
        f'<_InactiveRpcError of RPC that terminated with: status = StatusCode.INVALID_ARGUMENT details = "{msg.decode()}" debug_error_string = "grpc-status-details-bin={value}">',
    )


def webauthn(r: random.Random) -> str:
    challenge = f.b64url(r.randbytes(32))
    client = f.b64url(
        json.dumps(
            {
                "type": "webauthn.get",
                "challenge": challenge,
                "origin": "https://app.example.org",
                "crossOrigin": False,
            },
            separators=(",", ":"),
        ).encode()
    )
    cred = f.b64url(r.randbytes(r.choice([16, 32, 64])))
    return pick(
        r,
        f"NotAllowedError: credential {cred} not registered for this user",
        f'{{"id": "{cred}", "rawId": "{cred}", "type": "public-key", "response": {{"clientDataJSON": "{client}"}}}} -> 400 challenge expired',
        f"webauthn: verify failed: origin mismatch in clientDataJSON {client}",
    )


def dkim_txt(r: random.Random) -> str:
    key = f.b64(
        bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100")
        + r.randbytes(256)
        + b"\x02\x03\x01\x00\x01"
    )
    sel = r.choice(["google", "s1", "selector1", "mail", "k1"])
    dom = f"{r.choice(APPS)}.example"
    return pick(
        r,
        f'{sel}._domainkey.{dom}. 3600 IN TXT "v=DKIM1; k=rsa; p={key[:200]}" "{key[200:]}"',
        f"opendkim: {sel}._domainkey.{dom}: key data does not match (p={key})",
        f'resource "aws_route53_record" "dkim" {{\n  name    = "{sel}._domainkey"\n  type    = "TXT"\n  records = ["v=DKIM1; k=rsa; p={key}"]\n}}',
    )


def dnssec_records(r: random.Random) -> str:
    dom = f"{r.choice(APPS)}.example."
    tag = r.randint(1000, 65535)
    return pick(
        r,
        f"{dom} 3600 IN DNSKEY 257 3 13 {f.b64(r.randbytes(64))}\n{dom} 3600 IN DNSKEY 256 3 13 {f.b64(r.randbytes(64))}",
        f"{dom} 86400 IN DS {tag} 13 2 {s(r, UHEX, 64)}\n;; validation failure <{dom} A IN>: no DS matches DNSKEY {tag}",
        f"{dom} 300 IN RRSIG A 13 2 300 20261219000000 20261128000000 {tag} {dom} {f.b64(r.randbytes(64))}",
    )


def tlsa_records(r: random.Random) -> str:
    host = f"_{r.choice([25, 443, 465, 993])}._tcp.mail.{r.choice(APPS)}.example."
    return pick(
        r,
        f"{host} 3600 IN TLSA 3 1 1 {s(r, HEX, 64)}",
        f"posttls-finger: TLSA RR {host} 3 1 1 {s(r, UHEX, 64)} does not match the server certificate",
        f"{host} IN TLSA 2 0 1 {s(r, HEX, 64)}\n{host} IN TLSA 3 1 2 {s(r, HEX, 128)}",
    )


def pgp_signature(r: random.Random) -> str:
    body = f.b64(b"\x88\x75\x04\x00\x16\x0a\x00\x1d\x16\x21\x04" + r.randbytes(100))
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    crc = f.b64(r.randbytes(3))
    return (
        pick(
            r,
            f"gpg: BAD signature for {r.choice(APPS)}-1.{r.randint(0, 9)}.tar.gz; the .asc file was:\n",
            "tag v1.4.0 signature (git cat-file tag v1.4.0):\n",
        )
        + f"-----BEGIN PGP SIGNATURE-----\n\n{lines}\n={crc}\n-----END PGP SIGNATURE-----"
    )


def x509_text(r: random.Random) -> str:
    mod = ":".join(s(r, HEX, 2) for _ in range(45))
    mod_lines = "\n                    ".join(mod[i : i + 45] for i in range(0, len(mod), 45))
    return (
        f"Certificate:\n    Data:\n        Serial Number:\n            {':'.join(s(r, HEX, 2) for _ in range(16))}\n"
        "        Subject Public Key Info:\n            Public Key Algorithm: rsaEncryption\n"
        f"                Public-Key: (2048 bit)\n                Modulus:\n                    00:{mod_lines}\n"
        f"            X509v3 Subject Key Identifier:\n                {':'.join(s(r, UHEX, 2) for _ in range(20))}"
    )


def sourcemap(r: random.Random) -> str:
    segs = []
    for _ in range(r.randint(8, 20)):
        seg = "".join(f.vlq(r.randint(-40, 40)) for _ in range(r.choice([1, 4, 4, 5])))
        segs.append(seg)
    mappings = ";".join(",".join(segs[i : i + 4]) for i in range(0, len(segs), 4))
    return pick(
        r,
        f'{{"version":3,"file":"index.js","sources":["../src/index.ts"],"names":["sync","retry"],"mappings":"{mappings}"}}',
        f'Sentry: could not resolve source map for app.min.js (mappings: "{mappings}")',
    )


# --- source code names and front-end class names ----------------------------------------------


def tailwind(r: random.Random) -> str:
    classes = [
        "flex",
        "items-center",
        "justify-between",
        "px-4",
        "py-2",
        "rounded-lg",
        "bg-slate-900/80",
        "text-sm",
        "md:grid-cols-3",
        "hover:bg-indigo-500",
        "dark:text-zinc-100",
        "ring-1",
        "ring-inset",
        "ring-gray-300",
        "focus-visible:outline-2",
        "w-[37rem]",
        "translate-x-1/2",
        "data-[state=open]:animate-in",
        "shadow-[0_0_0_1px_rgba(0,0,0,0.08)]",
        "grid-cols-[1fr_auto]",
    ]
    cls = " ".join(r.sample(classes, r.randint(6, 12)))
    return pick(
        r,
        f'Warning: Prop `className` did not match. Server: "{cls}" Client: "{cls} opacity-50"',
        f'<button class="{cls}">Sync now</button>',
    )


def css_in_js(r: random.Random) -> str:
    return pick(
        r,
        f'<div class="sc-{s(r, LOWER + UPPER, 6)} {s(r, LOWER + UPPER, 6)}"><span class="css-{s(r, LOWER + D, 7)}-Button">',
        f'Warning: Prop `className` did not match. Server: "sc-{s(r, LOWER + UPPER, 6)} {s(r, LOWER + UPPER, 6)}" Client: "sc-{s(r, LOWER + UPPER, 6)} {s(r, LOWER + UPPER, 6)}"',
        f".css-{s(r, LOWER + D, 7)}{{display:flex;}}.css-{s(r, LOWER + D, 6)}-MenuItem{{padding:4px;}}",
    )


def scoped_style_attrs(r: random.Random) -> str:
    return pick(
        r,
        f'<div data-v-{s(r, HEX, 8)} class="card"><p data-v-{s(r, HEX, 8)}>',
        f'<app-root _nghost-ng-c{r.randint(10**8, 4 * 10**9)} ng-version="18.2.8"><div _ngcontent-ng-c{r.randint(10**8, 4 * 10**9)}>',
        f"h1.svelte-{s(r, LOWER + D, 7)}{{color:red}} .card.svelte-{s(r, LOWER + D, 6)}{{margin:0}}",
    )


def phoenix_ids(r: random.Random) -> str:
    pid = "phx-F" + s(r, B64URL, 15)
    return pick(
        r,
        f"[error] GenServer #PID<0.{r.randint(100, 9999)}.0> terminating (LiveView {pid}): ** (KeyError) key :user not found",
        f'<div id="{pid}" data-phx-main data-phx-session="..." data-phx-static="...">',
        f'[debug] HANDLE EVENT "save" in {r.choice(APPS).title()}Web.PageLive (socket id {pid})',
    )


def jvm_descriptors(r: random.Random) -> str:
    types = [
        "Ljava/lang/String;",
        "I",
        "J",
        "Z",
        "[B",
        "Ljava/util/List;",
        "Ljava/util/Map;",
        "[Ljava/lang/Object;",
        "Lkotlin/coroutines/Continuation;",
    ]
    desc = "(" + "".join(r.sample(types, r.randint(1, 4))) + ")" + r.choice([*types, "V"])
    cls = f"com/{r.choice(APPS)}/{r.choice(WORDS)}/{r.choice(['SyncClient', 'Codec', 'Repo'])}"
    return pick(
        r,
        f"java.lang.NoSuchMethodError: '{cls}.send{desc}'",
        f"java.lang.VerifyError: Bad type on operand stack in method {cls}.run{desc} @{r.randint(1, 99)}: invokevirtual",
        f"  INVOKEVIRTUAL {cls}.encode {desc}",
    )


def swift_mangled(r: random.Random) -> str:
    mod = r.choice(["Fedlearn", "Sync", "main", "AppCore"])
    typ = r.choice(["ContentView", "SyncClient", "Store", "Embedder"])
    meth = r.choice(["body", "push", "load", "encode"])
    sym = f"$s{len(mod)}{mod}{len(typ)}{typ}{r.choice('CVO')}{len(meth)}{meth}yyF"
    return pick(
        r,
        f"Thread 0 Crashed:\n0   {mod}  0x0000000102{s(r, HEX, 6)} {sym} + {r.randint(12, 900)}",
        f'Undefined symbols for architecture arm64:\n  "{sym}", referenced from:',
    )


def ghc_symbols(r: random.Random) -> str:
    sym = r.choice(
        [
            "base_GHCziBase_zdfMonadIO_closure",
            "ghczmprim_GHCziTypes_ZC_con_info",
            "base_GHCziShow_zdwshowSignedInt_info",
            "textzm2zi1_DataziText_pack_closure",
            "containerszm0zi6zi7_DataziMapziInternal_insert_info",
        ]
    )
    return pick(
        r,
        f"/usr/bin/ld: dist-newstyle/build/x86_64-linux/ghc-9.6.6/{r.choice(APPS)}-0.{r.randint(1, 40)}/build/Main.o: undefined reference to `{sym}'",
        f"stg_ap_p_fast: {r.randint(1, 9)}: {sym} (heap check failed at 0x{s(r, HEX, 12)})",
    )


def serial_version_uid(r: random.Random) -> str:
    n = r.randint(-(2**63), 2**63 - 1)
    return pick(
        r,
        f"java.io.InvalidClassException: com.{r.choice(APPS)}.Event; local class incompatible: stream classdesc serialVersionUID = {n}, local class serialVersionUID = {r.randint(-(2**63), 2**63 - 1)}",
        f"    private static final long serialVersionUID = {n}L;",
    )


def rpm_nevra(r: random.Random) -> str:
    pkg = r.choice(["podman", "containers-common", "golang-github-acme-sync", "qdrant"])
    ver = f"{pkg}-{r.randint(0, 5)}.{r.randint(0, 12)}.{r.randint(0, 9)}-0.{r.randint(1, 9)}.{2024 + r.randint(0, 2)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}git{s(r, HEX, 7)}.{r.choice(['el9', 'fc41', 'el10'])}.{r.choice(['x86_64', 'aarch64', 'noarch'])}"
    return pick(
        r,
        f"Error: Transaction test error:\n  file /usr/bin/{pkg} from install of {ver} conflicts with file from package {pkg}-1.0-1.el9.x86_64",
        f"Problem: package {ver} requires libc.so.6(GLIBC_2.38)(64bit), but none of the providers can be installed",
    )


# --- science, maps and numbers ----------------------------------------------------------------


def fasta_dna(r: random.Random) -> str:
    seq = s(r, "ACGT", r.randint(80, 180))
    return pick(
        r,
        f">seq{r.randint(1, 999)} sample={r.choice(WORDS)}\n"
        + "\n".join(seq[i : i + 60] for i in range(0, len(seq), 60)),
        f"ValueError: invalid character 'N' at position {r.randint(1, 80)} in read {seq}N{s(r, 'ACGT', 20)}",
    )


def fasta_protein(r: random.Random) -> str:
    seq = "M" + s(r, "ACDEFGHIKLMNPQRSTVWY", r.randint(60, 160))
    return pick(
        r,
        f">sp|P{s(r, D, 5)}|{s(r, UPPER, 4)}_HUMAN Uncharacterized protein\n"
        + "\n".join(seq[i : i + 60] for i in range(0, len(seq), 60)),
        f"esm: sequence too long for model ({len(seq)} > 1022): {seq}",
    )


def chess_fen(r: random.Random) -> str:
    rows = []
    for _ in range(8):
        row, empty = "", 0
        for _ in range(8):
            if r.random() < 0.3:
                if empty:
                    row += str(empty)
                    empty = 0
                row += r.choice("pnbrqPNBRQ")
            else:
                empty += 1
        rows.append(row + (str(empty) if empty else ""))
    fen = f"{'/'.join(rows)} {r.choice('wb')} {r.choice(['KQkq', 'Kq', '-', 'kq'])} - {r.randint(0, 40)} {r.randint(1, 80)}"
    return pick(
        r,
        f"ValueError: illegal move e2e4 in {fen}",
        f"stockfish: position fen {fen}\ninfo depth 18 score cp {r.randint(-300, 300)} pv e2e4",
    )


def chem_ids(r: random.Random) -> str:
    smiles = r.choice(
        [
            "CC(=O)OC1=CC=CC=C1C(=O)O",
            "CN1C=NC2=C1C(=O)N(C(=O)N2C)C",
            "CC(C)CC1=CC=C(C=C1)C(C)C(=O)O",
            "C1=CC=C(C=C1)C=O",
            "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O",
        ]
    )
    key = f"{s(r, UPPER, 14)}-{s(r, UPPER, 8)}SA-N"
    return pick(
        r,
        f"rdkit: [10:{r.randint(10, 59)}:{r.randint(10, 59)}] SMILES Parse Error: unclosed ring for input: '{smiles}1' (row {r.randint(2, 9999)})",
        f"pubchem lookup: InChIKey={key} not found (smiles {smiles})",
        f"InChI=1S/C{r.randint(2, 20)}H{r.randint(2, 30)}O{r.randint(1, 5)}/c1-{r.randint(2, 9)}(11)13-{r.randint(2, 9)}/h2-5H,1H3,(H,12,13) -> {key}",
    )


def geohash_kind(r: random.Random) -> str:
    gh = f.geohash(r.uniform(-60, 70), r.uniform(-180, 180), r.randint(7, 12))
    return pick(
        r,
        f'{{"geohash": "{gh}", "precision": {len(gh)}, "count": {r.randint(1, 900)}}}',
        f"es: geohash_grid bucket {gh} exceeds max buckets",
        f'redis> GEOHASH fleet vehicle:{r.randint(1, 999)}\n1) "{gh}"',
    )


def plus_codes(r: random.Random) -> str:
    code = f.plus_code(r.uniform(-60, 70), r.uniform(-180, 180))
    return pick(
        r,
        f"maps: could not resolve plus code {code}",
        f'{{"plus_code": {{"global_code": "{code}", "compound_code": "{code[4:]} Zurich, Switzerland"}}}}',
    )


def mgrs(r: random.Random) -> str:
    grid = f"{r.randint(1, 60)}{r.choice('CDEFGHJKLMNPQRSTUVWX')}{r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}{r.choice('ABCDEFGHJKLMNPQRSTUV')}"
    east, north = s(r, D, 5), s(r, D, 5)
    return pick(
        r,
        f"MGRS {grid} {east} {north} out of area of operations",
        f"geo: parsed grid ref {grid}{east}{north} (precision 1 m)",
    )


def what3words(r: random.Random) -> str:
    words = [
        "index",
        "home",
        "raft",
        "filled",
        "count",
        "soap",
        "lamp",
        "orbit",
        "crisp",
        "melt",
        "tulip",
        "gravel",
    ]
    w = ".".join(r.sample(words, 3))
    return pick(
        r,
        f"delivery note: drop at ///{w} (side gate)",
        f'{{"words": "{w}", "nearestPlace": "Lyon"}}',
    )


def bio_accessions(r: random.Random) -> str:
    return pick(
        r,
        f"KeyError: transcript NM_{s(r, D, 6)}.{r.randint(1, 9)} not in annotation (gene ENSG{s(r, D, 11)})",
        f"uniprot: fetched P{s(r, D, 5)}, Q{s(r, UPPER + D, 5)}; pdb {r.randint(1, 9)}{s(r, UPPER + D, 3)}; variant rs{r.randint(10**5, 10**9)}",
        f"fasterq-dump: SRR{s(r, D, 8)} -> assembly GCF_{s(r, D, 9)}.{r.randint(1, 40)}",
    )


def tai64n(r: random.Random) -> str:
    def stamp() -> str:
        secs = 2**62 + r.randint(1_733_000_000, 1_734_000_000) + 10
        return f"@{secs:016x}{r.randint(0, 999_999_999):08x}"

    return "\n".join(
        f"{stamp()} {m}"
        for m in r.sample(
            [
                "starting qdrant",
                "sync: fetch done",
                "fatal: unable to access remote",
                "restarting in 5s",
                "down 0 seconds",
            ],
            3,
        )
    )


def odd_timestamps(r: random.Random) -> str:
    return pick(
        r,
        f"LastWriteTime (FILETIME) = {r.randint(133_780_000_000_000_000, 133_790_000_000_000_000)}, ticks = {r.randint(638_690_000_000_000_000, 638_700_000_000_000_000)}",
        f"excel: date cell B{r.randint(2, 999)} = {r.randint(45900, 46100)}.{s(r, D, 10)}; cocoa ts {r.randint(754_000_000, 756_000_000)}.{s(r, D, 6)}",
        f"timeout after PT{r.randint(1, 23)}H{r.randint(1, 59)}M{r.randint(1, 59)}.{s(r, D, 3)}S (week 2026-W{r.randint(10, 52)}-{r.randint(1, 7)}, JD 2461{s(r, D, 3)}.{s(r, D, 5)})",
    )


def security_ids(r: random.Random) -> str:
    lei_body = s(r, UPPER + D, 4) + "00" + s(r, UPPER + D, 12)
    lei = lei_body + f.mod97_check(lei_body)
    return pick(
        r,
        f"trade rejected: unknown instrument ISIN {f.isin(r, r.choice(['US', 'DE', 'GB', 'FR']))} (counterparty LEI {lei})",
        f'{{"isin": "{f.isin(r, "US")}", "figi": "BBG00{s(r, "BCDFGHJKLMNPQRSTVWXYZ" + D, 6)}{r.randint(0, 9)}", "lei": "{lei}"}}',
    )


def metar(r: random.Random) -> str:
    station = r.choice(["EDDF", "KJFK", "LFPG", "EGLL", "RJTT", "LSZH"])
    obs = f"METAR {station} 05{r.randint(0, 23):02d}{r.choice(['20', '50'])}Z {r.randint(0, 35)}0{r.randint(2, 30):02d}KT {r.choice(['9999', 'CAVOK', '4000 BR'])} {r.choice(['FEW030', 'SCT025 BKN040', 'OVC008'])} {r.randint(0, 20):02d}/{r.randint(0, 9):02d} Q{r.randint(990, 1035)} NOSIG"
    return pick(
        r,
        f"metar parse error: {obs}=",
        f"{obs}\nTAF {station} 05{r.randint(10, 23)}00Z 0512/0618 24012KT 9999 SCT030 BECMG 0518/0520 BKN015",
    )


def isrc_codes(r: random.Random) -> str:
    code = f"{r.choice(['US', 'GB', 'DE', 'FR'])}{s(r, UPPER + D, 3)}{r.randint(0, 99):02d}{s(r, D, 5)}"
    return pick(
        r,
        f"royalty import: duplicate ISRC {code} on lines {r.randint(2, 99)} and {r.randint(100, 999)}",
        f'{{"isrc": "{code}", "iswc": "T-{s(r, D, 3)}.{s(r, D, 3)}.{s(r, D, 3)}-{r.randint(0, 9)}", "duration_ms": {r.randint(90000, 400000)}}}',
    )


def math_constants(r: random.Random) -> str:
    pi = "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899"
    e = "2.71828182845904523536028747135266249775724709369995957496696762772407663035354759"
    return pick(
        r,
        f"AssertionError: {pi[: r.randint(20, 80)]} != {pi[: r.randint(20, 80)]}1 (mpmath dps={r.randint(20, 80)})",
        f"float.hex(x) = {float(r.uniform(-1e6, 1e6)).hex()}; expected {float(r.uniform(-1e6, 1e6)).hex()}",
        f"Decimal('{e[: r.randint(20, 80)]}') rounded to {r.randint(10, 40)} places",
        f"struct.unpack('<d', bytes.fromhex('{r.randbytes(8).hex()}')) -> {r.uniform(-1, 1)!r}",
    )


def blurhash(r: random.Random) -> str:
    value = f.B83[r.randint(0, 80)] + r.choice(f.B83) + s(r, f.B83, 4) + s(r, f.B83, 22)
    return pick(
        r,
        f'{{"url": "https://cdn.example.org/p/{r.randint(1000, 99999)}.jpg", "blurhash": "{value}", "width": 1200}}',
        f"ValueError: blurhash length mismatch: {value!r}",
    )


def pdf_internals(r: random.Random) -> str:
    fonts = "\n".join(
        f"{s(r, UPPER, 6)}+{r.choice(['Helvetica', 'DejaVuSans', 'Inter-Bold', 'NotoSerif'])}  CID TrueType  Identity-H  yes yes yes  {r.randint(5, 90)}  0"
        for _ in range(3)
    )
    return pick(
        r,
        "name                      type         encoding    emb sub uni object ID\n" + fonts,
        f"pypdf: Xref table not zero-indexed. trailer << /Size {r.randint(20, 900)} /ID [<{s(r, HEX, 32)}><{s(r, HEX, 32)}>] >>",
    )


# --- databases, caches and AI tooling ---------------------------------------------------------


def postgres_wal(r: random.Random) -> str:
    tl, hi, lo = r.randint(1, 9), r.randint(0, 255), r.randint(0, 255)
    seg = f"{tl:08X}{hi:08X}{lo:08X}"
    return pick(
        r,
        f'LOG:  restored log file "{seg}" from archive\nFATAL:  requested WAL segment {seg} has already been removed',
        f"LOG:  redo starts at {hi:X}/{r.randint(0, 2**32):X}; checkpoint lsn {hi:X}/{r.randint(0, 2**32):X}",
        f"pg_stat_statements: queryid {r.randint(-(2**63), 2**63 - 1)} calls={r.randint(1, 10**6)} mean_exec_time={r.uniform(0, 900):.3f}",
    )


def mysql_gtid(r: random.Random) -> str:
    gtid = f"{uid(r).upper()}:1-{r.randint(100, 10**7)}"
    return pick(
        r,
        f"ERROR 1236 (HY000): Got fatal error from source when reading data from binary log: 'Cannot replicate because the source purged required binary logs.' Executed_Gtid_Set: {gtid}",
        f"SET @@GLOBAL.GTID_PURGED='{gtid},{uid(r)}:1-{r.randint(5, 999)}';",
    )


def mongo_resume_token(r: random.Random) -> str:
    token = (
        "82"
        + s(r, UHEX, 8)
        + "000000"
        + s(r, UHEX, 2)
        + "2B022C0100296E5A1004"
        + s(r, UHEX, 32)
        + "46645F696400"
        + s(r, UHEX, 24)
        + "0004"
    )
    return pick(
        r,
        f'MongoServerError: Executor error during getMore :: caused by :: cannot resume stream; the resume token was not found. {{_data: "{token}"}}',
        f'change stream resumeAfter={{"_data": "{token}"}} (collection events)',
    )


def redis_cluster_ids(r: random.Random) -> str:
    rows = "\n".join(
        f"{s(r, HEX, 40)} redis-{i}.redis.{r.choice(WORDS)}.svc:6379@16379 {'master' if i < 3 else 'slave ' + s(r, HEX, 40)} - 0 {r.randint(1733000000000, 1734000000000)} {i + 1} connected"
        for i in range(3)
    )
    return pick(
        r,
        "CLUSTER NODES:\n" + rows,
        f"[ERR] Node redis-1.redis:6379 is not empty. Either the node already knows other nodes (check with CLUSTER NODES) or contains some key in database 0. (node id {s(r, HEX, 40)})",
    )


def llama_loader(r: random.Random) -> str:
    return (
        f"llama_model_loader: loaded meta data with {r.randint(20, 40)} key-value pairs and {r.randint(200, 400)} tensors from /models/{r.choice(['Llama-3.2-3B-Instruct-Q4_K_M', 'qwen2.5-7b-instruct-q5_k_m'])}.gguf\n"
        f'llama_model_loader: - kv  {r.randint(10, 20)}: tokenizer.ggml.merges arr[str,280147] = ["Ġ Ġ", "Ġ ĠĠĠ", "ĠĠ ĠĠ", "i n", "Ġ t", ...]\n'
        f"llama_model_loader: - kv  {r.randint(21, 30)}: tokenizer.ggml.pre str = {r.choice(['llama-bpe', 'qwen2'])}\n"
        f"llm_load_print_meta: model size = {r.randint(1, 9)}.{r.randint(10, 99)} GiB ({r.randint(4, 6)}.{r.randint(10, 99)} BPW)"
    )


def tokenizer_dump(r: random.Random) -> str:
    ids = ", ".join(str(r.randint(0, 128255)) for _ in range(r.randint(12, 30)))
    toks = ", ".join(
        repr(t)
        for t in r.sample(
            [
                "Ġthe",
                "Ġquick",
                "âĢĻ",
                "Ġfed",
                "learn",
                "ĊĊ",
                "Ġsync",
                "_ing",
                "ĠQ",
                "drant",
                'Ġ{"',
                "ĉ",
            ],
            6,
        )
    )
    return pick(
        r,
        f"input_ids: tensor([[128000, {ids}]])\nattention_mask: tensor([[{', '.join('1' * 12)}]])",
        f"tokens: [{toks}]",
        f"ValueError: token ids [{ids}] exceed vocab size 32000",
    )


def torchinductor_paths(r: random.Random) -> str:
    code = "c" + s(r, f.B32_LOWER, 51)
    return pick(
        r,
        f"torch._inductor.exc.CppCompileError: C++ compile error\n  /tmp/torchinductor_root/{code[1:3]}/{code}.cpp:{r.randint(10, 900)}: error: expected ';'",
        f'File "/tmp/torchinductor_{r.choice(["root", "svc"])}/{code[1:3]}/{code}.py", line {r.randint(10, 900)}, in call\n    buf0 = empty_strided_cuda((8, 4096), (4096, 1), torch.float16)',
    )


# --- operating systems ------------------------------------------------------------------------


def codesign(r: random.Random) -> str:
    team = s(r, UPPER + D, 10)
    app = r.choice(APPS).title()
    return pick(
        r,
        f"Executable=/Applications/{app}.app/Contents/MacOS/{app}\nIdentifier=com.{app.lower()}.desktop\nCodeDirectory v=20500 size={r.randint(1000, 90000)} flags=0x10000(runtime) hashes={r.randint(10, 900)}+7 location=embedded\nTeamIdentifier={team}\nCDHash={s(r, HEX, 40)}",
        f"{app}.app: rejected\nsource=Unnotarized Developer ID\norigin=Developer ID Application: {app} Inc. ({team})",
    )


def apple_crash(r: random.Random) -> str:
    base = r.randint(0x100000000, 0x1FFFFFFFF) & ~0x3FFF  # images load page-aligned
    return (
        f"Incident Identifier: {uid(r).upper()}\nException Type:  EXC_BAD_ACCESS (SIGSEGV)\nBinary Images:\n"
        f"       0x{base:x} -        0x{base + 0x2FFFF:x} {r.choice(APPS)} arm64  <{s(r, HEX, 32)}> /Applications/X.app/Contents/MacOS/X\n"
        f"       0x{base + 0x900000:x} -        0x{base + 0x9AFFFF:x} dyld arm64e  <{s(r, HEX, 32)}> /usr/lib/dyld"
    )


def android_fingerprint(r: random.Random) -> str:
    dev = r.choice(["oriole", "panther", "husky", "a54x", "tokay"])
    fp = f"google/{dev}/{dev}:{r.randint(12, 15)}/{s(r, UPPER, 2)}{r.randint(1, 4)}A.{r.randint(230000, 241231)}.{r.randint(1, 20):03d}/{r.randint(10**7, 10**8)}:user/release-keys"
    return pick(
        r,
        f"Build fingerprint: '{fp}'\nRevision: 'MP1.0'\nABI: 'arm64'\nsignal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x0",
        f"play integrity: device verdict MEETS_BASIC_INTEGRITY only (ro.build.fingerprint={fp})",
    )


def macos_var_folders(r: random.Random) -> str:
    path = f"/var/folders/{s(r, LOWER + D, 2)}/{s(r, LOWER + D + '_', 26)}0000gn/T/"
    return pick(
        r,
        f"PermissionError: [Errno 13] Permission denied: '{path}tmp{s(r, LOWER + D + '_', 8)}/model.safetensors'",
        f"clang: error: unable to execute command: {path}cc-{s(r, B62, 6)}.o: No space left on device",
    )


def mktemp_names(r: random.Random) -> str:
    return pick(
        r,
        f"rm: cannot remove '/tmp/tmp.{s(r, B62, 10)}': Directory not empty",
        f"FileNotFoundError: [Errno 2] No such file or directory: '/tmp/tmp{s(r, LOWER + D + '_', 8)}/export.jsonl'",
        f'nginx: [emerg] open() "/tmp/systemd-private-{s(r, HEX, 32)}-nginx.service-{s(r, B62, 6)}/tmp/nginx.pid" failed (13: Permission denied)',
    )


def punycode(r: random.Random) -> str:
    words = [
        "münchen",
        "zürich",
        "bücher",
        "köln",
        "español",
        "ελλάδα",
        "東京",
        "москва",
        "straße-café",
        "bärlauch",
    ]
    host = ".".join(
        "xn--" + w.encode("punycode").decode() for w in r.sample(words, r.randint(1, 2))
    ) + r.choice([".de", ".example", ".org"])
    return pick(
        r,
        f"requests.exceptions.ConnectionError: HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded",
        f"ssl.SSLCertVerificationError: hostname '{host}' doesn't match '*.{r.choice(APPS)}.example'",
    )


def lightning_invoice(r: random.Random) -> str:
    inv = f.bech32(
        f"lnbc{r.randint(1, 999)}{r.choice('munp')}", f.to5(r.randbytes(r.randint(150, 220)))
    )
    return pick(
        r,
        f"lnd: payment failed: invoice expired ({inv})",
        f'{{"payment_request": "{inv}", "status": "UNPAID", "amount_sat": {r.randint(1, 10**6)}}}',
    )


def chain_addresses(r: random.Random) -> str:
    cosmos = f.bech32(r.choice(["cosmos", "osmo", "celestia"]), f.to5(r.randbytes(20)))
    ada = f.bech32("addr", f.to5(b"\x01" + r.randbytes(56)))
    tron = f.base58check(b"\x41", r.randbytes(20))
    doge = f.base58check(b"\x1e", r.randbytes(20))
    ltc = f.bech32("ltc", [0, *f.to5(r.randbytes(20))])
    return pick(
        r,
        f"bridge: deposit address {cosmos} not whitelisted",
        f"wallet sync: utxo lookup for {ada} timed out",
        f"TRC20 transfer to {tron} failed: BANDWITH_ERROR",
        f"payout queue: {doge} (DOGE) and {ltc} (LTC) pending",
    )


def sops_values(r: random.Random) -> str:
    enc = f"ENC[AES256_GCM,data:{f.b64(r.randbytes(r.randint(8, 40)))},iv:{f.b64(r.randbytes(32))},tag:{f.b64(r.randbytes(16))},type:str]"
    return pick(
        r,
        f"Failed to get the data key required to decrypt the SOPS file.\nGroup 0: FAILED\n  value: {enc}",
        f'database:\n    password: {enc}\nsops:\n    lastmodified: "2026-12-05T10:00:00Z"\n    mac: ENC[AES256_GCM,data:{f.b64(r.randbytes(32))},iv:{f.b64(r.randbytes(32))},tag:{f.b64(r.randbytes(16))},type:str]',
    )


def publishable_keys(r: random.Random) -> str:
    pk = f"pk_{r.choice(['live', 'test'])}_{s(r, B62, 99)}"
    mapbox = (
        "pk."
        + f.b64url(
            json.dumps(
                {"u": r.choice(APPS), "a": s(r, LOWER + D, 25)}, separators=(",", ":")
            ).encode()
        )
        + "."
        + s(r, B64URL, 22)
    )
    return pick(
        r,
        f"<script>const stripe = Stripe('{pk}');</script>",
        f"IntegrationError: Invalid value for Stripe(): apiKey should be a string (publishable key {pk})",
        f"mapboxgl.accessToken = '{mapbox}'; // public token, url-restricted",
    )


def ja4(r: random.Random) -> str:
    j = f"{r.choice('tq')}13d{r.randint(10, 20)}{r.randint(10, 20)}{r.choice(['h2', 'h1', '00'])}_{s(r, HEX, 12)}_{s(r, HEX, 12)}"
    return pick(
        r,
        f'{{"ja4": "{j}", "ja4s": "t130200_1301_{s(r, HEX, 12)}", "action": "block", "rule": "bot-{r.randint(1, 99)}"}}',
        f"waf: blocked request with JA4 fingerprint {j} (known scraper)",
    )


KINDS: dict[str, Callable[[random.Random], str]] = {
    "ksuid": ksuid,
    "firebase-push-id": firebase_push_id,
    "typeid": typeid,
    "cuid": cuid,
    "twilio-resource-sids": twilio_sids,
    "lambda-log-stream": lambda_log_stream,
    "vercel-request-id": edge_request_ids,
    "datadog-log-injection": datadog_injection,
    "gerrit-change-id": gerrit_change_id,
    "k8s-event-csr-names": k8s_event_csr,
    "grafana-uids": grafana_uids,
    "vault-lease-ids": vault_lease_ids,
    "oauth-client-ids": oauth_client_ids,
    "nix-narinfo": narinfo,
    "magnet-infohash": magnet_links,
    "bazel-buck-digests": bazel_buck_digests,
    "b3sum-xxhsum": b3sum_xxhsum,
    "wheel-record": wheel_record,
    "jar-manifest-digest": jar_manifest,
    "cargo-target-hashes": cargo_target_paths,
    "http-content-digest": content_digest,
    "websocket-handshake": websocket_handshake,
    "tuf-metadata": tuf_metadata,
    "workbox-precache": workbox_precache,
    "ollama-pull": ollama_pull,
    "pubsub-push-base64-json": pubsub_push,
    "png-base64-field": png_base64_field,
    "grpc-status-details-bin": grpc_status_details,
    "webauthn-ids": webauthn,
    "dkim-public-key": dkim_txt,
    "dnssec-records": dnssec_records,
    "tlsa-records": tlsa_records,
    "pgp-signature-block": pgp_signature,
    "openssl-x509-text": x509_text,
    "sourcemap-mappings": sourcemap,
    "tailwind-classes": tailwind,
    "css-in-js-classes": css_in_js,
    "scoped-style-attrs": scoped_style_attrs,
    "phoenix-liveview-ids": phoenix_ids,
    "jvm-descriptors": jvm_descriptors,
    "swift-mangled": swift_mangled,
    "ghc-z-encoded": ghc_symbols,
    "serial-version-uid": serial_version_uid,
    "rpm-snapshot-nevra": rpm_nevra,
    "fasta-dna": fasta_dna,
    "fasta-protein": fasta_protein,
    "chess-fen": chess_fen,
    "smiles-inchikey": chem_ids,
    "geohash": geohash_kind,
    "plus-code": plus_codes,
    "mgrs": mgrs,
    "what3words": what3words,
    "bio-accessions": bio_accessions,
    "tai64n": tai64n,
    "odd-timestamps": odd_timestamps,
    "isin-lei-figi": security_ids,
    "metar-taf": metar,
    "isrc-iswc": isrc_codes,
    "math-constants": math_constants,
    "blurhash": blurhash,
    "pdf-internals": pdf_internals,
    "postgres-wal-lsn": postgres_wal,
    "mysql-gtid": mysql_gtid,
    "mongo-resume-token": mongo_resume_token,
    "redis-cluster-node-ids": redis_cluster_ids,
    "llama-cpp-loader": llama_loader,
    "tokenizer-dump": tokenizer_dump,
    "torchinductor-paths": torchinductor_paths,
    "macos-codesign": codesign,
    "apple-crash-images": apple_crash,
    "android-build-fingerprint": android_fingerprint,
    "macos-var-folders": macos_var_folders,
    "mktemp-names": mktemp_names,
    "punycode-hosts": punycode,
    "lightning-invoice": lightning_invoice,
    "chain-addresses": chain_addresses,
    "sops-encrypted-values": sops_values,
    "publishable-keys": publishable_keys,
    "ja4-fingerprints": ja4,
}
# Kinds whose benign label is debatable (README.md says why); reported apart as well as in the total.
DEBATABLE = ("sops-encrypted-values", "publishable-keys")
