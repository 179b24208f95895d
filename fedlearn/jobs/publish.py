"""Commit this node's data/ files and push them: scan, commit, bring in the remote, push.

Carries guarantees 1 and 6: a secret in what would be committed stops it before the commit, and
only this node's paths are staged (in a scratch index), so pushes from any number of nodes never
conflict and the user's own files, index and work are never touched. The staging and the secret
gate are ``publish_gate``; the commit message's counts are ``publish_message``.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.jobs import Summary, publish_gate, publish_message
from fedlearn.report import progress
from fedlearn.store import (
    checkout,
    git_history,
    git_local,
    git_maintenance,
    git_objects,
    git_paths,
    git_remote,
    git_trust,
    own,
    own_check,
    repairs,
    state,
)

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add publish's options."""
    parser.add_argument("--dry-run", action="store_true", help="list what would be committed")


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[PublishResult]:
    """Publish under the publish lock and the repo lock (every writer's); return the summary."""
    store = state.StateDir(cfg.state_path)
    with store.lock("publish"), checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
        return publish(cfg, dry_run=args.dry_run)


class PublishResult(msgspec.Struct):
    """
    What publish committed and pushed (the fields after ``message`` only once it got that far).

    Attributes:
        node: this node.
        changes: the staged changes, (git status letter, path).
        counts: the commit message's counts by word (``pattern``, ``snapshot``, …).
        message: the commit subject ("" when nothing changed).
        restored: this node's files found changed outside fedlearn and restored from its state
            before staging (none in a dry run).
        commit: the new commit ("" when there was nothing to commit); unset in a dry run.
        pushed: the commit the remote branch has now ("" when nothing was pushed).
        attempts: push attempts it took.
        integration: how the push met the remote (``fast-forward``, ``rebased``, ``up to date``).
        discarded: this node's files another commit on the remote changed; those changes were
            discarded (a restore commit) and this node's content pushed.
        held: the changed files the push brought in that their node did not sign ([trust]).
        repaired: tree entries git refuses to check out that the remote held; a repair commit
            left them out, and it was pushed (set only when there were some).
    """

    node: str
    changes: list[tuple[str, str]]
    counts: dict[str, int]
    message: str
    restored: list[str] = msgspec.field(default_factory=list)
    commit: str | msgspec.UnsetType = msgspec.UNSET
    pushed: str | msgspec.UnsetType = msgspec.UNSET
    attempts: int | msgspec.UnsetType = msgspec.UNSET
    integration: str | msgspec.UnsetType = msgspec.UNSET
    discarded: list[str] | msgspec.UnsetType = msgspec.UNSET
    held: list[str] | msgspec.UnsetType = msgspec.UNSET
    repaired: list[str] | msgspec.UnsetType = msgspec.UNSET


def publish(cfg: config.Config, *, dry_run: bool = False) -> Summary[PublishResult]:
    """
    Scan, commit and push this node's changed data/ files.

    Raise GitError when the repository is in a state where that is unsafe (with the fixing
    command), SecretFoundError when the scan finds a secret (nothing is committed then).
    """
    meter = progress.Meter("publish")
    try:
        return steps(cfg, meter, dry_run=dry_run)
    finally:
        meter.close()


def steps(cfg: config.Config, meter: progress.Meter, *, dry_run: bool) -> Summary[PublishResult]:
    """Publish, showing each git step on the meter (a terminal only)."""
    root = cfg.repo_path.resolve()
    top = git_local.work_tree(root)
    meter.step("checking the checkout")
    git_remote.abort_interrupted_rebase(top)
    git_local.check_safe(top, cfg.publish.branch)
    env = git_objects.identity(top, cfg.publish.author) | git_trust.signing_env(cfg.trust)
    before = git_local.head(top)
    cfg.state_path.mkdir(parents=True, exist_ok=True)
    files = own.OwnFiles(state.StateDir(cfg.state_path), cfg.repo_path, cfg.node_id)
    restored = [] if dry_run else [str(d.path.relative_to(root)) for d in own_check.restore(files)]
    scratch = tempfile.TemporaryDirectory(prefix=checkout.scratch_prefix(), dir=cfg.state_path)
    with git_objects.scratch_index(top) as index, scratch as name:
        folder = Path(name)
        meter.step("staging and scanning this node's files")
        changes = publish_gate.stage(cfg, top, index, folder)
        counts = publish_message.tally(top, root, cfg.node_id, folder, changes)
        message = publish_message.commit_message(cfg.node_id, counts, changes)
        subject = message.splitlines()[0] if changes else ""
        result = PublishResult(cfg.node_id, changes, dict(counts), subject, restored)
        if dry_run:
            return preview(result)
        paths = [path for _, path in changes]
        meter.step(f"committing {len(paths)} files")
        commit = git_objects.commit(top, index, message, env, paths) if changes else ""
    meter.step(f"pushing to {cfg.publish.remote}/{cfg.publish.branch} (fetch, rebase, push)")
    result = msgspec.structs.replace(result, commit=commit)
    summary = deliver(top, cfg, env, result, own_pathspecs(cfg, top))
    if commit:
        git_maintenance.maintain(top)
    if isinstance(summary.result.discarded, list) and summary.result.discarded:
        files.record(discarded=summary.result.discarded)
    if restored:
        summary.lines.append(
            f"restored {len(restored)} of this node's files changed outside fedlearn"
        )
    return screen(cfg, top, before, summary)


def screen(
    cfg: config.Config, top: Path, before: str | None, summary: Summary[PublishResult]
) -> Summary[PublishResult]:
    """Screen what the push brought in from the remote (``git_trust``); return ``summary`` with it."""
    data = str(layout.data_dir(cfg.repo_path.resolve()).relative_to(top))
    held = git_trust.screen(top, data, cfg.node_id, cfg.trust, before)
    if not held:
        return summary
    line = f"ignored {len(held)} changed files not signed by their node"
    result = msgspec.structs.replace(summary.result, held=[h.path for h in held])
    return Summary(job="publish", state=summary.state, result=result, lines=[*summary.lines, line])


def own_pathspecs(cfg: config.Config, top: Path) -> list[str]:
    """Return the pathspecs (relative to ``top``) of this node's files under data/."""
    data = layout.data_dir(cfg.repo_path.resolve()).relative_to(top)
    return layout.node_pathspecs(cfg.node_id, data.as_posix())


def preview(result: PublishResult) -> Summary[PublishResult]:
    """Return the dry-run summary: what would be committed, file by file."""
    if not result.changes:
        return Summary(
            job="publish", state="idle", result=result, lines=["nothing to commit"], dry_run=True
        )
    lines = [f"would commit: {result.message}"] + [
        f"  {letter} {path}" for letter, path in result.changes
    ]
    return Summary(job="publish", result=result, lines=lines, dry_run=True)


def deliver(
    repo: Path,
    cfg: config.Config,
    env: dict[str, str],
    result: PublishResult,
    own_paths: list[str],
) -> Summary[PublishResult]:
    """
    Push the branch when there is a remote and something to push; return the job's summary.

    Entries of the remote that git refuses to check out are left out by a repair commit, which is
    pushed too (``git_incoming.repair``), and recorded for ``doctor``.
    """
    settings = cfg.publish
    commit = result.commit if isinstance(result.commit, str) else ""
    subject = result.message.removeprefix("fedlearn: ")
    done = f"committed {commit[:12]}: {subject}" if commit else "nothing new to commit"
    if not git_local.has_remote(repo, settings.remote):
        lines = [f"{done} (no remote {settings.remote!r}, not pushed)"]
        return Summary(
            job="publish",
            state="ok" if commit else "idle",
            result=msgspec.structs.replace(result, pushed=""),
            lines=lines,
        )
    if not commit and not is_pending(repo, settings):
        return Summary(
            job="publish",
            state="idle",
            result=msgspec.structs.replace(result, pushed=""),
            lines=["nothing to publish"],
        )
    pushed = git_remote.push_with_retry(repo, settings, env, own_paths, git_paths.sizes(cfg, repo))
    repairs.record(state.StateDir(cfg.state_path), pushed.repaired)
    result = msgspec.structs.replace(
        result,
        pushed=pushed.commit,
        attempts=pushed.attempts,
        integration=pushed.integration,
        discarded=pushed.discarded,
        repaired=[entry.path for entry in pushed.repaired] if pushed.repaired else msgspec.UNSET,
    )
    where = f"{settings.remote}/{settings.branch}"
    line = f"pushed {pushed.commit[:12]} to {where} ({pushed.attempts} attempt{'s' * (pushed.attempts > 1)}, {pushed.integration})"
    lines = [done, line]
    if pushed.discarded:
        lines.append(
            f"discarded another commit's changes to {len(pushed.discarded)} of this node's files "
            "(restored in what was pushed)"
        )
    if pushed.repaired:
        lines.append(repaired_line(pushed.repaired))
    return Summary(job="publish", result=result, lines=lines)


def repaired_line(dropped: list[git_paths.Unsafe]) -> str:
    """Return the summary line of a repair: how many entries, the first named, who added it."""
    first = dropped[0]
    more = f" and {len(dropped) - 1} more" if len(dropped) > 1 else ""
    return (
        f"repaired the remote: left out {first.path}{more} ({first.reason}, added in commit "
        f"{first.commit[:12]}); see fedlearn doctor"
    )


def is_pending(repo: Path, settings: config.Publish) -> bool:
    """Return whether HEAD has commits the last fetched remote branch lacks (or none was fetched)."""
    ref = git_remote.tracking_ref(settings.remote, settings.branch)
    if git_history.resolve(repo, ref) is None:
        return git_local.head(repo) is not None
    return git_history.ahead(repo, ref) > 0
