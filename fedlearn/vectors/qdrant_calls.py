"""The Qdrant adapter's calls: a client and the settings its calls are made with, every call
through one retry policy (``qdrant_retry``).

Transient failures (connection errors, timeouts, 5xx, 429) are retried; anything else fails at
once as QdrantError carrying Qdrant's own message (guarantee 7: an outage leaves the import
resumable, skip-existing makes the rerun complete the rest). ``qdrant_collections`` and
``qdrant`` (the points) build their calls on ``Calls.call``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self, TypeVar

from qdrant_client import QdrantClient

from fedlearn import config, retry
from fedlearn.errors import QdrantError
from fedlearn.vectors import qdrant_retry

T = TypeVar("T")


class Calls:
    """
    A Qdrant client whose calls go through the retry policy; closed as a context manager.

    Attributes:
        client: the qdrant-client instance (embedded or remote).
        settings: the ``[qdrant]`` table (the retry policy's attempts and deadline).
        target: the server URL or the embedded store's folder, for messages.
    """

    def __init__(self, client: QdrantClient, settings: config.Qdrant, where: str) -> None:
        self.client = client
        self.settings = settings
        self.target = where

    def __enter__(self) -> Self:
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
