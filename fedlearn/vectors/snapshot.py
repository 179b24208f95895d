"""Collection snapshot stage: payload-only points and their manifest, as export encodes them.

One point per line in id order, the manifest carrying the lines' count and sha256, so that import
can verify a snapshot before it uses any of it (``verified``, guarantee 7).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs
import msgspec

from fedlearn import __version__
from fedlearn.formats import layout, records
from fedlearn.vectors import points


def encode(found: Iterable[records.Point]) -> bytes:
    """Return the snapshot JSONL of ``found`` at once: one point per line, sorted by id."""
    return records.encode_lines(sorted(found, key=lambda point: points.sort_key(point.id)))


@attrs.frozen
class Content:
    """What a manifest records of a snapshot's bytes: how many points (lines), and their sha256."""

    points: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> Content:
        """Return the content of snapshot ``data``."""
        return cls(points=data.count(b"\n"), sha256=hashlib.sha256(data).hexdigest())


class Encoder:
    """
    Encode a snapshot one point at a time, hashing and counting the lines as they go.

    Each line is handed to ``sink`` (a temp file's ``write``, or nothing for a dry run) and not
    kept, so a snapshot is never held whole; the result is the bytes ``encode`` gives for the same
    points. Points must come in snapshot order (``points.sort_key``), each id once.

    Attributes:
        points: how many points were added.
    """

    def __init__(self, sink: Callable[[bytes], object] | None = None) -> None:
        self.points = 0
        self._sink = sink
        self._hash = hashlib.sha256()
        self._last: points.PointId | None = None

    def add(self, point: records.Point) -> None:
        """Encode ``point`` as the next line; raise ValueError when it is not after the last one."""
        last = self._last
        if last is not None and points.sort_key(point.id) <= points.sort_key(last):
            raise ValueError(f"point {point.id!r} after {last!r}: not in snapshot order")
        line = records.encode_line(point)
        self._hash.update(line)
        if self._sink is not None:
            self._sink(line)
        self.points += 1
        self._last = point.id

    def content(self) -> Content:
        """Return the count and sha256 of the lines so far."""
        return Content(points=self.points, sha256=self._hash.hexdigest())


def manifest(
    collection: str,
    node: str,
    content: Content,
    *,
    created_at: str,
    truncated: bool,
    vectors: records.VectorConfig,
    embedding: records.EmbeddingInfo,
) -> records.Manifest:
    """Return the manifest of a snapshot with ``content``: its count and sha256, the vector config."""
    return records.Manifest(
        collection=collection,
        node=node,
        created_at=created_at,
        points=content.points,
        truncated=truncated,
        sha256=content.sha256,
        fedlearn_version=__version__,
        vectors=vectors,
        embedding=embedding,
    )


def file_sha256(path: Path) -> str | None:
    """Return the sha256 of the file at ``path``, read in blocks; None when it does not exist."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return None


def is_unchanged(previous: Path | None, new: records.Manifest) -> bool:
    """
    Return whether snapshot ``previous`` already holds the content ``new`` describes.

    True when its manifest equals ``new`` but for the creation time and fedlearn version, and the
    file's own sha256 is the one both record (a damaged file is replaced, not kept).
    """
    if previous is None:
        return False
    try:
        old = records.MANIFEST_DECODER.decode(layout.manifest_of(previous).read_bytes())
    except (OSError, msgspec.DecodeError):
        return False
    same_time = msgspec.structs.replace(
        old, created_at=new.created_at, fedlearn_version=new.fedlearn_version
    )
    return same_time == new and file_sha256(previous) == new.sha256
