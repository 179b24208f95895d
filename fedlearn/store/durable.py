"""Durability: what makes written files and the names of renamed ones survive a power cut.

One file takes an ``fsync`` of itself and of its folder; many files (a sync staging hundreds of
shards) take one ``syncfs`` per filesystem they are on. ``atomic`` builds its whole-file writes on
these.
"""

from __future__ import annotations

import functools
import os
import platform
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

# From this many temp files on, a transaction makes them durable with one syncfs(2) per filesystem
# instead of one fsync(2) each (a sync rewriting 768 shards in two copies made 1,536 fsyncs).
SYNCFS_FROM = 16


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush one file's content to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def flush(paths: Sequence[Path]) -> None:
    """
    Make the content and the names of the files ``paths`` durable (written, not yet renamed).

    Many files take one ``syncfs`` per filesystem they are on: it writes back every dirty page and
    the metadata of that filesystem, these files' included, and waits for it (Linux; it reports
    write errors since 5.8). Fewer files, or without it, take one ``fsync`` each. Raise OSError
    (naming a file) when the disk refuses.
    """
    if len(paths) >= SYNCFS_FROM and has_syncfs():
        folders = {folder.stat().st_dev: folder for folder in {path.parent for path in paths}}
        for folder in folders.values():
            syncfs(folder)
        return
    for path in paths:
        fsync_file(path)
    for folder in {path.parent for path in paths}:  # the temp files' names, as syncfs does
        fsync_dir(folder)


class Writeback:
    """
    A head start for a large transaction's flush: one ``syncfs`` of ``folder``'s filesystem in a
    thread, while this one writes more files (the thread waits on the disk, off the GIL).

    ``wait`` returns once it is done and raises the OSError it met: that error must fail the
    commit, since a later ``syncfs`` may no longer report a write error this one saw.
    """

    def __init__(self, folder: Path) -> None:
        self.error: OSError | None = None
        self.thread = threading.Thread(target=self._run, args=(folder,), daemon=True)
        self.thread.start()

    def _run(self, folder: Path) -> None:
        try:
            syncfs(folder)
        except OSError as error:
            self.error = error

    def is_done(self) -> bool:
        """Return whether the writeback has finished."""
        return not self.thread.is_alive()

    def wait(self) -> None:
        """Wait for the writeback; raise the OSError it met."""
        self.thread.join()
        if self.error is not None:
            raise self.error


def has_syncfs() -> bool:
    """Return whether ``syncfs`` is there and reports write errors (Linux 5.8 or later)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        major, minor = (int(part) for part in platform.release().split(".")[:2])
    except ValueError:
        return False
    return (major, minor) >= (5, 8) and hasattr(libc(), "syncfs")


def syncfs(folder: Path) -> None:
    """Write back the filesystem ``folder`` is on, and wait; raise OSError when it fails."""
    library = libc()
    assert library is not None  # has_syncfs checked it
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if library.syncfs(fd) != 0:
            number = errno_of_libc()
            raise OSError(number, os.strerror(number), str(folder))
    finally:
        os.close(fd)


@functools.cache
def libc() -> ctypes.CDLL | None:
    """
    Return the C library (for ``syncfs``, which ``os`` lacks), or None where there is none.

    Loaded on first use, not when this module is (every job imports it; few need ``syncfs``).
    """
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def errno_of_libc() -> int:
    """Return the errno of the last call through ``libc``."""
    import ctypes

    return ctypes.get_errno()
