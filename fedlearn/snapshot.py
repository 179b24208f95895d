"""Collection snapshot stage: payload-only points and their manifest, encoded and verified.

A snapshot is trusted only when its manifest decodes with the known schema, names the folder it sits
in, carries the snapshot's sha256 and count, and every line is a point in id order (guarantee 7).
A snapshot without a manifest (an export interrupted between the two) is unverified.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs
import msgspec

from fedlearn import __version__, config, layout, points, records
from fedlearn.errors import VerifyError

log = logging.getLogger(__name__)


class SchemaOnly(msgspec.Struct, frozen=True):
    """The ``schema`` of a manifest, whatever else it holds."""

    schema: int = records.SCHEMA


SCHEMA_DECODER = msgspec.json.Decoder(SchemaOnly)


@attrs.frozen
class Verified:
    """A snapshot that passed verification, with its manifest and its points in id order."""

    path: Path
    manifest: records.Manifest
    points: list[records.Point]


@attrs.frozen
class Refusal:
    """A snapshot that failed verification: nothing from it is imported."""

    path: Path
    reason: str


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


def read_manifest(path: Path) -> records.Manifest:
    """Return the manifest of snapshot ``path``; raise VerifyError when it is missing or malformed."""
    try:
        raw = layout.manifest_of(path).read_bytes()
    except FileNotFoundError:
        raise VerifyError("no manifest (an interrupted export?)") from None
    try:
        # The schema first: a newer schema's manifest may have fields this version does not know.
        schema = SCHEMA_DECODER.decode(raw).schema
        if schema != records.SCHEMA:
            newer = (
                "; a newer fedlearn wrote it, upgrade this one" if schema > records.SCHEMA else ""
            )
            raise VerifyError(
                f"manifest schema {schema}, this fedlearn reads {records.SCHEMA}{newer}"
            )
        return records.MANIFEST_DECODER.decode(raw)
    except msgspec.DecodeError as error:
        raise VerifyError(f"manifest does not match the schema: {error}") from None


def check_manifest(found: records.Manifest, collection: str, node: str) -> None:
    """Raise VerifyError when the manifest names another folder or an impossible vector config."""
    if (found.collection, found.node) != (collection, node):
        where = f"{found.collection}/{found.node}"
        raise VerifyError(f"manifest is for {where}, the file is in {collection}/{node}")
    if found.vectors.size < 1 or found.vectors.distance not in config.DISTANCES:
        raise VerifyError(f"manifest has an invalid vector config {found.vectors}")


def decode_points(data: bytes) -> list[records.Point]:
    """Return the points of snapshot ``data``; raise VerifyError at the first line out of shape."""
    found: list[records.Point] = []
    for number, line in enumerate(data.split(b"\n")[:-1], start=1):
        try:
            point = records.POINT_DECODER.decode(line)
        except msgspec.DecodeError as error:
            raise VerifyError(f"line {number} is not a point: {error}") from None
        if not points.is_valid_id(point.id):
            raise VerifyError(f"line {number}: {point.id!r} is not a Qdrant point id")
        if found and points.sort_key(found[-1].id) >= points.sort_key(point.id):
            raise VerifyError(f"line {number}: ids are not strictly in order")
        found.append(point)
    return found


def verify(path: Path, collection: str, node: str) -> Verified:
    """
    Return the verified snapshot at ``path`` of ``collection`` by ``node``.

    Raise VerifyError naming the first check that fails: manifest present and of the known
    schema, for this folder, sha256 and point count equal, every line a point in id order.
    """
    found = read_manifest(path)
    check_manifest(found, collection, node)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != found.sha256:
        raise VerifyError("sha256 does not match the manifest")
    if data and not data.endswith(b"\n"):
        raise VerifyError("the last line is not terminated")
    decoded = decode_points(data)
    if len(decoded) != found.points:
        raise VerifyError(f"{len(decoded)} points, the manifest says {found.points}")
    return Verified(path=path, manifest=found, points=decoded)


def latest_verified(
    folder: Path, collection: str, node: str
) -> tuple[Verified | None, list[Refusal]]:
    """Return the newest snapshot in ``folder`` that verifies, and the newer ones that did not."""
    refused: list[Refusal] = []
    for path in reversed(layout.stamped_files(folder, ".jsonl")):
        try:
            return verify(path, collection, node), refused
        except VerifyError as error:
            log.warning("%s: refused: %s", path, error)
            refused.append(Refusal(path=path, reason=str(error)))
    return None, refused
