"""This node's own files: adoption (with the migration), the check, the restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.errors import StateError
from fedlearn.formats import layout
from fedlearn.learn import patterns
from fedlearn.store import atomic, own, state

SEEN = "2026-01-01T00:00:00Z"


def made(count: int, node: str = "alpha") -> list[patterns.Pattern]:
    """Return ``count`` error-solutions patterns of ``node``."""
    return [
        patterns.build(
            "error-solutions", {"error_message": f"e{n}", "solution": "s"}, 0.9, SEEN, node
        )
        for n in range(count)
    ]


def adopted_files(tmp_path: Path, items: list[patterns.Pattern]) -> own.OwnFiles:
    """Return alpha's files after adopting an old-layout file of ``items`` and a telemetry file."""
    repo = tmp_path / "repo"
    old = layout.pattern_file(repo, "error-solutions", "alpha")
    old.parent.mkdir(parents=True)
    old.write_bytes(patterns.encode(patterns.join_all(items)))
    layout.telemetry_file(repo, "alpha").parent.mkdir(parents=True)
    layout.telemetry_file(repo, "alpha").write_bytes(b'{"event":1}\n')
    return own.adopted(state.StateDir(tmp_path / "state"), repo, "alpha", "sync")


def test_adopt_splits_the_old_file_into_shards_and_removes_it(tmp_path: Path) -> None:
    """The old file's records land in their shards (state and data/), the old file is gone."""
    items = made(30)
    files = adopted_files(tmp_path, items)
    repo = files.repo
    assert not layout.pattern_file(repo, "error-solutions", "alpha").exists()
    assert patterns.read_node(repo, "error-solutions", "alpha") == patterns.join_all(items)
    for path in layout.node_pattern_files(repo, "error-solutions", "alpha"):
        assert files.read(path) == path.read_bytes()
        assert {layout.shard_name(p.id) for p in patterns.read(path)} == {path.stem}
    assert files.counts() == {"error-solutions": 30}
    assert files.differences() == []


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
    found = {(d.path, d.what) for d in files.differences()}
    assert found == {
        (shards[0], "changed"),
        (shards[1], "missing"),
        (foreign, "foreign"),
        (telemetry, "not-a-file"),
    }
    assert len(files.restore()) == 4
    assert {path: path.read_bytes() for path in shards} == originals
    assert not foreign.exists() and not telemetry.is_symlink()
    assert telemetry.read_bytes() == b'{"event":1}\n'
    assert files.differences() == []
    assert files.events().restored == 4


def test_differences_read_only_files_whose_stat_changed(tmp_path: Path) -> None:
    """A file found equal once is not read again while its size, mtime and inode stay."""
    files = adopted_files(tmp_path, made(5))
    assert files.differences() == []
    assert files.stats(), "the files found equal are remembered"
    shard = layout.node_pattern_files(files.repo, "error-solutions", "alpha")[0]
    shard.write_bytes(shard.read_bytes().upper())
    assert [d.what for d in files.differences()] == ["changed"]


def test_restore_stops_with_one_clear_error_when_it_cannot_write(tmp_path: Path) -> None:
    """A path that cannot be restored (data/ is a file now) raises StateError naming it."""
    files = adopted_files(tmp_path, made(3))
    data = layout.data_dir(files.repo)
    for path in sorted(data.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    data.rmdir()
    data.write_bytes(b"not a folder")
    with pytest.raises(StateError, match="cannot restore"):
        files.restore()


def test_nothing_is_checked_before_the_adoption(tmp_path: Path) -> None:
    """A node whose state holds no copy yet reports no differences and adopts nothing on a check."""
    files = own.OwnFiles(state.StateDir(tmp_path / "state"), tmp_path / "repo", "alpha")
    assert not files.is_adopted() and files.differences() == [] and files.restore() == []


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
    assert files.differences(remember=False) == []
    monkeypatch.setattr(atomic, "is_unchanged", real)
    telemetry.write_bytes(b'{"event":3}\n')  # same size, new mtime
    assert files.differences(remember=False) == [own.Difference(telemetry, "changed")]
    assert files.restore() == [own.Difference(telemetry, "changed")]
    monkeypatch.setattr(atomic, "is_unchanged", unread)
    assert files.differences(remember=False) == []
