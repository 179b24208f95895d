"""The checked reader of data/: symlinks, odd types and names, size caps, deep JSON, bad-line summaries."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fedlearn.store import peer_files, refusal_log


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Every test starts with no refusals recorded."""
    peer_files.forget()
    yield
    peer_files.forget()


def make(repo: Path, relative: str, data: bytes = b"{}\n") -> Path:
    """Write a file under ``repo``; return its path."""
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reasons(repo: Path) -> dict[str, str]:
    """Return the refusals recorded so far: path → reason."""
    return {r.path: r.reason for r in refusal_log.refusals()}


def test_read_returns_a_regular_file_and_none_for_a_missing_one(tmp_path: Path) -> None:
    """A regular file is read whole; a missing one is None and no refusal."""
    path = make(tmp_path, "data/telemetry/a.jsonl", b"x\n")
    assert peer_files.read(tmp_path, path, "telemetry") == b"x\n"
    assert peer_files.read(tmp_path, tmp_path / "data/telemetry/b.jsonl", "telemetry") is None
    assert refusal_log.refusals() == []


def test_read_never_follows_a_symlink_to_a_file_or_through_a_folder(tmp_path: Path) -> None:
    """A symlinked file and a file under a symlinked folder are refused, never read."""
    outside = make(tmp_path, "outside/secret.jsonl", b"secret\n")
    link = tmp_path / "data/telemetry/a.jsonl"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    (tmp_path / "data/fine-tuning").mkdir()
    (tmp_path / "data/fine-tuning/a").symlink_to(outside.parent)
    assert peer_files.read(tmp_path, link, "telemetry") is None
    inner = tmp_path / "data/fine-tuning/a/secret.jsonl"
    assert peer_files.read(tmp_path, inner, "dataset") is None
    found = reasons(tmp_path)
    assert found["data/telemetry/a.jsonl"] == "a symlink"
    assert "is a symlink" in found["data/fine-tuning/a/secret.jsonl"]


def test_read_refuses_a_fifo_without_blocking_and_a_file_over_its_cap(tmp_path: Path) -> None:
    """A FIFO is refused at once (never opened blocking); a file over its kind's cap is not read."""
    fifo = tmp_path / "data/metrics/monthly/2026-01/a.json"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    big = make(
        tmp_path, "data/metrics/monthly/2026-02/a.json", b" " * (peer_files.CAPS["metrics"] + 1)
    )
    assert peer_files.read(tmp_path, fifo, "metrics") is None
    assert peer_files.read(tmp_path, big, "metrics") is None
    found = reasons(tmp_path)
    assert found["data/metrics/monthly/2026-01/a.json"] == "not a regular file"
    assert found["data/metrics/monthly/2026-02/a.json"].startswith("too large")


def test_entries_lists_regular_files_and_refuses_the_rest(tmp_path: Path) -> None:
    """Folders, symlinks and bad names where files belong are refused; the good files are listed."""
    folder = tmp_path / "data/retractions"
    good = make(tmp_path, "data/retractions/a.jsonl")
    make(tmp_path, "data/retractions/zz.jsonl/inside")
    (folder / "link.jsonl").symlink_to("/dev/zero")
    make(tmp_path, "data/retractions/new\nline.jsonl")
    found = peer_files.entries(
        tmp_path, folder, folders=False, select=lambda n: n.endswith(".jsonl")
    )
    assert found == [good]
    assert set(reasons(tmp_path)) == {
        "data/retractions/zz.jsonl",
        "data/retractions/link.jsonl",
        "data/retractions/new\nline.jsonl",
    }


def test_own_folder_removes_a_symlink_where_this_nodes_folder_belongs(tmp_path: Path) -> None:
    """The link is removed, what it pointed to is untouched, and the folder can be made for real."""
    outside = make(tmp_path, "outside/20200101T000000Z.jsonl", b"mine\n")
    (tmp_path / "repo/data/fine-tuning").mkdir(parents=True)
    link = tmp_path / "repo/data/fine-tuning/a"
    link.symlink_to(outside.parent)
    peer_files.own_folder(tmp_path / "repo", link / "snapshots")
    assert not link.exists() and outside.read_bytes() == b"mine\n"


@pytest.mark.parametrize("name", ["a.jsonl", "20260101T000000Z.jsonl", "node-1.json"])
def test_is_name_accepts_plain_names(name: str) -> None:
    """Printable UTF-8 names that are not hidden are read."""
    assert peer_files.is_name(name)


@pytest.mark.parametrize("name", [".hidden", "a\nb", "a\x00b", "bad-\udcff", " lead", "a\\b"])
def test_is_name_refuses_hidden_control_and_non_utf8_names(name: str) -> None:
    """Hidden names, control characters, backslashes and bytes that are not UTF-8 are refused."""
    assert not peer_files.is_name(name)


def test_largest_read_is_the_cap_of_the_kind_of_file_at_a_path() -> None:
    """Each folder's kind gives its cap; a manifest has its own; a path of no kind the largest."""
    caps = peer_files.CAPS
    assert peer_files.largest_read("patterns/x/y/00.jsonl") == caps["patterns"]
    assert peer_files.largest_read("collections/c/n/1.manifest.json") == caps["manifest"]
    assert peer_files.largest_read("collections/c/n/1.jsonl") == caps["snapshot"]
    assert peer_files.largest_read("fine-tuning/n/dataset.jsonl") == caps["dataset"]
    assert peer_files.largest_read("README.md") == max(caps.values())
    assert peer_files.largest_read("other/file") == max(caps.values())


def test_listing_then_reading_checks_each_parent_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Listing 3 nodes' folders and reading their 12 files lstat's each of the 7 folders once (the
    walk of a file's parents starts below the deepest folder found real and unchanged: one stat).
    Before, every read walked its 4 parents again: 12 x 4 lstat calls more.
    """
    root = tmp_path / "data/patterns/c"
    for node in ("a", "b", "n"):
        for shard in ("00", "01", "02", "03"):
            make(tmp_path, f"data/patterns/c/{node}/{shard}.jsonl")
    calls: list[str] = []
    real_lstat, real_stat = os.lstat, os.stat

    def counting_lstat(path: os.PathLike[str] | str, **options: Any) -> os.stat_result:
        calls.append(f"lstat {path}")
        return real_lstat(path, **options)

    def counting_stat(path: os.PathLike[str] | str, **options: Any) -> os.stat_result:
        calls.append(f"stat {path}")
        return real_stat(path, **options)

    monkeypatch.setattr(os, "lstat", counting_lstat)
    monkeypatch.setattr(os, "stat", counting_stat)
    read = [
        peer_files.read(tmp_path, path, "patterns")
        for folder in peer_files.entries(tmp_path, root, folders=True)
        for path in peer_files.entries(tmp_path, folder, folders=False)
    ]
    assert read == [b"{}\n"] * 12
    calls = [c for c in calls if not c.endswith("/.git")]  # git_held looks for the clone's top
    lstats = sorted(c for c in calls if c.startswith("lstat"))
    assert len(lstats) == len(set(lstats)) == 6  # data, patterns, c, a, b, n: each once
    assert len(calls) - len(lstats) <= 3 + 12  # one stat per node's listing and per read


def test_a_folder_found_real_then_replaced_by_a_symlink_is_refused(tmp_path: Path) -> None:
    """A folder read once (so remembered as real) and then swapped for a symlink to a folder
    outside, or to another folder of the repo, is refused on the next read: never followed."""
    outside = make(tmp_path, "outside/00.jsonl", b"secret\n").parent
    elsewhere = make(tmp_path, "data/patterns/c/m/00.jsonl", b"theirs\n").parent
    path = make(tmp_path, "data/patterns/c/a/00.jsonl", b"mine\n")
    assert peer_files.read(tmp_path, path, "patterns") == b"mine\n"
    for target in (outside, elsewhere):
        folder = path.parent
        if folder.is_symlink():
            folder.unlink()
        else:
            path.unlink()
            folder.rmdir()
        folder.symlink_to(target, target_is_directory=True)
        assert peer_files.read(tmp_path, path, "patterns") is None
    assert "is a symlink" in reasons(tmp_path)["data/patterns/c/a/00.jsonl"]
