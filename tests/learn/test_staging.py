"""Staging a sync's results: pattern shards, telemetry segments, fine-tuning snapshots, monthly totals."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import msgspec
import pytest

from fedlearn import cli, sample
from fedlearn.formats import layout, records
from fedlearn.learn import forks, spill, staging
from fedlearn.store import atomic
from tests.conftest import (
    Node,
    init_repo,
    own_pattern_bytes,
    sync_json,
    telemetry_bytes,
    write_jsonl,
)

EVENTS = list(sample.events(400, seed=7, interaction_share=0.3))
CHATS = list(sample.chat_records(12, seed=3))
SECRET = {
    "timestamp": "2026-02-03T04:05:06Z",
    "value_score": 0.9,
    "error_message": "401 from api.example.org",
    "solution": "rotate the key ghp_" + "Ab1" * 12 + " and mail ops@example.org",
}
LAST_SYNC = re.compile(rb'"last_sync": ?"[^"]*"')


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


def staged_in_parts(root: Path, parts: int, batch: int) -> tuple[dict[str, bytes], list[str], int]:
    """
    Return the data/ tree and state copy, the two answers, and how many worker parts were staged,
    of a node that synced twice (the second sync updating the first's shards) with its shards
    staged by ``parts`` processes and its patterns set down in batches of ``batch``.
    """
    node = Node(root, "alpha", init_repo(root / "repo"), sync={"workers": parts})
    collected: list[int] = []
    collect = forks.collect

    def noting(*args: Any) -> Any:
        part = collect(*args)
        collected.append(len(part.renames))
        return part

    answers = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staging, "PARALLEL_SHARDS", 1)
        patch.setattr(spill, "BATCH_PATTERNS", batch)
        patch.setattr(forks, "collect", noting)
        for events in ([*EVENTS[:200], SECRET], [*EVENTS[200:], *EVENTS[:50], SECRET]):
            write_jsonl(node.telemetry, events, append=True)
            answers.append(sync_json(node))
    files = {
        str(path.relative_to(root)): LAST_SYNC.sub(b"", path.read_bytes())
        for folder in (node.repo / "data", node.state / "own" / "data")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    marks = json.loads((node.state / "own" / "stat.json").read_bytes())
    files["marked"] = "\n".join(sorted(marks)).encode()  # the marks noted of data/ files
    said = [json.dumps(answer).replace(str(root), "ROOT") for answer in answers]
    return files, said, sum(collected)


@pytest.mark.parametrize("batch", [spill.BATCH_PATTERNS, 7])
def test_shards_staged_by_two_processes_are_the_bytes_and_answer_of_one(
    tmp_path: Path, batch: int
) -> None:
    """
    Many shards are staged by forked workers (in memory, or read back from set-down batches):
    the files, the state's copy and the answers (the files written, in order; the counts; the
    redactions) are those of one process staging them all.
    """
    one = staged_in_parts(tmp_path / "one", 1, batch)
    two = staged_in_parts(tmp_path / "two", 2, batch)
    assert one[2] == 0 and two[2] > 0  # the workers' temp files joined the transaction
    assert one[:2] == two[:2]
    second = json.loads(one[1][1])
    assert second["patterns"]["error-solutions"]["updated"] > 0 and second["redactions"]


def assert_fails_leaving_nothing(node: Node, root: Path, failing: Any) -> None:
    """Sync ``node`` with shards staged in parallel by ``failing``: it exits non-zero, and no
    temp file under ``root`` and no file under data/ is left."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staging, "PARALLEL_SHARDS", 1)
        patch.setattr(staging, "stage_shard", failing)
        assert cli.main(["sync", "--config", str(node.config_file), "-q"]) != 0
    assert not [p for p in root.rglob("*") if atomic.is_temp(p)]
    assert not [p for p in (node.repo / "data").rglob("*") if p.is_file()]


def test_a_worker_failing_while_it_stages_leaves_no_temp_file(tmp_path: Path) -> None:
    """A staging worker that fails removes its temp files; the sync fails and changes nothing."""
    node = Node(tmp_path, "alpha", init_repo(tmp_path / "repo"), sync={"workers": 2})
    write_jsonl(node.telemetry, EVENTS)
    original = staging.stage_shard
    calls = [0]

    def failing(*args: Any) -> None:
        calls[0] += 1
        if forks.in_worker() and calls[0] > 2:
            raise OSError(28, "No space left on device", "a shard")
        original(*args)

    assert_fails_leaving_nothing(node, tmp_path, failing)


def test_divide_cuts_shards_into_runs_in_order_of_about_equal_size() -> None:
    """Runs of consecutive shards, all of them once, in order; no run is empty."""
    work = [("a", f"{n:02x}", size) for n, size in enumerate([5, 1, 1, 1, 1, 1, 9, 1])]
    runs = staging.divide(work, 2)
    assert [shard for run in runs for shard in run] == work
    assert [sum(size for _, _, size in run) for run in runs] == [10, 10]
    assert staging.divide(work, 1) == [work]
    assert staging.divide(work[:1], 4) == [work[:1]]
    assert staging.divide([], 2) == []


def test_a_part_failing_while_a_worker_stages_leaves_no_temp_file(tmp_path: Path) -> None:
    """
    This process's part fails (a full disk) once a worker has written temp files of its own: the
    worker is stopped, and neither its temp files nor this process's stay; nothing is written.
    """
    node = Node(tmp_path, "alpha", init_repo(tmp_path / "repo"), sync={"workers": 2})
    write_jsonl(node.telemetry, EVENTS)
    original = staging.stage_shard

    def failing(job: Any, path: Path, *args: Any) -> None:
        original(job, path, *args)
        if forks.in_worker():
            return
        own = f"{atomic.TEMP_MARK}{os.getpid()}."
        while (
            not [  # polled, not timed: until the worker has written some
                p
                for p in (node.repo / "data").rglob("*")
                if atomic.is_temp(p) and own not in p.name
            ]
        ):
            time.sleep(0.01)
        raise OSError(28, "No space left on device", str(path))

    assert_fails_leaving_nothing(node, tmp_path, failing)
