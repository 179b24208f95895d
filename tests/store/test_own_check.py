"""The check of this node's files against its state, and the restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.errors import StateError
from fedlearn.formats import layout
from fedlearn.store import own, own_check, state
from tests.store.conftest import adopted_files, made


def test_differences_name_every_kind_of_edit_and_restore_undoes_them(tmp_path: Path) -> None:
    """A changed, a deleted, a foreign file and a symlink are found, then restored."""
    files = adopted_files(tmp_path, made(30))
    repo = files.repo
    shards = layout.node_pattern_files(repo, "error-solutions", "alpha")
    originals = {path: path.read_bytes() for path in shards}
    shards[0].write_bytes(b"not json\n")
    shards[1].unlink()
    foreign = layout.shard_dir(repo, "error-solutions", "alpha") / "zz.jsonl"
    foreign.write_bytes(b"{}\n")
    telemetry = layout.telemetry_file(repo, "alpha")
    telemetry.unlink()
    telemetry.symlink_to(tmp_path / "secret")
    found = {(d.path, d.what) for d in own_check.differences(files)}
    assert found == {
        (shards[0], "changed"),
        (shards[1], "missing"),
        (foreign, "foreign"),
        (telemetry, "not-a-file"),
    }
    assert len(own_check.restore(files)) == 4
    assert {path: path.read_bytes() for path in shards} == originals
    assert not foreign.exists() and not telemetry.is_symlink()
    assert telemetry.read_bytes() == b'{"event":1}\n'
    assert own_check.differences(files) == []
    assert files.events().restored == 4


def test_differences_read_only_files_whose_stat_changed(tmp_path: Path) -> None:
    """A file found equal once is not read again while its size, mtime and inode stay."""
    files = adopted_files(tmp_path, made(5))
    assert own_check.differences(files) == []
    assert files.stats(), "the files found equal are remembered"
    shard = layout.node_pattern_files(files.repo, "error-solutions", "alpha")[0]
    shard.write_bytes(shard.read_bytes().upper())
    assert [d.what for d in own_check.differences(files)] == ["changed"]


def test_restore_stops_with_one_clear_error_when_it_cannot_write(tmp_path: Path) -> None:
    """A path that cannot be restored (data/ is a file now) raises StateError naming it."""
    files = adopted_files(tmp_path, made(3))
    data = layout.data_dir(files.repo)
    for path in sorted(data.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    data.rmdir()
    data.write_bytes(b"not a folder")
    with pytest.raises(StateError, match="cannot restore"):
        own_check.restore(files)


def test_nothing_is_checked_before_the_adoption(tmp_path: Path) -> None:
    """A node whose state holds no copy yet reports no differences and adopts nothing on a check."""
    files = own.OwnFiles(state.StateDir(tmp_path / "state"), tmp_path / "repo", "alpha")
    assert (
        not files.is_adopted()
        and own_check.differences(files) == []
        and own_check.restore(files) == []
    )
