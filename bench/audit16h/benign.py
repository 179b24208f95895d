"""Benign look-alikes of the eighth held-out corpus: what an AI/LLM stack's telemetry holds in the
same contexts as the secrets that looks random, names a secret or is encoded, and carries nothing
sensitive: OpenAI and Anthropic object and request ids, masked keys (``sk-proj-****abcd``),
placeholders and references (``${OPENAI_API_KEY}``, ``${input:token}``), messages naming a missing
variable, Ollama blob digests, Hugging Face snapshot revisions, GGUF loader lines, OTLP trace and
span ids, Sentry event ids and releases, response headers (request ids, ``cf-ray``, rate limits),
public JWKs and PEM public keys (P-256 points computed), Jupyter outputs with a PNG, vLLM and
Ollama launch lines without a key, connection strings without a password (integrated security,
config-provider references, SQLAlchemy's masked ``***``), object URLs without a signature,
cookie deletions and preference cookies, percent-encoded and HTML-escaped questions,
quoted-printable mail without a secret, container image digests, dataset revisions, token usage
counters, and MCP configs whose env holds only settings. No e-mail or IP address and no personal
number: the anonymizer redacts those on purpose.
"""

from __future__ import annotations

import base64
import json
import random
import string
import struct
import urllib.parse
import uuid
import zlib
from collections.abc import Callable

import keys

A = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
MODELS = [
    "qwen2.5:7b-instruct-q4_K_M",
    "llama3.1:8b",
    "mistral-nemo:12b",
    "gemma2:9b",
    "phi3.5:3.8b",
    "deepseek-r1:14b",
]
HF = [
    "Qwen/Qwen2.5-7B-Instruct",
    "meta-llama/Llama-3.1-8B-Instruct",
    "mistralai/Mistral-7B-Instruct-v0.3",
    "BAAI/bge-m3",
    "intfloat/e5-large-v2",
]


def s(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def k_openai_ids(rng: random.Random) -> str:
    body = {
        "id": f"chatcmpl-{s(rng, A, 29)}",
        "object": "chat.completion",
        "created": 1764929051,
        "model": "gpt-4o-mini-2024-07-18",
        "system_fingerprint": f"fp_{s(rng, HEX, 10)}",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "tool_calls": [
                        {
                            "id": f"call_{s(rng, A, 24)}",
                            "type": "function",
                            "function": {
                                "name": "search_docs",
                                "arguments": json.dumps(
                                    {
                                        "query": "reset qdrant collection",
                                        "top_k": rng.randrange(3, 9),
                                    }
                                ),
                            },
                        }
                    ],
                },
            }
        ],
    }
    return "tool dispatch timed out for " + json.dumps(body)


def k_anthropic_ids(rng: random.Random) -> str:
    return (
        f"anthropic.APIStatusError: 529 overloaded_error (request-id: req_011C{s(rng, A, 20)}); "
        f'last message msg_01{s(rng, A, 22)} had tool_use toolu_01{s(rng, A, 22)} with input {{"path": "docs/setup.md"}}'
    )


def k_masked(rng: random.Random) -> str:
    tail = s(rng, A, 4)
    shape = rng.choice(
        [
            f"sk-proj-{'*' * rng.randrange(20, 60)}{tail}",
            f"sk-...{tail}",
            f"gsk_{'*' * 24}{tail}",
            f"hf_****{tail}",
            f"pplx-...{tail}",
            f"sk-ant-api03-...{tail}",
        ]
    )
    return f"Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: {shape}. You can find your API key in your dashboard.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}}}"


def k_placeholders(rng: random.Random) -> str:
    ph = rng.choice(
        [
            "YOUR_API_KEY",
            "<your-openai-key>",
            "${OPENAI_API_KEY}",
            "sk-xxxxxxxxxxxxxxxxxxxxxxxx",
            "{{ secrets.GROQ_API_KEY }}",
            "$(cat /run/secrets/llm_key)",
            "REPLACE_ME",
            "<paste token here>",
            "os.environ['TAVILY_API_KEY']",
        ]
    )
    env = rng.choice(
        ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GROQ_API_KEY", "TAVILY_API_KEY", "HF_TOKEN"]
    )
    return f"assistant: Set `{env}` before starting the server, for example:\n\n```bash\nexport {env}={ph}\n```\n\nThen run `docker compose up -d` again."


def k_missing_env(rng: random.Random) -> str:
    env = rng.choice(
        [
            "OPENAI_API_KEY",
            "LANGSMITH_API_KEY",
            "PINECONE_API_KEY",
            "QDRANT__SERVICE__API_KEY",
            "LITELLM_MASTER_KEY",
            "WEBUI_SECRET_KEY",
        ]
    )
    return rng.choice(
        [
            f"pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\n{env.lower()}\n  Field required [type=missing, input_value={{}}, input_type=dict]",
            f"openai.OpenAIError: The api_key client option must be set either by passing api_key to the client or by setting the {env} environment variable",
            f"WARNING: {env} is not set; requests to the embedding server will be unauthenticated (attempt {rng.randrange(1, 6)})",
        ]
    )


def k_ollama_digest(rng: random.Random) -> str:
    d = s(rng, HEX, 64)
    m = rng.choice(MODELS)
    return (
        f"pulling manifest\npulling {d[:12]}... 100% ▕████████████████▏ {rng.randrange(2, 9)}.{rng.randrange(10)} GB\n"
        f"verifying sha256 digest\nError: digest mismatch, file must be downloaded again: /var/lib/ollama/models/blobs/sha256-{d} ({m})"
    )


def k_hf_snapshot(rng: random.Random) -> str:
    repo = rng.choice(HF)
    return (
        f"OSError: {repo} does not appear to have a file named tokenizer.model. Checkout "
        f"'https://huggingface.co/{repo}/tree/{s(rng, HEX, 40)}' for available files. "
        f"(cache: /root/.cache/huggingface/hub/models--{repo.replace('/', '--')}/snapshots/{s(rng, HEX, 40)})"
    )


def k_gguf(rng: random.Random) -> str:
    return (
        f"llama_model_loader: loaded meta data with {rng.randrange(24, 40)} key-value pairs and 339 tensors from /models/model-q4_k_m.gguf\n"
        "llama_model_loader: - kv   0: general.architecture str = qwen2\n"
        f"llama_model_loader: - kv  25: tokenizer.ggml.pre str = qwen2\n"
        f"sha256sum: {s(rng, HEX, 64)}  /models/model-q4_k_m.gguf\n"
        "llama_init_from_model: failed to allocate compute buffers"
    )


def k_otel_ids(rng: random.Random) -> str:
    span = {
        "traceId": s(rng, HEX, 32),
        "spanId": s(rng, HEX, 16),
        "parentSpanId": s(rng, HEX, 16),
        "name": "embeddings bge-m3",
        "attributes": [
            {"key": "gen_ai.response.id", "value": {"stringValue": f"chatcmpl-{s(rng, A, 29)}"}},
            {
                "key": "gen_ai.usage.input_tokens",
                "value": {"intValue": str(rng.randrange(10, 9000))},
            },
            {
                "key": "http.request.header.content-type",
                "value": {"arrayValue": {"values": [{"stringValue": "application/json"}]}},
            },
        ],
    }
    return "otlp export dropped span: " + json.dumps(span)


def k_sentry_ids(rng: random.Random) -> str:
    event = {
        "event_id": s(rng, HEX, 32),
        "release": f"coordinator@1.{rng.randrange(9)}.{rng.randrange(20)}+{s(rng, HEX, 40)}",
        "contexts": {"trace": {"trace_id": s(rng, HEX, 32), "span_id": s(rng, HEX, 16)}},
        "request": {"headers": [["Content-Type", "application/json"], ["X-Request-Id", uid(rng)]]},
        "extra": {"collection": "patterns", "points": rng.randrange(100, 99999)},
    }
    return json.dumps(event)


def k_response_headers(rng: random.Random) -> str:
    return (
        f"< HTTP/2 429\n< x-request-id: req_{s(rng, HEX, 32)}\n< cf-ray: {s(rng, HEX, 16)}-FRA\n"
        f"< x-ratelimit-remaining-tokens: {rng.randrange(0, 200000)}\n< x-ratelimit-reset-requests: {rng.randrange(1, 60)}ms\n"
        f'< etag: W/"{s(rng, HEX, 2)}-{s(rng, A, 27)}"\n< retry-after: {rng.randrange(1, 30)}'
    )


def k_jwk_public(rng: random.Random) -> str:
    d = keys.ec_scalar(rng)
    x, y = keys.p256_public(d)
    jwk = {
        "kty": "EC",
        "crv": "P-256",
        "use": "sig",
        "kid": s(rng, A, 16),
        "x": keys.b64u(x.to_bytes(32, "big")),
        "y": keys.b64u(y.to_bytes(32, "big")),
    }
    return "oidc: no key in the JWKS matches the token's kid; keys=" + json.dumps({"keys": [jwk]})


def k_pem_public(rng: random.Random) -> str:
    x, y = keys.p256_public(keys.ec_scalar(rng))
    alg = keys.der(
        0x30, bytes.fromhex("06072a8648ce3d0201") + bytes.fromhex("06082a8648ce3d030107")
    )
    spki = keys.der(
        0x30, alg + keys.der(0x03, b"\0\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big"))
    )
    return "webhook signature check failed with the configured public key:\n" + keys.pem(
        "PUBLIC KEY", spki
    )


def png(rng: random.Random) -> str:
    w = h = rng.randrange(2, 5)
    raw = b"".join(b"\0" + bytes(rng.getrandbits(8) for _ in range(w * 3)) for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return base64.b64encode(data).decode()


def k_jupyter_png(rng: random.Random) -> str:
    cell = {
        "cell_type": "code",
        "execution_count": rng.randrange(1, 60),
        "id": s(rng, HEX, 8),
        "metadata": {},
        "outputs": [
            {
                "output_type": "display_data",
                "data": {
                    "image/png": png(rng),
                    "text/plain": ["<Figure size 640x480 with 1 Axes>"],
                },
                "metadata": {},
            },
            {
                "name": "stderr",
                "output_type": "stream",
                "text": ["UserWarning: loss is nan at step 120\n"],
            },
        ],
        "source": ["plt.plot(losses)\n"],
    }
    return json.dumps(cell)


def k_vllm_args(rng: random.Random) -> str:
    return (
        f"INFO 12-05 10:15:02 [cli_args.py:325] args: Namespace(host='0.0.0.0', port={rng.choice([8000, 8001, 8080])}, api_key=None, "
        f"model='{rng.choice(HF)}', seed={rng.randrange(0, 9999)}, max_model_len={rng.choice([8192, 32768])}, served_model_name=['local'])\n"
        "ValueError: The model's max seq len is larger than the maximum number of tokens that can be stored in KV cache"
    )


def k_ollama_env(rng: random.Random) -> str:
    return (
        f'time=2026-12-05T10:15:02.113Z level=INFO source=routes.go:1259 msg="server config" env="map[CUDA_VISIBLE_DEVICES:{rng.randrange(4)} '
        f"HTTPS_PROXY: OLLAMA_DEBUG:false OLLAMA_HOST:http://0.0.0.0:11434 OLLAMA_KEEP_ALIVE:{rng.randrange(1, 60)}m0s "
        f'OLLAMA_MAX_LOADED_MODELS:{rng.randrange(1, 4)} OLLAMA_MODELS:/var/lib/ollama/models OLLAMA_NUM_PARALLEL:{rng.randrange(1, 8)}]"'
    )


def k_conn_no_password(rng: random.Random) -> str:
    h = s(rng, string.ascii_lowercase, 5)
    return (
        rng.choice(
            [
                f"Driver={{ODBC Driver 18 for SQL Server}};Server=tcp:sql-{h}.acme.example,1433;Database=app;Trusted_Connection=yes;Encrypt=yes;",
                f"jdbc:sqlserver://sql-{h}.acme.example:1433;databaseName=app;integratedSecurity=true;authenticationScheme=JavaKerberos",
                f"postgresql+psycopg://app@pg-{h}.internal:5432/app?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem",
                f"amqps://rabbit-{h}.acme.example:5671/%2Fprod?heartbeat=30&auth_mechanism=EXTERNAL",
                'org.apache.kafka.common.security.plain.PlainLoginModule required username="svc" password="${file:/etc/kafka/secrets.properties:password}";',
                f"redis+sentinel://sentinel-0.{h}:26379,sentinel-1.{h}:26379/mymaster/0?ssl_cert_reqs=required",
            ]
        )
        + " : connection refused"
    )


def k_sqlalchemy_masked(rng: random.Random) -> str:
    url = rng.choice(
        [
            "postgresql+psycopg2",
            "mssql+pyodbc",
            "oracle+oracledb",
            "clickhouse+native",
            "mysql+pymysql",
        ]
    )
    return (
        f"sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server failed\n"
        f"(Background on this error at: https://sqlalche.me/e/20/e3q8) engine={url}://app:***@db-{s(rng, string.ascii_lowercase, 4)}:5432/app"
    )


def k_unsigned_urls(rng: random.Random) -> str:
    return (
        rng.choice(
            [
                f"https://storage.googleapis.com/public-evals-{s(rng, string.ascii_lowercase, 5)}/golden.jsonl?generation={rng.randrange(10**15, 10**16)}",
                f"https://st{s(rng, string.ascii_lowercase, 8)}.blob.core.windows.net/models/adapter.safetensors?sv=2022-11-02&sr=b&sp=r&se=2026-12-06T10:00:00Z (AuthenticationFailed: Signature field not well formed)",
                f"https://ml-artifacts-{s(rng, string.ascii_lowercase, 5)}.s3.eu-west-1.amazonaws.com/runs/{uid(rng)}/metrics.json?versionId={s(rng, A, 32)}",
            ]
        )
        + " returned 403"
    )


def k_cookie_benign(rng: random.Random) -> str:
    return rng.choice(
        [
            "Set-Cookie: sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax",
            f"Cookie: _ga=GA1.2.{rng.randrange(10**9)}.{rng.randrange(10**9, 2 * 10**9)}; theme=dark; django_language=en; sidebar_collapsed=true",
            f"Set-Cookie: grafana_session_expiry={rng.randrange(1764900000, 1765900000)}; Path=/; Max-Age=2592000; SameSite=Lax",
        ]
    )


def k_percent_question(rng: random.Random) -> str:
    q = rng.choice(
        [
            "how to set OPENAI_API_KEY?",
            "qdrant snapshot restore = 404",
            "vllm --api-key flag & docker",
            "ollama keep_alive=-1 meaning",
        ]
    )
    return f"searxng GET /search?q={urllib.parse.quote(q, safe='')}&categories=it&pageno={rng.randrange(1, 4)} -> 429 Too Many Requests"


def k_html_escaped(rng: random.Random) -> str:
    m = rng.choice(MODELS)
    return f"<pre>{{&quot;model&quot;: &quot;{m}&quot;, &quot;stream&quot;: false, &quot;options&quot;: {{&quot;num_ctx&quot;: {rng.choice([2048, 4096, 8192])}}}}}</pre> &lt;- rejected: model not found"


def k_qp_mail(rng: random.Random) -> str:
    return (
        "Subject: =?UTF-8?Q?Sync_fehlgeschlagen_=E2=80=93_Knoten_B?=\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"value_score=3D0.{rng.randrange(70, 99)} threshold=3D0.7 records=3D{rng.randrange(1, 500)} =E2=80=93 nothing to publish, the run=\n"
        " was skipped."
    )


def k_basic_placeholder(rng: random.Random) -> str:
    return rng.choice(
        [
            '< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm="ollama", charset="UTF-8"',
            "Use `Authorization: Basic <base64 of user:password>` for the metrics endpoint.",
            f'< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/{rng.choice(["ollama", "vllm"])}:pull"',
        ]
    )


def k_image_digest(rng: random.Random) -> str:
    image = rng.choice(
        [
            "ghcr.io/open-webui/open-webui",
            "vllm/vllm-openai",
            "qdrant/qdrant",
            "ollama/ollama",
            "ghcr.io/berriai/litellm",
        ]
    )
    return f"Error response from daemon: manifest for {image}@sha256:{s(rng, HEX, 64)} not found: manifest unknown"


def k_dataset_revision(rng: random.Random) -> str:
    ds = rng.choice(
        ["HuggingFaceH4/ultrachat_200k", "openai/gsm8k", "tatsu-lab/alpaca", "Open-Orca/OpenOrca"]
    )
    return f"datasets.load_dataset('{ds}', revision='{s(rng, HEX, 40)}', split='train_sft') failed: ConnectionError after {rng.randrange(2, 6)} retries"


def k_token_usage(rng: random.Random) -> str:
    p, c = rng.randrange(100, 9000), rng.randrange(1, 2000)
    return (
        f'finish_reason=length usage={{"prompt_tokens": {p}, "completion_tokens": {c}, "total_tokens": {p + c}}} '
        f"max_tokens={c} token_budget_remaining={rng.randrange(0, 100000)}"
    )


def k_mcp_benign(rng: random.Random) -> str:
    env = rng.choice(
        [
            {"LOG_LEVEL": "debug", "ALLOWED_DIRS": "/srv/notes"},
            {"GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github_token}"},
            {"BRAVE_API_KEY": ""},
            {"QDRANT_URL": "http://localhost:6333", "COLLECTION_NAME": "patterns"},
        ]
    )
    cfg = {
        "mcpServers": {
            "tools": {
                "command": "uvx",
                "args": [rng.choice(["mcp-server-fetch", "mcp-server-qdrant", "mcp-server-git"])],
                "env": env,
            }
        }
    }
    return "MCP server failed to start (exit 1). Config:\n" + json.dumps(cfg, indent=2)


KINDS: dict[str, Callable[[random.Random], str]] = {
    name[2:].replace("_", "-"): fn
    for name, fn in sorted(globals().items())
    if name.startswith("k_") and callable(fn)
}
