"""The only module that knows the paths under data/ (DESIGN.md "data/ layout").

Every file is written by exactly one node; readers take the union of all nodes' files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fedlearn.store import git_held, peer_files

DATA = "data"
# A node's patterns of one category are split by the first hex digits of their content id: a sync
# rewrites only the shards its new records fall in (docs/data-layout.md).
SHARD_DIGITS = 2
SHARD_PATTERN = re.compile(rf"[0-9a-f_]{{{SHARD_DIGITS}}}")
# This node's last high-value events are kept in numbered segments a sync appends to, so a commit
# adds about its new lines, not the whole snapshot (docs/data-layout.md).
SEGMENT_DIGITS = 8
SEGMENT_PATTERN = re.compile(rf"\d{{{SEGMENT_DIGITS}}}")
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
STAMP_PATTERN = re.compile(r"\d{8}T\d{6}Z")
# How far a stamp may run ahead of this clock before it counts as made in the future: a peer's
# snapshot is passed over until its time, one of this node's own is replaced (``retention``).
FUTURE_SKEW = timedelta(minutes=10)


def data_dir(repo: Path) -> Path:
    """Return ``<repo>/data``."""
    return repo / DATA


def pattern_dir(repo: Path, category: str) -> Path:
    """Return the folder of every node's pattern file of ``category``."""
    return data_dir(repo) / "patterns" / category


def pattern_file(repo: Path, category: str, node: str) -> Path:
    """Return ``node``'s pattern file of ``category`` in the old, unsharded layout (read only)."""
    return pattern_dir(repo, category) / f"{node}.jsonl"


def is_node_file(name: str, suffix: str = ".jsonl") -> bool:
    """Return whether ``name`` is ``<node id><suffix>``."""
    return peer_files.NODE.fullmatch(name.removesuffix(suffix)) is not None and name.endswith(
        suffix
    )


def node_files(repo: Path, folder: Path, suffix: str = ".jsonl") -> list[Path]:
    """
    Return the regular ``<node><suffix>`` files in ``folder``, sorted (``peer_files.entries``), as
    this node accepts them (``git_held.listed``: with ``[trust]``, a forged new file is left out
    and a forged deletion put back; ``peer_files.read`` then gives its accepted content).
    """
    found = peer_files.entries(
        repo,
        folder,
        folders=False,
        select=lambda name: name.endswith(suffix),
        valid=lambda name: is_node_file(name, suffix),
    )
    return git_held.listed(folder, found, suffix, nested=False)


def shard_name(pattern_id: str) -> str:
    """Return the shard a pattern id belongs to: its first ``SHARD_DIGITS`` hex digits."""
    return pattern_id[:SHARD_DIGITS].lower().ljust(SHARD_DIGITS, "_")


def shard_dir(repo: Path, category: str, node: str) -> Path:
    """Return the folder of ``node``'s pattern shards of ``category``."""
    return pattern_dir(repo, category) / node


def shard_file(repo: Path, category: str, node: str, shard: str) -> Path:
    """Return ``node``'s shard ``shard`` (``shard_name``) of ``category``."""
    return shard_dir(repo, category, node) / f"{shard}.jsonl"


def is_shard_file(name: str) -> bool:
    """Return whether ``name`` is ``<shard>.jsonl`` (``shard_name``)."""
    return (
        name.endswith(".jsonl") and SHARD_PATTERN.fullmatch(name.removesuffix(".jsonl")) is not None
    )


def shard_of(path: Path) -> str | None:
    """Return the shard a sharded pattern file holds, or None for any other name."""
    return path.name.removesuffix(".jsonl") if is_shard_file(path.name) else None


def shard_files(repo: Path, folder: Path, shards: Iterable[str] | None = None) -> list[Path]:
    """
    Return the regular shard files in one node's ``folder`` (checked: ``peer_files.entries``;
    any other ``.jsonl`` name is refused), only ``shards`` when given, sorted.
    """
    wanted = None if shards is None else {f"{shard}.jsonl" for shard in shards}
    return peer_files.entries(
        repo,
        folder,
        folders=False,
        select=lambda name: name.endswith(".jsonl") and (wanted is None or name in wanted),
        valid=is_shard_file,
    )


def node_pattern_files(repo: Path, category: str, node: str) -> list[Path]:
    """
    Return ``node``'s pattern files of ``category`` in either layout (old file first), checked
    (``peer_files``) and as this node accepts them (``git_held.listed``).
    """
    old = [p for p in node_files(repo, pattern_dir(repo, category)) if p.name == f"{node}.jsonl"]
    folder = shard_dir(repo, category, node)
    found = git_held.listed(folder, shard_files(repo, folder), nested=False)
    return old + [path for path in found if shard_of(path) is not None]


def pattern_files(repo: Path, category: str, shards: Iterable[str] | None = None) -> list[Path]:
    """
    Return every node's pattern files of ``category``: the old layout's ``<node>.jsonl`` and the
    sharded ``<node>/<shard>.jsonl``, sorted, checked (``peer_files``: regular files with valid
    names in real node folders) and as this node accepts them (``git_held.listed``). With
    ``shards``, only those shards (and every old file, which may hold any shard) are returned, so
    a reader touches only what it needs: one listing per node folder.
    """
    folder = pattern_dir(repo, category)
    old = node_files(repo, folder)
    wanted = None if shards is None else sorted(set(shards))
    nodes = node_folders(repo, folder)
    sharded = [path for node in nodes for path in shard_files(repo, node, wanted)]
    accepted = [
        path
        for path in git_held.listed(folder, sharded, nested=True)
        if len(path.relative_to(folder).parts) == 2
        and peer_files.NODE.fullmatch(path.parent.name) is not None
        and (shard := shard_of(path)) is not None
        and (wanted is None or shard in wanted)
    ]
    return sorted(old + accepted)


def retraction_file(repo: Path, node: str) -> Path:
    """Return this node's retractions file."""
    return data_dir(repo) / "retractions" / f"{node}.jsonl"


def retraction_files(repo: Path) -> list[Path]:
    """Return every node's retractions file, sorted by node (checked: ``peer_files``)."""
    return node_files(repo, data_dir(repo) / "retractions")


def fine_tuning_dir(repo: Path, node: str) -> Path:
    """Return this node's fine-tuning folder."""
    return data_dir(repo) / "fine-tuning" / node


def fine_tuning_file(repo: Path, node: str) -> Path:
    """Return this node's anonymized, deduplicated fine-tuning dataset."""
    return fine_tuning_dir(repo, node) / "dataset.jsonl"


def fine_tuning_snapshot_dir(repo: Path, node: str) -> Path:
    """Return the folder of this node's fine-tuning snapshots."""
    return fine_tuning_dir(repo, node) / "snapshots"


def collection_dir(repo: Path, collection: str, node: str) -> Path:
    """Return the folder of this node's snapshots of ``collection``."""
    return data_dir(repo) / "collections" / collection / node


def collection_snapshot(repo: Path, collection: str, node: str, stamp: str) -> Path:
    """Return the snapshot JSONL of ``collection`` taken at ``stamp``."""
    return collection_dir(repo, collection, node) / f"{stamp}.jsonl"


def manifest_of(snapshot: Path) -> Path:
    """Return the manifest path that belongs to a snapshot JSONL."""
    return snapshot.with_name(snapshot.name.removesuffix(".jsonl") + ".manifest.json")


def collection_names(repo: Path) -> list[str]:
    """Return the collections any node has exported, sorted (real folders with valid names)."""
    root = data_dir(repo) / "collections"
    valid = peer_files.COLLECTION.fullmatch
    return [p.name for p in peer_files.entries(repo, root, folders=True, valid=valid)]


def collection_nodes(repo: Path, collection: str) -> list[str]:
    """Return the nodes that exported ``collection``, sorted (real folders named by node ids)."""
    root = data_dir(repo) / "collections" / collection
    valid = peer_files.NODE.fullmatch
    return [p.name for p in peer_files.entries(repo, root, folders=True, valid=valid)]


def telemetry_file(repo: Path, node: str) -> Path:
    """Return ``node``'s snapshot of its last high-value events in the old, one-file layout."""
    return data_dir(repo) / "telemetry" / f"{node}.jsonl"


def telemetry_dir(repo: Path, node: str) -> Path:
    """Return the folder of ``node``'s telemetry segments (its last high-value events)."""
    return data_dir(repo) / "telemetry" / node


def telemetry_segment(repo: Path, node: str, number: int) -> Path:
    """Return ``node``'s telemetry segment ``number`` (``00000001.jsonl``, oldest lowest)."""
    return telemetry_dir(repo, node) / f"{number:0{SEGMENT_DIGITS}d}.jsonl"


def segment_number(path: Path) -> int | None:
    """Return the number of a telemetry segment file, or None for any other name."""
    stem = path.name.removesuffix(".jsonl")
    if not path.name.endswith(".jsonl") or SEGMENT_PATTERN.fullmatch(stem) is None:
        return None
    return int(stem)


def telemetry_segments(folder: Path) -> list[Path]:
    """
    Return the telemetry segments in one node's ``folder`` (regular files with valid names, none
    in a symlinked folder: ``peer_files``), oldest first.
    """
    found = peer_files.entries(
        repo_of(folder),
        folder,
        folders=False,
        select=lambda name: name.endswith(".jsonl") and not name.startswith("."),
        valid=lambda name: segment_number(Path(name)) is not None,
    )
    return sorted(found, key=lambda path: path.name)


def node_folders(repo: Path, folder: Path) -> list[Path]:
    """Return the per-node folders in ``folder`` (the sharded layouts), checked (``peer_files``)."""
    return peer_files.entries(
        repo,
        folder,
        folders=True,
        select=lambda name: not name.endswith(".jsonl") and not name.startswith("."),
        valid=peer_files.NODE.fullmatch,
    )


def telemetry_files(repo: Path) -> list[Path]:
    """
    Return every node's telemetry files in either layout (the old ``<node>.jsonl`` and the
    segments ``<node>/<number>.jsonl``), sorted, checked (``peer_files``).
    """
    folder = data_dir(repo) / "telemetry"
    nodes = node_folders(repo, folder)
    return sorted(node_files(repo, folder) + [p for n in nodes for p in telemetry_segments(n)])


def metrics_file(repo: Path, month: str, node: str) -> Path:
    """Return this node's running totals for ``month`` (``YYYY-MM``)."""
    return data_dir(repo) / "metrics" / "monthly" / month / f"{node}.json"


def node_paths(repo: Path, node: str) -> list[Path]:
    """
    Return every path under data/ that belongs to ``node`` (files or folders, existing or not).

    Publish stages exactly these, so it never touches another node's files.
    """
    data = data_dir(repo)
    paths = [retraction_file(repo, node), fine_tuning_dir(repo, node), telemetry_file(repo, node)]
    paths += [telemetry_dir(repo, node)]
    paths += sorted((data / "patterns").glob(f"*/{node}.jsonl"))
    paths += sorted(p for p in (data / "patterns").glob(f"*/{node}") if p.is_dir())
    paths += sorted((data / "collections").glob(f"*/{node}"))
    paths += sorted((data / "metrics" / "monthly").glob(f"*/{node}.json"))
    return paths


def owner(path: str) -> str | None:
    """
    Return the node a path under data/ belongs to (``path`` relative to data/, ``/``-separated),
    or None for a path no node owns. Both pattern layouts count: ``patterns/<category>/<node>.jsonl``
    and the sharded ``patterns/<category>/<node>/<shard>.jsonl``; both telemetry layouts too:
    ``telemetry/<node>.jsonl`` and the segments ``telemetry/<node>/<number>.jsonl``.
    """
    parts = path.split("/")
    top, depth = parts[0], len(parts)
    if top in ("retractions", "telemetry") and depth == 2 and parts[1].endswith(".jsonl"):
        name = parts[1].removesuffix(".jsonl")
    elif top == "patterns" and depth == 3 and parts[2].endswith(".jsonl"):
        name = parts[2].removesuffix(".jsonl")
    elif top in ("patterns", "collections") and depth >= 4:
        name = parts[2]
    elif top in ("fine-tuning", "telemetry") and depth >= 3:
        name = parts[1]
    elif parts[:2] == ["metrics", "monthly"] and depth == 4 and parts[3].endswith(".json"):
        name = parts[3].removesuffix(".json")
    else:
        return None
    return name or None


def node_pathspecs(node: str, data: str = DATA) -> list[str]:
    """
    Return git pathspecs (relative to the repo's top) of every path under data/ that belongs to
    ``node``, in both pattern layouts: what the node alone writes, and what it never takes from
    the remote. ``data`` is the data folder's path relative to the repo's top.
    """
    own = [
        f"patterns/*/{node}.jsonl",
        f"patterns/*/{node}/**",
        f"retractions/{node}.jsonl",
        f"fine-tuning/{node}/**",
        f"telemetry/{node}.jsonl",
        f"telemetry/{node}/**",
        f"collections/*/{node}/**",
        f"metrics/monthly/*/{node}.json",
    ]
    return [f":(glob){data}/{path}" for path in own]


def stamp(moment: datetime | None = None) -> str:
    """Return the UTC ``YYYYMMDDTHHMMSSZ`` stamp of ``moment`` (now by default)."""
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)


def stamped_files(folder: Path, suffix: str = ".jsonl") -> list[Path]:
    """
    Return the files in ``folder`` named ``<stamp><suffix>``, oldest first by the stamp in the name.

    File times are never used: a fresh clone gives every file the same mtime. Only regular files
    are listed, and none in a symlinked folder (``peer_files``).
    """
    found = peer_files.entries(
        repo_of(folder),
        folder,
        folders=False,
        select=lambda name: name.endswith(suffix) and not name.startswith("."),
        valid=lambda name: STAMP_PATTERN.fullmatch(name.removesuffix(suffix)) is not None,
    )
    return sorted(found, key=lambda p: p.name)


def repo_of(path: Path) -> Path:
    """Return the repository a path under ``data/`` belongs to (the folder holding ``data``)."""
    for parent in path.parents:
        if parent.name == DATA:
            return parent.parent
    return path.parent
