"""Qdrant adapter: the one layer every Qdrant call goes through, embedded store or server.

Opening it (``connect``: the server at ``qdrant.url`` with its key, or the embedded store in the
state dir) and the calls on a collection's points (``Store``: scroll in id order, lookups,
upsert, delete, count, search). A ``Store`` is also a collection's schema
(``qdrant_collections``), and each call goes through one retry policy (``qdrant_calls``):
transient failures (connection errors, timeouts, 5xx, 429) are retried; anything else fails at
once as QdrantError carrying Qdrant's own message (guarantee 7: an outage leaves the import
resumable, skip-existing makes the rerun complete the rest).
"""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient, models

from fedlearn import config
from fedlearn.errors import QdrantError
from fedlearn.formats import records
from fedlearn.store import keyfile
from fedlearn.vectors import http_transport, points
from fedlearn.vectors.qdrant_collections import Collections

log = logging.getLogger(__name__)
PointId = int | str
STORE = "qdrant"
# Qdrant answers a page of payloads at a time; a few hundred MB is no page fedlearn asks for.
MAX_ANSWER_BYTES = 256 * 1024 * 1024


def target(settings: config.Qdrant, state: Path) -> str:
    """Return where the collections live: the server URL, or the embedded store's folder."""
    return settings.url or str(state / STORE)


def read_key(path: str) -> str | None:
    """Return the API key in ``path`` (stripped), or None when no file is configured."""
    return keyfile.read(path, "qdrant.api_key_file", QdrantError) if path else None


def open_client(settings: config.Qdrant, state: Path) -> QdrantClient:
    """
    Return a client of the server at ``qdrant.url``, or of the embedded store in the state dir.

    Raise QdrantError when the embedded store is held by another process (it takes a file lock).
    """
    if settings.url:
        return QdrantClient(
            url=settings.url,
            api_key=read_key(settings.api_key_file),
            timeout=math.ceil(settings.timeout),
            check_compatibility=False,
            transport=http_transport.DeadlineTransport(
                settings.timeout,
                service="qdrant",
                setting="qdrant.timeout",
                max_bytes=MAX_ANSWER_BYTES,
            ),
        )
    try:
        return QdrantClient(path=target(settings, state))
    except RuntimeError as error:
        raise QdrantError(
            f"embedded Qdrant store {target(settings, state)} is in use: {error}",
            hint="another fedlearn export or import holds it; rerun when it has finished",
        ) from None


def connect(settings: config.Qdrant, state: Path) -> Store:
    """Return a Store over the configured Qdrant; close it (or use it as a context manager)."""
    return Store(open_client(settings, state), settings, target(settings, state))


def point_id(value: int | str | uuid.UUID) -> PointId:
    """Return a point id as fedlearn keeps it: an integer, or a UUID as its canonical string."""
    return value if isinstance(value, int) else str(uuid.UUID(str(value)))


def canonical(ids: Sequence[PointId]) -> list[models.ExtendedPointId]:
    """
    Return ``ids`` with every UUID in its canonical spelling (``point_id``); a string that is no
    UUID stays as it is, for Qdrant to refuse with its own message.
    """
    found: list[models.ExtendedPointId] = []
    for value in ids:
        try:
            found.append(point_id(value))
        except ValueError:
            found.append(value)
    return found


def check_order(collection: str, last: PointId | None, found: PointId) -> None:
    """Raise QdrantError when scroll returned ``found`` after ``last``: not in snapshot order."""
    if last is not None and points.sort_key(found) <= points.sort_key(last):
        raise QdrantError(
            f"qdrant scroll {collection} returned point {found} after {last}, not in id order",
            hint="export writes snapshots in Qdrant's id order; report this with your Qdrant version",
        )


class Store(Collections):
    """
    The Qdrant calls fedlearn makes, each through the retry policy: a collection's schema
    (``qdrant_collections.Collections``) and, here, its points.

    Attributes:
        client: the qdrant-client instance (embedded or remote).
        target: the server URL or the embedded store's folder, for messages.
    """

    def scroll(self, collection: str, page_size: int) -> Iterator[records.Point]:
        """
        Yield every point of ``collection`` (payload only) in id order, a page at a time.

        Qdrant's scroll returns points sorted by id, in the server and in the embedded store:
        integers ascending, then UUIDs by their bytes, which is their canonical strings' order
        (``points.sort_key``). Only one page is held. Raise QdrantError when the points come in
        another order, since export writes its snapshots in the order they arrive.
        """
        offset: PointId | None = None
        last: PointId | None = None
        while True:
            page, following = self.call(
                f"scroll {collection}",
                self.client.scroll,
                collection,
                limit=page_size,
                offset=offset,
                with_payload=True,
                with_vectors=False,
            )
            for record in page:
                found = point_id(record.id)
                check_order(collection, last, found)
                last = found
                yield records.Point(id=found, payload=record.payload or {})
            del page  # released before the next page arrives
            if following is None:
                return
            if following == offset:
                raise QdrantError(f"qdrant scroll {collection} returned the same page offset twice")
            offset = point_id(following)

    def patterns(self, collection: str, ids: Sequence[PointId]) -> set[PointId]:
        """
        Return which of ``ids`` are pattern points in ``collection``: written by import from a
        pattern (payload ``origin`` is ``points.ORIGIN``, no ``points.OWNER``). The stack's own
        points and other nodes' are never one, whatever their id.
        """
        if not ids:
            return set()
        found = self.call(
            f"retrieve {collection}",
            self.client.retrieve,
            collection,
            canonical(ids),
            with_payload=["origin", points.OWNER],
            with_vectors=False,
        )
        return {
            point_id(record.id)
            for record in found
            if (record.payload or {}).get("origin") == points.ORIGIN
            and points.OWNER not in (record.payload or {})
        }

    def owners(self, collection: str, ids: Sequence[PointId]) -> dict[PointId, str | None]:
        """
        Return which of ``ids`` are in ``collection``, each with the node import marked it as
        (``points.OWNER``; None when unmarked). One retrieve, no vectors, one payload key.
        """
        if not ids:
            return {}
        found = self.call(
            f"retrieve {collection}",
            self.client.retrieve,
            collection,
            canonical(ids),
            with_payload=[points.OWNER],
            with_vectors=False,
        )
        return {point_id(record.id): (record.payload or {}).get(points.OWNER) for record in found}

    def upsert(
        self,
        collection: str,
        ids: Sequence[PointId],
        vectors: list[list[float]],
        payloads: list[dict[str, Any]],
    ) -> None:
        """
        Write one batch of points and wait until Qdrant has applied it.

        UUIDs are sent in their canonical spelling, as the server keeps them: qdrant-client's
        embedded store before 1.16 keeps the spelling it is given, and sorts and matches by it.
        Raise QdrantError, before Qdrant is asked, when a vector's length is not the collection's
        size: the embedded store before 1.16 keeps a broken point when it refuses one.
        """
        size = self.size(collection)
        for point, vector in zip(ids, vectors, strict=True):
            if size is not None and len(vector) != size:
                raise QdrantError(
                    f"qdrant upsert {collection} failed: vector dimension error: expected dim: "
                    f"{size}, got {len(vector)} for point {point}"
                )
        batch = models.Batch(ids=canonical(ids), vectors=vectors, payloads=payloads)
        self.call(f"upsert {collection}", self.client.upsert, collection, batch, wait=True)

    def delete(self, collection: str, ids: Sequence[PointId]) -> None:
        """Delete ``ids`` from ``collection`` and wait until Qdrant has applied it."""
        selector = models.PointIdsList(points=canonical(ids))
        self.call(f"delete {collection}", self.client.delete, collection, selector, wait=True)

    def count(self, collection: str) -> int:
        """Return the exact number of points in ``collection``."""
        return self.call(f"count {collection}", self.client.count, collection, exact=True).count

    def search(self, collection: str, vector: list[float], limit: int = 10) -> list[records.Point]:
        """Return the points nearest ``vector``, nearest first."""
        answer = self.call(
            f"query {collection}", self.client.query_points, collection, query=vector, limit=limit
        )
        hits = answer.points
        return [records.Point(id=point_id(hit.id), payload=hit.payload or {}) for hit in hits]

    def foreign(self, collection: str) -> int:
        """Return how many points of ``collection`` fedlearn does not own (``points.is_federated``)."""
        condition = models.Filter(
            must=[models.IsEmptyCondition(is_empty=models.PayloadField(key=points.OWNER))],
            must_not=[
                models.FieldCondition(key="origin", match=models.MatchValue(value=points.ORIGIN))
            ],
        )
        count = self.client.count
        return self.call(f"count {collection}", count, collection, condition, exact=True).count

    def delete_legacy(self, collection: str) -> int:
        """
        Delete the points of other nodes an earlier fedlearn wrote under their snapshot ids
        (``points.is_legacy``); return how many there were. Import writes them under ids of
        their own now (``points.foreign_point_id``), so each would be there twice, and one may
        hold a pattern's id.
        """
        condition = models.Filter(
            must=[models.IsEmptyCondition(is_empty=models.PayloadField(key=points.SOURCE_ID))],
            must_not=[models.IsEmptyCondition(is_empty=models.PayloadField(key=points.OWNER))],
        )
        count = self.client.count
        found = self.call(f"count {collection}", count, collection, condition, exact=True).count
        if found:
            selector = models.FilterSelector(filter=condition)
            self.call(f"delete {collection}", self.client.delete, collection, selector, wait=True)
        return found
