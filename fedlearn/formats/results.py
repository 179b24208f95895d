"""The results of the jobs whose counts others read: import's (pull nests it, the metrics read it)
and sync's (the monthly totals add it up).

Plain msgspec Structs with no heavy imports, below ``jobs`` and ``report``: ``fedlearn metrics``
and ``pull`` name them without loading the Qdrant client, and ``report`` reads a run record's
result without importing a job. A run record stores a result as JSON builtins; ``decoded``
turns that back into the struct (None when it does not fit: a failed run, an older version).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import msgspec

S = TypeVar("S", bound=msgspec.Struct)


class CollectionImport(msgspec.Struct):
    """
    What import did to one collection: points by outcome, and why it stopped ("" if it did not).

    ``reembedded`` counts fedlearn's own points embedded again after an embedder change,
    ``no_text`` the points with none of the collection's text fields, ``deleted`` the retracted
    patterns' points and other nodes' points an earlier fedlearn wrote under their snapshot ids.
    """

    imported: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    deleted: int = 0
    set_aside: int = 0
    reembedded: int = 0
    no_text: int = 0
    error: str = ""


class SnapshotRefusal(msgspec.Struct):
    """A snapshot import refused to read, why, and the commit that last changed it ("": unknown)."""

    file: str
    reason: str
    commit: str = ""


class ImportResult(msgspec.Struct, kw_only=True):
    """
    What one import did.

    Attributes:
        collections: collection -> its counts, for the collections it read.
        imported, updated, skipped, failed, deleted, set_aside, reembedded: those
            counts summed over the collections.
        refused: this node's own snapshots that do not verify (the import fails).
        skipped_snapshots: other nodes' snapshots that do not verify, skipped (each node's newest
            one that does is read instead); they never fail the import (``fedlearn doctor``).
            A run record from before this field reads as none.
        quarantined: points in import's quarantine now (every import retries them).
        quarantine: the quarantine file ("" when it holds nothing).
        read: ``all`` (every source) or ``changed`` (what changed since the last import).
        commit: the HEAD it imported.
    """

    collections: dict[str, CollectionImport]
    imported: int
    updated: int
    skipped: int
    failed: int
    deleted: int
    set_aside: int
    reembedded: int
    refused: list[SnapshotRefusal]
    skipped_snapshots: list[SnapshotRefusal] = msgspec.field(default_factory=list)
    quarantined: int
    quarantine: str
    read: str
    commit: str


class PatternCounts(msgspec.Struct):
    """One category's patterns in this run: new ids, updated ids, retracted ones left out, total."""

    new: int = 0
    updated: int = 0
    retracted: int = 0
    total: int = 0


class FineTuningCounts(msgspec.Struct):
    """The fine-tuning records of this run: rejected by the gate, new, duplicate; dataset size."""

    rejected: int = 0
    new: int = 0
    duplicate: int = 0
    total: int = 0


class Reanonymized(msgspec.Struct):
    """
    The rewrite of this node's files with the current rules (``reanonymize``).

    Attributes:
        files: the files rewritten.
        rekeyed: the patterns whose id changed.
        collections: whether the collection snapshots were rewritten too (False while export ran).
    """

    files: list[str]
    rekeyed: int
    collections: bool


class SyncResult(msgspec.Struct, kw_only=True):
    """
    What one sync read, learned and wrote.

    Attributes:
        node: this node.
        events_read: telemetry lines read.
        high_value: events kept as high-value.
        unmatched: high-value events no category took.
        bad_lines: lines set aside, by reason.
        patterns: category -> its pattern counts.
        fine_tuning: the fine-tuning record counts.
        redactions: redactions by rule.
        unreadable_inputs: each configured input that names nothing to read, with why.
        reanonymized: the rewrite with the current rules (None when none was due).
        bad_lines_not_kept: bad lines counted but not kept (the quarantine was full).
        restored: this node's data/ files found edited outside fedlearn and restored from its
            state before the run (none in a dry run).
        files: the files under data/ written.
    """

    node: str
    events_read: int = 0
    high_value: int = 0
    unmatched: int = 0
    bad_lines: dict[str, int] = msgspec.field(default_factory=dict)
    patterns: dict[str, PatternCounts] = msgspec.field(default_factory=dict)
    fine_tuning: FineTuningCounts = msgspec.field(default_factory=FineTuningCounts)
    redactions: dict[str, int] = msgspec.field(default_factory=dict)
    unreadable_inputs: dict[str, str] = msgspec.field(default_factory=dict)
    reanonymized: Reanonymized | None = None
    bad_lines_not_kept: int = 0
    restored: list[str] = msgspec.field(default_factory=list)
    files: list[str] = msgspec.field(default_factory=list)

    @property
    def is_idle(self) -> bool:
        """Return whether the run read, set aside and added nothing (a rewrite aside)."""
        ft = self.fine_tuning
        return not (self.events_read or self.bad_lines or ft.new or ft.rejected)


def decoded(builtins: Mapping[str, Any], kind: type[S]) -> S | None:
    """Return a run record's stored result as ``kind``, or None when it is not one."""
    try:
        return msgspec.convert(builtins, kind)
    except msgspec.ValidationError:
        return None
