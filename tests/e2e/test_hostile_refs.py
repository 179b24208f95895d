"""A peer's refs never wedge a node (issue 15, seen 6): a tag named like the branch.

The peer (a plain clone) pushes a tag ``main`` to the shared bare remote; every clone made after
that (``git clone``, ``fedlearn init --clone``) holds ``refs/tags/main`` beside ``refs/heads/main``.
Pull and publish, through the installed command, must still know the branch.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Node, git
from tests.e2e.test_hostile_peer import EVENTS, Peer, feed

pytestmark = pytest.mark.e2e


def test_a_tag_named_like_the_branch_wedges_no_job(
    make_node: Callable[..., Node], tmp_path: Path, remote: Path
) -> None:
    """Pull, publish and status exit 0, and this node's new commit reaches the remote's main."""
    alpha = make_node("alpha")
    feed(alpha, EVENTS)
    alpha.run("sync")
    alpha.run("publish")
    peer = Peer(tmp_path, remote)
    git(peer.repo, "tag", "main", "HEAD~1")
    git(peer.repo, "commit", "-q", "--allow-empty", "-m", "after the tag")
    git(peer.repo, "push", "-q", "origin", "refs/tags/main", "HEAD:refs/heads/main")
    alpha.run("pull")
    carol = make_node("carol")  # a clone takes every tag, whatever fetch leaves out
    assert git(carol.repo, "rev-parse", "refs/tags/main").strip()
    for node in (alpha, carol):
        feed(node, EVENTS[:1])
        node.run("sync")
        published = json.loads(node.run("publish", "--json").stdout.strip().splitlines()[-1])
        assert published["pushed"]
        node.run("pull")
        node.run("status")
    remote = git(carol.repo, "ls-remote", "origin", "refs/heads/main").split()[0]
    assert remote == git(carol.repo, "rev-parse", "HEAD").strip()
