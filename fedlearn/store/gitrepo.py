"""Git adapter: git's command line with argument lists, never a shell string (guarantee 6).

Publish commits through a scratch index (only this node's paths, never the user's index), and
brings the remote in by fast-forward, by rebase when the work tree is clean, else by merge; the
push is retried with stamina's shape (jittered exponential wait, attempt cap, total deadline).
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
import tenacity

from fedlearn import config
from fedlearn.errors import ConfigError, GitError
from fedlearn.store import atomic

log = logging.getLogger(__name__)

# In the git dir while fedlearn rebases: the commit the rebase started from and the one it is onto.
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
# A push that lost a race: not a fast-forward any more, or the ref was locked by another push.
RACED = re.compile(r"\[rejected\]|\[remote rejected\] \((?:failed to update ref|cannot lock ref)")
AUTHOR = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+)>\s*")
# git's messages are matched (``couldn't find remote ref``, the push porcelain): never translated.
ENGLISH = {"LC_ALL": "C"}
# Seconds a fetch or push may take before it counts as hung (a peer that stopped answering): the
# job fails with a clear error and the next run tries again, instead of holding its lock for ever.
NETWORK_TIMEOUT = 600.0


class PushRejectedError(GitError):
    """The remote refused the push because its branch moved on (another node pushed first)."""


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


@attrs.frozen
class Pushed:
    """What ``push_with_retry`` did: the pushed commit, the tries, how the remote came in."""

    commit: str
    attempts: int
    integration: str


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
    try:
        process = subprocess.run(
            ["git", "-C", str(repo), *args],
            capture_output=True,
            text=True,
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
    args = ["status", "--porcelain=v1", "-z", "--untracked-files=all"]
    return parse_status(run(repo, *args, "--", *paths).stdout)


def git_path(repo: Path, name: str) -> Path:
    """Return the path of ``name`` inside the repository's git dir (worktree-aware)."""
    found = Path(run(repo, "rev-parse", "--git-path", name).stdout.strip())
    return found if found.is_absolute() else repo / found


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
    args = ["diff", "--cached", "--name-status", "-z", "--no-renames"]
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
        ["git", "-C", str(repo), "cat-file", "blob", f"{revision}:{path}"],
        capture_output=True,
        check=False,
    )
    return process.stdout if process.returncode == 0 else b""


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
    created = run(repo, "commit-tree", tree, *parents, "-F", "-", env=env, stdin=message)
    new = created.stdout.strip()
    run(repo, "reset", "-q", new, *FROM_STDIN, stdin="\0".join(paths))
    run(repo, "update-ref", "-m", message.splitlines()[0], "HEAD", new, parent or "")
    return new


def tracking_ref(remote: str, branch_name: str) -> str:
    """Return the remote-tracking ref of ``branch_name`` on ``remote``."""
    return f"refs/remotes/{remote}/{branch_name}"


def fetch(repo: Path, remote: str, branch_name: str) -> str | None:
    """Fetch ``branch_name`` from ``remote``; return its commit, or None when it has none."""
    ref = tracking_ref(remote, branch_name)
    refspec = f"+refs/heads/{branch_name}:{ref}"
    process = run(repo, "fetch", "-q", remote, refspec, check=False, timeout=NETWORK_TIMEOUT)
    if process.returncode != 0:
        if "couldn't find remote ref" in process.stderr:
            return None
        raise GitError(f"git fetch {remote} {branch_name} failed in {repo}: {reason(process)}")
    return run(repo, "rev-parse", ref).stdout.strip()


def is_ancestor(repo: Path, older: str, newer: str) -> bool:
    """Return whether commit ``older`` is reachable from ``newer``."""
    process = run(repo, "merge-base", "--is-ancestor", older, newer, check=False)
    if process.returncode > 1:
        raise GitError(f"git merge-base failed in {repo}: {reason(process)}")
    return process.returncode == 0


def integrate(repo: Path, upstream: str, env: Mapping[str, str]) -> str:
    """
    Bring ``upstream`` into the branch; return how: up to date, fast-forward, rebase or merge.

    Diverged history is rebased when no tracked file is modified or staged (``git rebase`` needs
    that), else merged in place (``merge_in_place``), which keeps the user's modified and staged
    files as they are; ``--autostash`` is never used, so nothing of the user's is ever stashed.
    Raise GitError (a stopped rebase is aborted first) when it cannot be done safely.
    """
    current = head(repo)
    if current is not None and is_ancestor(repo, upstream, current):
        return "up to date"
    if current is not None and not is_ancestor(repo, current, upstream) and not is_clean(repo):
        merge_in_place(repo, current, upstream, env)
        return "merge"
    how = (
        "rebase"
        if current is not None and not is_ancestor(repo, current, upstream)
        else "fast-forward"
    )
    if how == "rebase":
        process = rebase(repo, current, upstream, env)
    else:
        process = run(repo, "merge", "-q", "--ff-only", upstream, env=env, check=False)
    if process.returncode != 0:
        raise stopped(repo, how, upstream, reason(process))
    return how


def rebase(
    repo: Path, current: str | None, upstream: str, env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    """
    Rebase the branch (at ``current``) onto ``upstream``; a rebase that stops is aborted.

    A mark in the git dir names the commit the rebase started from and ``upstream`` while it
    runs, so that one a kill interrupted is known as fedlearn's own (``abort_interrupted_rebase``).
    """
    mark = git_path(repo, REBASE_MARK)
    atomic.write(mark, f"{current}\n{upstream}\n".encode())
    done = False
    try:
        # Unsigned like the commits publish makes (commit-tree never signs): commit.gpgSign must
        # not make a rebase depend on a signing key or agent a timer's service has no access to.
        process = run(repo, "rebase", "-q", "--no-gpg-sign", upstream, env=env, check=False)
        done = process.returncode == 0
        return process
    finally:
        if not done:
            run(repo, "rebase", "--abort", check=False)
        mark.unlink(missing_ok=True)


def abort_interrupted_rebase(repo: Path) -> bool:
    """
    Abort the rebase a killed fedlearn run left unfinished; return whether there was one.

    Only a rebase that started from the commit fedlearn's mark names, onto the one it names, is
    touched: one of the user's (even from the same commit, after a kill left a mark before its
    rebase began) is left for ``check_safe`` to refuse.
    """
    mark = git_path(repo, REBASE_MARK)
    try:
        ends = mark.read_text().split()
    except FileNotFoundError:
        return False
    ours = any(
        rebase_ends(git_path(repo, folder)) == ends for folder in ("rebase-merge", "rebase-apply")
    )
    if ours:
        run(repo, "rebase", "--abort")
        log.warning("%s: aborted the rebase an interrupted fedlearn run left", repo)
    mark.unlink()
    return ours


def rebase_ends(folder: Path) -> list[str]:
    """Return the commits a rebase in progress (its state ``folder``) started from and is onto."""
    try:
        return [(folder / name).read_text().strip() for name in ("orig-head", "onto")]
    except (FileNotFoundError, NotADirectoryError):
        return []


def merge_in_place(repo: Path, current: str, upstream: str, env: Mapping[str, str]) -> None:
    """
    Merge ``upstream`` into the branch without a merge in the work tree.

    The merge is computed on trees (``merge-tree``), committed, then checked out as a two-tree
    ``read-tree -m -u``: only files the remote changed are updated, and the user's modified and
    staged files are carried over as ``git checkout`` would. Raise GitError, having changed
    nothing, when the histories conflict or the update would overwrite the user's changes.
    """
    merged = run(repo, "merge-tree", "--write-tree", current, upstream, check=False)
    if merged.returncode != 0:
        raise stopped(repo, "merge", upstream, merged.stdout.strip().replace("\n", " ")[:400])
    message = f"fedlearn: merge {upstream[:12]}"
    tree = merged.stdout.split()[0]
    args = ["commit-tree", tree, "-p", current, "-p", upstream, "-m", message]
    commit = run(repo, *args, env=env).stdout.strip()
    checkout = run(repo, "read-tree", "-m", "-u", current, commit, check=False)
    if checkout.returncode != 0:
        raise stopped(repo, "merge", upstream, reason(checkout))
    run(repo, "update-ref", "-m", message, "HEAD", commit, current)


def stopped(repo: Path, how: str, upstream: str, detail: str) -> GitError:
    """Return the error for a fast-forward, rebase or merge of ``upstream`` that could not be done."""
    return GitError(
        f"{how} of {upstream[:12]} stopped in {repo}: {detail}",
        hint=f"bring the remote in by hand (git -C {repo} pull), then run the command again",
    )


def push(repo: Path, remote: str, branch_name: str) -> None:
    """
    Push HEAD to ``branch_name`` on ``remote``.

    Raise PushRejectedError when the remote moved on, GitError on any other failure.
    """
    target = f"HEAD:refs/heads/{branch_name}"
    process = run(repo, "push", "--porcelain", remote, target, check=False, timeout=NETWORK_TIMEOUT)
    if process.returncode == 0:
        return
    if RACED.search(process.stdout):
        raise PushRejectedError(f"push to {remote} {branch_name} rejected: the remote moved on")
    raise GitError(f"git push {remote} failed in {repo}: {reason(process)}")


def retrying(settings: config.Publish) -> tenacity.Retrying:
    """Return the push retry policy: jittered exponential wait, attempt cap, deadline, logged."""
    return tenacity.Retrying(
        stop=tenacity.stop_after_attempt(settings.push_attempts)
        | tenacity.stop_after_delay(settings.push_deadline),
        wait=tenacity.wait_exponential(multiplier=0.1, max=5.0) + tenacity.wait_random(0, 1.0),
        retry=tenacity.retry_if_exception_type(PushRejectedError),
        before_sleep=lambda state: log.warning(
            "push rejected (attempt %d of %d), fetching and trying again",
            state.attempt_number,
            settings.push_attempts,
        ),
        reraise=True,
    )


def push_with_retry(repo: Path, settings: config.Publish, env: Mapping[str, str]) -> Pushed:
    """
    Fetch, integrate and push until the push lands or the policy gives up; return what was pushed.

    Raise GitError (with a hint) when every attempt was rejected.
    """
    integration, attempts = "up to date", 0
    try:
        for attempt in retrying(settings):
            with attempt:
                attempts += 1
                upstream = fetch(repo, settings.remote, settings.branch)
                if upstream is not None:
                    integration = integrate(repo, upstream, env)
                push(repo, settings.remote, settings.branch)
    except PushRejectedError as error:
        raise GitError(
            f"{error}, {attempts} attempts",
            hint="other nodes keep pushing; the commit is kept, run `fedlearn publish` again",
        ) from None
    return Pushed(commit=head(repo) or "", attempts=attempts, integration=integration)


def merge_base(repo: Path, one: str | None, other: str) -> str | None:
    """Return the best common ancestor of two commits, or None when they share none."""
    if one is None:
        return None
    process = run(repo, "merge-base", one, other, check=False)
    return process.stdout.strip() if process.returncode == 0 else None


def ahead(repo: Path, upstream: str) -> int:
    """Return how many commits HEAD has that ``upstream`` (a ref or commit) lacks."""
    return int(run(repo, "rev-list", "--count", f"{upstream}..HEAD").stdout.strip())


def changed_paths(repo: Path, old: str | None, new: str | None, *paths: str) -> list[str]:
    """Return the paths (limited to ``paths``) that differ between commits ``old`` and ``new``."""
    if old == new or new is None:
        return []
    if old is None:
        listed = run(repo, "ls-tree", "-r", "-z", "--name-only", new, "--", *paths).stdout
        return [name for name in listed.split("\0") if name]
    output = run(repo, "diff", "--name-only", "-z", "--no-renames", old, new, "--", *paths).stdout
    return [name for name in output.split("\0") if name]
