"""fedlearn status: this node, its repo, each job's last run, backlog, patterns, snapshots, locks.

Exit 1 when the last run of any job failed.
"""

from __future__ import annotations

import argparse
from typing import Any

from fedlearn import config
from fedlearn.jobs import Summary
from fedlearn.report import overview
from fedlearn.store import runs
from fedlearn.vectors import identity


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Status takes only the common options."""


def counts(run: runs.Run) -> str:
    """Return a run's top-level counts as ``key value`` pairs."""
    return ", ".join(
        f"{k} {v}"
        for k, v in run.summary.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    )


def when(run: runs.Run) -> str:
    """Return when a run started and ended (or that its end is unknown), and who started it."""
    by = f", started by {run.started_by}" if run.started_by else ""
    if not run.finished_at:
        return f"started {run.started_at}, did not finish (its process died or was stopped){by}"
    return f"{run.started_at} .. {run.finished_at} ({run.duration_seconds:.1f}s){by}"


def run_lines(job: str, history: runs.History, holder: int | None) -> list[str]:
    """Return one job's runs: the last, and the last success and last work when they differ."""
    last = history.latest()
    head = f"  {job:<8}"
    lines = []
    if history.running is not None and last is history.last and holder is not None:
        lines.append(f"{head} running since {history.running.started_at} (pid {holder})")
        head = " " * len(head)
    if last is None:
        return [*lines, f"{head} never ran"]
    error = f": {last.error}" if last.error and last.state != "interrupted" else ""
    numbers = f"; {counts(last)}" if counts(last) else ""
    lines.append(f"{head} last {last.state} {when(last)}{error}{numbers}")
    pad = " " * len(head)
    for label, run in (("success", history.success), ("work", history.work)):
        if run is not None and run != last:
            numbers = f"; {counts(run)}" if counts(run) else ""
            lines.append(f"{pad} last {label}: {run.state} {when(run)}{numbers}")
        elif run is None and label == "success":
            lines.append(f"{pad} last success: never")
    return lines


def run_facts(run: runs.Run | None) -> dict[str, Any] | None:
    """Return one run as JSON-ready facts."""
    if run is None:
        return None
    return {
        "state": run.state,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "duration_seconds": run.duration_seconds,
        "started_by": run.started_by,
        "error": run.error,
        "summary": run.summary,
    }


def job_facts(history: runs.History, holder: int | None) -> dict[str, Any] | None:
    """Return a job's history as facts: the last run's at the top, then success, work, running."""
    last = history.latest()
    if last is None and history.running is None:
        return None
    running = history.running
    facts = run_facts(last) or {"state": "never"}
    success = history.success
    return facts | {
        "last_success_at": success.finished_at if success else "",
        "last_success": run_facts(success),
        "last_work": run_facts(history.work),
        "running": (
            {"started_at": running.started_at, "pid": running.pid}
            if running is not None and holder is not None
            else None
        ),
    }


def git_line(facts: dict[str, Any]) -> str:
    """Return the repo's branch and its distance to the remote as text."""
    if not facts.get("is_repo"):
        return "not a git work tree: clone the federation repo into it, or set repo"
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
    repo = (
        f"repo {view.repo} ({git_line(view.git)})"
        if view.repo
        else "repo: not configured (`fedlearn init` sets it up)"
    )
    lines = [f"node {view.node}", repo, "jobs:"]
    for job, history in view.runs.items():
        lines += run_lines(job, history, view.locks.get(job))
    lines += [f"backlog: {b.path}: {b.pending} bytes unread" for b in view.backlog]
    lines += [f"missing: {path} ({why})" for path, why in view.unreadable.items()]
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
        "jobs": {job: job_facts(h, view.locks.get(job)) for job, h in view.runs.items()},
        "missing": view.unreadable,
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
    """
    Gather and return the status; exit code 1 when any job's last run failed or the federation
    repo is not configured or not a git work tree (every job refuses to run then).
    """
    view = overview.gather(cfg)
    failed = sorted(
        job for job, h in view.runs.items() if (last := h.latest()) and last.state == "failed"
    )
    lines = text(view)
    where = cfg.qdrant.url or str(cfg.state_path / "qdrant")  # qdrant.target, without the client
    embedded = identity.report(cfg, where)
    lines += ["vectors:"] + [identity.report_line(name, e) for name, e in embedded.items()]
    if failed:
        lines.append(
            f"failed: {', '.join(failed)} (see the error above; rerun with -v for details)"
        )
    if not view.git.get("is_repo"):
        failed.append("repo")
    return Summary(
        job="status",
        state="failed" if failed else "ok",
        facts=facts(view) | {"vectors": embedded},
        lines=lines,
        exit_code=1 if failed else 0,
    )
