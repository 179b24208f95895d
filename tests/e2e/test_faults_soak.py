"""Fault injection over minutes, deselected by default (``pytest -m soak``): every job looping at
once on one node while a peer pushes, and publish killed (process group, as systemd does) at
random moments. Both end with the data of a sequential run and nothing left behind.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn.formats import layout
from tests.conftest import (
    Node,
    cli_env,
    fedlearn_command,
    git,
    init_repo,
    own_pattern_bytes,
    write_jsonl,
)
from tests.store.test_checkout import events, sightings

pytestmark = [pytest.mark.e2e, pytest.mark.soak]

ROUNDS = 12
KILLS = 16
RETRACTED = "0" * 32


def loop(node: Node, args: list[str], rounds: int, failures: list[str]) -> None:
    """Run ``fedlearn ARGS`` ``rounds`` times; exit 0 or 3 (another job holds a lock) only."""
    for _ in range(rounds):
        process = node.run(*args, check=False)
        if process.returncode not in (0, 3):
            failures.append(f"{' '.join(args)} exited {process.returncode}: {process.stderr}")


def own_file(node: Node) -> bytes:
    """Return this node's error-solutions pattern file."""
    return own_pattern_bytes(node.repo, "error-solutions", node.name)


def test_every_job_at_once_loses_no_event(make_node: Callable[..., Node], tmp_path: Path) -> None:
    """Sync, retract, export, publish and pull loop at once while a peer pushes: the final data
    equals one sequential sync byte for byte, and every event written is counted."""
    alpha, beta = make_node("alpha"), make_node("beta")
    reference = Node(tmp_path / "reference", "alpha", init_repo(tmp_path / "reference" / "repo"))
    failures: list[str] = []

    def feed() -> None:
        for part in range(ROUNDS):
            write_jsonl(alpha.telemetry, events(part * 10, 10), append=True)
            write_jsonl(beta.telemetry, events(10_000 + part, 1), append=True)
            beta.run("sync")
            process = beta.run("publish", check=False)
            if process.returncode != 0:
                failures.append(f"beta publish: {process.stderr}")

    workers = [threading.Thread(target=feed)] + [
        threading.Thread(target=loop, args=(alpha, args, ROUNDS, failures))
        for args in (
            ["sync"],
            ["publish"],
            ["pull", "--no-import"],
            ["export"],
            ["retract", RETRACTED, "--reason", "soak"],
        )
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    alpha.run("sync")
    alpha.run("publish")
    write_jsonl(reference.telemetry, events(0, ROUNDS * 10))
    reference.run("sync")
    assert sightings(alpha) == ROUNDS * 10
    assert own_file(alpha) == own_file(reference)
    assert git(alpha.repo, "status", "--porcelain", "--", "data") == ""
    assert layout.retraction_file(alpha.repo, "alpha").exists()


def test_publish_killed_at_random_moments_recovers(make_node: Callable[..., Node]) -> None:
    """Publish SIGKILLed with its process group: every later run succeeds and nothing is left."""
    alpha, beta = make_node("alpha"), make_node("beta")
    later: list[str] = []
    rng = random.Random(20261205)
    command = [*fedlearn_command(), "publish", "--config", str(alpha.config_file)]
    landed = 0
    for part in range(KILLS):
        write_jsonl(alpha.telemetry, events(part * 5, 5), append=True)
        alpha.run("sync")
        write_jsonl(beta.telemetry, events(10_000 + part, 1), append=True)
        beta.run("sync")
        beta.run("publish")
        process = subprocess.Popen(
            command,
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.2, 1.5))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            landed += 1
        process.wait()
        # The run after each kill (a publish or a pull, by turns) must succeed by itself.
        after = ["publish"] if part % 2 else ["pull", "--no-import"]
        done = alpha.run(*after, check=False)
        if done.returncode != 0:
            later.append(
                f"{' '.join(after)} after kill {part} exited {done.returncode}: {done.stderr}"
            )
    assert landed >= KILLS // 3, f"only {landed} kills landed while publish ran"
    assert later == []
    alpha.run("publish")
    alpha.run("pull", "--no-import")
    git_dir = alpha.repo / ".git"
    leftovers = [*git_dir.glob("*.lock"), *git_dir.glob("refs/**/*.lock")]
    leftovers += [*git_dir.glob("fedlearn-index.*"), *alpha.state.glob("publish-*")]
    leftovers += [
        git_dir / name for name in ("rebase-merge", "rebase-apply") if (git_dir / name).exists()
    ]
    assert leftovers == []
    assert sightings(alpha) == KILLS * 5
    assert git(alpha.repo, "status", "--porcelain") == ""
    shards = layout.node_pattern_files(alpha.repo, "error-solutions", "alpha")
    assert shards
    for shard in shards:
        remote_copy = git(alpha.repo, "show", f"origin/main:{shard.relative_to(alpha.repo)}")
        assert remote_copy.encode() == shard.read_bytes()
    remote_names = git(
        alpha.repo,
        "ls-tree",
        "--name-only",
        "origin/main",
        f"{shards[0].parent.relative_to(alpha.repo)}/",
    )
    assert remote_names.split() == [str(s.relative_to(alpha.repo)) for s in shards]
