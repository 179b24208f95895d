"""Tree entries git refuses to check out, found before a fetched commit is brought in (issue 15).

A peer can push a tree holding ``data/.git``, ``data/..``, ``git~1`` or a symlinked
``.gitmodules`` (``git mktree`` builds it, a plain bare remote takes it). Git refuses to check such
a tree out ("invalid path"), so every fast-forward, rebase and merge onto it fails, on every node,
for good. ``refused`` applies the rules of git's own ``verify_path`` (read-cache.c) with
``core.protectNTFS`` and ``core.protectHFS`` both on (git's defaults on Linux and macOS
respectively), plus a backslash anywhere in a name (git for Windows refuses it), to the entries a
commit brought since the common base; ``without`` rebuilds a tree without them, with ``mktree``
only: nothing is ever checked out or read into an index.

A file under data/ larger than fedlearn ever reads there (``peer_files.largest_read``: its kind's
size cap) is left out the same way (``Sizes``): it would never be read, yet git would write it into
every clone (a 2 GiB file of NULs is 2 MB in git). This node's own files are never left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.store import git_local, peer_files

SYMLINK = "120000"
FILES = ("100644", "100755")  # blob modes whose size is checked (a symlink's blob is its target)
REFUSED = "a tree entry git refuses to check out"
TOO_LONG = "a name longer than file systems take"
# Bytes in one name (NAME_MAX of ext4, XFS, btrfs, tmpfs), and in a path under the work tree: far
# past anything fedlearn writes (under 200), and short enough for any clone's own folder to stay
# under PATH_MAX (4,096). The same everywhere, so every node drops the same entries.
LONGEST_NAME = 255
LONGEST_PATH = 1024
NAMED = 10  # entries named in a warning each per repair; the rest are counted in one line
TREE = "040000"
# ``.git`` or its NTFS short name, then dots and spaces, then the end, a backslash or an NTFS
# alternate stream (``:``): git's is_ntfs_dotgit.
NTFS_DOTGIT = re.compile(r"(?:\.git|git~1)[. ]*(?:$|[\\:])", re.IGNORECASE)
# ``.gitmodules``, its short names ``gitmod~1``..``~4`` and the fall-back short names
# (``gi7eba~N``): git's is_ntfs_dotgitmodules, refused for symlinks only.
NTFS_DOTGITMODULES = re.compile(
    r"(?:\.gitmodules|gitmod~[1-4]|"
    + "|".join(f"{'gi7eba'[:k]}~[1-9][0-9]{{{6 - k}}}" for k in range(7))
    + r")[. ]*(?:$|:)",
    re.IGNORECASE,
)
# Code points HFS+ ignores in names (git's next_hfs_char): ``.g\u200cit`` is ``.git`` there.
HFS_IGNORED = dict.fromkeys(
    [0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x206A, 0x2070), 0xFEFF]
)


@attrs.frozen
class Unsafe:
    """
    A tree entry git refuses to check out.

    Attributes:
        path: its path from the top of the repository (bytes that are not UTF-8 as ``\\xff``).
        raw: the same path as git gave it (for ``without``).
        commit: the commit (of those brought in) that added it; the tip when not found.
        reason: why it is left out: git refuses it (``REFUSED``), or its size.
    """

    path: str
    raw: str
    commit: str
    reason: str = REFUSED


@attrs.frozen
class Sizes:
    """
    The size caps of files under data/ (``peer_files.largest_read``), for ``find``.

    Attributes:
        data: the data folder's path from the top of the repository (``data``).
        node: this node: its own files are never left out, whatever their size.
    """

    data: str
    node: str

    def cap(self, path: str) -> int | None:
        """Return the largest size fedlearn reads at ``path`` (from the top), None: no cap."""
        inside = path.removeprefix(f"{self.data}/")
        if inside == path or layout.owner(inside) == self.node:
            return None
        return peer_files.largest_read(inside)


def sizes(cfg: config.Config, top: Path) -> Sizes:
    """Return the size caps of files under ``cfg``'s data/ in the repository at ``top``."""
    data = layout.data_dir(cfg.repo_path.resolve()).relative_to(top.resolve())
    return Sizes(data.as_posix(), cfg.node_id)


def refused_name(name: str, mode: str) -> bool:
    """
    Return whether git refuses a tree entry named ``name`` (one path component) of ``mode``.

    The rules of git's ``verify_path``/``verify_dotfile`` with NTFS and HFS protection on: empty,
    ``.``, ``..``, ``.git`` in any case, its NTFS spellings (``.git.``, ``.git ``, ``git~1``,
    ``.git::$INDEX_ALLOCATION``), its HFS spellings (with ignorable code points), a backslash
    (git for Windows), and for a symlink ``.gitmodules`` in any of those spellings.
    """
    if name in ("", ".", "..") or "\\" in name or name.lower() == ".git":
        return True
    if NTFS_DOTGIT.match(name):
        return True
    hfs = name.translate(HFS_IGNORED)
    if hfs.isascii() and hfs.lower() == ".git":
        return True
    if mode == SYMLINK:
        if NTFS_DOTGITMODULES.match(name):
            return True
        if hfs.isascii() and hfs.lower() == ".gitmodules":
            return True
    return False


def refused_path(path: str, mode: str) -> str | None:
    """Return the first prefix of ``path`` that ends in a refused component, or None when none."""
    parts = path.split("/")
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if refused_name(part, mode if last else TREE):
            return "/".join(parts[: index + 1])
    return None


def too_long(path: str) -> str | None:
    """
    Return the first prefix of ``path`` no file system can hold (a name over ``LONGEST_NAME``
    bytes, or the prefix past ``LONGEST_PATH``), or None. Git stores such a name, but checking it
    out fails ("File name too long") and, like a refused entry, stops every rebase for good.
    """
    parts = path.split("/")
    length = -1
    for index, part in enumerate(parts):
        size = len(part.encode("utf-8", "surrogateescape"))
        length += 1 + size
        if size > LONGEST_NAME or length > LONGEST_PATH:
            return "/".join(parts[: index + 1])
    return None


def entries(repo: Path, base: str | None, tip: str) -> Iterable[tuple[str, str, str]]:
    """
    Yield (mode, object, path) of every entry ``tip`` added or changed since ``base`` (trees
    too), or of every entry of ``tip`` when there is no base.
    """
    if base is None:
        listing = git_local.run(repo, "ls-tree", "-r", "-t", "-z", "--full-tree", tip).stdout
        for item in listing.split("\0"):
            if item:
                meta, _, path = item.partition("\t")
                mode, _, obj = meta.split(" ")
                yield mode, obj, path
        return
    args = ("diff-tree", "-r", "-t", "-z", "--no-renames", "--no-commit-id", base, tip)
    fields = git_local.run(repo, *args).stdout.split("\0")
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        parts = meta.lstrip(":").split(" ")
        if len(parts) == 5 and parts[4] != "D":
            yield parts[1], parts[3], path


def find(
    repo: Path,
    current: str | None,
    tip: str,
    since: str | None = None,
    sizes: Sizes | None = None,
) -> list[Unsafe]:
    """
    Return the entries git would refuse that ``tip`` holds and ``current`` does not (outermost
    only: a refused folder stands for all under it), and with ``sizes`` the files over their cap
    there, each with the commit that added it, looked for after ``since`` first, then in all of
    ``tip``'s history.

    ``current`` is the checked-out commit (None: check all of ``tip``): it holds no such entry,
    so comparing with it finds them all, even one a commit before the common base added (a
    repair of this node's not pushed yet, and the peer's next commit keeping the entry).
    """
    found: set[str] = set()
    lengthy: set[str] = set()
    capped: dict[str, tuple[str, int]] = {}  # path -> (its blob, its cap)
    for mode, obj, path in entries(repo, current, tip):
        bad = refused_path(path, mode)
        long = too_long(path)
        if bad is not None:
            found.add(bad)
        elif long is not None:
            found.add(long)
            lengthy.add(long)
        elif sizes is not None and mode in FILES and (cap := sizes.cap(path)) is not None:
            capped[path] = (obj, cap)
    # A refused folder stands for what is under it (its own refused names included).
    found = {path for path in found if not any(p in found for p in prefixes(path))}
    reasons = {path: TOO_LONG if path in lengthy else REFUSED for path in found}
    for path, reason in oversized(repo, capped).items():
        if not any(p in found for p in prefixes(path)):
            reasons[path] = reason
    if not reasons:
        return []
    added = adders(repo, since, tip, set(reasons))
    if since is not None and len(added) < len(reasons):
        added = adders(repo, None, tip, set(reasons) - set(added)) | added
    return [
        Unsafe(git_local.printable(p), p, added.get(p, tip), reasons[p]) for p in sorted(reasons)
    ]


def oversized(repo: Path, capped: dict[str, tuple[str, int]]) -> dict[str, str]:
    """
    Return, of ``capped`` (path -> its blob and cap), the paths whose blob is larger than the
    cap, each with the reason; one ``cat-file --batch-check`` reads every size (headers only).
    """
    if not capped:
        return {}
    listing = "".join(f"{obj}\n" for obj, _ in capped.values())
    answer = git_local.run(repo, "cat-file", "--batch-check=%(objectsize)", stdin=listing)
    found = {}
    for (path, (_, cap)), line in zip(capped.items(), answer.stdout.splitlines(), strict=False):
        if line.isdigit() and int(line) > cap:
            found[path] = f"a file of {line} bytes, over the {cap} bytes fedlearn reads there"
    return found


def prefixes(path: str) -> list[str]:
    """Return the folders ``path`` is in, outermost first (``a/b/c``: ``a``, ``a/b``)."""
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def adders(repo: Path, base: str | None, tip: str, paths: set[str]) -> dict[str, str]:
    """Return, of ``paths``, the commit between ``base`` and ``tip`` that first added each."""
    span = f"{base}..{tip}" if base else tip
    args = ("log", "--reverse", "--format=%x01%H", "--raw", "-r", "-t", "-z", "--no-renames")
    output = git_local.run(repo, *args, "--no-abbrev", span, check=False).stdout
    added: dict[str, str] = {}
    for chunk in output.split("\x01")[1:]:
        commit, *fields = chunk.split("\0")
        for meta, path in zip(fields[0::2], fields[1::2], strict=False):
            if path in paths and path not in added and not meta.endswith(" D"):
                added[path] = commit.strip()
    return added


def without(repo: Path, tree: str, paths: Iterable[str]) -> str:
    """
    Return (write) ``tree`` with the entries at ``paths`` removed, built with ``mktree`` only (a
    folder left empty is removed too).
    """
    return rebuild(repo, tree, [path.split("/") for path in paths]) or empty_tree(repo)


def rebuild(repo: Path, tree: str, drops: list[list[str]]) -> str | None:
    """Return ``tree`` without the entries at the component lists ``drops``; None when left empty."""
    gone = {parts[0] for parts in drops if len(parts) == 1}
    below: dict[str, list[list[str]]] = {}
    for parts in drops:
        if len(parts) > 1:
            below.setdefault(parts[0], []).append(parts[1:])
    kept = []
    listing = git_local.run(repo, "ls-tree", "-z", "--full-tree", tree).stdout
    for item in listing.split("\0"):
        if not item:
            continue
        meta, _, name = item.partition("\t")
        if name in gone:
            continue
        if name in below and meta.split(" ")[1] == "tree":
            inner = rebuild(repo, meta.split(" ")[2], below[name])
            if inner is None:
                continue
            meta = f"{TREE} tree {inner}"
        kept.append(f"{meta}\t{name}")
    if not kept:
        return None
    made = git_local.run(repo, "mktree", "-z", "--missing", stdin="".join(f"{k}\0" for k in kept))
    return made.stdout.strip()


def empty_tree(repo: Path) -> str:
    """Return (write) the empty tree."""
    return git_local.run(repo, "mktree", stdin="").stdout.strip()
