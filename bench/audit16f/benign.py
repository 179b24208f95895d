"""Benign risky-looking strings of the sixth held-out corpus: kinds no earlier benign set holds.

What a coordinator's telemetry holds that looks random, numeric or key-like but is no secret and
no personal data: tracing headers of other vendors (X-Ray, Cloud Trace, tracestate, Fastly, Azure
request ids), crash output (Java thread dumps, kernel call traces, ELF build ids, Windows Error
Reporting), build output (Actions cache keys, docker pull progress, Vite asset hashes, Next.js
build ids), public values that are long and random by design (JWKS public keys, ACME http-01
challenge tokens, PEM certificates, webhook delivery signatures, Stripe card objects without the
number, masked PANs, BIC codes), identifiers of AI/ML tooling (Anthropic/OpenAI object ids,
vLLM request ids, MLflow/W&B/Ray run ids, NCCL logs), long numbers that are not phone or card
numbers (Discord/Twitter snowflakes, Telegram chat ids, parcel tracking numbers, EAN/GTIN
barcodes, epoch timestamps in ms/µs/ns), hex dumps, job-queue ids, Elasticsearch/Firestore
document ids, YouTube/Spotify ids, Sigstore Rekor entries and SBOM ids. No e-mail address, IP
address or SSH key (redacted on purpose as personal data).
"""

from __future__ import annotations

import base64
import random
import string
import uuid
from collections.abc import Callable

B62 = string.ascii_letters + string.digits
B64URL = B62 + "-_"
HEX = "0123456789abcdef"
D = string.digits
WORDS = ["api", "web", "worker", "billing", "search", "ingest", "auth", "gateway", "cron", "media"]


def s(r: random.Random, alphabet: str, n: int) -> str:
    """n characters of alphabet."""
    return "".join(r.choice(alphabet) for _ in range(n))


def uid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def trace_headers(r: random.Random) -> str:
    return (
        f"X-Amzn-Trace-Id: Root=1-{s(r, HEX, 8)}-{s(r, HEX, 24)};Parent={s(r, HEX, 16)};Sampled=1\n"
        f"X-Cloud-Trace-Context: {s(r, HEX, 32)}/{r.randint(10**15, 10**19)};o=1\n"
        f"tracestate: rojo={s(r, HEX, 16)},congo={s(r, B62, 11)}"
    )


def java_thread_dump(r: random.Random) -> str:
    return (
        f'"pool-{r.randint(1, 9)}-thread-{r.randint(1, 40)}" #{r.randint(20, 90)} prio=5 os_prio=0 cpu={r.randint(1, 999)}.{r.randint(10, 99)}ms '
        f"elapsed={r.randint(1, 9999)}.{r.randint(10, 99)}s tid=0x00007f{s(r, HEX, 10)} nid=0x{s(r, HEX, 4)} waiting on condition  [0x00007f{s(r, HEX, 6)}000]\n"
        "   java.lang.Thread.State: WAITING (parking)\n"
        f"\t- parking to wait for  <0x00000007{s(r, HEX, 8)}> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)"
    )


def dmesg_trace(r: random.Random) -> str:
    return (
        f"[{r.randint(1000, 99999)}.{r.randint(100000, 999999)}] RIP: 0010:__schedule+0x{s(r, HEX, 3)}/0x{s(r, HEX, 3)}\n"
        f"[{r.randint(1000, 99999)}.{r.randint(100000, 999999)}] Code: {' '.join(s(r, HEX, 2) for _ in range(16))}\n"
        f"[{r.randint(1000, 99999)}.{r.randint(100000, 999999)}] RSP: 0018:ffffb{s(r, HEX, 11)} EFLAGS: 00000246"
    )


def elf_build_id(r: random.Random) -> str:
    w = r.choice(WORDS)
    return f"/usr/local/bin/{w}: ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, BuildID[sha1]={s(r, HEX, 40)}, for GNU/Linux 3.2.0, stripped"


def windows_wer(r: random.Random) -> str:
    return (
        f"Faulting application name: {r.choice(WORDS)}.exe, version: 2.{r.randint(0, 9)}.{r.randint(0, 99)}.0, time stamp: 0x{s(r, HEX, 8)}\n"
        f"Exception code: 0xc0000005\nFault offset: 0x00000000000{s(r, HEX, 5)}\nFaulting process id: 0x{s(r, HEX, 4)}\n"
        f"Report Id: {uid(r)}"
    )


def actions_cache_key(r: random.Random) -> str:
    key = f"{r.choice(['node-cache', 'pip', 'cargo-registry', 'gradle'])}-Linux-x64-{s(r, HEX, 64)}"
    return f"Cache restored successfully\nCache restored from key: {key}\nPost job cleanup.\nCache hit occurred on the primary key {key}, not saving cache."


def docker_pull(r: random.Random) -> str:
    layers = [s(r, HEX, 12) for _ in range(3)]
    return (
        "\n".join(f"{layer}: Pull complete" for layer in layers)
        + f"\nDigest: sha256:{s(r, HEX, 64)}\nStatus: Downloaded newer image for ghcr.io/acme/{r.choice(WORDS)}:1.{r.randint(0, 60)}.0"
    )


def vite_assets(r: random.Random) -> str:
    return (
        "vite v5.4.11 building for production...\n"
        f"dist/assets/index-{s(r, B64URL, 8)}.css   {r.randint(10, 90)}.{r.randint(10, 99)} kB │ gzip: {r.randint(2, 9)}.{r.randint(10, 99)} kB\n"
        f"dist/assets/index-{s(r, B64URL, 8)}.js   {r.randint(100, 900)}.{r.randint(10, 99)} kB │ gzip: {r.randint(30, 90)}.{r.randint(10, 99)} kB\n"
        f"dist/assets/vendor-{s(r, B64URL, 8)}.js  {r.randint(100, 900)}.{r.randint(10, 99)} kB"
    )


def nextjs_build_id(r: random.Random) -> str:
    return f'{{"buildId": "{s(r, B64URL, 21)}", "page": "/dashboard/[team]", "isFallback": false, "gssp": true}}'


def idempotency_key(r: random.Random) -> str:
    return f"POST /v1/payment_intents HTTP/1.1\nIdempotency-Key: {uid(r)}\nStripe-Version: 2024-06-20\nIdempotent-Replayed: true"


def github_webhook(r: random.Random) -> str:
    return (
        f"X-GitHub-Delivery: {uid(r)}\nX-GitHub-Event: push\nX-GitHub-Hook-ID: {r.randint(10**8, 10**9)}\n"
        f"X-Hub-Signature-256: sha256={s(r, HEX, 64)}\n"
        f"X-GitHub-Request-Id: {s(r, HEX.upper(), 4)}:{s(r, HEX.upper(), 5)}:{s(r, HEX.upper(), 7)}:{s(r, HEX.upper(), 7)}:{s(r, HEX.upper(), 8)}"
    )


def jwks_public(r: random.Random) -> str:
    n = base64.urlsafe_b64encode(r.randbytes(256)).decode().rstrip("=")
    return f'{{"keys": [{{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "{s(r, HEX, 40)}", "n": "{n}", "e": "AQAB"}}]}}'


def snowflakes(r: random.Random) -> str:
    return f"discord: message {r.randint(10**18, 2 * 10**18)} in channel {r.randint(10**18, 2 * 10**18)} (guild {r.randint(10**17, 10**18)}) deleted by automod"


def tracking_numbers(r: random.Random) -> str:
    return f"shipment {r.randint(10**5, 10**6)} label created: UPS 1Z{s(r, string.ascii_uppercase + D, 6)}{s(r, D, 10)}, FedEx {s(r, D, 12)}, USPS 9400{s(r, D, 18)}"


def ean_codes(r: random.Random) -> str:
    def ean13() -> str:
        body = "40" + s(r, D, 10)
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        return body + str((10 - total % 10) % 10)

    return f"inventory sync: sku=ACME-{r.randint(1000, 9999)} gtin={ean13()} ean={ean13()} qty={r.randint(0, 500)}"


def epoch_times(r: random.Random) -> str:
    ms = r.randint(1733000000000, 1734000000000)
    return f"event_time_ms={ms} ingest_time_us={ms * 1000 + r.randint(0, 999)} span_start_ns={ms * 1000000 + r.randint(0, 999999)}"


def xxd_dump(r: random.Random) -> str:
    lines = []
    for i in range(3):
        data = r.randbytes(16)
        hexpart = " ".join(data[j : j + 2].hex() for j in range(0, 16, 2))
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in data)
        lines.append(f"{i * 16:08x}: {hexpart}  {text}")
    return "\n".join(lines)


def pem_certificate(r: random.Random) -> str:
    body = base64.b64encode(b"\x30\x82\x03" + r.randbytes(180)).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        "server certificate (public, from the TLS handshake):\n-----BEGIN CERTIFICATE-----\n"
        + "\n".join(lines)
        + "\n-----END CERTIFICATE-----"
    )


def acme_challenge(r: random.Random) -> str:
    token = s(r, B64URL, 43)
    return f"GET /.well-known/acme-challenge/{token} HTTP/1.1 200\nacme: authorization https://acme-v02.api.letsencrypt.org/acme/authz-v3/{r.randint(10**11, 10**12)} valid, challenge token {token}"


def telegram_chat(r: random.Random) -> str:
    return f"telegram: sendMessage to chat_id=-100{s(r, D, 10)} failed: Bad Request: message thread {r.randint(1, 9999)} not found"


def stripe_card_object(r: random.Random) -> str:
    return f'{{"object": "card", "brand": "visa", "country": "DE", "exp_month": {r.randint(1, 12)}, "exp_year": {r.randint(2027, 2032)}, "fingerprint": "{s(r, B62, 16)}", "funding": "credit", "last4": "{s(r, D, 4)}", "checks": {{"cvc_check": "pass"}}}}'


def masked_pan(r: random.Random) -> str:
    return f"payment {uid(r)[:8]} authorized: card **** **** **** {s(r, D, 4)} (bin 4{s(r, D, 5)}, masked 4{s(r, D, 5)}******{s(r, D, 4)})"


def bic_codes(r: random.Random) -> str:
    banks = [
        "DEUTDEFF",
        "COBADEFF",
        "BNPAFRPP",
        "INGBNL2A",
        "UBSWCHZH",
        "BARCGB22",
        "NWBKGB2L",
        "RABONL2U",
    ]
    return f"SEPA batch {r.randint(1000, 9999)}: creditor agent {r.choice(banks)}{r.choice(['', 'XXX', str(r.randint(100, 999))])}, debtor agent {r.choice(banks)}, end-to-end id E2E-{s(r, string.ascii_uppercase + D, 12)}"


def es_doc_ids(r: random.Random) -> str:
    return f'{{"_index": "logs-{r.choice(WORDS)}-2026.12.05", "_id": "{s(r, B64URL, 20)}", "_version": 1, "result": "created"}}\nfirestore: wrote projects/acme/databases/(default)/documents/users/{s(r, B62, 20)}'


def media_ids(r: random.Random) -> str:
    return f"playlist sync: youtube video {s(r, B64URL, 11)} (playlist PL{s(r, B64URL, 32)}) -> spotify:track:{s(r, B62, 22)}"


def llm_object_ids(r: random.Random) -> str:
    return (
        f'{{"id": "msg_01{s(r, B62, 22)}", "type": "message", "stop_reason": "tool_use", "content": [{{"type": "tool_use", "id": "toolu_01{s(r, B62, 22)}", "name": "search"}}]}}\n'
        f"request-id: req_011C{s(r, B62, 20)}\nopenai: chatcmpl-{s(r, B62, 29)} call_{s(r, B62, 24)} vllm: cmpl-{s(r, HEX, 32)}"
    )


def nccl_log(r: random.Random) -> str:
    return f"node-{r.randint(1, 8)}:{r.randint(100, 999)}:{r.randint(100, 999)} [0] NCCL INFO comm 0x{s(r, HEX, 12)} rank 0 nranks 2 cudaDev 0 nvmlDev 0 busId {r.randint(1, 9)}000 commId 0x{s(r, HEX, 16)} - Init COMPLETE"


def ml_run_ids(r: random.Random) -> str:
    return (
        f"mlflow: logged model to runs:/{s(r, HEX, 32)}/model (experiment {r.randint(1, 900)})\n"
        f"wandb: 🚀 View run at https://wandb.ai/acme/finetune/runs/{s(r, string.ascii_lowercase + D, 8)}\n"
        f"ray: Job 'raysubmit_{s(r, B62, 16)}' submitted successfully"
    )


def job_queue_ids(r: random.Random) -> str:
    return f"sidekiq: class=SyncWorker jid={s(r, HEX, 24)} elapsed=0.{r.randint(100, 999)} INFO: done\nrq: Job {uid(r)} completed; bullmq: job {r.randint(1, 99999)} in queue ingest:{s(r, B62, 8)} moved to completed"


def rekor_entry(r: random.Random) -> str:
    return f"tlog entry created with index: {r.randint(10**8, 10**9)}\nrekor: uuid {s(r, HEX, 80)}\nPushing signature to: ghcr.io/acme/{r.choice(WORDS)}:sha256-{s(r, HEX, 64)}.sig"


def request_id_headers(r: random.Random) -> str:
    return (
        f"X-Served-By: cache-fra-etou82{r.randint(10000, 99999)}-FRA\nX-Timer: S{r.randint(1733000000, 1734000000)}.{r.randint(100000, 999999)},VS0,VE{r.randint(1, 90)}\n"
        f"x-ms-request-id: {uid(r)}\nx-ms-correlation-request-id: {uid(r)}"
    )


def sbom_ids(r: random.Random) -> str:
    return f'{{"SPDXID": "SPDXRef-Package-npm-{r.choice(WORDS)}-{s(r, HEX, 16)}", "checksums": [{{"algorithm": "SHA256", "checksumValue": "{s(r, HEX, 64)}"}}], "externalRefs": [{{"referenceLocator": "pkg:npm/%40acme/{r.choice(WORDS)}@1.{r.randint(0, 9)}.0"}}]}}'


KINDS: dict[str, Callable[[random.Random], str]] = {
    "trace-headers": trace_headers,
    "java-thread-dump": java_thread_dump,
    "dmesg-call-trace": dmesg_trace,
    "elf-build-id": elf_build_id,
    "windows-wer": windows_wer,
    "actions-cache-key": actions_cache_key,
    "docker-pull-progress": docker_pull,
    "vite-asset-hashes": vite_assets,
    "nextjs-build-id": nextjs_build_id,
    "idempotency-key": idempotency_key,
    "github-webhook-headers": github_webhook,
    "jwks-public-key": jwks_public,
    "snowflake-ids": snowflakes,
    "parcel-tracking": tracking_numbers,
    "ean-gtin": ean_codes,
    "epoch-timestamps": epoch_times,
    "xxd-hexdump": xxd_dump,
    "pem-certificate": pem_certificate,
    "acme-challenge": acme_challenge,
    "telegram-chat-id": telegram_chat,
    "stripe-card-object": stripe_card_object,
    "masked-pan": masked_pan,
    "bic-codes": bic_codes,
    "es-firestore-doc-ids": es_doc_ids,
    "youtube-spotify-ids": media_ids,
    "llm-object-ids": llm_object_ids,
    "nccl-log": nccl_log,
    "ml-run-ids": ml_run_ids,
    "job-queue-ids": job_queue_ids,
    "sigstore-rekor": rekor_entry,
    "cdn-cloud-request-ids": request_id_headers,
    "sbom-ids": sbom_ids,
}
