"""Whole-file writes (DESIGN.md guarantee 2): a crash leaves every file as it was or as it should be.

``write`` replaces one file: temp file in the same folder, fsync, rename, fsync the folder.
``Transaction`` replaces several files as one step: all temp files are written and fsynced, a
journal naming them is written, then they are renamed; ``recover`` finishes a journal left by a
crash, and ``remove_stale`` deletes temp files no journal names.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import msgspec

TEMP_MARK = ".fedlearn-tmp."


def temp_path(path: Path) -> Path:
    """Return a fresh temp path beside ``path`` (hidden, marked, never committed)."""
    return path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")


def is_temp(path: Path) -> bool:
    """Return whether ``path`` is a temp file of an unfinished write."""
    return path.name.startswith(".") and TEMP_MARK in path.name


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` to a fsynced temp file beside ``path`` and return the temp path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path(path)
    with temp.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return temp


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
    temp.replace(path)
    fsync_dir(path.parent)
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

    def stage(self, path: Path, data: bytes) -> bool:
        """Stage ``path`` to hold ``data``; return False (and stage nothing) when unchanged."""
        if any(final == path for _, final in self.renames):
            raise ValueError(f"{path} staged twice in one transaction")
        if is_unchanged(path, data):
            return False
        self.renames.append((write_temp(path, data), path))
        return True

    def stage_delete(self, path: Path) -> None:
        """Stage the removal of ``path`` (done after the renames)."""
        self.deletes.append(path)

    @property
    def paths(self) -> list[Path]:
        """Return the final paths this transaction writes."""
        return [final for _, final in self.renames]

    def commit(self) -> None:
        """Write the journal, do the renames and deletes, then remove the journal."""
        if not self.renames and not self.deletes:
            return
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

    def abort(self) -> None:
        """Delete the staged temp files; nothing visible changed."""
        for temp, _ in self.renames:
            temp.unlink(missing_ok=True)
        self.renames.clear()
        self.deletes.clear()


def replay(entry: Journal) -> None:
    """Do the renames and deletes of a journal; each step may already have been done."""
    folders: set[Path] = set()
    for temp, final in entry.renames:
        if Path(temp).exists():
            Path(temp).replace(final)
        folders.add(Path(final).parent)
    for name in entry.deletes:
        Path(name).unlink(missing_ok=True)
        folders.add(Path(name).parent)
    for folder in folders:
        if folder.is_dir():
            fsync_dir(folder)


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
    """Delete temp files under ``roots`` (or only in them) that no journal names; return how many."""
    removed = 0
    for root in roots:
        # os.walk/scandir, not Path.glob: no pattern to compile and no Path per entry, and this runs
        # at the start of every job (a missing root yields nothing).
        walk = os.walk(root) if recursive else [(str(root), [], _names(root))]
        for folder, _, names in walk:
            for name in names:
                if name.startswith(".") and TEMP_MARK in name:
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
