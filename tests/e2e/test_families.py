"""End to end: the token-family corpus through ``fedlearn sync`` (guarantee 1, issue 16 targets).

Every secret sample of tests/data/families is the text of a high-value event; after one sync at
least 99% of the secrets appear nowhere under data/ and at least 97% of the benign strings are
there unchanged. The held-out files (other seeds, other contexts, never tuned on) are held to the
same targets. These are counts, not timings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Node, write_jsonl

pytestmark = pytest.mark.e2e
DATA = Path(__file__).resolve().parents[1] / "data" / "families"
SECRET_TARGET = 0.99
BENIGN_TARGET = 0.97


def rows(name: str) -> list[dict[str, str]]:
    """Return the rows of ``tests/data/families/<name>.jsonl``."""
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text().splitlines()]


def event(index: int, text: str) -> dict[str, object]:
    """Return a high-value skill event whose description is ``text``."""
    return {
        "timestamp": f"2026-02-01T{index // 3600 % 24:02d}:{index // 60 % 60:02d}:{index % 60:02d}Z",
        "value_score": 0.9,
        "skill_name": f"case-{index}",
        "description": text,
    }


def appears(text: str, written: str) -> bool:
    """Return whether ``text`` is in the written files, as is or JSON-escaped."""
    return text in written or json.dumps(text, ensure_ascii=False)[1:-1] in written


def synced(node: Node, texts: list[str]) -> str:
    """Sync events carrying ``texts`` and return everything written under data/."""
    write_jsonl(node.telemetry, [event(index, text) for index, text in enumerate(texts)])
    answer = json.loads(node.run("sync", "--json").stdout)
    assert answer["high_value"] >= len(texts)
    files = (node.repo / "data").rglob("*")
    return "".join(path.read_text(encoding="utf-8") for path in files if path.is_file())


@pytest.mark.parametrize("split", ["", "held-out-"])
def test_sync_redacts_secret_families_and_keeps_benign_text(make_node: object, split: str) -> None:
    """>= 99% of secret samples never reach data/; >= 97% of benign strings arrive unchanged."""
    secrets, benign = rows(f"{split}secrets"), rows(f"{split}benign")
    node: Node = make_node("alpha")  # type: ignore[operator]
    written = synced(node, [row["text"] for row in secrets + benign])
    leaked = [row for row in secrets if appears(row["secret"], written)]
    kept = [row for row in benign if appears(row["text"].strip(), written)]
    redacted_rate = 1 - len(leaked) / len(secrets)
    benign_rate = len(kept) / len(benign)
    print(f"{split or 'main'}: {redacted_rate:.2%} of {len(secrets)} secrets redacted, ", end="")
    print(f"{benign_rate:.2%} of {len(benign)} benign strings unchanged")
    assert redacted_rate >= SECRET_TARGET, [row["family"] for row in leaked]
    assert benign_rate >= BENIGN_TARGET, [row["text"] for row in benign if row not in kept][:20]


def test_sync_keeps_numbers_after_telemetry_words_and_size_deltas(make_node: object) -> None:
    """Counts after "telemetry" or "cells", size deltas and decimals reach data/ unchanged."""
    texts = [
        "telemetry event at 1710506096 dropped",
        "cells 1024 2048 4096 allocated",
        "size delta +12345678 bytes, memory +104857600",
        "scores +0.12345678 +1.23456789",
        "telnet 10.0.0.1 23",
    ]
    node: Node = make_node("alpha")  # type: ignore[operator]
    written = synced(node, [*texts, "call me at +14155552671 after 5pm"])
    assert [text for text in texts[:4] if not appears(text, written)] == []
    assert "+14155552671" not in written and "10.0.0.1" not in written
