"""Staging a sync's results: pattern shards, telemetry segments, fine-tuning snapshots, monthly totals."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from fedlearn import sample
from fedlearn.formats import layout, records
from tests.conftest import Node, own_pattern_bytes, sync_json, telemetry_bytes, write_jsonl

EVENTS = list(sample.events(400, seed=7, interaction_share=0.3))
CHATS = list(sample.chat_records(12, seed=3))


def test_sync_keeps_the_last_five_dataset_snapshots(node: Node) -> None:
    """Older snapshots beyond five are removed, newest by stamp kept."""
    folder = layout.fine_tuning_snapshot_dir(node.repo, "alpha")
    folder.mkdir(parents=True)
    old = [f"2025010{n}T000000Z.jsonl" for n in range(1, 7)]
    for name in old:
        (folder / name).write_text("{}\n")
    write_jsonl(node.dataset, CHATS)
    sync_json(node)
    kept = [p.name for p in layout.stamped_files(folder)]
    assert len(kept) == 5 and kept[:4] == old[-4:]


def test_sync_does_not_snapshot_an_unchanged_dataset(node: Node) -> None:
    """Duplicates only: the dataset does not change, so no new snapshot appears."""
    write_jsonl(node.dataset, CHATS)
    sync_json(node)
    folder = layout.fine_tuning_snapshot_dir(node.repo, "alpha")
    before = sorted(folder.iterdir())
    write_jsonl(node.dataset, CHATS[:3], append=True)
    sync_json(node)
    assert sorted(folder.iterdir()) == before


def test_sync_keeps_only_the_last_n_high_value_events(make_node: Any) -> None:
    """The telemetry snapshot is trimmed to telemetry_snapshot_size, newest last."""
    node = make_node("beta", sync={"telemetry_snapshot_size": 5})
    events = [{"value_score": 0.9, "n": n} for n in range(12)]
    write_jsonl(node.telemetry, events[:7])
    sync_json(node)
    write_jsonl(node.telemetry, events[7:], append=True)
    sync_json(node)
    lines = [json.loads(line) for line in telemetry_bytes(node.repo, "beta").splitlines()]
    assert [e["n"] for e in lines] == [7, 8, 9, 10, 11]


def test_sync_does_not_readd_a_retracted_pattern(
    node: Node,
) -> None:
    """
    Another node's tombstone never drops this node's sightings, not even when that node holds the
    pattern too (it withdraws its own record only); this node's own tombstone does, and counts.
    """
    event = {"value_score": 0.9, "error_message": "E", "solution": "S"}
    write_jsonl(node.telemetry, [event])
    sync_json(node)
    data = own_pattern_bytes(node.repo, "error-solutions", "alpha")
    pattern = records.PATTERN_DECODER.decode(data.splitlines()[0])
    tombstone = records.Retraction(
        id=pattern.id, retracted_at="2026-01-01T00:00:00Z", reason="wrong"
    )
    layout.retraction_file(node.repo, "beta").parent.mkdir(parents=True, exist_ok=True)
    layout.retraction_file(node.repo, "beta").write_bytes(records.encode_line(tombstone))
    beta_saw = msgspec.structs.replace(pattern, seen={"beta": 1})
    layout.pattern_file(node.repo, "error-solutions", "beta").write_bytes(
        records.encode_line(beta_saw)
    )
    write_jsonl(node.telemetry, [event], append=True)
    answer = sync_json(node)
    assert answer["patterns"]["error-solutions"]["retracted"] == 0
    assert answer["patterns"]["error-solutions"]["updated"] == 1
    node.run("retract", pattern.id, "--reason", "wrong")
    write_jsonl(node.telemetry, [event], append=True)
    answer = sync_json(node)
    assert answer["patterns"]["error-solutions"]["retracted"] == 1


def test_sync_month_totals_add_up_across_runs(node: Node) -> None:
    """Running totals for the month add each sync's counts."""
    write_jsonl(node.telemetry, EVENTS[:100])
    sync_json(node)
    write_jsonl(node.telemetry, EVENTS[100:], append=True)
    sync_json(node)
    month = json.loads(
        next((node.repo / "data" / "metrics" / "monthly").glob("*/alpha.json")).read_text()
    )
    assert month["totals"]["events_read"] == len(EVENTS) and month["totals"]["syncs"] == 2


def test_sync_appends_to_the_newest_telemetry_segment_only(
    make_node: Any,
) -> None:
    """A sync writes the newest segment and new ones, never the older segments (a commit follows
    its new lines); the oldest go whole once the newer hold N."""
    node = make_node("beta", sync={"telemetry_snapshot_size": 100})  # segments of 5 lines
    write_jsonl(node.telemetry, [{"value_score": 0.9, "n": n} for n in range(12)])
    sync_json(node)
    folder = layout.telemetry_dir(node.repo, "beta")
    assert [p.name for p in layout.telemetry_segments(folder)] == [
        f"0000000{n}.jsonl" for n in (1, 2, 3)
    ]
    write_jsonl(node.telemetry, [{"value_score": 0.9, "n": n} for n in (12, 13)], append=True)
    answer = sync_json(node)
    written = [path for path in answer["files"] if path.startswith("data/telemetry")]
    assert written == ["data/telemetry/beta/00000003.jsonl"]
    write_jsonl(node.telemetry, [{"value_score": 0.9, "n": n} for n in range(14, 110)], append=True)
    sync_json(node)
    kept = [json.loads(line)["n"] for line in telemetry_bytes(node.repo, "beta").splitlines()]
    assert kept == list(range(10, 110))  # segments 1 and 2 dropped whole
