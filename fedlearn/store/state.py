"""The state dir: locks (guarantee 5), cursors, last-run records, quarantine files, journals.

Never in git. Every file here is written whole (``atomic``); locks are ``flock`` on
``<state>/locks/<job>.lock`` and die with their process.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Literal

import msgspec

from fedlearn.errors import LockHeldError, StateError
from fedlearn.store import atomic

JobState = Literal["ok", "idle", "blocked", "failed"]
STATES: tuple[JobState, ...] = ("ok", "idle", "blocked", "failed")


class Cursor(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """
    How far one input file has been read.

    Attributes:
        path: the input path the cursor belongs to.
        device, inode: identify the file, so a rotation (new inode) is noticed.
        offset: bytes consumed (always just after a newline).
        head: sha256 hex of the file's first ``min(offset, HEAD_BYTES)`` bytes, so a file that was
            truncated and rewritten past the old offset is noticed too.
        newest_copy: for a cursor at offset 0 only: the (device, inode) of the newest rotated
            sibling then, ``[]`` when there was none, so that a ``copytruncate`` copy made since
            is known (a cursor with no bytes read has nothing else to recognize it by); None when
            unknown (offset > 0, or a cursor written before this field).
    """

    path: str
    device: int
    inode: int
    offset: int
    head: str
    newest_copy: list[int] | None = None


CURSORS_DECODER = msgspec.json.Decoder(dict[str, Cursor])
# The state dir's folders of whole files (temp file, fsync, rename) that a crash can leave temps in.
WRITTEN_FOLDERS = ("cursors", "import", "journal", "metrics", "own", "quarantine", "runs")
ENCODER = msgspec.json.Encoder(order="deterministic")
# A quarantine file's name: the job, the UTC stamp, a number when the same second had one already.
QUARANTINE_NAME = re.compile(r"[a-z_]+-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<number>\d+))?\.jsonl")
# The federation checkout's lock, held besides their own by every job that writes its work tree.
REPO_LOCK = "repo"
# Seconds between two tries of a lock a job waits for.
LOCK_POLL = 0.05
log = logging.getLogger(__name__)


def now_iso() -> str:
    """Return the current UTC time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class StateDir:
    """fedlearn's local state under one folder; paths are created on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # A checkout's work tree, git dir and common git dir, asked of git once per job (``checkout``
        # clears what killed runs left each time it takes the repo lock; a sync takes it 2-3 times).
        self.checkouts: dict[Path, tuple[Path, Path, Path]] = {}

    def path(self, *parts: str) -> Path:
        """Return a path under the state dir, creating its parent folder."""
        target = self.root.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    @contextlib.contextmanager
    def lock(self, job: str, *, holders: str = "", wait: float = 0.0) -> Iterator[None]:
        """
        Hold ``<state>/locks/<job>.lock`` for the block, waiting up to ``wait`` seconds for it.

        Raise LockHeldError when another process still holds it then (two runs of one job never
        overlap). ``holders`` names who else takes a lock shared by several jobs (for the message).
        """
        path = self.path("locks", f"{job}.lock")
        with path.open("a+") as handle:
            if not acquire(handle, path, wait):
                holder = path.read_text().strip() or "unknown"
                running = (
                    f"{holders} is already using the {job}"
                    if holders
                    else f"{job} is already running"
                )
                waited = f", waited {wait:g} s" if wait else ""
                raise LockHeldError(
                    f"{running} (pid {holder}, lock {path}{waited})",
                    hint="wait for it to finish; `fedlearn status` shows who holds each lock",
                )
            handle.truncate(0)
            handle.write(str(os.getpid()))
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)
                handle.flush()

    def repo_lock(self, *, wait: float = 0.0) -> contextlib.AbstractContextManager[None]:
        """
        Hold the lock of the federation checkout, waiting up to ``wait`` seconds for it: every job
        that writes under data/ (sync, retract, export) and the two that rebase, move HEAD and
        update the index there (publish, pull) take it while they touch the work tree.
        """
        return self.lock(REPO_LOCK, holders="another job", wait=wait)

    def lock_holder(self, job: str) -> int | None:
        """Return the pid holding ``job``'s lock, or None when it is free."""
        path = self.root / "locks" / f"{job}.lock"
        if not path.exists():
            return None
        with path.open("a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                text = path.read_text().strip()
                return int(text) if text.isdigit() else -1
            fcntl.flock(handle, fcntl.LOCK_UN)
        return None

    def cursors_file(self, job: str) -> Path:
        """Return the file holding ``job``'s cursors."""
        return self.path("cursors", f"{job}.json")

    def load_cursors(self, job: str) -> dict[str, Cursor]:
        """
        Return ``job``'s cursors by input path (empty before the first run).

        Raise StateError when the file is damaged: starting over silently would read every input
        again and count its lines twice, so the user decides.
        """
        path = self.cursors_file(job)
        try:
            return CURSORS_DECODER.decode(path.read_bytes())
        except FileNotFoundError:
            return {}
        except msgspec.DecodeError as error:
            raise StateError(
                f"{path}: damaged ({error})",
                hint=f"move it aside (mv {path} {path}.damaged) to read every input from its start "
                "again; the patterns' sighting counts and the month's totals then count those "
                "lines once more",
            ) from None

    def journal(self, job: str) -> Path:
        """Return the path of ``job``'s transaction journal."""
        return self.path("journal", f"{job}.json")

    def transaction(self, job: str) -> atomic.Transaction:
        """Return a new transaction journaled under ``job``'s name."""
        return atomic.Transaction(self.journal(job))

    def remove_stale(self) -> int:
        """
        Delete the temp files a crash left where jobs write whole files in the state dir: its top
        (the node id) and its cursors, import, journal, metrics, quarantine and runs folders.
        Nothing else is swept, such as an embedded Qdrant store kept there. Return how many.
        """
        folders = [self.root / name for name in WRITTEN_FOLDERS]
        return atomic.remove_stale(self.root, recursive=False) + atomic.remove_stale(*folders)

    def quarantine_dir(self) -> Path:
        """Return the folder of set-aside bad input lines."""
        folder = self.root / "quarantine"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def new_quarantine_file(self, job: str, stamp: str) -> Path:
        """Return a new quarantine file of ``job``: stamped, numbered when the stamp is taken."""
        folder = self.quarantine_dir()
        path, number = folder / f"{job}-{stamp}.jsonl", 1
        while path.exists():
            number += 1
            path = folder / f"{job}-{stamp}-{number}.jsonl"
        return path

    def quarantine_overflow(self, incoming: int, limit: int) -> list[Path]:
        """
        Return the oldest quarantine files to remove so that the folder, with ``incoming`` more
        bytes, holds at most ``limit`` bytes (files of other names are never counted or removed).
        """
        found = []
        for path in self.quarantine_dir().iterdir():
            if match := QUARANTINE_NAME.fullmatch(path.name):
                age = (match["stamp"], int(match["number"] or 1))
                found.append((age, path, path.stat().st_size))
        total = incoming + sum(size for _, _, size in found)
        oldest = []
        for _, path, size in sorted(found):
            if total <= limit:
                break
            oldest.append(path)
            total -= size
        return oldest


def acquire(handle: IO[str], path: Path, wait: float) -> bool:
    """Take the flock on ``handle`` within ``wait`` seconds (polling); return whether it was taken."""
    deadline, logged = time.monotonic() + wait, False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
        if not logged:
            log.info("waiting for %s (held by pid %s)", path, path.read_text().strip() or "?")
            logged = True
        time.sleep(LOCK_POLL)
