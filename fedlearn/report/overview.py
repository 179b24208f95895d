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
from fedlearn.store import git_local, jsonl, peer_files, rotation, runs, state


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
        same = cursor is not None and rotation.is_read_file(path, info, cursor)
        found.append(Backlog(str(path), info.st_size, cursor.offset if same and cursor else 0))
    return found


def git_state(repo: Path, remote: str, branch: str) -> GitState:
    """Return the branch, HEAD and ahead/behind counts against ``remote/branch`` (when known)."""
    if git_local.toplevel(repo) is None:
        return GitState(is_repo=False)
    found = GitState(is_repo=True, branch=git_local.branch(repo) or "HEAD")
    counts = git_local.ahead_behind(repo, f"{remote}/{branch}")
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
            peer_files.refuse(repo, month / f"{node}.json", f"damaged: {str(error)[:120]}")
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
    merged = patterns.merged_view(repo, categories, cfg.trust.admins) if has_repo else {}
    own = {c: len(patterns.read(layout.pattern_file(repo, c, node))) for c in categories}
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
        patterns_node=own,
        patterns_merged={c: len(v) for c, v in merged.items()},
        snapshots=latest_snapshots(repo, node) if has_repo else {},
        quarantined=quarantined(store),
        totals=month_totals(repo, node) if has_repo else {},
    )
