"""fedlearn sync: telemetry and the fine-tuning dataset → this node's files under data/.

Lock, finish any interrupted run, read only new lines, filter, anonymize, categorize, join into this
node's files, and commit every file and the cursors as one journaled transaction (guarantees 1–5).
A large backlog is cut into ranges of whole lines that forked workers filter and learn from at once
(``[sync] workers``); their tallies absorb in input order, so the files are the same bytes as when
one process reads everything.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import msgspec

from fedlearn import anonymize, config
from fedlearn.errors import LockHeldError
from fedlearn.formats import layout, records
from fedlearn.formats.results import FineTuningCounts, PatternCounts, Reanonymized, SyncResult
from fedlearn.jobs import Summary
from fedlearn.learn import (
    finetune,
    forks,
    learning,
    monthly,
    patterns,
    reanonymize,
    retention,
    telemetry,
)
from fedlearn.report import progress
from fedlearn.store import atomic, checkout, jsonl, own, peer_files, rotation, state

PART_BYTES = 32 * 1024 * 1024  # below this a range is not worth a worker process
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


@attrs.define
class Part:
    """What reading one range of an input found: counts, bad lines, the tally, where it stopped."""

    filtered: telemetry.Filtered
    tally: learning.Tally
    offset: int = 0
    too_long: list[jsonl.BadLine] = attrs.field(factory=list)


class SyncRun:
    """One sync in progress: its inputs' cursors, counts, and the transaction being staged."""

    def __init__(self, cfg: config.Config, store: state.StateDir, files: own.OwnFiles) -> None:
        self.cfg = cfg
        self.own = files
        self.restored: list[str] = []  # this node's data/ files found edited and restored
        self.store = store
        self.repo = cfg.repo_path
        self.node = cfg.node_id
        self.now = state.now_iso()
        self.cursors = store.load_cursors("sync")
        self.anonymizer = anonymize.Anonymizer(cfg.anonymize)
        self.transaction = store.transaction("sync")
        self.filtered = self.new_filtered()
        self.learner = learning.Learner(cfg.sync, self.anonymizer, self.node, self.now)
        self.tally = self.learner.tally()
        self.meter = progress.Meter("sync")

    def read(
        self,
        path: Path,
        read_segment: Callable[[rotation.Segment], tuple[int, list[jsonl.BadLine]]],
        lines: Callable[[], int],
    ) -> None:
        """
        Read the new lines of one input, keeping its next cursor and its over-long lines; warn
        when most of what it held were bad lines (``lines`` counts the lines read so far).
        """
        before, too_long_count = (lines(), self.filtered.bad_count()), 0
        follow = rotation.Follow(path, self.cursors.get(str(path)))
        for segment in follow.segments():
            offset, too_long = read_segment(segment)
            for line in too_long:
                self.filtered.set_aside(line)
            too_long_count += len(too_long)
            follow.read_to(segment, offset)
        if follow.cursor is not None:
            self.cursors[str(path)] = follow.cursor
        else:  # gone, with its rotated copies: a file made there later is a new one
            self.cursors.pop(str(path), None)
        read = lines() - before[0] + too_long_count
        spoiled = self.filtered.bad_count() - before[1]
        if spoiled and spoiled * 2 > read:
            log.warning(
                "%s: %d of %d lines were bad (set aside in the quarantine): is it a JSONL file?",
                path,
                spoiled,
                read,
            )

    def read_telemetry(self) -> None:
        """Filter and learn from the new lines of every telemetry input."""
        sync = self.cfg.sync
        inputs = jsonl.expand(sync.telemetry, known=self.cursors, besides=sync.fine_tuning)
        self.meter.total = unread_bytes([*inputs, Path(sync.fine_tuning)], self.cursors)
        for path in inputs:
            if not path.is_dir():  # warned about in ``warn_unreadable``; the other inputs go on
                self.read(path, self.read_segment, lambda: self.filtered.lines)
        # An input no pattern names any more keeps its cursor (named again, it goes on where it
        # was) while its file exists.
        named = {str(path) for path in inputs} | {self.cfg.sync.fine_tuning}
        for gone in [key for key in self.cursors if key not in named and not Path(key).exists()]:
            del self.cursors[gone]

    def read_segment(self, segment: rotation.Segment) -> tuple[int, list[jsonl.BadLine]]:
        """
        Filter and learn from one segment, cut into ranges read by parallel workers when large.

        Return the offset reached and the over-long lines.
        """
        size = (segment.end or segment.path.stat().st_size) - segment.start
        parts = max(1, min(self.cfg.sync.workers or forks.available(), size // PART_BYTES))
        ranges = jsonl.divide(segment, parts)
        done = forks.run(self.read_part, ranges)
        self.meter.advance(sum((r.end or r.start) - r.start for r in ranges[1:]))  # the workers'
        for part in done:
            self.filtered.absorb(part.filtered)
            self.tally.absorb(part.tally)
        return done[-1].offset, [line for part in done for line in part.too_long]

    def read_part(self, segment: rotation.Segment) -> Part:
        """Filter and learn from one range of whole lines (in this process or in a worker)."""
        part = Part(self.new_filtered(), self.learner.tally())
        reader = jsonl.Reader(segment, self.cfg.sync.max_line_bytes)
        threshold = self.cfg.sync.value_threshold
        for chunk in reader:
            self.learner.add(telemetry.filter_chunk(chunk, threshold, part.filtered), part.tally)
            if not forks.in_worker():
                self.meter.advance(chunk.size)
        part.offset, part.too_long = reader.offset, reader.bad
        if forks.in_worker():  # anonymize this part's snapshot lines while the others still read
            self.learner.prepare_snapshot(part.tally)
        return part

    def new_filtered(self) -> telemetry.Filtered:
        """Return an empty filter outcome that keeps bad lines up to the quarantine's size."""
        return telemetry.Filtered(keep_bytes=self.cfg.sync.quarantine_max_bytes)

    def stage(self, path: Path, data: bytes) -> None:
        """Stage one file of the transaction (unchanged files are left alone), never through a symlink."""
        peer_files.own_folder(self.repo, path.parent)
        if self.transaction.stage(path, data):
            log.debug("staged %s", path)

    def stage_own(self, path: Path, data: bytes) -> None:
        """Stage one of this node's data/ files: its state copy and data/ (``own``)."""
        self.own.stage(self.transaction, path, data)
        log.debug("staged %s", path)


@attrs.define
class FineTuningFound:
    """
    The new runtime fine-tuning records read: the anonymized ones that passed, the rejected, and
    the non-blank lines read (for sync's mostly-bad-input warning).
    """

    records: list[records.ChatRecord] = attrs.field(factory=list)
    rejected: int = 0
    lines: int = 0


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
            files = own.adopted(store, cfg.repo_path, cfg.node_id, "sync", dry_run=args.dry_run)
            restored = [] if args.dry_run else files.restore()
        store.remove_stale()
        job = SyncRun(cfg, store, files)
        job.restored = [str(d.path.relative_to(cfg.repo_path)) for d in restored]
        force = getattr(args, "reanonymize", False)  # callers that build args by hand omit it
        rewrite = rewrite_own_files(job, force=force, dry_run=args.dry_run)
        unreadable = warn_unreadable(cfg, job.cursors)
        job.read_telemetry()
        found = read_fine_tuning(job)
        job.meter.close()
        learned = job.learner.result(job.tally)
        with checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
            try:
                pattern_counts = stage_patterns(job, learned.patterns)
                stage_snapshot(job, learned.snapshot)
                fine_tuning = stage_fine_tuning(job, found)
                counts = tally(job, learned, pattern_counts, fine_tuning)
                stage_state(job, counts)
            except BaseException:
                # Many shards are staged one by one: a failure (a full disk) must not leave the
                # temp files of those staged before it.
                job.transaction.abort()
                raise
            finish(job.own, job.transaction, dry_run=args.dry_run)
    counts = msgspec.structs.replace(counts, unreadable_inputs=unreadable)
    return summarize(job, counts, rewrite, dry_run=args.dry_run)


def rewrite_own_files(job: SyncRun, *, force: bool, dry_run: bool) -> reanonymize.Rewrite | None:
    """
    Re-anonymize this node's files under data/ when the rules changed (or ``force``); None if not.

    Its own transaction, committed before any new line is read, under the repo lock (as every
    write of this node's files) and export's lock too (it rewrites export's snapshots); while
    export runs, the snapshots wait for the next sync.
    """
    anonymizer = anonymize.Anonymizer(job.cfg.anonymize)  # its redactions are not this run's
    if not force and not reanonymize.is_due(job.store, job.cfg, anonymizer):
        return None
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
    job: SyncRun, anonymizer: anonymize.Anonymizer, *, collections: bool, dry_run: bool
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


def unread_bytes(inputs: list[Path], cursors: dict[str, state.Cursor]) -> int:
    """Return about how many bytes the inputs hold past their cursors (for the progress meter)."""
    total = 0
    for path in inputs:
        try:
            size = path.stat().st_size
        except OSError:
            continue
        cursor = cursors.get(str(path))
        total += max(size - cursor.offset, 0) if cursor is not None else size
    return total


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


def read_fine_tuning(job: SyncRun) -> FineTuningFound:
    """Read the new runtime fine-tuning records: gate, anonymize; bad lines set aside."""
    found = FineTuningFound()
    if not job.cfg.sync.fine_tuning:
        return found

    def read_segment(segment: rotation.Segment) -> tuple[int, list[jsonl.BadLine]]:
        reader = jsonl.Reader(segment, job.cfg.sync.max_line_bytes)
        for chunk in reader:
            job.meter.advance(chunk.size)
            lines = chunk.lines()
            for offset, line in zip(
                telemetry.line_offsets(lines, chunk.offset), lines, strict=True
            ):
                take_chat_line(job, chunk, offset, line, found)
        return reader.offset, reader.bad

    job.read(Path(job.cfg.sync.fine_tuning), read_segment, lambda: found.lines)
    return found


def take_chat_line(
    job: SyncRun, chunk: jsonl.Chunk, offset: int, line: bytes, found: FineTuningFound
) -> None:
    """Decode one runtime chat line into ``found`` (or set it aside)."""
    if not line.strip():
        return
    found.lines += 1
    record: records.ChatRecord | None = None
    with contextlib.suppress(UnicodeDecodeError, ValueError, RecursionError):
        if not records.is_too_deep(line):
            record = finetune.parse(records.ANY_DECODER.decode(line))
    if record is None:
        reason = telemetry.bad_reason(line) or "wrong-type"
        job.filtered.set_aside(jsonl.BadLine(str(chunk.path), offset, reason, line))
    elif finetune.passes_gate(record):
        found.records.append(finetune.anonymized(record, job.anonymizer))
    else:
        found.rejected += 1


def stage_patterns(job: SyncRun, learned: dict[str, records.Pattern]) -> dict[str, PatternCounts]:
    """
    Fold the new observations into this node's pattern shards; return new/updated per category.

    Only the shards the new records fall in are read (from this node's state) and rewritten. An
    observation of an id this node (or an admin) retracted is left out and counted as retracted;
    another node's tombstone never drops this node's own sightings.
    """
    admins = job.cfg.trust.admins
    retracted = patterns.read_retractions(job.repo, admins) if learned else patterns.Retractions({})
    by_shard: dict[str, dict[str, list[records.Pattern]]] = collections.defaultdict(dict)
    for pattern in learned.values():
        by_shard[pattern.category].setdefault(layout.shard_name(pattern.id), []).append(pattern)
    known = job.own.counts()
    counts: dict[str, PatternCounts] = {}
    for category in job.cfg.sync.categories:
        tally_ = PatternCounts()
        for shard, found in sorted(by_shard.get(category, {}).items()):
            path = layout.shard_file(job.repo, category, job.node, shard)
            table = {p.id: p for p in patterns.parse(job.own.read(path) or b"", path)}
            for pattern in found:
                if retracted.withdraws(job.node, pattern.id):  # this node's, or an admin's
                    tally_.retracted += 1
                    continue
                if pattern.id in table:
                    tally_.updated += 1
                else:
                    tally_.new += 1
                table[pattern.id] = patterns.accumulate(table.get(pattern.id), pattern, job.node)
            if table:
                job.stage_own(path, patterns.encode(table))
        tally_.total = known.get(category, 0) + tally_.new
        counts[category] = tally_
    if any(c.new for c in counts.values()):
        job.own.stage_counts(job.transaction, {c: t.total for c, t in counts.items()})
    return counts


def stage_snapshot(job: SyncRun, lines: list[bytes]) -> None:
    """
    Append the new high-value events to this node's telemetry segments, keeping at least the last
    N (``retention.appended``): only the newest segment and new ones are written. The old one-file
    snapshot is split into segments and removed in the same transaction (the migration).
    """
    old = layout.telemetry_file(job.repo, job.node)
    migrated = job.own.read(old)
    if not lines and migrated is None:
        return
    folder = layout.telemetry_dir(job.repo, job.node)
    segments = {
        number: folder / path.name
        for path in layout.telemetry_segments(job.own.mirror(folder))
        if (number := layout.segment_number(path)) is not None
    }
    content = {n: (job.own.read(path) or b"").splitlines() for n, path in segments.items()}
    if migrated is not None:
        # Its lines are older than any segment's (no segments exist unless written after it).
        lines = ([] if segments else migrated.splitlines()) + lines
        job.own.stage_delete(job.transaction, old)
    newest = content[max(content)] if content else []
    counts = {number: len(found) for number, found in content.items()}
    plan = retention.appended(counts, newest, lines, keep=job.cfg.sync.telemetry_snapshot_size)
    for number, found in plan.writes.items():
        job.stage_own(
            layout.telemetry_segment(job.repo, job.node, number),
            b"".join(line + b"\n" for line in found),
        )
    for number in plan.drops:
        job.own.stage_delete(job.transaction, segments[number])


def stage_fine_tuning(job: SyncRun, found: FineTuningFound) -> FineTuningCounts:
    """Add new records to this node's dataset; snapshot it when it changed, keep the last N."""
    path = layout.fine_tuning_file(job.repo, job.node)
    table = finetune.read_dataset(job.own.read(path) or b"")
    added, duplicates = finetune.add(table, found.records)
    if added:
        content = finetune.encode(table)
        job.stage_own(path, content)
        folder = layout.fine_tuning_snapshot_dir(job.repo, job.node)
        name = f"{layout.stamp()}.jsonl"
        job.stage_own(folder / name, content)
        for old in retention.expired(
            job.own.mirror(folder), job.cfg.sync.snapshots_keep, incoming=name
        ):
            job.own.stage_delete(job.transaction, folder / old.name)
    return FineTuningCounts(found.rejected, added, duplicates, len(table))


def tally(
    job: SyncRun,
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


# The fields of a SyncResult the monthly totals add up.
MONTHLY = (
    "events_read",
    "high_value",
    "unmatched",
    "bad_lines",
    "patterns",
    "fine_tuning",
    "redactions",
)


def monthly_counts(counts: SyncResult) -> dict[str, Any]:
    """
    Return this run's counts as the month file adds them up: the events, not the sizes.

    A JSON boundary: the month file (``learn/monthly``) keeps nested tables of numbers.
    """
    counted = msgspec.to_builtins(counts)
    return monthly.without_totals({key: counted[key] for key in MONTHLY})


def stage_state(job: SyncRun, counts: SyncResult) -> None:
    """Stage the monthly totals, the quarantine file and the cursors with the data files."""
    month = job.now[:7]
    path = layout.metrics_file(job.repo, month, job.node)
    if not counts.is_idle:
        existing = job.own.read(path)
        added = monthly_counts(counts)
        job.stage_own(path, monthly.updated(existing, job.node, month, added, job.now))
    stage_quarantine(job)
    job.stage(
        job.store.cursors_file("sync"), state.ENCODER.encode(dict(sorted(job.cursors.items())))
    )


def stage_quarantine(job: SyncRun) -> None:
    """
    Stage this run's quarantine file, and the removal of the oldest ones when the folder would
    hold more than ``sync.quarantine_max_bytes``.
    """
    limit = job.cfg.sync.quarantine_max_bytes
    if job.filtered.unkept:
        log.warning(
            "%d bad lines counted but not kept: the quarantine holds up to %d bytes "
            "(sync.quarantine_max_bytes)",
            sum(job.filtered.unkept.values()),
            limit,
        )
    if not job.filtered.bad:
        return
    data = job.filtered.quarantine()
    job.stage(job.store.new_quarantine_file("sync", layout.stamp()), data)
    oldest = job.store.quarantine_overflow(len(data), limit)
    if oldest:
        log.info("removing the %d oldest quarantine files (sync.quarantine_max_bytes)", len(oldest))
    for path in oldest:
        job.transaction.stage_delete(path)


def relative(job: SyncRun, path: Path) -> str:
    """Return ``path`` relative to the repo when under it."""
    return str(path.relative_to(job.repo)) if path.is_relative_to(job.repo) else str(path)


def summarize(
    job: SyncRun, counts: SyncResult, rewrite: reanonymize.Rewrite | None, *, dry_run: bool
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
