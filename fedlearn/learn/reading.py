"""Reading sync's inputs: the run in progress, telemetry read in parts, fine-tuning lines.

``SyncRun`` holds one sync's state (cursors, counts, the learner's tally, the transaction being
staged). Each input's new lines are read segment by segment (``rotation.Follow``); a large segment
is cut into ranges of whole lines that forked workers filter and learn from at once (``[sync]
workers``), their tallies absorbed in input order, so the files are the same bytes as when one
process reads everything. The runtime fine-tuning lines are gated and anonymized here too.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

import attrs

from fedlearn import anonymize, config
from fedlearn.formats import records
from fedlearn.learn import finetune, forks, learning, spill, telemetry
from fedlearn.report import progress
from fedlearn.store import jsonl, own, peer_files, rotation, state

PART_BYTES = 32 * 1024 * 1024  # below this a range is not worth a worker process
log = logging.getLogger(__name__)


@attrs.define
class Part:
    """What reading one range of an input found: counts, bad lines, the tally, where it stopped."""

    filtered: telemetry.Filtered
    tally: learning.Tally
    offset: int = 0
    too_long: list[jsonl.BadLine] = attrs.field(factory=list)
    batches: list[spill.Batch] = attrs.field(factory=list)  # patterns set down, in input order


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
        self.spill: spill.Spill | None = None  # the patterns set down so far, once the tally filled
        spill.clear(spill.folder_of(store.root))  # what an interrupted sync left
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
        Their tallies absorb in input order, and whenever the run's holds a batch of patterns it
        is set down on disk (``spill``), as a worker sets its own down.

        Return the offset reached and the over-long lines.
        """
        size = (segment.end or segment.path.stat().st_size) - segment.start
        parts = max(1, min(self.cfg.sync.workers or forks.available(), size // PART_BYTES))
        ranges = jsonl.divide(segment, parts)
        if size >= PART_BYTES:  # its anonymizing pays for the RE2 set at once: build it to share
            self.anonymizer.build_prefilter()
        offset, too_long = segment.start, list[jsonl.BadLine]()
        with contextlib.closing(forks.each(self.read_part, ranges)) as done:
            for part in done:  # one at a time: the next worker's is taken once this one is in
                if part.batches:  # set down after what the run holds: the input's order
                    self.set_down_when_full(limit=1)
                    self.spilled().batches += part.batches
                self.filtered.absorb(part.filtered)
                self.tally.absorb(part.tally)
                self.set_down_when_full()
                offset, too_long = part.offset, too_long + part.too_long
        self.meter.advance(sum((r.end or r.start) - r.start for r in ranges[1:]))  # the workers'
        return offset, too_long

    def spilled(self) -> spill.Spill:
        """Return the run's set-down batches (made when the first is set down)."""
        if self.spill is None:
            self.spill = spill.Spill(spill.folder_of(self.store.root))
        return self.spill

    def set_down_when_full(self, *, limit: int | None = None) -> None:
        """Set the run's patterns down on disk (``spill``) once they fill a batch, or ``limit``."""
        if len(self.tally.patterns) >= (spill.BATCH_PATTERNS if limit is None else limit):
            self.spilled().add(self.tally.patterns)
            self.tally.patterns = {}

    def learned(self) -> learning.Learned:
        """
        Return what the run learned: the snapshot lines and counts, and the patterns still in
        memory (none once any were set down: then all of them are, ``spill``).
        """
        if self.spill is not None:
            self.set_down_when_full(limit=1)
        return self.learner.result(self.tally)

    def read_part(self, segment: rotation.Segment) -> Part:
        """
        Filter and learn from one range of whole lines (in this process or in a worker); its
        patterns are set down whenever they fill a batch (``spill``).
        """
        part = Part(self.new_filtered(), self.learner.tally())
        reader = jsonl.Reader(segment, self.cfg.sync.max_line_bytes)
        threshold = self.cfg.sync.value_threshold
        for chunk in reader:
            self.learner.add(telemetry.filter_chunk(chunk, threshold, part.filtered), part.tally)
            if len(part.tally.patterns) >= spill.BATCH_PATTERNS:
                part.batches.append(
                    spill.write(spill.folder_of(self.store.root), part.tally.patterns)
                )
                part.tally.patterns = {}
            if not forks.in_worker():
                self.meter.advance(chunk.size)
        part.offset, part.too_long = reader.offset, reader.bad
        if part.batches and part.tally.patterns:  # the rest too, while the other parts are read
            part.batches.append(spill.write(spill.folder_of(self.store.root), part.tally.patterns))
            part.tally.patterns = {}
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
