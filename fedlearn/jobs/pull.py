"""Bring the federation repo up to date, then import what the other nodes published (guarantee 6).

Fetch, then fast-forward, or rebase this node's local commits (merge when tracked files are
modified, so the user's work stays in place); when data/ changed and ``pull.import_after`` is set,
run import (README "The units and when they run").
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.errors import GitError
from fedlearn.formats import layout
from fedlearn.formats.results import ImportResult
from fedlearn.jobs import Summary, publish
from fedlearn.store import (
    checkout,
    git_history,
    git_incoming,
    git_local,
    git_maintenance,
    git_objects,
    git_paths,
    git_remote,
    git_trust,
    own,
    own_check,
    repairs,
    runs,
    state,
)
from fedlearn.vectors import import_changes, import_quarantine


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add pull's options."""
    parser.add_argument(
        "--dry-run", action="store_true", help="fetch and list incoming data/ changes only"
    )
    parser.add_argument("--no-import", action="store_true", help="do not run import after the pull")


class PullResult(msgspec.Struct, kw_only=True):
    """
    What pull brought in (``to`` and ``integration`` once it got that far).

    Attributes:
        from_: HEAD before the pull ("" in a repository with no commit yet); ``from`` in JSON.
        remote: the remote branch pulled, ``remote/branch``.
        to: HEAD after it (in a dry run: the remote branch's commit).
        integration: how the remote branch came in (``fast-forward``, ``rebased``, ...).
        data_files: the files under data/ that changed (in a dry run: that would change).
        held: the changed files not signed by their node ([trust]): readers keep their last
            signed content.
        discarded: this node's files another node's commit changed; those changes were discarded
            (a restore commit on the remote's) so the rebase never conflicts.
        restored: this node's files found changed outside fedlearn, restored from its state.
        repaired: tree entries git refuses to check out that the remote held; a repair commit on
            the remote's left them out, and the next publish pushes it (set only when some).
        import_: the import pull ran afterwards; ``import`` in JSON.
    """

    from_: str = msgspec.field(name="from")
    remote: str
    to: str | msgspec.UnsetType = msgspec.UNSET
    integration: str | msgspec.UnsetType = msgspec.UNSET
    data_files: list[str] = msgspec.field(default_factory=list)
    held: list[str] | msgspec.UnsetType = msgspec.UNSET
    discarded: list[str] | msgspec.UnsetType = msgspec.UNSET
    restored: list[str] | msgspec.UnsetType = msgspec.UNSET
    repaired: list[str] | msgspec.UnsetType = msgspec.UNSET
    import_: ImportResult | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="import")


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[PullResult]:
    """Pull under the pull lock, then import when data/ changed; return the summary."""
    store = state.StateDir(cfg.state_path)
    with store.lock("pull"), checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
        summary = pull(cfg, dry_run=args.dry_run)
    wants_import = cfg.pull.import_after and not args.no_import and not args.dry_run
    if wants_import and (summary.result.data_files or is_import_behind(cfg)):
        return with_import(cfg, summary)
    return summary


def is_import_behind(cfg: config.Config) -> bool:
    """
    Return whether HEAD moved since the last clean import, or points wait in import's quarantine.

    Publish brings other nodes' data in too (it integrates before pushing), so a pull that itself
    changed nothing may still have data/ to import; a point the embedding server refused is retried
    by every import until it is imported.
    """
    store = state.StateDir(cfg.state_path)
    mark = import_changes.load(store)
    behind = mark is None or mark.commit != import_changes.head(cfg.repo_path)
    return behind or import_quarantine.file(store).is_file()


def pull(cfg: config.Config, *, dry_run: bool = False) -> Summary[PullResult]:
    """
    Fetch and bring in the remote branch; return what changed under data/.

    Raise GitError when there is no remote or the repository is in an unsafe state (with the
    fixing command), or when bringing the remote in stopped (it is undone first).
    """
    top = git_local.work_tree(cfg.repo_path.resolve())
    settings = cfg.publish
    git_remote.abort_interrupted_rebase(top)
    git_local.check_safe(top, settings.branch)
    if not git_local.has_remote(top, settings.remote):
        raise GitError(
            f"{top} has no remote {settings.remote!r} to pull from",
            hint=f"git -C {top} remote add {settings.remote} URL, or set publish.remote",
        )
    data = str(layout.data_dir(cfg.repo_path.resolve()).relative_to(top))
    old = git_local.head(top)
    upstream = git_remote.fetch(top, settings.remote, settings.branch, timeout=settings.timeout)
    result = PullResult(from_=old or "", remote=f"{settings.remote}/{settings.branch}")
    if upstream is None:
        lines = [f"{settings.remote} has no branch {settings.branch} yet"]
        return Summary(job="pull", state="idle", result=result, lines=lines)
    if dry_run:
        return preview(top, data, old, upstream, result)
    env = git_objects.identity(top, settings.author) | git_trust.signing_env(cfg.trust)
    fixed = git_incoming.repair(top, upstream, env, sizes=git_paths.sizes(cfg, top))
    repairs.record(state.StateDir(cfg.state_path), fixed.dropped)
    own_paths = layout.node_pathspecs(cfg.node_id, data)
    since = git_remote.fork_point(top, settings, upstream)
    shielded = git_incoming.shield(top, fixed.commit, own_paths, env, since)
    how = git_remote.integrate(top, shielded.commit, env, since)
    git_maintenance.maintain(top)
    new = git_local.head(top)
    changed = git_history.changed_paths(top, old, new, data)
    held = git_trust.screen(top, data, cfg.node_id, cfg.trust, old)
    files = own.OwnFiles(state.StateDir(cfg.state_path), cfg.repo_path, cfg.node_id)
    if shielded.discarded:
        files.record(discarded=shielded.discarded)
    restored = [str(d.path.relative_to(cfg.repo_path)) for d in own_check.restore(files)]
    result = msgspec.structs.replace(
        result,
        to=new or "",
        integration=how,
        data_files=changed,
        held=[h.path for h in held],
        discarded=shielded.discarded,
        restored=restored,
        repaired=[entry.path for entry in fixed.dropped] if fixed.dropped else msgspec.UNSET,
    )
    lines = [f"{how}: {len(changed)} data/ file{'s' * (len(changed) != 1)} changed"]
    lines += [f"ignored {len(held)} changed files not signed by their node"] if held else []
    if shielded.discarded:
        lines.append(
            f"discarded another commit's changes to {len(shielded.discarded)} of this node's "
            "files; `fedlearn publish` pushes them back"
        )
    if restored:
        lines.append(f"restored {len(restored)} of this node's files changed outside fedlearn")
    if fixed.dropped:
        lines.append(publish.repaired_line(fixed.dropped) + "; `fedlearn publish` pushes it")
    return Summary(job="pull", state="ok" if changed else "idle", result=result, lines=lines)


def preview(
    top: Path, data: str, old: str | None, upstream: str, result: PullResult
) -> Summary[PullResult]:
    """Return the dry-run summary: the data/ files the remote changed since the common base."""
    base = git_history.merge_base(top, old, upstream)
    incoming = git_history.changed_paths(top, base, upstream, data)
    lines = [f"would bring in {len(incoming)} changed data/ files"] + [f"  {p}" for p in incoming]
    result = msgspec.structs.replace(result, to=upstream, data_files=incoming)
    return Summary(
        job="pull", state="ok" if incoming else "idle", result=result, lines=lines, dry_run=True
    )


def with_import(cfg: config.Config, summary: Summary[PullResult]) -> Summary[PullResult]:
    """
    Run import (overwrite off) and return ``summary`` with its result and lines added; its exit
    code is the worse of the two, and a failed import makes the pull ``failed`` (the timer sees it).
    """
    # Loaded here, not at the top: import brings in the Qdrant client, which pull needs only now.
    import_ = importlib.import_module("fedlearn.jobs.import_")
    store = state.StateDir(cfg.state_path)
    with runs.recording(store, "import", started_by="pull") as recorder:  # status shows it
        imported: Summary[ImportResult] = import_.execute(cfg, overwrite=False, dry_run=False)
        recorder.finish(imported.state, imported.answer())
    result = msgspec.structs.replace(summary.result, import_=imported.result)
    failed = imported.exit_code != 0
    return Summary(
        job="pull",
        state="failed" if failed else summary.state,
        result=result,
        lines=summary.lines + imported.lines,
        exit_code=max(summary.exit_code, imported.exit_code),
    )
