"""Git, the local side: git's command line with argument lists, never a shell string (guarantee 6).

Every git command fedlearn runs goes through ``run`` here, hardened against what a peer can commit;
this module also holds the checkout's own state (status, branch, HEAD, whether it is safe to commit
in); its upkeep (``gc``) is ``git_maintenance``. Blobs, trees and commits are ``git_objects``;
questions about history are ``git_history``; what talks to a remote (fetch, integrate, push) is
``git_remote``.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

import attrs

from fedlearn.errors import GitError

log = logging.getLogger(__name__)
# In the git dir while fedlearn rebases (``git_remote``): the commit the rebase started from and
# the one it is onto. Not a name git shares between worktrees: ``--git-path`` puts it in the
# checkout's own git dir.
REBASE_MARK = "fedlearn-rebase"
UNMERGED = frozenset({"DD", "AU", "UD", "UA", "DU", "AA", "UU"})
# Marker files of an operation git has not finished, and how the user finishes or leaves it.
IN_PROGRESS = (
    ("rebase-merge", "a rebase", "git rebase --continue or git rebase --abort"),
    ("rebase-apply", "a rebase or am", "git rebase --continue or --abort (git am --abort)"),
    ("MERGE_HEAD", "a merge", "git commit to finish it or git merge --abort"),
    ("CHERRY_PICK_HEAD", "a cherry-pick", "git cherry-pick --continue or git cherry-pick --abort"),
    ("REVERT_HEAD", "a revert", "git revert --continue or git revert --abort"),
)
# Pathspecs go through stdin, NUL-separated: any number of paths, any characters in them.
FROM_STDIN = ("--pathspec-from-file=-", "--pathspec-file-nul")
# git's messages are matched (``couldn't find remote ref``, the push porcelain): never translated.
ENGLISH = {"LC_ALL": "C"}
# What a peer can commit must not change how fedlearn's own git commands behave (issue 15): hooks
# only from the git dir (never a tracked folder a ``core.hooksPath`` names, where a peer could
# commit one: see ``hooks_option``), no fsmonitor, submodules never entered or reported, no
# line-ending conversion from the user's config. Written out in docs/sharing.md ("Threat model").
HARDENING = (
    *("-c", "core.fsmonitor=false"),
    *("-c", "core.autocrlf=false"),
    *("-c", "submodule.recurse=false"),
    *("-c", "diff.ignoreSubmodules=all"),
    *("-c", "status.submoduleSummary=false"),
    *("-c", "fetch.recurseSubmodules=false"),
    # No housekeeping of git's own after a fetch, rebase or merge: its incremental packs store
    # every touched shard whole; ``git_maintenance.maintain`` runs a full gc when one is due.
    *("-c", "maintenance.auto=false"),
)
# $GIT_DIR/info/attributes outranks every .gitattributes in the tree: under data/ no filter,
# encoding, eol conversion, diff/merge driver or ident a peer commits applies.
ATTRIBUTES = "data/** -text -eol -filter -diff -merge -working-tree-encoding -ident"
_hardened: dict[Path, tuple[str, ...]] = {}


@attrs.frozen
class Change:
    """
    One entry of ``git status --porcelain``.

    Attributes:
        code: the two status letters, index then work tree (``??`` untracked, ``UU`` unmerged).
        path: the path relative to the top level; for a rename, the new path.
    """

    code: str
    path: str

    @property
    def is_unmerged(self) -> bool:
        """Return whether the path has an unresolved conflict."""
        return self.code in UNMERGED

    @property
    def is_tracked(self) -> bool:
        """Return whether the change is to a tracked file (not an untracked or ignored one)."""
        return self.code not in ("??", "!!")


def run(
    repo: Path,
    *args: str,
    check: bool = True,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """
    Run ``git -C repo ARGS`` and return the finished process (text output).

    ``env`` adds variables to the inherited environment (git's messages always in English). Raise
    GitError with git's own message when it fails and ``check`` is set, and when it takes more
    than ``timeout`` seconds (it is killed).
    """
    hooks = harden(repo)
    try:
        process = subprocess.run(
            ["git", *HARDENING, *hooks, "-C", str(repo), *args],
            capture_output=True,
            text=True,
            errors="surrogateescape",  # a path that is not UTF-8 stays a path (peer_files refuses it)
            check=False,
            input=stdin,
            env={**os.environ, **ENGLISH, **(env or {})},
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise GitError(
            f"git {' '.join(args[:3])} in {repo} had no answer after {timeout:g} s and was stopped",
            hint=f"check the network and the remote (git -C {repo} remote -v); the next run tries again",
        ) from None
    if check and process.returncode != 0:
        raise GitError(f"git {' '.join(args[:3])} failed in {repo}: {reason(process)}")
    return process


def harden(repo: Path) -> tuple[str, ...]:
    """
    Return the ``-c core.hooksPath=<git dir>/hooks`` option of ``repo`` (none outside a repo), and
    make sure ``<git dir>/info/attributes`` holds ``ATTRIBUTES``: git reads it before any
    ``.gitattributes`` a peer committed. Looked up once per process and repository.
    """
    if repo in _hardened:
        return _hardened[repo]
    try:
        found = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--git-common-dir"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **ENGLISH},
        )
    except (FileNotFoundError, NotADirectoryError):
        return ()
    if found.returncode != 0:
        return ()  # not a repository (yet): looked up again after a clone or init
    common = Path(found.stdout.strip())
    common = common if common.is_absolute() else repo / common
    _hardened[repo] = ("-c", f"core.hooksPath={common.resolve() / 'hooks'}")
    path = common / "info" / "attributes"
    try:
        present = path.read_text(encoding="utf-8") if path.exists() else ""
        if ATTRIBUTES not in present.splitlines():
            path.parent.mkdir(parents=True, exist_ok=True)
            separator = "" if not present or present.endswith("\n") else "\n"
            path.write_text(present + separator + ATTRIBUTES + "\n", encoding="utf-8")
    except OSError as error:
        log.warning("%s: could not write %s: %s", repo, path, error)
    return _hardened[repo]


def reason(process: subprocess.CompletedProcess[str]) -> str:
    """Return what git said went wrong (stderr first), hint lines left out, on one line."""
    lines = [line.strip() for line in (process.stderr or process.stdout).strip().splitlines()]
    said = " ".join(line for line in lines if line and not line.startswith("hint:"))
    return said[:400] or f"exit status {process.returncode}"


def toplevel(path: Path) -> Path | None:
    """Return the top level of the git work tree holding ``path``, or None outside git."""
    try:
        process = run(path, "rev-parse", "--show-toplevel", check=False)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if process.returncode != 0:
        return None
    return Path(process.stdout.strip())


def work_tree(path: Path) -> Path:
    """Return the top level of the git work tree holding ``path``; raise GitError outside git."""
    found = toplevel(path)
    if found is None:
        raise GitError(
            f"{path} is not in a git work tree", hint=f"git clone URL {path}, or set repo"
        )
    return found


def parse_status(output: str) -> list[Change]:
    """Return the changes in ``git status --porcelain=v1 -z`` output (renames keep the new path)."""
    changes = []
    fields = iter(output.split("\0"))
    for field in fields:
        if len(field) < 4:
            continue
        code, path = field[:2], field[3:]
        if "R" in code or "C" in code:
            next(fields, None)  # the original path of a rename or copy follows as its own field
        changes.append(Change(code, path))
    return changes


def status(repo: Path, *paths: str) -> list[Change]:
    """Return the changes in the work tree and index (limited to ``paths`` when given)."""
    args = ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=all"]
    return parse_status(run(repo, *args, "--", *paths).stdout)


def git_path(repo: Path, name: str) -> Path:
    """Return the path of ``name`` inside the repository's git dir (worktree-aware)."""
    found = Path(run(repo, "rev-parse", "--git-path", name).stdout.strip())
    return found if found.is_absolute() else repo / found


def git_dirs(repo: Path) -> tuple[Path, Path]:
    """Return the checkout's git dir and the common git dir (they differ in a linked worktree)."""
    lines = run(repo, "rev-parse", "--absolute-git-dir", "--git-common-dir").stdout.splitlines()
    common = Path(lines[1])
    return Path(lines[0]), common if common.is_absolute() else (repo / common).resolve()


def branch(repo: Path) -> str | None:
    """
    Return the checked-out branch, or None when HEAD is detached.

    The full ref is read and ``refs/heads/`` cut off: ``--short`` would answer ``heads/main`` when
    a tag ``main`` exists too (a peer can push one, and fetch brings it along), and every publish
    and pull would then refuse the branch as another one.
    """
    process = run(repo, "symbolic-ref", "-q", "HEAD", check=False)
    ref = process.stdout.strip()
    return ref.removeprefix("refs/heads/") if process.returncode == 0 else None


def head(repo: Path) -> str | None:
    """Return the commit HEAD points at, or None before the first commit."""
    process = run(repo, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
    return process.stdout.strip() if process.returncode == 0 else None


def check_safe(repo: Path, expected_branch: str) -> None:
    """
    Make sure git is in a state where committing, rebasing and pushing cannot hurt the user's work.

    Raise GitError with the fixing command when HEAD is detached or on another branch than
    ``expected_branch``, when a rebase, merge, cherry-pick or revert is unfinished, or when any
    path has an unresolved conflict.
    """
    for marker, what, finish in IN_PROGRESS:
        if git_path(repo, marker).exists():
            raise GitError(f"{repo}: {what} is in progress", hint=f"finish it first: {finish}")
    conflicts = unmerged(repo)
    if conflicts:
        raise GitError(
            f"{repo}: unresolved conflicts in {', '.join(conflicts[:5])}",
            hint="resolve them and git commit (or git merge --abort / git rebase --abort) first",
        )
    current = branch(repo)
    if current is None:
        raise GitError(f"{repo}: HEAD is detached", hint=f"git -C {repo} switch {expected_branch}")
    if current != expected_branch:
        raise GitError(
            f"{repo}: on branch {current}, but publish.branch is {expected_branch}",
            hint=f'git -C {repo} switch {expected_branch}, or set publish.branch = "{current}"',
        )


def unmerged(repo: Path) -> list[str]:
    """
    Return the paths with an unresolved conflict, sorted: the index's unmerged entries only (no
    scan of the work tree, whose size follows every node's files).
    """
    listed = run(repo, "ls-files", "--unmerged", "-z").stdout.split("\0")
    return sorted({printable(entry.split("\t", 1)[1]) for entry in listed if "\t" in entry})


def is_clean(repo: Path) -> bool:
    """Return whether no tracked file is modified or staged (untracked files do not count)."""
    return not any(change.is_tracked for change in status(repo))


def has_remote(repo: Path, remote: str) -> bool:
    """Return whether ``remote`` is a configured remote name."""
    return remote in run(repo, "remote").stdout.split()


def printable(name: str) -> str:
    """Return a path git gave as text that can be written anywhere: bytes that are not UTF-8 as ``\\xff``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def run_outside(*args: str) -> None:
    """Run a git command that needs no repository (``init``, ``clone``); raise GitError on failure."""
    process = subprocess.run(
        ["git", *args], capture_output=True, text=True, check=False, env={**os.environ, **ENGLISH}
    )
    if process.returncode != 0:
        raise GitError(f"git {' '.join(args[:3])} failed: {reason(process)}")
