"""A Qdrant collection's schema: whether it exists, its one unnamed vector's size and distance,
its metadata and the alias that names it, and creating and dropping it.

Import keeps a collection's vectors of one embedder with these (``import_reembed``): the
metadata records the embedder, an alias names the collection rebuilt under another name. The
vector size of each collection is asked once per store and kept (``Collections.size``), for the
points' upsert to check (``qdrant.Store.upsert``).
"""

from __future__ import annotations

import inspect
from typing import Any

from qdrant_client import QdrantClient, models

from fedlearn import config
from fedlearn.errors import QdrantError
from fedlearn.formats import records
from fedlearn.vectors.qdrant_calls import Calls


def vector_config(params: Any) -> records.VectorConfig | None:
    """Return the size and distance of a collection's single unnamed vector, or None for others."""
    if isinstance(params, dict):
        params = params.get("") if len(params) == 1 else None
    if not isinstance(params, models.VectorParams):
        return None
    return records.VectorConfig(size=params.size, distance=params.distance.value)


class Collections(Calls):
    """The calls on a collection as a whole, each through the retry policy (``Calls.call``)."""

    def __init__(self, client: QdrantClient, settings: config.Qdrant, where: str) -> None:
        super().__init__(client, settings, where)
        self.sizes: dict[str, int] = {}  # vector size per collection, for upsert's check

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

    def size(self, collection: str) -> int | None:
        """Return the vector size of ``collection`` (asked once per Store); None when unknown."""
        if collection not in self.sizes:
            self.vectors(collection)
        return self.sizes.get(collection)

    def drop(self, collection: str) -> None:
        """Delete ``collection`` and every point in it."""
        self.call(f"delete {collection}", self.client.delete_collection, collection)
        self.sizes.pop(collection, None)

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
