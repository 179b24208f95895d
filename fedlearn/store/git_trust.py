"""Identity of nodes (issue 15, item 3): signed commits, and a node's files changed only by its key.

Opt-in with ``[trust]``. Publish signs its commits with this node's SSH key (git's ``gpg.format =
ssh``). After pull or publish brings commits in, ``screen`` walks them and holds every path under
data/ whose change is not signed by the node the path belongs to (``layout.owner``). A held path
reads as its last accepted content (``read``), never as the unsigned change. Nothing is committed
for it: the clone stays the remote's, and each node decides from its own allowed-signers file, so a
node with a stale file never reverts a peer's real change for everyone.
"""

from __future__ import annotations

import collections
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.store import atomic, git_history, git_local, git_objects

log = logging.getLogger(__name__)
# In the git dir, beside the objects the held content lives in: it belongs to this clone.
HELD_FILE = "fedlearn-trust.json"
GOOD = "G"  # git's %G? for a good signature by a key the allowed-signers file names
RECHECKED = 20  # commits per screen whose bad or uncheckable signature is checked once more
WARNED_PATHS = 5  # paths named in one commit's warning


class Held(msgspec.Struct, frozen=True, kw_only=True):
    """
    A path under data/ whose current content is not accepted: readers see ``blob`` instead.

    Attributes:
        path: the path relative to the repo's top level.
        blob: the object id of the last accepted content; "" when it was absent (a forged file).
        commit: the first commit whose change to the path was refused.
        reason: why, e.g. ``unsigned`` or ``signed by node-c, not node-a``.
    """

    path: str
    blob: str
    commit: str
    reason: str


class View(msgspec.Struct, kw_only=True):
    """
    What ``screen`` decided so far in one clone.

    Attributes:
        screened: the commit the last screen walked up to (HEAD then).
        held: the held paths by path.
    """

    screened: str = ""
    held: dict[str, Held] = msgspec.field(default_factory=dict)


@attrs.frozen
class Change:
    """One commit's change to one path under data/ (``git log --raw``)."""

    commit: str
    verdict: str
    signer: str
    path: str
    blob: str


ENCODER = msgspec.json.Encoder(order="sorted")
DECODER = msgspec.json.Decoder(View)
_views: dict[Path, tuple[int, View]] = {}
_tops: dict[Path, Path | None] = {}


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


def held_file(top: Path) -> Path:
    """Return the file the held paths of the clone at ``top`` are kept in."""
    return git_local.git_path(top, HELD_FILE)


def load(top: Path) -> View:
    """Return the clone's view (empty when none was saved, or it is unreadable)."""
    try:
        return DECODER.decode(held_file(top).read_bytes())
    except FileNotFoundError:
        return View()
    except msgspec.DecodeError as error:
        log.warning("%s: unreadable (%s); starting from no held paths", held_file(top), error)
        return View()


def screen(
    top: Path, data: str, node: str, settings: config.Trust, since: str | None
) -> list[Held]:
    """
    Hold the paths under ``data`` (relative to ``top``) that commits since the last screen changed
    without their owner's signature; release those their owner has since signed. Return the paths
    newly held. ``since`` is where to start when no screen ran in this clone yet (the HEAD before
    the remote came in): what the clone held before trust was turned on is trusted.
    """
    if not is_on(settings):
        held_file(top).unlink(missing_ok=True)  # trust turned off: nothing stays held
        return []
    view, head = load(top), git_local.head(top)
    start = view.screened if view.screened and git_history.resolve(top, view.screened) else since
    if head is None or start is None or start == head:
        save(top, View(screened=head or "", held=view.held))
        return []
    accepted = {path: held.blob for path, held in view.held.items()}
    refused: dict[str, Held] = {}
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
            held[path] = Held(path=path, blob=blob, commit=first.commit, reason=first.reason)
    save(top, View(screened=head, held=held))
    return [held[path] for path in sorted(refused) if path in held]


def judge(
    commit: str,
    found: list[Change],
    data: str,
    accepted: dict[str, str],
    refused: dict[str, Held],
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
            change.path, Held(path=change.path, blob="", commit=commit, reason=reason)
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


def walk(top: Path, settings: config.Trust, start: str, head: str, data: str) -> Iterator[Change]:
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
                yield Change(commit, verdict, signer, path, "" if set(new) == {"0"} else new)


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


def group(changes: Sequence[Change]) -> Iterator[tuple[str, list[Change]]]:
    """Yield (commit, its changes) in the order the commits come."""
    grouped: dict[str, list[Change]] = collections.defaultdict(list)
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


def save(top: Path, view: View) -> None:
    """Write the clone's view and make it the one readers in this process see."""
    path = held_file(top)
    atomic.write(path, ENCODER.encode(view))
    _views[path] = (path.stat().st_mtime_ns, view)


def view_of(folder: Path) -> tuple[Path, View] | None:
    """Return the top level and the saved view of the clone holding ``folder`` (None: no clone)."""
    top = top_of(folder.absolute())
    if top is None:
        return None
    file = held_file_of(top)
    try:
        stamp = file.stat().st_mtime_ns
    except (FileNotFoundError, NotADirectoryError):
        return None
    cached = _views.get(file)
    if cached is None or cached[0] != stamp:
        cached = (stamp, load(top))
        _views[file] = cached
    return top, cached[1]


def hold_of(path: Path) -> tuple[Path, Held] | None:
    """Return the top level and the hold on ``path`` (a file under a clone), or None when not held."""
    found = view_of(path.parent)
    if found is None:
        return None
    top, view = found
    held = view.held.get(path.absolute().relative_to(top).as_posix())
    return (top, held) if held is not None else None


def open_held(top: Path, held: Held) -> int | None:
    """
    Return a read-only descriptor of a held path's last accepted content (an in-memory regular
    file), or None when it was absent: what a checked reader hands on instead of the file.
    """
    content = git_objects.blob(top, held.blob) if held.blob else None
    if content is None:
        return None
    fd = os.memfd_create("fedlearn-held", os.MFD_CLOEXEC)
    os.write(fd, content)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def listed(
    folder: Path, paths: Sequence[Path], suffix: str = ".jsonl", *, nested: bool = True
) -> list[Path]:
    """
    Return the files ``paths`` found under ``folder`` as this node accepts them, sorted: a held
    file whose accepted state is absent (a forged new file) is left out, and one a forged commit
    deleted (named ``*suffix``) is put back, so ``read`` gives its last accepted content.
    """
    found = view_of(folder)
    if found is None or not found[1].held:
        return sorted(paths)
    top, view = found
    prefix = folder.absolute().relative_to(top).as_posix() + "/"
    kept = {path.absolute(): path for path in paths}
    for name, held in view.held.items():
        inside = name.removeprefix(prefix)
        if name.startswith(prefix) and name.endswith(suffix) and (nested or "/" not in inside):
            if held.blob:
                kept.setdefault(top / name, folder / inside)
            else:
                kept.pop(top / name, None)
    return sorted(kept.values())


def read(path: Path) -> bytes:
    """
    Return the content of ``path`` (a file under data/) as this node accepts it: the file's bytes,
    or a held path's last accepted content. Raise FileNotFoundError when there is none.
    """
    found = hold_of(path)
    if found is None:
        return path.read_bytes()
    top, held = found
    content = git_objects.blob(top, held.blob) if held.blob else None
    if content is None:
        raise FileNotFoundError(f"{path}: held, no accepted content")
    return content


def top_of(folder: Path) -> Path | None:
    """Return the top level of the work tree holding ``folder`` (found by ``.git``, cached)."""
    if folder not in _tops:
        # A folder's top is its own when it holds .git, else its parent's (looked up once per
        # folder, so a thousand node folders of one clone cost a check each, not a walk each).
        is_top = os.path.lexists(folder / ".git")
        parent = folder.parent
        _tops[folder] = folder if is_top else None if parent == folder else top_of(parent)
    return _tops[folder]


def held_file_of(top: Path) -> Path:
    """Return the held file of the clone at ``top`` without running git (``.git`` dir or file)."""
    dot_git = top / ".git"
    if dot_git.is_file():
        named = dot_git.read_text(encoding="utf-8").strip().removeprefix("gitdir:").strip()
        return (top / named).resolve() / HELD_FILE
    return dot_git / HELD_FILE
