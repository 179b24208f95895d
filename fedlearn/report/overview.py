"""The facts ``fedlearn status`` prints and ``fedlearn metrics`` exports, gathered in one place.

Read-only: the state dir (runs, cursors, locks, quarantine), data/ and git.
"""

from __future__ import annotations

import collections
import logging
import re
from pathlib import Path
from typing import Any

import attrs
import msgspec

from fedlearn import commands, config
from fedlearn.errors import StateError
from fedlearn.formats import layout
from fedlearn.learn import monthly, patterns, retention
from fedlearn.report import tally
from fedlearn.store import (
    git_history,
    git_local,
    jsonl,
    own,
    own_check,
    peer_files,
    refusal_log,
    rotated_files,
    runs,
    state,
)


class QuarantineReason(msgspec.Struct):
    """The fields of a quarantine record that status counts: why, and how many lines (a run of
    joined bad lines is one record)."""

    reason: str
    lines: int = 1


QUARANTINE_DECODER = msgspec.json.Decoder(QuarantineReason)
log = logging.getLogger(__name__)
MONTH = re.compile(r"\d{4}-\d\d")


class GitState(msgspec.Struct):
    """
    Where the federation checkout stands (``upstream``, ``ahead``, ``behind`` once fetched).

    Attributes:
        is_repo: whether the repo is a git work tree at all (the other fields are unset if not).
        branch: the checked-out branch (``HEAD`` when detached).
        upstream: ``remote/branch`` compared with.
        ahead, behind: commits HEAD has that the upstream lacks, and the other way round.
    """

    is_repo: bool
    branch: str | msgspec.UnsetType = msgspec.UNSET
    upstream: str | msgspec.UnsetType = msgspec.UNSET
    ahead: int | msgspec.UnsetType = msgspec.UNSET
    behind: int | msgspec.UnsetType = msgspec.UNSET


class OwnFileDifference(msgspec.Struct):
    """One of this node's data/ files that differs from its state: its path and ``own_check.Difference.what``."""

    path: str
    what: str


class OwnFilesState(msgspec.Struct, kw_only=True):
    """
    This node's own files (kept in the state dir, rendered into data/) as status reports them.

    Attributes:
        adopted: whether the state dir holds them yet (the first sync takes them from data/).
        differing: the data/ files that differ from the state now (edited outside fedlearn).
        restored: files restored from the state so far, in all.
        discarded: remote changes to this node's files discarded so far, in all.
        last_discarded: the paths of the last discarded change.
        last_discarded_at: when it was discarded ("" when never).
    """

    adopted: bool = False
    differing: list[OwnFileDifference] = msgspec.field(default_factory=list)
    restored: int = 0
    discarded: int = 0
    last_discarded: list[str] = msgspec.field(default_factory=list)
    last_discarded_at: str = ""


@attrs.frozen
class Backlog:
    """How far one telemetry input is behind: bytes in the file not yet read."""

    path: str
    size: int
    offset: int

    @property
    def pending(self) -> int:
        """Return the unread bytes (the whole file when it was replaced since the last read)."""
        return max(self.size - self.offset, 0) if self.size >= self.offset else self.size


@attrs.frozen
class Overview:
    """Everything status and metrics report about this node."""

    node: str
    repo: str
    git: GitState
    runs: dict[str, runs.History]
    unreadable: dict[str, str]
    locks: dict[str, int]
    backlog: list[Backlog]
    patterns_node: dict[str, int]
    patterns_merged: dict[str, int]
    snapshots: dict[str, str]
    quarantined: dict[str, int]
    totals: dict[str, Any]
    own_files: OwnFilesState = attrs.Factory(OwnFilesState)
    withheld: dict[str, int] = attrs.Factory(dict)


def cursors(store: state.StateDir) -> dict[str, state.Cursor]:
    """Return sync's cursors; a damaged file is warned about (sync fails on it) and read as none."""
    try:
        return store.load_cursors("sync")
    except StateError as error:
        log.warning("%s", error)
        return {}


def backlog(
    cfg: config.Config, store: state.StateDir, known: dict[str, state.Cursor] | None = None
) -> list[Backlog]:
    """Return the unread bytes of every telemetry input and the fine-tuning dataset."""
    known = cursors(store) if known is None else known
    telemetry = jsonl.expand(cfg.sync.telemetry, known=known, besides=cfg.sync.fine_tuning)
    inputs = telemetry + ([Path(cfg.sync.fine_tuning)] if cfg.sync.fine_tuning else [])
    found = []
    for path in inputs:
        cursor = known.get(str(path))
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        if path.is_dir():  # not an input: shown as unreadable
            continue
        same = cursor is not None and rotated_files.is_read_file(path, info, cursor)
        found.append(Backlog(str(path), info.st_size, cursor.offset if same and cursor else 0))
    return found


def merged_counts(cfg: config.Config, store: state.StateDir) -> tally.Counts:
    """
    Return category → patterns in the merged view of all nodes, and node → its withheld
    tombstones (``tally``: kept at a commit, brought forward by what changed since).
    """
    return tally.counts(cfg, store)


def git_state(repo: Path, remote: str, branch: str) -> GitState:
    """Return the branch, HEAD and ahead/behind counts against ``remote/branch`` (when known)."""
    if git_local.toplevel(repo) is None:
        return GitState(is_repo=False)
    found = GitState(is_repo=True, branch=git_local.branch(repo) or "HEAD")
    counts = git_history.ahead_behind(repo, f"{remote}/{branch}")
    if counts is not None:
        ahead, behind = counts
        found = msgspec.structs.replace(
            found, upstream=f"{remote}/{branch}", ahead=ahead, behind=behind
        )
    return found


def quarantined(store: state.StateDir) -> dict[str, int]:
    """Return the number of quarantined lines by reason."""
    counts: collections.Counter[str] = collections.Counter()
    folder = store.root / "quarantine"
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        try:
            lines = path.read_bytes().splitlines()
        except FileNotFoundError:  # a sync removed it (the oldest go past quarantine_max_bytes)
            continue
        for line in lines:
            try:
                record = QUARANTINE_DECODER.decode(line)
                counts[record.reason] += record.lines
            except msgspec.DecodeError:
                counts["unknown"] += 1
    return dict(sorted(counts.items()))


def month_totals(repo: Path, node: str) -> dict[str, Any]:
    """Return this node's totals summed over every month on file."""
    total: dict[str, Any] = {}
    root = layout.data_dir(repo) / "metrics" / "monthly"
    for month in peer_files.entries(repo, root, folders=True, valid=MONTH.fullmatch):
        data = peer_files.read(repo, month / f"{node}.json", "metrics")
        if data is None:
            continue
        try:
            document = msgspec.json.decode(data)
            if isinstance(document, dict):
                total = monthly.add_counts(total, document.get("totals", {}))
        except (msgspec.DecodeError, RecursionError) as error:
            refusal_log.refuse(repo, month / f"{node}.json", f"damaged: {str(error)[:120]}")
    return total


def latest_snapshots(repo: Path, node: str) -> dict[str, str]:
    """Return this node's latest snapshot stamp per collection."""
    found = {}
    for collection in layout.collection_names(repo):
        latest = retention.latest(layout.collection_dir(repo, collection, node))
        if latest is not None:
            found[collection] = latest.name.removesuffix(".jsonl")
    return found


def gather(cfg: config.Config) -> Overview:
    """Return the overview of this node (without the repo's facts when it is not a work tree)."""
    store = state.StateDir(cfg.state_path)
    repo, node = cfg.repo_path, cfg.node_id
    has_repo = bool(cfg.repo) and git_local.toplevel(repo) is not None
    categories = cfg.sync.categories if has_repo else []
    counted = merged_counts(cfg, store) if has_repo else tally.Counts({}, {})
    files = own.OwnFiles(store, repo, node)
    counts = files.counts() if files.is_adopted() else {}
    patterns_node = {
        c: counts[c] if c in counts else len(patterns.read_node(repo, c, node)) for c in categories
    }
    held = (*commands.NAMES, state.REPO_LOCK)
    locks = {job: pid for job in held if (pid := store.lock_holder(job)) is not None}
    sync, known = cfg.sync, cursors(store)
    return Overview(
        node=node,
        repo=str(repo) if cfg.repo else "",
        git=git_state(repo, cfg.publish.remote, cfg.publish.branch)
        if has_repo
        else GitState(is_repo=False),
        runs={job: runs.load(store, job) for job in commands.RECORDED},
        unreadable=jsonl.unreadable([*sync.telemetry, sync.fine_tuning], known),
        locks=locks,
        backlog=backlog(cfg, store, known),
        patterns_node=patterns_node,
        patterns_merged=counted.merged,
        withheld=counted.withheld,
        snapshots=latest_snapshots(repo, node) if has_repo else {},
        quarantined=quarantined(store),
        totals=month_totals(repo, node) if has_repo else {},
        own_files=own_state(files) if has_repo else OwnFilesState(),
    )


def own_state(files: own.OwnFiles) -> OwnFilesState:
    """Return the state of this node's files: those differing from its state now, and the record."""
    events = files.events()
    return OwnFilesState(
        adopted=files.is_adopted(),
        differing=[
            OwnFileDifference(str(d.path.relative_to(files.repo)), d.what)
            for d in own_check.differences(files, remember=False)
        ],
        restored=events.restored,
        discarded=events.discarded,
        last_discarded=events.last_discarded,
        last_discarded_at=events.last_discarded_at,
    )
