"""The federation checkout: one writer at a time, and what a run killed inside git left is cleared.

Through the installed command, on real clones of a bare remote.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fedlearn.errors import GitError
from fedlearn.learn import patterns
from fedlearn.store import checkout, git_local, state
from tests.conftest import Node, cli_env, fedlearn_command, git, init_repo, write_jsonl
from tests.store.conftest import interrupted_rebase

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
    assert f"{lock}: git lock file left in the checkout" in process.stderr
    assert f"git may still hold it (pid {holder.pid})" in process.stderr
    node.run("publish")


def committing_git(repo: Path, folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """
    Start a real ``git commit -a`` of a changed file on ``repo``, run from ``folder`` (outside
    it, naming it with ``--git-dir``/``--work-tree``), whose editor waits until the returned file
    exists: git holds ``index.lock`` meanwhile. Return once the lock is there.
    """
    (repo / "notes.txt").write_text("first\n")
    git(repo, "add", "notes.txt")
    git(repo, "-c", "user.name=user", "-c", "user.email=u@localhost", "commit", "-q", "-m", "notes")
    (repo / "notes.txt").write_text("second\n")
    go, editing = folder / "go", folder / "editing"
    editor = folder / "editor"
    editor.write_text(
        f'#!/bin/sh\ntouch {editing}\nwhile [ ! -e {go} ]; do sleep 0.05; done\necho message > "$1"\n'
    )
    editor.chmod(0o755)
    command = [
        "git",
        f"--git-dir={repo / '.git'}",
        f"--work-tree={repo}",
        "commit",
        "-a",
    ]
    env = cli_env() | {
        "GIT_EDITOR": str(editor),
        "GIT_AUTHOR_NAME": "user",
        "GIT_AUTHOR_EMAIL": "u@localhost",
        "GIT_COMMITTER_NAME": "user",
        "GIT_COMMITTER_EMAIL": "u@localhost",
    }
    process = subprocess.Popen(command, cwd=folder, env=env, start_new_session=True)
    while not editing.exists():
        assert process.poll() is None, "git commit ended before its editor started"
        time.sleep(0.02)
    assert (repo / ".git" / "index.lock").exists()
    return process, go


def test_a_live_git_keeps_its_index_lock(node: Node, tmp_path: Path) -> None:
    """A user's ``git commit`` run from another folder, waiting for its editor, keeps the
    index.lock it holds: the job stops naming the lock and the git's pid, and the commit then
    goes through."""
    write_jsonl(node.telemetry, events(0, 3))
    node.run("sync")
    lock = node.repo / ".git" / "index.lock"
    committing, go = committing_git(node.repo, tmp_path)
    try:
        process = node.run("publish", check=False)
        assert lock.exists()
    finally:
        go.touch()
        assert committing.wait() == 0
    assert process.returncode == 1
    assert f"{lock}: git lock file left in the checkout" in process.stderr
    assert f"pid {committing.pid}" in process.stderr
    assert f"rm {lock}" in process.stderr
    node.run("publish")


def test_a_killed_git_loses_its_index_lock(node: Node, tmp_path: Path) -> None:
    """The index.lock of a ``git commit`` killed (with its editor) is removed with a warning by
    the next job, which goes through."""
    write_jsonl(node.telemetry, events(0, 3))
    node.run("sync")
    lock = node.repo / ".git" / "index.lock"
    committing, _ = committing_git(node.repo, tmp_path)
    os.killpg(committing.pid, signal.SIGKILL)
    committing.wait()
    assert lock.exists()
    process = node.run("publish")
    assert not lock.exists()
    assert f"removed {lock}, left by a git command that was killed" in process.stderr
    assert git(node.repo, "status", "--porcelain") == " M notes.txt\n"  # the user's edit stays


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_another_users_git_lock_is_kept(node: Node) -> None:
    """An old lock file of another user is never removed: that user's git may hold it."""
    lock = node.repo / ".git" / "HEAD.lock"
    lock.write_bytes(b"")
    os.chown(lock, 65534, 65534)
    old = time.time() - 60
    os.utime(lock, (old, old))
    process = node.run("publish", check=False)
    assert process.returncode == 1
    assert lock.exists()
    assert "it belongs to user 65534" in process.stderr


def old_lock(repo: Path, name: str = "index.lock") -> Path:
    """Return a git lock file planted a minute ago in ``repo``."""
    lock = repo / ".git" / name
    lock.write_bytes(b"")
    old = time.time() - 60
    os.utime(lock, (old, old))
    return lock


def test_a_lock_made_since_the_repo_lock_was_taken_is_left_alone(tmp_path: Path) -> None:
    """A git lock newer than the repo lock's acquisition is a live git's: kept, no error."""
    repo = init_repo(tmp_path / "repo")
    lock = old_lock(repo)
    checkout.recover(state.StateDir(tmp_path / "state"), repo, acquired=time.time() - 120)
    assert lock.exists()
    checkout.recover(state.StateDir(tmp_path / "state"), repo, acquired=time.time())
    assert not lock.exists()


def test_a_lock_some_process_has_open_is_kept(tmp_path: Path) -> None:
    """A process of any name with the lock file open may hold it: the error names the lock."""
    repo = init_repo(tmp_path / "repo")
    lock = old_lock(repo, "HEAD.lock")
    with lock.open("rb") as handle:
        holder = subprocess.Popen(["sleep", "60"], stdin=handle)
    try:
        with pytest.raises(GitError, match=f"{lock}: .*pid {holder.pid}"):
            checkout.recover(state.StateDir(tmp_path / "state"), repo, acquired=time.time())
    finally:
        holder.kill()
        holder.wait()
    assert lock.exists()


def test_no_lock_is_removed_without_a_process_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where processes cannot be listed (no /proc), an old git lock is kept and named."""
    repo = init_repo(tmp_path / "repo")
    lock = old_lock(repo)
    monkeypatch.setattr(checkout, "PROC", tmp_path / "no-proc")
    with pytest.raises(GitError, match="not readable here") as raised:
        checkout.recover(state.StateDir(tmp_path / "state"), repo, acquired=time.time())
    assert f"rm {lock}" in raised.value.hint
    assert lock.exists()


@pytest.mark.parametrize("naming", ["option", "environment"])
def test_a_ref_lock_of_a_live_git_run_from_elsewhere_is_kept(tmp_path: Path, naming: str) -> None:
    """A real ``git update-ref --stdin`` run from another folder, naming the repo with
    ``--git-dir`` or GIT_DIR, holds the locks of a prepared update of main (HEAD's and main's):
    they are kept, and the error names one and the git's pid."""
    repo = init_repo(tmp_path / "repo")
    git(repo, "commit", "-q", "--allow-empty", "-m", "first")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    git_dir = str(repo / ".git")
    option = [f"--git-dir={git_dir}"] if naming == "option" else []
    env = os.environ | ({"GIT_DIR": git_dir} if naming == "environment" else {})
    holder = subprocess.Popen(
        ["git", *option, "update-ref", "--stdin"],
        cwd=elsewhere,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("start\nupdate refs/heads/main HEAD\nprepare\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "start: ok\n"
    assert holder.stdout.readline() == "prepare: ok\n"
    locks = [repo / ".git" / "HEAD.lock", repo / ".git" / "refs" / "heads" / "main.lock"]
    try:
        with pytest.raises(GitError, match=f"{locks[0]}: .*pid {holder.pid}"):
            checkout.recover(state.StateDir(tmp_path / "state"), repo, acquired=time.time() + 1)
        assert all(lock.exists() for lock in locks)
    finally:
        holder.communicate("abort\n")
    assert not any(lock.exists() for lock in locks)


def test_a_lock_replaced_since_it_was_judged_is_not_removed(tmp_path: Path) -> None:
    """A lock file judged stale but replaced since (another git took the lock anew) stays; the
    one judged is removed."""
    lock = tmp_path / "index.lock"
    lock.write_bytes(b"")
    judged = lock.stat()
    replacement = tmp_path / "new"
    replacement.write_bytes(b"x")
    replacement.replace(lock)
    checkout.remove_if_unchanged(lock, judged)
    assert lock.read_bytes() == b"x"
    checkout.remove_if_unchanged(lock, lock.stat())
    assert not lock.exists()


def test_a_job_asks_git_where_its_checkout_is_once_and_clears_it_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A job that takes the repo lock again (a sync takes it up to three times) asks git for the
    work tree and git dirs only the first time; what a killed run left is still cleared each time.
    """
    repo = init_repo(tmp_path / "repo")
    store = state.StateDir(tmp_path / "state")
    asked: list[tuple[str, ...]] = []
    run = git_local.run

    def noted(path: Path, *args: str, **kwargs: Any) -> Any:
        asked.append(args)
        return run(path, *args, **kwargs)

    monkeypatch.setattr(git_local, "run", noted)
    checkout.recover(store, repo, acquired=time.time())
    first = len(asked)
    lock = old_lock(repo)
    checkout.recover(store, repo, acquired=time.time())
    assert not lock.exists()
    assert asked[first:] == []  # nor ``--git-path``: without a rebase mark, no git command
    assert any("--show-toplevel" in a for a in asked[:first])


def test_the_lock_aborts_the_rebase_a_killed_run_left(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """Taking the repo lock aborts fedlearn's interrupted rebase (its mark in the checkout's own
    git dir, where ``--git-path`` puts it in a linked worktree too)."""
    started_from = interrupted_rebase(repo, remote, tmp_path, ours=True)
    checkout.recover(state.StateDir(tmp_path / "state"), repo, acquired=time.time())
    assert git(repo, "rev-parse", "HEAD").strip() == started_from
    assert not git_local.git_path(repo, "rebase-merge").exists()
    linked = tmp_path / "linked"
    git(repo, "worktree", "add", "-q", "-b", "other", str(linked))
    own = git_local.git_dirs(linked)[0] / git_local.REBASE_MARK
    assert git_local.git_path(linked, git_local.REBASE_MARK) == own != repo / ".git" / own.name
