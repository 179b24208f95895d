"""Tests of fedlearn.store.repairs: the record doctor reads of the entries repair commits left out."""

from __future__ import annotations

from pathlib import Path

from fedlearn.store import git_paths, repairs, state


def test_record_counts_all_and_keeps_the_newest(tmp_path: Path) -> None:
    store = state.StateDir(tmp_path)
    assert repairs.load(store) == repairs.RepairLedger()
    repairs.record(store, [])
    assert not (tmp_path / repairs.FILE).exists()
    many = [git_paths.Unsafe(f"data/{n}/.git", f"data/{n}/.git", f"{n:040d}") for n in range(250)]
    repairs.record(store, many[:100])
    repairs.record(store, many[100:])
    ledger = repairs.load(store)
    assert ledger.count == 250
    assert [r.path for r in ledger.last] == [m.path for m in many[-repairs.KEPT :]]
    (tmp_path / repairs.FILE).write_bytes(b"{damaged")
    assert repairs.load(store) == repairs.RepairLedger()
