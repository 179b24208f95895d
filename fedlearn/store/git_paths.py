"""Tree entries git refuses to check out, found before a fetched commit is brought in (issue 15).

A peer can push a tree holding ``data/.git``, ``data/..``, ``git~1`` or a symlinked
``.gitmodules`` (``git mktree`` builds it, a plain bare remote takes it). Git refuses to check such
a tree out ("invalid path"), so every fast-forward, rebase and merge onto it fails, on every node,
for good. ``refused`` applies the rules of git's own ``verify_path`` (read-cache.c) with
``core.protectNTFS`` and ``core.protectHFS`` both on (git's defaults on Linux and macOS
respectively), plus a backslash anywhere in a name (git for Windows refuses it), to the entries a
commit brought since the common base; ``without`` rebuilds a tree without them, with ``mktree``
only: nothing is ever checked out or read into an index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import attrs

from fedlearn.store import git_local

SYMLINK = "120000"
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
    """

    path: str
    raw: str
    commit: str


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


def entries(repo: Path, base: str | None, tip: str) -> Iterable[tuple[str, str]]:
    """
    Yield (mode, path) of every entry ``tip`` added or changed since ``base`` (trees too), or of
    every entry of ``tip`` when there is no base.
    """
    if base is None:
        listing = git_local.run(repo, "ls-tree", "-r", "-t", "-z", "--full-tree", tip).stdout
        for item in listing.split("\0"):
            if item:
                meta, _, path = item.partition("\t")
                yield meta.split(" ")[0], path
        return
    args = ("diff-tree", "-r", "-t", "-z", "--no-renames", "--no-commit-id", base, tip)
    fields = git_local.run(repo, *args).stdout.split("\0")
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        parts = meta.lstrip(":").split(" ")
        if len(parts) == 5 and parts[4] != "D":
            yield parts[1], path


def find(repo: Path, current: str | None, tip: str, since: str | None = None) -> list[Unsafe]:
    """
    Return the entries git would refuse that ``tip`` holds and ``current`` does not (outermost
    only: a refused folder stands for all under it), each with the commit that added it, looked
    for after ``since`` first, then in all of ``tip``'s history.

    ``current`` is the checked-out commit (None: check all of ``tip``): it holds no such entry,
    so comparing with it finds them all, even one a commit before the common base added (a
    repair of this node's not pushed yet, and the peer's next commit keeping the entry).
    """
    found: set[str] = set()
    for mode, path in entries(repo, current, tip):
        bad = refused_path(path, mode)
        if bad is not None:
            found.add(bad)
    # A refused folder stands for what is under it (its own refused names included).
    found = {path for path in found if not any(p in found for p in prefixes(path))}
    if not found:
        return []
    added = adders(repo, since, tip, found)
    if since is not None and len(added) < len(found):
        added = adders(repo, None, tip, found - set(added)) | added
    return [Unsafe(git_local.printable(p), p, added.get(p, tip)) for p in sorted(found)]


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
