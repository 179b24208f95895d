"""Import's quarantine file: what it keeps between imports, and what it makes the next one read."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fedlearn.store import state
from fedlearn.vectors import import_changes, import_quarantine, points

SNAPSHOT = "data/collections/skills-patterns/alpha/20260101T000000Z.jsonl"
NEWER = "data/collections/skills-patterns/alpha/20260201T000000Z.jsonl"


def entry(
    source: str, collection: str = "skills-patterns", point: int = 7
) -> import_quarantine.SetAside:
    """Return a set-aside point of ``source``."""
    return import_quarantine.set_aside(
        source, collection, point, "a text " * 50, "HTTP 400: too long"
    )


def test_set_aside_keeps_the_size_and_a_preview_not_the_whole_text() -> None:
    """The record names the point and the server's answer; the text stays in its snapshot."""
    record = import_quarantine.set_aside(
        SNAPSHOT, "skills-patterns", 7, "é" * 300, "HTTP 413: too large"
    )
    assert record.reason == "embedding-refused" and record.detail == "HTTP 413: too large"
    assert record.bytes == 600 and record.preview == "é" * 200


def test_retry_paths_make_import_read_the_sources_again() -> None:
    """A snapshot's path, and a pattern category's folder, as ``import_changes.touches`` reads them."""
    ledger = import_quarantine.QuarantineLedger(
        [entry(SNAPSHOT), entry("patterns", "error-solutions")]
    )
    paths = ledger.retry_paths()
    assert import_changes.touches(paths, "collections/skills-patterns/alpha/")
    assert import_changes.touches(paths, "patterns/error-solutions/")
    assert not import_changes.touches(paths, "patterns/skills-patterns/")
    assert not import_changes.touches(paths, "collections/skills-patterns/beta/")


def test_entries_replace_what_the_import_read_through_and_keep_the_rest() -> None:
    """A source read again is settled by this run; others stay; dropped collections go."""
    read_again, not_read = entry(SNAPSHOT), entry("patterns", "error-solutions")
    gone = entry("patterns", "best-practices")
    ledger = import_quarantine.QuarantineLedger([read_again, not_read, gone])
    ledger.settle("skills-patterns", NEWER)  # a newer snapshot of the same node settles it
    newer = entry(NEWER, point=8)  # made once: set_aside stamps the clock's second
    ledger.new.append(newer)
    sourced = {import_quarantine.area(e.collection, e.source) for e in (read_again, not_read, gone)}
    kept = ledger.entries({"skills-patterns", "error-solutions"}, sourced)
    assert kept == [not_read, newer]


def test_entries_drop_an_earlier_point_whose_source_is_gone() -> None:
    """No source left in its area (its pattern retracted, its node's snapshots removed): it goes."""
    orphan, still = entry("patterns", "best-practices"), entry("patterns", "error-solutions")
    ledger = import_quarantine.QuarantineLedger([orphan, still])
    sourced = {import_quarantine.area("error-solutions", "patterns")}
    assert ledger.entries({"best-practices", "error-solutions"}, sourced) == [still]


def test_save_and_load_round_trip_and_an_empty_ledger_removes_the_file(tmp_path: Path) -> None:
    """Saved entries load back in order; saving none removes the file."""
    store = state.StateDir(tmp_path)
    entries = [entry(SNAPSHOT, point=9), entry(SNAPSHOT, point=2), entry("patterns", "a-c")]
    import_quarantine.save(store, entries)
    assert import_quarantine.load(store).earlier == sorted(
        entries, key=lambda e: (e.collection, e.source, e.id)
    )
    import_quarantine.save(store, [])
    assert (
        not import_quarantine.file(store).exists() and import_quarantine.load(store).earlier == []
    )


def test_load_skips_a_line_that_is_not_a_record(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged line is logged with its file and line number; the others load."""
    store = state.StateDir(tmp_path)
    kept = entry(SNAPSHOT)  # made once: set_aside stamps the clock's second
    import_quarantine.save(store, [kept])
    path = import_quarantine.file(store)
    path.write_bytes(b"not json\n" + path.read_bytes())
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        assert import_quarantine.load(store).earlier == [kept]
    assert f"{path}:1: not a set-aside point" in caplog.text


def test_set_aside_again_doubles_the_wait_up_to_a_week() -> None:
    """Each refusal in a row doubles the point's wait, capped at LONGEST_WAIT."""
    first = import_quarantine.set_aside("patterns", "c", 1, "t", "refused")
    waits = [first]
    for _ in range(12):
        waits.append(import_quarantine.set_aside("patterns", "c", 1, "t", "refused", waits[-1]))
    assert [w.attempts for w in waits[:3]] == [1, 2, 3]
    assert waits[1].retry_after > waits[0].retry_after
    week = datetime.now(UTC) + import_quarantine.LONGEST_WAIT + timedelta(minutes=1)
    assert waits[-1].retry_after <= week.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_ledger_keeps_at_most_max_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the cap, the quarantine keeps MAX_ENTRIES points (the rest are counted, not kept)."""
    monkeypatch.setattr(import_quarantine, "MAX_ENTRIES", 2)
    ledger = import_quarantine.QuarantineLedger([])
    ledger.new = [import_quarantine.set_aside("patterns", "c", i, "t", "x") for i in range(5)]
    assert len(ledger.entries({"c"}, set())) == 2


def test_sourced_reads_snapshot_labels_as_their_node_folder() -> None:
    """A snapshot label counts as its folder (the node's), the patterns label as itself."""
    labels = [
        ("skills", "data/collections/skills/beta/20260101T000000Z.jsonl"),
        ("skills", "data/collections/skills/beta/20260102T000000Z.jsonl"),
        ("error-solutions", points.PATTERNS),
    ]
    assert import_quarantine.sourced(labels) == {
        ("skills", "data/collections/skills/beta"),
        ("error-solutions", "patterns"),
    }
