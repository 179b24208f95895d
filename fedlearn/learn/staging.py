"""Staging a sync's results into this node's files, in the sync's one transaction.

The new observations join into this node's pattern shards (only the shards they fall in are read and
rewritten), the high-value events append to its telemetry segments, the fine-tuning records to its
dataset (snapshotted when it changed), then the monthly totals, the quarantine and the cursors.
Every file goes through ``own`` (the state's copy first, then data/); nothing is visible until the
job commits the transaction.
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from fedlearn.formats import layout, records
from fedlearn.formats.results import FineTuningCounts, PatternCounts, SyncResult
from fedlearn.learn import finetune, merge, monthly, patterns, retention, withdrawals
from fedlearn.learn.reading import FineTuningFound, SyncRun
from fedlearn.store import state

log = logging.getLogger(__name__)


def stage_patterns(job: SyncRun, learned: dict[str, records.Pattern]) -> dict[str, PatternCounts]:
    """
    Fold the new observations into this node's pattern shards; return new/updated per category.

    The observations are ``learned``, or, when the run set its patterns down (``job.spill``),
    those read back one shard at a time. Only the shards the new records fall in are read (from
    this node's state) and rewritten. An observation of an id this node (or an admin) retracted is
    left out and counted as retracted; another node's tombstone never drops this node's own
    sightings.
    """
    admins = job.cfg.trust.admins
    has_new = bool(learned) or job.spill is not None
    retracted = (
        merge.read_retractions(job.repo, admins, job.node)
        if has_new
        else withdrawals.Retractions({})
    )
    known = job.own.counts()
    counts: dict[str, PatternCounts] = {}
    for category in job.cfg.sync.categories:
        tally_ = PatternCounts()
        folder = layout.shard_dir(job.repo, category, job.node)  # ``layout.shard_file``'s
        for shard, found in observations(job, category, learned):
            stage_shard(job, folder / f"{shard}.jsonl", found, retracted, tally_)
        tally_.total = known.get(category, 0) + tally_.new
        counts[category] = tally_
    if any(c.new for c in counts.values()):
        job.own.stage_counts(job.transaction, {c: t.total for c, t in counts.items()})
    return counts


def observations(
    job: SyncRun, category: str, learned: dict[str, records.Pattern]
) -> Iterator[tuple[str, Iterable[records.Pattern]]]:
    """Yield ``category``'s shards that have new observations, in order, each with them."""
    if job.spill is not None:
        for shard, tallies in job.spill.take(category):
            yield shard, job.learner.observed(tallies).values()
        return
    by_shard: dict[str, list[records.Pattern]] = collections.defaultdict(list)
    for pattern in learned.values():
        if pattern.category == category:
            by_shard[layout.shard_name(pattern.id)].append(pattern)
    yield from sorted(by_shard.items())


def stage_shard(
    job: SyncRun,
    path: Path,
    found: Iterable[records.Pattern],
    retracted: withdrawals.Retractions,
    tally_: PatternCounts,
) -> None:
    """Join the observations ``found`` into this node's shard ``path`` and stage it."""
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
