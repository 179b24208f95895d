"""Publish's commit message: what the staged changes hold, counted by kind (new patterns, snapshots, …).

Reads the old side from HEAD and the new side from the staged copies (through ``peer_files``), so
the counts are those of what is committed, not of the work tree.
"""

from __future__ import annotations

import collections
from pathlib import Path

import msgspec

from fedlearn.formats import layout
from fedlearn.store import git_objects, peer_files

# Words of the commit message, in the order it lists them.
WORDS = (
    "pattern",
    "pattern updated",
    "pattern removed",
    "retraction",
    "fine-tuning record",
    "snapshot",
    "snapshot pruned",
    "telemetry",
    "metrics",
)


# The words after a noun of WORDS that say what happened to it.
CHANGED = ("updated", "removed", "pruned")


class Keyed(msgspec.Struct):
    """The one field a pattern or retraction line is counted by."""

    id: str


KEYED_DECODER = msgspec.json.Decoder(Keyed)


def kind_of(repo: Path, node: str, path: Path) -> str:
    """Return which of this node's files ``path`` is: pattern, retraction, dataset, snapshot, …."""
    if path == layout.pattern_file(repo, path.parent.name, node):
        return "pattern"
    category = path.parent.parent.name
    if path.parent == layout.shard_dir(repo, category, node) and layout.shard_of(path):
        return "pattern"
    exact = {
        layout.retraction_file(repo, node): "retraction",
        layout.fine_tuning_file(repo, node): "dataset",
        layout.telemetry_file(repo, node): "telemetry",
        layout.metrics_file(repo, path.parent.name, node): "metrics",
    }
    if path in exact:
        return exact[path]
    if path.parent == layout.telemetry_dir(repo, node) and layout.segment_number(path) is not None:
        return "telemetry"
    snapshot_dirs = (
        layout.fine_tuning_snapshot_dir(repo, node),
        layout.collection_dir(repo, path.parent.parent.name, node),
    )
    is_stamped = layout.STAMP_PATTERN.fullmatch(path.name.removesuffix(".jsonl")) is not None
    return "snapshot" if path.parent in snapshot_dirs and is_stamped else "other"


def keyed_lines(data: bytes) -> dict[str, bytes]:
    """Return id → line of a pattern or retraction file (lines that do not decode are left out)."""
    found = {}
    for line in data.splitlines():
        try:
            found[KEYED_DECODER.decode(line).id] = line
        except msgspec.DecodeError:
            continue
    return found


def tally(
    top: Path, root: Path, node: str, folder: Path, changes: list[tuple[str, str]]
) -> collections.Counter[str]:
    """Return the counts of the commit message (new ids, updated ids, snapshots, …) by word."""
    counts: collections.Counter[str] = collections.Counter()
    # A pattern may move between files (the migration to shards): ids are compared over them all.
    before_all: dict[str, bytes] = {}
    after_all: dict[str, bytes] = {}
    for letter, path in changes:
        kind = kind_of(root, node, top / path)
        old = git_objects.show(top, "HEAD", path) if letter != "A" else b""
        new = (peer_files.read(folder, folder / path, "dataset") or b"") if letter != "D" else b""
        if kind == "pattern":
            before_all |= keyed_lines(old)
            after_all |= keyed_lines(new)
        elif kind == "retraction":
            counts[kind] += len(keyed_lines(new).keys() - keyed_lines(old).keys())
        elif kind == "dataset":
            counts["fine-tuning record"] += len(set(new.splitlines()) - set(old.splitlines()))
        elif kind == "snapshot" and letter in "AD":
            counts["snapshot" if letter == "A" else "snapshot pruned"] += 1
        elif kind in ("telemetry", "metrics"):
            counts[kind] = 1
    counts["pattern"] += len(after_all.keys() - before_all.keys())
    counts["pattern removed"] += len(before_all.keys() - after_all.keys())
    counts["pattern updated"] += sum(
        after_all[k] != before_all[k] for k in after_all.keys() & before_all.keys()
    )
    return +collections.Counter({word: counts[word] for word in WORDS})


def phrase(word: str, count: int) -> str:
    """
    Return ``+3 patterns`` / ``1 pattern updated`` / ``+2 fine-tuning records`` / ``telemetry``
    for one counted word (the noun takes the plural, never the word that says what happened).
    """
    if word in ("telemetry", "metrics"):
        return word
    noun, rest = word, ""
    for done in CHANGED:
        if word.endswith(f" {done}"):
            noun, rest = word.removesuffix(f" {done}"), done
    plural = noun + ("s" if count != 1 else "")
    return f"{count} {plural} {rest}" if rest else f"+{count} {plural}"


def commit_message(
    node: str, counts: collections.Counter[str], changes: list[tuple[str, str]]
) -> str:
    """Return the commit message: a subject naming the node and the counts, then the files."""
    parts = [phrase(word, counts[word]) for word in WORDS if counts[word]]
    subject = f"fedlearn: node {node} {', '.join(parts) or 'data updated'}"
    files = [f"{letter} {path}" for letter, path in changes[:50]]
    if len(changes) > 50:
        files.append(f"… and {len(changes) - 50} more files")
    return subject + "\n\n" + "\n".join(files) + "\n"
