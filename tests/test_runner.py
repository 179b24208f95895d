"""The runner: every command, on every way it can go wrong, ends in one line and one JSON object.

A walk of every command × {bad config, lock held, unwritable state, missing repo} through the
installed ``fedlearn`` command: never a traceback, exactly one JSON object on stdout under
``--json`` whose ``exit_code`` is the process's, and an exit code from the documented table.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fedlearn import commands, config, runner
from fedlearn.errors import FedlearnError
from tests.conftest import Node, cli_env

ARGS: dict[str, list[str]] = {
    "sync": [],
    "publish": [],
    "pull": [],
    "export": [],
    "import": [],
    "retract": ["0" * 32, "--reason", "wrong"],
    "scan": [],
    "status": [],
    "metrics": ["-o", "-"],
    "schedule": ["show", "conservative"],
    "config": ["show"],
    "demo": [],
    "init": ["--repo", "new-repo"],
    "doctor": [],
}
CASES = ("bad config", "lock held", "unwritable state", "missing repo")


@contextlib.contextmanager
def locked(state: Path, job: str) -> Iterator[None]:
    """Hold ``job``'s lock from this process, as a run of it would."""
    path = state / "locks" / f"{job}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def spoil(node: Node, case: str, tmp_path: Path) -> None:
    """Break the node's setup the way ``case`` says."""
    text = node.config_file.read_text()
    if case == "bad config":
        node.config_file.write_text(text.replace("[sync]\n", "[sync]\nvalue_treshold = 2\n"))
    elif case == "unwritable state":
        (tmp_path / "a-file").write_text("")
        node.config_file.write_text(text.replace(str(node.state), str(tmp_path / "a-file" / "st")))
    elif case == "missing repo":
        node.config_file.write_text(text.replace(str(node.repo), str(tmp_path / "gone")))


def test_the_walk_covers_every_command() -> None:
    """A new command joins the walk below."""
    assert set(ARGS) == set(commands.HELP)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", [c for c in ARGS if c != "demo"])
def test_every_command_answers_one_json_object_without_a_traceback(
    node: Node, tmp_path: Path, command: str, case: str
) -> None:
    """One JSON object on stdout, its exit_code the process's, no traceback, a known exit code."""
    spoil(node, case, tmp_path)
    with locked(node.state, command) if case == "lock held" else contextlib.nullcontext():
        process = node.run(command, *ARGS[command], "--json", "--log-format", "json", check=False)
    assert "Traceback" not in process.stderr, process.stderr
    for line in process.stderr.splitlines():  # every stderr line is JSON too
        assert isinstance(json.loads(line), dict), line
    lines = process.stdout.splitlines()
    assert len(lines) == 1, (process.stdout, process.stderr)
    answer = json.loads(lines[0])
    assert answer["exit_code"] == process.returncode
    assert process.returncode in runner.EXIT_CODES
    if process.returncode:
        failed = "error" in answer or answer["state"] == "failed"
        assert failed, answer
    if case == "bad config" and command != "init":
        assert process.returncode == 2 and "value_treshold" in answer["details"][0]
    if case == "lock held" and command in commands.RECORDED:
        assert process.returncode == 3 and answer["state"] == "blocked"
    if case == "missing repo" and command in commands.NEEDS_REPO:
        assert process.returncode == 1 and "is not a git work tree" in answer["error"]


def test_usage_errors_answer_one_json_object_too(node: Node) -> None:
    """Words that do not parse exit 2 with one JSON object under --json."""
    process = node.run("sync", "--no-such-option", "--json", check=False)
    answer = json.loads(process.stdout)
    assert process.returncode == answer["exit_code"] == 2
    assert "--no-such-option" in answer["error"]


def test_an_embedded_store_failure_is_one_line(tmp_path: Path) -> None:
    """sqlite3's OperationalError (the embedded Qdrant store's file) becomes a FedlearnError naming
    the store; any other error goes up as it is."""
    import sqlite3
    import types

    cfg = config.Config(state_dir=str(tmp_path / "state"))
    for raised in (sqlite3.OperationalError("disk I/O error"), ValueError("other")):

        def run(cfg: config.Config, args: object, raised: Exception = raised) -> None:
            raise raised

        job = types.SimpleNamespace(run=run)
        with pytest.raises((FedlearnError, ValueError)) as caught:
            runner.run_job("import", job, cfg, argparse.Namespace())  # type: ignore[arg-type]
        if isinstance(raised, ValueError):
            assert caught.value is raised
        else:
            assert isinstance(caught.value, FedlearnError) and "disk I/O error" in str(caught.value)
            assert str(tmp_path / "state" / "qdrant") in str(caught.value)


def test_a_sync_loads_no_module_it_does_not_use(node: Node) -> None:
    """A sync imports neither sqlite3 (only the embedded Qdrant store needs it), shutil, nor the
    remote's module and its retries (no rebase was left to abort): ~20 ms of every run."""
    code = (
        "import sys\n"
        "from fedlearn import cli\n"
        "assert cli.main(['sync', '-q', '--config', sys.argv[1]]) == 0\n"
        "print(sorted({'sqlite3', 'shutil', 'tenacity', 'fedlearn.store.git_remote'} & set(sys.modules)))\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", code, str(node.config_file)],
        capture_output=True,
        text=True,
        check=True,
        env=cli_env(),
        cwd=node.root,
    )
    assert process.stdout.splitlines()[-1] == "[]"
