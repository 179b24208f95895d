"""The checked reader of data/: every file fedlearn reads from the federation repo passes here.

Everything under data/ may have been pushed by another node, so it is input from outside (issue
15): only regular files are read, never through a symlink (``O_NOFOLLOW`` on the file, ``lstat`` on
every folder between the repo and it), names are checked, sizes are capped per kind of file, and a
JSON line nested too deep is refused like any other bad line. What fails is ignored with one
warning naming the commit that added it, and kept for ``fedlearn doctor`` (``refusal_log``); it never
fails a job. Writes under data/ never go through a symlinked folder either (``own_folder``).
Files of records are read line by line by ``peer_records``, on top of this module.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from fedlearn.store import git_held, refusal_log

log = logging.getLogger(__name__)
MIB = 1024 * 1024
# The largest file of each kind fedlearn reads; a bigger one is refused unread (a 2 GiB file of
# NULs costs one fstat). Snapshots are read in lines, streaming, so theirs is the largest.
CAPS: dict[str, int] = {
    "patterns": 64 * MIB,
    "retractions": 16 * MIB,
    "telemetry": 64 * MIB,
    "dataset": 256 * MIB,
    "metrics": 1 * MIB,
    "manifest": 1 * MIB,
    "snapshot": 2048 * MIB,
}
# The kind of file (its cap) by its first folder under data/; a manifest is named for itself.
KINDS = {
    "patterns": "patterns",
    "retractions": "retractions",
    "telemetry": "telemetry",
    "fine-tuning": "dataset",
    "metrics": "metrics",
    "collections": "snapshot",
}
# A file or folder name fedlearn reads: printable UTF-8, no path separators, not hidden.
NAME = re.compile(r"[^\x00-\x1f\x7f/\\]{1,255}")
NODE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
COLLECTION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,254}")


# Folders under a repo found real (no symlink on the way), by path: ``identity`` then.
_folders: dict[str, tuple[int, int, int]] = {}
FOLDERS_KEPT = 4096


def forget() -> None:
    """Forget the refusals recorded so far (``refusal_log.forget``: ``doctor`` starts from none, with
    its own commit lookups), and the folders found real."""
    refusal_log.forget()
    _folders.clear()


def kind_of(path: str) -> str | None:
    """
    Return the kind of the file at ``path`` (relative to data/, ``/``-separated), whose cap it is
    read under, or None for a path no job reads.
    """
    parts = path.split("/")
    if len(parts) < 2:
        return None
    if parts[0] == "collections" and parts[-1].endswith(".manifest.json"):
        return "manifest"
    return KINDS.get(parts[0])


def largest_read(path: str) -> int:
    """
    Return the largest file fedlearn reads at ``path`` (relative to data/, ``/``-separated): the
    cap of its kind, and the largest cap of all for a path of no kind (fedlearn reads none there).
    """
    kind = kind_of(path)
    return CAPS[kind] if kind is not None else max(CAPS.values())


def is_name(name: str) -> bool:
    """Return whether ``name`` is a file or folder name fedlearn reads (printable UTF-8, not hidden)."""
    if not NAME.fullmatch(name) or name.startswith(".") or name.strip() != name:
        return False
    try:
        name.encode("utf-8")  # a non-UTF-8 byte arrives as a lone surrogate
    except UnicodeEncodeError:
        return False
    return True


def folder_problem(repo: Path, folder: Path) -> str | None:
    """
    Return what is wrong with the folders from ``repo`` down to ``folder`` (None: all real folders).

    Each component is ``lstat``-ed: a symlink or a file where a folder belongs is a problem; a
    missing one is ``missing``. The walk starts below the deepest folder already found real in
    this process that is still the same folder, unchanged (``verified``): listing a folder and
    then reading its files checks each parent once, not once per file.
    """
    try:
        parts = folder.relative_to(repo).parts
    except ValueError:
        return "outside the repository"
    start = verified(repo, parts)
    current = repo.joinpath(*parts[:start])
    for part in parts[start:]:
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return "missing"
        except OSError as error:
            return f"unreadable: {error.strerror}"
        if stat.S_ISLNK(info.st_mode):
            return f"{refusal_log.relative(repo, current)} is a symlink"
        if not stat.S_ISDIR(info.st_mode):
            return f"{refusal_log.relative(repo, current)} is not a folder"
        if len(_folders) >= FOLDERS_KEPT:
            _folders.clear()
        _folders[str(current)] = identity(info)
    return None


def identity(info: os.stat_result) -> tuple[int, int, int]:
    """Return what tells one folder from any other, and from itself once changed: device,
    inode, and the change time (a new folder on a reused inode, a rename, an entry added or
    removed all change it)."""
    return info.st_dev, info.st_ino, info.st_ctime_ns


def verified(repo: Path, parts: tuple[str, ...]) -> int:
    """
    Return how many of ``parts`` (folders under ``repo``) need no ``lstat``: the deepest one
    found a real folder before (``folder_problem``) that one ``stat`` shows is still that very
    folder, unchanged. Whatever way its path now leads there, it is the folder checked then,
    in its place then; any other folder, or that one changed, is walked again.
    """
    for depth in range(len(parts), 0, -1):
        key = str(repo.joinpath(*parts[:depth]))
        known = _folders.get(key)
        if known is None:
            continue
        try:
            if identity(Path(key).stat()) == known:
                return depth
        except OSError:
            pass
        del _folders[key]
        return 0
    return 0


def open_regular(repo: Path, path: Path, kind: str) -> int | None:
    """
    Return a read-only descriptor of the regular file ``path`` (None when it is missing or refused).

    Never follows a symlink (the file's own ``O_NOFOLLOW``, ``lstat`` on its folders) and never
    blocks on a FIFO; a file over the cap of ``kind`` is refused unread.
    """
    held = git_held.hold_of(path)
    if held is not None:  # [trust]: a forged change: the last accepted content, from git
        return git_held.open_held(*held)
    problem = folder_problem(repo, path.parent)
    if problem == "missing":
        return None
    if problem is None and not is_name(path.name):
        problem = "a name fedlearn does not read"
    if problem is not None:
        refusal_log.refuse(repo, path, problem)
        return None
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as error:
        refusal_log.refuse(
            repo, path, "a symlink" if error.errno == errno.ELOOP else error.strerror or ""
        )
        return None
    info = os.fstat(fd)
    cap = CAPS[kind]
    reason = (
        "not a regular file"
        if not stat.S_ISREG(info.st_mode)
        else f"too large ({info.st_size} bytes, the cap for {kind} files is {cap})"
        if info.st_size > cap
        else None
    )
    if reason is not None:
        os.close(fd)
        refusal_log.refuse(repo, path, reason)
        return None
    return fd


def read(repo: Path, path: Path, kind: str) -> bytes | None:
    """Return the bytes of regular file ``path`` (None when it is missing or refused; see ``open_regular``)."""
    fd = open_regular(repo, path, kind)
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read(CAPS[kind] + 1)[: CAPS[kind]]


def open_binary(repo: Path, path: Path, kind: str) -> BinaryIO | None:
    """Return the regular file ``path`` open for reading in binary (None: missing or refused)."""
    fd = open_regular(repo, path, kind)
    if fd is None:
        return None
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def entries(
    repo: Path,
    folder: Path,
    *,
    folders: bool,
    select: Callable[[str], bool] = lambda name: True,
    valid: Callable[[str], object] = lambda name: True,
) -> list[Path]:
    """
    Return the entries of ``folder`` (under ``repo``) that ``select`` picks by name and that are
    real folders (``folders``) or regular files, sorted.

    A picked entry of another type (a symlink, a FIFO, a folder where a file belongs), or whose
    name fails ``is_name`` or ``valid``, is refused; a symlinked or missing ``folder`` gives none.
    """
    problem = folder_problem(repo, folder)
    if problem is not None:
        if problem != "missing":
            refusal_log.refuse(repo, folder, problem)
        return []
    found = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if not select(entry.name):
                continue
            path = Path(entry.path)
            if not (is_name(entry.name) and valid(entry.name)):
                refusal_log.refuse(repo, path, "a name fedlearn does not read")
            elif entry.is_symlink():
                refusal_log.refuse(repo, path, "a symlink")
            elif (
                entry.is_dir(follow_symlinks=False)
                if folders
                else entry.is_file(follow_symlinks=False)
            ):
                found.append(path)
            else:
                refusal_log.refuse(repo, path, "not a folder" if folders else "not a regular file")
    return sorted(found)


def own_folder(repo: Path, folder: Path) -> None:
    """
    Make every component from ``repo`` down to ``folder`` a real folder before this node writes.

    A symlink (or a file) where one of this node's own folders belongs was pushed by someone else:
    the link itself is removed (never what it points to), with a warning, so a write never lands
    outside the repository.
    """
    try:
        parts = folder.relative_to(repo).parts
    except ValueError:
        return
    current = repo
    for part in parts:
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
            what = "a symlink" if stat.S_ISLNK(info.st_mode) else "not a folder"
            log.warning(
                "%s: %s where this node's folder belongs; removed",
                refusal_log.relative(repo, current),
                what,
            )
            current.unlink()
            return
