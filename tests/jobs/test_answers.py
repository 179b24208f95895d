"""Every job's ``--json`` answer for one representative run, pinned key by key and value by value.

The answers are produced from each job's typed result; these files were captured from the
dict-based answers before the results were typed, so a renamed, dropped, reordered or retyped key
fails here. Times, commit hashes, stamps and the temp folder are masked (they differ per run).
Rewrite the pinned files with ``FEDLEARN_PIN_ANSWERS=1`` only when an answer is meant to change.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fedlearn import sample
from fedlearn.learn import patterns
from tests.conftest import Node, git, init_repo, run_fedlearn, write_jsonl
from tests.jobs import livestore

PINNED = Path(__file__).resolve().parent.parent / "data" / "answers"
SMALL = {"embedding": {"dimension": 16}}
SKILLS = [{"description": f"use nix flakes to pin input number {i}", "n": i} for i in range(12)]
MASKS = [
    (re.compile(r"\b[0-9a-f]{40}\b"), "<sha>"),
    (re.compile(r"\b[0-9a-f]{12}\b"), "<short-sha>"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"), "<time>"),
    (re.compile(r"\d{8}T\d{6}Z"), "<stamp>"),
    (re.compile(r"monthly/\d{4}-\d\d/"), "monthly/<month>/"),
    (re.compile(r'"duration_seconds":[0-9.e-]+'), '"duration_seconds":0'),
    (re.compile(r'"(size|offset)":\d+'), r'"\1":0'),
]


def masked(text: str, root: Path) -> str:
    """Return one JSON answer with the per-run values masked."""
    text = text.replace(str(root), "<tmp>")
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


def answer(node: Node, *args: str, check: bool = True) -> str:
    """Return the one JSON line ``fedlearn ARGS --json`` prints for ``node``."""
    process = node.run(*args, "--json", "-q", check=check)
    [line] = process.stdout.splitlines()
    return line


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[str, Path]]]:
    """Run every job once over two nodes and a bare remote; return name → (answer, temp root)."""
    root = tmp_path_factory.mktemp("answers")
    remote = init_repo(root / "remote.git", bare=True)
    nodes = {}
    for name in ("alpha", "beta"):
        clone = root / name / "repo"
        clone.parent.mkdir(parents=True)
        subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
        git(clone, "config", "user.email", "test@example.invalid")
        git(clone, "config", "user.name", "fedlearn test")
        nodes[name] = Node(root / name, name, clone, **SMALL)
    alpha, beta = nodes["alpha"], nodes["beta"]
    write_jsonl(alpha.telemetry, sample.events(300, seed=7, interaction_share=0.3))
    with alpha.telemetry.open("a") as handle:
        handle.write("not json\n")
    write_jsonl(alpha.dataset, sample.chat_records(6, seed=3))
    got: dict[str, str] = {}
    got["sync"] = answer(alpha, "sync")
    got["sync-idle"] = answer(alpha, "sync")
    livestore.seed(alpha, "skills-patterns", SKILLS)
    got["export"] = answer(alpha, "export")
    got["publish-dry-run"] = answer(alpha, "publish", "--dry-run")
    got["publish"] = answer(alpha, "publish")
    got["pull"] = answer(beta, "pull")
    got["import-idle"] = answer(beta, "import")
    got["import-full"] = answer(beta, "import", "--full", "--overwrite")
    first = min(patterns.read_node(alpha.repo, "error-solutions", "alpha"))
    got["retract"] = answer(alpha, "retract", first, "--reason", "wrong")
    got["scan"] = answer(alpha, "scan")
    got["metrics"] = answer(alpha, "metrics", "--output", str(root / "fedlearn.prom"))
    got["status"] = answer(alpha, "status")
    got["schedule"] = answer(alpha, "schedule", "list")
    got["schedule-show"] = answer(alpha, "schedule", "show", "minimal")
    got["config"] = answer(alpha, "config", "validate", str(alpha.config_file))
    got["config-show"] = answer(alpha, "config", "show")
    (alpha.repo / "data" / "elsewhere.jsonl").symlink_to(root / "remote.git" / "HEAD")
    got["doctor"] = answer(alpha, "doctor", check=False)
    gamma = root / "gamma"
    init = ("init", "--repo", str(gamma / "repo"), "--config", str(gamma / "config.toml"))
    got["init"] = masked(run_fedlearn(*init, "--json", "-q").stdout, root)
    got["demo"] = masked(run_fedlearn("demo", str(root / "demo"), "--json", "-q").stdout, root)
    yield {name: (text, root) for name, text in got.items()}


CASES = [
    "sync",
    "sync-idle",
    "export",
    "publish-dry-run",
    "publish",
    "pull",
    "import-idle",
    "import-full",
    "retract",
    "scan",
    "metrics",
    "status",
    "schedule",
    "schedule-show",
    "config",
    "config-show",
    "doctor",
    "init",
    "demo",
]


@pytest.mark.parametrize("case", CASES)
def test_json_answer_is_unchanged(answers: dict[str, tuple[str, Path]], case: str) -> None:
    """The answer has the same keys in the same order, with the same values, as pinned."""
    text, root = answers[case]
    got = masked(text, root).strip()
    path = PINNED / f"{case}.json"
    if os.environ.get("FEDLEARN_PIN_ANSWERS") == "1":
        path.write_text(json.dumps(json.loads(got), indent=1) + "\n")
    expected: Any = json.loads(path.read_text())
    assert json.loads(got) == expected
    # The same keys in the same order at every depth, not only the same values.
    assert json.dumps(json.loads(got), indent=1) + "\n" == path.read_text()
