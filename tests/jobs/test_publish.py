"""fedlearn publish on real clones of a bare remote: what is committed, what is refused, what is kept."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import CGIHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import patterns
from fedlearn.store import atomic
from tests.conftest import Node, git, init_repo

SEEN_AT = "2026-01-02T03:04:05Z"
TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


def learn(node: Node, category: str, text: str, score: float = 0.9) -> Pattern:
    """Add one pattern to ``node``'s own file, as sync would, and return it."""
    fields = {"error_message": text, "solution": f"fix for {text}"}
    pattern = patterns.build(category, fields, score, SEEN_AT, node.name)
    path = layout.pattern_file(node.repo, category, node.name)
    atomic.write(path, patterns.encode(patterns.join_all([*patterns.read(path), pattern])))
    return pattern


def publish(node: Node, *args: str, check: bool = True) -> dict[str, object]:
    """Run ``fedlearn publish --json`` for ``node`` and return its answer."""
    process = node.run("publish", "--json", *args, check=check)
    return json.loads(process.stdout) if process.stdout else {"exit": process.returncode}


def committed_files(repo: Path, revision: str = "HEAD") -> list[str]:
    """Return the files one commit changed."""
    return git(repo, "show", "--no-renames", "--name-only", "--format=", revision).split()


def snapshot(repo: Path) -> tuple[str, str, str]:
    """Return HEAD, the index listing and the status, to compare a repository before and after."""
    return (
        git(repo, "rev-parse", "HEAD"),
        git(repo, "ls-files", "--stage"),
        git(repo, "status", "--porcelain", "--untracked-files=all"),
    )


def test_publish_commits_only_this_nodes_files(make_node: Callable[..., Node]) -> None:
    """Another node's file in the clone and the user's own files are left out of the commit."""
    alpha = make_node("alpha")
    learn(alpha, "error-solutions", "disk full")
    stranger = layout.pattern_file(alpha.repo, "error-solutions", "beta")
    stranger.write_bytes(layout.pattern_file(alpha.repo, "error-solutions", "alpha").read_bytes())
    (alpha.repo / "notes.txt").write_text("mine\n")
    answer = publish(alpha)
    assert answer["state"] == "ok"
    assert committed_files(alpha.repo) == ["data/patterns/error-solutions/alpha.jsonl"]
    status = git(alpha.repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert sorted(status) == ["?? data/patterns/error-solutions/beta.jsonl", "?? notes.txt"]


def test_publish_pushes_the_commit_it_reports(make_node: Callable[..., Node], remote: Path) -> None:
    """The reported pushed commit is the remote branch's head."""
    alpha = make_node("alpha")
    learn(alpha, "error-solutions", "disk full")
    answer = publish(alpha)
    assert answer["pushed"] == git(remote, "rev-parse", "main").strip() == answer["commit"]
    assert answer["attempts"] == 1


def test_publish_refuses_a_secret_and_leaves_the_repository_unchanged(
    make_node: Callable[..., Node], remote: Path
) -> None:
    """A token in one of this node's files stops publish before the commit: exit 1, file:line:rule."""
    alpha = make_node("alpha")
    learn(alpha, "error-solutions", "disk full")
    learn(alpha, "error-solutions", f"auth failed with {TOKEN}")
    before, remote_before = snapshot(alpha.repo), git(remote, "rev-parse", "main")
    process = alpha.run("publish", check=False)
    assert process.returncode == 1
    assert "data/patterns/error-solutions/alpha.jsonl:" in process.stderr
    assert "github-token" in process.stderr
    assert "hint:" in process.stderr and "fedlearn sync --reanonymize" in process.stderr
    assert TOKEN not in process.stderr
    assert snapshot(alpha.repo) == before
    assert git(remote, "rev-parse", "main") == remote_before


def test_publish_dry_run_also_refuses_a_secret(make_node: Callable[..., Node]) -> None:
    """The dry run scans too, so it says what a real publish would do."""
    alpha = make_node("alpha")
    learn(alpha, "best-practices", f"token={TOKEN}")
    assert alpha.run("publish", "--dry-run", check=False).returncode == 1


def test_publish_keeps_the_users_changes_modified_and_uncommitted(
    make_node: Callable[..., Node], remote: Path
) -> None:
    """Modified, staged and untracked user files outside data/ survive a publish that has to merge."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    publish(beta)
    (alpha.repo / "README.md").write_text("my own edit\n")
    (alpha.repo / "staged.nix").write_text("{ }\n")
    git(alpha.repo, "add", "staged.nix")
    (alpha.repo / "scratch.txt").write_text("untracked\n")
    learn(alpha, "error-solutions", "disk full")
    answer = publish(alpha)
    assert answer["integration"] == "merge"
    status = git(alpha.repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert sorted(status) == [" M README.md", "?? scratch.txt", "A  staged.nix"]
    assert (alpha.repo / "README.md").read_text() == "my own edit\n"
    history = git(remote, "log", "--name-only", "--format=", "main").split()
    assert "staged.nix" not in history and "scratch.txt" not in history
    assert git(remote, "show", "main:README.md") == "federation repo\n"


def leave_a_killed_rebase(node: Node) -> None:
    """Leave ``node``'s clone as a publish killed between two rebase steps does, its mark kept."""
    git(node.repo, "add", "data")
    git(node.repo, "commit", "-q", "-m", f"fedlearn: {node.name}")
    git(node.repo, "fetch", "-q")
    mark = git(node.repo, "rev-parse", "--git-path", "fedlearn-rebase").strip()
    ends = git(node.repo, "rev-parse", "HEAD", "origin/main")  # started from, onto
    (node.repo / mark).write_text(ends)
    stopped = subprocess.run(
        ["git", "-C", str(node.repo), "rebase", "-x", "false", "origin/main"],
        capture_output=True,
        check=False,
    )
    assert stopped.returncode != 0


@pytest.mark.parametrize("killed", [False, True], ids=["plain", "after-a-killed-rebase"])
def test_publish_rebases_onto_a_remote_that_moved(
    make_node: Callable[..., Node], remote: Path, killed: bool
) -> None:
    """
    With a clean tree the node's commit is rebased: linear history, both nodes' files. A rebase
    a killed publish left (its mark in the git dir) is aborted and done again first.
    """
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    publish(beta)
    learn(alpha, "error-solutions", "disk full")
    if killed:
        leave_a_killed_rebase(alpha)
    answer = publish(alpha)
    assert answer["integration"] == "rebase"
    assert git(remote, "rev-list", "--merges", "--count", "main").strip() == "0"
    files = git(remote, "ls-tree", "-r", "--name-only", "main", "data").split()
    assert files == [
        "data/patterns/error-solutions/alpha.jsonl",
        "data/patterns/error-solutions/beta.jsonl",
    ]


def test_publish_is_idle_when_nothing_changed(make_node: Callable[..., Node]) -> None:
    """A second publish with nothing new commits nothing and says so."""
    alpha = make_node("alpha")
    learn(alpha, "error-solutions", "disk full")
    publish(alpha)
    head = git(alpha.repo, "rev-parse", "HEAD")
    process = alpha.run("publish")
    assert process.stdout.strip() == "nothing to publish"
    assert git(alpha.repo, "rev-parse", "HEAD") == head


def test_publish_dry_run_lists_files_and_commits_nothing(make_node: Callable[..., Node]) -> None:
    """--dry-run names every file and the message, and leaves the repository as it was."""
    alpha = make_node("alpha")
    learn(alpha, "error-solutions", "disk full")
    learn(alpha, "skills-patterns", "nix debugging")
    before = snapshot(alpha.repo)
    process = alpha.run("publish", "--dry-run")
    assert "would commit: fedlearn: node alpha +2 patterns (dry run)" in process.stdout
    assert "A data/patterns/skills-patterns/alpha.jsonl (dry run)" in process.stdout
    assert snapshot(alpha.repo) == before


def test_publish_message_counts_what_changed(make_node: Callable[..., Node]) -> None:
    """The subject counts new and updated patterns, retractions, and added and pruned snapshots."""
    alpha = make_node("alpha")
    first = learn(alpha, "error-solutions", "disk full", score=0.8)
    for text in ("oom", "timeout"):
        learn(alpha, "error-solutions", text)
    retraction = Retraction(id="f" * 32, retracted_at=SEEN_AT, reason="wrong")
    atomic.write(
        layout.retraction_file(alpha.repo, "alpha"), patterns.records.encode_line(retraction)
    )
    snapshots = layout.fine_tuning_snapshot_dir(alpha.repo, "alpha")
    atomic.write(snapshots / "20260101T000000Z.jsonl", b"{}\n")
    publish(alpha)
    subject = git(alpha.repo, "log", "-1", "--format=%s").strip()
    assert subject == "fedlearn: node alpha +3 patterns, +1 retraction, +1 snapshot"
    learn(alpha, "error-solutions", "disk full", score=0.95)
    (snapshots / "20260101T000000Z.jsonl").unlink()
    atomic.write(snapshots / "20260102T000000Z.jsonl", b"{}\n")
    answer = publish(alpha)
    assert (
        answer["message"]
        == "fedlearn: node alpha 1 pattern updated, +1 snapshot, 1 snapshot pruned"
    )
    assert first.id in layout.pattern_file(alpha.repo, "error-solutions", "alpha").read_text()
    assert committed_files(alpha.repo) == [
        "data/fine-tuning/alpha/snapshots/20260101T000000Z.jsonl",
        "data/fine-tuning/alpha/snapshots/20260102T000000Z.jsonl",
        "data/patterns/error-solutions/alpha.jsonl",
    ]


def test_publish_leaves_temp_files_of_unfinished_writes_out(make_node: Callable[..., Node]) -> None:
    """A temp file a crashed write left in this node's folder is never committed."""
    alpha = make_node("alpha")
    folder = layout.fine_tuning_dir(alpha.repo, "alpha")
    atomic.write(folder / "dataset.jsonl", b"{}\n")
    (folder / f".dataset.jsonl{atomic.TEMP_MARK}0a1b2c3d").write_bytes(b"half")
    publish(alpha)
    assert committed_files(alpha.repo) == ["data/fine-tuning/alpha/dataset.jsonl"]


def test_publish_uses_the_configured_author(make_node: Callable[..., Node]) -> None:
    """publish.author is the commit's author."""
    alpha = make_node("alpha", publish={"author": "Node Alpha <alpha@fed.invalid>"})
    learn(alpha, "error-solutions", "disk full")
    publish(alpha)
    assert (
        git(alpha.repo, "log", "-1", "--format=%an <%ae>").strip()
        == "Node Alpha <alpha@fed.invalid>"
    )


def test_publish_commits_only_when_there_is_no_remote(tmp_path: Path) -> None:
    """A repository without the remote gets the commit and a note that nothing was pushed."""
    repo = init_repo(tmp_path / "solo" / "repo")
    lone = Node(tmp_path / "solo", "lone", repo)
    learn(lone, "error-solutions", "disk full")
    process = lone.run("publish")
    assert "(no remote 'origin', not pushed)" in process.stdout
    assert committed_files(repo) == ["data/patterns/error-solutions/lone.jsonl"]


def test_publish_refuses_a_detached_head(make_node: Callable[..., Node]) -> None:
    """A detached HEAD is refused with exit 1 and the command that fixes it; nothing is committed."""
    alpha = make_node("alpha")
    git(alpha.repo, "checkout", "-q", "--detach")
    learn(alpha, "error-solutions", "disk full")
    before = snapshot(alpha.repo)
    process = alpha.run("publish", check=False)
    assert process.returncode == 1
    assert "HEAD is detached" in process.stderr
    assert "hint: git -C" in process.stderr and "switch main" in process.stderr
    assert snapshot(alpha.repo) == before


def test_publish_refuses_an_unfinished_merge(make_node: Callable[..., Node]) -> None:
    """A merge stopped on a conflict in the user's files is refused; the merge is left to the user."""
    alpha, beta = make_node("alpha"), make_node("beta")
    (beta.repo / "README.md").write_text("theirs\n")
    git(beta.repo, "commit", "-q", "-am", "theirs")
    git(beta.repo, "push", "-q", "origin", "main")
    (alpha.repo / "README.md").write_text("ours\n")
    git(alpha.repo, "commit", "-q", "-am", "ours")
    git(alpha.repo, "fetch", "-q")
    subprocess.run(
        ["git", "-C", str(alpha.repo), "merge", "origin/main"], capture_output=True, check=False
    )
    learn(alpha, "error-solutions", "disk full")
    before = snapshot(alpha.repo)
    process = alpha.run("publish", check=False)
    assert process.returncode == 1
    assert "a merge is in progress" in process.stderr and "git merge --abort" in process.stderr
    assert snapshot(alpha.repo) == before


def install_racer(node: Node, rival: Node) -> None:
    """Make ``rival`` publish a new pattern just before ``node``'s first push (a lost race)."""
    hook = node.repo / ".git" / "hooks" / "pre-push"
    marker = node.root / "raced"
    hook.write_text(
        "#!/bin/sh\n"
        "unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_CONFIG_PARAMETERS\n"
        f"[ -e {marker} ] && exit 0\n"
        f"touch {marker}\n"
        f"cd {rival.root} && {sys.executable} -m fedlearn publish -q --config {rival.config_file}\n"
    )
    hook.chmod(0o755)


def test_publish_retries_a_rejected_push(make_node: Callable[..., Node], remote: Path) -> None:
    """Another node pushing between fetch and push makes the push fail once; it is retried and lands."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    install_racer(alpha, beta)
    learn(alpha, "error-solutions", "disk full")
    process = alpha.run("publish", "--json")
    answer = json.loads(process.stdout)
    assert answer["attempts"] == 2
    assert "git push attempt 1 of 3 failed (push to origin main rejected" in process.stderr
    files = git(remote, "ls-tree", "-r", "--name-only", "main", "data").split()
    assert files == [
        "data/patterns/error-solutions/alpha.jsonl",
        "data/patterns/error-solutions/beta.jsonl",
    ]


def fake_ssh(folder: Path) -> Path:
    """Return an ssh stand-in that runs the remote git command locally (the host is ignored)."""
    script = folder / "fake-ssh"
    script.write_text('#!/bin/sh\nshift\nexec sh -c "$*"\n')
    script.chmod(0o755)
    return script


def test_publish_and_pull_work_over_an_ssh_remote(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """An ssh:// remote goes through ssh (here a local stand-in) for fetch and push alike."""
    ssh = fake_ssh(tmp_path)
    alpha, beta = make_node("alpha"), make_node("beta")
    for node in (alpha, beta):
        git(node.repo, "config", "core.sshCommand", str(ssh))
        git(node.repo, "remote", "set-url", "origin", f"ssh://fed.invalid{remote}")
    learn(alpha, "error-solutions", "disk full")
    assert publish(alpha)["pushed"] == git(remote, "rev-parse", "main").strip()
    pulled = json.loads(beta.run("pull", "--json", "--no-import").stdout)
    assert pulled["data_files"] == ["data/patterns/error-solutions/alpha.jsonl"]


class GitBackendHandler(CGIHTTPRequestHandler):
    """CGI without fork: the forking path drops root to nobody, who cannot read pytest's temp dir."""

    have_fork = False

    def log_message(self, format: str, *args: object) -> None:
        """Keep the request log out of the test output."""


@pytest.fixture
def http_remote(remote: Path, tmp_path: Path) -> Iterator[str]:
    """Serve the bare remote over git's smart HTTP protocol (git http-backend as CGI); yield its URL."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    exec_path = subprocess.run(
        ["git", "--exec-path"], capture_output=True, text=True, check=True
    ).stdout.strip()
    git(remote, "config", "http.receivepack", "true")
    site = tmp_path / "site"
    (site / "cgi-bin").mkdir(parents=True)
    backend = site / "cgi-bin" / "git"
    backend.write_text(
        f"#!/bin/sh\nexport GIT_PROJECT_ROOT={remote.parent} GIT_HTTP_EXPORT_ALL=1\n"
        f"exec {exec_path}/git-http-backend\n"
    )
    backend.chmod(0o755)
    handler = partial(GitBackendHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cgi-bin/git/{remote.name}"
    server.shutdown()
    server.server_close()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_publish_and_pull_work_over_an_http_remote(
    make_node: Callable[..., Node], http_remote: str
) -> None:
    """An http(s):// remote (git's smart HTTP protocol) works for push and fetch alike."""
    alpha, beta = make_node("alpha"), make_node("beta")
    for node in (alpha, beta):
        git(node.repo, "remote", "set-url", "origin", http_remote)
    learn(alpha, "error-solutions", "disk full")
    answer = publish(alpha)
    assert answer["pushed"]
    pulled = json.loads(beta.run("pull", "--json", "--no-import").stdout)
    assert pulled["to"] == answer["pushed"]
    assert layout.pattern_file(beta.repo, "error-solutions", "alpha").exists()


def test_publish_rebases_when_the_user_signs_commits(
    make_node: Callable[..., Node], remote: Path
) -> None:
    """commit.gpgSign (with no usable key, as in a service) does not stop the rebase onto the remote."""
    alpha, beta = make_node("alpha"), make_node("beta")
    learn(beta, "error-solutions", "port in use")
    publish(beta)
    git(alpha.repo, "config", "commit.gpgSign", "true")
    git(alpha.repo, "config", "gpg.program", "false")
    learn(alpha, "error-solutions", "disk full")
    answer = publish(alpha)
    assert answer["integration"] == "rebase"
    files = git(remote, "ls-tree", "-r", "--name-only", "main", "data").split()
    assert files == [
        "data/patterns/error-solutions/alpha.jsonl",
        "data/patterns/error-solutions/beta.jsonl",
    ]


def test_publish_commits_files_the_users_ignore_rules_match(
    make_node: Callable[..., Node], remote: Path
) -> None:
    """An ignore rule of the user's (here *.jsonl) does not keep this node's new files out."""
    alpha = make_node("alpha")
    (alpha.repo / ".git" / "info" / "exclude").write_text("*.jsonl\n")
    learn(alpha, "error-solutions", "disk full")
    publish(alpha)
    files = git(remote, "ls-tree", "-r", "--name-only", "main", "data").split()
    assert files == ["data/patterns/error-solutions/alpha.jsonl"]


def test_publish_subject_counts_fine_tuning_records_in_the_plural(node: Node) -> None:
    """The subject says ``+N fine-tuning records`` (the noun takes the plural, not its adjective)."""
    chats = [
        {
            "messages": [
                {"role": "user", "content": f"How do I configure service {number} on NixOS?"},
                {"role": "assistant", "content": f"Set services.thing{number}.enable = true."},
            ]
        }
        for number in range(3)
    ]
    node.dataset.write_text("".join(json.dumps(chat) + "\n" for chat in chats))
    synced = json.loads(node.run("sync", "--json").stdout)
    added = synced["fine_tuning"]["new"]
    assert added >= 2
    node.run("publish")
    subject = git(node.repo, "log", "-1", "--format=%s")
    assert f"+{added} fine-tuning records" in subject
    assert "fine-tunings" not in subject
