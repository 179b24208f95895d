"""The check of this node's files: data/ against the state's copy, and the restore.

``differences`` finds this node's data/ files a peer or a hand edit changed, removed or added (a
file found equal is not read again while its size, modification time and inode stay those noted
in ``stat.json``); ``restore`` makes them what the state says again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import attrs

from fedlearn.errors import StateError
from fedlearn.formats import layout
from fedlearn.store import atomic, own

log = logging.getLogger(__name__)
MISSING = "missing"  # a name listed in the state but not in data/


@attrs.frozen
class Difference:
    """
    One of this node's data/ files that is not what its state says.

    Attributes:
        path: the data/ path.
        what: ``changed`` (other bytes), ``missing`` (gone from data/), ``foreign`` (in data/
            but not in this node's state: to remove), ``not-a-file`` (a link or folder there).
    """

    path: Path
    what: str


def tree_listing(files: own.OwnFiles) -> dict[str, os.stat_result | None]:
    """Return data/-relative name → stat of the entries under this node's paths (None: a link
    or another non-file, never followed)."""
    data = layout.data_dir(files.repo)
    found: dict[str, os.stat_result | None] = {}
    for root in owned_roots(files.repo, files.node):
        name = root.relative_to(data).as_posix()
        if root.is_symlink() or (root.exists() and not root.is_dir() and not root.is_file()):
            found[name] = None
        elif root.is_file():
            found[name] = root.stat()
        elif root.is_dir():
            found |= own.listing(root, prefix=name + "/", links=True)
    return found


def differences(files: own.OwnFiles, *, remember: bool = True) -> list[Difference]:
    """
    Return this node's data/ files that differ from its state (none before adoption).

    A file whose size, modification time and inode are those it had when it was last found
    equal is not read again (``stat.json``), so the check costs a stat per file; with
    ``remember`` the files found equal this time are noted for the next check.
    """
    if not files.is_adopted():
        return []
    kept = own.listing(files.mirror_root)
    tree = tree_listing(files)
    seen = files.stats()
    verified = dict(seen)
    data = layout.data_dir(files.repo)
    found = []
    for name in sorted(kept.keys() | tree.keys()):
        what = compare(files, name, name in kept, tree.get(name, MISSING), seen, verified)
        if what:
            found.append(Difference(data / name, what))
    if remember and verified != seen:
        atomic.write(files.root / "stat.json", own.ENCODER.encode(verified) + b"\n")
    return found


def compare(
    files: own.OwnFiles,
    name: str,
    is_kept: bool,
    status: os.stat_result | str | None,
    seen: dict[str, list[int]],
    verified: dict[str, list[int]],
) -> str:
    """Return how the data/ file ``name`` differs from the state ("" when it does not)."""
    if status is None:
        return "not-a-file"
    if not is_kept:
        return "foreign"
    if isinstance(status, str):
        return "missing"
    mark = own.mark_of(status)
    if seen.get(name) == mark:
        return ""
    path = layout.data_dir(files.repo) / name
    if not atomic.is_unchanged(path, (files.mirror_root / name).read_bytes()):
        return "changed"
    verified[name] = mark
    return ""


def restore(files: own.OwnFiles) -> list[Difference]:
    """
    Make this node's data/ files what its state says; return what was wrong (and is fixed).

    Raise StateError when a file cannot be restored (the node must not publish a tree it
    does not own).
    """
    found = differences(files)
    try:
        for difference in found:
            restore_one(files, difference)
    except OSError as error:
        raise StateError(
            f"cannot restore this node's file {error.filename or ''}: {error.strerror}",
            hint=f"fix the path by hand (the node's own copy is under {files.mirror_root}), "
            "then run `fedlearn publish` again",
        ) from None
    data = layout.data_dir(files.repo)
    for difference in found:  # just written from the state: the next check only stats them
        path = difference.path
        if difference.what != "foreign" and path.is_file() and not path.is_symlink():
            files.staged[path.relative_to(data).as_posix()] = own.mark_of(path.stat())
    files.note_staged()
    if found:
        for difference in found:
            log.warning(
                "%s: %s from outside; restored from this node's state",
                difference.path,
                difference.what,
            )
        files.record(restored=len(found))
    return found


def owned_roots(repo: Path, node: str) -> list[Path]:
    """Return the data/ paths (files or folders) of this node that its state copy covers."""
    return [
        path
        for path in layout.node_paths(repo, node)
        if "collections" not in path.relative_to(layout.data_dir(repo)).parts[:1]
    ]


def restore_one(files: own.OwnFiles, difference: Difference) -> None:
    """Undo one difference: write the state's copy, or remove what the state does not hold."""
    path = difference.path
    if difference.what == "not-a-file":
        own.remove_entry(path)
        if files.mirror(path).is_file():
            own.clear_way(layout.data_dir(files.repo), path)
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write(path, files.mirror(path).read_bytes())
    elif difference.what == "foreign":
        path.unlink()
    else:
        own.clear_way(layout.data_dir(files.repo), path)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, files.mirror(path).read_bytes())
