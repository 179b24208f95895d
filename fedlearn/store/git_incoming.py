"""Git, what comes in: the commit to take instead of a fetched one, when it must not come in as is.

A fetched commit is repaired when it holds tree entries git refuses to check out (or files under
data/ over their size caps), and shielded when it changed this node's own files: either way a
commit on it is made (nothing checked out) that the next publish pushes, so the remote is mended
for every node. ``git_remote`` fetches, brings the result in and pushes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from fedlearn.store import git_history, git_local, git_objects, git_paths

log = logging.getLogger(__name__)


@attrs.frozen
class Repaired:
    """
    The commit to bring in instead of the remote's, when the remote holds entries git refuses.

    Attributes:
        commit: the remote's commit, or a commit on it without those entries (the repair).
        dropped: the entries the repair left out, each with the commit that added it.
    """

    commit: str
    dropped: list[git_paths.Unsafe]


def repair(
    repo: Path,
    upstream: str,
    env: Mapping[str, str],
    *,
    whole: bool = False,
    sizes: git_paths.Sizes | None = None,
) -> Repaired:
    """
    Return ``upstream``, or a commit on it without the tree entries git refuses to check out, and
    (with ``sizes``) without the files under data/ larger than fedlearn ever reads there.

    Only the entries ``upstream`` holds and HEAD does not are checked (everything when there is
    no HEAD, or ``whole`` is set: a clone not checked out yet). Such an entry (``data/.git``,
    ``data/..``, a symlinked ``.gitmodules``; see ``git_paths``) makes every checkout of that tree
    fail, so it would stop every fast-forward, rebase and merge on every node for good: it can
    only be hostile or broken, wherever it is. A file over its cap is never read, yet every
    checkout would write it (2 GiB of NULs are 2 MB in git); this node's own files never count.
    The repair commit is built with ``mktree``/``commit-tree`` (nothing checked out); once this
    node pushes, the remote is repaired for every node. One warning per entry (the first
    ``git_paths.NAMED``) names the commit that added it.
    """
    current = None if whole else git_local.head(repo)
    if current is not None and git_history.is_ancestor(repo, upstream, current):
        return Repaired(commit=upstream, dropped=[])  # in already (repaired then, if need be)
    base = git_history.merge_base(repo, current, upstream)
    dropped = git_paths.find(repo, current, upstream, base, sizes)
    if not dropped:
        return Repaired(commit=upstream, dropped=[])
    for entry in dropped[: git_paths.NAMED]:
        log.warning(
            "%s: %s, added in commit %s; left out of this node's copy (a repair commit, pushed "
            "by the next publish)",
            entry.path,
            entry.reason,
            entry.commit[:12],
        )
    if len(dropped) > git_paths.NAMED:
        log.warning(
            "%d more tree entries left out, git refuses them or they are over the size caps "
            "(fedlearn doctor lists them)",
            len(dropped) - git_paths.NAMED,
        )
    root = git_local.run(repo, "rev-parse", f"{upstream}^{{tree}}").stdout.strip()
    tree = git_paths.without(repo, root, [entry.raw for entry in dropped])
    what = (
        "git refuses to check out"
        if all(entry.reason == git_paths.REFUSED for entry in dropped)
        else "git refuses to check out or over the size caps"
    )
    message = (
        f"fedlearn: repair {len(dropped)} tree entr{'ies' if len(dropped) != 1 else 'y'} {what}"
        "\n\n"
        + "\n".join(
            f"{entry.path} (added in {entry.commit[:12]}: {entry.reason})" for entry in dropped[:50]
        )
        + "\n"
    )
    commit = git_local.run(
        repo,
        "commit-tree",
        *git_objects.sign_option(env),
        tree,
        "-p",
        upstream,
        "-F",
        "-",
        env=env,
        stdin=message,
    ).stdout.strip()
    return Repaired(commit=commit, dropped=dropped)


@attrs.frozen
class Shielded:
    """
    The commit to bring in instead of the remote's, when the remote changed this node's files.

    Attributes:
        commit: the remote's commit, or a commit on it that puts this node's paths back as the
            common base had them (the peer's change discarded).
        discarded: this node's paths the remote changed since the common base.
    """

    commit: str
    discarded: list[str]


def shield(
    repo: Path,
    upstream: str,
    own: Sequence[str],
    env: Mapping[str, str],
    since: str | None = None,
) -> Shielded:
    """
    Return ``upstream``, or a commit on it that discards its changes to this node's paths.

    ``own`` are the pathspecs of this node's files: only this node writes them, so what the remote
    changed there since the base (``since``, the fork point: ``git_history.fork_point``; else the
    merge base) is not taken, a peer's or a broken node's commit. The commit on ``upstream`` puts
    them back as the base had them; this node's own commits then apply to them without a
    conflict, and the next publish pushes it (the restore).
    """
    current = git_local.head(repo)
    base = (since or git_history.merge_base(repo, current, upstream)) if own else None
    changed = git_history.changed_paths(repo, base, upstream, *own) if base else []
    if not changed:
        return Shielded(commit=upstream, discarded=[])
    for path in changed[:20]:
        log.warning("%s: changed on the remote by another node; discarded (this node's file)", path)
    tree = git_objects.tree_with(repo, upstream, base or upstream, own)
    message = (
        f"fedlearn: restore {len(changed)} file{'s' * (len(changed) != 1)} of this node "
        f"changed by another commit\n\n" + "\n".join(changed[:50]) + "\n"
    )
    return Shielded(
        commit=git_objects.commit_tree(repo, tree, upstream, message, env), discarded=changed
    )
