"""The only module that knows the paths under data/ (DESIGN.md "data/ layout").

Every file is written by exactly one node; readers take the union of all nodes' files.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from fedlearn.store import peer_files

DATA = "data"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
STAMP_PATTERN = re.compile(r"\d{8}T\d{6}Z")


def data_dir(repo: Path) -> Path:
    """Return ``<repo>/data``."""
    return repo / DATA


def pattern_dir(repo: Path, category: str) -> Path:
    """Return the folder of every node's pattern file of ``category``."""
    return data_dir(repo) / "patterns" / category


def pattern_file(repo: Path, category: str, node: str) -> Path:
    """Return this node's pattern file of ``category``."""
    return pattern_dir(repo, category) / f"{node}.jsonl"


def is_node_file(name: str, suffix: str = ".jsonl") -> bool:
    """Return whether ``name`` is ``<node id><suffix>``."""
    return peer_files.NODE.fullmatch(name.removesuffix(suffix)) is not None and name.endswith(
        suffix
    )


def node_files(repo: Path, folder: Path, suffix: str = ".jsonl") -> list[Path]:
    """
    Return the regular ``<node><suffix>`` files in ``folder``, sorted (``peer_files.entries``), as
    this node accepts them (``git_trust.listed``: with ``[trust]``, a forged new file is left out
    and a forged deletion put back; ``peer_files.read`` then gives its accepted content).
    """
    from fedlearn.store import git_trust

    found = peer_files.entries(
        repo,
        folder,
        folders=False,
        select=lambda name: name.endswith(suffix),
        valid=lambda name: is_node_file(name, suffix),
    )
    return git_trust.listed(folder, found, suffix, nested=False)


def pattern_files(repo: Path, category: str) -> list[Path]:
    """Return every node's pattern file of ``category``, sorted by node (checked: ``peer_files``)."""
    return node_files(repo, pattern_dir(repo, category))


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
    """Return this node's snapshot of its last high-value events."""
    return data_dir(repo) / "telemetry" / f"{node}.jsonl"


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
    paths += sorted((data / "patterns").glob(f"*/{node}.jsonl"))
    paths += sorted((data / "collections").glob(f"*/{node}"))
    paths += sorted((data / "metrics" / "monthly").glob(f"*/{node}.json"))
    return paths


def owner(path: str) -> str | None:
    """
    Return the node a path under data/ belongs to (``path`` relative to data/, ``/``-separated),
    or None for a path no node owns. Both pattern layouts count: ``patterns/<category>/<node>.jsonl``
    and the sharded ``patterns/<category>/<node>/<shard>.jsonl``.
    """
    parts = path.split("/")
    top, depth = parts[0], len(parts)
    if top in ("retractions", "telemetry") and depth == 2 and parts[1].endswith(".jsonl"):
        name = parts[1].removesuffix(".jsonl")
    elif top == "patterns" and depth == 3 and parts[2].endswith(".jsonl"):
        name = parts[2].removesuffix(".jsonl")
    elif top in ("patterns", "collections") and depth >= 4:
        name = parts[2]
    elif top == "fine-tuning" and depth >= 3:
        name = parts[1]
    elif parts[:2] == ["metrics", "monthly"] and depth == 4 and parts[3].endswith(".json"):
        name = parts[3].removesuffix(".json")
    else:
        return None
    return name or None


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
