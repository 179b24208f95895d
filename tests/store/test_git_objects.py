"""Git's object side on real temporary repositories: the author, scratch-index commits, staged exports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fedlearn.errors import ConfigError, GitError
from fedlearn.store import git_objects
from tests.conftest import ROOT, git
from tests.store.conftest import AUTHOR, commit_file, commit_through_scratch


def test_identity_rejects_an_author_without_email(repo: Path) -> None:
    """publish.author must read ``Name <email>``."""
    with pytest.raises(ConfigError, match=r"publish\.author"):
        git_objects.identity(repo, "just a name")


def test_identity_sets_the_author(repo: Path) -> None:
    """The configured author becomes GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL."""
    env = git_objects.identity(repo, "Node Three <node3@fed.invalid>")
    assert env["GIT_AUTHOR_NAME"] == "Node Three"
    assert env["GIT_AUTHOR_EMAIL"] == "node3@fed.invalid"


def test_identity_never_keeps_a_committer_git_guessed_from_the_hostname(tmp_path: Path) -> None:
    """With no configured identity on a host with a domain name, the host stays out of commits."""
    bare = tmp_path / "bare"
    subprocess.run(["git", "init", "-q", str(bare)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "EMAIL"}
    env |= {"HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "PYTHONPATH": str(ROOT)}
    code = (
        "import json, pathlib; from fedlearn.store import git_objects; "
        f"print(json.dumps(git_objects.identity(pathlib.Path({str(bare)!r}), 'fed <fed@localhost>')))"
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
    with git_objects.scratch_index(repo) as index:
        git_objects.stage(repo, index, ["data/alpha.jsonl"])
        users = commit_file(repo, "mine.txt", "x\n")
        with pytest.raises(GitError):
            git_objects.commit(repo, index, "fedlearn: test", AUTHOR, ["data/alpha.jsonl"])
    assert git(repo, "rev-parse", "HEAD").strip() == users


def test_scratch_index_is_removed_afterwards(repo: Path) -> None:
    """The private index file does not outlive the block."""
    with git_objects.scratch_index(repo) as index:
        path = Path(index.env["GIT_INDEX_FILE"])
        assert path.exists()
    assert not path.exists()


def test_export_writes_the_staged_content_not_the_work_tree(repo: Path, tmp_path: Path) -> None:
    """What is exported is what is staged, even when the file changed afterwards."""
    (repo / "data").mkdir()
    (repo / "data" / "alpha.jsonl").write_text("staged\n")
    with git_objects.scratch_index(repo) as index:
        git_objects.stage(repo, index, ["data/alpha.jsonl"])
        (repo / "data" / "alpha.jsonl").write_text("written later\n")
        git_objects.export(repo, index, ["data/alpha.jsonl"], tmp_path / "out")
    assert (tmp_path / "out" / "data" / "alpha.jsonl").read_text() == "staged\n"
