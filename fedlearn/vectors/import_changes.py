"""What changed under data/ since the last clean import, so a rerun reads only that (git adapter use).

The mark (the data/ commit imported last, and what the import covered) lives in the state dir. When
git cannot tell (no repository, unknown commit, other collections or Qdrant), every file is read;
correctness never depends on the mark, since import skips the points already present (guarantee 7).
The import job decides this once, as one ``Changes``, and hands it to every stage that reads. Of the
pattern files changed, ``changed_shards`` and ``changed_ids`` name the shards and ids to read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from pathlib import Path

import attrs
import msgspec

from fedlearn.formats import layout
from fedlearn.learn import merge, pattern_cache, patterns
from fedlearn.store import atomic, git_history, state
from fedlearn.vectors import points


class Mark(msgspec.Struct, frozen=True, kw_only=True):
    """
    Where the last clean import stood.

    Attributes:
        commit: the HEAD commit of the federation repo when the import started ("" outside git).
        scope: the Qdrant target, collections and categories it covered; another scope reads all.
        collections: the collections Qdrant held after it; one gone since (a server whose data
            was wiped) makes the next import read everything.
        skipped: other nodes' snapshots it skipped (they did not verify); the next import
            verifies them again, changed or not (a newer fedlearn, or a fixed file, reads them).
    """

    commit: str
    scope: str
    collections: list[str] = msgspec.field(default_factory=list)
    skipped: list[str] = msgspec.field(default_factory=list)


DECODER = msgspec.json.Decoder(Mark)


def head(repo: Path) -> str:
    """Return the HEAD commit of ``repo``, or "" when it is not a git repository with a commit."""
    try:
        return git_history.resolve(repo, "HEAD") or ""
    except FileNotFoundError:
        return ""


def scope(where: str, collections: Sequence[str], categories: Sequence[str]) -> str:
    """Return what an import covers: its Qdrant target (``qdrant.target``), collections, categories."""
    # The id scheme of other nodes' points too: the first import of a new one reads every
    # snapshot and writes them anew (``points.ID_SCHEME``).
    return f"{where}|{','.join(collections)}|{','.join(categories)}|{points.ID_SCHEME}"


def current(repo: Path, covered: str) -> Mark:
    """Return the mark an import of ``repo`` starting now would leave (``covered``: its ``scope``)."""
    return Mark(commit=head(repo), scope=covered)


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


def since(repo: Path, last: Mark | None, now: Mark) -> set[str] | None:
    """Return the data/ paths changed since the ``last`` clean import, or None when git cannot tell."""
    if last is None or not follows(last, now):
        return None
    return changed_files(repo, last.commit)


def follows(last: Mark, now: Mark) -> bool:
    """Return whether git can tell what changed from ``last`` to ``now`` (both commits, one scope)."""
    return bool(last.commit and now.commit) and last.scope == now.scope


def changed_files(repo: Path, commit: str) -> set[str] | None:
    """
    Return the data/ paths (relative to ``repo``) that differ from ``commit``: committed since,
    modified in the work tree, or untracked. Return None when git does not know ``commit``.
    """
    return git_history.changed_since(repo, commit, layout.DATA)


def touches(changed: Set[str] | None, prefix: str) -> bool:
    """Return whether any changed path lies under ``data/<prefix>`` (always, when all are read)."""
    if changed is None:
        return True
    full = f"{layout.DATA}/{prefix}"
    return any(path.startswith(full) for path in changed)


@attrs.frozen
class Changes:
    """
    What one import reads, decided once when it starts.

    Attributes:
        now: the mark the import leaves when it ends clean.
        last: the mark the last clean import left (None: none, or unreadable).
        paths: the data/ paths (and path prefixes) to read: those changed since ``last``, and the
            sources of points set aside; None: every file.
        worktree: the data/ paths whose work tree differs from HEAD (modified, deleted or
            untracked), of those changed since ``last``; None when not known.
    """

    now: Mark
    last: Mark | None
    paths: frozenset[str] | None
    worktree: frozenset[str] | None = None

    @property
    def reads_all(self) -> bool:
        """Return whether every file is read."""
        return self.paths is None

    @property
    def skipped(self) -> list[str]:
        """Return the other nodes' snapshots the last clean import skipped (to verify again)."""
        return self.last.skipped if self.last else []

    @property
    def held(self) -> list[str]:
        """Return the collections Qdrant held after the last clean import (none known: none)."""
        return (self.last or self.now).collections

    def touches(self, prefix: str) -> bool:
        """Return whether a path to read lies under ``data/<prefix>`` (always, when all are read)."""
        return touches(self.paths, prefix)

    def everything(self) -> Changes:
        """Return these changes reading every file."""
        return attrs.evolve(self, paths=None)

    def adding(self, more: Iterable[str]) -> Changes:
        """Return these changes reading ``more`` paths (path prefixes) too."""
        return self if self.paths is None else attrs.evolve(self, paths=self.paths | set(more))


def find(repo: Path, last: Mark | None, now: Mark, *, full: bool) -> Changes:
    """Return what an import starting at ``now`` reads: every file with ``full``, else ``since``."""
    if full or last is None or not follows(last, now):
        return Changes(now=now, last=last, paths=None)
    found = git_history.changes_since(repo, last.commit, layout.DATA)
    if found is None:
        return Changes(now=now, last=last, paths=None)
    committed, worktree = found
    return Changes(
        now=now, last=last, paths=frozenset(committed | worktree), worktree=frozenset(worktree)
    )


def changed_shards(
    repo: Path, changed: Set[str] | None, categories: list[str]
) -> dict[str, set[str] | None] | None:
    """
    Return category → the pattern shards ``changed`` touches (None: the whole category, when an
    old-layout file changed), so import reads only those shards of every node; None when every
    file is read anyway.
    """
    if changed is None:
        return None
    found: dict[str, set[str] | None] = {}
    for category in categories:
        folder = layout.pattern_dir(repo, category).relative_to(repo).as_posix() + "/"
        depth = folder.count("/") + 1  # <node>/<shard>.jsonl below the category folder
        inside = [path for path in changed if path.startswith(folder)]
        shards = {layout.shard_of(Path(p)) if p.count("/") == depth else None for p in inside}
        found[category] = None if None in shards else {s for s in shards if s is not None}
    return found


def changed_ids(
    repo: Path,
    changed: Set[str] | None,
    shards: dict[str, set[str] | None],
    cache: pattern_cache.Cache | None = None,
) -> dict[str, set[str] | None]:
    """
    Return category → the ids the changed shard files hold now (None: not narrowed, when a whole
    category is read). Only those can bring a point Qdrant lacks: import writes new points and
    skips present ones, and a removal is a retraction (which makes import read everything). So
    with many nodes the view holds the changed ids, not every id of the touched shards. Past
    ``merge.MAX_PEER_PATTERNS`` ids (more than a view keeps) the category is not narrowed: the
    view's own limits bound it.
    """
    found: dict[str, set[str] | None] = {}
    for category, wanted in shards.items():
        if wanted is None or changed is None:
            found[category] = None
            continue
        folder = layout.pattern_dir(repo, category).relative_to(repo).as_posix() + "/"
        depth = folder.count("/") + 1
        paths = sorted(
            p
            for p in changed
            if p.startswith(folder) and p.count("/") == depth and layout.shard_of(Path(p)) in wanted
        )
        ids: set[str] = set()
        for path in paths:
            ids.update(
                pattern.id
                for pattern in (
                    patterns.read(repo / path)
                    if cache is None
                    else cache.read(repo, repo / path, patterns.read_whole)
                )
            )
            if len(ids) > merge.MAX_PEER_PATTERNS:  # more than a view holds: not narrowed
                break
        found[category] = ids if len(ids) <= merge.MAX_PEER_PATTERNS else None
    return found
