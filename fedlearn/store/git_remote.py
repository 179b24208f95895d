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
from fedlearn.store import atomic, git_history, git_local, git_objects, git_paths

log = logging.getLogger(__name__)

# In the git dir while fedlearn rebases: the commit the rebase started from and the one it is onto.
REBASE_MARK = "fedlearn-rebase"
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
    (``own``: this node's pathspecs, whose remote changes are discarded, see ``shield``; ``sizes``:
    the caps of files under data/, see ``repair``).

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
                    fixed = repair(repo, upstream, env, sizes=sizes)
                    since = fork_point(repo, settings, upstream)
                    shielded = shield(repo, fixed.commit, own, env, since)
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
