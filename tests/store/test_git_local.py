"""The git adapter, local side, on real temporary repositories: status, state checks, hardening."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from fedlearn.errors import GitError
from fedlearn.store import git_history, git_local
from tests.conftest import git, init_repo
from tests.store.conftest import conflicting_histories


def test_parse_status_reads_codes_paths_and_renames() -> None:
    """Porcelain v1 -z output gives one change per entry; a rename keeps its new path."""
    output = " M README.md\0R  new.txt\0old.txt\0?? data/x y.jsonl\0UU conflict.nix\0"
    changes = git_local.parse_status(output)
    assert [(c.code, c.path) for c in changes] == [
        (" M", "README.md"),
        ("R ", "new.txt"),
        ("??", "data/x y.jsonl"),
        ("UU", "conflict.nix"),
    ]
    assert [c.is_unmerged for c in changes] == [False, False, False, True]
    assert [c.is_tracked for c in changes] == [True, True, False, True]


def test_check_safe_accepts_a_clean_branch(repo: Path) -> None:
    """A checkout on the expected branch with no operation in progress is safe."""
    git_local.check_safe(repo, "main")


def test_check_safe_refuses_detached_head(repo: Path) -> None:
    """A detached HEAD is refused with a hint naming git switch."""
    git(repo, "checkout", "-q", "--detach")
    with pytest.raises(GitError, match="detached") as caught:
        git_local.check_safe(repo, "main")
    assert "git -C" in caught.value.hint
    assert "switch main" in caught.value.hint


def test_check_safe_refuses_another_branch(repo: Path) -> None:
    """Being on a branch other than publish.branch is refused."""
    git(repo, "switch", "-q", "-c", "feature")
    with pytest.raises(GitError, match="on branch feature"):
        git_local.check_safe(repo, "main")


def test_check_safe_accepts_the_branch_when_a_tag_has_its_name(repo: Path) -> None:
    """A tag named like the branch (a peer pushed one; fetch brought it) changes nothing."""
    git(repo, "tag", "main")
    git_local.check_safe(repo, "main")
    assert git_local.branch(repo) == "main"


def test_check_safe_refuses_an_unfinished_rebase(repo: Path, remote: Path, tmp_path: Path) -> None:
    """A rebase stopped on a conflict is refused, with the commands that finish or abort it."""
    conflicting_histories(repo, remote, tmp_path)
    process = subprocess.run(
        ["git", "-C", str(repo), "rebase", "origin/main"], capture_output=True, check=False
    )
    assert process.returncode != 0
    with pytest.raises(GitError, match="a rebase is in progress") as caught:
        git_local.check_safe(repo, "main")
    assert "git rebase --abort" in caught.value.hint


def test_check_safe_refuses_an_unfinished_merge(repo: Path, remote: Path, tmp_path: Path) -> None:
    """A merge stopped on a conflict is refused, with the commands that finish or abort it."""
    conflicting_histories(repo, remote, tmp_path)
    process = subprocess.run(
        ["git", "-C", str(repo), "merge", "origin/main"], capture_output=True, check=False
    )
    assert process.returncode != 0
    with pytest.raises(GitError, match="a merge is in progress") as caught:
        git_local.check_safe(repo, "main")
    assert "git merge --abort" in caught.value.hint


def test_check_safe_refuses_unmerged_paths(repo: Path, remote: Path, tmp_path: Path) -> None:
    """Conflicts left in the index (after the merge state itself is gone) are refused."""
    conflicting_histories(repo, remote, tmp_path)
    subprocess.run(
        ["git", "-C", str(repo), "merge", "origin/main"], capture_output=True, check=False
    )
    git_local.git_path(repo, "MERGE_HEAD").unlink()
    with pytest.raises(GitError, match=r"unresolved conflicts in README\.md"):
        git_local.check_safe(repo, "main")


def test_run_neutralizes_attributes_and_submodules_a_peer_commits(tmp_path: Path) -> None:
    """
    A committed ``.gitattributes`` (UTF-16, CRLF) leaves data/ byte for byte as committed, and a
    gitlink with a bad ``.gitmodules`` update leaves status working.
    """
    repo = init_repo(tmp_path / "repo")
    (repo / "data").mkdir()
    (repo / "data" / "a.jsonl").write_bytes(b"{}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "data")
    (repo / ".gitattributes").write_text("data/** working-tree-encoding=UTF-16\n* text eol=crlf\n")
    (repo / ".gitmodules").write_text(
        '[submodule "s"]\n\tpath = s\n\turl = ./x\n\tupdate = !true\n'
    )
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},s")
    git(repo, "add", ".gitattributes", ".gitmodules")
    git(repo, "commit", "-q", "-m", "hostile")
    (repo / "data" / "a.jsonl").unlink()
    git_local.run(repo, "checkout", "--", "data")
    assert (repo / "data" / "a.jsonl").read_bytes() == b"{}\n"
    assert git_local.status(repo) == []
    assert git_history.changed_paths(repo, head, git_local.head(repo), "data") == []
