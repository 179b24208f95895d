"""Git maintenance on real repositories: a full gc when git's thresholds say one is due."""

from __future__ import annotations

import random
from pathlib import Path

from fedlearn.store import git_maintenance
from tests.conftest import git, init_repo


def shard(seed: int, lines: int = 1500) -> str:
    """Return a shard-like file: lines of random words (compresses about like real records)."""
    rng = random.Random(seed)
    return "".join(
        " ".join(f"w{rng.randrange(100_000)}" for _ in range(12)) + "\n" for _ in range(lines)
    )


def pack_bytes(repo: Path) -> int:
    """Return the size of every pack and loose object in ``repo``."""
    objects = repo / ".git" / "objects"
    return sum(
        p.stat().st_size for p in objects.rglob("*") if p.is_file() and "info" not in p.parts
    )


def commit(repo: Path, text: str, message: str) -> None:
    """Commit ``text`` as data.jsonl."""
    (repo / "data.jsonl").write_text(text)
    git(repo, "add", "data.jsonl")
    git(repo, "commit", "-q", "-m", message)


def test_is_due_follows_gits_thresholds() -> None:
    """More loose objects than gc.auto, or more packs than gc.autoPackLimit; gc.auto 0: never."""
    objects = git_maintenance.Objects
    assert not git_maintenance.is_due(objects(loose=6700, packs=50), 6700, 50)
    assert git_maintenance.is_due(objects(loose=6701, packs=1), 6700, 50)
    assert git_maintenance.is_due(objects(loose=0, packs=51), 6700, 50)
    assert not git_maintenance.is_due(objects(loose=0, packs=51), 6700, 0)
    assert not git_maintenance.is_due(objects(loose=10**6, packs=99), 0, 50)


def test_not_due_does_nothing(tmp_path: Path) -> None:
    """Below the thresholds the loose objects stay loose."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "one\n", "one")
    assert not git_maintenance.maintain(repo)
    assert not list((repo / ".git" / "objects" / "pack").glob("*.pack"))


def test_a_new_version_is_packed_as_a_delta_of_the_old_packs(tmp_path: Path) -> None:
    """
    Due, the new version of a file already packed becomes a delta against it: one pack, and the
    repository grows by far less than a whole copy (git's own ``gc --auto`` packs the loose
    objects alone and stores the new version whole).
    """
    repo = init_repo(tmp_path / "repo")
    text = shard(1)
    commit(repo, text, "old")
    git(repo, "repack", "-a", "-d", "-q")
    one_version = pack_bytes(repo)
    for number in range(3):  # each commit adds a few lines to the file, as a sync does
        text += shard(100 + number, lines=5)
        commit(repo, text, f"new {number}")
    git(repo, "config", "gc.auto", "1")  # due at once (and git's own gc --auto would run too)
    assert git_maintenance.maintain(repo)
    packs = list((repo / ".git" / "objects" / "pack").glob("*.pack"))
    assert len(packs) == 1
    assert git_maintenance.count(repo / ".git").loose == 0
    assert pack_bytes(repo) - one_version < one_version / 4


def test_gc_auto_zero_switches_it_off(tmp_path: Path) -> None:
    """``gc.auto = 0`` in the repository: nothing runs, whatever is loose."""
    repo = init_repo(tmp_path / "repo")
    for number in range(3):
        commit(repo, shard(number, lines=3), str(number))
    git(repo, "config", "gc.auto", "0")
    git(repo, "config", "gc.autoPackLimit", "0")
    assert not git_maintenance.maintain(repo)
    assert not list((repo / ".git" / "objects" / "pack").glob("*.pack"))
