"""Git, the object side of one checkout: blobs, trees and commits, written without touching the user's index.

Publish stages this node's files in a scratch index (``scratch_index``) and commits it with
``commit-tree`` (guarantee 6: the user's index, staged work and branch are never in the way);
``git_remote`` builds its restore and repair commits from trees here. Commands run through
``git_local.run``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.errors import ConfigError
from fedlearn.store import git_local

# Set in a commit environment (``git_trust.signing_env``): the commits fedlearn makes with it are
# signed (``commit-tree -S``, ``rebase --gpg-sign``) with the key its git config names.
SIGN = "FEDLEARN_SIGN"


@attrs.frozen
class Scratch:
    """
    A private index for one commit.

    Attributes:
        env: the environment that points git at it (``GIT_INDEX_FILE``).
        base: the commit it was read from (None before the first commit); the commit's parent.
    """

    env: dict[str, str]
    base: str | None


def identity(repo: Path, author: str) -> dict[str, str]:
    """
    Return the environment that makes ``author`` (``Name <email>``) the author of new commits.

    The committer stays git's configured identity (``user.email``, or ``EMAIL`` /
    ``GIT_COMMITTER_EMAIL`` in the environment); where there is none (a system service), the
    author is the committer too, never one git guesses from the user and host name
    (``root@host.example.com`` would put the host name in every pushed commit). Raise ConfigError
    when ``author`` is not ``Name <email>``.
    """
    match = config.AUTHOR.fullmatch(author)
    if match is None or not match["name"]:
        raise ConfigError(f"publish.author: {author!r} is not 'Name <email>'")
    env = {"GIT_AUTHOR_NAME": match["name"], "GIT_AUTHOR_EMAIL": match["email"]}
    guessless = ("-c", "user.useConfigOnly=true", "var", "GIT_COMMITTER_IDENT")
    given = os.environ.get("EMAIL") or os.environ.get("GIT_COMMITTER_EMAIL")
    if not given and git_local.run(repo, *guessless, check=False).returncode != 0:
        env |= {"GIT_COMMITTER_NAME": match["name"], "GIT_COMMITTER_EMAIL": match["email"]}
    return env


@contextlib.contextmanager
def scratch_index(repo: Path) -> Iterator[Scratch]:
    """
    Yield a private index that starts as HEAD's tree; remove it afterwards.

    Staging there leaves the user's own index (and whatever they staged in it) untouched.
    """
    path = git_local.git_path(repo, f"fedlearn-index.{os.getpid()}")
    scratch = Scratch(env={"GIT_INDEX_FILE": str(path)}, base=git_local.head(repo))
    try:
        if scratch.base:
            git_local.run(repo, "read-tree", scratch.base, env=scratch.env)
        yield scratch
    finally:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".lock").unlink(missing_ok=True)


def tracked(repo: Path, paths: Sequence[str]) -> set[str]:
    """Return the files HEAD holds at or under ``paths`` (files or folders)."""
    if not paths or not git_local.head(repo):
        return set()
    listed = git_local.run(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", *paths).stdout
    return {name for name in listed.split("\0") if name}


def stage(repo: Path, scratch: Scratch, files: Sequence[str]) -> None:
    """
    Stage the additions, changes and deletions of ``files`` in the scratch index.

    ``--force``: the files are named one by one, so an ignore rule of the user's (``*.jsonl``,
    ``data/`` in a global excludes file) must not keep them out, nor fail the whole commit.
    """
    if files:
        args = ["add", "-A", "--force", *git_local.FROM_STDIN]
        git_local.run(repo, *args, env=scratch.env, stdin="\0".join(files))


def staged(repo: Path, scratch: Scratch) -> list[tuple[str, str]]:
    """Return (status letter A/M/D, path) of every difference between the scratch index and HEAD."""
    args = ["diff", "--cached", "--name-status", "-z", "--no-renames", "--ignore-submodules=all"]
    output = git_local.run(repo, *args, env=scratch.env).stdout
    fields = output.split("\0")
    return [(fields[i][0], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def export(repo: Path, scratch: Scratch, paths: Sequence[str], folder: Path) -> None:
    """Write the staged content of ``paths`` under ``folder`` (``folder/<path>``)."""
    if paths:
        args = ["checkout-index", "-z", "--stdin", f"--prefix={folder}{os.sep}"]
        git_local.run(repo, *args, env=scratch.env, stdin="\0".join(paths))


def show(repo: Path, revision: str, path: str) -> bytes:
    """Return the content of ``path`` at ``revision``, or empty bytes when it is not there."""
    process = subprocess.run(
        ["git", *git_local.HARDENING, "-C", str(repo), "cat-file", "blob", f"{revision}:{path}"],
        capture_output=True,
        check=False,
    )
    return process.stdout if process.returncode == 0 else b""


def sign_option(env: Mapping[str, str]) -> tuple[str, ...]:
    """Return ``commit-tree``'s ``-S`` when ``env`` asks for signed commits, else nothing."""
    return ("-S",) if env.get(SIGN) else ()


def blob(repo: Path, name: str) -> bytes | None:
    """Return the content of blob ``name`` (its object id), or None when git does not have it."""
    process = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "blob", name], capture_output=True, check=False
    )
    return process.stdout if process.returncode == 0 else None


def commit(
    repo: Path, scratch: Scratch, message: str, env: Mapping[str, str], paths: Sequence[str]
) -> str:
    """
    Commit the scratch index on the current branch; return the new commit.

    The user's index takes the committed content of ``paths`` first, so a failure at any step
    leaves nothing a later ``git commit`` of theirs would undo. The branch then moves only if it
    is still at the scratch index's base; raise GitError when the user committed meanwhile.
    """
    tree = git_local.run(repo, "write-tree", env=scratch.env).stdout.strip()
    parent = scratch.base
    parents = ["-p", parent] if parent else []
    created = git_local.run(
        repo, "commit-tree", *sign_option(env), tree, *parents, "-F", "-", env=env, stdin=message
    )
    new = created.stdout.strip()
    git_local.run(repo, "reset", "-q", new, *git_local.FROM_STDIN, stdin="\0".join(paths))
    git_local.run(repo, "update-ref", "-m", message.splitlines()[0], "HEAD", new, parent or "")
    return new


def tree_with(repo: Path, commit: str, source: str, pathspecs: Sequence[str]) -> str:
    """
    Return (write) the tree of ``commit`` with the paths matching ``pathspecs`` as they are in
    ``source`` (those ``source`` lacks removed), built in a private index.
    """
    path = git_local.git_path(repo, f"fedlearn-shield-index.{os.getpid()}")
    env = {"GIT_INDEX_FILE": str(path)}
    try:
        git_local.run(repo, "read-tree", commit, env=env)
        git_local.run(
            repo, "reset", "-q", source, *git_local.FROM_STDIN, env=env, stdin="\0".join(pathspecs)
        )
        return git_local.run(repo, "write-tree", env=env).stdout.strip()
    finally:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".lock").unlink(missing_ok=True)


def commit_tree(repo: Path, tree: str, parent: str, message: str, env: Mapping[str, str]) -> str:
    """Return a new commit of ``tree`` on ``parent`` (no branch moves)."""
    return git_local.run(
        repo, "commit-tree", tree, "-p", parent, "-F", "-", env=env, stdin=message
    ).stdout.strip()


def tree_ids(repo: Path, revision: str, *paths: str) -> list[str]:
    """Return the object ids of ``paths`` (relative to the top) at ``revision`` ("" for absent)."""
    found = []
    for path in paths:
        process = git_local.run(
            repo, "rev-parse", "-q", "--verify", f"{revision}:{path}", check=False
        )
        found.append(process.stdout.strip() if process.returncode == 0 else "")
    return found
