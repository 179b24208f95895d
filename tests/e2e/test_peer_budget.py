"""A single hostile peer (issue 15, seen 7 and build 5): many files under invented node names.

The per-file size caps bound one file; what one read holds across files is bounded too
(``merge.MAX_PEER_RETRACTIONS``, ``merge.MAX_PEER_PATTERNS``, per file
``merge.MAX_RETRACTIONS_PER_NODE`` and ``patterns.MAX_PER_FILE``). The limits are lowered for the
installed ``fedlearn`` command through a ``sitecustomize`` (the files stay small and the test
fast); the peer is a plain clone of the shared bare remote that pushes anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fedlearn.formats import records
from fedlearn.learn import patterns
from tests.conftest import Node, git
from tests.e2e.test_hostile_peer import Peer, alpha, doctor, feed, own_patterns, peer  # noqa: F401
from tests.e2e.test_hostile_peer_costs import peak

pytestmark = pytest.mark.e2e
PER_NODE, TOTAL = 1_000, 2_000  # tombstones kept of one peer file, of all
PER_FILE, PATTERNS = 10, 20  # pattern records kept of one peer file, of all
SITE = f"""
from fedlearn.learn import merge, patterns
merge.MAX_RETRACTIONS_PER_NODE = {PER_NODE}
merge.MAX_PEER_RETRACTIONS = {TOTAL}
merge.MAX_PEER_PATTERNS = {PATTERNS}
patterns.MAX_PER_FILE = {PER_FILE}
"""


@pytest.fixture
def limited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run every fedlearn command with the limits lowered (``SITE``)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE)
    monkeypatch.setenv("PYTHONPATH", str(site))
    yield


def tombstones(seed: int, count: int) -> bytes:
    """Return ``count`` well-formed tombstones of made-up ids."""
    return records.encode_lines(
        records.Retraction(id=f"{seed:08x}{n:024x}", retracted_at="2026-01-01T00:00:00Z", reason="")
        for n in range(count)
    )


def fake_patterns(node: str, count: int) -> bytes:
    """Return ``count`` verified pattern records of ``node`` (an old-layout file's content)."""
    made = (
        patterns.build(
            "best-practices", {"title": f"{node} advice {n}"}, 0.5, "2026-01-01T00:00:00Z", node
        )
        for n in range(count)
    )
    return records.encode_lines(made)


def test_peer_files_under_many_invented_nodes_cost_bounded_memory_and_fail_no_job(
    alpha: Node,  # noqa: F811
    peer: Peer,  # noqa: F811
    limited: None,
) -> None:
    """
    Found in issue 15's review: one 16 MiB peer retractions file took ~240 MB, N of them N
    times that. Here 10 invented nodes' retraction files of 10,000 tombstones each (100,000,
    with limits of 1,000 and 2,000), and their pattern files of 30 records (limits 10 and 20):
    pull (with its import), status and sync exit 0; status's peak memory grows by less than
    8 MiB (without the limits: ~50 MB); this node's own retraction (its file sorts after the peer's) still
    withdraws its pattern; the merged view holds this node's patterns and ``PATTERNS`` of the
    peer's; the total's limits are warned about once, naming the file and the limit; doctor
    lists the files refused.
    """
    mine = sorted(own_patterns(alpha))
    alpha.run("retract", mine[0], "--reason", "wrong")
    alpha.run("publish")
    git(peer.repo, "pull", "-q", "origin", "main")
    baseline, _, _ = peak(alpha, "status", "--json")
    for n in range(10):
        node = f"a{n:03d}"
        peer.write(f"data/retractions/{node}.jsonl", tombstones(n, 10_000))
        peer.write(f"data/patterns/best-practices/{node}.jsonl", fake_patterns(node, 30))
    peer.push()
    pulled = alpha.run("pull")
    assert pulled.stderr.count("merge.MAX_PEER_RETRACTIONS") == 1, pulled.stderr
    kib, out, stderr = peak(alpha, "status", "--json")
    assert kib - baseline < 8 * 1024, (baseline, kib)
    assert stderr.count("merge.MAX_PEER_RETRACTIONS") == 1, stderr
    assert stderr.count("merge.MAX_PEER_PATTERNS") == 1, stderr
    assert "data/retractions/a001.jsonl: ignored, the limit of 2000 tombstones" in stderr
    assert "data/patterns/best-practices/a001.jsonl: ignored, the limit of 20 pattern" in stderr
    merged = json.loads(out)["patterns"]["merged"]
    assert merged["best-practices"] == PATTERNS
    assert sum(merged.values()) == len(own_patterns(alpha)) - 1 + PATTERNS
    feed(alpha, [{"value_score": 0.9, "error_message": "new error", "solution": "new fix"}])
    synced = alpha.run("sync")
    assert synced.stderr.count("merge.MAX_PEER_RETRACTIONS") == 1, synced.stderr
    refused = {r["path"] for r in doctor(alpha)["refused"]}
    assert {"data/retractions/a000.jsonl", "data/retractions/a001.jsonl"} <= refused
