"""Guarantee 6 end to end: nodes syncing, publishing and pulling in any order converge, conflict-free.

Every node is a real clone of one bare remote with its own config, state dir and telemetry, driven
through the installed ``fedlearn`` command. The expected view is computed here, independently of
fedlearn's merge code, from each node's own files as that node wrote them.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from fedlearn import config, sample
from fedlearn.formats import layout
from fedlearn.learn import merge
from tests.conftest import Node, cli_env, fedlearn_command, git, write_jsonl

pytestmark = pytest.mark.e2e

SEED = 20260102
NODES = ("n1", "n2", "n3", "n4")
STEPS = 48


def event(number: int, step: int, rng: random.Random) -> dict[str, Any]:
    """Return high-value telemetry event ``number`` of a shared pool (same number, same pattern)."""
    stamp = f"2026-01-{1 + step // 24:02d}T{step % 24:02d}:{rng.randrange(60):02d}:00Z"
    head: dict[str, Any] = {"timestamp": stamp, "value_score": round(rng.uniform(0.75, 1.0), 3)}
    kind = number % 3
    if kind == 0:
        return head | {
            "event_type": "interaction",
            "error_message": f"error {number}: service failed to start",
            "solution": f"restart dependency {number} first",
        }
    if kind == 1:
        return head | {
            "event_type": "best_practice",
            "title": f"practice {number}",
            "description": f"always do thing {number} before deploying",
        }
    return head | {
        "event_type": "interaction",
        "skill_name": f"skill-{number}",
        "description": f"how to handle case {number}",
    }


def own_records(node: Node) -> list[dict[str, Any]]:
    """Return the pattern records ``node`` wrote into its own files (either layout), from its clone."""
    found = []
    for category in config.CATEGORIES:
        folder = node.repo / "data" / "patterns" / category
        for path in [folder / f"{node.name}.jsonl", *sorted(folder.glob(f"{node.name}/*.jsonl"))]:
            if path.exists():
                found += [json.loads(line) for line in path.read_text().splitlines()]
    return found


def own_retractions(node: Node) -> set[str]:
    """Return the ids ``node`` retracted, from its own clone."""
    path = node.repo / "data" / "retractions" / f"{node.name}.jsonl"
    return (
        {json.loads(line)["id"] for line in path.read_text().splitlines()}
        if path.exists()
        else set()
    )


def joined(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Return DESIGN.md's join of two records with one id, written out here independently."""
    base = min(a, b, key=lambda r: (r["text"], json.dumps(r["fields"], sort_keys=True)))
    seen = {
        n: max(a["seen"].get(n, 0), b["seen"].get(n, 0)) for n in sorted({*a["seen"], *b["seen"]})
    }
    return base | {
        "value_score": max(a["value_score"], b["value_score"]),
        "first_seen": min(a["first_seen"], b["first_seen"]),
        "last_seen": max(a["last_seen"], b["last_seen"]),
        "seen": seen,
    }


def expected_view(nodes: list[Node]) -> dict[str, dict[str, Any]]:
    """
    Return category → id → record: the join of every node's own files, each node's records of
    the ids it retracted left out (a node withdraws only its own knowledge).
    """
    view: dict[str, dict[str, Any]] = {category: {} for category in config.CATEGORIES}
    for node in nodes:
        withdrawn = own_retractions(node)
        for record in own_records(node):
            if record["id"] in withdrawn:
                continue
            table = view[record["category"]]
            table[record["id"]] = (
                joined(table[record["id"]], record) if record["id"] in table else record
            )
    return {category: dict(sorted(table.items())) for category, table in view.items()}


def merged_view(node: Node) -> dict[str, Any]:
    """Return ``node``'s merged view as plain data."""
    view: dict[str, Any] = msgspec.to_builtins(merge.merged_view(node.repo, config.CATEGORIES))
    return view


def assert_no_conflict_state(node: Node) -> None:
    """Fail when ``node``'s clone holds conflicts or an unfinished merge or rebase."""
    assert git(node.repo, "ls-files", "--unmerged") == ""
    for marker in ("MERGE_HEAD", "rebase-merge", "rebase-apply"):
        assert not (node.repo / ".git" / marker).exists()


# The last commit with the old, unsharded pattern layout: the first half of the random schedule runs
# that version, the second half this one, so every node migrates in the middle (issue 20).
OLD_LAYOUT_COMMIT = "6670001"


def old_version(folder: Path) -> dict[str, str] | None:
    """Return the environment that runs the old-layout fedlearn (unpacked under ``folder``)."""
    repo = Path(__file__).resolve().parents[2]
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", OLD_LAYOUT_COMMIT, "fedlearn"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        return None
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return cli_env() | {"PYTHONPATH": str(folder)}


class Federation:
    """The nodes of one test and the steps run on them; every command must succeed."""

    def __init__(self, nodes: list[Node], rng: random.Random) -> None:
        self.nodes = nodes
        self.rng = rng
        self.attempts: list[int] = []
        self.old: dict[str, str] | None = None  # the old version's environment while it runs

    def command(self) -> list[str]:
        """Return the fedlearn command of the version running now."""
        return [sys.executable, "-m", "fedlearn"] if self.old else fedlearn_command()

    def run(self, node: Node, *args: str) -> subprocess.CompletedProcess[str]:
        """Run fedlearn (the version running now) with ``node``'s config; it must succeed."""
        process = subprocess.run(
            [*self.command(), *args, "--config", str(node.config_file)],
            env=self.old or cli_env(),
            capture_output=True,
            text=True,
            check=False,
            cwd=node.root,
        )
        assert process.returncode == 0, f"fedlearn {args}: {process.stdout}\n{process.stderr}"
        return process

    def feed(self, node: Node, numbers: list[int], step: int) -> None:
        """Append the pool events ``numbers`` to the node's telemetry and sync."""
        write_jsonl(node.telemetry, [event(n, step, self.rng) for n in numbers], append=True)
        self.run(node, "sync", "-q")

    def publish(self, node: Node) -> None:
        """Publish ``node``; keep its push attempts."""
        answer = json.loads(self.run(node, "publish", "--json", "-q").stdout)
        if answer.get("pushed"):
            self.attempts.append(answer["attempts"])

    def race(self, first: Node, second: Node) -> None:
        """Publish two nodes at the same moment, as two real processes."""
        running = [
            subprocess.Popen(
                [*self.command(), "publish", "--json", "-q", "--config", str(node.config_file)],
                env=self.old or cli_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for node in (first, second)
        ]
        for process in running:
            out, err = process.communicate(timeout=600)
            assert process.returncode == 0, err
            self.attempts.append(json.loads(out).get("attempts", 0))

    def retract_one(self, node: Node) -> str | None:
        """
        Retract a random id of ``node``'s merged view that ``node`` has seen itself (its tombstone
        withdraws its own record: the id stays while another node holds it); return it.
        """
        own = {record["id"] for record in own_records(node)}
        ids = sorted(i for table in merged_view(node).values() for i in table if i in own)
        if not ids:
            return None
        chosen = self.rng.choice(ids)
        self.run(node, "retract", chosen, "--reason", "test retraction", "-q")
        return chosen

    def step(self, number: int) -> str:
        """Run one random step; return its name."""
        kind = self.rng.choices(
            ("sync", "publish", "pull", "race", "shared", "retract"), (30, 25, 20, 10, 10, 3)
        )[0]
        one, two = self.rng.sample(self.nodes, 2)
        if kind == "sync":
            self.feed(one, self.rng.sample(range(30), self.rng.randint(1, 4)), number)
        elif kind == "publish":
            self.publish(one)
        elif kind == "pull":
            self.run(one, "pull", "-q")
        elif kind == "race":
            self.race(one, two)
        elif kind == "shared":
            shared = self.rng.sample(range(30), 2)
            self.feed(one, shared, number)
            self.feed(two, shared, number)
            self.race(one, two)
        elif self.old is None:  # the old version's retract drops the record: its tombstone
            self.retract_one(one)  # would lack the evidence the current version asks for
        return kind


def install_racer(node: Node, rival: Node, federation: Federation) -> None:
    """Make ``rival`` publish just before ``node``'s next push, once: ``node``'s push is rejected."""
    hook = node.repo / ".git" / "hooks" / "pre-push"
    marker = node.root / "raced"
    command = " ".join([*federation.command(), "publish", "-q", "--config", str(rival.config_file)])
    path = f"export PYTHONPATH={federation.old['PYTHONPATH']}\n" if federation.old else ""
    hook.write_text(
        f"#!/bin/sh\nunset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE\n{path}"
        f"[ -e {marker} ] && exit 0\ntouch {marker}\n{command}\n"
    )
    hook.chmod(0o755)


def test_random_schedule_converges_without_conflicts(
    make_node: Callable[..., Node], remote: Path, tmp_path: Path
) -> None:
    """
    A seeded random schedule of syncs, publishes, pulls, races and retractions converges exactly;
    its first half runs the old-layout version, so every node migrates in the middle.
    """
    rng = random.Random(SEED)
    nodes = [make_node(name, pull={"import_after": False}) for name in NODES]
    federation = Federation(nodes, rng)
    federation.old = old_version(tmp_path / "old")
    if federation.old is None:
        pytest.skip(f"needs the git history (commit {OLD_LAYOUT_COMMIT}) to run the old version")
    federation.feed(nodes[0], [0, 1, 2], 0)
    federation.feed(nodes[1], [0, 3], 0)
    install_racer(nodes[0], nodes[1], federation)
    answer = json.loads(federation.run(nodes[0], "publish", "--json").stdout)
    assert answer["attempts"] == 2, "the first push lost the race and was retried"
    kinds = [federation.step(number) for number in range(1, STEPS // 2 + 1)]
    assert any(layout.pattern_file(nodes[0].repo, c, "n1").exists() for c in config.CATEGORIES)
    federation.old = None  # the upgrade: each node migrates at its next sync
    kinds += [federation.step(number) for number in range(STEPS // 2 + 1, STEPS + 1)]
    assert {"race", "shared", "pull"} <= set(kinds)
    for node in nodes:
        federation.feed(node, [rng.randrange(30)], STEPS + 1)
        federation.publish(node)
    for node in nodes:
        federation.run(node, "pull", "-q")
    head = git(remote, "rev-parse", "main")
    expected = expected_view(nodes)
    for node in nodes:
        assert_no_conflict_state(node)
        assert git(node.repo, "rev-parse", "HEAD") == head
        assert git(node.repo, "status", "--porcelain", "--", "data") == ""
        assert merged_view(node) == expected
        assert not any(
            layout.pattern_file(node.repo, c, n.name).exists()
            for c in config.CATEGORIES
            for n in nodes
        ), "every node migrated"
    records = [r for table in expected.values() for r in table.values()]
    assert len(records) >= 10
    assert any(len(r["seen"]) >= 2 for r in records), "some pattern was learned on two nodes"


def test_plain_git_merge_between_clones_never_conflicts(make_node: Callable[..., Node]) -> None:
    """Clones that only commit (no push) are merged with plain ``git pull`` as a forge would: no conflict."""
    rng = random.Random(SEED + 1)
    nodes = [
        make_node(name, publish={"remote": "nowhere"}, sync={"snapshots_keep": 2})
        for name in ("m1", "m2", "m3")
    ]
    chats = list(sample.chat_records(60, seed=SEED))
    for round_number in range(6):
        for node in nodes:
            numbers = rng.sample(range(12), 3)
            write_jsonl(node.telemetry, [event(n, round_number, rng) for n in numbers], append=True)
            write_jsonl(node.dataset, rng.sample(chats, 4), append=True)
            node.run("sync", "-q")
            node.run("publish", "-q")
        for _ in range(3):
            into, other = rng.sample(nodes, 2)
            git(into.repo, "pull", "-q", "--no-rebase", "--no-edit", str(other.repo), "main")
            assert_no_conflict_state(into)
    for _ in range(2):
        for into in nodes:
            for other in nodes:
                if other is not into:
                    git(
                        into.repo, "pull", "-q", "--no-rebase", "--no-edit", str(other.repo), "main"
                    )
    expected = expected_view(nodes)
    trees = {git(node.repo, "rev-parse", "HEAD^{tree}") for node in nodes}
    assert len(trees) == 1
    for node in nodes:
        assert merged_view(node) == expected
    merges = int(git(nodes[0].repo, "rev-list", "--merges", "--count", "HEAD"))
    assert merges > 0


def qdrant_has(node: Node, category: str, pattern_id: str) -> bool:
    """Return whether ``node``'s embedded Qdrant holds the point of ``pattern_id``."""
    from qdrant_client import QdrantClient

    client = QdrantClient(path=str(node.state / "qdrant"))
    try:
        if not client.collection_exists(category):
            return False
        # A pattern's point id is its 32-hex content id read as a UUID (fedlearn.vectors.points).
        return bool(client.retrieve(category, [str(uuid.UUID(hex=pattern_id))]))
    finally:
        client.close()


def test_retraction_leaves_every_merged_view_and_qdrant(make_node: Callable[..., Node]) -> None:
    """A pattern retracted on one node is gone from every node's merged view and Qdrant after pull."""
    pytest.importorskip("fedlearn.jobs.import_", reason="import lands with the qdrant branch")
    alpha, beta, gamma = (make_node(name) for name in ("alpha", "beta", "gamma"))
    rng = random.Random(SEED + 2)
    write_jsonl(alpha.telemetry, [event(0, 1, rng), event(1, 1, rng)])
    alpha.run("sync", "-q")
    alpha.run("publish", "-q")
    alpha.run("import", "-q")
    for node in (beta, gamma):
        node.run("pull", "-q")
    gone = next(iter(merged_view(alpha)["error-solutions"]))
    kept = next(iter(merged_view(alpha)["best-practices"]))
    for node in (alpha, beta, gamma):
        assert qdrant_has(node, "error-solutions", gone)
    alpha.run("retract", gone, "--reason", "wrong advice", "-q")
    alpha.run("publish", "-q")
    alpha.run("import", "-q")
    for node in (beta, gamma):
        node.run("pull", "-q")
    for node in (alpha, beta, gamma):
        view = merged_view(node)
        assert gone not in view["error-solutions"]
        assert kept in view["best-practices"]
        assert not qdrant_has(node, "error-solutions", gone)
        assert qdrant_has(node, "best-practices", kept)
