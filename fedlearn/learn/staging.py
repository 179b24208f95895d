"""Staging a sync's results into this node's files, in the sync's one transaction.

The new observations join into this node's pattern shards (only the shards they fall in are read and
rewritten), the high-value events append to its telemetry segments, the fine-tuning records to its
dataset (snapshotted when it changed), then the monthly totals, the quarantine and the cursors.
Every file goes through ``own`` (the state's copy first, then data/); nothing is visible until the
job commits the transaction.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import msgspec

from fedlearn.formats import layout, records
from fedlearn.formats.results import FineTuningCounts, PatternCounts, SyncResult
from fedlearn.learn import finetune, forks, learning, merge, monthly, patterns, retention
from fedlearn.learn.reading import FineTuningFound, SyncRun
from fedlearn.store import atomic, state

log = logging.getLogger(__name__)


# From this many shards with new observations on, they are staged by several processes at once
# (``forks``, as many as read the input): a first sync of 33,000 patterns stages ~770 shards.
PARALLEL_SHARDS = 128


def stage_patterns(job: SyncRun, learned: dict[str, records.Pattern]) -> dict[str, PatternCounts]:
    """
    Fold the new observations into this node's pattern shards; return new/updated per category.

    The observations are ``learned``, or, when the run set its patterns down (``job.spill``),
    those read back one shard at a time. Only the shards the new records fall in are read (from
    this node's state) and rewritten. An observation of an id this node (or an admin) retracted is
    left out and counted as retracted; another node's tombstone never drops this node's own
    sightings.

    Many shards are cut into runs of whole shards, in order, staged by forked workers at once
    (``stage_part``); their temp files join the transaction in shard order, so it stages the same
    files in the same order as one process does.
    """
    admins = job.cfg.trust.admins
    has_new = bool(learned) or job.spill is not None
    retracted = (
        merge.read_retractions(job.repo, admins, job.node) if has_new else merge.Retractions({})
    )
    known = job.own.counts()
    counts = {category: PatternCounts() for category in job.cfg.sync.categories}
    work = shards_to_stage(job, learned)
    processes = job.cfg.sync.workers or forks.available()
    parts = divide(work, processes if len(work) >= PARALLEL_SHARDS else 1)
    stage = functools.partial(stage_part, job, learned, retracted)
    try:
        with contextlib.closing(forks.each(stage, parts)) as done:
            for part in done:  # in order: this process's own part first, staged in place
                job.transaction.adopt(part.renames)
                job.own.staged.update(part.marks)
                job.anonymizer.counts.update(part.redactions)
                for category, found in part.counts.items():
                    tally_ = counts[category]
                    tally_.new += found.new
                    tally_.updated += found.updated
                    tally_.retracted += found.retracted
    except BaseException:
        if len(parts) > 1:  # the workers still staging were killed: their temp files go too
            sweep(job, {category for category, _, _ in work})
        raise
    for category, tally_ in counts.items():
        tally_.total = known.get(category, 0) + tally_.new
    if any(c.new for c in counts.values()):
        job.own.stage_counts(job.transaction, {c: t.total for c, t in counts.items()})
    return counts


def sweep(job: SyncRun, categories: set[str]) -> None:
    """
    Remove the temp files that dead writers left in this node's shard folders of ``categories``,
    in data/ and in the state's copy (``atomic.remove_stale``): a staging worker killed because
    another part failed (a full disk) wrote some. This process's own go too: the transaction they
    belong to is being aborted.
    """
    folders = [layout.shard_dir(job.repo, category, job.node) for category in sorted(categories)]
    atomic.remove_stale(*folders, *map(job.own.mirror, folders), recursive=False)


# A shard with new observations: its category, its name and how much there is to stage in it.
Shard = tuple[str, str, int]


@attrs.define
class StagedPart:
    """
    What staging a run of shards did: counts per category, and the redactions of the patterns
    staged; from a worker also the temp files it staged (temp, final) and the marks of this
    node's data/ files among them (``own``), which join this process's transaction.
    """

    counts: dict[str, PatternCounts]
    redactions: collections.Counter[str]
    renames: list[tuple[Path, Path]] = attrs.field(factory=list)
    marks: dict[str, list[int] | None] = attrs.field(factory=dict)


def shards_to_stage(job: SyncRun, learned: dict[str, records.Pattern]) -> list[Shard]:
    """Return the shards with new observations, in order of category and name, with their sizes."""
    sizes: dict[tuple[str, str], int] = collections.Counter()
    if job.spill is not None:
        for _, index in job.spill.batches:
            for key, (start, end) in index.items():
                sizes[key] += end - start
    else:
        for pattern in learned.values():
            sizes[pattern.category, layout.shard_name(pattern.id)] += 1
    return [
        (category, shard, size)
        for category in job.cfg.sync.categories
        for (kind, shard), size in sorted(sizes.items())
        if kind == category
    ]


def divide(work: list[Shard], parts: int) -> list[list[Shard]]:
    """Return ``work`` cut into at most ``parts`` runs of consecutive shards of about equal size."""
    total = sum(size for _, _, size in work)
    runs: list[list[Shard]] = [[]]
    done = 0
    for shard in work:
        if done * parts >= total * len(runs) and len(runs) < parts:
            runs.append([])
        runs[-1].append(shard)
        done += shard[2]
    return [run for run in runs if run]


def stage_part(
    job: SyncRun,
    learned: dict[str, records.Pattern],
    retracted: merge.Retractions,
    run: list[Shard],
) -> StagedPart:
    """
    Stage the shards of ``run`` (in this process, or in a worker that hands its temp files back).

    A worker that fails removes the temp files it wrote; one killed (its parent failed) leaves
    them to the next job's sweep (``atomic.remove_stale``: its pid is gone).
    """
    counts = {category: PatternCounts() for category, _, _ in run}
    if not forks.in_worker():  # staged in place: this process's transaction, marks and counts
        for category, shard, found in observations(job, run, learned):
            path = layout.shard_file(job.repo, category, job.node, shard)
            stage_shard(job, path, found, retracted, counts[category])
        return StagedPart(counts, collections.Counter())
    renamed, marked = len(job.transaction.renames), set(job.own.staged)
    with learning.counted_apart(job.anonymizer) as redactions:
        try:
            for category, shard, found in observations(job, run, learned):
                path = layout.shard_file(job.repo, category, job.node, shard)
                stage_shard(job, path, found, retracted, counts[category])
        except BaseException:
            for temp, _ in job.transaction.renames[renamed:]:
                temp.unlink(missing_ok=True)
            raise
    marks = {name: mark for name, mark in job.own.staged.items() if name not in marked}
    return StagedPart(counts, redactions, job.transaction.renames[renamed:], marks)


def observations(
    job: SyncRun, run: list[Shard], learned: dict[str, records.Pattern]
) -> Iterator[tuple[str, str, Iterable[records.Pattern]]]:
    """Yield the shards of ``run`` in order, each with its category and its new observations."""
    if job.spill is not None:
        for category in dict.fromkeys(category for category, _, _ in run):
            names = {shard for kind, shard, _ in run if kind == category}
            for shard, tallies in job.spill.take(category, names):
                yield category, shard, job.learner.observed(tallies).values()
        return
    wanted = {(category, shard) for category, shard, _ in run}
    by_shard: dict[tuple[str, str], list[records.Pattern]] = collections.defaultdict(list)
    for pattern in learned.values():
        key = (pattern.category, layout.shard_name(pattern.id))
        if key in wanted:
            by_shard[key].append(pattern)
    for category, shard, _ in run:
        yield category, shard, by_shard[category, shard]


def stage_shard(
    job: SyncRun,
    path: Path,
    found: Iterable[records.Pattern],
    retracted: merge.Retractions,
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
