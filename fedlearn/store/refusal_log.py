"""What the checked reader (``peer_files``) refused: recorded, warned about, counted, looked up.

A path under data/ that is not read (or read only in part) is recorded once per process with its
reason and the commit that last changed it, for ``fedlearn doctor`` (``refusals``). The first
``NAMED`` get a warning each; the rest are counted, and ``summarize`` logs the count in one line
after every job, so 20,000 bad names never make 20,000 warning lines.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import attrs

log = logging.getLogger(__name__)

COMMIT_LOOKUPS = 50  # per process: the commit that added a refused path is named while cheap
# Refused paths named in a warning each, per process; the rest are counted, and ``summarize``
# logs the count in one line (20,000 bad names never make 20,000 warning lines).
NAMED = 10


@attrs.frozen
class Refusal:
    """
    A path under the repo that the checked reader would not read, or read only in part.

    Attributes:
        path: the path relative to the repo.
        reason: why (``symlink``, ``not a regular file``, ``too large``, ``bad name``, bad lines).
        commit: the short commit that last changed the path, when known.
    """

    path: str
    reason: str
    commit: str = ""


_refused: dict[str, Refusal] = {}
_lookups = [0]
_bounds: dict[str, str] = {}  # repo -> the commit WALKED back from HEAD ("" when fewer)
WALKED = 5000  # commits a commit lookup walks back at most
_unnamed = [0]  # refused paths not named in a warning since the last ``summarize``
_deferred: list[list[tuple[Path, Path, str]]] = []  # refusals held back (``deferred``)


def refusals() -> list[Refusal]:
    """Return what the checked reader refused in this process, sorted by path."""
    return sorted(_refused.values(), key=lambda refusal: refusal.path)


def forget() -> None:
    """Forget the refusals recorded so far (``doctor`` starts from none, with its own commit
    lookups)."""
    _refused.clear()
    _bounds.clear()
    _unnamed[0] = _lookups[0] = 0


def summarize() -> int:
    """
    Log one warning with the count of refused paths not named one by one (since the last call),
    when there are any; return that count. The runner calls it after every job.
    """
    count, _unnamed[0] = _unnamed[0], 0
    if count:
        log.warning(
            "%d more path%s under data/ ignored, not named one by one; run fedlearn doctor for the list",
            count,
            "s" * (count != 1),
        )
    return count


def relative(repo: Path, path: Path) -> str:
    """
    Return ``path`` relative to ``repo`` for messages (the path itself when outside it); bytes
    that are not UTF-8 show as ``\\xff``, so the text can be written anywhere.
    """
    try:
        shown = str(path.relative_to(repo))
    except ValueError:
        shown = str(path)
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def commit_of(repo: Path, path: Path) -> str:
    """
    Return the short commit that last changed ``path`` (``git log -1``) among the last
    ``WALKED`` commits, or "" when unknown: a history a peer filled with 100,000 commits made
    each lookup walk all of it.
    """
    if _lookups[0] >= COMMIT_LOOKUPS:
        return ""
    _lookups[0] += 1
    from fedlearn.store import git_local

    try:
        where = str(path.relative_to(repo)) if path.is_relative_to(repo) else str(path)
        if str(repo) not in _bounds:
            oldest = git_local.run(repo, "rev-list", f"--skip={WALKED}", "-1", "HEAD", check=False)
            _bounds[str(repo)] = oldest.stdout.strip()
        older = (f"^{_bounds[str(repo)]}",) if _bounds[str(repo)] else ()
        args = ("log", "-1", "--format=%h", "HEAD", *older, "--", where)
        done = git_local.run(repo, *args, check=False)
    except (OSError, ValueError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def refuse(repo: Path, path: Path, reason: str) -> None:
    """
    Record that ``path`` was not read and why; warn once per path (with the commit), for the
    first ``NAMED`` paths of the process only: the others are counted (``summarize``).
    """
    if _deferred:
        _deferred[-1].append((repo, path, reason))
        return
    key = str(repo / path)  # one warning per file, even across repositories in one process
    if key in _refused:
        return
    shown = relative(repo, path)
    commit = commit_of(repo, path)
    _refused[key] = Refusal(shown, reason, commit)
    if len(_refused) > NAMED:
        _unnamed[0] += 1
        return
    added = f" (last changed in commit {commit})" if commit else ""
    log.warning("%s: ignored, %s%s; run fedlearn doctor for the list", shown, reason, added)


@contextlib.contextmanager
def deferred() -> Iterator[list[tuple[Path, Path, str]]]:
    """
    Hold back the refusals made inside (neither recorded nor warned about) and yield them; the
    caller hands them on with ``refuse`` or drops them (a read done again, whose own refusals
    are the ones to report: ``report.tally``).
    """
    held: list[tuple[Path, Path, str]] = []
    _deferred.append(held)
    try:
        yield held
    finally:
        _deferred.pop()
