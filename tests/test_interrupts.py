"""Interrupts: a Ctrl-C while modules load waits for the loading, then interrupts."""

from __future__ import annotations

import os
import signal

import pytest

from fedlearn import interrupts


def test_a_signal_while_modules_load_is_raised_once_they_have(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """
    A Ctrl-C during ``Signals.deferred`` (modules loading) lets the loading finish, then raises.

    Raised inside a C extension building its types, it could crash the interpreter instead.
    """
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.setattr(interrupts.Signals, "received", 0)
    loaded = []
    try:
        interrupts.Signals.install()
        with pytest.raises(KeyboardInterrupt), interrupts.Signals.deferred():
            os.kill(os.getpid(), signal.SIGINT)
            for step in range(10_000):  # the handler runs between these bytecodes
                loaded.append(step)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert len(loaded) == 10_000
    assert interrupts.Signals.received == signal.SIGINT and not interrupts.Signals.loading


def test_imported_returns_the_module_loaded() -> None:
    """``imported`` loads a module by name and leaves no signal held."""
    assert interrupts.imported("fedlearn.commands").NAMES[0] == "sync"
    assert not interrupts.Signals.loading
