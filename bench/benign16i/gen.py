"""Small random helpers shared by the kinds of bench/benign16i (values in real formats)."""

from __future__ import annotations

import base64
import hashlib
import random
import string
import uuid

HEX = "0123456789abcdef"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
LOWER = string.ascii_lowercase
D = string.digits

PKGS_NPM = [
    "lodash",
    "react-dom",
    "@babel/core",
    "esbuild",
    "zod",
    "axios",
    "@types/node",
    "vite",
    "typescript",
    "postcss",
    "undici",
    "semver",
    "chalk",
    "@tanstack/react-query",
]
PKGS_PY = [
    "requests",
    "numpy",
    "pydantic",
    "httpx",
    "fastapi",
    "uvicorn",
    "sqlalchemy",
    "torch",
    "qdrant-client",
    "tiktoken",
    "anyio",
    "certifi",
    "charset-normalizer",
    "idna",
]
PKGS_RS = ["serde", "tokio", "anyhow", "regex", "hyper", "clap", "rustls", "tracing", "bytes"]
PKGS_GO = [
    "golang.org/x/sys",
    "golang.org/x/net",
    "github.com/spf13/cobra",
    "github.com/prometheus/client_golang",
    "google.golang.org/grpc",
    "github.com/go-chi/chi/v5",
]
GEMS = ["rake", "rack", "nokogiri", "puma", "activesupport", "rspec-core", "json", "zeitwerk"]
COMPOSER = [
    "symfony/console",
    "laravel/framework",
    "guzzlehttp/guzzle",
    "monolog/monolog",
    "nesbot/carbon",
    "phpunit/phpunit",
    "doctrine/dbal",
]
JAVA = [
    "com.squareup.okhttp3:okhttp",
    "org.slf4j:slf4j-api",
    "com.fasterxml.jackson.core:jackson-databind",
    "io.netty:netty-handler",
    "org.junit.jupiter:junit-jupiter",
    "com.google.guava:guava",
]
ORGS = ["acme", "example-org", "homelab", "infra-team", "platform", "ml-ops"]
REPOS = ["api", "web", "inference-gateway", "rag-service", "ingest", "dashboard", "fedlearn-stack"]
APPS = ["checkout", "gateway", "embedder", "reranker", "webui", "scheduler", "notifier"]
NS = ["default", "ml", "prod", "staging", "monitoring", "ai-stack"]


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


def b64url(r: random.Random, n: int) -> str:
    """Unpadded base64url of n random bytes."""
    return base64.urlsafe_b64encode(raw(r, n)).decode().rstrip("=")


def sri(r: random.Random, algo: str = "sha512") -> str:
    """A Subresource Integrity value of a random digest."""
    size = {"sha256": 32, "sha384": 48, "sha512": 64}[algo]
    return f"{algo}-{base64.b64encode(raw(r, size)).decode()}"


def uid(r: random.Random) -> str:
    """A random UUID v4 from r."""
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def semver(r: random.Random) -> str:
    """A plausible semantic version."""
    return f"{r.randint(0, 9)}.{r.randint(0, 40)}.{r.randint(0, 30)}"


def sha256_of(text: str) -> str:
    """The real SHA-256 hex of text (a digest that matches its input)."""
    return hashlib.sha256(text.encode()).hexdigest()


def words(r: random.Random, pool: list[str]) -> str:
    """One element of pool."""
    return r.choice(pool)
