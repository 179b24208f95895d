"""The server embedders (openai, ollama) against a local stand-in server: requests, refusals, retries."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed, embed_answers, embed_server
from tests import embedserver
from tests.vectors.test_embed import settings


def test_endpoint_completes_base_urls() -> None:
    """A base URL with or without the API path reaches the same endpoint."""
    for base in (
        "http://h:8080",
        "http://h:8080/",
        "http://h:8080/v1",
        "http://h:8080/v1/embeddings",
    ):
        assert embed_server.endpoint(base, ("/v1", "/embeddings")) == "http://h:8080/v1/embeddings"
    assert embed_server.endpoint("http://h:11434", ("/api", "/embed")) == "http://h:11434/api/embed"


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
    assert isinstance(caught.value, embed_answers.RefusedError) is is_inputs
    assert len(behaviour.requests) == 1


@pytest.mark.parametrize(("status", "is_inputs"), [(500, True), (504, True), (502, False)])
def test_http_embed_tells_a_lasting_server_error_that_may_be_the_inputs(
    status: int, is_inputs: bool
) -> None:
    """A 500 or 504 through every attempt may be the input's; a 502 or 503 is a server down."""
    behaviour = embedserver.Behaviour(fail_first=5, fail_status=status)
    with embedserver.running(behaviour) as url, pytest.raises(EmbeddingError) as caught:
        embed.create(settings(url, retry_attempts=2)).embed(["hello"])
    assert isinstance(caught.value, embed_answers.RefusedError) is is_inputs
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
    assert not isinstance(caught.value, embed_answers.RefusedError)


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


def test_server_refuses_a_url_that_is_not_http() -> None:
    """Only http and https URLs are opened."""
    with pytest.raises(EmbeddingError):
        embed.create(settings("file:///etc/passwd"))
