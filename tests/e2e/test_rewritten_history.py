"""A remote whose history a peer replaced (a force-push) or filled with tags wedges no node.

Each test plays the peer ``mallory`` (a plain clone that force-pushes) against nodes driven through
the installed ``fedlearn`` on a real bare remote (fixtures of ``test_hostile_peer``). Rebasing every
commit of the old history onto the new one replays commits this node took from the remote as if
they were its own, which conflicts for good; fedlearn replays only the commits after the fork
point (the tracking ref's reflog, ``git_history.fork_point``), and puts this node's files back.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn.formats import layout
from tests.conftest import Node, git
from tests.e2e.test_hostile_peer import EVENTS, Peer, feed, own_patterns

pytestmark = pytest.mark.e2e


@pytest.fixture
def alpha(make_node: Callable[..., Node]) -> Node:
    """This node: it has learned three patterns and published them."""
    node = make_node("alpha")
    feed(node, EVENTS)
    ok(node, "sync", "publish")
    return node


@pytest.fixture
def peer(tmp_path: Path, remote: Path, alpha: Node) -> Peer:
    """The hostile peer, cloned after this node published."""
    return Peer(tmp_path, remote)


def ok(node: Node, *jobs: str) -> None:
    """Run each job (space-separated arguments); each must exit 0."""
    for job in jobs:
        process = node.run(*job.split(), check=False)
        assert process.returncode == 0, f"{node.name} {job}: {process.stderr[-800:]}"


def force_push(peer: Peer) -> None:
    """Commit everything in the peer's clone and force it onto the remote's main."""
    git(peer.repo, "add", "-A")
    git(peer.repo, "commit", "-q", "-m", "rewritten")
    git(peer.repo, "push", "-q", "-f", "origin", "HEAD:main")


def lower_scores(paths: list[Path]) -> None:
    """Rewrite each file with its scores lowered (a peer's forgery of another node's records)."""
    for path in paths:
        path.write_bytes(path.read_bytes().replace(b'"value_score":0.9', b'"value_score":0.1'))


def test_an_unrelated_history_with_this_nodes_files_altered(alpha: Node, peer: Peer) -> None:
    """An orphan history (nothing in common with this node's) holding this node's files with
    other content: pull, sync, publish and status exit 0, the node's files come back as they
    were, and the remote then holds them."""
    own = layout.node_pattern_files(peer.repo, "error-solutions", "alpha")
    lower_scores(own)
    git(peer.repo, "checkout", "-q", "--orphan", "rewritten")
    force_push(peer)
    before = own_patterns(alpha)
    feed(alpha, EVENTS[:1])
    ok(alpha, "pull --no-import", "sync", "publish", "pull", "status")
    assert own_patterns(alpha) == before
    git(peer.repo, "fetch", "-q", "origin")
    for path in own:
        name = path.relative_to(peer.repo).as_posix()
        remote_copy = git(peer.repo, "show", f"origin/main:{name}")
        assert '"value_score":0.1' not in remote_copy


def test_a_rewound_history_replays_no_other_nodes_commit(
    alpha: Node, peer: Peer, make_node: Callable[..., Node]
) -> None:
    """A remote rewound to its first commit plus a forged copy of bob's file: carol, who had
    taken bob's commits, and alpha, who had not, both pull and publish (exit 0); neither replays
    bob's commits as its own."""
    bob = make_node("bob")
    feed(bob, [{"value_score": 0.9, "error_message": "bob err", "solution": "bob fix"}])
    ok(bob, "sync", "publish")
    carol = make_node("carol")
    ok(carol, "pull --no-import")
    git(peer.repo, "pull", "-q", "origin", "main")
    bobs = layout.node_pattern_files(peer.repo, "error-solutions", "bob")
    saved = {p: p.read_bytes().replace(b"0.9", b"0.2") for p in bobs}
    first = git(peer.repo, "rev-list", "--max-parents=0", "HEAD").strip()
    git(peer.repo, "reset", "-q", "--hard", first)
    for path, data in saved.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    force_push(peer)
    ok(carol, "pull --no-import", "pull", "status")
    ok(alpha, "pull --no-import", "publish")
    subjects = git(carol.repo, "log", "--format=%s", "-20")
    assert "node bob" not in subjects.split("rewritten")[0]  # nothing of bob's replayed on top
    ok(bob, "pull --no-import", "publish")  # bob's own files come back through bob


def test_a_peers_tags_never_reach_a_clone(alpha: Node, peer: Peer) -> None:
    """Tags on the remote (here 300 on main's commit, and one named like the branch) are never
    fetched: fedlearn reads none, and thousands would cost every later fetch."""
    head = git(peer.repo, "rev-parse", "HEAD").strip()
    refs = "".join(f"create refs/tags/t{k:04d} {head}\n" for k in range(300))
    subprocess.run(["git", "-C", str(peer.repo), "update-ref", "--stdin"], input=refs.encode())
    git(peer.repo, "tag", "main", head)
    git(peer.repo, "commit", "-q", "--allow-empty", "-m", "one more")
    git(peer.repo, "push", "-q", "origin", "--tags", "HEAD:main")
    feed(alpha, EVENTS[:1])
    ok(alpha, "pull --no-import", "sync", "publish", "status")
    assert git(alpha.repo, "for-each-ref", "refs/tags").strip() == ""
