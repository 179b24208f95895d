"""Reading sync's inputs: forked workers read ranges of a large input as one process would."""

from __future__ import annotations

import json
import os
import signal
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fedlearn import anonymize, cli, sample
from fedlearn.learn import forks, reading
from tests.conftest import Node, init_repo, node_outputs, sync_json, write_jsonl

EVENTS = list(sample.events(400, seed=7, interaction_share=0.3))


SECRET_EVENT = {
    "timestamp": "2026-02-03T04:05:06Z",
    "value_score": 0.9,
    "error_message": "401 from api.example.org",
    "solution": "rotate the key ghp_" + "Ab1" * 12 + " and mail ops@example.org",
}


def telemetry_with_bad_lines(events: list[Any], bad_at: list[int]) -> bytes:
    """Return ``events`` as JSONL with a bad line (each reason in turn) before the given indexes."""
    bad = [b"{broken", b'{"value_score":"x"}', b'{"value_score":0.9,"s":"\xff"}', b"x" * 3000]
    lines = [json.dumps(event).encode() for event in events]
    for index in range(0, len(lines), 97):  # redactions in patterns and snapshot, all ranges
        lines.insert(index, json.dumps(SECRET_EVENT).encode())
    for number, index in enumerate(sorted(bad_at, reverse=True)):
        lines.insert(index, bad[number % len(bad)])
    return b"\n".join(lines) + b"\n" + b'{"value_score":0.95,"title":"cut'  # a partial last line


def observable(node: Node, answer: dict[str, Any]) -> dict[str, Any]:
    """Return what a sync leaves behind that must not depend on how many processes read it."""
    quarantine = b"".join(p.read_bytes() for p in sorted((node.state / "quarantine").glob("*")))
    quarantine = quarantine.replace(str(node.root).encode(), b"<root>")
    cursors = json.loads((node.state / "cursors" / "sync.json").read_text())
    keys = ("events_read", "high_value", "unmatched", "bad_lines", "redactions")
    facts = {k: answer[k] for k in keys}
    offsets = [c["offset"] for c in cursors.values()]
    return {
        **node_outputs(node.repo, "alpha"),
        "quarantine": quarantine,
        "offsets": offsets,
        **facts,
    }


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(0, len(EVENTS)), max_size=5),
    st.integers(2, 5),
    st.sampled_from([1, 700, 20_000]),
)
def test_sync_output_does_not_depend_on_how_many_workers_read(
    bad_at: list[int], workers: int, part_bytes: int
) -> None:
    """Workers reading ranges of the input give the same files, counts and cursors as one process."""
    data = telemetry_with_bad_lines(EVENTS, bad_at)
    seen = []
    for count in (1, workers):
        with (
            tempfile.TemporaryDirectory() as root,
            pytest.MonkeyPatch.context() as patch,
        ):
            patch.setattr(reading, "PART_BYTES", part_bytes)
            spawned = counting(patch, forks, "spawn")
            node = Node(
                Path(root),
                "alpha",
                init_repo(Path(root) / "repo"),
                sync={"max_line_bytes": 2048, "workers": count},
            )
            node.telemetry.write_bytes(data)
            answer = sync_json(node)
            assert (spawned[0] > 0) == (count > 1 and len(data) >= 2 * part_bytes)
            seen.append(observable(node, answer))
    assert seen[0] == seen[1]
    assert sum(seen[0]["bad_lines"].values()) == len(bad_at) and seen[0]["redactions"]


def test_sync_keeps_the_same_bad_lines_in_a_full_quarantine_however_many_workers_read() -> None:
    """
    A quarantine too small for every bad line keeps the same first ones, and counts the same
    rest, when workers read the ranges: a later range's worker does not fill its own budget with
    lines one process would not keep, and drop the small ones it would.
    """
    lines = [json.dumps(event).encode() for event in EVENTS]
    first = [b"{broken " + b"a" * 900] * 10
    last = [b"{broken " + b"b" * 4500] * 4 + [b"{broken c"] * 5
    data = b"\n".join(first + lines + last) + b"\n"
    seen = []
    for count in (1, 2):
        with tempfile.TemporaryDirectory() as root, pytest.MonkeyPatch.context() as patch:
            patch.setattr(reading, "PART_BYTES", 1000)
            spawned = counting(patch, forks, "spawn")
            node = Node(
                Path(root),
                "alpha",
                init_repo(Path(root) / "repo"),
                sync={"workers": count, "quarantine_max_bytes": 20_000},
            )
            node.telemetry.write_bytes(data)
            answer = sync_json(node)
            assert (spawned[0] > 0) == (count > 1)
            seen.append((answer["bad_lines_not_kept"], observable(node, answer)))
    assert seen[0] == seen[1] and seen[0][0] > 0


@pytest.mark.parametrize("part_bytes", [1000, 10**9])
def test_a_large_segment_builds_the_prefilter_at_once(node: Node, part_bytes: int) -> None:
    """A segment worth a worker (``PART_BYTES``) builds the RE2 set before its first line (its
    workers inherit it); a small one leaves it to the anonymizer (after ``re2_after``)."""
    write_jsonl(node.telemetry, EVENTS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "PART_BYTES", part_bytes)
        built = counting(patch, anonymize.Anonymizer, "build_prefilter")
        sync_json(node)
    assert built[0] == (1 if part_bytes == 1000 else 0)


def counting(patch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Wrap ``module.name`` so its calls are counted; return the one-element counter."""
    calls = [0]
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    patch.setattr(module, name, counted)
    return calls


def test_sync_fails_whole_when_a_worker_dies(
    node: Node, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker killed mid-read fails the run with exit 1 and moves no cursor and no file."""
    write_jsonl(node.telemetry, EVENTS)
    monkeypatch.setattr(reading, "PART_BYTES", 1)
    original = reading.SyncRun.read_part

    def dies_in_a_worker(self: reading.SyncRun, segment: Any) -> Any:
        if segment.start > 0:  # every range but the first runs in a worker
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, segment)

    monkeypatch.setattr(reading.SyncRun, "read_part", dies_in_a_worker)
    code = cli.main(["sync", "--config", str(node.config_file), "-q"])
    assert code == 1
    assert "killed by signal 9" in capsys.readouterr().err
    assert not (node.repo / "data" / "patterns").exists()
    assert not (node.state / "cursors" / "sync.json").exists()
