"""What changed under data/ since the last clean import, so a rerun reads only that (git adapter use).

The mark (the data/ commit imported last, and what the import covered) lives in the state dir. When
git cannot tell (no repository, unknown commit, other collections or Qdrant), every file is read;
correctness never depends on the mark, since import skips the points already present (guarantee 7).
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.store import atomic, git_local, state


class Mark(msgspec.Struct, frozen=True, kw_only=True):
    """
    Where the last clean import stood.

    Attributes:
        commit: the HEAD commit of the federation repo when the import started ("" outside git).
        scope: the Qdrant target, collections and categories it covered; another scope reads all.
        collections: the collections Qdrant held after it; one gone since (a server whose data
            was wiped) makes the next import read everything.
    """

    commit: str
    scope: str
    collections: list[str] = msgspec.field(default_factory=list)


DECODER = msgspec.json.Decoder(Mark)


def head(repo: Path) -> str:
    """Return the HEAD commit of ``repo``, or "" when it is not a git repository with a commit."""
    try:
        return git_local.resolve(repo, "HEAD") or ""
    except FileNotFoundError:
        return ""


def current(cfg: config.Config) -> Mark:
    """Return the mark an import starting now would leave."""
    # The Qdrant client takes a second to import; pull reads marks without it.
    from fedlearn.vectors import qdrant

    where = qdrant.target(cfg.qdrant, cfg.state_path)
    scope = f"{where}|{','.join(cfg.qdrant.collections)}|{','.join(cfg.sync.categories)}"
    return Mark(commit=head(cfg.repo_path), scope=scope)


def mark_file(store: state.StateDir) -> Path:
    """Return the file holding the last clean import's mark."""
    return store.path("import", "mark.json")


def load(store: state.StateDir) -> Mark | None:
    """Return the last clean import's mark, or None (never ran, or unreadable)."""
    try:
        return DECODER.decode(mark_file(store).read_bytes())
    except (FileNotFoundError, msgspec.DecodeError):
        return None


def save(store: state.StateDir, mark: Mark) -> None:
    """Remember ``mark`` as the last clean import (nothing to remember outside git)."""
    if mark.commit:
        atomic.write(mark_file(store), msgspec.json.encode(mark) + b"\n")


def since(repo: Path, store: state.StateDir, now: Mark) -> set[str] | None:
    """Return the data/ paths changed since the last clean import, or None when git cannot tell."""
    last = load(store)
    if last is None or not last.commit or not now.commit or last.scope != now.scope:
        return None
    return changed_files(repo, last.commit)


def changed_files(repo: Path, commit: str) -> set[str] | None:
    """
    Return the data/ paths (relative to ``repo``) that differ from ``commit``: committed since,
    modified in the work tree, or untracked. Return None when git does not know ``commit``.
    """
    return git_local.changed_since(repo, commit, layout.DATA)


def touches(changed: set[str] | None, prefix: str) -> bool:
    """Return whether any changed path lies under ``data/<prefix>`` (always, when all are read)."""
    if changed is None:
        return True
    full = f"{layout.DATA}/{prefix}"
    return any(path.startswith(full) for path in changed)
