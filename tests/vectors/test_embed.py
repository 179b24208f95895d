"""Embedders: the offline hash embedder, and the HTTP embedders against a local stand-in server."""

from __future__ import annotations

from pathlib import Path

import attrs
import numpy as np
import pytest

from fedlearn import config
from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed
from tests import bootserver, embedserver


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
    assert isinstance(embed.create(settings(url)), embed.OpenAIEmbedder)
    assert isinstance(embed.create(settings(url, provider="ollama")), embed.OllamaEmbedder)


def test_endpoint_completes_base_urls() -> None:
    """A base URL with or without the API path reaches the same endpoint."""
    for base in (
        "http://h:8080",
        "http://h:8080/",
        "http://h:8080/v1",
        "http://h:8080/v1/embeddings",
    ):
        assert embed.endpoint(base, ("/v1", "/embeddings")) == "http://h:8080/v1/embeddings"
    assert embed.endpoint("http://h:11434", ("/api", "/embed")) == "http://h:11434/api/embed"


def test_openai_embed_orders_rows_by_index_and_sends_the_key(tmp_path: Path) -> None:
    """Rows come back in the order of the texts whatever order the server lists them in."""
    key = tmp_path / "key"
    key.write_text("sk-test-123\n")
    behaviour = embedserver.Behaviour(reverse=True)
    texts = ["first text", "second text", "third text"]
    with embedserver.running(behaviour) as url:
        got = embed.create(settings(url, api_key_file=str(key))).embed(texts)
    assert np.allclose(got, embed.HashEmbedder(16).embed(texts))
    request = behaviour.requests[0]
    assert request["path"] == "/v1/embeddings"
    assert request["body"] == {"model": "nomic-embed-text", "input": texts}
    assert request["authorization"] == "Bearer sk-test-123"


def test_ollama_embed_posts_to_api_embed() -> None:
    """The Ollama embedder uses the native endpoint and its ``embeddings`` answer."""
    behaviour = embedserver.Behaviour()
    with embedserver.running(behaviour) as url:
        got = embed.create(settings(url, provider="ollama")).embed(["one", "two"])
    assert np.allclose(got, embed.HashEmbedder(16).embed(["one", "two"]))
    assert behaviour.requests[0]["path"] == "/api/embed"
    assert behaviour.requests[0]["authorization"] is None


@pytest.mark.parametrize("status", [503, 429, 500])
def test_http_embed_retries_transient_status_then_succeeds(status: int) -> None:
    """A server that fails twice with a transient status is retried until it answers."""
    behaviour = embedserver.Behaviour(fail_first=2, fail_status=status)
    with embedserver.running(behaviour) as url:
        got = embed.create(settings(url)).embed(["hello"])
    assert got.shape == (1, 16)
    assert len(behaviour.requests) == 3


def test_http_embed_fails_at_once_on_a_refusal_with_the_server_message() -> None:
    """A 400 is not retried and the error carries the server's own message."""
    behaviour = embedserver.Behaviour(fail_first=5, fail_status=400)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed.create(settings(url)).embed(["hello"])
    assert len(behaviour.requests) == 1
    assert "HTTP 400" in str(caught.value) and "busy, try again" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "is_inputs"),
    [(400, True), (413, True), (422, True), (401, False), (403, False), (404, False)],
)
def test_http_embed_tells_a_refusal_that_may_be_the_inputs(status: int, is_inputs: bool) -> None:
    """4xx but authentication, a wrong URL and rate limits may be the input's: RefusedError."""
    behaviour = embedserver.Behaviour(fail_first=5, fail_status=status)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed.create(settings(url)).embed(["hello"])
    assert isinstance(caught.value, embed.RefusedError) is is_inputs
    assert len(behaviour.requests) == 1


@pytest.mark.parametrize(("status", "is_inputs"), [(500, True), (504, True), (502, False)])
def test_http_embed_tells_a_lasting_server_error_that_may_be_the_inputs(
    status: int, is_inputs: bool
) -> None:
    """A 500 or 504 through every attempt may be the input's; a 502 or 503 is a server down."""
    behaviour = embedserver.Behaviour(fail_first=5, fail_status=status)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed.create(settings(url, retry_attempts=2)).embed(["hello"])
    assert isinstance(caught.value, embed.RefusedError) is is_inputs
    assert len(behaviour.requests) == 2


@pytest.mark.parametrize("status", [501, 505, 507, 511])
def test_http_embed_tells_another_lasting_server_error_is_the_services(status: int) -> None:
    """
    Not implemented, no storage, a proxy's login: never the input's (only a 500 or 504 may be),
    so a batch is not halved for them.
    """
    behaviour = embedserver.Behaviour(fail_first=5, fail_status=status)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed.create(settings(url, retry_attempts=2)).embed(["hello"])
    assert not isinstance(caught.value, embed.RefusedError)


def test_http_embed_fails_after_the_attempts_when_unreachable() -> None:
    """Nothing listening: every attempt is made, then a clear EmbeddingError with a hint."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    with pytest.raises(EmbeddingError) as caught:
        embed.create(settings(url, retry_attempts=2)).embed(["hello"])
    assert "failed after retries" in str(caught.value)
    assert "embedding.url" in caught.value.hint


def test_http_embed_gives_up_when_the_server_keeps_failing() -> None:
    """A server failing more often than the attempts allow ends in EmbeddingError."""
    behaviour = embedserver.Behaviour(fail_first=10)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError):
        embed.create(settings(url, retry_attempts=3)).embed(["hello"])
    assert len(behaviour.requests) == 3


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


def test_server_refuses_a_url_that_is_not_http() -> None:
    """Only http and https URLs are opened."""
    with pytest.raises(EmbeddingError):
        embed.create(settings("file:///etc/passwd"))


def test_wait_ready_waits_for_a_server_that_opens_late(monkeypatch: pytest.MonkeyPatch) -> None:
    """An embedding server whose port opens late, then answers 503, is waited for."""
    boot = bootserver.Boot(not_ready=1)
    reasons: list[str] = []
    described = embed.describe_not_ready

    def describe_and_open(error: BaseException) -> str:
        reasons.append(described(error))
        boot.open()
        return reasons[-1]

    monkeypatch.setattr(embed, "describe_not_ready", describe_and_open)
    with bootserver.booting(boot) as url:
        embed.wait_ready(settings(url, provider="ollama"), 600.0)
    assert "refused" in reasons[0].lower()
    assert reasons[1:] == ["HTTP 503"]
    assert boot.requests == [("/", None), ("/", None)]


def test_wait_ready_counts_any_other_answer_as_serving() -> None:
    """A server that answers a GET of its base URL with 501 (POST only) is up."""
    with embedserver.running(embedserver.Behaviour()) as url:
        embed.wait_ready(settings(url), 0.0)


def test_wait_ready_fails_naming_the_server_when_it_stays_down() -> None:
    """A port that never opens: EmbeddingError after the given seconds."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    with pytest.raises(EmbeddingError, match=rf"embedding server {url} not ready after 0.2s"):
        embed.wait_ready(settings(url), 0.2)


def test_wait_ready_returns_at_once_for_the_hash_embedder() -> None:
    """The hash embedder runs in process: nothing to wait for."""
    embed.wait_ready(config.Embedding(provider="hash", url="http://127.0.0.1:1"), 0.0)
