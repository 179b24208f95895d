"""Tests of fedlearn.jobs.doctor (through the installed command): many refusals stay few lines."""

from __future__ import annotations

import json

import pytest

from fedlearn.store import refusal_log
from tests.conftest import Node

pytestmark = pytest.mark.e2e
BAD = 400


def test_many_bad_names_give_a_few_warning_lines_and_doctor_lists_all_on_request(
    node: Node,
) -> None:
    """400 badly named files: status warns about NAMED and counts the rest in one line; doctor
    lists the first SHOWN and the count, every one with --all and in --json."""
    folder = node.repo / "data" / "patterns" / "error-solutions" / "mallory"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(BAD):
        (folder / f"bad{number:04d}.jsonl").write_bytes(b"{}\n")  # not a shard name: refused
    status = node.run("status")
    warned = [line for line in status.stderr.splitlines() if "ignored" in line]
    assert len(warned) == refusal_log.NAMED + 1, status.stderr
    assert f"{BAD - refusal_log.NAMED} more paths under data/ ignored" in warned[-1]
    shown = node.run("doctor", check=False)
    assert shown.returncode == 1
    listed = [line for line in shown.stdout.splitlines() if line.startswith("refused ")]
    assert len(listed) == 50
    assert f"… and {BAD - 50} more (fedlearn doctor --all lists them)" in shown.stdout
    every = node.run("doctor", "--all", check=False)
    assert sum(line.startswith("refused ") for line in every.stdout.splitlines()) == BAD
    answer = json.loads(node.run("doctor", "--json", check=False).stdout.splitlines()[-1])
    assert len(answer["refused"]) == BAD
