"""fedlearn sync on real temp repos: outputs, reruns, splits, bad input, locks, retention."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fedlearn import cli, sample
from fedlearn.formats import layout, records
from fedlearn.jobs import sync as sync_job
from fedlearn.store import atomic, state
from tests.conftest import (
    Node,
    init_repo,
    node_outputs,
    own_pattern_bytes,
    run_fedlearn,
    telemetry_bytes,
    write_jsonl,
)

EVENTS = list(sample.events(400, seed=7, interaction_share=0.3))
CHATS = list(sample.chat_records(12, seed=3))


def sync(
    node: Node, *extra: str, capsys: pytest.CaptureFixture[str] | None = None
) -> dict[str, Any]:
    """Run sync in-process and return its JSON answer."""
    code = cli.main(["sync", "--config", str(node.config_file), "--json", "-q", *extra])
    assert code == 0
    if capsys is None:
        return {}
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_sync_writes_every_output(node: Node, capsys: pytest.CaptureFixture[str]) -> None:
    """Patterns per category, dataset with a snapshot, telemetry snapshot and month totals appear."""
    write_jsonl(node.telemetry, EVENTS)
    write_jsonl(node.dataset, CHATS)
    answer = sync(node, capsys=capsys)
    assert answer["state"] == "ok" and answer["events_read"] == len(EVENTS)
    assert answer["high_value"] > 0 and answer["bad_lines"] == {}
    for category in ("skills-patterns", "error-solutions", "best-practices"):
        lines = own_pattern_bytes(node.repo, category, "alpha").splitlines()
        decoded = [records.PATTERN_DECODER.decode(line) for line in lines]
        assert [p.id for p in decoded] == sorted({p.id for p in decoded})
        assert answer["patterns"][category]["total"] == len(decoded) > 0
    assert layout.fine_tuning_file(node.repo, "alpha").exists()
    assert len(layout.stamped_files(layout.fine_tuning_snapshot_dir(node.repo, "alpha"))) == 1
    high = telemetry_bytes(node.repo, "alpha").splitlines()
    assert len(high) == answer["high_value"]
    month = json.loads(
        next((node.repo / "data" / "metrics" / "monthly").glob("*/alpha.json")).read_text()
    )
    assert month["totals"]["events_read"] == len(EVENTS)


def test_sync_rerun_is_idle_and_rewrites_nothing(
    node: Node, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no new bytes, a rerun reports idle, no file under data/ changes, and it builds one
    anonymizer (the rules' fingerprint is the run's own anonymizer's)."""
    write_jsonl(node.telemetry, EVENTS)
    sync(node, capsys=capsys)
    built = []
    build = sync_job.anonymize.Anonymizer.__init__

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        built.append(1)
        build(self, *args, **kwargs)

    monkeypatch.setattr(sync_job.anonymize.Anonymizer, "__init__", counted)
    before = {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in (node.repo / "data").rglob("*")
        if p.is_file()
    }
    answer = sync(node, capsys=capsys)
    after = {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in (node.repo / "data").rglob("*")
        if p.is_file()
    }
    assert answer["state"] == "idle" and answer["files"] == []
    assert before == after
    assert len(built) == 1


def test_sync_counts_seen_once_per_event_across_runs(
    node: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same event appended in a later run adds one to this node's seen count."""
    event = {
        "timestamp": "2026-03-01T00:00:00Z",
        "value_score": 0.9,
        "error_message": "E1",
        "solution": "S1",
    }
    write_jsonl(node.telemetry, [event])
    sync(node, capsys=capsys)
    write_jsonl(
        node.telemetry,
        [dict(event, timestamp="2026-03-05T00:00:00Z", value_score=0.95)],
        append=True,
    )
    sync(node, capsys=capsys)
    (pattern,) = [
        records.PATTERN_DECODER.decode(line)
        for line in own_pattern_bytes(node.repo, "error-solutions", "alpha").splitlines()
    ]
    assert pattern.seen == {"alpha": 2} and pattern.value_score == 0.95
    assert (pattern.first_seen, pattern.last_seen) == (
        "2026-03-01T00:00:00Z",
        "2026-03-05T00:00:00Z",
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(0, len(EVENTS)), max_size=4),
    st.lists(st.integers(0, len(CHATS)), max_size=3),
)
def test_sync_output_does_not_depend_on_how_input_was_split(
    event_cuts: list[int], chat_cuts: list[int]
) -> None:
    """Syncing the input in several appends gives the same bytes as syncing it at once."""
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as many:
        whole = Node(Path(one), "alpha", init_repo(Path(one) / "repo"))
        write_jsonl(whole.telemetry, EVENTS)
        write_jsonl(whole.dataset, CHATS)
        sync(whole)
        split = Node(Path(many), "alpha", init_repo(Path(many) / "repo"))
        write_jsonl(split.telemetry, [])
        write_jsonl(split.dataset, [])
        for events, chats in zip(
            pieces(EVENTS, event_cuts), pieces(CHATS, chat_cuts, len(event_cuts) + 1), strict=True
        ):
            write_jsonl(split.telemetry, events, append=True)
            write_jsonl(split.dataset, chats, append=True)
            sync(split)
        assert node_outputs(split.repo, "alpha") == node_outputs(whole.repo, "alpha")


def pieces(items: list[Any], cuts: list[int], count: int | None = None) -> list[list[Any]]:
    """Cut ``items`` at the given positions into ``count`` (or len(cuts)+1) consecutive pieces."""
    count = count or len(cuts) + 1
    bounds = sorted(cuts)[: count - 1]
    bounds += [len(items)] * (count - 1 - len(bounds))
    edges = [0, *bounds, len(items)]
    return [items[a:b] for a, b in itertools.pairwise(edges)]


def test_sync_quarantines_bad_lines_and_keeps_good_ones(
    node: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each bad line is counted by reason and set aside with source and offset; good lines pass."""
    good = {"value_score": 0.9, "error_message": "E", "solution": "S"}
    node.telemetry.write_bytes(
        json.dumps(good).encode()
        + b"\n{broken\n"
        + b'{"value_score":"x"}\n'
        + b'{"value_score":0.9,"s":"\xff"}\n'
        + json.dumps(dict(good, solution="S2")).encode()
        + b"\n"
    )
    answer = sync(node, capsys=capsys)
    assert answer["bad_lines"] == {"invalid-json": 1, "invalid-utf8": 1, "wrong-type": 1}
    assert answer["patterns"]["error-solutions"]["new"] == 2
    quarantined = [
        json.loads(line)
        for f in (node.state / "quarantine").glob("*.jsonl")
        for line in f.read_text().splitlines()
    ]
    assert sorted(q["reason"] for q in quarantined) == [
        "invalid-json",
        "invalid-utf8",
        "wrong-type",
    ]
    assert all(q["source"] == str(node.telemetry) for q in quarantined)
    first = len(json.dumps(good)) + 1
    assert {q["offset"] for q in quarantined} == {
        first,
        first + len(b"{broken\n"),
        first + len(b"{broken\n") + len(b'{"value_score":"x"}\n'),
    }


def test_sync_never_overwrites_the_quarantine_of_a_sync_in_the_same_second(
    node: Node, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two syncs with bad lines within one second keep both quarantine files."""
    monkeypatch.setattr(layout, "stamp", lambda moment=None: "20260102T030405Z")
    node.telemetry.parent.mkdir(parents=True, exist_ok=True)
    for bad in (b"{not json\n", b"{still not json\n"):
        with node.telemetry.open("ab") as handle:
            handle.write(bad)
        assert cli.main(["sync", "--json", "-q", "--config", str(node.config_file)]) == 0
    names = sorted(p.name for p in (node.state / "quarantine").iterdir())
    assert names == ["sync-20260102T030405Z-2.jsonl", "sync-20260102T030405Z.jsonl"]


def test_sync_bounds_the_quarantine_and_counts_every_bad_line(
    make_node: Callable[..., Node],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """
    Bad lines past ``sync.quarantine_max_bytes`` are counted, not kept; later runs remove the
    oldest quarantine files, so a broken input can never fill the disk.
    """
    limit = 20_000
    node = make_node("alpha", sync={"quarantine_max_bytes": limit})
    good = {"value_score": 0.9, "error_message": "E", "solution": "S"}
    folder = node.state / "quarantine"
    sizes = []
    for run, stamp in enumerate(["20260102T030405Z", "20260102T040405Z", "20260102T050405Z"]):
        monkeypatch.setattr(layout, "stamp", lambda moment=None, stamp=stamp: stamp)
        lines = [json.dumps(dict(good, solution=f"S{run}")).encode()]
        lines += [b"{broken %d %d %s" % (run, n, b"x" * 100) for n in range(300)]
        with node.telemetry.open("ab") as handle:
            handle.write(b"\n".join(lines) + b"\n")
        answer = sync(node, capsys=capsys)
        assert answer["bad_lines"] == {"invalid-json": 300}
        assert answer["patterns"]["error-solutions"]["new"] == 1
        assert 0 < answer["bad_lines_not_kept"] < 300
        sizes.append(sum(p.stat().st_size for p in folder.iterdir()))
        kept = [json.loads(line) for p in folder.iterdir() for line in p.read_bytes().splitlines()]
        assert 0 < len(kept) < 300 and all(q["reason"] == "invalid-json" for q in kept)
    assert all(size <= limit for size in sizes)
    assert sorted(p.name for p in folder.iterdir())[-1] == "sync-20260102T050405Z.jsonl"
    assert "sync-20260102T030405Z.jsonl" not in {p.name for p in folder.iterdir()}


def test_sync_finishes_a_globbed_input_rotated_before_its_writer_reopens(
    make_node: Callable[..., Node], capsys: pytest.CaptureFixture[str]
) -> None:
    """
    A glob's input renamed to ``.1`` with no new file yet (the writer reopens on its next
    event): the rest of ``.1`` is read once through the input's cursor, never as an input of its
    own, and the new file is read from its start once it appears.
    """
    node = make_node("alpha")
    events = iter(sample.events(90, seed=11, interaction_share=0.5))
    current = node.telemetry.parent / "events.jsonl"
    node.config_file.write_text(
        node.config_file.read_text().replace(
            str(node.telemetry), str(node.telemetry.parent / "*.jsonl*")
        )
    )
    read = 0
    for step in ("first", "rotated", "reopened"):
        if step == "rotated":
            current.rename(current.with_name("events.jsonl.1"))
        else:
            write_jsonl(current, itertools.islice(events, 30), append=True)
        if step == "rotated":
            write_jsonl(
                current.with_name("events.jsonl.1"), itertools.islice(events, 30), append=True
            )
        read += sync(node, capsys=capsys)["events_read"]
    assert read == 90


def test_sync_forgets_the_cursor_of_an_input_that_is_gone(
    make_node: Callable[..., Node], capsys: pytest.CaptureFixture[str]
) -> None:
    """A globbed day file deleted by the stack's retention: its cursor goes, and no warning repeats."""
    node = make_node("alpha")
    folder = node.telemetry.parent
    node.config_file.write_text(
        node.config_file.read_text().replace(str(node.telemetry), str(folder / "day-*.jsonl"))
    )
    for day in ("day-01.jsonl", "day-02.jsonl"):
        write_jsonl(folder / day, sample.events(5, seed=len(day)))
    sync(node, capsys=capsys)
    (folder / "day-01.jsonl").unlink()
    sync(node, capsys=capsys)
    cursors = state.StateDir(node.state).load_cursors("sync")
    assert sorted(Path(key).name for key in cursors) == ["day-02.jsonl"]


def test_sync_keeps_the_cursor_of_an_input_whose_folder_is_not_there(
    node: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    The input's folder is missing for a while (a file system not mounted yet, a locked home):
    its cursor waits, and the file, back as it was, is not read again from its start.
    """
    write_jsonl(node.telemetry, EVENTS[:200])
    assert sync(node, capsys=capsys)["events_read"] == 200
    folder = node.telemetry.parent
    folder.rename(folder.with_name("unmounted"))
    assert sync(node, capsys=capsys)["events_read"] == 0
    assert "read last is gone" not in capsys.readouterr().err
    folder.with_name("unmounted").rename(folder)
    write_jsonl(node.telemetry, EVENTS[200:], append=True)
    assert sync(node, capsys=capsys)["events_read"] == len(EVENTS) - 200


def test_sync_leaves_the_temp_files_other_live_jobs_are_writing_in_the_state_dir(
    node: Node,
) -> None:
    """
    Import writing its quarantine file, metrics its textfile, any job its run record, each in a
    process of its own while sync starts: their temp files are not swept (the rename that ends
    the write would fail); a temp file whose writer is gone is.
    """
    write_jsonl(node.telemetry, EVENTS)
    alive, gone = os.getppid(), 2**31 - 1  # a live process that is not this one; no process
    writing = [
        node.state / "quarantine" / f".import.jsonl{atomic.TEMP_MARK}{alive}.0a1b2c3d",
        node.state / "runs" / f".export.json{atomic.TEMP_MARK}{alive}.0a1b2c3d",
    ]
    left = node.state / "metrics" / f".fedlearn.prom{atomic.TEMP_MARK}{gone}.0a1b2c3d"
    for path in [*writing, left]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    sync(node)
    assert all(path.exists() for path in writing) and not left.exists()


def test_sync_survives_a_blank_line_and_two_objects_on_one_line(
    node: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost newline (two objects on one line) after a blank line is one bad line, not a crash."""
    good = {"value_score": 0.9, "error_message": "E", "solution": "S"}
    node.telemetry.write_bytes(
        b"\n" + json.dumps(good).encode() + b'\n{"a":1}\n{"value_score":0.1}{"value_score":0.1}\n'
    )
    answer = sync(node, capsys=capsys)
    assert answer["bad_lines"] == {"invalid-json": 1} and answer["events_read"] == 3
    assert answer["patterns"]["error-solutions"]["new"] == 1


def test_sync_dry_run_writes_nothing(node: Node, capsys: pytest.CaptureFixture[str]) -> None:
    """--dry-run reads and reports but leaves data/ and the cursors alone."""
    write_jsonl(node.telemetry, EVENTS)
    answer = sync(node, "--dry-run", capsys=capsys)
    assert answer["dry_run"] is True and answer["high_value"] > 0
    assert (
        not any(p.is_file() and p.name != ".gitkeep" for p in (node.repo / "data").rglob("*"))
        if (node.repo / "data").exists()
        else True
    )
    assert not (node.state / "cursors" / "sync.json").exists()
    assert sync(node, capsys=capsys)["events_read"] == len(EVENTS)


def test_sync_refuses_with_exit_3_while_another_sync_holds_the_lock(node: Node) -> None:
    """A second sync exits 3 with a message naming the lock, and changes nothing."""
    write_jsonl(node.telemetry, EVENTS)
    with state.StateDir(node.state).lock("sync"):
        process = node.run("sync", check=False)
    assert process.returncode == 3
    assert "already running" in process.stderr and "hint:" in process.stderr
    assert not (node.repo / "data" / "patterns").exists()


@pytest.mark.e2e
def test_installed_sync_prints_a_summary_and_help(node: Node) -> None:
    """The installed command syncs generated telemetry and answers --help and --version."""
    write_jsonl(node.telemetry, EVENTS)
    process = node.run("sync")
    assert f"node alpha: {len(EVENTS)} events read" in process.stdout
    assert "error-solutions:" in process.stdout
    assert "sync" in run_fedlearn("sync", "--help").stdout
    assert run_fedlearn("--version").stdout.startswith("fedlearn ")
    second = node.run("sync", "--json")
    assert json.loads(second.stdout)["state"] == "idle"
    assert subprocess.run(
        ["git", "-C", str(node.repo), "status", "--porcelain"], capture_output=True, text=True
    ).stdout


def test_sync_removes_temp_files_a_crash_left_where_it_writes(node: Node) -> None:
    """Temp files no journal names, in any folder a sync writes, are gone after the next sync."""
    write_jsonl(node.telemetry, EVENTS)
    left = [
        layout.pattern_file(node.repo, "best-practices", "alpha").parent / ".x.fedlearn-tmp.1",
        layout.metrics_file(node.repo, "2020-01", "alpha").parent / ".y.fedlearn-tmp.2",
        layout.fine_tuning_snapshot_dir(node.repo, "alpha") / ".z.fedlearn-tmp.3",
        node.state / "cursors" / ".c.fedlearn-tmp.4",
        node.state / "runs" / ".sync.json.fedlearn-tmp.5",
        node.state / "journal" / ".sync.json.fedlearn-tmp.6",
        node.state / ".node-id.fedlearn-tmp.8",
        node.state / "import" / ".mark.json.fedlearn-tmp.9",
    ]
    # Another program's files in the state dir are not sync's to sweep, whatever their names.
    foreign = node.state / "qdrant" / "collection" / ".segment.fedlearn-tmp.7"
    for path in [*left, foreign]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    sync(node)
    assert [path for path in left if path.exists()] == []
    assert foreign.exists()


def test_sync_names_a_damaged_cursors_file_and_how_to_start_over(node: Node) -> None:
    """A damaged cursors file is a clear error with the file and the fixing command, not a crash."""
    write_jsonl(node.telemetry, EVENTS[:10])
    node.run("sync", "-q")
    cursors = state.StateDir(node.state).cursors_file("sync")
    cursors.write_bytes(b"garbage{")
    process = node.run("sync", check=False)
    assert process.returncode == 1 and "Traceback" not in process.stderr
    assert f"{cursors}: damaged" in process.stderr and f"mv {cursors}" in process.stderr


def test_sync_never_reads_the_fine_tuning_dataset_as_telemetry(
    node: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    """A telemetry glob that also matches the dataset leaves it to the fine-tuning read."""
    node.config_file.write_text(
        node.config_file.read_text().replace(
            str(node.telemetry), str(node.telemetry.parent / "*.jsonl")
        )
    )
    write_jsonl(node.telemetry, EVENTS[:50])
    write_jsonl(node.dataset, CHATS)
    answer = sync(node, capsys=capsys)
    assert answer["events_read"] == 50
    assert answer["fine_tuning"]["new"] > 0


def test_sync_sets_deeply_nested_lines_aside_as_too_deep(node: Node) -> None:
    """A telemetry or chat line nested past the cap (here 2,000 and 100 deep) is quarantined as
    ``too_deep``; the good lines around it are learned (through the installed command)."""
    good = {"value_score": 0.9, "error_message": "E", "solution": "S"}
    deep = b'{"value_score":0.9,"error_message":"D","solution":"x","n":' + b"[" * 2000
    deep += b"]" * 2000 + b"}\n"
    nested = dict(good, solution="N", n=json.loads("[" * 100 + "]" * 100))
    node.telemetry.write_bytes(
        json.dumps(good).encode()
        + b"\n"
        + deep
        + json.dumps(nested).encode()
        + b"\n"
        + json.dumps(dict(good, solution="S2")).encode()
        + b"\n"
    )
    chat = {"messages": [{"role": "user", "content": "hi"}], "metadata": {"n": 0}}
    node.dataset.write_bytes(
        b'{"messages":[{"role":"user","content":"'
        + b"x"
        + b'"}],"metadata":'
        + b'{"a":' * 1500
        + b"1"
        + b"}" * 1500
        + b"}\n"
        + json.dumps(chat).encode()
        + b"\n"
    )
    answer = json.loads(node.run("sync", "--json").stdout)
    assert answer["bad_lines"] == {"too_deep": 3}
    assert answer["patterns"]["error-solutions"]["new"] == 2
    records = [
        json.loads(line)
        for f in (node.state / "quarantine").glob("*.jsonl")
        for line in f.read_text().splitlines()
    ]  # a run of consecutive bad lines is one record; ``lines`` counts them
    assert [r["reason"] for r in records for _ in range(r.get("lines", 1))] == ["too_deep"] * 3
    node.run("sync")  # the rerun does not trip on them again


def test_sync_on_a_full_disk_names_the_path_and_filesystem(
    tmp_path: Path, small_disk: Path
) -> None:
    """A full disk fails sync with one line naming the file and the filesystem, no traceback, and
    no temp file left behind; with space again the rerun completes."""
    node = Node(tmp_path / "node", "alpha", small_disk / "repo")
    # A git work tree, every job needs one; no template: the sample hooks would fill the disk.
    subprocess.run(["git", "init", "-q", "--template=", str(node.repo)], check=True)
    events = [
        {"value_score": 0.9, "error_message": f"E{n} " + "x" * 400, "solution": "S"}
        for n in range(4000)
    ]
    write_jsonl(node.telemetry, events)
    process = node.run("sync", check=False)
    assert process.returncode == 1
    [line] = [line for line in process.stderr.splitlines() if line.startswith("fedlearn:")]
    assert "No space left on device" in line and str(small_disk / "repo" / "data") in line
    assert f"filesystem mounted at {small_disk}" in line
    assert "Traceback" not in process.stderr
    assert [p for p in small_disk.rglob("*") if atomic.is_temp(p)] == []


TICKETED = {
    "timestamp": "2026-02-01T00:00:00Z",
    "value_score": 0.9,
    "error_message": "deploy blocked by TCK-123456",
    "solution": "close TCK-123456 first",
}


def add_ticket_rule(node: Node) -> None:
    """Append the README's extra_rules example to the node's config."""
    with node.config_file.open("a") as handle:
        handle.write(
            '\n[anonymize]\nextra_rules = [{ name = "ticket", pattern = "TCK-[0-9]{6}" }]\n'
        )


def test_sync_rewrite_that_fails_midway_changes_nothing_and_a_rerun_completes(
    node: Node, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure while re-anonymizing leaves every file as it was, no temp behind; a rerun does it."""
    write_jsonl(node.telemetry, [TICKETED])
    sync(node)
    add_ticket_rule(node)
    before = node_outputs(node.repo, "alpha")

    def broken(*args: Any) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(sync_job.reanonymize, "stage_lines", broken)
    with pytest.raises(OSError, match="disk gone"):
        sync_job.run(node.config(), argparse_namespace())
    assert node_outputs(node.repo, "alpha") == before
    assert [p for p in (node.repo / "data").rglob("*") if atomic.is_temp(p)] == []
    monkeypatch.undo()
    answer = sync(node, capsys=capsys)
    assert answer["reanonymized"]["rekeyed"] == 1
    assert all(b"TCK-" not in data for data in node_outputs(node.repo, "alpha").values())
    assert json.loads(telemetry_bytes(node.repo, "alpha"))["error_message"] == (
        "deploy blocked by <redacted:ticket>"
    )


def argparse_namespace() -> Any:
    """Return sync's parsed arguments: no dry run, no forced rewrite."""
    import argparse

    return argparse.Namespace(dry_run=False, reanonymize=False)
