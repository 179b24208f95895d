"""Tests of fedlearn.store.git_incoming: the repair of fetched commits git refuses to check out."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from fedlearn.store import git_incoming, git_paths
from tests.conftest import git
from tests.store.conftest import blob_of, mktree


def test_many_refused_entries_name_a_few_and_the_repair_leaves_all_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,000 refused names (and a refused folder holding more of them): each outermost entry is
    found once, the repair warns about NAMED and counts the rest, and its tree holds none."""
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    repo = tmp_path / "r"
    git(tmp_path, "init", "-q", str(repo))
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@t"}
    (repo / "keep.txt").write_text("keep\n")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    blob = blob_of(repo)
    inner = mktree(repo, "".join(f"100644 blob {blob}\tx\\{n}\0" for n in range(50)))
    names = "".join(f"100644 blob {blob}\tbad\\{n:04d}\0" for n in range(2000))
    data = mktree(repo, names + f"040000 tree {inner}\t.git\0")
    root = mktree(repo, f"040000 tree {data}\tdata\x00100644 blob {blob}\tkeep.txt\0")
    args = ("-c", "user.name=t", "-c", "user.email=t@t", "commit-tree", root, "-p", "HEAD")
    tip = git(repo, *args, "-m", "many").strip()
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        fixed = git_incoming.repair(repo, tip, env)
    assert len(fixed.dropped) == 2001
    assert "data/.git" in {d.path for d in fixed.dropped}
    assert all(d.commit == tip for d in fixed.dropped)
    messages = list(
        dict.fromkeys(r.getMessage() for r in caplog.records)
    )  # a record may come twice
    assert len(messages) == git_paths.NAMED + 1
    assert messages[-1].startswith(f"{2001 - git_paths.NAMED} more tree entries")
    assert git(repo, "ls-tree", "-r", "--name-only", fixed.commit).split() == ["keep.txt"]
    assert git(repo, "rev-parse", f"{fixed.commit}^").strip() == tip
