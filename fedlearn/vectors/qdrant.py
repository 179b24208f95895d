"""Qdrant adapter: the one layer every Qdrant call goes through, embedded store or server.

Transient failures (connection errors, timeouts, 5xx, 429) are retried with one tenacity policy;
anything else fails at once as QdrantError carrying Qdrant's own message (guarantee 7: an outage
leaves the import resumable, skip-existing makes the rerun complete the rest).
"""

from __future__ import annotations

import inspect
import logging
import math
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from qdrant_client import QdrantClient, models

from fedlearn import config, retry
from fedlearn.errors import QdrantError
from fedlearn.formats import records
from fedlearn.store import keyfile
from fedlearn.vectors import http_transport, points, qdrant_retry

log = logging.getLogger(__name__)
T = TypeVar("T")
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


def vector_config(params: Any) -> records.VectorConfig | None:
    """Return the size and distance of a collection's single unnamed vector, or None for others."""
    if isinstance(params, dict):
        params = params.get("") if len(params) == 1 else None
    if not isinstance(params, models.VectorParams):
        return None
    return records.VectorConfig(size=params.size, distance=params.distance.value)


class Store:
    """
    The Qdrant calls fedlearn makes, each through the retry policy.

    Attributes:
        client: the qdrant-client instance (embedded or remote).
        target: the server URL or the embedded store's folder, for messages.
    """

    def __init__(self, client: QdrantClient, settings: config.Qdrant, where: str) -> None:
        self.client = client
        self.settings = settings
        self.target = where
        self.sizes: dict[str, int] = {}  # vector size per collection, for upsert's check

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the client (and the embedded store's file lock)."""
        self.client.close()

    def call(self, what: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """
        Return ``function(*args, **kwargs)``, retrying transient failures.

        Raise QdrantError naming ``what`` with Qdrant's message when it is refused, or when Qdrant
        stays unreachable through every attempt.
        """
        try:
            return retry.retrying(qdrant_retry.policy(self.settings))(function, *args, **kwargs)
        except qdrant_retry.REPORTED as error:
            hint = ""
            if qdrant_retry.is_transient(error):
                hint = f"is Qdrant up at {self.target}? a rerun of the job resumes where it stopped"
            raise QdrantError(
                f"qdrant {what} failed: {qdrant_retry.describe(error)}", hint=hint
            ) from None

    def exists(self, collection: str) -> bool:
        """Return whether ``collection`` exists."""
        return self.call(f"exists {collection}", self.client.collection_exists, collection)

    def vectors(self, collection: str) -> records.VectorConfig | None:
        """
        Return the vector size and distance of ``collection``; None when it does not exist.

        Raise QdrantError when it uses named or multiple vectors (not federated).
        """
        if not self.exists(collection):
            return None
        info = self.call(f"info {collection}", self.client.get_collection, collection)
        found = vector_config(info.config.params.vectors)
        if found is None:
            raise QdrantError(
                f"collection {collection} has named vectors; fedlearn supports one unnamed vector"
            )
        self.sizes[collection] = found.size
        return found

    def create(self, collection: str, vectors: records.VectorConfig) -> None:
        """Create ``collection`` with one unnamed vector of this size and distance."""
        params = models.VectorParams(size=vectors.size, distance=models.Distance(vectors.distance))
        create = self.client.create_collection
        self.call(f"create {collection}", create, collection, vectors_config=params)
        self.sizes[collection] = vectors.size

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

    def size(self, collection: str) -> int | None:
        """Return the vector size of ``collection`` (asked once per Store); None when unknown."""
        if collection not in self.sizes:
            self.vectors(collection)
        return self.sizes.get(collection)

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

    # --- what import needs to keep a collection's vectors of one embedder ---

    def real_name(self, collection: str) -> str:
        """Return the collection ``collection`` names: the alias's target, or itself."""
        answer = self.call("aliases", self.client.get_aliases)
        found = {alias.alias_name: alias.collection_name for alias in answer.aliases}
        return found.get(collection, collection)

    def metadata(self, collection: str) -> dict[str, Any] | None:
        """Return ``collection``'s metadata; None where this Qdrant or qdrant-client keeps none."""
        info = self.call(f"info {collection}", self.client.get_collection, collection)
        found = getattr(info.config, "metadata", None)
        return found if isinstance(found, dict) else None

    def set_metadata(self, collection: str, metadata: dict[str, Any]) -> bool:
        """
        Merge ``metadata`` into ``collection``'s; return False where qdrant-client has no
        collection metadata (before 1.16). Raise QdrantError when Qdrant refuses it.
        """
        if not has_metadata():
            return False
        update = self.client.update_collection
        self.call(f"update {collection}", update, collection, metadata=metadata)
        return True

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

    def drop(self, collection: str) -> None:
        """Delete ``collection`` and every point in it."""
        self.call(f"delete {collection}", self.client.delete_collection, collection)
        self.sizes.pop(collection, None)

    def point_alias(self, alias: str, collection: str) -> None:
        """
        Make ``alias`` name ``collection``, in one operation when ``alias`` is an alias already (a
        search never misses it). A collection named ``alias`` is deleted first: the one moment a
        search of ``alias`` finds nothing, the first time a collection is rebuilt.
        """
        is_alias = self.real_name(alias) != alias
        if not is_alias and self.exists(alias):
            self.drop(alias)
        operations: list[models.AliasOperations] = []
        if is_alias:
            delete = models.DeleteAlias(alias_name=alias)
            operations.append(models.DeleteAliasOperation(delete_alias=delete))
        create = models.CreateAlias(collection_name=collection, alias_name=alias)
        operations.append(models.CreateAliasOperation(create_alias=create))
        update = self.client.update_collection_aliases
        self.call(f"alias {alias}", update, change_aliases_operations=operations)


def has_metadata() -> bool:
    """Return whether the installed qdrant-client keeps collection metadata (1.16 and later)."""
    return "metadata" in inspect.signature(QdrantClient.update_collection).parameters
