"""The federation checkout: one writer at a time, and what a run killed inside git left is cleared.

Through the installed command, on real clones of a bare remote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fedlearn.learn import patterns
from tests.conftest import Node, cli_env, fedlearn_command, git, write_jsonl

pytestmark = pytest.mark.e2e


def events(first: int, count: int) -> list[dict[str, Any]]:
    """Return ``count`` high-value events, one pattern each, numbered from ``first``."""
    return [
        {
            "timestamp": "2026-01-02T03:04:05Z",
            "value_score": 0.9,
            "error_message": f"error {number}: service failed",
            "solution": f"restart dependency {number}",
        }
        for number in range(first, first + count)
    ]


def sightings(node: Node) -> int:
    """Return how many sightings this node's pattern files count for it."""
    table = patterns.read_node(node.repo, "error-solutions", node.name)
    return sum(pattern.seen.get(node.name, 0) for pattern in table.values())


def slow_rebase_git(folder: Path, flag: Path, go: Path) -> dict[str, str]:
    """
    Put a ``git`` first on PATH whose rebase stays in flight (an ``--exec`` step after each
    commit) until ``go`` exists or about 5 s passed; ``flag`` appears when such a rebase starts.
    Return the environment that uses it.
    """
    real = shutil.which("git")
    assert real is not None
    wait = f"i=0; while [ ! -e {go} ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done"
    script = folder / "git"
    script.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in --abort|--continue|--quit|--skip) '
        f'exec {real} "$@";; esac; done\n'
        'for a in "$@"; do if [ "$a" = rebase ]; then '
        f"touch {flag}; exec {real} \"$@\" --exec '{wait}'; fi; done\n"
        f'exec {real} "$@"\n'
    )
    script.chmod(0o755)
    return cli_env() | {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def start(node: Node, job: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """Start the installed ``fedlearn JOB`` for ``node`` with ``env``."""
    command = [*fedlearn_command(), job, "--config", str(node.config_file)]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_sync_during_a_publish_rebase_loses_no_event(
    make_node: Callable[..., Node], tmp_path: Path
) -> None:
    """A sync started while publish's rebase is in flight waits for it: every event is counted."""
    alpha, beta = make_node("alpha"), make_node("beta")
    write_jsonl(alpha.telemetry, events(0, 20))
    alpha.run("sync")
    write_jsonl(beta.telemetry, events(1000, 5))
    beta.run("sync")
    beta.run("publish")  # the remote moves on: alpha's publish has to rebase
    flag, go = tmp_path / "rebasing", tmp_path / "go"
    env = slow_rebase_git(tmp_path, flag, go)
    publish = start(alpha, "publish", env)
    while not flag.exists() and publish.poll() is None:
        time.sleep(0.02)
    assert flag.exists(), publish.communicate()
    write_jsonl(alpha.telemetry, events(20, 30), append=True)
    sync = start(alpha, "sync", cli_env())
    _, sync_err = sync.communicate()
    go.touch()
    _, err = publish.communicate()
    assert publish.returncode == 0, err
    assert sync.returncode == 0, sync_err
    alpha.run("sync")
    assert sightings(alpha) == 50
    alpha.run("publish")
    assert git(alpha.repo, "status", "--porcelain", "--", "data") == ""


def test_publish_clears_what_a_kill_inside_git_left(node: Node) -> None:
    """Git's stale lock files, dead scratch indexes and scratch folders are removed with a
    warning, and the publish goes through."""
    write_jsonl(node.telemetry, events(0, 3))
    node.run("sync")
    git_dir = node.repo / ".git"
    old = time.time() - 60
    planted = [
        git_dir / "index.lock",
        git_dir / "HEAD.lock",
        git_dir / "refs" / "heads" / "main.lock",
        git_dir / "fedlearn-index.999999999",
        git_dir / "fedlearn-index.999999999.lock",
    ]
    for path in planted:
        path.write_bytes(b"")
        os.utime(path, (old, old))
    scratch = node.state / "publish-999999999-abcd"
    (scratch / "data").mkdir(parents=True)
    process = node.run("publish")
    assert [path for path in planted if path.exists()] == []
    assert not scratch.exists()
    assert "left by a git command that was killed" in process.stderr
    assert git(node.repo, "status", "--porcelain") == ""
    node.run("pull", "--no-import")


def test_a_git_lock_is_kept_while_git_runs_in_the_checkout(node: Node, tmp_path: Path) -> None:
    """An old index.lock is kept while a git process works in the checkout (a user's ``git
    commit`` waiting for its editor holds it): publish fails instead of breaking that commit."""
    write_jsonl(node.telemetry, events(0, 3))
    node.run("sync")
    lock = node.repo / ".git" / "index.lock"
    lock.write_bytes(b"")
    old = time.time() - 60
    os.utime(lock, (old, old))
    sleeper = shutil.which("sleep")
    assert sleeper is not None
    (tmp_path / "bin").mkdir()
    named_git = Path(shutil.copy(sleeper, tmp_path / "bin" / "git"))  # /proc/PID/comm says git
    holder = subprocess.Popen([str(named_git), "60"], cwd=node.repo)
    try:
        process = node.run("publish", check=False)
    finally:
        holder.kill()
        holder.wait()
    assert process.returncode == 1
    assert lock.exists()
    assert "but git runs there" in process.stderr
    node.run("publish")
