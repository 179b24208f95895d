"""fedlearn scan, run as the installed command: findings by file, line and rule; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from fedlearn import sample
from fedlearn.formats import layout
from tests.conftest import Node, write_jsonl

TOKEN = "ghp_" + "a1B2c3D4" * 4 + "e5F6"


def test_scan_reports_file_line_and_rule_and_exits_1(node: Node, tmp_path: Path) -> None:
    """A planted token is reported as file:line:rule, without the token, and the exit code is 1."""
    planted = tmp_path / "planted.jsonl"
    planted.write_text(
        json.dumps({"ok": True}) + "\n" + json.dumps({"text": f"use {TOKEN}"}) + "\n"
    )
    process = node.run("scan", str(planted), check=False)
    assert process.returncode == 1
    assert process.stdout.splitlines() == [
        f"{planted}:2:github-token",
        "1 secret found in 1 of 1 files",
    ]
    assert TOKEN not in process.stdout + process.stderr


def test_scan_json_lists_the_findings(node: Node, tmp_path: Path) -> None:
    """--json prints one object whose findings name path, line and rule."""
    folder = tmp_path / "notes"
    (folder / "deep").mkdir(parents=True)
    (folder / "deep" / "env.sh").write_text("# setup\nexport DB_PASSWORD=hunter22x\n")
    (folder / "clean.txt").write_text("nothing to see here\n")
    process = node.run("scan", "--json", str(folder), check=False)
    answer = json.loads(process.stdout)
    assert process.returncode == 1
    assert answer["state"] == "failed" and answer["files"] == 2
    assert answer["findings"] == [
        {"path": str(folder / "deep" / "env.sh"), "line": 2, "rule": "password"}
    ]


def test_scan_is_ok_when_nothing_is_found(node: Node, tmp_path: Path) -> None:
    """Clean files give state ok, exit 0 and a count of the files scanned."""
    for index in range(3):
        (tmp_path / f"clean{index}.txt").write_text("password_file = /run/secrets/db\n")
    process = node.run("scan", *(str(tmp_path / f"clean{i}.txt") for i in range(3)))
    assert process.stdout.strip() == "no secrets found in 3 files"


def test_scan_defaults_to_this_nodes_files_under_data(make_node: object) -> None:
    """Without paths, only this node's files under data/ are scanned, shown relative to the repo."""
    alpha: Node = make_node("alpha")  # type: ignore[operator]
    write_jsonl(layout.telemetry_file(alpha.repo, "alpha"), [{"note": f"token {TOKEN}"}])
    write_jsonl(layout.telemetry_file(alpha.repo, "beta"), [{"note": f"token {TOKEN}"}])
    write_jsonl(layout.fine_tuning_file(alpha.repo, "alpha"), [{"messages": []}])
    process = alpha.run("scan", check=False)
    assert process.returncode == 1
    assert process.stdout.splitlines() == [
        "data/telemetry/alpha.jsonl:1:github-token",
        "1 secret found in 1 of 2 files",
    ]


def test_scan_refuses_a_missing_path(node: Node, tmp_path: Path) -> None:
    """A path that does not exist is a usage error (exit 2) with a hint."""
    process = node.run("scan", str(tmp_path / "nope.jsonl"), check=False)
    assert process.returncode == 2
    assert "no such file or folder" in process.stderr and "hint:" in process.stderr


def test_scan_passes_what_sync_wrote(node: Node) -> None:
    """The files sync writes under data/ pass the scan, as publish needs them to."""
    write_jsonl(node.telemetry, sample.events(150, seed=4))
    write_jsonl(node.dataset, sample.chat_records(8, seed=4))
    node.run("sync", "-q")
    process = node.run("scan", "--json")
    answer = json.loads(process.stdout)
    assert answer["state"] == "ok" and answer["files"] >= 3 and answer["findings"] == []
