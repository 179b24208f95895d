"""The federation checkout: one writer at a time, and what a killed run left cleared (guarantee 2).

Every job that writes under data/ (sync, retract, export, publish, pull) holds the repo lock while
it touches the work tree, so a sync never writes into a rebase in flight (whose abort would undo
it). Under that lock, before anything else, what a run killed inside git left is cleared: git's
lock files that no live process can own, fedlearn's scratch indexes and scratch folders of dead
processes, and a rebase fedlearn left unfinished. A git lock a live git may hold (the user's
``git commit`` waiting for its editor) is never removed: the job stops with an error naming it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from fedlearn.errors import GitError
from fedlearn.store import atomic, git_local, state

log = logging.getLogger(__name__)
# Where processes are listed (Linux); without it no git lock is ever removed.
PROC = Path("/proc")
# The scratch index publish commits through, and the scratch folder it scans, named by pid.
SCRATCH_INDEX = re.compile(r"fedlearn-index\.(?P<pid>\d+)(?:\.lock)?")
SCRATCH_FOLDER = re.compile(r"publish-(?P<pid>\d+)-.*")
SCRATCH_PREFIX = "publish-"


def scratch_prefix() -> str:
    """Return the name prefix of this process's publish scratch folder (``publish-<pid>-``)."""
    return f"{SCRATCH_PREFIX}{os.getpid()}-"


@contextlib.contextmanager
def writing(store: state.StateDir, repo: Path, wait: float) -> Iterator[None]:
    """
    Hold the repo lock (waiting up to ``wait`` seconds for it) and clear what a killed run left.

    Raise LockHeldError when the lock stays held longer than ``wait``.
    Raise GitError when a git lock file that a live git may hold is left in the checkout.
    """
    with store.repo_lock(wait=wait):
        recover(store, repo, acquired=time.time())
        yield


def recover(store: state.StateDir, repo: Path, *, acquired: float) -> None:
    """
    Clear, under the repo lock taken at ``acquired`` (epoch seconds), what a run killed inside
    git or inside publish left behind.

    Raise GitError when a git lock file that a live git may hold is left in the checkout.
    """
    sweep_scratch_folders(store.root)
    found = store.checkouts.get(repo)
    if found is None:
        top = git_local.toplevel(repo)
        if top is None:
            return
        found = store.checkouts[repo] = (top, *git_local.git_dirs(top))
    top, git_dir, common_dir = found
    sweep_scratch_indexes(git_dir)
    remove_stale_git_locks(top, git_dir, common_dir, acquired)
    # Its mark is in the checkout's own git dir (``git rev-parse --git-path``): without one, no
    # git command and no import of ``git_remote`` (with its retries) for the many jobs that
    # never rebase.
    if (git_dir / git_local.REBASE_MARK).exists():
        from fedlearn.store import git_remote

        git_remote.abort_interrupted_rebase(top)


def sweep_scratch_folders(root: Path) -> None:
    """Remove the publish scratch folders in the state dir whose process is gone."""
    with contextlib.suppress(FileNotFoundError):
        for entry in root.iterdir():
            match = SCRATCH_FOLDER.fullmatch(entry.name)
            legacy = entry.name.startswith(SCRATCH_PREFIX) and match is None
            if entry.is_dir() and (legacy or (match and not atomic.is_alive(int(match["pid"])))):
                # Loaded here: every job's module imports this one, and a job must not load
                # shutil (tests/test_cli.py) unless it has a folder to remove, which is rare.
                import shutil

                shutil.rmtree(entry, ignore_errors=True)
                log.warning("removed %s, the scratch folder of a publish that was killed", entry)


def sweep_scratch_indexes(git_dir: Path) -> None:
    """Remove the scratch indexes (and their locks) of publishes that were killed."""
    for entry in git_dir.iterdir():
        match = SCRATCH_INDEX.fullmatch(entry.name)
        if match and not atomic.is_alive(int(match["pid"])):
            entry.unlink(missing_ok=True)
            log.warning("removed %s, the scratch index of a publish that was killed", entry)


def git_lock_files(git_dir: Path, common_dir: Path) -> list[Path]:
    """Return git's lock files: the index's, HEAD's and the other top-level ones, and ref locks."""
    found = {path for folder in (git_dir, common_dir) for path in folder.glob("*.lock")}
    for folder in (common_dir / "refs", common_dir / "logs", git_dir / "logs"):
        found.update(folder.rglob("*.lock"))
    return sorted(path for path in found if not SCRATCH_INDEX.fullmatch(path.name))


def remove_stale_git_locks(top: Path, git_dir: Path, common_dir: Path, acquired: float) -> None:
    """
    Remove the git lock files in the checkout that no live process can own, with a warning.

    A lock made since the repo lock was taken at ``acquired`` is a live git's and left alone (git
    reports it if a command of this run meets it). An older one is removed only when it is this
    user's, and no process of this user that is git (its name starts with ``git``) works in, or
    names, the checkout (or hides its working folder), and no process has the file open. Raise
    GitError naming the first lock that stays, and the pids that may hold it.
    """
    folders = tuple(folder.resolve() for folder in (top, git_dir, common_dir))
    for path in git_lock_files(git_dir, common_dir):
        try:
            before = path.stat()
        except FileNotFoundError:
            continue
        if before.st_mtime >= acquired:
            continue
        if before.st_uid != os.geteuid():
            raise kept(
                path, f"it belongs to user {before.st_uid}, whose processes fedlearn leaves alone"
            )
        holders = possible_holders(path, before.st_uid, folders)
        if holders is None:
            raise kept(
                path, f"{PROC} is not readable here, so whether git still holds it is unknown"
            )
        if holders:
            raise kept(path, f"git may still hold it (pid {', '.join(map(str, holders))})")
        remove_if_unchanged(path, before)


def kept(path: Path, why: str) -> GitError:
    """Return the error that stops a job at a git lock file it may not remove."""
    return GitError(
        f"{path}: git lock file left in the checkout, and not removed: {why}",
        hint=f"let that git command finish (or end it), then rerun; if no git runs there, rm {path}",
    )


def remove_if_unchanged(path: Path, before: os.stat_result) -> None:
    """Remove the lock file at ``path`` if it is still the one ``before`` describes."""
    with contextlib.suppress(FileNotFoundError):
        now = path.stat()
        if (now.st_ino, now.st_mtime_ns) == (before.st_ino, before.st_mtime_ns):
            path.unlink()
            log.warning("removed %s, left by a git command that was killed", path)


def possible_holders(lock: Path, uid: int, folders: tuple[Path, ...]) -> list[int] | None:
    """
    Return the pids of the live processes of user ``uid`` that may hold the git lock ``lock``:
    git processes that work in, or name on their command line or in their environment, one of
    ``folders`` (or whose working folder cannot be read), and any process with ``lock`` open.
    Return None when the process list cannot be read (no /proc).
    """
    if not (PROC / "self").is_dir():
        return None
    names = [os.fsencode(folder) for folder in folders]
    found = []
    for entry in PROC.glob("[0-9]*"):
        with contextlib.suppress(OSError):  # a process gone meanwhile is no holder
            if int(entry.name) == os.getpid() or entry.stat().st_uid != uid:
                continue
            if is_git_there(entry, folders, names) or has_open(entry, lock):
                found.append(int(entry.name))
    return sorted(found)


def is_git_there(entry: Path, folders: tuple[Path, ...], names: list[bytes]) -> bool:
    """
    Return whether process ``entry`` (a /proc folder) is a git command that may work on one of
    ``folders``: it works there, names one on its command line or in its environment (``git
    --git-dir=…`` or ``GIT_DIR=…`` run from elsewhere), or hides these. git's file system monitor
    daemon, which takes no lock, does not count.
    """
    if not (entry / "comm").read_text().startswith("git"):
        return False
    try:
        command = (entry / "cmdline").read_bytes()
        told = command + (entry / "environ").read_bytes()
        cwd = (entry / "cwd").readlink()
    except PermissionError:
        return True
    if command.split(b"\0")[1:2] == [b"fsmonitor--daemon"]:
        return False
    if any(cwd == folder or cwd.is_relative_to(folder) for folder in folders):
        return True
    return any(name in told for name in names)


def has_open(entry: Path, lock: Path) -> bool:
    """Return whether process ``entry`` (a /proc folder) has the file ``lock`` open."""
    target = lock.resolve()
    for fd in (entry / "fd").iterdir():
        with contextlib.suppress(OSError):
            if fd.readlink() == target:
                return True
    return False
