"""This node's own files: staged writes note their marks, so the check reads nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.formats import layout
from fedlearn.store import atomic, own_check
from tests.store.conftest import adopted_files, made


def test_the_check_stats_and_reads_nothing_after_fedlearns_own_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    The adoption, a staged write and a restore note the marks of what they wrote, so the check
    (``status`` every run) reads no file; a same-size edit still changes the mark and is found.
    """
    files = adopted_files(tmp_path, made(30))
    repo = files.repo
    telemetry = layout.telemetry_file(repo, "alpha")
    shard = layout.node_pattern_files(repo, "error-solutions", "alpha")[0]
    transaction = files.store.transaction("sync")
    files.stage(transaction, telemetry, b'{"event":2}\n')
    files.stage_delete(transaction, shard)
    files.commit(transaction)
    real = atomic.is_unchanged

    def unread(path: Path, data: bytes) -> bool:
        raise AssertionError(f"{path} read")

    monkeypatch.setattr(atomic, "is_unchanged", unread)
    assert own_check.differences(files, remember=False) == []
    monkeypatch.setattr(atomic, "is_unchanged", real)
    telemetry.write_bytes(b'{"event":3}\n')  # same size, new mtime
    assert own_check.differences(files, remember=False) == [
        own_check.Difference(telemetry, "changed")
    ]
    assert own_check.restore(files) == [own_check.Difference(telemetry, "changed")]
    monkeypatch.setattr(atomic, "is_unchanged", unread)
    assert own_check.differences(files, remember=False) == []


def test_staging_many_files_of_one_folder_never_writes_through_a_link(tmp_path: Path) -> None:
    """
    A folder's checks are made once per transaction, each file's every time: a link or a folder
    where a shard belongs is replaced; a link put in place of the folder after a commit is found
    by the next transaction, and nothing outside the repo is written.
    """
    files = adopted_files(tmp_path, made(3))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("user file\n")
    folder = layout.shard_dir(files.repo, "error-solutions", "alpha")
    shards = [folder / f"{name}.jsonl" for name in ("0a", "0b", "0c")]
    shards[1].unlink(missing_ok=True)
    shards[1].symlink_to(outside / "keep.txt")
    shards[2].unlink(missing_ok=True)
    (shards[2] / "inside").mkdir(parents=True)
    transaction = files.store.transaction("sync")
    for number, shard in enumerate(shards):
        files.stage(transaction, shard, f'{{"shard":{number}}}\n'.encode())
    files.commit(transaction)
    assert [s.read_bytes() for s in shards] == [f'{{"shard":{n}}}\n'.encode() for n in range(3)]
    assert not any(s.is_symlink() for s in shards)
    assert (outside / "keep.txt").read_text() == "user file\n"
    moved = tmp_path / "moved"
    folder.rename(moved)
    folder.symlink_to(outside, target_is_directory=True)
    transaction = files.store.transaction("sync")
    files.stage(transaction, shards[0], b'{"shard":"again"}\n')
    files.commit(transaction)
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert not folder.is_symlink() and shards[0].read_bytes() == b'{"shard":"again"}\n'
    assert files.mirror(shards[0]).read_bytes() == b'{"shard":"again"}\n'
