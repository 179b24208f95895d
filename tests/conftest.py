"""Shared fixtures: configs in temp dirs, real git repositories, and the installed ``fedlearn`` command."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fedlearn import config, logs, retry
from fedlearn.anonymize import engine

engine.STRICT = True  # a rule's own exception fails its test instead of redacting a whole text

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--block-re2``: run as if google-re2 were not installed (.ci/run does, for anonymize)."""
    parser.addoption(
        "--block-re2",
        action="store_true",
        help="make `import re2` fail, so the anonymizer takes its keyword-trigger path",
    )


def pytest_configure(config: pytest.Config) -> None:
    """
    Let child Pythons keep their bytecode, and block google-re2 when ``--block-re2`` is given.

    The tests start the installed ``fedlearn`` and ``python -m pytest`` hundreds of times. With
    ``PYTHONDONTWRITEBYTECODE`` set (some shells and CI images set it), each of them compiled
    every module from source again: ~0.6 s of CPU per start, most of a small job's time. The
    children write their bytecode under one folder in the temp dir instead (never beside the
    sources), which every later child and run reads; a changed source is compiled again, as
    Python checks each file's size and time.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX",
        str(Path(tempfile.gettempdir()) / f"fedlearn-tests-bytecode-{os.getuid()}"),
    )
    if config.getoption("--block-re2"):
        sys.modules["re2"] = None  # type: ignore[assignment]  # what an absent module looks like


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` and return its stdout; fail the test on error."""
    process = subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, check=False
    )
    assert process.returncode == 0, f"git {' '.join(args)}: {process.stderr}"
    return process.stdout


def init_repo(path: Path, *, bare: bool = False) -> Path:
    """Create a git repository with a local identity and main as the default branch."""
    path.mkdir(parents=True, exist_ok=True)
    flags = ["--bare"] if bare else []
    subprocess.run(["git", "init", "-q", "-b", "main", *flags, str(path)], check=True)
    if not bare:
        git(path, "config", "user.email", "test@example.invalid")
        git(path, "config", "user.name", "fedlearn test")
    return path


def toml_value(value: Any) -> str:
    """Render a Python value as a TOML value (strings, numbers, bools, lists, inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def render_toml(table: dict[str, Any]) -> str:
    """Render a two-level table (top keys and [sections]) as TOML."""
    lines = [f"{k} = {toml_value(v)}" for k, v in table.items() if not isinstance(v, dict)]
    for section, body in table.items():
        if isinstance(body, dict):
            lines.append(f"\n[{section}]")
            lines += [f"{k} = {toml_value(v)}" for k, v in body.items()]
    return "\n".join(lines) + "\n"


class Node:
    """One simulated machine: its own folder, config file, state dir, telemetry and repo clone."""

    def __init__(self, root: Path, name: str, repo: Path, **sections: dict[str, Any]) -> None:
        self.name = name
        self.root = root
        self.repo = repo
        self.state = root / "state"
        self.telemetry = root / "runtime" / "hybrid-events.jsonl"
        self.dataset = root / "runtime" / "dataset.jsonl"
        self.telemetry.parent.mkdir(parents=True, exist_ok=True)
        table: dict[str, Any] = {
            "node_id": name,
            "repo": str(repo),
            "state_dir": str(self.state),
            "sync": {"telemetry": [str(self.telemetry)], "fine_tuning": str(self.dataset)},
            "embedding": {"dimension": 64},
            "qdrant": {"retry_attempts": 1},
            "publish": {"push_attempts": 3, "push_deadline": 30.0},
        }
        for section, values in sections.items():
            table.setdefault(section, {}).update(values)
        self.config_file = root / "config.toml"
        self.config_file.write_text(render_toml(table))

    def config(self) -> config.Config:
        """Return this node's loaded configuration."""
        return config.load(self.config_file, required=True)

    def run(
        self, *args: str, check: bool = True, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """Run the installed ``fedlearn`` command with this node's config."""
        return run_fedlearn(
            *args, "--config", str(self.config_file), check=check, cwd=self.root, timeout=timeout
        )


def fedlearn_command() -> list[str]:
    """Return the installed ``fedlearn`` console script (beside this Python), else ``python -m fedlearn``."""
    script = Path(sys.executable).with_name("fedlearn")
    if script.exists():
        return [str(script)]
    found = shutil.which("fedlearn")
    return [found] if found else [sys.executable, "-m", "fedlearn"]


def cli_env() -> dict[str, str]:
    """Return the environment for subprocess runs: this checkout's code first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    env.pop("FEDLEARN_CONFIG", None)
    env.setdefault("GIT_AUTHOR_NAME", "fedlearn test")
    env.setdefault("GIT_AUTHOR_EMAIL", "test@example.invalid")
    env.setdefault("GIT_COMMITTER_NAME", "fedlearn test")
    env.setdefault("GIT_COMMITTER_EMAIL", "test@example.invalid")
    return env


def run_fedlearn(
    *args: str, check: bool = True, cwd: Path | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``fedlearn`` command and return the finished process."""
    process = subprocess.run(
        [*fedlearn_command(), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=cli_env(),
        timeout=timeout,
        check=False,
    )
    if check:
        assert process.returncode == 0, (
            f"fedlearn {' '.join(args)} exited {process.returncode}:\n{process.stdout}\n{process.stderr}"
        )
    return process


@pytest.fixture(autouse=True)
def restore_logging() -> Any:
    """
    Put fedlearn's and the warnings' loggers back as they were after each test: a test running
    ``cli.main`` sets them up (its handler, no propagation to the root, where ``caplog`` listens)
    and must not change what the tests after it see, in any order and on any xdist worker.
    """
    saved = {}
    for name in ("fedlearn", "py.warnings"):
        logger = logging.getLogger(name)
        saved[name] = (logger.handlers[:], logger.level, logger.propagate)
    plain = logs._plain
    yield
    logging.captureWarnings(False)
    logs._plain = plain
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:], logger.level, logger.propagate = handlers, level, propagate


@pytest.fixture(autouse=True)
def no_retry_waits() -> Any:
    """Retries in this process never wait (stamina's testing switch); their caps stay as configured."""
    retry.set_testing(True)
    yield
    retry.set_testing(False)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """Return a bare git repository with one initial commit on main, as a forge would hold it."""
    bare = init_repo(tmp_path / "remote.git", bare=True)
    seed = init_repo(tmp_path / "seed")
    (seed / "README.md").write_text("federation repo\n")
    git(seed, "add", "README.md")
    git(seed, "commit", "-q", "-m", "initial")
    git(seed, "remote", "add", "origin", str(bare))
    git(seed, "push", "-q", "origin", "main")
    return bare


@pytest.fixture
def make_node(tmp_path: Path, remote: Path) -> Callable[..., Node]:
    """Return a factory of nodes, each with its own clone of the shared bare remote."""

    def make(name: str, **sections: dict[str, Any]) -> Node:
        root = tmp_path / "nodes" / name
        root.mkdir(parents=True)
        clone = root / "repo"
        subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
        git(clone, "config", "user.email", "test@example.invalid")
        git(clone, "config", "user.name", "fedlearn test")
        return Node(root, name, clone, **sections)

    return make


@pytest.fixture
def node(make_node: Callable[..., Node]) -> Node:
    """Return one node named ``alpha`` with its clone of a fresh bare remote."""
    return make_node("alpha")


def write_jsonl(path: Path, records: Any, *, append: bool = False) -> None:
    """Write (or append) JSON objects as lines to ``path``."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a" if append else "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


def own_pattern_bytes(repo: Path, category: str, node: str) -> bytes:
    """Return ``node``'s pattern records of ``category`` as one file's bytes: its shards in order."""
    from fedlearn.formats import layout

    return b"".join(p.read_bytes() for p in layout.node_pattern_files(repo, category, node))


def telemetry_bytes(repo: Path, node: str) -> bytes:
    """Return ``node``'s telemetry snapshot as one file's bytes: its segments, oldest first."""
    from fedlearn.formats import layout

    return b"".join(
        p.read_bytes() for p in layout.telemetry_segments(layout.telemetry_dir(repo, node))
    )


def node_outputs(repo: Path, node: str) -> dict[str, bytes]:
    """Return ``node``'s files whose bytes must not depend on how the input arrived (its
    patterns, fine-tuning dataset and telemetry snapshot), by repo-relative path."""
    from fedlearn.formats import layout

    paths = [
        path
        for c in ("skills-patterns", "error-solutions", "best-practices")
        for path in layout.node_pattern_files(repo, c, node)
    ]
    paths += [layout.fine_tuning_file(repo, node), layout.telemetry_file(repo, node)]
    paths += layout.telemetry_segments(layout.telemetry_dir(repo, node))
    return {str(p.relative_to(repo)): p.read_bytes() for p in paths if p.exists()}


def config_problems(table: dict[str, Any]) -> list[str]:
    """Return the problems loading the parsed TOML ``table`` gives (none when it loads)."""
    from fedlearn.errors import ConfigError

    try:
        config.finalize(config.structure(table, source="c.toml"))
    except ConfigError as error:
        return list(error.details)
    return []


def sync_json(node: Node) -> dict[str, Any]:
    """Run sync in-process for ``node`` and return its JSON answer (captured from stdout)."""
    import contextlib
    import io
    import json

    from fedlearn import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["sync", "--config", str(node.config_file), "--json", "-q"]) == 0
    answer: dict[str, Any] = json.loads(out.getvalue().strip().splitlines()[-1])
    return answer


@pytest.fixture
def fulls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Return a list that grows by one each time status's merged counts are made anew
    (``tally_files.full``), for tests of what a count reads again."""
    from fedlearn.report import tally_files

    calls: list[int] = []
    counting = tally_files.full

    def full(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return counting(*args, **kwargs)

    monkeypatch.setattr(tally_files, "full", full)
    return calls


@pytest.fixture
def pattern_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return the pattern files read whole (``patterns.read_whole``), relative to data/patterns,
    for tests of which files a view or a count reads."""
    from fedlearn.learn import patterns

    found: list[str] = []
    reading = patterns.read_whole

    def read_whole(path: Path, **kwargs: Any) -> tuple[list[patterns.Pattern], bool]:
        found.append(path.relative_to(path.parents[2]).as_posix())
        return reading(path, **kwargs)

    monkeypatch.setattr(patterns, "read_whole", read_whole)
    return found
