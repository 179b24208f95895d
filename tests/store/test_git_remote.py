"""The git adapter, remote side, on real temporary repositories: fetch, integrate, push retry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.errors import GitError
from fedlearn.store import git_local, git_remote
from tests.conftest import git, init_repo
from tests.store.conftest import (
    AUTHOR,
    clone,
    commit_file,
    conflicting_histories,
    install_racer,
    interrupted_rebase,
)


def test_abort_interrupted_rebase_undoes_fedlearns_own(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A rebase fedlearn started and a kill interrupted is aborted; the branch is as before."""
    started_from = interrupted_rebase(repo, remote, tmp_path, ours=True)
    assert git_remote.abort_interrupted_rebase(repo)
    git_local.check_safe(repo, "main")
    assert git(repo, "rev-parse", "HEAD").strip() == started_from
    assert not git_local.git_path(repo, git_remote.REBASE_MARK).exists()


def test_abort_interrupted_rebase_leaves_the_users_own(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A rebase that did not start where fedlearn's mark says is the user's: refused, not undone."""
    interrupted_rebase(repo, remote, tmp_path, ours=False)
    assert not git_remote.abort_interrupted_rebase(repo)
    with pytest.raises(GitError, match="a rebase is in progress"):
        git_local.check_safe(repo, "main")


def test_integrate_leaves_no_rebase_mark(repo: Path, remote: Path, tmp_path: Path) -> None:
    """Whether the rebase lands or stops (and is aborted), the mark is gone afterwards."""
    conflicting_histories(repo, remote, tmp_path)
    with pytest.raises(GitError, match="rebase of"):
        git_remote.integrate(repo, git(repo, "rev-parse", "origin/main").strip(), {})
    assert not git_local.git_path(repo, git_remote.REBASE_MARK).exists()
    assert not git_local.git_path(repo, "rebase-merge").exists()


def test_fetch_returns_none_when_the_remote_has_no_branch(tmp_path: Path) -> None:
    """An empty remote (no branch yet) is not an error."""
    bare = init_repo(tmp_path / "empty.git", bare=True)
    local = init_repo(tmp_path / "local")
    git(local, "remote", "add", "origin", str(bare))
    assert git_remote.fetch(local, "origin", "main") is None


def test_fetch_reads_git_in_english_whatever_the_users_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's messages are matched, so git runs with LC_ALL=C even under a translated locale."""
    seen = tmp_path / "locale"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    real = shutil.which("git")
    wrapper.write_text(f'#!/bin/sh\necho "$LC_ALL" >> {seen}\nexec {real} "$@"\n')
    wrapper.chmod(0o755)
    bare = init_repo(tmp_path / "empty.git", bare=True)
    local = init_repo(tmp_path / "local")
    git(local, "remote", "add", "origin", str(bare))
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    assert git_remote.fetch(local, "origin", "main") is None
    assert set(seen.read_text().split()) == {"C"}


def test_fetch_from_a_remote_that_hangs_fails_with_a_clear_error(tmp_path: Path) -> None:
    """A remote that stops answering does not hold the job (and its lock) for ever."""
    local = init_repo(tmp_path / "local")
    git(local, "config", "protocol.ext.allow", "always")
    git(local, "remote", "add", "origin", "ext::sleep 5")
    with pytest.raises(
        GitError, match=r"git fetch -q --no-tags in .* no answer after 0.5 s"
    ) as caught:
        git_remote.fetch(local, "origin", "main", timeout=0.5)
    assert "remote -v" in caught.value.hint


def test_push_raises_push_rejected_when_the_remote_moved(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A push from a stale clone is a PushRejectedError (retryable), not a plain failure."""
    other = clone(remote, tmp_path / "other")
    commit_file(other, "theirs.txt", "x\n")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "ours.txt", "y\n")
    with pytest.raises(git_remote.PushRejectedError):
        git_remote.push(repo, "origin", "main")


def test_integrate_fast_forwards_with_a_dirty_work_tree(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """Behind the remote, the branch fast-forwards and the user's modified file stays modified."""
    other = clone(remote, tmp_path / "other")
    upstream = commit_file(other, "theirs.txt", "x\n")
    git(other, "push", "-q", "origin", "main")
    (repo / "README.md").write_text("my edit\n")
    fetched = git_remote.fetch(repo, "origin", "main")
    assert fetched == upstream
    assert git_remote.integrate(repo, fetched, AUTHOR) == "fast-forward"
    assert git(repo, "status", "--porcelain").strip() == "M README.md"


def test_integrate_rebases_when_clean_and_merges_when_dirty(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """Diverged history is rebased on a clean tree, merged (keeping the user's edit) on a dirty one."""
    other = clone(remote, tmp_path / "other")
    commit_file(other, "theirs.txt", "x\n")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "ours.txt", "y\n")
    upstream = git_remote.fetch(repo, "origin", "main")
    assert upstream is not None
    assert git_remote.integrate(repo, upstream, AUTHOR) == "rebase"
    assert git(repo, "rev-list", "--merges", "--count", "HEAD").strip() == "0"
    commit_file(other, "theirs2.txt", "x\n")
    git(other, "pull", "-q", "--rebase", "origin", "main")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "ours2.txt", "y\n")
    (repo / "README.md").write_text("my edit\n")
    upstream = git_remote.fetch(repo, "origin", "main")
    assert upstream is not None
    assert git_remote.integrate(repo, upstream, AUTHOR) == "merge"
    assert (repo / "README.md").read_text() == "my edit\n"
    assert git(repo, "status", "--porcelain").strip() == "M README.md"


def test_integrate_aborts_a_conflicting_rebase(repo: Path, remote: Path, tmp_path: Path) -> None:
    """A conflict in the user's own commits undoes the rebase and says how to go on."""
    conflicting_histories(repo, remote, tmp_path)
    before = git(repo, "rev-parse", "HEAD")
    with pytest.raises(GitError, match="rebase") as caught:
        git_remote.integrate(repo, git(repo, "rev-parse", "origin/main").strip(), AUTHOR)
    assert "pull" in caught.value.hint
    assert git(repo, "rev-parse", "HEAD") == before
    assert not git_local.git_path(repo, "rebase-merge").exists()


def test_push_with_retry_fetches_rebases_and_pushes_again(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """A push that loses a race is retried after fetch and rebase, and lands on top of the rival."""
    rival = clone(remote, tmp_path / "rival")
    install_racer(repo, rival, times=1)
    mine = commit_file(repo, "ours.txt", "y\n")
    settings = config.Publish(push_attempts=3, push_deadline=60.0)
    pushed = git_remote.push_with_retry(repo, settings, AUTHOR)
    assert pushed.attempts == 2
    assert pushed.integration == "rebase"
    remote_head = git(remote, "rev-parse", "main").strip()
    assert remote_head == pushed.commit != mine
    assert git(remote, "log", "--format=%s", "main").split("\n")[:2] == ["change ours.txt", "race"]


def test_push_with_retry_gives_up_after_the_attempt_cap(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """When every push loses, the policy stops at push_attempts and the local commit is kept."""
    rival = clone(remote, tmp_path / "rival")
    install_racer(repo, rival, times=100)
    commit_file(repo, "ours.txt", "y\n")
    settings = config.Publish(push_attempts=2, push_deadline=60.0)
    with pytest.raises(GitError, match="2 attempts") as caught:
        git_remote.push_with_retry(repo, settings, AUTHOR)
    assert "fedlearn publish" in caught.value.hint
    assert (repo / ".git" / "races").read_text().strip() == "2"
    assert git(repo, "log", "--format=%s", "-1").strip() == "change ours.txt"
    assert "change ours.txt" not in git(remote, "log", "--format=%s", "main")


def test_abort_interrupted_rebase_leaves_the_users_own_from_the_commit_of_a_stale_mark(
    repo: Path, remote: Path, tmp_path: Path
) -> None:
    """
    A run killed before its rebase began leaves a mark; a rebase the user then starts from that
    same commit (onto another) is still the user's: refused, never aborted.
    """
    conflicting_histories(repo, remote, tmp_path)
    head = git(repo, "rev-parse", "HEAD").strip()
    upstream = git(repo, "rev-parse", "origin/main").strip()
    killed = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from fedlearn.store import git_local, git_remote\n"
        "real = git_local.run\n"
        "def run(repo, *args, **kwargs):\n"
        "    if args[0] == 'rebase':\n"
        "        os._exit(9)  # killed before git rebase began\n"
        "    return real(repo, *args, **kwargs)\n"
        "git_local.run = run\n"
        "git_remote.rebase(Path(sys.argv[1]), sys.argv[2], sys.argv[3], {})\n"
    )
    process = subprocess.run([sys.executable, "-c", killed, str(repo), head, upstream], check=False)
    assert process.returncode == 9 and git_local.git_path(repo, git_remote.REBASE_MARK).exists()
    users = subprocess.run(
        ["git", "-C", str(repo), "rebase", "-x", "false", "HEAD~1"],
        capture_output=True,
        check=False,
    )
    assert users.returncode != 0 and git_local.git_path(repo, "rebase-merge").is_dir()
    assert not git_remote.abort_interrupted_rebase(repo)
    assert git_local.git_path(repo, "rebase-merge").is_dir()
