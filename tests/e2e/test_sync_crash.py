"""SIGKILL a running ``fedlearn sync`` at random moments; a rerun finishes with identical files (guarantee 2)."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from fedlearn import sample
from fedlearn.store import atomic
from tests.conftest import Node, cli_env, fedlearn_command, init_repo, write_jsonl

pytestmark = pytest.mark.e2e

PARTS = 3
KILLS_PER_PART = 8


def compared(node: Node) -> dict[str, bytes]:
    """Return the files that must match an uninterrupted run (metrics and snapshot names aside)."""
    data = node.repo / "data"
    keep = [p for p in data.rglob("*.jsonl") if "snapshots" not in p.parts]
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(keep)}


def start(node: Node) -> subprocess.Popen[bytes]:
    """Start the installed fedlearn sync for ``node``."""
    command = [*fedlearn_command(), "sync", "-q", "--config", str(node.config_file)]
    return subprocess.Popen(
        command, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def feed(node: Node, part: int) -> None:
    """Append part ``part`` of the shared input to the node's runtime files."""
    events = list(sample.events(30_000, seed=11, interaction_share=0.2))
    chats = list(sample.chat_records(300, seed=5))
    size, chat_size = len(events) // PARTS, len(chats) // PARTS
    write_jsonl(node.telemetry, events[part * size : (part + 1) * size], append=True)
    write_jsonl(node.dataset, chats[part * chat_size : (part + 1) * chat_size], append=True)


def test_sync_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    """Killed syncs plus one rerun per part give byte-identical files and no temp files."""
    reference = Node(tmp_path / "reference", "alpha", init_repo(tmp_path / "reference" / "repo"))
    crashed = Node(tmp_path / "crashed", "alpha", init_repo(tmp_path / "crashed" / "repo"))
    rng = random.Random(20261128)
    kills = 0
    for part in range(PARTS):
        feed(reference, part)
        began = time.monotonic()
        assert start(reference).wait(timeout=300) == 0
        duration = time.monotonic() - began
        feed(crashed, part)
        for _ in range(KILLS_PER_PART):
            process = start(crashed)
            time.sleep(rng.uniform(0.05, duration * 0.9))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=300)
        assert start(crashed).wait(timeout=300) == 0
    # The reference run's duration sets the kill window; on a loaded machine a few syncs may still
    # finish first, but most kills must land mid-run for the test to mean anything.
    assert kills >= PARTS * KILLS_PER_PART // 3, f"only {kills} kills landed while sync was running"
    assert compared(crashed) == compared(reference)
    leftovers = [
        p for root in (crashed.repo, crashed.state) for p in root.rglob("*") if atomic.is_temp(p)
    ]
    assert leftovers == []
    assert not (crashed.state / "journal" / "sync.json").exists()
