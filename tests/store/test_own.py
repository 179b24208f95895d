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
