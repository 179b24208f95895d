"""Patterns stage: content ids, the join of records with one id, retractions, the merged view.

The join is commutative, associative and idempotent (DESIGN.md "Records"), so every node that has
read the same files computes the same view, in any order (guarantee 6).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

import msgspec

from fedlearn.formats import layout, records
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.store import git_trust

log = logging.getLogger(__name__)


def normalize(text: str) -> str:
    """Return ``text`` with runs of whitespace collapsed to one space and the ends stripped."""
    return " ".join(text.split())


def content_id(category: str, fields: Mapping[str, str]) -> str:
    """Return the first 32 hex of sha256 over the category and the normalized fields, by name."""
    digest = hashlib.sha256(category.encode())
    for name in sorted(fields):
        digest.update(b"\x00" + name.encode() + b"\x1f" + normalize(fields[name]).encode())
    return digest.hexdigest()[:32]


def content_order(pattern: Pattern) -> tuple[str, bytes]:
    """Return the key that picks, among records with one id, the one whose content is kept."""
    return pattern.text, records.ENCODER.encode(pattern.fields)


def join(a: Pattern, b: Pattern) -> Pattern:
    """
    Return the join of two records with the same id.

    ``value_score`` max, ``first_seen`` min, ``last_seen`` max, ``seen`` per-node max; the content
    (same id means same normalized content) is taken from the record whose text sorts first, so the
    result does not depend on the argument order.
    """
    if a.id != b.id:
        raise ValueError(f"cannot join patterns {a.id} and {b.id}")
    base = min(a, b, key=content_order)
    seen = dict(a.seen)
    for node, count in b.seen.items():
        seen[node] = max(seen.get(node, 0), count)
    return msgspec.structs.replace(
        base,
        value_score=max(a.value_score, b.value_score),
        first_seen=min(a.first_seen, b.first_seen),
        last_seen=max(a.last_seen, b.last_seen),
        seen=dict(sorted(seen.items())),
    )


def absorb(table: dict[str, Pattern], pattern: Pattern) -> bool:
    """Join ``pattern`` into ``table`` by id; return whether the id was new."""
    present = table.get(pattern.id)
    table[pattern.id] = pattern if present is None else join(present, pattern)
    return present is None


def join_all(patterns: Iterable[Pattern]) -> dict[str, Pattern]:
    """Return the patterns joined by id."""
    table: dict[str, Pattern] = {}
    for pattern in patterns:
        absorb(table, pattern)
    return table


def read(path: Path) -> list[Pattern]:
    """
    Return the patterns in one node's file (empty when the file does not exist).

    A line that does not decode is logged with its file and line and skipped, so one bad line in
    another node's file never hides the rest.
    """
    try:
        data = git_trust.read(path)
    except FileNotFoundError:
        return []
    return parse(data, path)


def read_node(repo: Path, category: str, node: str) -> dict[str, Pattern]:
    """Return ``node``'s patterns of ``category`` from data/ (either layout), joined by id."""
    return join_all(
        p for path in layout.node_pattern_files(repo, category, node) for p in read(path)
    )


def parse(data: bytes, path: Path) -> list[Pattern]:
    """Return the patterns in the content ``data`` of the file ``path`` (bad lines logged)."""
    found = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            found.append(records.PATTERN_DECODER.decode(line))
        except msgspec.DecodeError as error:
            log.warning("%s:%d: skipped, not a pattern record: %s", path, number, error)
    return found


def encode(table: Mapping[str, Pattern]) -> bytes:
    """Return a node's pattern file content: one record per id, sorted by id."""
    return records.encode_lines(table[key] for key in sorted(table))


def read_retractions(repo: Path) -> dict[str, Retraction]:
    """Return every node's retractions by id (the earliest tombstone of an id wins)."""
    found: dict[str, Retraction] = {}
    folder = layout.retraction_file(repo, "_").parent
    for path in git_trust.listed(folder, layout.retraction_files(repo)):
        for number, line in enumerate(git_trust.read(path).splitlines(), start=1):
            if not line.strip():
                continue
            try:
                tombstone = records.RETRACTION_DECODER.decode(line)
            except msgspec.DecodeError as error:
                log.warning("%s:%d: skipped, not a retraction: %s", path, number, error)
                continue
            kept = found.get(tombstone.id)
            if kept is None or (tombstone.retracted_at, tombstone.reason) < (
                kept.retracted_at,
                kept.reason,
            ):
                found[tombstone.id] = tombstone
    return found


def merged_view(
    repo: Path, categories: Iterable[str], shards: Mapping[str, set[str] | None] | None = None
) -> dict[str, dict[str, Pattern]]:
    """
    Return category → id → the join over all nodes' files, with retracted ids removed.

    Both layouts are read (a node's old ``<node>.jsonl`` and its shards), so nodes that have not
    migrated yet are seen too. With ``shards`` (category → shard names), only the patterns of those
    shards are returned, and only those shard files are read (with every old-layout file); a
    category it maps to None (or leaves out) is read whole.
    """
    retracted = read_retractions(repo)
    view: dict[str, dict[str, Pattern]] = {}
    for category in categories:
        wanted = None if shards is None else shards.get(category)
        table: dict[str, Pattern] = {}
        files = layout.pattern_files(repo, category, wanted)
        for path in git_trust.listed(layout.pattern_dir(repo, category), files):
            for pattern in read(path):
                keep = wanted is None or layout.shard_name(pattern.id) in wanted
                if keep and pattern.id not in retracted:
                    absorb(table, pattern)
        view[category] = dict(sorted(table.items()))
    return view


def build(
    category: str, fields: dict[str, str], value_score: float, seen_at: str, node: str
) -> Pattern:
    """Return the pattern one event of ``node`` makes (fields already anonymized)."""
    return Pattern(
        id=content_id(category, fields),
        category=category,
        text="\n".join(fields.values()),
        fields=fields,
        value_score=value_score,
        first_seen=seen_at,
        last_seen=seen_at,
        seen={node: 1},
    )


def accumulate(present: Pattern | None, observed: Pattern, node: str) -> Pattern:
    """
    Return ``present`` updated with a new observation on ``node``: its count for that node adds up.

    This is how one node's own file grows across syncs; ``join`` is how replicas are combined.
    """
    if present is None:
        return observed
    joined = join(present, observed)
    seen = dict(joined.seen)
    seen[node] = present.seen.get(node, 0) + observed.seen.get(node, 0)
    return msgspec.structs.replace(joined, seen=dict(sorted(seen.items())))
