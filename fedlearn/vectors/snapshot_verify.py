"""Import's verification of collection snapshots: two streaming passes over one open file (guarantee 7).

The first pass reads a snapshot line by line: its manifest decodes with the known schema and names
the folder it sits in, the file hashes to the manifest's sha256 and holds its count of lines, every
line is a point and the ids are strictly in order. The file stays open, and the second pass reads
the same descriptor again as import uses the points, checking each run of lines against the digest
the first pass took of it before any point of the run is used: a file replaced since (as git
replaces files) is still read as it was verified, and one changed in place stops with an error
naming it. Neither pass holds more than one run of lines, so memory follows the run length (import's
batch size), not the snapshot; between the passes a snapshot keeps its open file and 32 bytes a run.
At most ``MAX_OPEN`` snapshots stay open (a federation of a thousand nodes must not run out of file
descriptors); past that, one is closed after its first pass and opened again when it is read, where
the same run digests stop a file that changed in between.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import attrs
import msgspec

from fedlearn import config
from fedlearn.errors import VerifyError
from fedlearn.formats import layout, records
from fedlearn.store import peer_files
from fedlearn.vectors import points

log = logging.getLogger(__name__)
DIGEST_BYTES = 32  # sha256, one per run of lines
MAX_OPEN = 256  # snapshots kept open between the passes; the rest are opened again when read
_held = [0]  # how many verified snapshots are open now
FUTURE_SKEW = layout.FUTURE_SKEW  # how far a snapshot's stamp may run ahead of this clock


class SchemaOnly(msgspec.Struct, frozen=True):
    """The ``schema`` of a manifest, whatever else it holds."""

    schema: int = records.SCHEMA


SCHEMA_DECODER = msgspec.json.Decoder(SchemaOnly)


@attrs.frozen
class VerifyRefusal:
    """A snapshot that failed verification: nothing from it is imported."""

    path: Path
    reason: str


class VerifiedSnapshot:
    """
    A snapshot that passed the first pass, kept open for the second (``points``).

    Close it (or use it as a context manager) when import is done with it.

    Attributes:
        path: the snapshot file.
        manifest: its manifest, verified.
    """

    def __init__(
        self,
        path: Path,
        manifest: records.Manifest,
        handle: BinaryIO | None,
        digests: bytes,
        run_lines: int,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self._handle = handle  # None: closed after the first pass, opened again by ``points``
        self._digests = digests  # the sha256 of each run of ``run_lines`` lines, end to end
        self._run_lines = run_lines

    def __enter__(self) -> VerifiedSnapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file (when it is still open)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            _held[0] -= 1

    def points(self) -> Iterator[records.Point]:
        """
        Yield the snapshot's points in id order, read again from the file the first pass verified
        (or, for one closed after it, from the file at its path, opened again for each run of
        lines and closed before its points are yielded: a merge over thousands of snapshots
        holds no more than ``MAX_OPEN`` files open).

        Raise VerifyError naming the file and the lines when a run of lines differs from the one the
        first pass hashed (or the file grew), before any point of that run is yielded.
        """
        if self._handle is not None:
            self._handle.seek(0)
            yield from self._read(iter(self._handle))
            return
        yield from self._read(self._reopened())

    def _reopened(self) -> Iterator[bytes]:
        """Yield the lines of the file at ``path``, opened again (checked) for each run of them."""
        offset = 0
        while True:
            handle = peer_files.open_binary(layout.repo_of(self.path), self.path, "snapshot")
            if handle is None:
                raise self.changed("it is gone or no longer a regular file")
            with handle:
                handle.seek(offset)
                run = list(itertools.islice(handle, self._run_lines))
                offset = handle.tell()
            yield from run
            if len(run) < self._run_lines:
                return

    def _read(self, lines: Iterator[bytes]) -> Iterator[records.Point]:
        """Yield the points of ``lines``, each run of lines checked against its digest first."""
        for start in range(0, len(self._digests), DIGEST_BYTES):
            run = list(itertools.islice(lines, self._run_lines))
            first = start // DIGEST_BYTES * self._run_lines + 1
            if not run:
                raise self.changed(f"it ends before line {first}")
            expected = self._digests[start : start + DIGEST_BYTES]
            if hashlib.sha256(b"".join(run)).digest() != expected:
                lines_shown = (
                    f"line {first}" if len(run) == 1 else f"lines {first}-{first + len(run) - 1}"
                )
                raise self.changed(f"the bytes of {lines_shown} differ")
            run.reverse()  # popped from the end: each line is let go once its point is made
            while run:
                yield records.POINT_DECODER.decode(run.pop())
        if next(lines, b""):
            raise self.changed(f"it has lines after line {self.manifest.points}")

    def changed(self, what: str) -> VerifyError:
        """Return the error of a snapshot whose bytes changed after verification: ``what`` did."""
        return VerifyError(
            f"{self.path} changed since it was verified: {what}; nothing more is imported from "
            "it, and the next import verifies it again"
        )


def open_snapshot(path: Path, collection: str, node: str, run_lines: int) -> VerifiedSnapshot:
    """
    Return the snapshot at ``path`` of ``collection`` by ``node``, verified and open.

    Raise VerifyError naming the first check that fails: manifest present and of the known
    schema, for this folder, sha256 equal, last line terminated, every line a point in id order,
    point count equal. ``run_lines`` is how many lines the second pass checks at a time.
    """
    found = read_manifest(path)
    check_manifest(found, collection, node)
    handle = peer_files.open_binary(layout.repo_of(path), path, "snapshot")
    if handle is None:
        raise VerifyError("not a regular file of a size fedlearn reads (fedlearn doctor lists it)")
    try:
        digests = first_pass(handle, found, run_lines)
    except BaseException:
        handle.close()
        raise
    if _held[0] >= MAX_OPEN:  # a large federation: this one is opened again when it is read
        handle.close()
        return VerifiedSnapshot(path, found, None, digests, run_lines)
    _held[0] += 1
    return VerifiedSnapshot(path, found, handle, digests, run_lines)


def first_pass(handle: BinaryIO, manifest: records.Manifest, run_lines: int) -> bytes:
    """
    Read ``handle`` through, one line at a time; return the sha256 of each run of ``run_lines``.

    Raise VerifyError when it does not match ``manifest`` or a line is not a point in order. The
    whole file is hashed before a bad line is reported, so damage shows as a checksum mismatch.
    """
    whole, run, digests = hashlib.sha256(), hashlib.sha256(), bytearray()
    count, problem, last, line = 0, "", None, b""
    for line in handle:
        whole.update(line)
        run.update(line)
        count += 1
        if count % run_lines == 0:
            digests += run.digest()
            run = hashlib.sha256()
        if not problem:
            problem, last = check_line(line, count, last)
    if count % run_lines:
        digests += run.digest()
    if whole.hexdigest() != manifest.sha256:
        raise VerifyError("sha256 does not match the manifest")
    if line and not line.endswith(b"\n"):
        raise VerifyError("the last line is not terminated")
    if problem:
        raise VerifyError(problem)
    if count != manifest.points:
        raise VerifyError(f"{count} points, the manifest says {manifest.points}")
    return bytes(digests)


def check_line(
    line: bytes, number: int, last: points.PointId | None
) -> tuple[str, points.PointId | None]:
    """Return what is wrong with line ``number`` ("" when it is a point after ``last``), its id."""
    try:
        point = records.POINT_DECODER.decode(line)
    except msgspec.DecodeError as error:
        return f"line {number} is not a point: {error}", last
    except RecursionError:
        return f"line {number} is nested too deep (too_deep)", last
    if not points.is_valid_id(point.id):
        return f"line {number}: {point.id!r} is not a Qdrant point id", last
    if last is not None and points.sort_key(last) >= points.sort_key(point.id):
        return f"line {number}: ids are not strictly in order", last
    return "", point.id


def latest(
    folder: Path, collection: str, node: str, run_lines: int
) -> tuple[VerifiedSnapshot | None, list[VerifyRefusal]]:
    """
    Return the newest snapshot in ``folder`` that verifies (open), and the newer ones refused
    (not logged: what a refusal means is the caller's to say).

    A snapshot stamped later than now (beyond ``FUTURE_SKEW``) is passed over until its time: a
    forged far-future stamp, or a clock that ran ahead, never shadows the real ones.
    """
    refused: list[VerifyRefusal] = []
    latest_stamp = layout.stamp(datetime.now(UTC) + FUTURE_SKEW)
    for path in reversed(layout.stamped_files(folder, ".jsonl")):
        if path.name.removesuffix(".jsonl") > latest_stamp:
            log.info("%s: stamped in the future; passed over until its time", path)
            continue
        try:
            return open_snapshot(path, collection, node, run_lines), refused
        except VerifyError as error:  # logged by the caller: a peer's is skipped, its own fails
            refused.append(VerifyRefusal(path=path, reason=str(error)))
    return None, refused


def read_manifest(path: Path) -> records.Manifest:
    """Return the manifest of snapshot ``path``; raise VerifyError when it is missing or malformed."""
    manifest = layout.manifest_of(path)
    raw = peer_files.read(layout.repo_of(path), manifest, "manifest")
    if raw is None:
        raise VerifyError("no manifest (an interrupted export?), or one fedlearn does not read")
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
    except RecursionError:
        raise VerifyError("manifest is nested too deep (too_deep)") from None


def check_manifest(found: records.Manifest, collection: str, node: str) -> None:
    """Raise VerifyError when the manifest names another folder or an impossible vector config."""
    if (found.collection, found.node) != (collection, node):
        where = f"{found.collection}/{found.node}"
        raise VerifyError(f"manifest is for {where}, the file is in {collection}/{node}")
    if found.vectors.size < 1 or found.vectors.distance not in config.DISTANCES:
        raise VerifyError(f"manifest has an invalid vector config {found.vectors}")
