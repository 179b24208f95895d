"""Publish's commit message: each file's kind, the counts of a staged change set, the subject's words."""

from __future__ import annotations

import collections
import tempfile
from pathlib import Path

import pytest

from fedlearn.formats import layout
from fedlearn.jobs import publish_gate, publish_message
from fedlearn.store import git_objects
from tests.conftest import Node, git

ID_A, ID_B, ID_C = "a" * 32, "b" * 32, "c" * 32


def line(pattern_id: str, text: str = "x") -> bytes:
    """Return one pattern line with ``pattern_id`` (only ``id`` is read by the counts)."""
    return f'{{"id": "{pattern_id}", "text": "{text}"}}\n'.encode()


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("patterns/error-solutions/alpha.jsonl", "pattern"),
        ("patterns/error-solutions/alpha/ab.jsonl", "pattern"),
        ("patterns/error-solutions/alpha/notes.jsonl", "other"),
        ("retractions/alpha.jsonl", "retraction"),
        ("fine-tuning/alpha/dataset.jsonl", "dataset"),
        ("fine-tuning/alpha/snapshots/20260101T000000Z.jsonl", "snapshot"),
        ("fine-tuning/alpha/snapshots/latest.jsonl", "other"),
        ("collections/skills/alpha/20260101T000000Z.jsonl", "snapshot"),
        ("telemetry/alpha.jsonl", "telemetry"),
        ("telemetry/alpha/00000001.jsonl", "telemetry"),
        ("telemetry/alpha/first.jsonl", "other"),
        ("metrics/monthly/2026-01/alpha.json", "metrics"),
    ],
)
def test_kind_of_names_each_of_this_nodes_files(relative: str, kind: str, tmp_path: Path) -> None:
    """Patterns (either layout), retractions, the dataset, stamped snapshots, telemetry, metrics."""
    path = layout.data_dir(tmp_path) / relative
    assert publish_message.kind_of(tmp_path, "alpha", path) == kind


def test_keyed_lines_leaves_out_lines_without_an_id() -> None:
    """A line that is not JSON or has no ``id`` is not counted; the last line of an id wins."""
    data = line(ID_A, "old") + b"not json\n" + b'{"text": "no id"}\n' + line(ID_A, "new")
    assert publish_message.keyed_lines(data) == {ID_A: line(ID_A, "new").rstrip(b"\n")}


@pytest.mark.parametrize(
    ("word", "count", "said"),
    [
        ("pattern", 1, "+1 pattern"),
        ("pattern", 3, "+3 patterns"),
        ("pattern updated", 2, "2 patterns updated"),
        ("snapshot pruned", 1, "1 snapshot pruned"),
        ("fine-tuning record", 2, "+2 fine-tuning records"),
        ("telemetry", 1, "telemetry"),
        ("metrics", 1, "metrics"),
    ],
)
def test_phrase_puts_the_noun_in_the_plural(word: str, count: int, said: str) -> None:
    """The noun takes the plural, never the word that says what happened to it."""
    assert publish_message.phrase(word, count) == said


def test_commit_message_orders_the_counts_and_lists_at_most_50_files() -> None:
    """The subject follows WORDS' order; the body names 50 files and how many more there are."""
    counts = collections.Counter({"snapshot": 1, "pattern": 2, "telemetry": 1})
    changes = [("A", f"data/f{number}.jsonl") for number in range(52)]
    message = publish_message.commit_message("alpha", counts, changes)
    subject, blank, *files = message.splitlines()
    assert subject == "fedlearn: node alpha +2 patterns, +1 snapshot, telemetry"
    assert blank == "" and files[0] == "A data/f0.jsonl" and len(files) == 51
    assert files[-1] == "… and 2 more files"
    assert publish_message.commit_message("alpha", collections.Counter(), []).startswith(
        "fedlearn: node alpha data updated\n"
    )


def staged_counts(node: Node) -> collections.Counter[str]:
    """Stage ``node``'s files as publish does and return the commit message's counts."""
    cfg = node.config()
    top = node.repo.resolve()
    with git_objects.scratch_index(top) as index, tempfile.TemporaryDirectory() as name:
        changes = publish_gate.stage(cfg, top, index, Path(name))
        return publish_message.tally(top, top, "alpha", Path(name), changes)


def test_tally_counts_ids_across_a_patterns_move_to_shards(node: Node) -> None:
    """
    A pattern moved from the flat file into a shard is neither new nor removed; a changed line is
    updated, a dropped id removed, a new id new, and a dataset counts its new lines.
    """
    flat = layout.pattern_file(node.repo, "error-solutions", "alpha")
    flat.parent.mkdir(parents=True)
    flat.write_bytes(line(ID_A) + line(ID_B))
    dataset = layout.fine_tuning_file(node.repo, "alpha")
    dataset.parent.mkdir(parents=True)
    dataset.write_bytes(b"{}\n")
    git(node.repo, "add", "-A")
    git(node.repo, "commit", "-q", "-m", "before")
    flat.unlink()
    shard = layout.shard_dir(node.repo, "error-solutions", "alpha") / "aa.jsonl"
    shard.parent.mkdir(parents=True)
    shard.write_bytes(line(ID_A, "changed") + line(ID_C))
    dataset.write_bytes(b"{}\n" + b'{"a": 1}\n' + b'{"a": 2}\n')
    counts = staged_counts(node)
    assert counts == {
        "pattern": 1,
        "pattern updated": 1,
        "pattern removed": 1,
        "fine-tuning record": 2,
    }
