"""A peer's tree entry git refuses to check out never wedges a node (issue 15, seen 6).

The peer (a plain clone) builds the tree with ``git mktree`` and pushes it to a real bare remote,
which takes it. This node's pull and publish, through the installed command, must exit 0, leave
the entry out with a repair commit and push it; a second node recovers as well; the remote ends
repaired; ``doctor`` lists the repair.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Node, git, run_fedlearn
from tests.e2e.test_hostile_peer import EVENTS, Peer, feed

pytestmark = pytest.mark.e2e

# (folder the entry goes in, its name, its mode): one of each shape a repair handles (a file, a
# folder, one level down, a link at the top, a name longer than file systems take). Which names
# git refuses is checked against git itself, name by name, in tests/store/test_git_paths.py.
VARIANTS = [
    ("data", b".git", "100644"),
    ("data", b".git", "040000"),
    ("data/patterns", b".git.", "100644"),
    ("", b".gitmodules", "120000"),
    ("data/telemetry", b"m" * 300 + b".jsonl", "100644"),  # git stores it, no file system holds it
]


def run(repo: Path, *args: str, data: bytes = b"") -> str:
    """Run git in ``repo`` with ``data`` on stdin; return its output."""
    done = subprocess.run(["git", "-C", str(repo), *args], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode().strip()


def tree_with(repo: Path, tree: str, folder: list[str], entry: bytes) -> str:
    """Return ``tree`` with the ``ls-tree`` line ``entry`` added in ``folder`` (made with mktree)."""
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-z", tree], capture_output=True, check=True
    ).stdout
    if not folder:
        return run(repo, "mktree", "-z", "--missing", data=listing + entry + b"\0")
    lines = [line for line in listing.split(b"\0") if line]
    name = folder[0].encode()
    inner = next(
        line.split(b" ")[2].split(b"\t")[0].decode()
        for line in lines
        if line.endswith(b"\t" + name)
    )
    new = tree_with(repo, inner, folder[1:], entry)
    lines = [line for line in lines if not line.endswith(b"\t" + name)] + [
        b"040000 tree " + new.encode() + b"\t" + name
    ]
    return run(repo, "mktree", "-z", "--missing", data=b"\0".join(lines) + b"\0")


def push_refused_entry(peer: Peer, folder: str, name: bytes, mode: str) -> str:
    """Commit, as the peer, a tree with the entry ``folder/name`` git refuses; push it; return it."""
    git(peer.repo, "pull", "-q", "origin", "main")
    blob = run(peer.repo, "hash-object", "-w", "--stdin", data=b"gitdir: /etc\n")
    kind = "tree" if mode == "040000" else "blob"
    target = (
        run(peer.repo, "mktree", "-z", data=f"100644 blob {blob}\tconfig\0".encode())
        if kind == "tree"
        else blob
    )
    entry = f"{mode} {kind} {target}\t".encode() + name
    root = tree_with(
        peer.repo,
        run(peer.repo, "rev-parse", "HEAD^{tree}"),
        [p for p in folder.split("/") if p],
        entry,
    )
    commit = run(peer.repo, "commit-tree", root, "-p", "HEAD", "-m", "a tree git refuses")
    run(peer.repo, "push", "-q", "origin", f"{commit}:refs/heads/main")
    return commit


@pytest.mark.parametrize(
    ("folder", "name", "mode"), VARIANTS, ids=[repr(v[1])[2:42] + "@" + v[0] for v in VARIANTS]
)
def test_a_tree_entry_git_refuses_never_wedges_a_node(
    make_node: Callable[..., Node],
    tmp_path: Path,
    remote: Path,
    folder: str,
    name: bytes,
    mode: str,
) -> None:
    alpha, beta = make_node("alpha"), make_node("beta")
    feed(alpha, EVENTS[:2])
    alpha.run("sync")
    alpha.run("publish")
    feed(beta, EVENTS[2:])
    beta.run("sync")
    peer = Peer(tmp_path, remote)
    evil = push_refused_entry(peer, folder, name, mode)
    shown = (f"{folder}/" if folder else "") + name.decode(errors="backslashreplace")

    feed(alpha, [{"value_score": 0.9, "error_message": "later error", "solution": "later fix"}])
    alpha.run("sync")
    pulled = json.loads(alpha.run("pull", "--no-import", "--json").stdout.splitlines()[-1])
    assert pulled["repaired"] == [shown]
    published = alpha.run("publish")
    assert "repaired" not in published.stdout  # the repair came in with the pull: pushed now
    assert git(alpha.repo, "status", "--porcelain") == ""
    remote_tree = git(remote, "ls-tree", "-r", "-t", "-z", "--name-only", "main").split("\0")
    assert shown not in remote_tree
    assert git(remote, "merge-base", "--is-ancestor", evil, "main") == ""

    beta_pull = beta.run("pull", "--no-import", check=False)
    assert beta_pull.returncode == 0, beta_pull.stderr
    beta_publish = beta.run("publish", check=False)
    assert beta_publish.returncode == 0, beta_publish.stderr
    assert alpha.run("pull", "--no-import", check=False).returncode == 0
    assert shown not in git(remote, "ls-tree", "-r", "-t", "-z", "--name-only", "main").split("\0")

    listed = json.loads(alpha.run("doctor", "--json", check=False).stdout.splitlines()[-1])
    assert [(r["path"], r["commit"]) for r in listed["repaired"]] == [(shown, evil)]


def test_a_node_that_pulls_first_and_one_that_publishes_first_both_recover(
    make_node: Callable[..., Node], tmp_path: Path, remote: Path
) -> None:
    """Both nodes make a repair commit of their own before either pushes; both still publish."""
    alpha, beta = make_node("alpha"), make_node("beta")
    feed(alpha, EVENTS[:2])
    alpha.run("sync")
    alpha.run("publish")
    peer = Peer(tmp_path, remote)
    push_refused_entry(peer, "data", b".git", "100644")
    feed(beta, EVENTS[2:])
    beta.run("sync")
    assert beta.run("pull", "--no-import", check=False).returncode == 0
    feed(alpha, [{"value_score": 0.9, "error_message": "later error", "solution": "later fix"}])
    alpha.run("sync")
    publish = alpha.run("publish", check=False)
    assert publish.returncode == 0, publish.stderr
    assert "repaired the remote" in publish.stdout
    publish = beta.run("publish", check=False)
    assert publish.returncode == 0, publish.stderr
    assert "data/.git" not in git(remote, "ls-tree", "-r", "--name-only", "main").split("\n")
    assert alpha.run("pull", "--no-import", check=False).returncode == 0


def test_a_node_that_joins_while_the_tip_is_refused_still_gets_a_checkout(
    tmp_path: Path, remote: Path, make_node: Callable[..., Node]
) -> None:
    """``init --clone`` of a remote whose tip git refuses to check out: a repair commit, a
    checkout, and the first publish repairs the remote."""
    alpha = make_node("alpha")
    feed(alpha, EVENTS)
    alpha.run("sync")
    alpha.run("publish")
    peer = Peer(tmp_path, remote)
    evil = push_refused_entry(peer, "data", b".git", "100644")
    config_file, repo = tmp_path / "carol.toml", tmp_path / "carol-repo"
    made = run_fedlearn(
        "init",
        "--clone",
        str(remote),
        "--into",
        str(repo),
        "--config",
        str(config_file),
        check=False,
    )
    assert made.returncode == 0, made.stderr
    assert (
        f"data/.git: a tree entry git refuses to check out, added in commit {evil[:12]}"
        in made.stderr
    )
    assert (repo / "README.md").is_file() and not (repo / "data" / ".git").exists()
    assert git(repo, "status", "--porcelain") == ""
    published = run_fedlearn("publish", "--config", str(config_file), check=False)
    assert published.returncode == 0, published.stderr
    assert "data/.git" not in git(remote, "ls-tree", "-r", "--name-only", "main").split("\n")


def test_a_peer_commit_keeping_the_entry_on_top_of_it_is_repaired_again(
    make_node: Callable[..., Node], tmp_path: Path, remote: Path
) -> None:
    """This node repaired the peer's commit but has not pushed yet; the peer pushes another
    commit keeping the entry (the common base then holds it): pulled and published all the same,
    the entry named with the commit that added it."""
    alpha = make_node("alpha")
    feed(alpha, EVENTS)
    alpha.run("sync")
    alpha.run("publish")
    peer = Peer(tmp_path, remote)
    evil = push_refused_entry(peer, "data", b".git", "100644")
    assert alpha.run("pull", "--no-import", check=False).returncode == 0
    again = alpha.run("pull", "--no-import", "--json")
    assert "repaired" not in json.loads(again.stdout.splitlines()[-1])  # in already
    note = run(peer.repo, "hash-object", "-w", "--stdin", data=b"more\n")
    entry = f"100644 blob {note}\tpeer-note.txt".encode()
    tree = tree_with(peer.repo, run(peer.repo, "rev-parse", f"{evil}^{{tree}}"), ["data"], entry)
    on_top = run(peer.repo, "commit-tree", tree, "-p", evil, "-m", "on top, keeping data/.git")
    run(peer.repo, "push", "-q", "origin", f"{on_top}:refs/heads/main")
    pulled = alpha.run("pull", "--no-import", "--json", check=False)
    assert pulled.returncode == 0, pulled.stderr
    assert json.loads(pulled.stdout.splitlines()[-1])["repaired"] == ["data/.git"]
    assert f"added in commit {evil[:12]}" in pulled.stderr
    assert (alpha.repo / "data" / "peer-note.txt").is_file()
    feed(alpha, [{"value_score": 0.9, "error_message": "later error", "solution": "later fix"}])
    alpha.run("sync")
    assert alpha.run("publish", check=False).returncode == 0
    assert "data/.git" not in git(remote, "ls-tree", "-r", "--name-only", "main").split("\n")
