"""Forked workers: same results as one process, failures and deaths reported, nothing left running."""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections.abc import Callable

import pytest

from fedlearn.learn import forks


def pid_and_square(number: int) -> tuple[int, int]:
    """Return the pid of the process that computed, and the square."""
    return os.getpid(), number * number


def remembering(pids: list[int]) -> Callable[[object, int], tuple[int, int]]:
    """Return ``forks.spawn`` noting each worker's pid in ``pids``."""
    original = forks.spawn

    def remembered(function: object, item: int) -> tuple[int, int]:
        pid, fd = original(function, item)  # type: ignore[arg-type]
        pids.append(pid)
        return pid, fd

    return remembered


def test_run_computes_every_input_in_order_the_first_here() -> None:
    """Results come back in input order; the first input runs in this process, the rest elsewhere."""
    done = forks.run(pid_and_square, [1, 2, 3, 4])
    assert [square for _, square in done] == [1, 4, 9, 16]
    assert done[0][0] == os.getpid()
    assert all(pid != os.getpid() for pid, _ in done[1:])


def in_worker(_: int) -> bool:
    """Return whether the computing process is a worker."""
    return forks.in_worker()


def test_in_worker_is_true_only_in_the_workers() -> None:
    """The first input runs here (not a worker); the others run in workers."""
    assert forks.run(in_worker, [1, 2, 3]) == [False, True, True]
    assert not forks.in_worker()


def test_run_reports_a_worker_exception_with_its_message() -> None:
    """An exception in a worker becomes a WorkerError naming it."""

    def fails_elsewhere(number: int) -> int:
        if number == 2:
            raise ValueError("bad range 2")
        return number

    with pytest.raises(forks.WorkerError, match="ValueError: bad range 2"):
        forks.run(fails_elsewhere, [1, 2, 3])


def test_run_reports_a_killed_worker_and_stops_the_others() -> None:
    """A worker killed by a signal fails the call; the other workers are killed and reaped."""
    pids: list[int] = []

    def dies(number: int) -> int:
        if number == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        if number == 3:
            signal.pause()  # would run forever; must be stopped by the parent
        return number

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forks, "spawn", remembering(pids))
        with pytest.raises(forks.WorkerError, match="killed by signal 9"):
            forks.run(dies, [1, 2, 3])
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie, nothing running


def test_run_stays_in_this_process_while_threads_run() -> None:
    """With another thread alive, forking is unsafe, so every input runs here."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        done = forks.run(pid_and_square, [1, 2, 3])
    finally:
        stop.set()
        thread.join()
    assert {pid for pid, _ in done} == {os.getpid()}


def test_available_is_between_one_and_the_cap() -> None:
    """The worker count follows the usable CPUs, capped."""
    assert 1 <= forks.available() <= min(forks.MAX_WORKERS, len(os.sched_getaffinity(0)))


def frozen(_: int) -> bool:
    """Return whether objects are frozen out of the cyclic collector in the computing process."""
    return gc.get_freeze_count() > 0


def test_run_freezes_what_exists_out_of_the_collector_and_thaws_it_after() -> None:
    """Here and in the workers, what existed before the run is frozen while it computes; not after."""
    assert forks.run(frozen, [1, 2, 3]) == [True, True, True]
    assert forks.run(frozen, [1]) == [True]
    assert gc.get_freeze_count() == 0


def young_objects(_: int) -> int:
    """Return how many new objects the collector waits for in the computing process."""
    return gc.get_threshold()[0]


def test_run_collects_less_often_meanwhile_and_restores_the_threshold_after() -> None:
    """Here and in the workers the collector waits for ``YOUNG_OBJECTS`` new objects; not after."""
    before = gc.get_threshold()
    assert forks.run(young_objects, [1, 2, 3]) == [forks.YOUNG_OBJECTS] * 3
    assert forks.run(young_objects, [1]) == [forks.YOUNG_OBJECTS]
    assert gc.get_threshold() == before


def sleeps_unless_first(number: int) -> int:
    """Return ``number`` at once for 1; otherwise wait for a signal (forever, unless stopped)."""
    if number != 1:
        signal.pause()
    return number


def test_each_hands_results_over_one_at_a_time_and_a_stop_stops_the_workers() -> None:
    """
    ``each`` yields the first result while the workers still run; closing it early kills and
    reaps them, and the collector's freeze is undone.
    """
    pids: list[int] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forks, "spawn", remembering(pids))
        results = forks.each(sleeps_unless_first, [1, 2, 3])
        assert next(results) == 1  # the workers still wait: nothing was collected yet
        assert len(pids) == 2 and gc.get_freeze_count() > 0
        results.close()
    assert gc.get_freeze_count() == 0
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # killed and reaped
