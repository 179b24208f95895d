"""Embedders: the offline hash embedder, and the HTTP embedders against a local stand-in server."""

from __future__ import annotations

import attrs
import numpy as np
import pytest

from fedlearn import config
from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed, embed_server
from tests import embedserver


def settings(url: str, **changes: object) -> config.Embedding:
    """Return embedding settings for ``url`` with a small dimension and quick retries."""
    base = config.Embedding(
        provider="openai", url=url, model="nomic-embed-text", dimension=16, retry_attempts=3
    )
    return attrs.evolve(base, **changes)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Return the cosine similarity of two vectors."""
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_features_lists_words_then_adjacent_pairs() -> None:
    """Words are lowercased and followed by each adjacent word pair."""
    assert embed.features("Restart Qdrant, now!") == [
        "restart",
        "qdrant",
        "now",
        "restart qdrant",
        "qdrant now",
    ]


def test_hash_embed_is_deterministic_and_unit_length() -> None:
    """The same text gives the same vector in two embedders, scaled to length 1."""
    texts = ["restart the qdrant service", "nix flake update then rebuild"]
    first = embed.HashEmbedder(64).embed(texts)
    second = embed.HashEmbedder(64).embed(texts)
    assert first.shape == (2, 64) and first.dtype == np.float32
    assert np.array_equal(first, second)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)


def test_hash_embed_puts_texts_sharing_words_closer() -> None:
    """A text is nearer one sharing its words than one sharing none."""
    vectors = embed.HashEmbedder(256).embed(
        [
            "connection refused on localhost port 6333",
            "qdrant connection refused on port 6333",
            "rebuild the nixos configuration with flakes",
        ]
    )
    assert cosine(vectors[0], vectors[1]) > 0.5 > cosine(vectors[0], vectors[2])


def test_hash_embed_gives_zero_row_for_text_without_words() -> None:
    """Text without a word character embeds to zero, which ``usable`` rejects."""
    vectors = embed.HashEmbedder(16).embed(["?!", "a word"])
    assert not vectors[0].any()
    assert embed.usable(vectors).tolist() == [False, True]


def test_usable_rejects_zero_and_non_finite_rows() -> None:
    """Only finite, non-zero rows may be stored."""
    matrix = np.array([[0, 0], [1, 0], [np.nan, 1], [np.inf, 0]], dtype=np.float32)
    assert embed.usable(matrix).tolist() == [False, True, False, False]


def test_create_returns_the_configured_provider() -> None:
    """``embedding.provider`` picks the embedder class."""
    url = "http://127.0.0.1:1"
    assert isinstance(embed.create(config.Embedding(dimension=8)), embed.HashEmbedder)
    assert isinstance(embed.create(settings(url)), embed_server.OpenAIEmbedder)
    assert isinstance(embed.create(settings(url, provider="ollama")), embed_server.OllamaEmbedder)


def test_vectors_batches_requests() -> None:
    """Seven texts in batches of three make three requests and seven rows in order."""
    behaviour = embedserver.Behaviour()
    texts = [f"text number {i}" for i in range(7)]
    with embedserver.running(behaviour) as url:
        got = embed.vectors(embed.create(settings(url)), texts, batch_size=3)
    assert [len(r["body"]["input"]) for r in behaviour.requests] == [3, 3, 1]
    assert np.allclose(got, embed.HashEmbedder(16).embed(texts))


def test_vectors_refuses_the_wrong_dimension() -> None:
    """A server answering 8-d vectors to a 16-d configuration raises EmbeddingError."""
    behaviour = embedserver.Behaviour(dimension=8)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed.vectors(embed.create(settings(url)), ["hello"], batch_size=4)
    assert "(1, 8)" in str(caught.value) and "embedding.dimension" in caught.value.hint


def test_vectors_of_no_texts_is_an_empty_matrix() -> None:
    """No texts, no request, a 0-row matrix of the right width."""
    assert embed.vectors(embed.HashEmbedder(16), [], batch_size=4).shape == (0, 16)
