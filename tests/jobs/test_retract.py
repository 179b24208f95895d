"""fedlearn retract: the tombstone file, the id leaving this node's files and every merged view."""

from __future__ import annotations

import json
from collections.abc import Callable

import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.learn import merge, patterns
from fedlearn.store import atomic, state
from tests.conftest import Node, own_pattern_bytes
from tests.jobs.conftest import learn

TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


def view_ids(node: Node) -> set[str]:
    """Return every id in ``node``'s merged view."""
    view = merge.merged_view(node.repo, config.CATEGORIES)
    return {pattern_id for table in view.values() for pattern_id in table}


def test_retract_writes_sorted_tombstones(make_node: Callable[..., Node]) -> None:
    """Tombstones land in this node's retractions file, one per id, sorted by id."""
    alpha = make_node("alpha")
    for pattern_id in ("b" * 32, "a" * 32):
        alpha.run("retract", pattern_id, "--reason", "wrong fix")
    lines = layout.retraction_file(alpha.repo, "alpha").read_text().splitlines()
    tombstones = [json.loads(line) for line in lines]
    assert [t["id"] for t in tombstones] == ["a" * 32, "b" * 32]
    assert list(tombstones[0]) == ["id", "retracted_at", "reason"]
    assert tombstones[0]["reason"] == "wrong fix"


def test_retract_rejects_an_id_that_is_not_32_hex(make_node: Callable[..., Node]) -> None:
    """A malformed id is a usage error (exit 2) and nothing is written."""
    alpha = make_node("alpha")
    process = alpha.run("retract", "XYZ", "--reason", "r", check=False)
    assert process.returncode == 2
    assert "is not a pattern id" in process.stderr
    assert not layout.retraction_file(alpha.repo, "alpha").exists()


def test_retract_is_idle_when_already_retracted(make_node: Callable[..., Node]) -> None:
    """Retracting the same id twice keeps one tombstone and says so."""
    alpha = make_node("alpha")
    alpha.run("retract", "c" * 32, "--reason", "first")
    before = layout.retraction_file(alpha.repo, "alpha").read_bytes()
    answer = json.loads(alpha.run("retract", "c" * 32, "--reason", "again", "--json").stdout)
    assert answer["state"] == "idle"
    assert layout.retraction_file(alpha.repo, "alpha").read_bytes() == before


def test_retract_drops_the_id_from_the_merged_view_and_keeps_the_evidence(
    make_node: Callable[..., Node],
) -> None:
    """
    The id leaves the merged view; this node's pattern file keeps it (the evidence that this node
    saw what it retracts) and the answer says no other node keeps it.
    """
    alpha = make_node("alpha")
    kept = learn(alpha, "error-solutions", "disk full")
    gone = learn(alpha, "error-solutions", "wrong advice")
    answer = json.loads(alpha.run("retract", gone.id, "--reason", "bad", "--json").stdout)
    assert answer["known"] is True and answer["kept_by"] == []
    shard = layout.shard_file(alpha.repo, "error-solutions", "alpha", layout.shard_name(gone.id))
    assert answer["seen_here"] == [str(shard)]
    own = patterns.read_node(alpha.repo, "error-solutions", "alpha")
    assert sorted(own) == sorted([kept.id, gone.id])
    assert view_ids(alpha) == {kept.id}


def test_retract_of_a_pattern_another_node_holds_withdraws_this_nodes_record_only(
    make_node: Callable[..., Node],
) -> None:
    """
    Another node's file holds the id too: the view keeps it with that node's record, the answer
    names that node and says so; the same retraction from an admin removes it.
    """
    alpha = make_node("alpha")
    gone = learn(alpha, "error-solutions", "wrong advice")
    other = layout.pattern_file(alpha.repo, "error-solutions", "beta")
    theirs = msgspec.structs.replace(gone, seen={"beta": 2})
    atomic.write(other, patterns.encode({gone.id: theirs}))
    process = alpha.run("retract", gone.id, "--reason", "bad", "--json")
    assert json.loads(process.stdout)["kept_by"] == ["beta"]
    assert view_ids(alpha) == {gone.id}
    view = merge.merged_view(alpha.repo, config.CATEGORIES)["error-solutions"]
    assert view[gone.id].seen == {"beta": 2}
    assert [p.id for p in patterns.read(other)] == [gone.id]
    boss = make_node("boss", trust={"admins": ["boss"]})
    atomic.write(
        layout.pattern_file(boss.repo, "error-solutions", "beta"),
        patterns.encode({gone.id: theirs}),
    )
    process = boss.run("retract", gone.id, "--reason", "bad", "--json")
    assert json.loads(process.stdout)["kept_by"] == []
    assert merge.merged_view(boss.repo, config.CATEGORIES, ["boss"])["error-solutions"] == {}


def test_retract_anonymizes_the_reason(make_node: Callable[..., Node]) -> None:
    """A secret pasted into --reason never reaches data/."""
    alpha = make_node("alpha")
    alpha.run("retract", "d" * 32, "--reason", f"leaked {TOKEN}")
    text = layout.retraction_file(alpha.repo, "alpha").read_text()
    assert TOKEN not in text
    assert "<redacted:github-token>" in text


def test_retract_dry_run_writes_nothing(make_node: Callable[..., Node]) -> None:
    """--dry-run reports and leaves every file as it was."""
    alpha = make_node("alpha")
    pattern = learn(alpha, "error-solutions", "disk full")
    own = own_pattern_bytes(alpha.repo, "error-solutions", "alpha")
    process = alpha.run("retract", pattern.id, "--reason", "bad", "--dry-run")
    assert f"retracted {pattern.id}" in process.stdout and "(dry run)" in process.stdout
    assert not layout.retraction_file(alpha.repo, "alpha").exists()
    assert own_pattern_bytes(alpha.repo, "error-solutions", "alpha") == own
    assert not any(atomic.is_temp(p) for p in alpha.repo.rglob("*"))


def test_retract_reaches_another_node_after_publish_and_pull(
    make_node: Callable[..., Node],
) -> None:
    """
    Published on the node that alone holds the pattern, the tombstone removes the id from another
    node's merged view; that node's own later sighting brings it back as that node's.
    """
    alpha, beta = make_node("alpha"), make_node("beta")
    pattern = learn(alpha, "error-solutions", "wrong advice")
    alpha.run("publish")
    beta.run("pull", "--no-import")
    assert pattern.id in view_ids(beta)
    alpha.run("retract", pattern.id, "--reason", "bad advice")
    alpha.run("publish")
    beta.run("pull", "--no-import")
    assert pattern.id not in view_ids(beta)
    learn(beta, "error-solutions", "wrong advice")
    view = merge.merged_view(beta.repo, config.CATEGORIES)["error-solutions"]
    assert view[pattern.id].seen == {"beta": 1}


def test_retract_waits_for_a_running_sync(make_node: Callable[..., Node]) -> None:
    """While sync holds its lock, retract refuses with exit 3 and writes nothing."""
    alpha = make_node("alpha")
    with state.StateDir(alpha.state).lock("sync"):
        process = alpha.run("retract", "e" * 32, "--reason", "bad", check=False)
    assert process.returncode == 3
    assert "sync is already running" in process.stderr
    assert not layout.retraction_file(alpha.repo, "alpha").exists()


def test_retract_drops_a_record_that_holds_a_secret(make_node: Callable[..., Node]) -> None:
    """A pattern holding a secret (publish never let it out) leaves this node's file for good."""
    alpha = make_node("alpha")
    kept = learn(alpha, "error-solutions", "disk full")
    leaked = learn(alpha, "error-solutions", f"token {TOKEN}")
    answer = json.loads(alpha.run("retract", leaked.id, "--reason", "leak", "--json").stdout)
    path = layout.shard_file(alpha.repo, "error-solutions", "alpha", layout.shard_name(leaked.id))
    assert answer["removed_from"] == [str(path)] and answer["seen_here"] == []
    assert list(patterns.read_node(alpha.repo, "error-solutions", "alpha")) == [kept.id]
    own = layout.node_pattern_files(alpha.repo, "error-solutions", "alpha")
    assert own and all(TOKEN not in p.read_text() for p in own)
