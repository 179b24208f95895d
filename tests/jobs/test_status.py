"""fedlearn status reflects the state dir, data/ and git."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn import config, sample
from fedlearn.formats import layout, records
from fedlearn.jobs import status as status_job
from fedlearn.learn import merge, patterns, withdrawals
from fedlearn.report import overview
from fedlearn.store import own, state
from tests.conftest import Node, git, write_jsonl

EVENTS = list(sample.events(300, seed=4, interaction_share=0.3))


def status(node: Node) -> tuple[int, dict[str, object]]:
    """Run the installed status command; return (exit code, JSON answer)."""
    process = node.run("status", "--json", check=False)
    return process.returncode, json.loads(process.stdout)


def test_status_reports_runs_patterns_and_backlog(node: Node) -> None:
    """After a sync, status shows it ok, the pattern counts, and new bytes as backlog."""
    write_jsonl(node.telemetry, EVENTS)
    node.run("sync")
    write_jsonl(node.telemetry, EVENTS[:5], append=True)
    code, answer = status(node)
    assert code == 0
    assert answer["jobs"]["sync"]["state"] == "ok"
    assert answer["jobs"]["publish"] is None
    (backlog,) = [b for b in answer["backlog"] if b["input"] == str(node.telemetry)]
    assert backlog["pending"] == sum(len(json.dumps(e)) + 1 for e in EVENTS[:5])
    assert answer["patterns"]["node"] == answer["patterns"]["merged"]
    assert sum(answer["patterns"]["node"].values()) > 0
    assert answer["git"]["branch"] == "main" and answer["git"]["behind"] == 0


def test_status_exits_1_after_a_failed_run(node: Node) -> None:
    """A sync that failed is shown failed with its error, and status exits 1."""
    cursors = node.state / "cursors" / "sync.json"
    cursors.parent.mkdir(parents=True)
    cursors.write_text("{not json")
    failed = node.run("sync", check=False)
    assert failed.returncode == 1 and f"fedlearn: {cursors}: damaged" in failed.stderr
    code, answer = status(node)
    assert code == 1
    assert (
        answer["jobs"]["sync"]["state"] == "failed" and "damaged" in answer["jobs"]["sync"]["error"]
    )
    text = node.run("status", check=False)
    assert "failed" in text.stdout


@pytest.mark.parametrize("damage", ["{not json", "[" * 5000 + "]" * 5000])
def test_status_skips_a_damaged_month_file_with_a_warning(node: Node, damage: str) -> None:
    """One damaged metrics file (a bad hand edit, or nesting past the decoder's recursion limit)
    is named and left out; status still answers, and the next sync restores it from this node's
    state (own files) and counts on."""
    write_jsonl(node.telemetry, EVENTS)
    node.run("sync", "-q")
    [month] = (node.repo / "data" / "metrics" / "monthly").glob("*/alpha.json")
    month.write_text(damage)
    process = node.run("status", "--json", check=False)
    assert process.returncode == 0 and json.loads(process.stdout)["jobs"]["sync"]["state"] == "ok"
    assert f"{month.relative_to(node.repo)}: ignored, damaged" in process.stderr
    write_jsonl(node.telemetry, EVENTS[:1])
    node.run("sync", "-q")
    assert json.loads(month.read_text())["totals"]["syncs"] == 2


def test_status_stats_this_nodes_files_after_a_sync_and_reads_none(
    node: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    The own-files check of status after a sync (which noted the marks of what it wrote) and a
    retract costs a stat per file: no file of this node's is read, and none is reported edited.
    """
    write_jsonl(node.telemetry, sample.events(200, seed=5))
    node.run("sync", "-q")
    pattern = min(patterns.read_node(node.repo, "error-solutions", node.name))
    node.run("retract", pattern, "--reason", "wrong", "-q")

    cfg = node.config()
    copies = (
        layout.data_dir(cfg.repo_path),
        own.OwnFiles(state.StateDir(cfg.state_path), cfg.repo_path, node.name).mirror_root,
    )
    original = Path.read_bytes

    def unread(path: Path) -> bytes:
        assert not any(path.is_relative_to(copy) for copy in copies), f"{path} read"
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", unread)
    view = overview.gather(cfg)
    assert view.own_files.adopted and view.own_files.differing == []


def test_status_counts_the_quarantine_while_a_sync_removes_its_oldest_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A quarantine file a sync removes (over sync.quarantine_max_bytes) between the listing and the
    read is not counted, and status (or the metrics job) does not fail.
    """
    store = state.StateDir(tmp_path)
    folder = store.quarantine_dir()
    record = b'{"source":"x","offset":0,"reason":"invalid-json","bytes":1,"preview":"{"}\n'
    for name in ("sync-20260101T000000Z.jsonl", "sync-20260102T000000Z.jsonl"):
        (folder / name).write_bytes(record)
    original = Path.read_bytes

    def removed_first(path: Path) -> bytes:
        if path.name == "sync-20260101T000000Z.jsonl":
            path.unlink()  # the sync's transaction removed it just now
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", removed_first)
    assert overview.quarantined(store) == {"invalid-json": 1}


def test_backlog_does_not_count_a_globbed_input_renamed_to_1_as_unread(node: Node) -> None:
    """
    The input renamed to ``.1`` before its writer makes it again: sync finishes ``.1`` through the
    input's cursor, so its bytes, read already, are not shown as backlog of an input of its own.
    """
    node.config_file.write_text(
        node.config_file.read_text().replace(
            str(node.telemetry), str(node.telemetry.parent / "*.jsonl*")
        )
    )
    write_jsonl(node.telemetry, EVENTS)
    node.run("sync")
    node.telemetry.rename(node.telemetry.with_name(node.telemetry.name + ".1"))
    cfg = node.config()
    pending = {b.path: b.pending for b in overview.backlog(cfg, state.StateDir(cfg.state_path))}
    assert sum(pending.values()) == 0, pending


def test_status_merged_counts_follow_pulls_retractions_and_syncs(
    make_node: Callable[..., Node],
) -> None:
    """The kept merged counts are read again when HEAD's patterns, a retraction or a sync change."""
    alpha, beta = make_node("alpha"), make_node("beta")
    write_jsonl(alpha.telemetry, EVENTS[:150])
    alpha.run("sync")
    alpha.run("publish")
    first = status(alpha)[1]["patterns"]["merged"]
    assert status(alpha)[1]["patterns"]["merged"] == first
    write_jsonl(beta.telemetry, EVENTS[150:])
    beta.run("sync")
    beta.run("publish")
    alpha.run("pull", "--no-import")
    pulled = status(alpha)[1]["patterns"]["merged"]
    assert sum(pulled.values()) > sum(first.values())

    def ids(node: Node) -> set[str]:
        return {i for c in config.CATEGORIES for i in patterns.read_node(alpha.repo, c, node.name)}

    some = min(ids(alpha) - ids(beta))  # alpha alone holds it: its retraction removes it
    alpha.run("retract", some, "--reason", "test")
    assert sum(status(alpha)[1]["patterns"]["merged"].values()) == sum(pulled.values()) - 1
    write_jsonl(
        alpha.telemetry,
        [{"value_score": 0.9, "error_message": "new", "solution": "s"}],
        append=True,
    )
    alpha.run("sync")
    assert sum(status(alpha)[1]["patterns"]["merged"].values()) == sum(pulled.values())


def test_status_counts_withheld_retractions_once_per_change(
    make_node: Callable[..., Node], fulls: list[int]
) -> None:
    """
    A node's tombstone of a pattern another node holds is counted as withheld (its own record
    only); the count is kept with the merged counts at HEAD (``tally``), and after a commit it is
    brought forward from what changed, not counted whole again.
    """
    alpha, beta = make_node("alpha"), make_node("beta")
    write_jsonl(alpha.telemetry, EVENTS[:150])
    alpha.run("sync")
    alpha.run("publish")
    beta.run("pull", "--no-import")
    shared = min(patterns.read_node(beta.repo, "error-solutions", "alpha"))
    tombstone = records.Retraction(id=shared, retracted_at="2026-01-01T00:00:00Z", reason="x")
    path = layout.retraction_file(beta.repo, "mallory")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(records.encode_line(tombstone))
    git(beta.repo, "add", "data")
    git(beta.repo, "commit", "-qm", "mallory retracts alpha's pattern")
    cfg = beta.config()
    calls = fulls
    assert status_job.withheld(cfg) == {"mallory": 1}
    assert status_job.withheld(cfg) == {"mallory": 1} and len(calls) == 1
    path.unlink()
    git(beta.repo, "commit", "-qam", "withdrawn")
    assert status_job.withheld(cfg) == {} and len(calls) == 1
    assert withdrawals.withheld(beta.repo, merge.read_retractions(beta.repo)) == {}
    assert "withheld retractions" not in beta.run("status").stdout
