"""Benchmark the anonymize stage on realistic high-value text, next to detect-secrets on the same text.

Run from the repository root:

    /work/venv/bin/python bench/bench_anonymize.py [--megabytes 30] [--seed 1]

It generates telemetry-like strings (questions, answers with code, tracebacks, journal lines,
tool-call payloads, a few planted secrets and personal data), then times
``Anonymizer.anonymize`` and ``Anonymizer.scan`` over every string, and detect-secrets' default
plugins scanning the same text as a file. Both run in this process, one after the other.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The tree an A/B run measures (``bench_high_value.py --before``), else this checkout: imported by
# bench_high_value, this module must not put its own checkout before that tree.
sys.path.insert(
    0, os.environ.get("FEDLEARN_BENCH_TREE") or str(Path(__file__).resolve().parent.parent)
)

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine

MACHINE = Machine(
    hostname="quasar", fqdn="quasar.corp.acme-robotics.io", user="jdoe", home="/home/jdoe"
)
SERVICES = [
    "qdrant",
    "ollama",
    "nginx",
    "postgresql",
    "redis",
    "open-webui",
    "llama-cpp",
    "prometheus",
    "grafana",
    "tailscale",
]
FEATURES = [
    "TLS",
    "a reverse proxy",
    "GPU offload",
    "systemd hardening",
    "automatic backups",
    "a custom port",
    "socket activation",
    "log rotation",
]
PACKAGES = [
    "python3-3.11.9",
    "openssl-3.0.14",
    "glibc-2.39-52",
    "qdrant-1.9.2",
    "ollama-0.3.6",
    "nodejs-20.15.1",
    "cuda_cudart-12.2.140",
    "llama-cpp-3091",
]
WORDS = [
    "the",
    "service",
    "fails",
    "to",
    "start",
    "because",
    "the",
    "unit",
    "has",
    "no",
    "access",
    "to",
    "the",
    "state",
    "directory",
    "so",
    "you",
    "need",
    "to",
    "set",
    "StateDirectory",
    "and",
    "restart",
    "it",
    "then",
    "check",
    "the",
    "journal",
    "for",
    "the",
    "next",
    "error",
    "which",
    "usually",
    "names",
    "the",
    "missing",
    "permission",
    "or",
    "the",
    "port",
    "that",
    "is",
    "already",
    "bound",
    "by",
    "another",
    "process",
    "configure",
    "install",
    "setup",
    "how",
    "to",
    "best",
    "practice",
    "embedding",
    "vector",
    "collection",
    "payload",
    "index",
]


def nix_hash(rng: random.Random) -> str:
    """Return a Nix store hash (32 characters of Nix's base32)."""
    return "".join(rng.choice("0123456789abcdfghijklmnpqrsvwxyz") for _ in range(32))


def hexadecimal(rng: random.Random, size: int) -> str:
    """Return ``size`` random hex digits."""
    return "".join(rng.choice("0123456789abcdef") for _ in range(size))


def token(
    rng: random.Random, size: int, alphabet: str = string.ascii_letters + string.digits
) -> str:
    """Return ``size`` random characters of ``alphabet``."""
    return "".join(rng.choice(alphabet) for _ in range(size))


def prose(rng: random.Random, words: int) -> str:
    """Return a sentence-like run of technical words."""
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def store_path(rng: random.Random) -> str:
    """Return a Nix store path with a file below it."""
    return f"/nix/store/{nix_hash(rng)}-{rng.choice(PACKAGES)}/lib/python3.11/site-packages/{rng.choice(SERVICES)}/client.py"


def query(rng: random.Random) -> str:
    """Return a user question as the stack records it."""
    service, feature = rng.choice(SERVICES), rng.choice(FEATURES)
    return rng.choice(
        [
            f"How to configure {service} on NixOS with {feature}?",
            f"what is the best practice to setup {service} behind {feature} on my laptop",
            f"{service} keeps crashing after nixos-rebuild switch, journal says permission denied on /var/lib/{service}",
            f"install {service} {rng.randint(1, 3)}.{rng.randint(0, 20)}.{rng.randint(0, 9)} and connect it to localhost:{rng.choice([6333, 11434, 8080, 5432])}",
        ]
    )


def nix_block(rng: random.Random) -> str:
    """Return a NixOS configuration snippet in a code fence."""
    service = rng.choice(SERVICES)
    return (
        "```nix\n{ config, pkgs, lib, ... }:\n{\n"
        f"  services.{service} = {{\n    enable = true;\n    port = {rng.randint(1024, 65000)};\n"
        f'    package = pkgs.{service};\n    environmentFile = "/run/secrets/{service}.env";\n'
        f'    settings.storage.path = "/var/lib/{service}";\n  }};\n'
        f"  networking.firewall.allowedTCPPorts = [ {rng.randint(1024, 65000)} ];\n"
        f"  users.users.jdoe.openssh.authorizedKeys.keyFiles = [ ./keys/jdoe.pub ];\n}}\n```"
    )


def shell_block(rng: random.Random) -> str:
    """Return shell commands in a code fence, now and then with a planted secret."""
    lines = [
        "sudo nixos-rebuild switch --flake .#quasar",
        f"systemctl status {rng.choice(SERVICES)}.service",
        "curl -s http://localhost:6333/collections/skills-patterns | jq '.result.points_count'",
        f"git -C /home/jdoe/src/fedlearn log --oneline {hexadecimal(rng, 7)}..{hexadecimal(rng, 7)}",
        f"nix path-info -rS {store_path(rng).rsplit('/lib', 1)[0]}",
        f"sha256sum result/bin/{rng.choice(SERVICES)}  # {hexadecimal(rng, 64)}",
        f"docker run --rm -p 8080:8080 -v /srv/data:/data ghcr.io/acme/{rng.choice(SERVICES)}:v{rng.randint(1, 9)}.{rng.randint(0, 9)}",
    ]
    if rng.random() < 0.05:
        lines.append(f"export GITHUB_TOKEN=ghp_{token(rng, 36)}")
    if rng.random() < 0.05:
        lines.append(
            f"psql postgresql://app:{token(rng, 14)}@10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}:5432/app"
        )
    rng.shuffle(lines)
    return "```bash\n" + "\n".join(lines[: rng.randint(3, len(lines))]) + "\n```"


def python_block(rng: random.Random) -> str:
    """Return a Python snippet in a code fence."""
    return (
        "```python\nfrom qdrant_client import QdrantClient\nfrom qdrant_client.models import Distance, VectorParams\n\n"
        f'client = QdrantClient(url="http://localhost:6333", timeout={rng.randint(5, 60)})\n'
        'api_key = os.environ["QDRANT_API_KEY"]\n'
        f'client.create_collection("{rng.choice(SERVICES)}", vectors_config=VectorParams(size=768, distance=Distance.COSINE))\n'
        f'point_id = "{hexadecimal(rng, 8)}-{hexadecimal(rng, 4)}-4{hexadecimal(rng, 3)}-a{hexadecimal(rng, 3)}-{hexadecimal(rng, 12)}"\n```'
    )


def response(rng: random.Random) -> str:
    """Return an assistant answer: steps, prose and code fences."""
    parts = [prose(rng, rng.randint(15, 40))]
    for number in range(1, rng.randint(3, 7)):
        parts.append(f"{number}. {prose(rng, rng.randint(6, 18))}")
    blocks = [nix_block, shell_block, python_block]
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(blocks)(rng))
        parts.append(prose(rng, rng.randint(10, 30)))
    return "\n\n".join(parts)


def traceback(rng: random.Random) -> str:
    """Return a Python traceback with home and store paths."""
    frames = []
    for _ in range(rng.randint(3, 8)):
        path = rng.choice(
            [store_path(rng), f"/home/jdoe/src/fedlearn/fedlearn/{rng.choice(SERVICES)}.py"]
        )
        frames.append(
            f'  File "{path}", line {rng.randint(10, 900)}, in {rng.choice(WORDS)}\n    {rng.choice(WORDS)}({rng.choice(WORDS)})'
        )
    error = rng.choice(
        [
            f"ConnectionRefusedError: [Errno 111] Connection refused: ('127.0.0.1', {rng.choice([6333, 11434])})",
            f"qdrant_client.http.exceptions.UnexpectedResponse: Unexpected Response: 404 (Not Found) collection `{rng.choice(SERVICES)}` doesn't exist",
            f"PermissionError: [Errno 13] Permission denied: '/var/lib/{rng.choice(SERVICES)}/storage'",
            f"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.{rng.choice(SERVICES)}.example.org/v1/embeddings",
        ]
    )
    return "Traceback (most recent call last):\n" + "\n".join(frames) + "\n" + error


def journal(rng: random.Random) -> str:
    """Return systemd journal lines from this machine."""
    lines = []
    for _ in range(rng.randint(2, 8)):
        service = rng.choice(SERVICES)
        lines.append(
            f"Nov 28 0{rng.randint(0, 9)}:{rng.randint(10, 59)}:{rng.randint(10, 59)} quasar {service}[{rng.randint(1000, 99999)}]: "
            f"{prose(rng, rng.randint(5, 14))} peer=192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)} took {rng.random():.3f}s"
        )
    return "\n".join(lines)


def payload(rng: random.Random) -> str:
    """Return a tool-call payload (JSON text) as the stack stores it."""
    body = {
        "tool": "qdrant_upsert",
        "collection": rng.choice(SERVICES),
        "points": [
            {
                "id": rng.randint(1, 10**9),
                "payload": {
                    "description": prose(rng, 12),
                    "source": f"/home/jdoe/notes/{rng.choice(WORDS)}.md",
                    "sha": hexadecimal(rng, 40),
                },
            }
            for _ in range(rng.randint(1, 4))
        ],
        "headers": {"Content-Type": "application/json", "User-Agent": "nixos-ai-stack/0.9.1"},
    }
    if rng.random() < 0.05:
        body["headers"]["Authorization"] = f"Bearer sk-proj-{token(rng, 48)}"
    return json.dumps(body)


def generate(megabytes: float, seed: int) -> list[str]:
    """Return realistic high-value strings adding up to about ``megabytes`` MB."""
    rng = random.Random(seed)
    # By count: questions and answers dominate high-value telemetry; errors, logs and tool payloads
    # come with them. Answers are the longest, so they are most of the bytes.
    kinds: list[Callable[[random.Random], str]] = [
        query,
        query,
        response,
        response,
        response,
        traceback,
        journal,
        payload,
    ]
    found, size = [], 0
    while size < megabytes * 1_000_000:
        text = rng.choice(kinds)(rng)
        found.append(text)
        size += len(text.encode())
    return found


def throughput(texts: list[str], work: Callable[[str], object], repeat: int) -> float:
    """Return MB/s of ``work`` over every text, the best of ``repeat`` rounds (as timeit does)."""
    size = sum(len(text.encode()) for text in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            work(text)
        best = min(best, time.perf_counter() - start)
    return size / best / 1_000_000


def detect_secrets_throughput(texts: list[str]) -> tuple[float, int]:
    """Return MB/s of detect-secrets' default plugins over the texts written as one file, and its finding count."""
    from detect_secrets.core import scan
    from detect_secrets.settings import default_settings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        path.write_text("\n".join(texts) + "\n", encoding="utf-8")
        size = path.stat().st_size
        with default_settings():
            start = time.perf_counter()
            found = sum(1 for _ in scan.scan_file(str(path)))
            elapsed = time.perf_counter() - start
    return size / elapsed / 1_000_000, found


def main() -> None:
    """Generate the text, time both scanners, print the numbers and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds per measurement; the best counts"
    )
    parser.add_argument("--skip-detect-secrets", action="store_true")
    args = parser.parse_args()
    texts = generate(args.megabytes, args.seed)
    size = sum(len(text.encode()) for text in texts) / 1_000_000
    print(f"text: {size:.1f} MB in {len(texts)} strings (seed {args.seed})")
    anonymizer = Anonymizer(config.Anonymize(), MACHINE)
    anonymize = throughput(texts, anonymizer.anonymize, args.repeat)
    redactions = sum(anonymizer.counts.values()) // args.repeat
    print(
        f"fedlearn anonymize: {anonymize:.1f} MB/s ({redactions} redactions, re2 prefilter: {anonymizer.has_prefilter})"
    )
    plain = Anonymizer(config.Anonymize(), MACHINE, use_re2=False)
    print(
        f"  without re2:      {throughput(texts, plain.anonymize, args.repeat):.1f} MB/s (keyword triggers only)"
    )
    scan = throughput(texts, anonymizer.scan, args.repeat)
    print(f"fedlearn scan:      {scan:.1f} MB/s")
    if not args.skip_detect_secrets:
        reference, found = detect_secrets_throughput(texts)
        print(f"detect-secrets:     {reference:.2f} MB/s ({found} findings)")
        print(
            f"ratio: anonymize {anonymize / reference:.1f}x, scan {scan / reference:.1f}x detect-secrets"
        )


if __name__ == "__main__":
    main()
