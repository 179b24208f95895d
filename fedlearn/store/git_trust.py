"""Identity of nodes (issue 15, item 3): signed commits, and a node's files changed only by its key.

Opt-in with ``[trust]``. Publish signs its commits with this node's SSH key (git's ``gpg.format =
ssh``). After pull or publish brings commits in, ``screen`` walks them and holds every path under
data/ whose change is not signed by the node the path belongs to (``layout.owner``). A held path
reads as its last accepted content (``git_held``), never as the unsigned change. Nothing is
committed for it: the clone stays the remote's, and each node decides from its own allowed-signers
file, so a node with a stale file never reverts a peer's real change for everyone.
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.store import git_held, git_history, git_local, git_objects

log = logging.getLogger(__name__)
GOOD = "G"  # git's %G? for a good signature by a key the allowed-signers file names
RECHECKED = 20  # commits per screen whose bad or uncheckable signature is checked once more
WARNED_PATHS = 5  # paths named in one commit's warning


@attrs.frozen
class PathChange:
    """One commit's change to one path under data/ (``git log --raw``)."""

    commit: str
    verdict: str
    signer: str
    path: str
    blob: str


def is_on(settings: config.Trust) -> bool:
    """Return whether identity is on (an allowed-signers file is configured)."""
    return bool(settings.allowed_signers)


def signing_env(settings: config.Trust) -> dict[str, str]:
    """
    Return the environment that makes fedlearn's commits signed by this node's key (none when
    trust is off): git's config from the environment (``GIT_CONFIG_COUNT``) and ``git_objects.SIGN``.
    """
    if not is_on(settings):
        return {}
    pairs = (("gpg.format", "ssh"), ("user.signingkey", settings.signing_key))
    env = {"GIT_CONFIG_COUNT": str(len(pairs)), git_objects.SIGN: "1"}
    for index, (key, value) in enumerate(pairs):
        env |= {f"GIT_CONFIG_KEY_{index}": key, f"GIT_CONFIG_VALUE_{index}": value}
    return env


def screen(
    top: Path, data: str, node: str, settings: config.Trust, since: str | None
) -> list[git_held.Held]:
    """
    Hold the paths under ``data`` (relative to ``top``) that commits since the last screen changed
    without their owner's signature; release those their owner has since signed. Return the paths
    newly held. ``since`` is where to start when no screen ran in this clone yet (the HEAD before
    the remote came in): what the clone held before trust was turned on is trusted.
    """
    if not is_on(settings):
        git_held.held_file(top).unlink(missing_ok=True)  # trust turned off: nothing stays held
        return []
    view, head = git_held.load(top), git_local.head(top)
    start = view.screened if view.screened and git_history.resolve(top, view.screened) else since
    if head is None or start is None or start == head:
        git_held.save(top, git_held.View(screened=head or "", held=view.held))
        return []
    accepted = {path: held.blob for path, held in view.held.items()}
    refused: dict[str, git_held.Held] = {}
    walked = walk(top, settings, start, head, data)
    changes = [c for c in walked if owner(c.path, data) not in (None, node)]  # no owner: unchecked
    before = blobs(top, start, sorted({c.path for c in changes} - accepted.keys()))
    for commit, found in group(changes):
        judge(commit, found, data, accepted, refused, before)
    current = blobs(top, head, sorted(accepted))
    held = dict(view.held)
    for path, blob in accepted.items():
        first = refused.get(path) or view.held.get(path)
        if current.get(path, "") == blob or first is None:
            held.pop(path, None)
        else:
            held[path] = git_held.Held(
                path=path, blob=blob, commit=first.commit, reason=first.reason
            )
    git_held.save(top, git_held.View(screened=head, held=held))
    return [held[path] for path in sorted(refused) if path in held]


def judge(
    commit: str,
    found: list[PathChange],
    data: str,
    accepted: dict[str, str],
    refused: dict[str, git_held.Held],
    before: dict[str, str],
) -> None:
    """
    Take one commit's changes into ``accepted`` (path → accepted blob) when each is signed by its
    path's owner; record the others in ``refused`` and warn once for the commit.
    """
    ignored = []
    for change in found:
        accepted.setdefault(change.path, before.get(change.path, ""))
        expected = owner(change.path, data)
        if change.verdict == GOOD and change.signer == expected:
            accepted[change.path] = change.blob
            refused.pop(change.path, None)
            continue
        reason = "unsigned" if change.verdict == "N" else f"not signed by {expected}"
        if change.verdict == GOOD:
            reason = f"signed by {change.signer}, not {expected}"
        refused.setdefault(
            change.path, git_held.Held(path=change.path, blob="", commit=commit, reason=reason)
        )
        ignored.append((change.path, reason))
    if ignored:
        names = ", ".join(path for path, _ in ignored[:WARNED_PATHS])
        more = f" and {len(ignored) - WARNED_PATHS} more" if len(ignored) > WARNED_PATHS else ""
        log.warning(
            "commit %s changes %d file%s of another node (%s): %s%s; ignored, "
            "the last signed content is kept",
            commit[:12],
            len(ignored),
            "s" * (len(ignored) != 1),
            ignored[0][1],
            names,
            more,
        )


def owner(path: str, data: str) -> str | None:
    """Return the node a path (relative to the top, under ``data``) belongs to."""
    return layout.owner(path.removeprefix(data.rstrip("/") + "/"))


def walk(
    top: Path, settings: config.Trust, start: str, head: str, data: str
) -> Iterator[PathChange]:
    """
    Yield every change to a file under ``data`` by the non-merge commits in ``start..head``, oldest
    first, with the commit's signature as the allowed-signers file judges it.

    A signed commit's verdict other than good is asked for once more (the first ``RECHECKED``
    such commits): when ``ssh-keygen`` itself fails, as a fork can under load, git reports a good
    signature as one of an unknown key (``U``) or a bad one, and a held change stays held until
    its owner signs again.
    """
    signers = ("-c", f"gpg.ssh.allowedSignersFile={settings.allowed_signers}")
    args = ["log", "--reverse", "--topo-order", "--no-merges", "--raw", "--no-abbrev", "-z"]
    args += ["--no-renames", "--format=%x01%H%x00%G?%x00%GS", f"{start}..{head}", "--", data]
    output = git_local.run(top, *signers, *args).stdout
    parsed = []
    for chunk in output.split("\x01")[1:]:
        header, _, rest = chunk.partition("\n")
        commit, verdict, signer = [*header.split("\0"), "", ""][:3]
        parsed.append((commit, verdict, signer, rest.split("\0")))
    doubtful = [commit for commit, verdict, _, _ in parsed if verdict not in (GOOD, "N")]
    again = verdicts(top, signers, doubtful[:RECHECKED])
    for commit, verdict, signer, fields in parsed:
        verdict, signer = again.get(commit, (verdict, signer))
        for meta, path in zip(fields[0::2], fields[1::2], strict=False):
            if meta.startswith(":"):
                new = meta.split()[3]
                yield PathChange(commit, verdict, signer, path, "" if set(new) == {"0"} else new)


def verdicts(
    top: Path, signers: Sequence[str], commits: Sequence[str]
) -> dict[str, tuple[str, str]]:
    """Return commit → (``%G?``, ``%GS``) of ``commits``, each checked anew."""
    if not commits:
        return {}
    args = ["log", "--no-walk=unsorted", "--format=%H%x00%G?%x00%GS%x00", *commits]
    fields = git_local.run(top, *signers, *args).stdout.replace("\n", "").split("\0")
    return {
        commit: (verdict, signer)
        for commit, verdict, signer in zip(fields[0::3], fields[1::3], fields[2::3], strict=False)
    }


def group(changes: Sequence[PathChange]) -> Iterator[tuple[str, list[PathChange]]]:
    """Yield (commit, its changes) in the order the commits come."""
    grouped: dict[str, list[PathChange]] = collections.defaultdict(list)
    for change in changes:
        grouped[change.commit].append(change)
    yield from grouped.items()


def blobs(top: Path, commit: str, paths: Sequence[str]) -> dict[str, str]:
    """Return path → blob id of the ``paths`` that exist at ``commit``."""
    if not paths:
        return {}
    listed = git_local.run(top, "ls-tree", "-z", commit, "--", *paths).stdout
    found = {}
    for entry in listed.split("\0"):
        meta, _, path = entry.partition("\t")
        if path and meta.split()[1] == "blob":
            found[path] = meta.split()[2]
    return found
