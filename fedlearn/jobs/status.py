"""fedlearn status: this node, its repo, each job's last run, backlog, patterns, snapshots, locks.

Exit 1 when the last run of any job failed.
"""

from __future__ import annotations

import argparse
from typing import Any

import msgspec

from fedlearn import config
from fedlearn.jobs import Summary
from fedlearn.report import overview, tally
from fedlearn.store import git_local, runs, state
from fedlearn.vectors import identity


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Status takes only the common options."""


class RunView(msgspec.Struct):
    """
    One recorded run as status shows it.

    Attributes:
        summary: the run's result as its run record stores it (JSON builtins: any job's result,
            written by whichever fedlearn version ran it, shown as it is).
    """

    state: str
    started_at: str
    finished_at: str
    duration_seconds: float
    started_by: str
    error: str
    summary: dict[str, Any]


class Running(msgspec.Struct):
    """A run under way: when it started, which process holds the job's lock."""

    started_at: str
    pid: int


class JobView(msgspec.Struct, kw_only=True):
    """
    A job's runs as status shows them: the last run's fields at the top, then the last success,
    the last work and a run under way.

    Attributes:
        state: the last run's outcome, or ``never`` when only a run under way is known (the
            last run's other fields are unset then).
    """

    state: str
    started_at: str | msgspec.UnsetType = msgspec.UNSET
    finished_at: str | msgspec.UnsetType = msgspec.UNSET
    duration_seconds: float | msgspec.UnsetType = msgspec.UNSET
    started_by: str | msgspec.UnsetType = msgspec.UNSET
    error: str | msgspec.UnsetType = msgspec.UNSET
    summary: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET
    last_success_at: str
    last_success: RunView | None
    last_work: RunView | None
    running: Running | None


class BacklogEntry(msgspec.Struct):
    """One input's unread bytes: its size, the offset read to, what is pending."""

    input: str
    size: int
    offset: int
    pending: int


class PatternViews(msgspec.Struct):
    """Patterns per category: this node's own, and the merged view of every node."""

    node: dict[str, int]
    merged: dict[str, int]


class StatusResult(msgspec.Struct, kw_only=True):
    """
    This node's status.

    Attributes:
        missing: each configured input that names nothing to read, with why.
        own_files: this node's own files: edited outside fedlearn now, restored and discarded.
        vectors: per collection, its recorded embedder identity and whether it is this node's
            (``identity.report``'s table, as it reports it).
        withheld: per retracting node, how many of its tombstones withdraw its own records only
            (other nodes still hold those ids: ``fedlearn doctor`` names them).
    """

    node: str
    repo: str
    git: overview.GitState
    jobs: dict[str, JobView | None]
    missing: dict[str, str]
    backlog: list[BacklogEntry]
    patterns: PatternViews
    snapshots: dict[str, str]
    quarantined: dict[str, int]
    locks: dict[str, int]
    own_files: overview.OwnFilesState
    vectors: dict[str, dict[str, object]]
    withheld: dict[str, int] = msgspec.field(default_factory=dict)


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


def run_view(run: runs.Run | None) -> RunView | None:
    """Return one run as status shows it."""
    if run is None:
        return None
    return RunView(
        run.state,
        run.started_at,
        run.finished_at,
        run.duration_seconds,
        run.started_by,
        run.error,
        run.summary,
    )


def job_view(history: runs.History, holder: int | None) -> JobView | None:
    """Return a job's history: the last run's fields at the top, then success, work, running."""
    last = history.latest()
    if last is None and history.running is None:
        return None
    running = history.running
    success = history.success
    view = JobView(
        state="never",
        last_success_at=success.finished_at if success else "",
        last_success=run_view(success),
        last_work=run_view(history.work),
        running=(
            Running(running.started_at, running.pid)
            if running is not None and holder is not None
            else None
        ),
    )
    if last is None:
        return view
    return msgspec.structs.replace(
        view,
        state=last.state,
        started_at=last.started_at,
        finished_at=last.finished_at,
        duration_seconds=last.duration_seconds,
        started_by=last.started_by,
        error=last.error,
        summary=last.summary,
    )


def git_line(git: overview.GitState) -> str:
    """Return the repo's branch and its distance to the remote as text."""
    if not git.is_repo:
        return "not a git work tree: clone the federation repo into it, or set repo"
    where = f"branch {git.branch}"
    if git.upstream is not msgspec.UNSET:
        where += f", {git.ahead} ahead / {git.behind} behind {git.upstream}"
    return where


def own_line(files: overview.OwnFilesState) -> str:
    """Return the state of this node's own files as a line."""
    differing = files.differing
    if not files.adopted:
        state = "not yet taken into the state dir (the next sync does)"
    elif differing:
        first = differing[0]
        state = (
            f"{len(differing)} edited outside fedlearn ({first.path} {first.what}"
            f"{', …' if len(differing) > 1 else ''}); the next sync or publish restores them"
        )
    else:
        state = "as this node's state says"
    if files.discarded:
        state += (
            f"; {files.discarded} remote change{'s' * (files.discarded != 1)} to them "
            f"discarded, last at {files.last_discarded_at}"
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


def withheld(cfg: config.Config) -> dict[str, int]:
    """
    Return, per retracting node, how many of its tombstones withdraw its own records only
    (``withdrawals.withheld``; empty without a repo), counted with the merged counts (``tally``: kept
    at a commit, brought forward by what changed since).
    """
    if not cfg.repo or git_local.toplevel(cfg.repo_path) is None:
        return {}
    return tally.counts(cfg, state.StateDir(cfg.state_path)).withheld


def withheld_line(counts: dict[str, int]) -> list[str]:
    """Return the line naming the withheld tombstones per node (none when there are none)."""
    if not counts:
        return []
    shown = ", ".join(f"{node} {count}" for node, count in counts.items())
    return [
        f"withheld retractions: {shown} (they withdraw their node's own records only; "
        "fedlearn doctor names the nodes that still hold them)"
    ]


def result(
    view: overview.Overview, vectors: dict[str, dict[str, object]], held: dict[str, int]
) -> StatusResult:
    """Return the status as its typed result."""
    return StatusResult(
        node=view.node,
        repo=view.repo,
        git=view.git,
        jobs={job: job_view(h, view.locks.get(job)) for job, h in view.runs.items()},
        missing=view.unreadable,
        backlog=[BacklogEntry(b.path, b.size, b.offset, b.pending) for b in view.backlog],
        patterns=PatternViews(view.patterns_node, view.patterns_merged),
        snapshots=view.snapshots,
        quarantined=view.quarantined,
        locks=view.locks,
        own_files=view.own_files,
        vectors=vectors,
        withheld=held,
    )


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[StatusResult]:
    """
    Gather and return the status; exit code 1 when any job's last run failed or the federation
    repo is not configured or not a git work tree (every job refuses to run then).
    """
    view = overview.gather(cfg)
    failed = sorted(
        job for job, h in view.runs.items() if (last := h.latest()) and last.state == "failed"
    )
    lines = text(view)
    held = view.withheld
    lines += withheld_line(held)
    where = cfg.qdrant.url or str(cfg.state_path / "qdrant")  # qdrant.target, without the client
    names = [*cfg.qdrant.collections, *cfg.sync.categories]
    store = state.StateDir(cfg.state_path)
    embedded = identity.report(store, where, names, cfg.embedding, cfg.qdrant.distance)
    lines += ["vectors:"] + [identity.report_line(name, e) for name, e in embedded.items()]
    if failed:
        lines.append(
            f"failed: {', '.join(failed)} (see the error above; rerun with -v for details)"
        )
    if not view.git.is_repo:
        failed.append("repo")
    return Summary(
        job="status",
        state="failed" if failed else "ok",
        result=result(view, embedded, held),
        lines=lines,
        exit_code=1 if failed else 0,
    )
