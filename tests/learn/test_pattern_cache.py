"""The pattern file cache: unchanged files are not read again, and the merged view stays the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fedlearn.formats import layout, records
from fedlearn.formats.records import Pattern
from fedlearn.learn import merge, pattern_cache, patterns
from fedlearn.store import git_held
from tests.conftest import git, init_repo

CATEGORY = "best-practices"


def made(node: str, count: int, score: float = 0.8) -> list[Pattern]:
    """Return ``count`` patterns of ``node``."""
    return [
        patterns.build(CATEGORY, {"title": f"t{n}"}, score, "2026-01-01T00:00:00Z", node)
        for n in range(count)
    ]


def write_shards(repo: Path, node: str, items: list[Pattern]) -> None:
    """Write ``node``'s patterns in shards, each file replaced (a new inode, as git does)."""
    by_shard: dict[str, list[Pattern]] = {}
    for item in items:
        by_shard.setdefault(layout.shard_name(item.id), []).append(item)
    for shard, found in by_shard.items():
        path = layout.shard_file(repo, CATEGORY, node, shard)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_bytes(patterns.encode(patterns.join_all(found)))
        temp.replace(path)


def counting(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Count the files merged_view opens through the cache."""
    opened: list[Path] = []
    real = patterns.read_whole

    def read_whole(path: Path, **limits: Any) -> tuple[list[Pattern], bool]:
        opened.append(path)
        return real(path, **limits)

    monkeypatch.setattr(patterns, "read_whole", read_whole)
    return opened


def view(repo: Path, folder: Path) -> dict[str, Pattern]:
    """Return the merged view of CATEGORY read through a cache in ``folder``, and save it."""
    cache = pattern_cache.Cache(folder, racy=0)
    found = merge.merged_view(repo, [CATEGORY], cache=cache)[CATEGORY]
    cache.save()
    return found


def test_unchanged_files_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second read opens only the files that changed, and gives the view a plain read gives."""
    repo, folder = tmp_path / "repo", tmp_path / "cache"
    for node in ("alpha", "beta", "gamma"):
        write_shards(repo, node, made(node, 30))
    opened = counting(monkeypatch)
    first = view(repo, folder)
    assert len(opened) == len(layout.pattern_files(repo, CATEGORY))
    assert first == merge.merged_view(repo, [CATEGORY])[CATEGORY]
    opened.clear()
    assert view(repo, folder) == first
    assert opened == []
    changed = made("beta", 2, score=0.95)
    touched = {layout.shard_name(p.id) for p in changed}
    rest = [p for p in made("beta", 30)[2:] if layout.shard_name(p.id) in touched]
    write_shards(repo, "beta", [*rest, *changed])  # only the shards of beta they fall in
    opened.clear()
    again = view(repo, folder)
    assert sorted(opened) == sorted(
        {layout.shard_file(repo, CATEGORY, "beta", layout.shard_name(p.id)) for p in changed}
    )
    assert again == merge.merged_view(repo, [CATEGORY])[CATEGORY]
    assert again[changed[0].id].value_score == 0.95


def test_a_removed_file_leaves_the_view_and_the_cache(tmp_path: Path) -> None:
    """A node's file gone: its records leave the view; its entry is dropped from the cache."""
    repo, folder = tmp_path / "repo", tmp_path / "cache"
    write_shards(repo, "alpha", made("alpha", 1))
    write_shards(repo, "beta", made("beta", 1, score=0.9))
    assert view(repo, folder)[made("alpha", 1)[0].id].seen == {"alpha": 1, "beta": 1}
    path = layout.shard_file(repo, CATEGORY, "beta", layout.shard_name(made("beta", 1)[0].id))
    path.unlink()
    assert view(repo, folder)[made("alpha", 1)[0].id].seen == {"alpha": 1}
    group = pattern_cache.Cache(folder).load((CATEGORY, layout.shard_of(path) or ""))
    assert list(group) == [path.relative_to(repo).as_posix().replace("beta", "alpha")]


def test_a_file_with_a_refused_line_or_just_written_is_read_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A refused line (a future date is accepted once its day comes) or a file changed within the
    timestamp granularity (``RACY``) is never cached.
    """
    repo, folder = tmp_path / "repo", tmp_path / "cache"
    good = made("alpha", 1)[0]
    path = layout.shard_file(repo, CATEGORY, "alpha", layout.shard_name(good.id))
    path.parent.mkdir(parents=True)
    path.write_bytes(records.encode_line(good) + b"{not json\n")
    opened = counting(monkeypatch)
    for _ in range(2):
        assert view(repo, folder) == {good.id: good}
    assert len(opened) == 2
    path.write_bytes(records.encode_line(good))
    opened.clear()
    for _ in range(2):
        cache = pattern_cache.Cache(folder)  # racy: the file was written just now
        merge.merged_view(repo, [CATEGORY], cache=cache)
        cache.save()
    assert len(opened) == 2


def test_a_corrupt_cache_is_read_past(tmp_path: Path) -> None:
    """A cache file that does not decode only costs a re-read."""
    repo, folder = tmp_path / "repo", tmp_path / "cache"
    items = made("alpha", 3)
    write_shards(repo, "alpha", items)
    first = view(repo, folder)
    for path in folder.rglob("*.msgpack"):
        path.write_bytes(b"\xc1garbage")
    assert view(repo, folder) == first


def test_a_held_file_is_read_as_accepted_not_from_the_cache(tmp_path: Path) -> None:
    """Under ``[trust]``, a file held after the cache read it reads as its last accepted content."""
    repo = init_repo(tmp_path / "repo")
    accepted, forged = made("alpha", 1, score=0.5)[0], made("alpha", 1, score=0.9)[0]
    path = layout.shard_file(repo, CATEGORY, "alpha", layout.shard_name(accepted.id))
    path.parent.mkdir(parents=True)
    path.write_bytes(records.encode_line(accepted))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "accepted")
    name = path.relative_to(repo).as_posix()
    blob = git(repo, "rev-parse", f"HEAD:{name}").strip()
    path.write_bytes(records.encode_line(forged))
    assert view(repo, tmp_path / "cache")[forged.id].value_score == 0.9  # cached
    held = git_held.Held(path=name, blob=blob, commit="0" * 40, reason="unsigned")
    git_held.save(repo, git_held.View(screened="", held={name: held}))
    assert view(repo, tmp_path / "cache")[accepted.id].value_score == 0.5
