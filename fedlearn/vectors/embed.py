"""Embedder adapter: the vectors import regenerates (DESIGN.md "The pipeline": re-embed).

``hash`` is offline feature hashing (lexical only); ``openai`` and ``ollama`` call an embedding
server (``embed_server``). A batch of the wrong shape raises EmbeddingError, so a vector of the
wrong dimension is never stored; ``usable`` marks the rows that may be stored. A refusal that may
be the input's is a RefusedError (``embed_answers``), which ``sift`` narrows down to the text.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from fedlearn import config
from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed_answers, embed_server

log = logging.getLogger(__name__)
Vectors = npt.NDArray[np.float32]
WORD = re.compile(r"\w+")
# Embedded to show the service works: after a text is refused alone (``sift``), and before import
# creates a collection (not an input's text, which the server may refuse).
CHECK_TEXT = "fedlearn embedding check"


class Embedder(Protocol):
    """
    Turns texts into vectors of one dimension.

    Attributes:
        dimension: the length of every vector ``embed`` returns.
        model: the model name, recorded in snapshot manifests.
    """

    dimension: int
    model: str

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return one row per text; raise EmbeddingError when the embedder fails."""
        ...


class HashEmbedder:
    """
    Feature hashing of lowercased words and word pairs into ``dimension`` signed slots, normalized.

    Deterministic and offline, no model: texts that share words and phrases land close together,
    texts that say the same thing in other words do not (lexical only).
    """

    CACHE_LIMIT = 1_000_000

    def __init__(self, dimension: int) -> None:
        self.dimension = dimension
        self.model = "hash"
        self.slots: dict[str, tuple[int, float]] = {}

    def slot(self, feature: str) -> tuple[int, float]:
        """Return the column and sign of ``feature`` (blake2b, so the same on every machine)."""
        found = self.slots.get(feature)
        if found is None:
            digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            found = (value % self.dimension, -1.0 if value >> 63 else 1.0)
            if len(self.slots) >= self.CACHE_LIMIT:
                self.slots.clear()
            self.slots[feature] = found
        return found

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return the normalized hashed feature counts of ``texts`` (a zero row for no words)."""
        cells: list[int] = []
        signs: list[float] = []
        for row, text in enumerate(texts):
            base = row * self.dimension
            for feature in features(text):
                column, sign = self.slot(feature)
                cells.append(base + column)
                signs.append(sign)
        size = len(texts) * self.dimension
        flat = np.bincount(np.asarray(cells, dtype=np.int64), np.asarray(signs), minlength=size)
        return normalize(flat.reshape(len(texts), self.dimension).astype(np.float32))


def features(text: str) -> list[str]:
    """Return the lowercased words of ``text`` followed by its adjacent word pairs."""
    words = WORD.findall(text.lower())
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


def normalize(matrix: Vectors) -> Vectors:
    """Return ``matrix`` with every non-zero row scaled to length 1."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    scaled: Vectors = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return scaled


def create(settings: config.Embedding) -> Embedder:
    """Return the embedder ``embedding.provider`` names."""
    if settings.provider == "openai":
        return embed_server.OpenAIEmbedder(settings)
    if settings.provider == "ollama":
        return embed_server.OllamaEmbedder(settings)
    return HashEmbedder(settings.dimension)


def vectors(embedder: Embedder, texts: Sequence[str], batch_size: int) -> Vectors:
    """
    Return the vectors of ``texts``, asking the embedder ``batch_size`` texts at a time.

    Raise EmbeddingError when a batch comes back with the wrong number of rows or the wrong
    dimension, so such a vector never reaches Qdrant.
    """
    parts = [np.zeros((0, embedder.dimension), dtype=np.float32)]
    for start in range(0, len(texts), batch_size):
        parts.append(checked(embedder, texts[start : start + batch_size]))
    return np.concatenate(parts)


def checked(embedder: Embedder, batch: Sequence[str]) -> Vectors:
    """Return the vectors of one batch; raise EmbeddingError when their shape is wrong."""
    part = embedder.embed(batch)
    if part.shape != (len(batch), embedder.dimension):
        raise EmbeddingError(
            f"embedder {embedder.model!r} returned vectors of shape {part.shape}, "
            f"expected ({len(batch)}, {embedder.dimension})",
            hint="set embedding.dimension to the model's output size",
        )
    return part


def check(embedder: Embedder) -> None:
    """
    Embed ``CHECK_TEXT``: show that the service works and answers ``embedder.dimension``.

    Raise EmbeddingError (never RefusedError, which would be read as the input's) when it does not.
    """
    try:
        checked(embedder, [CHECK_TEXT])
    except embed_answers.RefusedError as error:
        raise EmbeddingError(str(error), hint=error.hint) from None


def usable(matrix: Vectors) -> npt.NDArray[np.bool_]:
    """Return which rows may be stored: finite and not zero (a zero vector is never stored)."""
    finite = np.isfinite(matrix)
    nonzero = (np.where(finite, matrix, 0) != 0).any(axis=1)
    rows: npt.NDArray[np.bool_] = finite.all(axis=1) & nonzero
    return rows
