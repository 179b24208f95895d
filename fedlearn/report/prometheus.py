"""Prometheus text exposition for node_exporter's textfile collector, written atomically."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fedlearn.formats import results
from fedlearn.report.overview import Overview
from fedlearn.store import atomic, runs

PREFIX = "fedlearn"


def escape(value: str) -> str:
    """Return a label value escaped for the text format."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def sample(name: str, value: float, **labels: str) -> str:
    """Return one sample line."""
    rendered = ",".join(f'{key}="{escape(text)}"' for key, text in sorted(labels.items()))
    number = repr(float(value)) if isinstance(value, float) else str(value)
    return f"{PREFIX}_{name}{{{rendered}}} {number}" if rendered else f"{PREFIX}_{name} {number}"


def family(name: str, kind: str, text: str, samples: Iterable[str]) -> list[str]:
    """Return a metric family: HELP, TYPE and its samples."""
    return [f"# HELP {PREFIX}_{name} {text}", f"# TYPE {PREFIX}_{name} {kind}", *samples]


def epoch(moment: str) -> float:
    """Return an ISO ``…Z`` time as Unix seconds (0 when empty)."""
    if not moment:
        return 0.0
    return datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(UTC).timestamp()


JOB_GAUGES = (
    (
        "job_last_success_timestamp_seconds",
        "Unix time of the job's last ok or idle run.",
        lambda h: epoch(h.success.finished_at) if h.success else 0.0,
    ),
    (
        "job_last_work_timestamp_seconds",
        "Unix time of the job's last run that did work (ok).",
        lambda h: epoch(h.work.finished_at) if h.work else 0.0,
    ),
    (
        "job_last_run_timestamp_seconds",
        "Unix time the job's last run finished (started, for one that did not finish).",
        lambda h: epoch(h.latest().finished_at or h.latest().started_at),
    ),
    (
        "job_last_duration_seconds",
        "Duration of the job's last run.",
        lambda h: h.latest().duration_seconds,
    ),
)


def job_families(histories: dict[str, runs.History]) -> list[str]:
    """Return the per-job families: last success, last work, last run, duration and result."""
    done = {job: h for job, h in histories.items() if h.latest() is not None}
    lines: list[str] = []
    for name, text, value in JOB_GAUGES:
        lines += family(
            name, "gauge", text, (sample(name, value(r), job=j) for j, r in done.items())
        )
    lines += family(
        "job_last_result",
        "gauge",
        "1 for the outcome of the job's last run (ok, idle, blocked, failed, interrupted).",
        (
            sample("job_last_result", int(h.latest().state == s), job=j, state=s)  # type: ignore[union-attr]
            for j, h in done.items()
            for s in runs.OUTCOMES
        ),
    )
    return lines


def count_family(name: str, text: str, label: str, counts: dict[str, Any]) -> list[str]:
    """Return a counter family from a name → count table."""
    return family(
        name,
        "counter",
        text,
        (sample(name, int(n), **{label: key}) for key, n in sorted(counts.items())),
    )


def import_points(histories: dict[str, runs.History]) -> dict[tuple[str, str], int]:
    """
    Return (collection, outcome) → points from the last import's result.

    Nothing when there is none, or its run record holds no ImportResult (a failed run records
    none; a record another version wrote may not fit).
    """
    history = histories.get("import")
    run = history.last if history is not None else None
    last = results.decoded(run.summary, results.ImportResult) if run is not None else None
    found: dict[tuple[str, str], int] = {}
    for collection, counts in last.collections.items() if last is not None else []:
        found[(collection, "imported")] = counts.imported
        found[(collection, "skipped")] = counts.skipped
        found[(collection, "failed")] = counts.failed
    return found


def render(view: Overview, version: str) -> str:
    """Return the whole textfile for ``view``."""
    lines = family(
        "info",
        "gauge",
        "fedlearn node information.",
        [sample("info", 1, node=view.node, version=version)],
    )
    lines += job_families(view.runs)
    patterns_samples = [
        sample("patterns", n, category=c, scope="node") for c, n in view.patterns_node.items()
    ]
    patterns_samples += [
        sample("patterns", n, category=c, scope="merged") for c, n in view.patterns_merged.items()
    ]
    lines += family(
        "patterns",
        "gauge",
        "Patterns per category, this node's and the merged view of all nodes.",
        patterns_samples,
    )
    lines += count_family(
        "redactions_total",
        "Redactions by rule in this node's syncs.",
        "rule",
        view.totals.get("redactions", {}),
    )
    lines += count_family(
        "bad_lines_total",
        "Bad input lines set aside, by reason.",
        "reason",
        view.totals.get("bad_lines", {}),
    )
    lines += family(
        "import_points",
        "gauge",
        "Points of the last import per collection and outcome.",
        (
            sample("import_points", n, collection=c, outcome=o)
            for (c, o), n in sorted(import_points(view.runs).items())
        ),
    )
    lines += family(
        "backlog_bytes",
        "gauge",
        "Bytes of an input not read yet.",
        (sample("backlog_bytes", b.pending, input=b.path) for b in view.backlog),
    )
    lines += family(
        "input_unreadable",
        "gauge",
        "1 for a configured input that names nothing to read (missing, folder, no match).",
        (sample("input_unreadable", 1, input=p, reason=r) for p, r in view.unreadable.items()),
    )
    lines += family(
        "quarantined_lines",
        "gauge",
        "Lines in the quarantine, by reason.",
        (sample("quarantined_lines", n, reason=r) for r, n in view.quarantined.items()),
    )
    own = view.own_files
    lines += family(
        "own_files_differing",
        "gauge",
        "This node's data/ files that differ from its state now (edited outside fedlearn).",
        [sample("own_files_differing", len(own.differing))],
    )
    lines += family(
        "own_files_discarded_total",
        "counter",
        "Remote changes to this node's files that were discarded.",
        [sample("own_files_discarded_total", own.discarded)],
    )
    lines += family(
        "own_files_restored_total",
        "counter",
        "This node's data/ files restored from its state after an edit outside fedlearn.",
        [sample("own_files_restored_total", own.restored)],
    )
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> bool:
    """Write the textfile atomically (node_exporter never reads half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic.write(path, text.encode())
