"""Run records: last run, last success, last work, a run under way, and one that died."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from fedlearn.errors import FedlearnError, LockHeldError
from fedlearn.store import runs, state


def test_finish_keeps_the_last_success_and_the_last_work(tmp_path: Path) -> None:
    """An idle run after an ok one: last is idle, success idle, work still the ok one."""
    store = state.StateDir(tmp_path)
    for outcome, read in (("ok", 300), ("idle", 0)):
        with runs.recording(store, "sync") as recorder:
            recorder.finish(outcome, {"events_read": read})
    history = runs.load(store, "sync")
    assert history.last is not None and history.last.state == "idle"
    assert history.success == history.last and history.running is None
    assert history.work is not None and history.work.summary == {"events_read": 300}


def test_a_failed_run_keeps_the_earlier_success(tmp_path: Path) -> None:
    """A failure is the last run, with its error; the last success stays."""
    store = state.StateDir(tmp_path)
    with runs.recording(store, "pull") as recorder:
        recorder.finish("ok", {})
    with pytest.raises(FedlearnError), runs.recording(store, "pull"):
        raise FedlearnError("fetch failed")
    history = runs.load(store, "pull")
    assert history.last is not None and (history.last.state, history.last.error) == (
        "failed",
        "fetch failed",
    )
    assert history.success is not None and history.success.state == "ok"


def test_a_held_lock_leaves_no_trace_and_ctrl_c_is_interrupted(tmp_path: Path) -> None:
    """Exit 3 withdraws the run's start; KeyboardInterrupt records it interrupted."""
    store = state.StateDir(tmp_path)
    with pytest.raises(LockHeldError), runs.recording(store, "export"):
        raise LockHeldError("export is already running")
    assert runs.load(store, "export") == runs.History()
    with pytest.raises(KeyboardInterrupt), runs.recording(store, "export"):
        raise KeyboardInterrupt
    last = runs.load(store, "export").latest()
    assert last is not None and last.state == "interrupted"


def test_a_run_whose_process_died_is_interrupted(tmp_path: Path) -> None:
    """A start mark left by a process that is gone reads as an interrupted run; a live one not."""
    store = state.StateDir(tmp_path)
    runs.Recorder(store, "sync").begin()
    assert runs.load(store, "sync").latest() is None  # this process is alive: still running
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    mark = runs.Started(started_at="2026-01-01T00:00:00Z", pid=int(dead.stdout))
    path = tmp_path / "runs" / "sync.json"
    path.write_bytes(msgspec.json.encode(runs.History(running=mark)))
    last = runs.load(store, "sync").latest()
    assert last is not None and (last.state, last.started_at, last.finished_at) == (
        "interrupted",
        "2026-01-01T00:00:00Z",
        "",
    )
    assert os.getpid() != mark.pid


def test_a_record_of_the_earlier_format_is_read(tmp_path: Path) -> None:
    """A one-run record written before histories is the last run (and success when it was ok)."""
    path = tmp_path / "runs" / "sync.json"
    path.parent.mkdir()
    path.write_text(
        '{"job":"sync","state":"ok","started_at":"a","finished_at":"b","duration_seconds":1.0,'
        '"summary":{"events_read":3},"error":"","last_success_at":"b"}\n'
    )
    history = runs.load(state.StateDir(tmp_path), "sync")
    assert history.last is not None and history.last.summary == {"events_read": 3}
    assert history.success == history.last
