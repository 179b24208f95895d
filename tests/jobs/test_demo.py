"""fedlearn demo runs the whole loop with no service: B answers from A's knowledge, no secret leaks."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from fedlearn.jobs import demo
from tests.conftest import run_fedlearn

pytestmark = pytest.mark.e2e


def test_demo_answers_from_node_a_and_leaks_nothing(tmp_path: Path) -> None:
    """The installed demo finds A's solution in B's Qdrant; no planted secret is in git or files."""
    folder = tmp_path / "demo"
    answer = json.loads(run_fedlearn("demo", str(folder), "--json", "--events", "2000").stdout)
    assert answer["state"] == "ok" and answer["secrets_found"] == 0
    payload = answer["answer"]
    assert payload["origin"] == "fedlearn" and list(payload["seen"]) == ["node-a"]
    assert "Qdrant" in payload["fields"]["solution"]
    assert any(name.startswith("data/patterns/error-solutions/node-a") for name in answer["files"])
    history = subprocess.run(
        ["git", "-C", str(folder / "node-b" / "repo"), "log", "--all", "-p"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tracked = "".join(
        p.read_text(errors="replace")
        for p in (folder / "node-b" / "repo" / "data").rglob("*")
        if p.is_file()
    )
    for secret in demo.PLANTED:
        assert secret not in history and secret not in tracked
    assert (folder / "node-a" / "runtime" / "hybrid-events.jsonl").read_text().count(
        demo.PLANTED[0]
    ) == 1


def test_demo_prints_each_step(tmp_path: Path) -> None:
    """Without --json the demo narrates its steps and ends with the data/ tree."""
    process = run_fedlearn("demo", str(tmp_path / "d"), "--events", "500")
    for step in (
        "node-a: sync",
        "node-a: publish",
        "node-b: clone and pull",
        "node-b: import",
        "node-b: ask its Qdrant",
        "0 of 5 found",
        "data/ as node-b sees it",
    ):
        assert step in process.stdout


def test_demo_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    """An existing non-empty folder is a usage error (exit 2), left untouched."""
    (tmp_path / "keep.txt").write_text("mine")
    process = run_fedlearn("demo", str(tmp_path), check=False)
    assert process.returncode == 2 and "not empty" in process.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
