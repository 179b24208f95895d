"""This run's pattern tallies set down on disk, by shard, when they outgrow a batch (issue 20).

A sync of a large input would otherwise hold every pattern it learned until the end. Once the
tally of the run, or of the range a worker reads (``learning.Tally``), reaches ``BATCH_PATTERNS``,
its pattern tallies are written, in order of category and shard, to a batch's scratch file under
``<state>/spill/sync/``, and dropped from memory; the run keeps its batches in input order. At the
staging, each shard's lines are read back from every batch's file, one shard at a time, and
absorbed in the order they were set down (``learning.absorb_patterns``): the tally one process
reading everything at once would hold, so the shards staged are the same bytes.

Scratch only: no file under data/ or in this node's state copy is written here, nothing names
these files, and every sync starts by removing what an interrupted one left (``clear``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern
from fedlearn.learn import learning

# Pattern tallies a run holds in memory before it sets them down (about 1 KB each).
BATCH_PATTERNS = 5_000
# A shard's pattern tallies as ``learning.Tally`` holds them (pattern, events, best score, first
# and last seen, the redactions in the pattern's fields), as one MessagePack array: scratch that
# only this run reads back, where MessagePack's strings need no escaping (about 40% less CPU than
# JSON lines here, and one decode per shard and batch).
ENCODER = msgspec.msgpack.Encoder()
ENTRIES_DECODER = msgspec.msgpack.Decoder(
    list[tuple[Pattern, int, float, str, str, dict[str, int]]]
)


def folder_of(state_root: Path) -> Path:
    """Return the scratch folder of a sync's spilled patterns in the state dir ``state_root``."""
    return state_root / "spill" / "sync"


def clear(folder: Path) -> None:
    """Remove the scratch folder ``folder`` and the batch files in it (what an interrupted run left)."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:  # os, not shutil: a sync's start imports no shutil (tests/test_cli.py)
        Path(entry.path).unlink(missing_ok=True)
    folder.rmdir()


# One set-down batch: its file, and (category, shard) → the byte range of that shard's lines.
Batch = tuple[Path, dict[tuple[str, str], tuple[int, int]]]


def write(folder: Path, tallies: dict[str, list[Any]]) -> Batch:
    """
    Set ``tallies`` (``Tally.patterns``) down as a new batch file in ``folder``, its entries in
    order of category and shard (in input order within one); return it. A worker process sets
    its own batches down, under names of their own.
    """
    shards: dict[tuple[str, str], list[list[Any]]] = {}
    for entry in tallies.values():
        pattern = entry[0]
        shards.setdefault((pattern.category, layout.shard_name(pattern.id)), []).append(entry)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{secrets.token_hex(8)}.spill"
    index, offset = {}, 0
    with path.open("xb") as handle:
        for key in sorted(shards):
            data = ENCODER.encode(shards[key])
            handle.write(data)
            index[key] = (offset, offset + len(data))
            offset += len(data)
    return path, index


class Spill:
    """The batches a run set down so far, in input order."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.batches: list[Batch] = []

    def add(self, tallies: dict[str, list[Any]]) -> None:
        """Set ``tallies`` down as the next batch (``write``)."""
        self.batches.append(write(self.folder, tallies))

    def take(self, category: str) -> Iterator[tuple[str, dict[str, list[Any]]]]:
        """
        Yield ``category``'s shards in order, each with its pattern tallies absorbed in the
        order they were set down (``learning.absorb_patterns``); a shard's lines are read from
        each batch's file when its turn comes.
        """
        shards = sorted({shard for _, index in self.batches for c, shard in index if c == category})
        with contextlib.ExitStack() as stack:
            files = [(stack.enter_context(path.open("rb")), index) for path, index in self.batches]
            for shard in shards:
                tallies: dict[str, list[Any]] = {}
                for handle, index in files:
                    span = index.get((category, shard))
                    if span is not None:
                        handle.seek(span[0])
                        data = handle.read(span[1] - span[0])
                        learning.absorb_patterns(tallies, ENTRIES_DECODER.decode(data))
                yield shard, tallies
