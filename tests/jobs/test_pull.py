"""fedlearn pull on real clones: fast-forward, rebase of local commits, refusals, import after pull."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fedlearn.formats import layout
from fedlearn.store import state
from fedlearn.vectors import import_quarantine
from tests.conftest import Node, git, init_repo
from tests.jobs.conftest import learn


def pull(node: Node, *args: str) -> dict[str, Any]:
    """Run ``fedlearn pull --json`` for ``node`` and return its answer."""
    answer: dict[str, Any] = json.loads(node.run("pull", "--json", *args).stdout)
    return answer


def test_pull_fast_forwards_and_lists_changed_data_files(make_node: Callable[..., Node]) -> None:
    """What another node published arrives by fast-forward; the changed data/ files are listed."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    answer = pull(alpha, "--no-import")
    assert answer["integration"] == "fast-forward"
    assert answer["data_files"] == ["data/patterns/error-solutions/beta.jsonl"]
    assert answer["to"] == git(alpha.repo, "rev-parse", "HEAD").strip()
    assert layout.pattern_file(alpha.repo, "error-solutions", "beta").exists()


def test_pull_is_idle_when_up_to_date(make_node: Callable[..., Node]) -> None:
    """Nothing new and imported already: state idle, no data/ files, and import is not run."""
    alpha = make_node("alpha")
    first = pull(alpha)
    assert first["state"] == "idle" and first["data_files"] == []
    assert "import" in first  # this node never imported: the first pull catches up
    answer = pull(alpha)
    assert answer["state"] == "idle"
    assert answer["data_files"] == []
    assert "import" not in answer


def test_pull_imports_what_publish_brought_in(make_node: Callable[..., Node]) -> None:
    """Publish integrates other nodes' data before pushing; the next pull imports it."""
    alpha, beta = make_node("alpha"), make_node("beta")
    pull(alpha)
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    learn(alpha, "error-solutions", "disk full")
    alpha.run("publish")
    answer = pull(alpha)
    assert answer["data_files"] == []
    assert answer["import"]["collections"]["error-solutions"]["imported"] == 2


def test_pull_imports_again_while_points_are_set_aside(make_node: Callable[..., Node]) -> None:
    """A point waiting in import's quarantine makes every pull run import, which retries it."""
    alpha = make_node("alpha")
    learn(alpha, "error-solutions", "port in use")
    pull(alpha)
    waiting = import_quarantine.set_aside(
        "patterns", "error-solutions", "0" * 8 + "-0000-0000-0000-" + "0" * 12, "text", "HTTP 400"
    )
    store = state.StateDir(alpha.state)
    import_quarantine.save(store, [waiting])
    answer = pull(alpha)
    assert answer["data_files"] == [] and list(answer["import"]["collections"]) == [
        "error-solutions"
    ]
    assert not import_quarantine.file(store).exists()
    assert "import" not in pull(alpha)


def test_pull_skips_import_when_switched_off(make_node: Callable[..., Node]) -> None:
    """With pull.import_after = false, changed data/ does not start import."""
    alpha, beta = make_node("alpha", pull={"import_after": False}), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    answer = pull(alpha)
    assert answer["data_files"] and "import" not in answer


def test_pull_rebases_local_fedlearn_commits(make_node: Callable[..., Node], remote: Path) -> None:
    """A local commit not pushed yet is rebased onto the remote: linear history, nothing lost."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(alpha, "error-solutions", "disk full")
    git(alpha.repo, "add", "data")
    git(alpha.repo, "commit", "-q", "-m", "fedlearn: node alpha +1 pattern")
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    answer = pull(alpha, "--no-import")
    assert answer["integration"] == "rebase"
    assert answer["data_files"] == ["data/patterns/error-solutions/beta.jsonl"]
    assert git(alpha.repo, "rev-list", "--merges", "--count", "HEAD").strip() == "0"
    assert (
        git(alpha.repo, "rev-parse", "HEAD~1").strip() == git(remote, "rev-parse", "main").strip()
    )


def test_pull_keeps_the_users_modified_and_staged_files(make_node: Callable[..., Node]) -> None:
    """With local commits and user edits, the remote is merged in place; the edits stay as they were."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(alpha, "error-solutions", "disk full")
    git(alpha.repo, "add", "data")
    git(alpha.repo, "commit", "-q", "-m", "fedlearn: node alpha +1 pattern")
    (alpha.repo / "README.md").write_text("my own edit\n")
    (alpha.repo / "staged.nix").write_text("{ }\n")
    git(alpha.repo, "add", "staged.nix")
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    answer = pull(alpha, "--no-import")
    assert answer["integration"] == "merge"
    status = git(alpha.repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert sorted(status) == [" M README.md", "A  staged.nix"]
    assert layout.pattern_file(alpha.repo, "error-solutions", "beta").exists()


def test_pull_refuses_to_overwrite_the_users_changes(make_node: Callable[..., Node]) -> None:
    """When the remote changed a file the user is editing, pull refuses and keeps the edit."""
    alpha, beta = make_node("alpha"), make_node("beta")
    (beta.repo / "README.md").write_text("theirs\n")
    git(beta.repo, "commit", "-q", "-am", "theirs")
    git(beta.repo, "push", "-q", "origin", "main")
    (alpha.repo / "README.md").write_text("mine\n")
    head = git(alpha.repo, "rev-parse", "HEAD")
    process = alpha.run("pull", check=False)
    assert process.returncode == 1
    assert "fast-forward" in process.stderr and "README.md" in process.stderr
    assert "hint:" in process.stderr
    assert (alpha.repo / "README.md").read_text() == "mine\n"
    assert git(alpha.repo, "rev-parse", "HEAD") == head


def test_pull_refuses_without_a_remote(tmp_path: Path) -> None:
    """A repository without the configured remote is refused with the command that adds one."""
    lone = Node(tmp_path / "solo", "lone", init_repo(tmp_path / "solo" / "repo"))
    process = lone.run("pull", check=False)
    assert process.returncode == 1
    assert "no remote 'origin'" in process.stderr
    assert "remote add origin" in process.stderr


def test_pull_refuses_a_detached_head(make_node: Callable[..., Node]) -> None:
    """A detached HEAD is refused with exit 1."""
    alpha = make_node("alpha")
    git(alpha.repo, "checkout", "-q", "--detach")
    process = alpha.run("pull", check=False)
    assert process.returncode == 1
    assert "HEAD is detached" in process.stderr


def test_pull_dry_run_lists_incoming_files_and_changes_nothing(
    make_node: Callable[..., Node],
) -> None:
    """--dry-run fetches and lists what would arrive; HEAD and the work tree stay."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    head = git(alpha.repo, "rev-parse", "HEAD")
    process = alpha.run("pull", "--dry-run")
    assert "would bring in 1 changed data/ files (dry run)" in process.stdout
    assert "data/patterns/error-solutions/beta.jsonl (dry run)" in process.stdout
    assert git(alpha.repo, "rev-parse", "HEAD") == head
    assert not layout.pattern_file(alpha.repo, "error-solutions", "beta").exists()


def test_pull_runs_import_when_data_changed(make_node: Callable[..., Node]) -> None:
    """After a pull that changed data/, import runs and its facts join pull's answer."""
    pytest.importorskip("fedlearn.jobs.import_", reason="import lands with the qdrant branch")
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    beta.run("publish")
    answer = pull(alpha)
    assert answer["data_files"] == ["data/patterns/error-solutions/beta.jsonl"]
    assert "import" in answer


@pytest.mark.parametrize("job", ["pull", "publish"])
def test_publish_and_pull_never_share_the_checkout(node: Node, job: str) -> None:
    """Both rebase and move HEAD in the same checkout: while one holds the repo lock longer than
    ``repo_lock_wait``, the other exits 3 naming it, and the repo is untouched."""
    node.config_file.write_text("repo_lock_wait = 0.2\n" + node.config_file.read_text())
    before = git(node.repo, "rev-parse", "HEAD").strip()
    learn(node, "error-solutions", "port in use")
    with state.StateDir(node.state).repo_lock():
        process = node.run(job, check=False)
    assert process.returncode == 3, process.stderr
    assert "another job is already using the repo" in process.stderr
    assert "waited 0.2 s" in process.stderr
    assert git(node.repo, "rev-parse", "HEAD").strip() == before
    node.run(job)  # the lock is free again


def test_pull_from_a_remote_that_hangs_stops_at_publish_timeout(node: Node) -> None:
    """A remote that never answers fails pull at ``publish.timeout`` with a clear error."""
    git(node.repo, "config", "protocol.ext.allow", "always")
    git(node.repo, "remote", "set-url", "origin", "ext::sleep 30")
    text = node.config_file.read_text().replace("[publish]\n", "[publish]\ntimeout = 0.5\n")
    node.config_file.write_text(text)
    process = node.run("pull", "--no-import", check=False)
    assert process.returncode == 1
    assert "had no answer after 0.5 s" in process.stderr
