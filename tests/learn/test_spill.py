"""A sync that sets its patterns down in batches writes the same bytes as one holding them all."""

from __future__ import annotations

import contextlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from fedlearn import cli, sample
from fedlearn.learn import forks, reading, spill, staging
from fedlearn.store import atomic, jsonl, rotation, state
from tests.conftest import Node, init_repo, sync_json, write_jsonl
from tests.learn.test_reading import SECRET_EVENT

FIRST = list(sample.events(300, seed=11, interaction_share=0.3))
SECOND = list(sample.events(300, seed=12, interaction_share=0.3))
LAST_SYNC = re.compile(rb'"last_sync": ?"[^"]*"')


def tree(root: Path) -> dict[str, bytes]:
    """Return every file under ``root`` by relative path (sync times masked), git's left out."""
    return {
        str(path.relative_to(root)): LAST_SYNC.sub(b'"last_sync":""', path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.parts
    }


def synced_twice(root: Path, workers: int) -> tuple[Node, list[dict[str, Any]]]:
    """Return a node that synced two inputs (the second updating the first's shards)."""
    node = Node(root, "alpha", init_repo(root / "repo"), sync={"workers": workers})
    answers = []
    for events in (FIRST + [SECRET_EVENT] * 3, SECOND + FIRST[:50] + [SECRET_EVENT]):
        write_jsonl(node.telemetry, events, append=True)
        answer = sync_json(node)
        answers.append({k: answer[k] for k in ("patterns", "redactions", "high_value")})
    return node, answers


def outcome(node: Node) -> tuple[dict[str, bytes], dict[str, bytes], bytes]:
    """Return the node's data/ tree, its state's copy of it and its pattern counts."""
    own = node.state / "own"
    return tree(node.repo / "data"), tree(own / "data"), (own / "counts.json").read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_sync_in_tiny_batches_writes_the_bytes_of_one_batch(workers: int) -> None:
    """
    With a batch of 7 patterns (many set-downs, by this process and by the workers, absorbed in
    input order), the data/ tree, the state's copy and the answer are those of a run that holds
    every pattern at once; nothing is left in the scratch folder.
    """
    seen = []
    for batch in (spill.BATCH_PATTERNS, 7):
        with tempfile.TemporaryDirectory() as root, pytest.MonkeyPatch.context() as patch:
            patch.setattr(spill, "BATCH_PATTERNS", batch)
            patch.setattr(reading, "PART_BYTES", 1000)
            patch.setattr(jsonl, "Reader", SmallChunks)  # a part's patterns come in several chunks
            set_down: list[int] = []  # by this process
            patch.setattr(spill, "write", recording(spill.write, set_down))
            from_workers: list[tuple[int, int]] = []
            patch.setattr(forks, "collect", batches_noted(forks.collect, from_workers))
            node, answers = synced_twice(Path(root), workers)
            assert bool(set_down) == (batch == 7)
            assert bool(sum(b for b, _ in from_workers)) == (batch == 7 and workers > 1)
            # A worker that set batches down sets its rest down too: none is pickled back.
            assert all(kept == 0 for b, kept in from_workers if b)
            assert not spill.folder_of(node.state).exists()
            seen.append((outcome(node), answers))
    assert seen[0] == seen[1]
    assert seen[0][1][1]["patterns"]["error-solutions"]["updated"] > 0


class SmallChunks(jsonl.Reader):
    """A reader of 4 KB chunks."""

    def __init__(self, segment: rotation.Segment, max_line_bytes: int) -> None:
        super().__init__(segment, max_line_bytes, 4096)


def recording(original: Any, calls: list[int]) -> Any:
    """Return ``original`` wrapped to note each call in ``calls``."""

    def recorded(*args: Any) -> Any:
        calls.append(1)
        return original(*args)

    return recorded


def batches_noted(collect: Any, noted: list[tuple[int, int]]) -> Any:
    """
    Return ``forks.collect`` wrapped to note how many batches each worker's part set down, and
    how many patterns it sent back in its tally.
    """

    def noting(*args: Any) -> Any:
        part = collect(*args)
        noted.append((len(part.batches), len(part.tally.patterns)))
        return part

    return noting


def test_a_sync_failing_while_it_stages_set_down_patterns_changes_nothing_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    """
    A sync whose staging fails after some shards of its set-down patterns leaves data/, the
    state's copy and the cursors as they were; the rerun (which clears the scratch left behind)
    writes what a run that never failed writes.
    """
    node = Node(tmp_path / "a", "alpha", init_repo(tmp_path / "a" / "repo"))
    write_jsonl(node.telemetry, FIRST)
    sync_json(node)
    write_jsonl(node.telemetry, SECOND, append=True)
    before = (outcome(node), state.StateDir(node.state).load_cursors("sync"))
    calls = [0]
    original = staging.stage_shard

    def failing(*args: Any) -> None:
        calls[0] += 1
        if calls[0] == 5:
            raise OSError(28, "No space left on device", "a shard")
        original(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spill, "BATCH_PATTERNS", 7)
        patch.setattr(staging, "stage_shard", failing)
        assert cli.main(["sync", "--config", str(node.config_file), "-q"]) != 0
        assert spill.folder_of(node.state).exists()  # the scratch a crash would leave
    assert (outcome(node), state.StateDir(node.state).load_cursors("sync")) == before
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spill, "BATCH_PATTERNS", 7)
        sync_json(node)
    whole = Node(tmp_path / "b", "alpha", init_repo(tmp_path / "b" / "repo"))
    write_jsonl(whole.telemetry, FIRST)
    sync_json(whole)
    write_jsonl(whole.telemetry, SECOND, append=True)
    sync_json(whole)
    assert outcome(node) == outcome(whole)
    assert not spill.folder_of(node.state).exists()


# A sync in its own process with a batch of 7 patterns, to be killed at random moments.
TINY_BATCH_SYNC = """
import sys
from fedlearn import cli
from fedlearn.learn import spill
spill.BATCH_PATTERNS = 7
sys.exit(cli.main(["sync", "-q", "--config", sys.argv[1]]))
"""


def set_down(state_dir: Path, since: int, process: subprocess.Popen[bytes]) -> None:
    """Wait until a batch written after ``since`` (ns) is in the scratch, or ``process`` ended.

    Polled, not timed: how long a process takes to start and import differs from machine to
    machine, and a kill meant for the batches must not land before the first one.
    """
    folder = spill.folder_of(state_dir)
    while process.poll() is None:
        with contextlib.suppress(OSError):
            if any(p.stat().st_mtime_ns >= since for p in folder.rglob("*") if p.is_file()):
                return
        time.sleep(0.005)


def fresh_node(root: Path, events: list[dict[str, Any]]) -> Node:
    """Return a node at ``root`` with ``events`` to read and nothing synced yet."""
    node = Node(root, "alpha", init_repo(root / "repo"))
    write_jsonl(node.telemetry, events)
    return node


@pytest.mark.e2e
def test_a_sync_setting_batches_down_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    """
    Syncs in tiny batches killed at random moments (reading, setting down, staging, committing),
    then one rerun, leave the files of one uninterrupted sync holding every pattern at once, and
    no temp file or scratch behind.
    """
    events = list(sample.events(4000, seed=13, interaction_share=0.5))
    reference = Node(tmp_path / "reference", "alpha", init_repo(tmp_path / "reference" / "repo"))
    write_jsonl(reference.telemetry, events)
    began = time.monotonic()
    sync_json(reference)
    crashed = fresh_node(tmp_path / "crashed", events)
    command = [sys.executable, "-c", TINY_BATCH_SYNC, str(crashed.config_file)]
    rng = random.Random(20261205)
    window = max(time.monotonic() - began, 0.5) * 2  # a process start and imports, besides
    amid_batches = 0
    for attempt in range(8):
        time.sleep(0.05)  # the last run's batches are older than this run's, even by a coarse clock
        started = time.time_ns() - 20_000_000  # file times may lag the clock by a tick
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt % 2:  # every other kill waits for this run's first set-down, then a little
            set_down(crashed.state, started, process)
            time.sleep(rng.uniform(0.0, 0.02))  # amid the batches, not after them
        else:  # the others land anywhere: starting, reading, setting down, staging, committing
            time.sleep(rng.uniform(0.05, window))
        process.send_signal(signal.SIGKILL)
        if process.wait() == 0:  # it finished first: a rerun after the kills before it; start over
            assert outcome(crashed) == outcome(reference)
            shutil.rmtree(crashed.root)
            crashed = fresh_node(crashed.root, events)
        amid_batches += spill.folder_of(crashed.state).exists()  # killed after a set-down
    assert amid_batches >= 2, f"only {amid_batches} kills landed after batches were set down"
    assert subprocess.run(command, check=False).returncode == 0
    assert outcome(crashed) == outcome(reference)
    leftovers = [
        p for root in (crashed.repo, crashed.state) for p in root.rglob("*") if atomic.is_temp(p)
    ]
    assert leftovers == [] and not spill.folder_of(crashed.state).exists()
