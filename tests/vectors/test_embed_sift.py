"""Embedding around refused texts, against the local stand-in server: halve, check, set aside."""

from __future__ import annotations

import math

import attrs
import numpy as np
import pytest

from fedlearn import config
from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed, embed_answers, embed_sift
from tests import embedserver

TEXTS = [f"text number {i} about nix" for i in range(32)]


def embedder(url: str, **changes: object) -> embed.Embedder:
    """Return an OpenAI-compatible embedder of ``url``: 16-d, one attempt per request."""
    base = config.Embedding(provider="openai", url=url, model="m", dimension=16, retry_attempts=1)
    return embed.create(attrs.evolve(base, **changes))


def inputs(behaviour: embedserver.Behaviour) -> list[list[str]]:
    """Return the texts of every request the server received, in order."""
    return [request["body"]["input"] for request in behaviour.requests]


@pytest.mark.parametrize("status", [400, 413, 422, 500])
def test_vectors_sets_aside_the_one_refused_text_and_embeds_the_rest(status: int) -> None:
    """One refused text of 32: the 31 others get their vectors, it alone is refused, in 12 requests."""
    behaviour = embedserver.Behaviour(refuse={TEXTS[21]}, refuse_status=status)
    with embedserver.running(behaviour) as url:
        sifted = embed_sift.vectors(embedder(url), TEXTS, batch_size=32)
    assert list(sifted.refused) == [21]
    assert f"HTTP {status}" in sifted.refused[21] and embedserver.REFUSAL in sifted.refused[21]
    expected = embed.HashEmbedder(16).embed(TEXTS)
    expected[21] = 0
    assert np.allclose(sifted.matrix, expected)
    # the batch, then both halves at each of log2(32) levels, then the check text
    assert len(behaviour.requests) == 1 + 2 * int(math.log2(32)) + 1
    alone = inputs(behaviour).index([TEXTS[21]])
    assert inputs(behaviour)[alone + 1] == [embed.CHECK_TEXT]


def test_vectors_makes_a_bounded_number_of_requests_per_refused_text() -> None:
    """Three refused texts in batches of 64: at most 2·log2(64) + 2 requests each, besides the batches."""
    texts = [f"text number {i} about nix" for i in range(128)]
    bad = {3, 64, 100}
    behaviour = embedserver.Behaviour(refuse={texts[i] for i in bad})
    with embedserver.running(behaviour) as url:
        sifted = embed_sift.vectors(embedder(url), texts, batch_size=64)
    assert set(sifted.refused) == bad
    assert len(behaviour.requests) <= 2 + len(bad) * (2 * int(math.log2(64)) + 2)
    assert embed.usable(sifted.matrix).sum() == len(texts) - len(bad)


def test_vectors_halves_a_batch_too_large_for_the_server_and_sets_nothing_aside() -> None:
    """A server taking at most 5 texts per request (413 beyond) still embeds all 32."""
    behaviour = embedserver.Behaviour(max_inputs=5)
    with embedserver.running(behaviour) as url:
        sifted = embed_sift.vectors(embedder(url), TEXTS, batch_size=32)
    assert sifted.refused == {}
    assert np.allclose(sifted.matrix, embed.HashEmbedder(16).embed(TEXTS))
    assert embed.CHECK_TEXT not in {text for batch in inputs(behaviour) for text in batch}


def test_vectors_fails_when_the_server_refuses_the_check_text_too() -> None:
    """A server refusing everything: halved down to one text, the check fails, nothing set aside."""
    behaviour = embedserver.Behaviour(fail_first=10**6, fail_status=400)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed_sift.vectors(embedder(url), TEXTS, batch_size=32)
    assert not isinstance(caught.value, embed_answers.RefusedError)
    assert "HTTP 400" in str(caught.value) and "busy, try again" in str(caught.value)
    assert len(behaviour.requests) == 1 + int(math.log2(32)) + 1
    assert inputs(behaviour)[-1] == [embed.CHECK_TEXT]


def test_vectors_fails_when_a_server_error_persists_for_the_check_text_too() -> None:
    """A server answering 500 to everything through the retries fails the same way."""
    behaviour = embedserver.Behaviour(fail_first=10**6, fail_status=500)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed_sift.vectors(embedder(url, retry_attempts=2), TEXTS[:4], batch_size=4)
    assert "failed after retries: HTTP 500" in str(caught.value)
    assert len(behaviour.requests) == 2 * (1 + 2 + 1)


@pytest.mark.parametrize("status", [401, 403, 404, 502, 503])
def test_vectors_fails_at_once_when_the_service_is_at_fault(status: int) -> None:
    """Authentication, a wrong URL or model, a server down: no halving, the error as it was."""
    behaviour = embedserver.Behaviour(fail_first=10**6, fail_status=status)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed_sift.vectors(embedder(url), TEXTS, batch_size=32)
    assert f"HTTP {status}" in str(caught.value)
    assert len(behaviour.requests) == 1


def test_vectors_fails_at_once_when_the_server_is_unreachable() -> None:
    """Nothing listening: the error of every embedding call, no halving."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    with pytest.raises(EmbeddingError) as caught:
        embed_sift.vectors(embedder(url), TEXTS, batch_size=32)
    assert not isinstance(caught.value, embed_answers.RefusedError)
    assert "failed after retries" in str(caught.value)


def test_vectors_refuses_the_wrong_dimension_while_halving() -> None:
    """A server answering 8-d vectors stops the halving with the dimension error."""
    behaviour = embedserver.Behaviour(dimension=8, refuse={TEXTS[0]})
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed_sift.vectors(embedder(url), TEXTS[:4], batch_size=4)
    assert "embedding.dimension" in caught.value.hint


def test_vectors_of_the_hash_embedder_refuses_nothing() -> None:
    """The offline embedder never refuses: the same rows as ``embed.vectors``."""
    hashing = embed.HashEmbedder(16)
    sifted = embed_sift.vectors(hashing, TEXTS, batch_size=7)
    assert sifted.refused == {}
    assert np.array_equal(sifted.matrix, embed.vectors(hashing, TEXTS, batch_size=7))
