"""fedlearn status: this node, its repo, each job's last run, backlog, patterns, snapshots, locks.

Exit 1 when the last run of any job failed.
"""

from __future__ import annotations

import argparse
from typing import Any

from fedlearn import config
from fedlearn.jobs import Summary
from fedlearn.report import overview
from fedlearn.vectors import identity


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Status takes only the common options."""


def run_line(job: str, run: Any) -> str:
    """Return one job's last run as a line."""
    if run is None:
        return f"  {job:<8} never ran"
    counts = ", ".join(
        f"{k} {v}"
        for k, v in run.summary.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    )
    error = f" ({run.error})" if run.error else ""
    return f"  {job:<8} {run.state:<7} {run.finished_at} in {run.duration_seconds:.1f}s{error}" + (
        f"; {counts}" if counts else ""
    )


def git_line(facts: dict[str, Any]) -> str:
    """Return the repo's branch and its distance to the remote as text."""
    if not facts.get("is_repo"):
        return "not a git repository"
    where = f"branch {facts['branch']}"
    if "upstream" in facts:
        where += f", {facts['ahead']} ahead / {facts['behind']} behind {facts['upstream']}"
    return where


def own_line(facts: dict[str, Any]) -> str:
    """Return the state of this node's own files as a line."""
    differing = facts.get("differing", [])
    if not facts.get("adopted"):
        state = "not yet taken into the state dir (the next sync does)"
    elif differing:
        first = differing[0]
        state = (
            f"{len(differing)} edited outside fedlearn ({first['path']} {first['what']}"
            f"{', …' if len(differing) > 1 else ''}); the next sync or publish restores them"
        )
    else:
        state = "as this node's state says"
    if facts.get("discarded"):
        state += (
            f"; {facts['discarded']} remote change{'s' * (facts['discarded'] != 1)} to them "
            f"discarded, last at {facts['last_discarded_at']}"
        )
    return f"own files: {state}"


def text(view: overview.Overview) -> list[str]:
    """Return the human status."""
    lines = [f"node {view.node}", f"repo {view.repo} ({git_line(view.git)})", "jobs:"]
    lines += [run_line(job, run) for job, run in view.runs.items()]
    lines += [f"backlog: {b.path}: {b.pending} bytes unread" for b in view.backlog]
    lines.append(
        "patterns: "
        + ", ".join(
            f"{c} {view.patterns_node[c]} here / {view.patterns_merged.get(c, 0)} merged"
            for c in view.patterns_node
        )
    )
    lines.append(own_line(view.own_files))
    lines.append(
        "snapshots: " + (", ".join(f"{c} {s}" for c, s in view.snapshots.items()) or "none")
    )
    lines.append(
        "quarantined: " + (", ".join(f"{r} {n}" for r, n in view.quarantined.items()) or "none")
    )
    lines.append(
        "locks: "
        + (", ".join(f"{j} held by pid {p}" for j, p in view.locks.items()) or "none held")
    )
    return lines


def facts(view: overview.Overview) -> dict[str, Any]:
    """Return the status as JSON-ready facts."""
    return {
        "node": view.node,
        "repo": view.repo,
        "git": view.git,
        "jobs": {
            job: (
                None
                if run is None
                else {
                    "state": run.state,
                    "finished_at": run.finished_at,
                    "duration_seconds": run.duration_seconds,
                    "last_success_at": run.last_success_at,
                    "error": run.error,
                    "summary": run.summary,
                }
            )
            for job, run in view.runs.items()
        },
        "backlog": [
            {"input": b.path, "size": b.size, "offset": b.offset, "pending": b.pending}
            for b in view.backlog
        ],
        "patterns": {"node": view.patterns_node, "merged": view.patterns_merged},
        "snapshots": view.snapshots,
        "quarantined": view.quarantined,
        "locks": view.locks,
        "own_files": view.own_files,
    }


def run(cfg: config.Config, args: argparse.Namespace) -> Summary:
    """Gather and return the status; exit code 1 when any job's last run failed."""
    view = overview.gather(cfg)
    failed = sorted(
        job for job, run in view.runs.items() if run is not None and run.state == "failed"
    )
    lines = text(view)
    where = cfg.qdrant.url or str(cfg.state_path / "qdrant")  # qdrant.target, without the client
    embedded = identity.report(cfg, where)
    lines += ["vectors:"] + [identity.report_line(name, e) for name, e in embedded.items()]
    if failed:
        lines.append(
            f"failed: {', '.join(failed)} (see the error above; rerun with -v for details)"
        )
    return Summary(
        job="status",
        state="failed" if failed else "ok",
        facts=facts(view) | {"vectors": embedded},
        lines=lines,
        exit_code=1 if failed else 0,
    )
