"""Git, the history of one checkout: which commits a ref names, how two commits relate, what changed between them.

Read-only questions (``rev-parse``, ``merge-base``, ``rev-list``, ``diff``) that pull, publish,
import and status ask; commands run through ``git_local.run``.
"""

from __future__ import annotations

from pathlib import Path

from fedlearn.errors import GitError
from fedlearn.store import git_local


def is_ancestor(repo: Path, older: str, newer: str) -> bool:
    """Return whether commit ``older`` is reachable from ``newer``."""
    process = git_local.run(repo, "merge-base", "--is-ancestor", older, newer, check=False)
    if process.returncode > 1:
        raise GitError(f"git merge-base failed in {repo}: {git_local.reason(process)}")
    return process.returncode == 0


def merge_base(repo: Path, one: str | None, other: str) -> str | None:
    """Return the best common ancestor of two commits, or None when they share none."""
    if one is None:
        return None
    process = git_local.run(repo, "merge-base", one, other, check=False)
    return process.stdout.strip() if process.returncode == 0 else None


def fork_point(repo: Path, ref: str, current: str | None, upstream: str) -> str | None:
    """
    Return the commit this node's own work on ``current`` starts after: the newest commit the
    remote-tracking ``ref`` ever named (its reflog, ``merge-base --fork-point``) that ``current``
    holds, else the merge base with ``upstream``, else ``current`` itself (nothing in common: a
    remote whose history was replaced); None without a ``current``.

    A remote forced to a rewritten history no longer holds commits this node already took from
    it; counting from the fork point, they are never replayed as if they were this node's own.
    """
    if current is None:
        return None
    process = git_local.run(repo, "merge-base", "--fork-point", ref, current, check=False)
    found = process.stdout.strip() if process.returncode == 0 else ""
    return found or merge_base(repo, current, upstream) or current


def ahead(repo: Path, upstream: str) -> int:
    """Return how many commits HEAD has that ``upstream`` (a ref or commit) lacks."""
    return int(git_local.run(repo, "rev-list", "--count", f"{upstream}..HEAD").stdout.strip())


def changed_paths(repo: Path, old: str | None, new: str | None, *paths: str) -> list[str]:
    """Return the paths (limited to ``paths``) that differ between commits ``old`` and ``new``."""
    if old == new or new is None:
        return []
    if old is None:
        listed = git_local.run(repo, "ls-tree", "-r", "-z", "--name-only", new, "--", *paths).stdout
        return [git_local.printable(name) for name in listed.split("\0") if name]
    args = ("diff", "--name-only", "-z", "--no-renames", "--ignore-submodules=all", old, new)
    output = git_local.run(repo, *args, "--", *paths).stdout
    return [git_local.printable(name) for name in output.split("\0") if name]


def diff_paths(repo: Path, old: str, new: str, *paths: str) -> list[str] | None:
    """
    Return the paths (relative to the top; limited to ``paths``) that differ between commits
    ``old`` and ``new``, renames as a deletion and an addition; None when git cannot tell (a
    commit it does not have, e.g. one a rewritten history left behind and a gc removed).
    """
    args = ("diff", "--name-only", "-z", "--no-renames", "--ignore-submodules=all", old, new)
    process = git_local.run(repo, *args, "--", *paths, check=False)
    if process.returncode != 0:
        return None
    return [git_local.printable(name) for name in process.stdout.split("\0") if name]


def worktree_paths(repo: Path, *pathspecs: str) -> list[str]:
    """
    Return the paths (relative to the top; limited to ``pathspecs``) whose work tree differs from
    HEAD: modified, deleted or untracked (not ignored). Only the index entries the pathspecs match
    are looked at.
    """
    args = ("diff", "--name-only", "-z", "--no-renames", "--ignore-submodules=all", "HEAD")
    diff = git_local.run(repo, *args, "--", *pathspecs).stdout
    others = ("ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)
    untracked = git_local.run(repo, *others).stdout
    return sorted({git_local.printable(n) for n in (diff + "\0" + untracked).split("\0") if n})


def resolve(repo: Path, ref: str) -> str | None:
    """Return the commit ``ref`` names in ``repo``, or None when it names none."""
    process = git_local.run(repo, "rev-parse", "-q", "--verify", f"{ref}^{{commit}}", check=False)
    return process.stdout.strip() if process.returncode == 0 else None


def changed_since(repo: Path, commit: str, folder: str) -> set[str] | None:
    """
    Return the paths under ``folder`` that differ from ``commit``: committed since, modified in
    the work tree, or untracked (relative to ``repo``). Return None when git does not know ``commit``.
    """
    found = changes_since(repo, commit, folder)
    return None if found is None else found[0] | found[1]


def changes_since(repo: Path, commit: str, folder: str) -> tuple[set[str], set[str]] | None:
    """
    Return the paths under ``folder`` (relative to ``repo``) that differ between ``commit`` and
    HEAD, and those whose work tree differs from HEAD (modified, deleted or untracked): together,
    what ``changed_since`` returns (a file changed since and changed back in the work tree is in
    both). Return None when git does not know ``commit`` (or there is no HEAD).
    """
    args = ("diff", "--name-only", "-z", "--relative", "--no-renames", "--ignore-submodules=all")
    committed = git_local.run(repo, *args, commit, "HEAD", "--", folder, check=False)
    if committed.returncode != 0:
        return None
    worktree = git_local.run(repo, *args, "HEAD", "--", folder, check=False)
    others = ("ls-files", "-z", "--others", "--exclude-standard", "--", folder)
    untracked = git_local.run(repo, *others, check=False)
    if worktree.returncode != 0:
        return None
    return (
        {git_local.printable(n) for n in committed.stdout.split("\0") if n},
        {
            git_local.printable(n)
            for n in (worktree.stdout + "\0" + untracked.stdout).split("\0")
            if n
        },
    )


def ahead_behind(repo: Path, upstream: str) -> tuple[int, int] | None:
    """Return how many commits HEAD has that ``upstream`` lacks and the reverse, or None."""
    args = ("rev-list", "--left-right", "--count", f"HEAD...{upstream}")
    process = git_local.run(repo, *args, check=False)
    if process.returncode != 0:
        return None
    ahead_count, behind_count = process.stdout.split()
    return int(ahead_count), int(behind_count)


def history_patches(repo: Path) -> str:
    """Return every commit of every ref with its message and patch (``git log --all -p``)."""
    return git_local.run(repo, "log", "--all", "-p", "--format=%H%n%B").stdout
