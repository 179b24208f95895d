"""Waiting for an embedding server: a port that opens late, 503 while starting, any other answer."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed_ready
from tests import bootserver, embedserver
from tests.vectors.test_embed import settings


def test_wait_ready_waits_for_a_server_that_opens_late(monkeypatch: pytest.MonkeyPatch) -> None:
    """An embedding server whose port opens late, then answers 503, is waited for."""
    boot = bootserver.Boot(not_ready=1)
    reasons: list[str] = []
    described = embed_ready.describe_not_ready

    def describe_and_open(error: BaseException) -> str:
        reasons.append(described(error))
        boot.open()
        return reasons[-1]

    monkeypatch.setattr(embed_ready, "describe_not_ready", describe_and_open)
    with bootserver.booting(boot) as url:
        embed_ready.wait_ready(settings(url, provider="ollama"), 600.0)
    assert "refused" in reasons[0].lower()
    assert reasons[1:] == ["HTTP 503"]
    assert boot.requests == [("/", None), ("/", None)]


def test_wait_ready_counts_any_other_answer_as_serving() -> None:
    """A server that answers a GET of its base URL with 501 (POST only) is up."""
    with embedserver.running(embedserver.Behaviour()) as url:
        embed_ready.wait_ready(settings(url), 0.0)


def test_wait_ready_fails_naming_the_server_when_it_stays_down() -> None:
    """A port that never opens: EmbeddingError after the given seconds."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    with pytest.raises(EmbeddingError, match=rf"embedding server {url} not ready after 0.2s"):
        embed_ready.wait_ready(settings(url), 0.2)


def test_wait_ready_returns_at_once_for_the_hash_embedder() -> None:
    """The hash embedder runs in process: nothing to wait for."""
    embed_ready.wait_ready(config.Embedding(provider="hash", url="http://127.0.0.1:1"), 0.0)
