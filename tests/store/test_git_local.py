"""The git adapter, local side, on real temporary repositories: state checks, scratch-index commits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fedlearn.errors import ConfigError, GitError
from fedlearn.store import git_local
from tests.conftest import ROOT, git, init_repo
from tests.store.conftest import AUTHOR, commit_file, commit_through_scratch, conflicting_histories


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


def test_identity_rejects_an_author_without_email(repo: Path) -> None:
    """publish.author must read ``Name <email>``."""
    with pytest.raises(ConfigError, match=r"publish\.author"):
        git_local.identity(repo, "just a name")


def test_identity_sets_the_author(repo: Path) -> None:
    """The configured author becomes GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL."""
    env = git_local.identity(repo, "Node Three <node3@fed.invalid>")
    assert env["GIT_AUTHOR_NAME"] == "Node Three"
    assert env["GIT_AUTHOR_EMAIL"] == "node3@fed.invalid"


def test_identity_never_keeps_a_committer_git_guessed_from_the_hostname(tmp_path: Path) -> None:
    """With no configured identity on a host with a domain name, the host stays out of commits."""
    bare = tmp_path / "bare"
    subprocess.run(["git", "init", "-q", str(bare)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "EMAIL"}
    env |= {"HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "PYTHONPATH": str(ROOT)}
    code = (
        "import json, pathlib; from fedlearn.store import git_local, git_remote; "
        f"print(json.dumps(git_local.identity(pathlib.Path({str(bare)!r}), 'fed <fed@localhost>')))"
    )
    # A UTS namespace of our own, so the host name can be one git would take an email from.
    namespace = ["unshare", "--map-root-user", "--uts", "sh", "-c"]
    probe = [*namespace, "hostname box.example.com && hostname"]
    if (
        shutil.which("unshare") is None
        or "box.example.com"
        not in subprocess.run(probe, capture_output=True, text=True, check=False).stdout
    ):
        pytest.skip("cannot set a host name in a user namespace here")
    script = f'hostname box.example.com && exec "$0" -c "{code}"'
    command = [*namespace, script, sys.executable]
    process = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["GIT_COMMITTER_EMAIL"] == "fed@localhost"


def test_commit_leaves_the_users_staged_changes_staged(repo: Path) -> None:
    """A scratch-index commit takes only its paths; what the user staged stays staged, uncommitted."""
    (repo / "notes.txt").write_text("mine\n")
    git(repo, "add", "notes.txt")
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("{}\n")
    created = commit_through_scratch(repo, ["data/alpha.jsonl"])
    assert git(repo, "show", "--name-only", "--format=", created).split() == ["data/alpha.jsonl"]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["notes.txt"]
    assert git(repo, "status", "--porcelain", "--", "data").strip() == ""


def test_commit_stages_deletions(repo: Path) -> None:
    """A file deleted from the work tree is committed as a deletion."""
    (repo / "data").mkdir()
    (repo / "data" / "old.jsonl").write_text("{}\n")
    commit_through_scratch(repo, ["data/old.jsonl"])
    (repo / "data" / "old.jsonl").unlink()
    created = commit_through_scratch(repo, ["data/old.jsonl"])
    assert git(repo, "show", "--name-status", "--format=", created).split() == [
        "D",
        "data/old.jsonl",
    ]
    assert git(repo, "status", "--porcelain").strip() == ""


def test_commit_refuses_when_head_moved_meanwhile(repo: Path) -> None:
    """A commit the user made while fedlearn staged is never lost: the branch does not move."""
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("{}\n")
    with git_local.scratch_index(repo) as index:
        git_local.stage(repo, index, ["data/alpha.jsonl"])
        users = commit_file(repo, "mine.txt", "x\n")
        with pytest.raises(GitError):
            git_local.commit(repo, index, "fedlearn: test", AUTHOR, ["data/alpha.jsonl"])
    assert git(repo, "rev-parse", "HEAD").strip() == users


def test_scratch_index_is_removed_afterwards(repo: Path) -> None:
    """The private index file does not outlive the block."""
    with git_local.scratch_index(repo) as index:
        path = Path(index.env["GIT_INDEX_FILE"])
        assert path.exists()
    assert not path.exists()


def test_export_writes_the_staged_content_not_the_work_tree(repo: Path, tmp_path: Path) -> None:
    """What is exported is what is staged, even when the file changed afterwards."""
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("staged\n")
    with git_local.scratch_index(repo) as index:
        git_local.stage(repo, index, ["data/alpha.jsonl"])
        (repo / "data" / "alpha.jsonl").write_text("written later\n")
        git_local.export(repo, index, ["data/alpha.jsonl"], tmp_path / "out")
    assert (tmp_path / "out" / "data" / "alpha.jsonl").read_text() == "staged\n"


def test_changed_paths_lists_files_between_commits(repo: Path) -> None:
    """Only paths under the given folder that differ between the commits are listed."""
    old = git(repo, "rev-parse", "HEAD").strip()
    commit_file(repo, "data/a.jsonl", "1\n")
    new = commit_file(repo, "other.txt", "2\n")
    assert git_local.changed_paths(repo, old, new, "data") == ["data/a.jsonl"]
    assert git_local.changed_paths(repo, new, new, "data") == []


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
    assert git_local.changed_paths(repo, head, git_local.head(repo), "data") == []
