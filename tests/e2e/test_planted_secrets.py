"""End to end: secrets planted in telemetry and the fine-tuning dataset never reach data/ (guarantee 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fedlearn import sample
from tests.conftest import Node, write_jsonl

pytestmark = pytest.mark.e2e
CORPUS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "data" / "held-out" / "secrets.jsonl")
    .read_text()
    .splitlines()
]
# The machine-specific families (local hostname, user, home) depend on the real machine running the
# test; the configured extra hostnames are passed through the node's config instead.
PLANTED = [s for s in CORPUS if s["family"] not in {"hostname", "user", "home"}]


def planted_events() -> list[dict[str, object]]:
    """Return high-value events of every category shape, each carrying corpus secrets."""
    events: list[dict[str, object]] = []
    for index, secret in enumerate(PLANTED):
        text = secret["text"]
        shape = index % 4
        base: dict[str, object] = {
            "timestamp": f"2026-02-01T00:{index // 60:02d}:{index % 60:02d}Z",
            "value_score": 0.9,
            "note": text,
        }
        if shape == 0:
            base |= {"error_message": f"failed: {text}", "solution": f"rotate it: {text}"}
        elif shape == 1:
            base |= {"skill_name": "debugging", "description": text}
        elif shape == 2:
            base |= {"title": "config", "description": text}
        else:
            base |= {"outcome": "success", "query": text, "response": text}
            base.pop("value_score")
            base["user_feedback"] = 1
        events.append(base)
    return events


def planted_chats() -> list[dict[str, object]]:
    """Return chat records whose turns and metadata carry corpus secrets."""
    return [
        {
            "messages": [
                {"role": "user", "content": f"why does this fail? {s['text']}"},
                {"role": "assistant", "content": f"Because the credential leaked: {s['text']}"},
            ],
            "metadata": {"origin": s["text"]},
        }
        for s in PLANTED
    ]


def test_no_planted_secret_byte_reaches_data(make_node: object) -> None:
    """After sync, no planted secret appears in any file under data/."""
    node: Node = make_node(
        "alpha", anonymize={"hostnames": ["corp.internal", "gitlab.acme-robotics.io"]}
    )  # type: ignore[operator]
    write_jsonl(node.telemetry, [*sample.events(200, seed=9), *planted_events()])
    write_jsonl(node.dataset, [*sample.chat_records(10, seed=9), *planted_chats()])
    answer = json.loads(node.run("sync", "--json").stdout)
    # Events without their own value_score are scored by the formula; anonymized chats that read
    # the same become duplicates: count what arrived, not what stayed distinct.
    scored = [e for e in planted_events() if "value_score" in e]
    fine_tuning = answer["fine_tuning"]
    assert answer["high_value"] >= len(scored)
    assert fine_tuning["new"] + fine_tuning["duplicate"] >= len(PLANTED)
    written = b"".join(p.read_bytes() for p in (node.repo / "data").rglob("*") if p.is_file())
    assert len(written) > 10_000
    leaked = [
        s["family"]
        for s in PLANTED
        if s["secret"].encode() in written or json.dumps(s["secret"])[1:-1].encode() in written
    ]
    assert leaked == []
    assert sum(answer["redactions"].values()) >= len(PLANTED)
