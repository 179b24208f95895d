"""The one adoption of this node's files, with the migration of the old layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.formats import layout
from fedlearn.learn import patterns
from fedlearn.store import own_check
from tests.store.conftest import adopted_files, made


def test_adopt_splits_the_old_file_into_shards_and_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old file's records land in their shards (state and data/), the old file is gone;
    all of them, past the limit on what is kept of another node's file (``MAX_PER_FILE``)."""
    monkeypatch.setattr(patterns, "MAX_PER_FILE", 10)
    items = made(30)
    files = adopted_files(tmp_path, items)
    repo = files.repo
    assert not layout.pattern_file(repo, "error-solutions", "alpha").exists()
    assert patterns.read_node(repo, "error-solutions", "alpha") == patterns.join_all(items)
    for path in layout.node_pattern_files(repo, "error-solutions", "alpha"):
        assert files.read(path) == path.read_bytes()
        assert {layout.shard_name(p.id) for p in patterns.read(path)} == {path.stem}
    assert files.counts() == {"error-solutions": 30}
    assert own_check.differences(files) == []
