"""Small random helpers shared by the kinds of bench/benign16j (values in real formats)."""

from __future__ import annotations

import base64
import random
import string
import time
import uuid

HEX = "0123456789abcdef"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B32 = "abcdefghijklmnopqrstuvwxyz234567"
CROCK = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"
LOWER = string.ascii_lowercase
D = string.digits

MODELS = [
    "llama-3.1-8b-instruct",
    "qwen2.5-coder-7b-instruct",
    "mistral-7b-instruct-v0.3",
    "phi-3.5-mini-instruct",
    "gemma-2-9b-it",
    "deepseek-r1-distill-qwen-14b",
    "nomic-embed-text-v1.5",
    "bge-m3",
    "llama-3.2-3b-instruct",
    "qwen2.5-32b-instruct",
]
QUANTS = ["Q4_K_M", "Q5_K_M", "Q8_0", "Q4_0", "IQ4_XS", "Q6_K", "Q3_K_L", "F16", "Q2_K", "IQ3_M"]
HF_ORGS = [
    "meta-llama",
    "Qwen",
    "mistralai",
    "microsoft",
    "google",
    "bartowski",
    "TheBloke",
    "unsloth",
    "nomic-ai",
    "BAAI",
    "deepseek-ai",
    "lmstudio-community",
]
OLLAMA = [
    "llama3.1",
    "qwen2.5-coder",
    "mistral",
    "phi3.5",
    "gemma2",
    "nomic-embed-text",
    "deepseek-r1",
    "llava",
    "mxbai-embed-large",
    "codellama",
]
SIZES = ["1.5b", "3b", "7b", "8b", "14b", "32b", "70b", "latest"]
UNITS = [
    "ollama",
    "qdrant",
    "open-webui",
    "llama-cpp-server",
    "fedlearn-sync",
    "litellm",
    "searxng",
    "comfyui",
    "text-embeddings-inference",
    "nginx",
    "postgresql",
    "redis-rag",
]
COLLS = [
    "docs_chunks",
    "agent_memory",
    "code_snippets",
    "fedlearn_patterns",
    "kb_v2",
    "tickets_embeddings",
    "notes-2026",
    "repo_index",
]
TOOLS = [
    "read_file",
    "run_shell",
    "search_code",
    "write_file",
    "web_search",
    "list_dir",
    "apply_patch",
    "query_qdrant",
    "git_diff",
    "run_tests",
]
PKGS = [
    "python3.12-httpx-0.27.2",
    "ollama-0.5.7",
    "qdrant-1.12.4",
    "nginx-1.26.2",
    "openssl-3.3.2",
    "glibc-2.40-36",
    "python3.12-pydantic-2.9.2",
    "llama-cpp-4154",
    "git-2.47.1",
    "systemd-256.8",
    "postgresql-16.6",
    "cuda_cudart-12.4.127",
]
WORDS = ["alpha", "beta", "gamma", "delta", "kappa", "omega", "sigma", "lambda", "zeta", "theta"]
FILES = [
    "src/agent/tools.py",
    "fedlearn/sync.py",
    "app/settings.py",
    "services/rag/retriever.py",
    "lib/auth/session.py",
    "api/routes/chat.py",
    "modules/ollama.nix",
    "hosts/gpu01/configuration.nix",
    "src/config.ts",
    "cmd/server/main.go",
]


def s(r: random.Random, alphabet: str, n: int) -> str:
    """n characters of alphabet."""
    return "".join(r.choice(alphabet) for _ in range(n))


def hx(r: random.Random, n: int) -> str:
    """n lower-case hex digits."""
    return s(r, HEX, n)


def raw(r: random.Random, n: int) -> bytes:
    """n random bytes."""
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(r: random.Random, n: int) -> str:
    """Standard base64 of n random bytes."""
    return base64.b64encode(raw(r, n)).decode()


def uid4(r: random.Random) -> str:
    """A random UUID v4."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def uid7(r: random.Random) -> str:
    """A UUID v7: 48-bit milliseconds, version 7, variant 10."""
    ms = r.randint(1_733_000_000_000, 1_765_000_000_000)
    value = (ms << 80) | (7 << 76) | (r.getrandbits(12) << 64) | (2 << 62) | r.getrandbits(62)
    return str(uuid.UUID(int=value))


def ulid(r: random.Random) -> str:
    """A ULID: 10 time characters and 16 random ones, Crockford base32."""
    ms = r.randint(1_733_000_000_000, 1_765_000_000_000)
    head = "".join(CROCK[(ms >> (5 * i)) & 31] for i in range(9, -1, -1))
    return head + s(r, CROCK, 16)


def ts(r: random.Random) -> str:
    """An ISO-8601 UTC timestamp with milliseconds in 2026."""
    sec = r.randint(1_767_225_600, 1_796_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec)) + f".{r.randint(0, 999):03d}Z"


def epoch(r: random.Random) -> int:
    """A Unix time in 2026."""
    return r.randint(1_767_225_600, 1_796_000_000)


def nixhash(r: random.Random) -> str:
    """A 32-character Nix base-32 store hash."""
    return s(r, NIX32, 32)


def sri256(r: random.Random) -> str:
    """An SRI sha256 narHash."""
    return "sha256-" + b64(r, 32)


def sem(r: random.Random) -> str:
    """A semantic version."""
    return f"{r.randint(0, 5)}.{r.randint(0, 30)}.{r.randint(0, 20)}"


def pick(r: random.Random, pool: list[str]) -> str:
    """One element of pool."""
    return r.choice(pool)
