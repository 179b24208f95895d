"""Realistic sample runtime data for the demo, the tests and the benchmarks (deterministic by seed).

The shapes follow what the stack's coordinator writes to ``hybrid-events.jsonl``: mostly
``hybrid_search`` / ``route_query`` / ``context_augmented`` events, and a share of interactions
that carry ``value_score`` or ``outcome`` and the fields the category rules read.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

START = datetime(2026, 1, 1, tzinfo=UTC)
ERRORS = (
    (
        "ModuleNotFoundError",
        "No module named 'qdrant_client'",
        "Add python3Packages.qdrant-client to the environment and rebuild.",
    ),
    (
        "ConnectionRefusedError",
        "connection refused on localhost:6333",
        "Start Qdrant first: systemctl start qdrant, then retry the import.",
    ),
    (
        "OSError",
        "[Errno 28] No space left on device",
        "Run nix-collect-garbage -d and move the model cache to a larger disk.",
    ),
    (
        "CUDA error",
        "out of memory while loading the model",
        "Use a smaller quantization (Q4_K_M) or lower the context length.",
    ),
    (
        "TimeoutError",
        "embedding request timed out after 60s",
        "Batch embeddings by 32 and raise the client timeout to 120 seconds.",
    ),
    (
        "PermissionError",
        "permission denied: /var/lib/qdrant/storage",
        "Give the qdrant user ownership with systemd.tmpfiles rules.",
    ),
)
PRACTICES = (
    ("Pin nixpkgs in flake.lock", "Commit flake.lock so every machine builds the same closure."),
    (
        "Keep secrets out of the store",
        "Use LoadCredential or agenix instead of writing keys into Nix files.",
    ),
    (
        "Snapshot collections before upgrades",
        "Export Qdrant payloads before changing the embedding model.",
    ),
)
SKILLS = (
    ("nix-debugging", "Read the failing derivation's log with nix log and bisect the inputs."),
    ("prompt-compression", "Summarize retrieved context to fit the model's window before routing."),
    ("vector-search-tuning", "Raise hnsw ef at query time when recall drops on large collections."),
)
QUERIES = (
    "how to configure qdrant on nixos",
    "best practice for local llm setup with ollama",
    "install llama.cpp with cuda support",
    "why does my embedding service time out",
    "setup a systemd timer for backups",
)


def timestamp(index: int) -> str:
    """Return the ISO time of the ``index``-th event (one every 7 seconds from START)."""
    return (START + timedelta(seconds=7 * index)).strftime("%Y-%m-%dT%H:%M:%SZ")


def background(rng: random.Random, index: int) -> dict[str, Any]:
    """Return a low-value coordinator event (no score, no outcome)."""
    kind = rng.choice(("hybrid_search", "route_query", "context_augmented"))
    return {
        "timestamp": timestamp(index),
        "event_type": kind,
        "query": rng.choice(QUERIES),
        "collection": rng.choice(("skills-patterns", "error-solutions", "codebase-context")),
        "latency_ms": rng.randint(3, 900),
        "results": rng.randint(0, 20),
        "model": "qwen2.5-coder:7b",
        "route": rng.choice(("local", "local", "remote")),
    }


def interaction(rng: random.Random, index: int) -> dict[str, Any]:
    """Return an interaction event in one of the shapes the category rules know."""
    event: dict[str, Any] = {"timestamp": timestamp(index), "event_type": "interaction"}
    shape = rng.randrange(5)
    if shape == 0:
        kind, message, solution = rng.choice(ERRORS)
        event |= {"error_type": kind, "error_message": message, "solution": solution}
    elif shape == 1:
        title, description = rng.choice(PRACTICES)
        event |= {"event_type": "best_practice", "title": title, "description": description}
    elif shape == 2:
        name, description = rng.choice(SKILLS)
        event |= {"skill_name": name, "description": description}
    else:
        query = rng.choice(QUERIES)
        steps = "\n".join(f"{n}. step {n} for {query}" for n in range(1, rng.randint(2, 6)))
        event |= {
            "query": query,
            "response": f"{steps}\n```nix\nservices.qdrant.enable = true;\n```",
        }
        event |= {
            "outcome": rng.choice(("success", "success", "partial")),
            "user_feedback": rng.choice((1, 1, 0)),
        }
    if shape != 3:
        event["value_score"] = round(rng.uniform(0.5, 1.0), 3)
    return event


def events(count: int, seed: int = 0, interaction_share: float = 0.05) -> Iterator[dict[str, Any]]:
    """Yield ``count`` events, about ``interaction_share`` of them interactions."""
    rng = random.Random(seed)
    for index in range(count):
        if rng.random() < interaction_share:
            yield interaction(rng, index)
        else:
            yield background(rng, index)


def chat_records(count: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield ``count`` runtime fine-tuning records in the OpenAI chat format (some repeated)."""
    rng = random.Random(seed)
    for _ in range(count):
        query = rng.choice(QUERIES)
        kind, message, solution = rng.choice(ERRORS)
        yield {
            "messages": [
                {"role": "system", "content": "You are a NixOS assistant."},
                {"role": "user", "content": f"{query}? I get {kind}: {message}"},
                {"role": "assistant", "content": solution},
            ],
            "metadata": {"source": "coordinator", "value_score": round(rng.uniform(0.7, 1.0), 2)},
        }
