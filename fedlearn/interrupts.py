"""Interrupts: SIGINT and SIGTERM become one KeyboardInterrupt, held while modules load.

Below ``cli`` (which installs the handlers) and ``runner`` (which reports the signal), so both
read the one record of what was received.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
from collections.abc import Iterator
from types import FrameType, ModuleType


class Signals:
    """Turn SIGINT and SIGTERM into one KeyboardInterrupt, so cleanups run; a second one exits."""

    received = 0
    loading = False

    @classmethod
    def install(cls) -> None:
        """Handle SIGINT and SIGTERM from now on."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, cls.handle)

    @classmethod
    def handle(cls, signum: int, frame: FrameType | None) -> None:
        """The first signal raises KeyboardInterrupt where the program is; a second one exits now."""
        if cls.received:
            os._exit(128 + cls.received)
        cls.received = signum
        if not cls.loading:
            raise KeyboardInterrupt

    @classmethod
    @contextlib.contextmanager
    def deferred(cls) -> Iterator[None]:
        """
        Hold a first signal while modules load, and raise it once they have.

        A KeyboardInterrupt raised inside a C extension that is building its types at import
        (msgspec's decoders call back into ``typing``) can crash the interpreter (SIGSEGV) instead
        of unwinding; loading takes a fraction of a second, so the signal waits for its end.
        """
        cls.loading = True
        try:
            yield
        finally:
            cls.loading = False
        if cls.received:
            raise KeyboardInterrupt

    @classmethod
    def release(cls) -> None:
        """From now on (the answer is out, the process is ending) a signal only ends it quietly."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, cls.leave)

    @staticmethod
    def leave(signum: int, frame: FrameType | None) -> None:
        """End the process now with 128 + ``signum``, without a traceback."""
        os._exit(128 + signum)


def imported(name: str) -> ModuleType:
    """Return module ``name``, imported now with a first signal held until it has loaded."""
    with Signals.deferred():
        return importlib.import_module(name)
