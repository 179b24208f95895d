"""Run records: what each recorded job's runs did, for ``fedlearn status`` and the metrics.

``<state>/runs/<job>.json`` holds one ``History``: the last run, the last successful run (ok or
idle) with its counts, the last run that did work (ok), and a start mark while a run is under
way. A run whose process died (SIGKILL, power cut) leaves its start mark behind: with its pid gone,
status shows it ``interrupted``. Every change is one atomic write made under a short lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from typing import Any, Literal

import msgspec

from fedlearn.errors import FedlearnError, LockHeldError
from fedlearn.store import atomic, state

Outcome = Literal["ok", "idle", "blocked", "failed", "interrupted"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "idle", "blocked", "failed", "interrupted")


class Run(msgspec.Struct, frozen=True, kw_only=True):
    """
    One finished run of a job.

    Attributes:
        state: its outcome: a job state, or ``interrupted`` (a signal stopped it, or it died).
        finished_at: "" for a run that died without a word (only its start is known).
        started_by: the job that started this one (``pull`` runs ``import``), or "".
    """

    job: str
    state: Outcome
    started_at: str
    finished_at: str = ""
    duration_seconds: float = 0.0
    summary: dict[str, Any] = msgspec.field(default_factory=dict)
    error: str = ""
    started_by: str = ""


class Started(msgspec.Struct, frozen=True, kw_only=True):
    """The start mark of a run under way: when, which process, started by which job."""

    started_at: str
    pid: int
    started_by: str = ""


class History(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A job's record: its last run, last success, last run that did work, and a run under way."""

    last: Run | None = None
    success: Run | None = None
    work: Run | None = None
    running: Started | None = None

    def latest(self) -> Run | None:
        """
        Return the last run, or the run under way when its process is gone: an interrupted run
        (a live one is not finished, so the last finished run stands).
        """
        if self.running is not None and not is_alive(self.running.pid):
            mark = self.running
            return Run(
                job="", state="interrupted", started_at=mark.started_at, started_by=mark.started_by
            )
        return self.last


class Legacy(msgspec.Struct, kw_only=True):
    """The one-run record of earlier versions (read once, then rewritten as a History)."""

    job: str
    state: Outcome
    started_at: str
    finished_at: str
    duration_seconds: float = 0.0
    summary: dict[str, Any] = msgspec.field(default_factory=dict)
    error: str = ""


DECODER = msgspec.json.Decoder(History)
LEGACY_DECODER = msgspec.json.Decoder(Legacy)


def is_alive(pid: int) -> bool:
    """Return whether process ``pid`` still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def load(store: state.StateDir, job: str) -> History:
    """Return ``job``'s history (empty when it never ran or its file is damaged)."""
    try:
        data = (store.root / "runs" / f"{job}.json").read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return History()
    try:
        return DECODER.decode(data)
    except msgspec.DecodeError:
        pass
    try:
        old = LEGACY_DECODER.decode(data)
    except msgspec.DecodeError:
        return History()
    run = Run(**msgspec.structs.asdict(old))
    return History(last=run, success=run if old.state in ("ok", "idle") else None)


@contextlib.contextmanager
def changing(store: state.StateDir, job: str) -> Iterator[list[History]]:
    """Hold ``job``'s record lock; yield [history]; write back what the block leaves in the list."""
    path = store.path("runs", f"{job}.json")
    with store.path("runs", f"{job}.lock").open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        box = [load(store, job)]
        before = box[0]
        yield box
        if box[0] != before:
            atomic.write(path, msgspec.json.encode(box[0]) + b"\n")


class Recorder:
    """Record one run of a job: its start mark now, its outcome when it ends."""

    def __init__(self, store: state.StateDir, job: str, started_by: str = "") -> None:
        self.store = store
        self.job = job
        self.started_by = started_by
        self.started_at = state.now_iso()
        self.start = time.monotonic()

    def begin(self) -> None:
        """Write the start mark (raise OSError when the state dir cannot be written)."""
        mark = Started(started_at=self.started_at, pid=os.getpid(), started_by=self.started_by)
        with changing(self.store, self.job) as box:
            box[0] = msgspec.structs.replace(box[0], running=mark)

    def withdraw(self) -> None:
        """Remove this run's start mark: it never ran (another run holds the job's lock)."""
        with changing(self.store, self.job) as box:
            if box[0].running is not None and box[0].running.pid == os.getpid():
                box[0] = msgspec.structs.replace(box[0], running=None)

    def finish(self, outcome: Outcome, summary: dict[str, Any], error: str = "") -> Run:
        """Store the finished run as the last one (and as the last success or work when it is)."""
        run = Run(
            job=self.job,
            state=outcome,
            started_at=self.started_at,
            finished_at=state.now_iso(),
            duration_seconds=round(time.monotonic() - self.start, 3),
            summary=summary,
            error=error,
            started_by=self.started_by,
        )
        with changing(self.store, self.job) as box:
            old = box[0]
            mine = old.running is not None and old.running.pid == os.getpid()
            box[0] = History(
                last=run,
                success=run if outcome in ("ok", "idle") else old.success,
                work=run if outcome == "ok" else old.work,
                running=None if mine else old.running,
            )
        return run


@contextlib.contextmanager
def recording(store: state.StateDir, job: str, started_by: str = "") -> Iterator[Recorder]:
    """
    Record the run of ``job`` made in the block: its start, then failed, interrupted or (when the
    block raises nothing) what ``Recorder.finish`` was told; an exit 3 (lock held) withdraws it.

    Recording the outcome never hides the job's own error: a record that cannot be written then is
    left as it was (the start mark shows the run interrupted).
    """
    recorder = Recorder(store, job, started_by)
    recorder.begin()
    try:
        yield recorder
    except LockHeldError:
        with contextlib.suppress(OSError):
            recorder.withdraw()
        raise
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            recorder.finish("interrupted", {}, "interrupted")
        raise
    except FedlearnError as error:
        with contextlib.suppress(OSError):
            recorder.finish("failed", {}, str(error))
        raise
    except Exception as error:
        with contextlib.suppress(OSError):
            recorder.finish("failed", {}, f"{type(error).__name__}: {error}")
        raise
