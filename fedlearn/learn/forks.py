"""Run one function over several inputs at once in forked worker processes (Linux, no threads).

A large telemetry backlog is cut into byte ranges of whole lines; each range is filtered and learned
from in its own process, which inherits the run's compiled rules and caches by ``fork``, and sends
back a small picklable result. The first input runs in this process while the others run in the
workers. A worker dies with this process (``PR_SET_PDEATHSIG``), so a killed sync leaves nothing
behind, and a worker that fails or dies makes the whole call fail: nothing is half-merged.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
import sys
import threading
import typing
from collections.abc import Callable, Generator, Sequence
from typing import TypeVar

from fedlearn.errors import FedlearnError

log = logging.getLogger(__name__)
In = TypeVar("In")
Out = TypeVar("Out")
PR_SET_PDEATHSIG = 1
MAX_WORKERS = 4
# New objects between two cyclic collections while ``each`` runs (the default is 700).
YOUNG_OBJECTS = 50_000
_in_worker = False  # set in a forked worker: the process computes one input and exits


class WorkerError(FedlearnError):
    """A worker process failed or died; its part of the input was not processed."""


def available() -> int:
    """Return how many processes are worth running at once: the CPUs this one may use, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def in_worker() -> bool:
    """Return whether this process is a worker of ``run`` (so others compute at the same time)."""
    return _in_worker


def can_fork() -> bool:
    """Return whether forking is possible and safe (a process with threads can deadlock its child)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def run(function: Callable[[In], Out], inputs: Sequence[In]) -> list[Out]:
    """
    Return ``[function(x) for x in inputs]``, the inputs after the first computed in workers
    (all in this process when forking is not possible).

    Raise ``WorkerError`` when a worker raises or dies; the other workers are stopped first.
    """
    with contextlib.closing(each(function, inputs)) as results:
        return list(results)


def each(function: Callable[[In], Out], inputs: Sequence[In]) -> Generator[Out, None, None]:
    """
    Yield ``function(x)`` for each of ``inputs`` in order, the inputs after the first computed in
    workers meanwhile (all in this process when forking is not possible). A worker's result is
    taken from it when the one before has been used, so the caller holds one result at a time.

    Raise ``WorkerError`` when a worker raises or dies; the other workers are stopped first, and
    when the caller stops early (close the generator: ``contextlib.closing``).

    What exists when the run starts (modules, compiled rules, caches) outlives it, so it is frozen
    out of the cyclic collector meanwhile (``gc.freeze``): the collections the work triggers do not
    walk it again and again, and a worker does not copy its pages by touching their headers.
    The collector also waits for ``YOUNG_OBJECTS`` new objects instead of 700 (``gc.set_threshold``):
    what the work makes dies by reference counting or lives on (a tally), so frequent collections
    only walked the same survivors again (a full sync of 1M events in one process: 279 collections
    → 43, a fifth of their CPU time).
    """
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_OBJECTS), *threshold[1:])
    try:
        if len(inputs) < 2 or not can_fork():
            for item in inputs:
                yield function(item)
            return
        yield from spread(function, inputs)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def spread(function: Callable[[In], Out], inputs: Sequence[In]) -> Generator[Out, None, None]:
    """Yield ``each``'s results, the inputs after the first computed in forked workers."""
    workers: list[tuple[int, int]] = []
    try:
        for item in inputs[1:]:
            workers.append(spawn(function, item))
        yield function(inputs[0])
        while workers:
            yield typing.cast(Out, collect(*workers.pop(0)))
    finally:
        for pid, fd in workers:  # after an error or an early stop: the workers not collected yet
            stop(pid, fd)


def spawn(function: Callable[[In], Out], item: In) -> tuple[int, int]:
    """Fork a worker computing ``function(item)``; return its pid and the pipe to read from."""
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_end)
        work(function, item, write_end, parent)
    os.close(write_end)
    return pid, read_end


def work(function: Callable[[In], Out], item: In, fd: int, parent: int) -> None:
    """In the child: compute, send ``(True, result)`` or ``(False, error text)``, and exit."""
    global _in_worker  # this process is the worker from here on, until it exits
    _in_worker = True
    status = 0
    try:
        die_with(parent)
        try:
            payload = pickle.dumps((True, function(item)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # everything, or the parent would see only a dead worker
            payload = pickle.dumps((False, f"{type(error).__name__}: {error}"))
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def die_with(parent: int) -> None:
    """Ask Linux to kill this process when ``parent`` exits; exit now if it already has."""
    if sys.platform.startswith("linux"):
        import ctypes  # only workers need it, and only on Linux

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def collect(pid: int, fd: int) -> object:
    """Read a worker's result and reap it; raise ``WorkerError`` when it failed or died."""
    with os.fdopen(fd, "rb") as pipe:
        payload = pipe.read()
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if code != 0 or not payload:
        how = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
        raise WorkerError(f"a sync worker process {how} before sending its result")
    ok, result = pickle.loads(payload)  # noqa: S301 - our own child wrote it
    if not ok:
        raise WorkerError(f"a sync worker process failed: {result}")
    return result


def stop(pid: int, fd: int) -> None:
    """Kill and reap a worker if it still runs, and close its pipe."""
    os.close(fd)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
