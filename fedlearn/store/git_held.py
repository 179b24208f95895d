"""The paths [trust] holds (issue 15, item 3): under data/, read as their last accepted content.

``git_trust.screen`` decides which paths are held and saves them here, in the clone's git dir;
every reader of data/ (``peer_files``, ``layout``'s listings) asks this module what a path reads
as. It knows nothing of who owns a path, so readers sit below the screen, never beside it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

import msgspec

from fedlearn.store import atomic, git_local, git_objects

log = logging.getLogger(__name__)
# In the git dir, beside the objects the held content lives in: it belongs to this clone.
HELD_FILE = "fedlearn-trust.json"


class Held(msgspec.Struct, frozen=True, kw_only=True):
    """
    A path under data/ whose current content is not accepted: readers see ``blob`` instead.

    Attributes:
        path: the path relative to the repo's top level.
        blob: the object id of the last accepted content; "" when it was absent (a forged file).
        commit: the first commit whose change to the path was refused.
        reason: why, e.g. ``unsigned`` or ``signed by node-c, not node-a``.
    """

    path: str
    blob: str
    commit: str
    reason: str


class View(msgspec.Struct, kw_only=True):
    """
    What ``git_trust.screen`` decided so far in one clone.

    Attributes:
        screened: the commit the last screen walked up to (HEAD then).
        held: the held paths by path.
    """

    screened: str = ""
    held: dict[str, Held] = msgspec.field(default_factory=dict)


ENCODER = msgspec.json.Encoder(order="sorted")
DECODER = msgspec.json.Decoder(View)
_views: dict[Path, tuple[int, View]] = {}
_tops: dict[Path, Path | None] = {}


def held_file(top: Path) -> Path:
    """Return the file the held paths of the clone at ``top`` are kept in."""
    return git_local.git_path(top, HELD_FILE)


def load(top: Path) -> View:
    """Return the clone's view (empty when none was saved, or it is unreadable)."""
    try:
        return DECODER.decode(held_file(top).read_bytes())
    except FileNotFoundError:
        return View()
    except msgspec.DecodeError as error:
        log.warning("%s: unreadable (%s); starting from no held paths", held_file(top), error)
        return View()


def save(top: Path, view: View) -> None:
    """Write the clone's view and make it the one readers in this process see."""
    path = held_file(top)
    atomic.write(path, ENCODER.encode(view))
    _views[path] = (path.stat().st_mtime_ns, view)


def view_of(folder: Path) -> tuple[Path, View] | None:
    """Return the top level and the saved view of the clone holding ``folder`` (None: no clone)."""
    top = top_of(folder.absolute())
    if top is None:
        return None
    file = held_file_of(top)
    try:
        stamp = file.stat().st_mtime_ns
    except (FileNotFoundError, NotADirectoryError):
        return None
    cached = _views.get(file)
    if cached is None or cached[0] != stamp:
        cached = (stamp, load(top))
        _views[file] = cached
    return top, cached[1]


def hold_of(path: Path) -> tuple[Path, Held] | None:
    """Return the top level and the hold on ``path`` (a file under a clone), or None when not held."""
    found = view_of(path.parent)
    if found is None:
        return None
    top, view = found
    held = view.held.get(path.absolute().relative_to(top).as_posix())
    return (top, held) if held is not None else None


def open_held(top: Path, held: Held) -> int | None:
    """
    Return a read-only descriptor of a held path's last accepted content (an in-memory regular
    file), or None when it was absent: what a checked reader hands on instead of the file.
    """
    content = git_objects.blob(top, held.blob) if held.blob else None
    if content is None:
        return None
    fd = os.memfd_create("fedlearn-held", os.MFD_CLOEXEC)
    os.write(fd, content)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def listed(
    folder: Path, paths: Sequence[Path], suffix: str = ".jsonl", *, nested: bool = True
) -> list[Path]:
    """
    Return the files ``paths`` found under ``folder`` as this node accepts them, sorted: a held
    file whose accepted state is absent (a forged new file) is left out, and one a forged commit
    deleted (named ``*suffix``) is put back, so ``read`` gives its last accepted content.
    """
    found = view_of(folder)
    if found is None or not found[1].held:
        return sorted(paths)
    top, view = found
    prefix = folder.absolute().relative_to(top).as_posix() + "/"
    kept = {path.absolute(): path for path in paths}
    for name, held in view.held.items():
        inside = name.removeprefix(prefix)
        if name.startswith(prefix) and name.endswith(suffix) and (nested or "/" not in inside):
            if held.blob:
                kept.setdefault(top / name, folder / inside)
            else:
                kept.pop(top / name, None)
    return sorted(kept.values())


def read(path: Path) -> bytes:
    """
    Return the content of ``path`` (a file under data/) as this node accepts it: the file's bytes,
    or a held path's last accepted content. Raise FileNotFoundError when there is none.
    """
    found = hold_of(path)
    if found is None:
        return path.read_bytes()
    top, held = found
    content = git_objects.blob(top, held.blob) if held.blob else None
    if content is None:
        raise FileNotFoundError(f"{path}: held, no accepted content")
    return content


def top_of(folder: Path) -> Path | None:
    """Return the top level of the work tree holding ``folder`` (found by ``.git``, cached)."""
    if folder not in _tops:
        # A folder's top is its own when it holds .git, else its parent's (looked up once per
        # folder, so a thousand node folders of one clone cost a check each, not a walk each).
        is_top = os.path.lexists(folder / ".git")
        parent = folder.parent
        _tops[folder] = folder if is_top else None if parent == folder else top_of(parent)
    return _tops[folder]


def held_file_of(top: Path) -> Path:
    """Return the held file of the clone at ``top`` without running git (``.git`` dir or file)."""
    dot_git = top / ".git"
    if dot_git.is_file():
        named = dot_git.read_text(encoding="utf-8").strip().removeprefix("gitdir:").strip()
        return (top / named).resolve() / HELD_FILE
    return dot_git / HELD_FILE
