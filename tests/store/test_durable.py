"""Tests of fedlearn.store.durable: one fsync per file and folder, or one syncfs for many."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.store import durable


def files(folder: Path, count: int) -> list[Path]:
    """Write ``count`` small files under two subfolders of ``folder``; return them."""
    paths = [folder / f"d{n % 2}" / f"{n}.jsonl" for n in range(count)]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x\n")
    return paths


def test_few_files_are_fsynced_each_and_then_their_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    monkeypatch.setattr(durable, "fsync_file", lambda path: synced.append(path.name))
    monkeypatch.setattr(durable, "fsync_dir", lambda folder: synced.append(folder.name + "/"))
    paths = files(tmp_path, durable.SYNCFS_FROM - 1)
    durable.flush(paths)
    assert synced[: len(paths)] == [p.name for p in paths]
    assert sorted(synced[len(paths) :]) == ["d0/", "d1/"]


def test_many_files_take_one_syncfs_per_filesystem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(durable, "has_syncfs", lambda: True)
    monkeypatch.setattr(durable, "syncfs", calls.append)
    monkeypatch.setattr(durable, "fsync_file", lambda path: pytest.fail("fsync of one file"))
    durable.flush(files(tmp_path, durable.SYNCFS_FROM))
    assert len(calls) == 1 and calls[0].parent == tmp_path


def test_a_real_flush_of_many_files_returns(tmp_path: Path) -> None:
    """On this machine's filesystem the real calls (syncfs, or fsyncs without it) succeed."""
    durable.flush(files(tmp_path, durable.SYNCFS_FROM + 1))


def test_syncfs_is_only_trusted_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(durable.sys, "platform", "darwin")
    assert not durable.has_syncfs()


def test_a_refused_syncfs_raises_naming_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refusing:
        def syncfs(self, fd: int) -> int:
            return -1

    monkeypatch.setattr(durable, "libc", Refusing)
    monkeypatch.setattr(durable, "errno_of_libc", lambda: 5)
    with pytest.raises(OSError, match=str(tmp_path)) as raised:
        durable.syncfs(tmp_path)
    assert raised.value.errno == 5
