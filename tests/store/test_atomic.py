"""Whole-file writes and journaled transactions (guarantee 2)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from fedlearn.store import atomic, durable


def test_write_skips_unchanged_files(tmp_path: Path) -> None:
    """Writing the same bytes again does not touch the file."""
    path = tmp_path / "f.jsonl"
    assert atomic.write(path, b"a\n") is True
    before = path.stat().st_mtime_ns
    assert atomic.write(path, b"a\n") is False
    assert path.stat().st_mtime_ns == before


def test_transaction_commit_replaces_all_files(tmp_path: Path) -> None:
    """All staged files land and no temp file or journal stays."""
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage(tmp_path / "a" / "one", b"1")
    txn.stage(tmp_path / "b" / "two", b"2")
    txn.commit()
    assert (tmp_path / "a" / "one").read_bytes() == b"1"
    assert (tmp_path / "b" / "two").read_bytes() == b"2"
    assert not any(atomic.is_temp(p) for p in tmp_path.rglob("*"))
    assert not (tmp_path / "journal.json").exists()


def test_recover_finishes_an_interrupted_commit(tmp_path: Path) -> None:
    """A journal written before a crash mid-renames is replayed by the next run."""
    target_one, target_two = tmp_path / "one", tmp_path / "two"
    target_one.write_bytes(b"old")
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage(target_one, b"new1")
    txn.stage(target_two, b"new2")
    entry = atomic.Journal(renames=[(str(t), str(f)) for t, f in txn.renames])
    atomic.write(txn.journal, atomic.msgspec.json.encode(entry))
    temp, final = txn.renames[0]
    temp.replace(final)  # the crash came after the first rename
    assert atomic.recover(txn.journal) is True
    assert (target_one.read_bytes(), target_two.read_bytes()) == (b"new1", b"new2")
    assert atomic.recover(txn.journal) is False


def test_remove_stale_deletes_temps_of_a_run_that_never_journaled(tmp_path: Path) -> None:
    """Temp files staged before a crash, with no journal, are removed; real files stay."""
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage(tmp_path / "data" / "x", b"x")
    (tmp_path / "data" / "keep").write_bytes(b"k")
    assert atomic.remove_stale(tmp_path / "data") == 1
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["keep"]


def test_remove_stale_can_keep_to_the_folder_itself(tmp_path: Path) -> None:
    """Not recursive: temps right in the folder go, temps in its subfolders stay."""
    here = atomic.write_temp(tmp_path / "node-id", b"id")
    below = atomic.write_temp(tmp_path / "store" / "segment", b"s")
    assert atomic.remove_stale(tmp_path, recursive=False) == 1
    assert (here.exists(), below.exists()) == (False, True)


def test_remove_stale_recurses_and_spares_lookalikes(tmp_path: Path) -> None:
    """Temps at any depth go; hidden files without the mark, or the mark without the dot, stay."""
    deep = atomic.write_temp(tmp_path / "a" / "b" / "c.jsonl", b"x")
    keep = [tmp_path / "a" / ".gitkeep", tmp_path / "a" / f"c{atomic.TEMP_MARK}1"]
    for path in keep:
        path.write_bytes(b"k")
    assert atomic.remove_stale(tmp_path / "a", tmp_path / "missing") == 1
    assert not deep.exists()
    assert all(path.exists() for path in keep)
    assert atomic.remove_stale(tmp_path / "missing", recursive=False) == 0


def test_transaction_abort_leaves_nothing(tmp_path: Path) -> None:
    """A dry run stages and aborts: no file appears."""
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage(tmp_path / "x", b"x")
    txn.abort()
    assert list(tmp_path.iterdir()) == []


def test_temp_file_is_deleted_when_the_block_fails(tmp_path: Path) -> None:
    """A failure while writing the pieces leaves no temp file behind; the folder is made."""
    with pytest.raises(RuntimeError), atomic.TempFile(tmp_path / "d" / "snap.jsonl") as temp:
        temp.write(b"a\n")
        assert temp.path.exists() and atomic.is_temp(temp.path)
        raise RuntimeError("the source failed midway")
    assert list((tmp_path / "d").iterdir()) == []


def test_temp_file_is_deleted_when_not_kept(tmp_path: Path) -> None:
    """A block that ends without ``keep`` (the content was unchanged) deletes the file."""
    with atomic.TempFile(tmp_path / "snap.jsonl") as temp:
        temp.write(b"a\n")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="not open"):
        temp.write(b"b\n")


def test_temp_file_keep_hands_over_the_complete_file(tmp_path: Path) -> None:
    """``keep`` returns the path of the whole content; it survives the block and takes no more."""
    with atomic.TempFile(tmp_path / "snap.jsonl") as temp:
        temp.write(b"a\n")
        temp.write(b"b\n")
        kept = temp.keep()
        with pytest.raises(ValueError, match="not open"):
            temp.write(b"c\n")
    assert kept.read_bytes() == b"a\nb\n" and kept.parent == tmp_path


def test_stage_file_renames_a_kept_temp_file_on_commit(tmp_path: Path) -> None:
    """A temp file written in pieces lands under its final name with the rest of the transaction."""
    final = tmp_path / "snap.jsonl"
    final.write_bytes(b"old\n")
    with atomic.TempFile(tmp_path / "incoming") as temp:
        temp.write(b"new\n")
        kept = temp.keep()
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage_file(final, kept)
    txn.stage(tmp_path / "snap.manifest.json", b"{}")
    txn.commit()
    assert final.read_bytes() == b"new\n" and (tmp_path / "snap.manifest.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snap.jsonl", "snap.manifest.json"]


def test_stage_file_refuses_a_file_from_another_folder(tmp_path: Path) -> None:
    """A rename across folders is not atomic, and a plain file is not the transaction's to move."""
    txn = atomic.Transaction(tmp_path / "journal.json")
    elsewhere = atomic.write_temp(tmp_path / "other" / "x", b"x")
    with pytest.raises(ValueError, match="not a temp file beside"):
        txn.stage_file(tmp_path / "x", elsewhere)
    (tmp_path / "plain").write_bytes(b"p")
    with pytest.raises(ValueError, match="not a temp file beside"):
        txn.stage_file(tmp_path / "x", tmp_path / "plain")


def test_abort_deletes_a_staged_temp_file(tmp_path: Path) -> None:
    """Once staged, the transaction owns the temp file: aborting deletes it."""
    with atomic.TempFile(tmp_path / "incoming") as temp:
        temp.write(b"x")
        kept = temp.keep()
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage_file(tmp_path / "final", kept)
    txn.abort()
    assert list(tmp_path.iterdir()) == []


def test_temp_file_is_deleted_when_closing_it_fails(tmp_path: Path) -> None:
    """A close that fails (its last flush meets a full disk) still deletes the temp file."""

    class FullDisk:
        """A file handle whose close fails after closing, as a flush into a full disk does."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle
            self.closed = False

        def write(self, data: bytes) -> int:
            return int(self.handle.write(data))

        def close(self) -> None:
            self.handle.close()
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"), atomic.TempFile(tmp_path / "s.jsonl") as temp:
        temp._handle = FullDisk(temp._handle)
        temp.write(b"a\n")
    assert list(tmp_path.iterdir()) == []


def test_commit_makes_every_temp_durable_before_the_journal_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many staged files: one syncfs per filesystem, not one fsync each, and before the journal."""
    calls: list[str] = []
    real_write = atomic.write
    monkeypatch.setattr(durable, "has_syncfs", lambda: True)
    monkeypatch.setattr(durable, "syncfs", lambda folder: calls.append("syncfs"))
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: calls.append("fsync"))
    monkeypatch.setattr(
        atomic, "write", lambda path, data: (calls.append("journal"), real_write(path, data))[1]
    )
    txn = atomic.Transaction(tmp_path / "journal.json")
    for number in range(durable.SYNCFS_FROM * 2):
        txn.stage(tmp_path / f"f{number % 3}" / f"{number}.jsonl", b"x")
    assert calls == []  # staging writes, the commit flushes
    txn.commit()
    assert calls[:2] == ["syncfs", "journal"]
    assert calls.count("syncfs") == 1
    assert (tmp_path / "f0" / "0.jsonl").read_bytes() == b"x"


def test_commit_of_few_files_fsyncs_each_and_their_folders_before_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below SYNCFS_FROM (or without syncfs) every temp file and its folder are fsynced first."""
    synced: list[str] = []
    monkeypatch.setattr(durable, "has_syncfs", lambda: False)
    monkeypatch.setattr(durable, "fsync_file", lambda path: synced.append(path.name))
    monkeypatch.setattr(durable, "fsync_dir", lambda folder: synced.append(folder.name + "/"))
    txn = atomic.Transaction(tmp_path / "state" / "journal.json")
    (tmp_path / "state").mkdir()
    for number in range(durable.SYNCFS_FROM + 1):
        txn.stage(tmp_path / "data" / f"{number}.jsonl", b"x")
    temps = sorted(temp.name for temp, _ in txn.renames)
    txn.commit()
    assert sorted(synced[: len(temps)]) == temps
    assert synced[len(temps)] == "data/"  # the temp files' names, before the journal's own write


def test_a_flush_the_disk_refuses_writes_no_journal_and_renames_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing syncfs (``durable.flush``) goes up naming the folder: no journal, no rename."""

    def refusing(folder: Path) -> None:
        raise OSError(5, "Input/output error", str(folder))

    monkeypatch.setattr(durable, "syncfs", refusing)
    monkeypatch.setattr(durable, "has_syncfs", lambda: True)
    txn = atomic.Transaction(tmp_path / "journal.json")
    for number in range(durable.SYNCFS_FROM):
        txn.stage(tmp_path / f"{number}", b"x")
    with pytest.raises(OSError, match=str(tmp_path)):
        txn.commit()
    assert not (tmp_path / "journal.json").exists()
    assert not (tmp_path / "0").exists()


def test_staging_the_same_path_twice_is_refused(tmp_path: Path) -> None:
    """One path, one rename per transaction."""
    txn = atomic.Transaction(tmp_path / "journal.json")
    txn.stage(tmp_path / "a", b"1")
    with pytest.raises(ValueError, match="staged twice"):
        txn.stage(tmp_path / "a", b"2")


def test_a_large_transaction_starts_its_flush_in_a_thread_while_it_stages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every WRITEBACK_EVERY temp files a writeback starts in another thread (one at a time); the
    commit waits for them before its own flush and the journal."""
    calls: list[str] = []
    real_write = atomic.write

    def syncfs(folder: Path) -> None:
        calls.append("main" if threading.current_thread() is threading.main_thread() else "thread")

    monkeypatch.setattr(atomic, "WRITEBACK_EVERY", 4)
    monkeypatch.setattr(durable, "has_syncfs", lambda: True)
    monkeypatch.setattr(durable, "syncfs", syncfs)
    monkeypatch.setattr(
        atomic, "write", lambda path, data: (calls.append("journal"), real_write(path, data))[1]
    )
    txn = atomic.Transaction(tmp_path / "journal.json")
    for number in range(durable.SYNCFS_FROM):
        txn.stage(tmp_path / f"{number}.jsonl", b"x")
    txn.commit()
    assert "thread" in calls and "main" in calls
    assert calls.index("journal") > max(i for i, call in enumerate(calls) if call == "thread")
    assert (tmp_path / "0.jsonl").read_bytes() == b"x"


def test_a_writeback_the_disk_refuses_fails_the_commit_before_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write error the early writeback met fails the commit even when the final flush passes (a
    later syncfs may not report it again): no journal, no rename, and the abort leaves nothing."""

    def syncfs(folder: Path) -> None:
        if threading.current_thread() is not threading.main_thread():
            raise OSError(5, "Input/output error", str(folder))

    monkeypatch.setattr(atomic, "WRITEBACK_EVERY", 4)
    monkeypatch.setattr(durable, "has_syncfs", lambda: True)
    monkeypatch.setattr(durable, "syncfs", syncfs)
    txn = atomic.Transaction(tmp_path / "state" / "journal.json")
    (tmp_path / "state").mkdir()
    for number in range(durable.SYNCFS_FROM):
        txn.stage(tmp_path / "data" / f"{number}", b"x")
    with pytest.raises(OSError, match="Input/output error"):
        txn.commit()
    assert not (tmp_path / "state" / "journal.json").exists()
    assert not (tmp_path / "data" / "0").exists()
    txn.abort()
    assert list((tmp_path / "data").iterdir()) == []
