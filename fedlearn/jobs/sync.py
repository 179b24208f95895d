"""fedlearn sync: telemetry and the fine-tuning dataset → this node's files under data/.

Lock, finish any interrupted run, read only new lines, filter, anonymize, categorize, join into this
node's files, and commit every file and the cursors as one journaled transaction (guarantees 1–5).
A large backlog is cut into ranges of whole lines that forked workers filter and learn from at once
(``[sync] workers``); their tallies absorb in input order, so the files are the same bytes as when
one process reads everything. The reading is ``learn/reading``, the staging ``learn/staging``.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import msgspec

from fedlearn import anonymize, config
from fedlearn.errors import LockHeldError
from fedlearn.formats import layout
from fedlearn.formats.results import FineTuningCounts, PatternCounts, Reanonymized, SyncResult
from fedlearn.jobs import Summary
from fedlearn.learn import learning, reading, reanonymize, spill, staging
from fedlearn.store import atomic, checkout, jsonl, own, own_adopt, own_check, peer_files, state

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add sync's options."""
    parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
    parser.add_argument(
        "--reanonymize",
        action="store_true",
        help="rewrite this node's files under data/ with the current rules first, even when they "
        "did not change (sync does it by itself when they did)",
    )


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[SyncResult]:
    """Run one sync and return its summary; raise LockHeldError when another sync runs."""
    store = state.StateDir(cfg.state_path)
    # The repo lock while this node's files are read and written, not while the inputs are: a
    # publish or pull rebasing meanwhile would show them half-rebased, and its abort undo them.
    with store.lock("sync"):
        with checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
            if atomic.recover(store.journal("sync")):
                log.info("finished the writes of an interrupted sync")
            for folder in written_folders(cfg):  # a peer's symlink there is never written through
                peer_files.own_folder(cfg.repo_path, folder)
            atomic.remove_stale(*written_folders(cfg))
            atomic.remove_stale(*shared_folders(cfg), recursive=False)
            files = own_adopt.adopted(
                store, cfg.repo_path, cfg.node_id, "sync", dry_run=args.dry_run
            )
            restored = [] if args.dry_run else own_check.restore(files)
        store.remove_stale()
        job = reading.SyncRun(cfg, store, files)
        job.restored = [str(d.path.relative_to(cfg.repo_path)) for d in restored]
        force = getattr(args, "reanonymize", False)  # callers that build args by hand omit it
        rewrite = rewrite_own_files(job, force=force, dry_run=args.dry_run)
        unreadable = warn_unreadable(cfg, job.cursors)
        job.read_telemetry()
        found = reading.read_fine_tuning(job)
        job.meter.close()
        learned = job.learned()
        with checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
            try:
                pattern_counts = staging.stage_patterns(job, learned.patterns)
                staging.stage_snapshot(job, learned.snapshot)
                fine_tuning = staging.stage_fine_tuning(job, found)
                counts = tally(job, learned, pattern_counts, fine_tuning)
                staging.stage_state(job, counts)
                # Scratch read by now: gone before the commit's flush writes every dirty page back.
                spill.clear(spill.folder_of(store.root))
            except BaseException:
                # Many shards are staged one by one: a failure (a full disk) must not leave the
                # temp files of those staged before it.
                job.transaction.abort()
                raise
            finish(job.own, job.transaction, dry_run=args.dry_run)
    counts = msgspec.structs.replace(counts, unreadable_inputs=unreadable)
    return summarize(job, counts, rewrite, dry_run=args.dry_run)


def rewrite_own_files(
    job: reading.SyncRun, *, force: bool, dry_run: bool
) -> reanonymize.Rewrite | None:
    """
    Re-anonymize this node's files under data/ when the rules changed (or ``force``); None if not.

    Its own transaction, committed before any new line is read, under the repo lock (as every
    write of this node's files) and export's lock too (it rewrites export's snapshots); while
    export runs, the snapshots wait for the next sync.
    """
    # The run's anonymizer has the same rules (one configuration, one machine): an idle sync
    # builds no second one to learn that nothing is due.
    if not force and not reanonymize.is_due(job.store, job.cfg, job.anonymizer):
        return None
    anonymizer = anonymize.Anonymizer(job.cfg.anonymize)  # its redactions are not this run's
    with checkout.writing(job.store, job.repo, job.cfg.repo_lock_wait):
        try:
            with job.store.lock("export"):
                done = rewrite(job, anonymizer, collections=True, dry_run=dry_run)
        except LockHeldError:
            log.warning("export is running: its snapshots are re-anonymized at the next sync")
            done = rewrite(job, anonymizer, collections=False, dry_run=dry_run)
    done.forced = force
    return done


def rewrite(
    job: reading.SyncRun, anonymizer: anonymize.Anonymizer, *, collections: bool, dry_run: bool
) -> reanonymize.Rewrite:
    """Stage and commit this node's files re-anonymized (``reanonymize.stage``)."""
    transaction = job.store.transaction("sync")
    try:
        done = reanonymize.stage(
            transaction, job.cfg, job.own, anonymizer, job.now, collections=collections
        )
    except BaseException:
        transaction.abort()  # nothing visible changed yet: the staged temp files go
        raise
    finish(job.own, transaction, dry_run=dry_run)
    if done.files:
        log.info("re-anonymized %d files with the current rules", len(done.files))
    return done


def finish(files: own.OwnFiles, transaction: atomic.Transaction, *, dry_run: bool) -> None:
    """Commit the transaction (noting this node's files it wrote, ``own``), or drop it on a dry run."""
    if dry_run:
        files.abort(transaction)
    else:
        files.commit(transaction)


WHY = {
    "missing": "does not exist",
    "folder": "is a folder, not a file (a glob such as {input}/*.jsonl reads the files in it)",
    "no match": "matches no file",
}


def warn_unreadable(cfg: config.Config, cursors: dict[str, state.Cursor]) -> dict[str, str]:
    """Warn about every configured input that names nothing to read; return them with why."""
    sync = cfg.sync
    found = jsonl.unreadable([*sync.telemetry, sync.fine_tuning], known=cursors)
    for pattern, why in found.items():
        key = "sync.fine_tuning" if pattern == sync.fine_tuning else "sync.telemetry"
        log.warning(
            "input %s %s: nothing read from it (%s in %s)",
            pattern,
            WHY[why].format(input=pattern),
            key,
            cfg.source or "the defaults",
        )
    return found


def written_folders(cfg: config.Config) -> list[Path]:
    """Return the folders under data/ a sync writes in (where a crash can leave temp files)."""
    repo, node = cfg.repo_path, cfg.node_id
    return [
        *(layout.shard_dir(repo, category, node) for category in config.CATEGORIES),
        layout.telemetry_dir(repo, node),
        layout.fine_tuning_dir(repo, node),
        layout.metrics_file(repo, "month", node).parent.parent,
        layout.retraction_file(repo, node).parent,  # re-anonymizing writes the tombstones
    ]


def shared_folders(cfg: config.Config) -> list[Path]:
    """
    Return the folders of every node's files a sync writes in (the category folders, the
    telemetry folder): swept at their top level only, never in another node's folder.
    """
    folders = [layout.pattern_dir(cfg.repo_path, category) for category in config.CATEGORIES]
    return [*folders, layout.telemetry_file(cfg.repo_path, cfg.node_id).parent]


def tally(
    job: reading.SyncRun,
    learned: learning.Learned,
    pattern_counts: dict[str, PatternCounts],
    fine_tuning: FineTuningCounts,
) -> SyncResult:
    """Return this run's counts: the result's counts, and what the monthly totals add up."""
    bad = job.filtered.reasons()
    return SyncResult(
        node=job.node,
        events_read=job.filtered.lines,
        high_value=learned.high_value,
        unmatched=learned.unmatched,
        bad_lines=dict(sorted(bad.items())),
        patterns=pattern_counts,
        fine_tuning=fine_tuning,
        redactions=dict(sorted(job.anonymizer.counts.items())),
    )


def relative(job: reading.SyncRun, path: Path) -> str:
    """Return ``path`` relative to the repo when under it (by its text: a sync writes ~1,600)."""
    text, top = str(path), str(job.repo)
    if text == top:
        return "."
    prefix = top if top.endswith("/") else f"{top}/"
    return text.removeprefix(prefix)


def summarize(
    job: reading.SyncRun, counts: SyncResult, rewrite: reanonymize.Rewrite | None, *, dry_run: bool
) -> Summary[SyncResult]:
    """Return the summary: counted nouns per line, the same facts for --json."""
    wrote = [relative(job, p) for p in job.transaction.paths]
    bad = counts.bad_lines
    unkept = sum(job.filtered.unkept.values())
    lines = [
        f"node {job.node}: {counts.events_read} events read, {counts.high_value} high-value, "
        f"{counts.unmatched} unmatched, {sum(bad.values())} bad lines"
        + (f" ({', '.join(f'{k} {v}' for k, v in bad.items())})" if bad else "")
        + (f", {unkept} of them counted only (the quarantine is full)" if unkept else ""),
    ]
    for category, tally_ in counts.patterns.items():
        lines.append(f"{category}: {tally_.new} new, {tally_.updated} merged, {tally_.total} total")
    ft = counts.fine_tuning
    lines.append(
        f"fine-tuning: {ft.new} new, {ft.duplicate} duplicate, {ft.rejected} rejected, {ft.total} total"
    )
    redactions = counts.redactions
    lines.append("redactions: " + (", ".join(f"{k} {v}" for k, v in redactions.items()) or "none"))
    # Said when it did something, was asked for, or left something for the next sync; a first
    # sync (no fingerprint yet) with nothing to rewrite says nothing.
    if rewrite is not None and (rewrite.files or rewrite.forced or not rewrite.collections):
        lines.append(
            f"re-anonymized with the current rules: {len(rewrite.files)} files rewritten, "
            f"{len(rewrite.rekeyed)} patterns re-keyed"
            + ("" if rewrite.collections else " (collections at the next sync: export is running)")
        )
    if counts.unreadable_inputs:
        missing = ", ".join(f"{p} ({why})" for p, why in counts.unreadable_inputs.items())
        lines.append(f"inputs not read: {missing}")
    if job.restored:
        lines.append(f"restored {len(job.restored)} of this node's files edited outside fedlearn")
    idle = counts.is_idle and not (rewrite and rewrite.files)
    result = msgspec.structs.replace(
        counts,
        reanonymized=None
        if rewrite is None
        else Reanonymized(
            files=[relative(job, path) for path in rewrite.files],
            rekeyed=len(rewrite.rekeyed),
            collections=rewrite.collections,
        ),
        bad_lines_not_kept=unkept,
        restored=job.restored,
        files=[w for w in wrote if not w.startswith(str(job.store.root))],
    )
    return Summary(
        job="sync", state="idle" if idle else "ok", result=result, lines=lines, dry_run=dry_run
    )
