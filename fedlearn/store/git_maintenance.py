"""Git maintenance of the federation repo (issue 20): ``.git`` grows with the new data, for years.

Every commit rewrites the pattern shards it touches (``docs/data-layout.md``), so what keeps the
repository small is that each new version of a shard is stored as a delta against an old one. Git's
own ``git gc --auto`` packs the loose objects into a new pack of their own once there are more than
``gc.auto`` (6,700), and an on-disk pack can only hold deltas against objects inside it: each such
pack keeps every touched shard whole once; geometric repacking (``git maintenance``) does the same
at each level (bench/README.md, "Git maintenance on a year-old repository").

So publish (after its commit) and pull (after bringing commits in) call ``maintain``: when git's
own thresholds say housekeeping is due (more loose objects than ``gc.auto``, or more packs than
``gc.autoPackLimit``), it runs a full ``git gc`` into one pack (never the incremental variant),
unreachable objects kept in a cruft pack (``--cruft``, git >= 2.37) rather than loose, so they do
not trip the loose-object threshold again. The gc reuses the deltas the pack holds (no ``-f``), so
its delta search covers the new objects and the objects stored whole, not every object: a delta
search anew over everything (``gc --aggressive``, what fedlearn ran before) took minutes at three
months and did not finish in 25 at a year. A reused delta is left out of the search, though, and
the previous version of a touched shard is often one (against another shard), so ``expose`` first
makes the newest packed version of every file a whole object that the gc reads instead: the new
versions find them as bases, and ``.git`` grows as with the search anew. Git's own housekeeping
after a fetch, rebase or merge is off for fedlearn's git commands (``-c maintenance.auto=false``,
``git_local.HARDENING``). ``gc.auto = 0`` in the repository switches it off, as for git's own. Only
the repository's own settings are read; nothing is written to any config.

What the gc holds in memory is bounded by ``BOUNDS`` (git's own settings, passed to the gc as
``-c``; bench/README.md, "The gc's memory"): with git's defaults, pack-objects at a year (1.3
million objects) peaked at 861 MB RSS, 443 MB of it the pack mapped whole while it is copied and
~100 MB its delta caches; bounded, 392 MB, in the same time and to the same pack. What is left
(~225 B an object: git's entry for each object it packs) follows the number of objects, which no
setting bounds. A key the user set in any git config (system, global, the repository's) is left
to that setting. When even that would not fit in the memory available, only the loose objects
are packed (``pack_loose``), and ``.git`` grows faster until a full gc fits.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from pathlib import Path

import attrs

from fedlearn.store import git_local

log = logging.getLogger(__name__)
LOOSE_LIMIT = 6700  # git's default gc.auto
PACK_LIMIT = 50  # git's default gc.autoPackLimit
MIB = 1024 * 1024
PER_OBJECT = 256  # bytes a full gc holds per object within BOUNDS (measured: ~225; ``needed``)
FIXED = 96 * MIB  # ... and besides: the window, the caches, the packs mapped (BOUNDS)
CGROUPS = Path("/sys/fs/cgroup")  # cgroup v2's mount point
# git's bounds on the gc's memory, each unless the user's git config sets the key (``bounds``).
# Not ``core.bigFileThreshold``: a fine-tuning dataset (up to 256 MiB) stored whole at each new
# version would grow ``.git`` by its size; delta-searched, it costs memory as its size, once.
BOUNDS = {
    "pack.threads": "1",  # one delta search (a window and caches each): the new objects only
    "pack.windowMemory": "64m",  # the delta search window (yet at least two objects, any size)
    "pack.deltaCacheSize": "16m",  # deltas kept from the search for writing (git: 256 MiB)
    "core.deltaBaseCacheLimit": "16m",  # inflated delta bases (git: 96 MiB)
    "core.packedGitWindowSize": "8m",  # packs mapped 8 MiB at a time (git: 1 GiB) ...
    "core.packedGitLimit": "32m",  # ... and at most 32 MiB at once (git: 32 GiB)
}
LOOSE_FOLDER = re.compile(r"[0-9a-f]{2}")  # objects/00 .. objects/ff hold the loose objects


@attrs.frozen
class Objects:
    """
    How a repository's objects are stored, as ``git gc --auto`` counts them.

    Attributes:
        loose: loose objects (counted; git estimates from ``objects/17`` times 256).
        packs: packs that a full gc would rewrite (without a ``.keep`` file, not cruft packs).
    """

    loose: int
    packs: int


def count(git_dir: Path) -> Objects:
    """Return how the objects under ``git_dir`` (the common git dir) are stored."""
    objects = git_dir / "objects"
    loose = 0
    with contextlib.suppress(FileNotFoundError), os.scandir(objects) as folders:
        for folder in folders:
            if LOOSE_FOLDER.fullmatch(folder.name) and folder.is_dir(follow_symlinks=False):
                with os.scandir(folder.path) as found:  # names of 38 (SHA-1) or 62 hex digits
                    loose += sum(1 for entry in found if not entry.name.startswith("tmp"))
    try:
        packs = [p for p in (objects / "pack").iterdir() if p.suffix == ".pack"]
    except FileNotFoundError:
        packs = []
    kept = [
        p
        for p in packs
        if not p.with_suffix(".keep").exists() and not p.with_suffix(".mtimes").exists()
    ]
    return Objects(loose=loose, packs=len(kept))


def limits(repo: Path) -> tuple[int, int]:
    """Return the repository's ``gc.auto`` and ``gc.autoPackLimit`` (git's defaults when unset)."""
    found = []
    for key, default in (("gc.auto", LOOSE_LIMIT), ("gc.autoPackLimit", PACK_LIMIT)):
        process = git_local.run(repo, "config", "--type=int", "--get", key, check=False)
        value = process.stdout.strip()
        found.append(int(value) if process.returncode == 0 and value else default)
    return found[0], found[1]


def is_due(stored: Objects, loose_limit: int, pack_limit: int) -> bool:
    """Return whether a gc is due: ``gc.auto`` 0 never; else too many loose objects or packs."""
    if loose_limit <= 0:
        return False
    return stored.loose > loose_limit or (pack_limit > 0 and stored.packs > pack_limit)


def maintain(repo: Path) -> bool:
    """
    Run a full ``git gc`` in ``repo`` when git's thresholds say housekeeping is due; return
    whether it ran. When the gc would need more memory than the machine has available
    (``needed``, ``available``), pack only the loose objects instead (``pack_loose``), and only
    when there are more than ``gc.auto`` of them. A failure is logged, never raised: what the job
    did is done already.
    """
    stored = count(git_local.git_dirs(repo)[1])
    loose_limit, pack_limit = limits(repo)
    if not is_due(stored, loose_limit, pack_limit):
        return False
    need, free = needed(repo), available()
    if free is None or need <= free:
        return collect(repo, stored)
    if stored.loose > loose_limit:
        return pack_loose(repo, stored, need, free)
    log.info(
        "git gc in %s put off: it needs about %d MB, %d MB available",
        repo,
        need // MIB,
        free // MIB,
    )
    return False  # due for the packs alone: one more pack of a few objects would not help


def needed(repo: Path) -> int:
    """
    Return the bytes a full gc of ``repo`` is estimated to hold at its peak within ``BOUNDS``:
    ``PER_OBJECT`` for each object (pack-objects' entry; measured ~225 B) and ``FIXED``.
    """
    process = git_local.run(repo, "count-objects", "-v", check=False)
    fields = dict(line.split(": ", 1) for line in process.stdout.splitlines() if ": " in line)
    objects = sum(int(fields.get(key, "0") or 0) for key in ("count", "in-pack"))
    return objects * PER_OBJECT + FIXED


def available(
    meminfo: Path = Path("/proc/meminfo"),
    own: Path = Path("/proc/self/cgroup"),
    cgroups: Path = CGROUPS,
) -> int | None:
    """
    Return the bytes this process may still take: the kernel's ``MemAvailable``, lowered to what
    its cgroup's ``memory.max`` leaves (cgroup v2, e.g. a systemd ``MemoryMax``; ``own`` names
    the cgroup, under ``cgroups``); None when neither can be read (not Linux).
    """
    found: list[int] = []
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                found.append(int(line.split()[1]) * 1024)
    with contextlib.suppress(OSError, ValueError, StopIteration):
        lines = own.read_text().splitlines()
        group = next(line[3:] for line in lines if line.startswith("0::"))  # the v2 hierarchy
        folder = cgroups / group.lstrip("/")
        limit = (folder / "memory.max").read_text().strip()
        if limit != "max":
            found.append(int(limit) - int((folder / "memory.current").read_text()))
    return min(found) if found else None


def pack_loose(repo: Path, stored: Objects, need: int, free: int) -> bool:
    """
    Pack the loose objects into a pack of their own (``git repack -d``: its memory follows them,
    not the repository) and say why; return whether git succeeded. Such a pack holds every
    touched file whole again, so ``.git`` grows faster (bench/README.md, "The gc's memory")
    until a full gc fits.
    """
    process = git_local.run(repo, *bounds(repo), "repack", "-d", "-q", check=False)
    if process.returncode != 0:
        log.warning("git repack in %s failed: %s", repo, git_local.reason(process))
        return False
    log.warning(
        "git gc in %s put off: it needs about %d MB and %d MB are available; the %d loose objects"
        " were packed on their own, which grows .git faster until a full gc fits (free memory,"
        " or run git gc there by hand)",
        repo,
        need // MIB,
        free // MIB,
        stored.loose,
    )
    return True


def collect(repo: Path, stored: Objects) -> bool:
    """
    Run the full gc (one pack, deltas reused, a cruft pack), the newest packed version of each
    file first exposed whole (``expose``); return whether git succeeded.
    """
    start = time.monotonic()
    git_dir = git_local.git_dirs(repo)[1]
    exposed = expose(repo, git_dir)
    process = git_local.run(
        repo,
        *bounds(repo),
        "-c",
        "core.multiPackIndex=true",
        "gc",
        "--quiet",
        "--cruft",
        check=False,
    )
    if process.returncode != 0:
        log.warning("git gc in %s failed: %s", repo, git_local.reason(process))
        return False
    log.info(
        "git gc: packed %d loose objects and %d packs into one (%d files' newest packed versions"
        " searched again) in %.1f s",
        stored.loose,
        stored.packs,
        exposed,
        time.monotonic() - start,
    )
    return True


def bounds(repo: Path) -> tuple[str, ...]:
    """Return ``-c KEY=VALUE`` for each of ``BOUNDS`` that no git config of ``repo``'s sets."""
    names = "|".join(re.escape(key.lower()) for key in BOUNDS)  # git lowercases the names
    found = git_local.run(
        repo, "config", "--name-only", "--get-regexp", f"^({names})$", check=False
    )
    chosen = {name.lower() for name in found.stdout.split()}
    return tuple(
        word
        for key, value in BOUNDS.items()
        if key.lower() not in chosen
        for word in ("-c", f"{key}={value}")
    )


def last_packed(repo: Path, git_dir: Path) -> str | None:
    """
    Return the newest commit on HEAD's first-parent line that is not a loose object (the tip as
    of the last gc, when what came since came as loose objects), or None.
    """
    process = git_local.run(repo, "rev-list", "--first-parent", "HEAD", check=False)
    if process.returncode != 0:
        return None
    objects = git_dir / "objects"
    for commit in process.stdout.split():
        if not (objects / commit[:2] / commit[2:]).exists():
            return commit
    return None


def expose(repo: Path, git_dir: Path) -> int:
    """
    Write the trees and blobs of ``last_packed``'s tree once more, whole, into a pack of their own
    that a multi-pack index makes the copy git's repack reads; return how many (0: none).

    A repack that reuses deltas leaves every object it reuses as a delta out of its delta search,
    and the previous version of a touched file is often such a delta (against another file): the
    new version would then find no base and be stored almost whole. Exposed whole, the previous
    versions are searched with the new objects, as a delta search anew over everything would (but
    only they are). Only copies are added: a crash leaves an extra pack of objects the repository
    holds anyway (the next gc drops it) and at worst a multi-pack index of existing packs; a git
    that ignored the index would only reuse the deltas as a plain gc does.
    """
    base = last_packed(repo, git_dir)
    if base is None:
        return 0
    listed = git_local.run(repo, "ls-tree", "-r", "-t", base, check=False)
    root = git_local.run(repo, "rev-parse", "--verify", "-q", f"{base}^{{tree}}", check=False)
    if listed.returncode != 0 or root.returncode != 0:
        return 0
    names = [root.stdout.strip()]
    for line in listed.stdout.splitlines():
        kind_and_name = line.split("\t", 1)[0].split()
        if len(kind_and_name) == 3 and kind_and_name[1] in ("blob", "tree"):
            names.append(kind_and_name[2])
    packed = git_local.run(
        repo,
        "pack-objects",
        "-q",
        "--window=0",
        "--no-reuse-delta",
        str(git_dir / "objects" / "pack" / "pack"),
        stdin="\n".join(names) + "\n",
        check=False,
    )
    name = packed.stdout.strip()
    if packed.returncode != 0 or not name:
        log.warning("git pack-objects in %s failed: %s", repo, git_local.reason(packed))
        return 0
    index = git_local.run(
        repo, "multi-pack-index", "write", f"--preferred-pack=pack-{name}.pack", check=False
    )
    if index.returncode != 0:
        log.warning("git multi-pack-index in %s failed: %s", repo, git_local.reason(index))
        return 0
    return len(names)
