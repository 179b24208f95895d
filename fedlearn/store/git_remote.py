"""Git, the remote side: fetch, bring the remote in, push with retries (guarantee 6).

The remote comes in by fast-forward, by rebase when the work tree is clean, else by merge in
place; a rebase that a kill interrupted is aborted and redone. The push is retried with the one
retry shape (``fedlearn.retry``) when another node pushed first.
"""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from fedlearn import config, retry
from fedlearn.errors import GitError
from fedlearn.store import atomic, git_history, git_incoming, git_local, git_objects, git_paths

log = logging.getLogger(__name__)

# In the git dir while fedlearn rebases: the commit the rebase started from and the one it is onto.
REBASE_MARK = git_local.REBASE_MARK
# A push that lost a race: not a fast-forward any more, or the ref was locked by another push.
RACED = re.compile(r"\[rejected\]|\[remote rejected\] \((?:failed to update ref|cannot lock ref)")
# Seconds a fetch or push may take in all before it counts as hung (a peer that stopped answering,
# or trickles): the job fails with a clear error and the next run tries again, instead of holding
# its lock for ever. ``publish.timeout`` sets it.
NETWORK_TIMEOUT = 600.0


class PushRejectedError(GitError):
    """The remote refused the push because its branch moved on (another node pushed first)."""


@attrs.frozen
class Pushed:
    """What ``push_with_retry`` did: the pushed commit, the tries, how the remote came in."""

    commit: str
    attempts: int
    integration: str
    discarded: list[str] = attrs.Factory(list)
    repaired: list[git_paths.Unsafe] = attrs.Factory(list)


def tracking_ref(remote: str, branch_name: str) -> str:
    """Return the remote-tracking ref of ``branch_name`` on ``remote``."""
    return f"refs/remotes/{remote}/{branch_name}"


def fetch(
    repo: Path, remote: str, branch_name: str, *, timeout: float = NETWORK_TIMEOUT
) -> str | None:
    """
    Fetch ``branch_name`` from ``remote`` within ``timeout`` seconds; return its commit, or None
    when it has none.
    """
    ref = tracking_ref(remote, branch_name)
    refspec = f"+refs/heads/{branch_name}:{ref}"
    # --no-tags: fedlearn reads no tag, and a peer's 50,000 tags would come along on every fetch.
    args = ("fetch", "-q", "--no-tags", remote, refspec)
    process = git_local.run(repo, *args, check=False, timeout=timeout)
    if process.returncode != 0:
        if "couldn't find remote ref" in process.stderr:
            return None
        raise GitError(
            f"git fetch {remote} {branch_name} failed in {repo}: {git_local.reason(process)}"
        )
    return git_local.run(repo, "rev-parse", ref).stdout.strip()


def fork_point(repo: Path, settings: config.Publish, upstream: str) -> str | None:
    """Return where this node's unpushed commits start (``git_history.fork_point``), or None."""
    ref = tracking_ref(settings.remote, settings.branch)
    return git_history.fork_point(repo, ref, git_local.head(repo), upstream)


def integrate(repo: Path, upstream: str, env: Mapping[str, str], since: str | None = None) -> str:
    """
    Bring ``upstream`` into the branch; return how: up to date, fast-forward, rebase or merge.

    Diverged history is rebased (the commits after ``since``, the fork point, when given: a
    remote forced to another history does not make this node replay commits it took from the
    remote before) when no tracked file is modified or staged (``git rebase`` needs
    that), else merged in place (``merge_in_place``), which keeps the user's modified and staged
    files as they are; ``--autostash`` is never used, so nothing of the user's is ever stashed.
    Raise GitError (a stopped rebase is aborted first) when it cannot be done safely.
    """
    current = git_local.head(repo)
    if current is not None and git_history.is_ancestor(repo, upstream, current):
        return "up to date"
    if (
        current is not None
        and not git_history.is_ancestor(repo, current, upstream)
        and not git_local.is_clean(repo)
    ):
        merge_in_place(repo, current, upstream, env)
        return "merge"
    how = (
        "rebase"
        if current is not None and not git_history.is_ancestor(repo, current, upstream)
        else "fast-forward"
    )
    if how == "rebase":
        process = rebase(repo, current, upstream, env, since)
    else:
        process = git_local.run(repo, "merge", "-q", "--ff-only", upstream, env=env, check=False)
    if process.returncode != 0:
        raise stopped(repo, how, upstream, git_local.reason(process))
    return how


def rebase(
    repo: Path,
    current: str | None,
    upstream: str,
    env: Mapping[str, str],
    since: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """
    Rebase the branch (at ``current``; its commits after ``since`` when given) onto ``upstream``;
    a rebase that stops is aborted.

    A mark in the git dir names the commit the rebase started from and ``upstream`` while it
    runs, so that one a kill interrupted is known as fedlearn's own (``abort_interrupted_rebase``).
    """
    mark = git_local.git_path(repo, REBASE_MARK)
    atomic.write(mark, f"{current}\n{upstream}\n".encode())
    done = False
    try:
        # Signed like the commits publish makes: with [trust] by this node's key (the env says
        # so), else never, so the user's commit.gpgSign cannot make a rebase depend on a key or
        # agent a timer's service has no access to.
        sign = "--gpg-sign" if git_objects.sign_option(env) else "--no-gpg-sign"
        onto = ("--onto", upstream, since) if since else (upstream,)
        process = git_local.run(repo, "rebase", "-q", sign, *onto, env=env, check=False)
        done = process.returncode == 0
        return process
    finally:
        if not done:
            git_local.run(repo, "rebase", "--abort", check=False)
        mark.unlink(missing_ok=True)


def abort_interrupted_rebase(repo: Path) -> bool:
    """
    Abort the rebase a killed fedlearn run left unfinished; return whether there was one.

    Only a rebase that started from the commit fedlearn's mark names, onto the one it names, is
    touched: one of the user's (even from the same commit, after a kill left a mark before its
    rebase began) is left for ``check_safe`` to refuse.
    """
    mark = git_local.git_path(repo, REBASE_MARK)
    try:
        ends = mark.read_text().split()
    except FileNotFoundError:
        return False
    ours = any(
        rebase_ends(git_local.git_path(repo, folder)) == ends
        for folder in ("rebase-merge", "rebase-apply")
    )
    if ours:
        git_local.run(repo, "rebase", "--abort")
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
    merged = git_local.run(repo, "merge-tree", "--write-tree", current, upstream, check=False)
    if merged.returncode != 0:
        raise stopped(repo, "merge", upstream, merged.stdout.strip().replace("\n", " ")[:400])
    message = f"fedlearn: merge {upstream[:12]}"
    tree = merged.stdout.split()[0]
    args = ["commit-tree", *git_objects.sign_option(env), tree, "-p", current, "-p", upstream]
    args += ["-m", message]
    merge_commit = git_local.run(repo, *args, env=env).stdout.strip()
    checkout = git_local.run(repo, "read-tree", "-m", "-u", current, merge_commit, check=False)
    if checkout.returncode != 0:
        raise stopped(repo, "merge", upstream, git_local.reason(checkout))
    git_local.run(repo, "update-ref", "-m", message, "HEAD", merge_commit, current)


def stopped(repo: Path, how: str, upstream: str, detail: str) -> GitError:
    """Return the error for a fast-forward, rebase or merge of ``upstream`` that could not be done."""
    return GitError(
        f"{how} of {upstream[:12]} stopped in {repo}: {detail}",
        hint=f"bring the remote in by hand (git -C {repo} pull), then run the command again",
    )


def push(repo: Path, remote: str, branch_name: str, *, timeout: float = NETWORK_TIMEOUT) -> None:
    """
    Push HEAD to ``branch_name`` on ``remote`` within ``timeout`` seconds.

    Raise PushRejectedError when the remote moved on, GitError on any other failure.
    """
    target = f"HEAD:refs/heads/{branch_name}"
    process = git_local.run(
        repo, "push", "--porcelain", remote, target, check=False, timeout=timeout
    )
    if process.returncode == 0:
        return
    if RACED.search(process.stdout):
        raise PushRejectedError(f"push to {remote} {branch_name} rejected: the remote moved on")
    raise GitError(f"git push {remote} failed in {repo}: {git_local.reason(process)}")


def push_policy(settings: config.Publish) -> retry.Policy:
    """Return the push retry policy: a push the remote rejected because it moved on is retried."""
    return retry.Policy(
        name="git push",
        attempts=settings.push_attempts,
        deadline=settings.push_deadline,
        retry_on=lambda error: isinstance(error, PushRejectedError),
        wait_max=5.0,
    )


def push_with_retry(
    repo: Path,
    settings: config.Publish,
    env: Mapping[str, str],
    own: Sequence[str] = (),
    sizes: git_paths.Sizes | None = None,
) -> Pushed:
    """
    Fetch, integrate and push until the push lands or the policy gives up; return what was pushed
    (``own``: this node's pathspecs, whose remote changes are discarded, see
    ``git_incoming.shield``; ``sizes``: the caps of files under data/, see ``git_incoming.repair``).

    Raise GitError (with a hint) when every attempt was rejected.
    """
    integration, attempts, discarded = "up to date", 0, []
    repaired: list[git_paths.Unsafe] = []
    try:
        for attempt in retry.retrying(push_policy(settings)):
            with attempt:
                attempts += 1
                upstream = fetch(repo, settings.remote, settings.branch, timeout=settings.timeout)
                if upstream is not None:
                    fixed = git_incoming.repair(repo, upstream, env, sizes=sizes)
                    since = fork_point(repo, settings, upstream)
                    shielded = git_incoming.shield(repo, fixed.commit, own, env, since)
                    integration = integrate(repo, shielded.commit, env, since)
                    discarded += shielded.discarded
                    repaired += [
                        d for d in fixed.dropped if d.path not in {r.path for r in repaired}
                    ]
                push(repo, settings.remote, settings.branch, timeout=settings.timeout)
    except PushRejectedError as error:
        raise GitError(
            f"{error}, {attempts} attempts",
            hint="other nodes keep pushing; the commit is kept, run `fedlearn publish` again",
        ) from None
    head = git_local.head(repo) or ""
    return Pushed(
        commit=head,
        attempts=attempts,
        integration=integration,
        discarded=discarded,
        repaired=repaired,
    )
