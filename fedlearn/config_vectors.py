"""The ``[qdrant]`` and ``[embedding]`` tables: where the collections are and how vectors are made.

``config`` loads and validates them; every other module names them ``config.Qdrant`` and
``config.Embedding``.
"""

from __future__ import annotations

import attrs

from fedlearn.config_sync import CATEGORIES

EMBEDDING_PROVIDERS = ("hash", "openai", "ollama")
DISTANCES = ("Cosine", "Dot", "Euclid", "Manhattan")


@attrs.frozen
class Qdrant:
    """
    The ``[qdrant]`` table: where the live collections are and how to reach them.

    Attributes:
        url: the Qdrant server; "" for the embedded local store in ``<state_dir>/qdrant``.
        api_key_file: a file holding the server's API key (read at use, never copied).
        collections: the collections export snapshots and import fills.
        batch_size: points per import batch and per export page.
        max_points: export at most this many points of a collection (0: no cap); a cut snapshot says so.
        timeout: seconds one Qdrant request may take in all: name lookup, connect, TLS, sending, the headers and the whole answer.
        retry_attempts: tries of a request that failed for a transient reason, the first included.
        retry_deadline: seconds after which no new try starts.
        distance: the distance of the collections import creates (Cosine, Dot, Euclid, Manhattan).
    """

    url: str = ""
    api_key_file: str = ""
    collections: list[str] = attrs.field(factory=lambda: list(CATEGORIES))
    batch_size: int = 100
    max_points: int = 0
    timeout: float = 30.0
    retry_attempts: int = 5
    retry_deadline: float = 120.0
    distance: str = "Cosine"


@attrs.frozen
class TextOverride:
    """
    An ``[embedding.collections.<name>]`` table: the text keys of one collection, when they differ.

    Attributes:
        text_fields: the payload fields this collection's texts come from (see ``Embedding``).
        document_prefix: put before every text of this collection that import embeds.
        query_prefix: put before a question searched in this collection.
    """

    text_fields: list[str] | None = None
    document_prefix: str | None = None
    query_prefix: str | None = None


@attrs.frozen
class Embedding:
    """
    The ``[embedding]`` table: how vectors are regenerated on import.

    Attributes:
        provider: ``hash`` (offline feature hashing, lexical only), ``openai`` (any /v1/embeddings server) or ``ollama``.
        url: the embedding server, e.g. ``http://127.0.0.1:11434`` for Ollama.
        model: the model the server runs, e.g. ``nomic-embed-text``.
        dimension: the vector size the model makes (the stack's collections are 768).
        api_key_file: a file holding the server's API key (read at use, never copied).
        batch_size: texts per embedding request.
        timeout: seconds one embedding request may take in all: name lookup, connect, TLS, sending, the headers and the whole answer.
        retry_attempts: tries of a request that failed for a transient reason, the first included.
        retry_deadline: seconds after which no new try starts.
        text_fields: the payload fields a point's text comes from, in order: the first that holds
            a non-empty string wins; an entry ``"title+description"`` joins those fields (each
            present one, one per line) and wins when any of them is present. Export records this
            list in the manifest; import embeds another node's points by the manifest's list,
            unless this node overrides it for the collection (``collections``).
        document_prefix: put before every text import embeds (``"search_document: "`` for
            nomic-embed-text, ``"passage: "`` for e5).
        query_prefix: put before the demo's question (``"search_query: "``, ``"query: "``).
        collections: per-collection overrides of the three keys above, as tables
            ``[embedding.collections.<name>]`` holding any of ``text_fields``,
            ``document_prefix``, ``query_prefix``.
    """

    provider: str = "hash"
    url: str = ""
    model: str = ""
    dimension: int = 768
    api_key_file: str = ""
    batch_size: int = 64
    timeout: float = 60.0
    retry_attempts: int = 5
    retry_deadline: float = 120.0
    text_fields: list[str] = attrs.field(factory=lambda: ["text", "description", "content"])
    document_prefix: str = ""
    query_prefix: str = ""
    collections: dict[str, TextOverride] = attrs.field(factory=dict)

    def text_fields_of(self, collection: str) -> list[str]:
        """Return the text fields of ``collection``: its override, else ``text_fields``."""
        found = self.collections.get(collection)
        return found.text_fields if found and found.text_fields is not None else self.text_fields

    def document_prefix_of(self, collection: str) -> str:
        """Return the document prefix of ``collection``: its override, else ``document_prefix``."""
        found = self.collections.get(collection)
        if found and found.document_prefix is not None:
            return found.document_prefix
        return self.document_prefix

    def query_prefix_of(self, collection: str) -> str:
        """Return the query prefix of ``collection``: its override, else ``query_prefix``."""
        found = self.collections.get(collection)
        return found.query_prefix if found and found.query_prefix is not None else self.query_prefix

    def overrides_text_fields(self, collection: str) -> bool:
        """Return whether this node sets the text fields of ``collection`` itself."""
        found = self.collections.get(collection)
        return found is not None and found.text_fields is not None
