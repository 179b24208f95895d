"""fedlearn metrics: the Prometheus textfile, where it goes, and what it counts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import attrs
import pytest
from prometheus_client.parser import text_string_to_metric_families

from fedlearn import config, sample
from fedlearn.errors import LockHeldError
from fedlearn.jobs import metrics
from fedlearn.store import state
from tests.conftest import Node, write_jsonl

EVENTS = list(sample.events(300, seed=4, interaction_share=0.3))


def status(node: Node) -> tuple[int, dict[str, object]]:
    """Run the installed status command; return (exit code, JSON answer)."""
    process = node.run("status", "--json", check=False)
    return process.returncode, json.loads(process.stdout)


def test_metrics_parse_and_match_the_state(node: Node, tmp_path: Path) -> None:
    """The textfile parses with prometheus_client and its values match status."""
    write_jsonl(node.telemetry, EVENTS)
    node.telemetry.open("a").write("{bad line\n")
    node.run("sync")
    out = tmp_path / "textfile" / "fedlearn.prom"
    node.run("metrics", "--output", str(out))
    families = {f.name: f for f in text_string_to_metric_families(out.read_text())}
    _, answer = status(node)
    patterns = {
        (s.labels["category"], s.labels["scope"]): s.value
        for s in families["fedlearn_patterns"].samples
    }
    for category, count in answer["patterns"]["node"].items():
        assert patterns[(category, "node")] == count
    results = {
        s.labels["state"]: s.value
        for s in families["fedlearn_job_last_result"].samples
        if s.labels["job"] == "sync"
    }
    assert results == {"ok": 1, "idle": 0, "blocked": 0, "failed": 0, "interrupted": 0}
    bad = {s.labels["reason"]: s.value for s in families["fedlearn_bad_lines"].samples}
    assert bad == {"invalid-json": 1}
    success = [
        s
        for s in families["fedlearn_job_last_success_timestamp_seconds"].samples
        if s.labels["job"] == "sync"
    ]
    assert success and success[0].value > 1.7e9


@pytest.mark.parametrize("flag", ["--output", "-o"])
def test_metrics_writes_to_stdout_with_dash(node: Node, flag: str) -> None:
    """``-o -`` prints the exposition instead of writing a file."""
    process = node.run("metrics", flag, "-")
    assert "# TYPE fedlearn_patterns gauge" in process.stdout


def settings(tmp_path: Path, path: str = "") -> config.Config:
    """Return a configuration with its state dir in ``tmp_path`` and ``[metrics] path``."""
    return attrs.evolve(
        config.Config(), state_dir=str(tmp_path / "state"), metrics=config.Metrics(path=path)
    )


def output(value: str | None) -> argparse.Namespace:
    """Return parsed arguments with ``--output value``."""
    return argparse.Namespace(output=value)


def test_the_textfile_goes_under_the_state_dir_by_default(tmp_path: Path) -> None:
    """With no --output and no [metrics] path, the textfile is <state>/metrics/fedlearn.prom."""
    path = metrics.target(settings(tmp_path), output(None))
    assert path == tmp_path / "state" / "metrics" / "fedlearn.prom"


def test_output_wins_over_the_configured_path(tmp_path: Path) -> None:
    """--output is taken before [metrics] path; ``-`` means stdout, from either."""
    cfg = settings(tmp_path, str(tmp_path / "configured.prom"))
    assert metrics.target(cfg, output(None)) == tmp_path / "configured.prom"
    assert metrics.target(cfg, output(str(tmp_path / "given.prom"))) == tmp_path / "given.prom"
    assert metrics.target(cfg, output("-")) is None
    assert metrics.target(settings(tmp_path, "-"), output(None)) is None


def test_a_folder_gets_the_textfile_inside_and_home_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder (a textfile collector's) gets fedlearn.prom in it; ``~`` is the home folder."""
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "collector").mkdir()
    cfg = settings(tmp_path, "~/collector")
    assert metrics.target(cfg, output(None)) == tmp_path / "collector" / "fedlearn.prom"
    assert metrics.target(cfg, output("~/file.prom")) == tmp_path / "file.prom"


def test_run_counts_the_samples_it_wrote(tmp_path: Path) -> None:
    """The answer counts the textfile's sample lines (not its comments), and names the file."""
    cfg = settings(tmp_path)
    summary = metrics.run(cfg, output(None))
    assert isinstance(summary.result, metrics.Written)
    path = Path(summary.result.output)
    text = path.read_text()
    samples = sum(len(family.samples) for family in text_string_to_metric_families(text))
    assert summary.result.samples == samples > 0
    assert summary.lines == [f"wrote {samples} samples to {path}"]


def test_run_refuses_while_another_metrics_run_holds_its_lock(tmp_path: Path) -> None:
    """Two metrics runs never overlap: the second fails with LockHeldError, nothing written."""
    cfg = settings(tmp_path)
    with state.StateDir(cfg.state_path).lock("metrics"), pytest.raises(LockHeldError):
        metrics.run(cfg, output(None))
    assert not (cfg.state_path / "metrics" / "fedlearn.prom").exists()
