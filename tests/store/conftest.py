"""Shared setup of the store tests: repositories, clones, commits, racing pushes; own files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fedlearn.formats import layout
from fedlearn.learn import patterns
from fedlearn.store import git_local, git_objects, git_remote, own, own_adopt, state
from tests.conftest import git

AUTHOR = {"GIT_AUTHOR_NAME": "fedlearn", "GIT_AUTHOR_EMAIL": "fedlearn@localhost"}


def clone(remote: Path, path: Path) -> Path:
    """Return a clone of ``remote`` at ``path`` with a local identity."""
    subprocess.run(["git", "clone", "-q", str(remote), str(path)], check=True)
    git(path, "config", "user.email", "test@example.invalid")
    git(path, "config", "user.name", "fedlearn test")
    return path


def commit_file(repo: Path, name: str, text: str) -> str:
    """Write, add and commit one file with plain git; return the new commit."""
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"change {name}")
    return git(repo, "rev-parse", "HEAD").strip()


def commit_through_scratch(repo: Path, files: list[str], message: str = "fedlearn: test") -> str:
    """Stage ``files`` in a scratch index and commit them as publish does; return the commit."""
    with git_objects.scratch_index(repo) as index:
        git_objects.stage(repo, index, files)
        changes = git_objects.staged(repo, index)
        return git_objects.commit(repo, index, message, AUTHOR, [path for _, path in changes])


def blob_of(repo: Path) -> str:
    """Write a small blob; return its id."""
    return (
        subprocess.run(
            ["git", "-C", str(repo), "hash-object", "-w", "--stdin"],
            input=b"x\n",
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )


def mktree(repo: Path, listing: str) -> str:
    """Return the tree git makes of a ``ls-tree -z`` style listing."""
    return (
        subprocess.run(
            ["git", "-C", str(repo), "mktree", "-z", "--missing"],
            input=listing.encode("utf-8", "surrogateescape"),
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )


@pytest.fixture
def repo(remote: Path, tmp_path: Path) -> Path:
    """Return a clone of the shared bare remote."""
    return clone(remote, tmp_path / "clone")


def conflicting_histories(repo: Path, remote: Path, tmp_path: Path) -> None:
    """Make ``repo`` and the remote disagree about README.md."""
    other = clone(remote, tmp_path / "other")
    commit_file(other, "README.md", "theirs\n")
    git(other, "push", "-q", "origin", "main")
    commit_file(repo, "README.md", "ours\n")
    git(repo, "fetch", "-q", "origin")


def interrupted_rebase(repo: Path, remote: Path, tmp_path: Path, *, ours: bool) -> str:
    """
    Leave ``repo`` as a fedlearn run killed mid-rebase does (the rebase stopped, the mark kept),
    or with a rebase of the user's (``ours`` false); return the commit the rebase started from.
    """
    conflicting_histories(repo, remote, tmp_path)
    started_from = git(repo, "rev-parse", "HEAD").strip()
    mark = started_from if ours else "0" * 40
    onto = git(repo, "rev-parse", "origin/main").strip()
    git_local.git_path(repo, git_remote.REBASE_MARK).write_text(f"{mark}\n{onto}\n")
    process = subprocess.run(
        ["git", "-C", str(repo), "rebase", "origin/main"], capture_output=True, check=False
    )
    assert process.returncode != 0 and git_local.git_path(repo, "rebase-merge").is_dir()
    return started_from


def install_racer(repo: Path, rival: Path, times: int) -> None:
    """Make ``rival`` push a new commit just before each of ``repo``'s first ``times`` pushes."""
    hook = repo / ".git" / "hooks" / "pre-push"
    counter = repo / ".git" / "races"
    hook.write_text(
        "#!/bin/sh\n"
        "unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_CONFIG_PARAMETERS\n"
        f"count=$(cat {counter} 2>/dev/null || echo 0)\n"
        f'[ "$count" -ge {times} ] && exit 0\n'
        f"echo $((count + 1)) > {counter}\n"
        f"echo race $count >> {rival}/race.txt\n"
        f"git -C {rival} add race.txt && git -C {rival} commit -q -m race\n"
        f"git -C {rival} push -q origin main\n"
    )
    hook.chmod(0o755)


SEEN = "2026-01-01T00:00:00Z"


def made(count: int, node: str = "alpha") -> list[patterns.Pattern]:
    """Return ``count`` error-solutions patterns of ``node``."""
    return [
        patterns.build(
            "error-solutions", {"error_message": f"e{n}", "solution": "s"}, 0.9, SEEN, node
        )
        for n in range(count)
    ]


def adopted_files(tmp_path: Path, items: list[patterns.Pattern]) -> own.OwnFiles:
    """Return alpha's files after adopting an old-layout file of ``items`` and a telemetry file."""
    repo = tmp_path / "repo"
    old = layout.pattern_file(repo, "error-solutions", "alpha")
    old.parent.mkdir(parents=True)
    old.write_bytes(patterns.encode(patterns.join_all(items)))
    layout.telemetry_file(repo, "alpha").parent.mkdir(parents=True)
    layout.telemetry_file(repo, "alpha").write_bytes(b'{"event":1}\n')
    return own_adopt.adopted(state.StateDir(tmp_path / "state"), repo, "alpha", "sync")
