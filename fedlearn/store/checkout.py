"""The federation checkout: one writer at a time, and what a killed run left cleared (guarantee 2).

Every job that writes under data/ (sync, retract, export, publish, pull) holds the repo lock while
it touches the work tree, so a sync never writes into a rebase in flight (whose abort would undo
it). Under that lock, before anything else, what a run killed inside git left is cleared: git's
lock files older than this run (when no git process is working in the checkout), fedlearn's
scratch indexes and scratch folders of dead processes, and a rebase fedlearn left unfinished.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from fedlearn.store import atomic, git_local, git_remote, state

log = logging.getLogger(__name__)
# When this run began (this module is imported as the command starts): a git lock file older than
# that is not one of this run's own git commands.
RUN_STARTED = time.time()
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
    """
    with store.repo_lock(wait=wait):
        recover(store, repo)
        yield


def recover(store: state.StateDir, repo: Path) -> None:
    """Clear, under the repo lock, what a run killed inside git or inside publish left behind."""
    sweep_scratch_folders(store.root)
    top = git_local.toplevel(repo)
    if top is None:
        return
    git_dir, common_dir = git_local.git_dirs(top)
    sweep_scratch_indexes(git_dir)
    remove_stale_git_locks(top, git_dir, common_dir)
    git_remote.abort_interrupted_rebase(top)


def sweep_scratch_folders(root: Path) -> None:
    """Remove the publish scratch folders in the state dir whose process is gone."""
    # Loaded here: every job's module imports this one, and parsing a command must not load
    # shutil (tests/test_cli.py); a folder to remove is rare.
    import shutil

    with contextlib.suppress(FileNotFoundError):
        for entry in root.iterdir():
            match = SCRATCH_FOLDER.fullmatch(entry.name)
            legacy = entry.name.startswith(SCRATCH_PREFIX) and match is None
            if entry.is_dir() and (legacy or (match and not atomic.is_alive(int(match["pid"])))):
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


def remove_stale_git_locks(top: Path, git_dir: Path, common_dir: Path) -> None:
    """
    Remove git's lock files that a killed git left: older than this run, with no git process
    working in the checkout (a user's ``git commit`` waiting for its editor keeps its lock).
    """
    stale = []
    for path in git_lock_files(git_dir, common_dir):
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mtime < RUN_STARTED:
                stale.append(path)
    if not stale:
        return
    busy = git_processes_in(top, git_dir, common_dir)
    if busy:
        log.warning(
            "%s: git lock files left (%s), but git runs there (pid %s); kept",
            top,
            ", ".join(p.name for p in stale),
            ", ".join(map(str, busy)),
        )
        return
    for path in stale:
        path.unlink(missing_ok=True)
        log.warning("removed %s, left by a git command that was killed", path)


def git_processes_in(*folders: Path) -> list[int]:
    """Return the pids of running git processes whose working folder is in one of ``folders``."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if not (entry / "comm").read_text().startswith("git"):
                continue
            cwd = (entry / "cwd").readlink()
        except OSError:  # gone meanwhile, or another user's
            continue
        if any(cwd == folder or cwd.is_relative_to(folder) for folder in folders):
            found.append(int(entry.name))
    return found
