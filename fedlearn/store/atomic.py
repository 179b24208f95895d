"""Whole-file writes (DESIGN.md guarantee 2): a crash leaves every file as it was or as it should be.

``write`` replaces one file: temp file in the same folder, fsync, rename, fsync the folder.
``TempFile`` is such a temp file written in pieces, for content too large to hold at once.
``Transaction`` replaces several files as one step: all temp files are written, made durable in
one pass (``durable.flush``), a journal naming them is written, then they are renamed; ``recover`` finishes
a journal left by a crash, and ``remove_stale`` deletes temp files no journal names. A large
transaction starts that flush early, in a thread, while it writes more (``durable.Writeback``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO

import msgspec

from fedlearn.store import durable

TEMP_MARK = ".fedlearn-tmp."
# Every this many unsynced temp files, a transaction starts writing them back in a thread (when no
# writeback of it still runs), so its commit's flush finds less to write (``durable.Writeback``).
WRITEBACK_EVERY = 512


def temp_path(path: Path) -> Path:
    """Return a fresh temp path beside ``path``: hidden, marked, with its writer's pid."""
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}.{secrets.token_hex(4)}")


def is_temp(path: Path) -> bool:
    """Return whether ``path`` is a temp file of an unfinished write."""
    return path.name.startswith(".") and TEMP_MARK in path.name


def is_being_written(name: str) -> bool:
    """
    Return whether the temp file ``name`` is another live process's write in progress (its pid is
    in the name): another job writing in a folder this one sweeps, under a lock of its own.
    """
    pid, _, token = name.rpartition(TEMP_MARK)[2].partition(".")
    if not (pid.isdigit() and token) or int(pid) == os.getpid():
        return False
    return is_alive(int(pid))


def is_alive(pid: int) -> bool:
    """Return whether process ``pid`` exists (this process counts as alive)."""
    try:
        os.kill(pid, 0)
    except PermissionError:  # another user's process, alive
        return True
    except (ProcessLookupError, OverflowError):
        return False
    return True


def write_temp(path: Path, data: bytes, *, sync: bool = True) -> Path:
    """
    Write ``data`` to a temp file beside ``path`` and return the temp path; fsynced unless not
    ``sync`` (then the caller makes it durable with ``durable.flush`` before anything names it).
    """
    temp = temp_path(path)
    try:
        fd = create(temp)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        view = memoryview(data)
        while view:  # os.write may write less than asked (a signal, a nearly full disk)
            view = view[os.write(fd, view) :]
        if sync:
            os.fsync(fd)
    except OSError as error:
        os.close(fd)
        temp.unlink(missing_ok=True)  # a full disk must not keep the part written
        raise OSError(error.errno, error.strerror, str(path)) from error
    os.close(fd)
    return temp


def create(temp: Path) -> int:
    """
    Create the new file ``temp`` for writing (its folders too, when missing); return its fd.

    The file is opened first and the folders made only when that fails, so a folder that exists
    (a sync writes 1,500 shard files into six) costs no system call.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    try:
        return os.open(temp, flags, 0o666)
    except FileNotFoundError:
        temp.parent.mkdir(parents=True, exist_ok=True)
        return os.open(temp, flags, 0o666)


class TempFile:
    """
    A temp file beside ``path``, written in pieces; a context manager.

    Leaving the block deletes the file unless ``keep`` handed it over first, so a failure midway
    leaves nothing behind. ``keep`` fsyncs it and returns its path, for ``Transaction.stage_file``.

    Attributes:
        path: the temp file (hidden, marked, in ``path``'s folder, which is created if missing).
    """

    def __init__(self, path: Path) -> None:
        self.path = temp_path(path)
        self._handle: BinaryIO | None = None
        self._is_kept = False

    def __enter__(self) -> TempFile:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("xb")
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._handle is not None:
                self._handle.close()  # may flush, and fail (a full disk)
        finally:
            if not self._is_kept:
                self.path.unlink(missing_ok=True)

    def write(self, data: bytes) -> None:
        """Append ``data``; raise ValueError once the file is kept or the block has ended."""
        if self._handle is None or self._handle.closed:
            raise ValueError(f"{self.path} is not open for writing")
        self._handle.write(data)

    def keep(self) -> Path:
        """Flush and fsync the file, close it, and return its path; it is no longer deleted."""
        if self._handle is None or self._handle.closed:
            raise ValueError(f"{self.path} is not open for writing")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        self._is_kept = True
        return self.path


def is_unchanged(path: Path, data: bytes) -> bool:
    """Return whether ``path`` already holds exactly ``data``."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def write(path: Path, data: bytes) -> bool:
    """
    Replace ``path`` with ``data`` atomically; a file that would not change is not rewritten.

    Return whether the file was written.
    """
    if is_unchanged(path, data):
        return False
    temp = write_temp(path, data)
    try:
        temp.replace(path)
    except OSError:  # a folder in the way, a full disk: no temp file left behind
        temp.unlink(missing_ok=True)
        raise
    durable.fsync_dir(path.parent)
    return True


class Journal(msgspec.Struct, frozen=True):
    """The renames a transaction still has to do: (temp, final) pairs, and files to delete."""

    renames: list[tuple[str, str]]
    deletes: list[str] = msgspec.field(default_factory=list)


class Transaction:
    """
    Several file replacements that land together or not at all.

    Stage every file, then ``commit``. Until the journal is written nothing visible changed; once it
    is, ``recover`` (run at the start of the next job) completes the renames.
    """

    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self.renames: list[tuple[Path, Path]] = []
        self.deletes: list[Path] = []
        self._finals: dict[Path, Path] = {}  # each staged path: its temp file
        self._unsynced: list[Path] = []  # temp files ``commit`` flushes before the journal
        self._writebacks: list[durable.Writeback] = []  # head starts of that flush

    def stage(self, path: Path, data: bytes) -> bool:
        """Stage ``path`` to hold ``data``; return False (and stage nothing) when unchanged."""
        self._check_new(path)
        if is_unchanged(path, data):
            return False
        temp = write_temp(path, data, sync=False)
        self.renames.append((temp, path))
        self._finals[path] = temp
        self._unsynced.append(temp)
        if len(self._unsynced) % WRITEBACK_EVERY == 0:
            self._write_back(temp.parent)
        return True

    def stage_file(self, path: Path, temp: Path) -> None:
        """
        Stage ``path`` to be replaced by ``temp``, a fsynced temp file (``TempFile.keep``).

        From here the transaction owns ``temp``: ``abort`` deletes it, ``commit`` renames it.
        Raise ValueError when ``temp`` is not a temp file in ``path``'s folder (a rename across
        folders is not atomic) or ``path`` is already staged.
        """
        if temp.parent != path.parent or not is_temp(temp):
            raise ValueError(f"{temp} is not a temp file beside {path}")
        self._check_new(path)
        self.renames.append((temp, path))
        self._finals[path] = temp

    def temp_of(self, path: Path) -> Path | None:
        """Return the temp file staged to replace ``path`` (None when none is)."""
        return self._finals.get(path)  # a lookup: staging 800 shards scanned renames 320,000 times

    def _check_new(self, path: Path) -> None:
        if path in self._finals:
            raise ValueError(f"{path} staged twice in one transaction")

    def stage_delete(self, path: Path) -> None:
        """Stage the removal of ``path`` (done after the renames)."""
        self.deletes.append(path)

    @property
    def paths(self) -> list[Path]:
        """Return the final paths this transaction writes."""
        return [final for _, final in self.renames]

    def commit(self) -> None:
        """
        Make the staged temp files durable (``durable.flush``), write the journal, do the renames and
        deletes, then remove the journal.
        """
        if not self.renames and not self.deletes:
            return
        # Nothing names the temp files yet: a crash before the journal is written loses only them.
        self._wait_writebacks()
        durable.flush(self._unsynced)
        self._unsynced.clear()
        entry = Journal(
            renames=[(str(t), str(f)) for t, f in self.renames],
            deletes=[str(p) for p in self.deletes],
        )
        write(self.journal, msgspec.json.encode(entry))
        replay(entry)
        # No folder fsync for the removal: the renames are already durable (``replay`` fsynced
        # their folders), so a journal that comes back after a power cut replays to the same
        # files (its temps are gone, its deletes are done) and is removed then.
        self.journal.unlink()

    def _write_back(self, folder: Path) -> None:
        """Start writing ``folder``'s filesystem back in a thread, unless a writeback still runs."""
        running = any(not writeback.is_done() for writeback in self._writebacks)
        if not running and durable.has_syncfs():
            self._writebacks.append(durable.Writeback(folder))

    def _wait_writebacks(self) -> None:
        """Wait for the flush's head starts; raise the first OSError one met."""
        writebacks, self._writebacks = self._writebacks, []
        errors = []
        for writeback in writebacks:
            try:
                writeback.wait()
            except OSError as error:
                errors.append(error)
        if errors:
            raise errors[0]

    def abort(self) -> None:
        """Delete the staged temp files; nothing visible changed."""
        with contextlib.suppress(OSError):  # the transaction is dropped: its write errors too
            self._wait_writebacks()
        for temp, _ in self.renames:
            temp.unlink(missing_ok=True)
        self.renames.clear()
        self.deletes.clear()
        self._finals.clear()
        self._unsynced.clear()


def replay(entry: Journal) -> None:
    """Do the renames and deletes of a journal; each step may already have been done."""
    folders: set[Path] = set()
    for temp, final in entry.renames:
        with contextlib.suppress(
            FileNotFoundError
        ):  # the temp file is gone: renamed before a crash
            Path(temp).replace(final)
        folders.add(Path(final).parent)
    for name in entry.deletes:
        Path(name).unlink(missing_ok=True)
        folders.add(Path(name).parent)
    for folder in folders:
        if folder.is_dir():
            durable.fsync_dir(folder)


def recover(journal: Path) -> bool:
    """Finish the transaction a crash left in ``journal``; return whether there was one."""
    try:
        entry = msgspec.json.decode(journal.read_bytes(), type=Journal)
    except FileNotFoundError:
        return False
    except msgspec.DecodeError:
        # A journal is written atomically, so a torn one cannot exist; a corrupt one means nothing
        # was renamed yet (it is written before any rename), so dropping it loses nothing.
        journal.unlink()
        return False
    replay(entry)
    journal.unlink()
    return True


def remove_stale(*roots: Path, recursive: bool = True) -> int:
    """
    Delete temp files under ``roots`` (or only in them) that no journal names and no live
    process is writing; return how many.
    """
    removed = 0
    for root in roots:
        # os.walk/scandir, not Path.glob: no pattern to compile and no Path per entry, and this runs
        # at the start of every job (a missing root yields nothing).
        walk = os.walk(root) if recursive else [(str(root), [], _names(root))]
        for folder, _, names in walk:
            for name in names:
                if name.startswith(".") and TEMP_MARK in name and not is_being_written(name):
                    Path(folder, name).unlink(missing_ok=True)
                    removed += 1
    return removed


def _names(folder: Path) -> list[str]:
    """Return the names of the files directly in ``folder`` (none when it does not exist)."""
    try:
        with os.scandir(folder) as entries:
            return [entry.name for entry in entries if entry.is_file(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []
