"""Git, the local side: git's command line with argument lists, never a shell string (guarantee 6).

Every git command fedlearn runs goes through ``run`` here; this module holds the plumbing of one
checkout (status, the scratch index publish commits through, commits, diffs, history). What talks
to a remote (fetch, integrate, push) is ``git_remote``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from fedlearn.errors import ConfigError, GitError

log = logging.getLogger(__name__)
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
AUTHOR = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+)>\s*")
# git's messages are matched (``couldn't find remote ref``, the push porcelain): never translated.
ENGLISH = {"LC_ALL": "C"}
# Set in a commit environment (``git_trust.signing_env``): the commits fedlearn makes with it are
# signed (``commit-tree -S``, ``rebase --gpg-sign``) with the key its git config names.
SIGN = "FEDLEARN_SIGN"
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
    """Return the checked-out branch, or None when HEAD is detached."""
    process = run(repo, "symbolic-ref", "-q", "--short", "HEAD", check=False)
    return process.stdout.strip() if process.returncode == 0 else None


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
    conflicts = [change.path for change in status(repo) if change.is_unmerged]
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


def is_clean(repo: Path) -> bool:
    """Return whether no tracked file is modified or staged (untracked files do not count)."""
    return not any(change.is_tracked for change in status(repo))


def has_remote(repo: Path, remote: str) -> bool:
    """Return whether ``remote`` is a configured remote name."""
    return remote in run(repo, "remote").stdout.split()


def identity(repo: Path, author: str) -> dict[str, str]:
    """
    Return the environment that makes ``author`` (``Name <email>``) the author of new commits.

    The committer stays git's configured identity (``user.email``, or ``EMAIL`` /
    ``GIT_COMMITTER_EMAIL`` in the environment); where there is none (a system service), the
    author is the committer too, never one git guesses from the user and host name
    (``root@host.example.com`` would put the host name in every pushed commit). Raise ConfigError
    when ``author`` is not ``Name <email>``.
    """
    match = AUTHOR.fullmatch(author)
    if match is None or not match["name"]:
        raise ConfigError(f"publish.author: {author!r} is not 'Name <email>'")
    env = {"GIT_AUTHOR_NAME": match["name"], "GIT_AUTHOR_EMAIL": match["email"]}
    guessless = ("-c", "user.useConfigOnly=true", "var", "GIT_COMMITTER_IDENT")
    given = os.environ.get("EMAIL") or os.environ.get("GIT_COMMITTER_EMAIL")
    if not given and run(repo, *guessless, check=False).returncode != 0:
        env |= {"GIT_COMMITTER_NAME": match["name"], "GIT_COMMITTER_EMAIL": match["email"]}
    return env


@contextlib.contextmanager
def scratch_index(repo: Path) -> Iterator[Scratch]:
    """
    Yield a private index that starts as HEAD's tree; remove it afterwards.

    Staging there leaves the user's own index (and whatever they staged in it) untouched.
    """
    path = git_path(repo, f"fedlearn-index.{os.getpid()}")
    scratch = Scratch(env={"GIT_INDEX_FILE": str(path)}, base=head(repo))
    try:
        if scratch.base:
            run(repo, "read-tree", scratch.base, env=scratch.env)
        yield scratch
    finally:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".lock").unlink(missing_ok=True)


def tracked(repo: Path, paths: Sequence[str]) -> set[str]:
    """Return the files HEAD holds at or under ``paths`` (files or folders)."""
    if not paths or not head(repo):
        return set()
    listed = run(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", *paths).stdout
    return {name for name in listed.split("\0") if name}


def stage(repo: Path, scratch: Scratch, files: Sequence[str]) -> None:
    """
    Stage the additions, changes and deletions of ``files`` in the scratch index.

    ``--force``: the files are named one by one, so an ignore rule of the user's (``*.jsonl``,
    ``data/`` in a global excludes file) must not keep them out, nor fail the whole commit.
    """
    if files:
        args = ["add", "-A", "--force", *FROM_STDIN]
        run(repo, *args, env=scratch.env, stdin="\0".join(files))


def staged(repo: Path, scratch: Scratch) -> list[tuple[str, str]]:
    """Return (status letter A/M/D, path) of every difference between the scratch index and HEAD."""
    args = ["diff", "--cached", "--name-status", "-z", "--no-renames", "--ignore-submodules=all"]
    output = run(repo, *args, env=scratch.env).stdout
    fields = output.split("\0")
    return [(fields[i][0], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def export(repo: Path, scratch: Scratch, paths: Sequence[str], folder: Path) -> None:
    """Write the staged content of ``paths`` under ``folder`` (``folder/<path>``)."""
    if paths:
        args = ["checkout-index", "-z", "--stdin", f"--prefix={folder}{os.sep}"]
        run(repo, *args, env=scratch.env, stdin="\0".join(paths))


def show(repo: Path, revision: str, path: str) -> bytes:
    """Return the content of ``path`` at ``revision``, or empty bytes when it is not there."""
    process = subprocess.run(
        ["git", *HARDENING, "-C", str(repo), "cat-file", "blob", f"{revision}:{path}"],
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
    tree = run(repo, "write-tree", env=scratch.env).stdout.strip()
    parent = scratch.base
    parents = ["-p", parent] if parent else []
    created = run(
        repo, "commit-tree", *sign_option(env), tree, *parents, "-F", "-", env=env, stdin=message
    )
    new = created.stdout.strip()
    run(repo, "reset", "-q", new, *FROM_STDIN, stdin="\0".join(paths))
    run(repo, "update-ref", "-m", message.splitlines()[0], "HEAD", new, parent or "")
    return new


def tree_with(repo: Path, commit: str, source: str, pathspecs: Sequence[str]) -> str:
    """
    Return (write) the tree of ``commit`` with the paths matching ``pathspecs`` as they are in
    ``source`` (those ``source`` lacks removed), built in a private index.
    """
    path = git_path(repo, f"fedlearn-shield-index.{os.getpid()}")
    env = {"GIT_INDEX_FILE": str(path)}
    try:
        run(repo, "read-tree", commit, env=env)
        run(repo, "reset", "-q", source, *FROM_STDIN, env=env, stdin="\0".join(pathspecs))
        return run(repo, "write-tree", env=env).stdout.strip()
    finally:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".lock").unlink(missing_ok=True)


def commit_tree(repo: Path, tree: str, parent: str, message: str, env: Mapping[str, str]) -> str:
    """Return a new commit of ``tree`` on ``parent`` (no branch moves)."""
    return run(
        repo, "commit-tree", tree, "-p", parent, "-F", "-", env=env, stdin=message
    ).stdout.strip()


def tree_ids(repo: Path, revision: str, *paths: str) -> list[str]:
    """Return the object ids of ``paths`` (relative to the top) at ``revision`` ("" for absent)."""
    found = []
    for path in paths:
        process = run(repo, "rev-parse", "-q", "--verify", f"{revision}:{path}", check=False)
        found.append(process.stdout.strip() if process.returncode == 0 else "")
    return found


def collect_garbage(repo: Path) -> None:
    """
    Run ``git gc --auto`` (packs loose objects once there are more than ``gc.auto``, 6,700 by
    default; otherwise returns at once). Commits made with ``commit-tree`` never trigger it, as
    ``git commit`` does, so publish calls this after its commit.
    """
    run(repo, "gc", "--auto", "--quiet", check=False)


def is_ancestor(repo: Path, older: str, newer: str) -> bool:
    """Return whether commit ``older`` is reachable from ``newer``."""
    process = run(repo, "merge-base", "--is-ancestor", older, newer, check=False)
    if process.returncode > 1:
        raise GitError(f"git merge-base failed in {repo}: {reason(process)}")
    return process.returncode == 0


def merge_base(repo: Path, one: str | None, other: str) -> str | None:
    """Return the best common ancestor of two commits, or None when they share none."""
    if one is None:
        return None
    process = run(repo, "merge-base", one, other, check=False)
    return process.stdout.strip() if process.returncode == 0 else None


def ahead(repo: Path, upstream: str) -> int:
    """Return how many commits HEAD has that ``upstream`` (a ref or commit) lacks."""
    return int(run(repo, "rev-list", "--count", f"{upstream}..HEAD").stdout.strip())


def printable(name: str) -> str:
    """Return a path git gave as text that can be written anywhere: bytes that are not UTF-8 as ``\\xff``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def changed_paths(repo: Path, old: str | None, new: str | None, *paths: str) -> list[str]:
    """Return the paths (limited to ``paths``) that differ between commits ``old`` and ``new``."""
    if old == new or new is None:
        return []
    if old is None:
        listed = run(repo, "ls-tree", "-r", "-z", "--name-only", new, "--", *paths).stdout
        return [printable(name) for name in listed.split("\0") if name]
    args = ("diff", "--name-only", "-z", "--no-renames", "--ignore-submodules=all", old, new)
    output = run(repo, *args, "--", *paths).stdout
    return [printable(name) for name in output.split("\0") if name]


def resolve(repo: Path, ref: str) -> str | None:
    """Return the commit ``ref`` names in ``repo``, or None when it names none."""
    process = run(repo, "rev-parse", "-q", "--verify", f"{ref}^{{commit}}", check=False)
    return process.stdout.strip() if process.returncode == 0 else None


def changed_since(repo: Path, commit: str, folder: str) -> set[str] | None:
    """
    Return the paths under ``folder`` that differ from ``commit``: committed since, modified in
    the work tree, or untracked (relative to ``repo``). Return None when git does not know ``commit``.
    """
    args = ("diff", "--name-only", "-z", "--relative", "--no-renames", "--ignore-submodules=all")
    diff = run(repo, *args, commit, "--", folder, check=False)
    if diff.returncode != 0:
        return None
    others = ("ls-files", "-z", "--others", "--exclude-standard", "--", folder)
    untracked = run(repo, *others, check=False)
    return {printable(n) for n in (diff.stdout + "\0" + untracked.stdout).split("\0") if n}


def ahead_behind(repo: Path, upstream: str) -> tuple[int, int] | None:
    """Return how many commits HEAD has that ``upstream`` lacks and the reverse, or None."""
    args = ("rev-list", "--left-right", "--count", f"HEAD...{upstream}")
    process = run(repo, *args, check=False)
    if process.returncode != 0:
        return None
    ahead_count, behind_count = process.stdout.split()
    return int(ahead_count), int(behind_count)


def history_patches(repo: Path) -> str:
    """Return every commit of every ref with its message and patch (``git log --all -p``)."""
    return run(repo, "log", "--all", "-p", "--format=%H%n%B").stdout


def run_outside(*args: str) -> None:
    """Run a git command that needs no repository (``init``, ``clone``); raise GitError on failure."""
    process = subprocess.run(
        ["git", *args], capture_output=True, text=True, check=False, env={**os.environ, **ENGLISH}
    )
    if process.returncode != 0:
        raise GitError(f"git {' '.join(args[:3])} failed: {reason(process)}")
