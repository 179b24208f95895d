"""Patterns stage: content ids, the join of records with one id, reading and checking them.

The join is commutative, associative and idempotent (DESIGN.md "Records"), so every node that has
read the same files computes the same view, in any order (guarantee 6).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec

from fedlearn.formats import layout, records
from fedlearn.formats.records import Pattern
from fedlearn.store import peer_files, peer_records

log = logging.getLogger(__name__)
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
PATTERN_ID = re.compile(r"[0-9a-f]{32}")
NODE = peer_files.NODE
FUTURE_SKEW = timedelta(days=1)  # a record's times may run ahead of this clock by this much
EARLIEST = "1970-01-01T00:00:00Z"  # no record's time is older
MAX_SEEN = 10**9  # events of one pattern on one node
MAX_SEEN_NODES = 100_000
MAX_FIELDS = 6  # the categories' rules name two or three fields
MAX_REASON = 4096
# Records kept of one other node's pattern file, at most (issue 15, "bounded everything";
# docs/sharing.md "Memory across files"): its first ones, read line by line
# (``peer_records.read_records``). A node's shard holds 1/256 of a category, an old-layout file all
# of it; the 64 MiB cap allows ~220,000 small records.
MAX_PER_FILE = 100_000


def normalize(text: str) -> str:
    """Return ``text`` with runs of whitespace collapsed to one space and the ends stripped."""
    return " ".join(text.split())


def content_id(category: str, fields: Mapping[str, str]) -> str:
    """
    Return the first 32 hex of sha256 over the category and the normalized fields, by name: the
    UTF-8 of ``category``, then of ``"\x00" + name + "\x1f" + normalize(value)`` for each field
    in order of name (joined and encoded once: the same bytes as encoding each part).
    """
    parts = [category]
    for name in sorted(fields):
        parts.append(f"\x00{name}\x1f{normalize(fields[name])}")
    return hashlib.sha256("".join(parts).encode()).hexdigest()[:32]


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
    Return the verified patterns in one node's file (empty when it is missing or refused).

    A record in a shard file must belong to that shard (``layout.shard_name``), so reading only
    an id's shard finds every record of it.

    A node's file speaks for that node only (``sighted_by``): a record's ``seen`` is read as the
    file's node's own count, whatever other nodes it names.

    The file is read through the checked reader (``peer_files``), line by line, its first
    ``MAX_PER_FILE`` records kept; a line that does not decode, or whose record does not verify
    (``verified``), is counted and skipped, so one bad line in another node's file never hides
    the rest.
    """
    return read_whole(path)[0]


def read_whole(
    path: Path, *, own: bool = False, budget: peer_records.Budget | None = None
) -> tuple[list[Pattern], bool]:
    """Return what ``read`` returns, and whether the file was read and every line of it kept;
    ``own`` (a file of this node's) is kept whole, past ``MAX_PER_FILE``; ``budget`` is spent
    on the records kept (``peer_records.read_records``)."""
    repo = layout.repo_of(path)
    category = category_of(path)
    shard = None if path.parent.parent.name == "patterns" else path.stem
    node = node_of(path)

    def decode(line: bytes) -> Pattern | None:
        found = verified(records.PATTERN_DECODER.decode(line), category)
        if found is None or (shard is not None and layout.shard_name(found.id) != shard):
            return None  # a record in another shard's file: no node's sync writes it there
        return sighted_by(found, node)

    limit = None if own else MAX_PER_FILE
    read = peer_records.read_records(repo, path, "patterns", decode, limit=limit, budget=budget)
    return ([], False) if read is None else (read.found, read.whole)


def verified(pattern: Pattern, category: str, now: datetime | None = None) -> Pattern | None:
    """
    Return ``pattern`` as read from a file of ``category``, checked, or None when it is refused.

    Its id is recomputed from its category and fields, its text must be its fields' values (one
    per line, in some order), its times well-formed and not in the future (beyond a day's skew),
    its ``seen`` counts positive and bounded under node ids; ``value_score`` is clamped to [0, 1].
    """
    if pattern.category != category or content_id(category, pattern.fields) != pattern.id:
        return None
    if not is_text_of(pattern.text, list(pattern.fields.values())):
        return None
    latest = ((now or datetime.now(UTC)) + FUTURE_SKEW).strftime("%Y-%m-%dT%H:%M:%SZ")
    times = (pattern.first_seen, pattern.last_seen)
    if not all(is_time(t) for t in times) or not times[0] <= times[1] <= latest:
        return None
    if len(pattern.seen) > MAX_SEEN_NODES or not all(
        NODE.fullmatch(node) and 0 < count <= MAX_SEEN for node, count in pattern.seen.items()
    ):
        return None
    score = pattern.value_score
    if not math.isfinite(score):
        return None
    if not 0.0 <= score <= 1.0:
        return msgspec.structs.replace(pattern, value_score=min(max(score, 0.0), 1.0))
    return pattern


def is_time(text: str) -> bool:
    """
    Return whether ``text`` is a real UTC time ``YYYY-MM-DDTHH:MM:SSZ`` from 1970 on: the join takes
    the earliest ``first_seen``, so ``0000-00-00T00:00:00Z`` in a peer's copy would otherwise
    become every node's first sighting of the pattern.
    """
    if not TIME.fullmatch(text) or text < EARLIEST:
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def sighted_by(pattern: Pattern, node: str) -> Pattern:
    """
    Return ``pattern``, read from ``node``'s file, with ``seen`` holding ``node``'s count only
    (1 when it names none: the file holds the pattern, so its node has seen it).

    Sync writes only its own node's count into its files (the merged view joins the nodes'
    counts), so a count for another node there is forged: a peer's file never raises another
    node's count, nor carries a map of 100,000 made-up nodes into every node's memory and Qdrant.
    Who holds a pattern stays the file's node, as before (retractions read it so).
    """
    if len(pattern.seen) == 1 and node in pattern.seen:
        return pattern
    return msgspec.structs.replace(pattern, seen={node: pattern.seen.get(node, 1)})


def is_text_of(text: str, values: list[str]) -> bool:
    """Return whether ``text`` is ``values`` joined by newlines, in some order (as ``build`` made it)."""
    if len(values) > MAX_FIELDS or len(text) != sum(map(len, values)) + max(len(values) - 1, 0):
        return False
    return any("\n".join(order) == text for order in itertools.permutations(values))


def category_of(path: Path) -> str:
    """Return the category of a pattern file in either layout (``<category>/<node>.jsonl`` or
    ``<category>/<node>/<shard>.jsonl``)."""
    return path.parent.name if path.parent.parent.name == "patterns" else path.parent.parent.name


def node_of(path: Path) -> str:
    """Return the node a pattern file in either layout belongs to (``<node>.jsonl`` or
    ``<node>/<shard>.jsonl``)."""
    return path.stem if path.parent.parent.name == "patterns" else path.parent.name


def read_node(repo: Path, category: str, node: str) -> dict[str, Pattern]:
    """Return ``node``'s verified patterns of ``category`` from data/ (either layout), joined by id;
    every file whole (this node's: no ``MAX_PER_FILE``)."""
    files = layout.node_pattern_files(repo, category, node)
    return join_all(p for path in files for p in read_whole(path, own=True)[0])


def parse(data: bytes, path: Path) -> list[Pattern]:
    """
    Return the patterns in the content ``data`` of this node's own file ``path`` (its state copy,
    never another node's file: those are read with ``read``); bad lines are logged and skipped.
    """
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
    # The encoder's own lines: one buffer, not a bytes object per record joined (records.encode_lines).
    return records.ENCODER.encode_lines([table[key] for key in sorted(table)])


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
