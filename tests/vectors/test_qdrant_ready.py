"""Waiting for a Qdrant server: a port that opens late, /readyz answering 503, then 200."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fedlearn import config
from fedlearn.errors import QdrantError
from fedlearn.vectors import qdrant_ready
from tests import bootserver, embedserver


def opening_after_first_refusal(
    monkeypatch: pytest.MonkeyPatch, module: Any, boot: bootserver.Boot
) -> list[str]:
    """Open ``boot``'s port once ``module.wait_ready`` has been refused once; return the reasons."""
    reasons: list[str] = []
    described = module.describe_not_ready

    def describe_and_open(error: BaseException) -> str:
        reasons.append(type(error).__name__)
        boot.open()
        return str(described(error))

    monkeypatch.setattr(module, "describe_not_ready", describe_and_open)
    return reasons


def test_wait_ready_waits_through_a_closed_port_and_503_for_readyz(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A Qdrant still loading (port closed, then 503) is waited for until /readyz says 200."""
    boot = bootserver.Boot(not_ready=2)
    reasons = opening_after_first_refusal(monkeypatch, qdrant_ready, boot)
    key = tmp_path / "key"
    key.write_text("s3cret\n")
    with bootserver.booting(boot) as url:
        qdrant_ready.wait_ready(config.Qdrant(url=url, api_key_file=str(key)), 600.0)
    assert reasons == ["ConnectError", "NotReadyError", "NotReadyError"]
    assert boot.requests == [("/readyz", "s3cret")] * 3


def test_wait_ready_fails_naming_qdrant_when_it_stays_down() -> None:
    """A port that never opens: QdrantError after the given seconds, naming the URL."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    with pytest.raises(QdrantError, match=rf"qdrant at {url} not ready after 0.2s: ConnectError"):
        qdrant_ready.wait_ready(config.Qdrant(url=url), 0.2)


def test_wait_ready_returns_at_once_for_the_embedded_store() -> None:
    """No qdrant.url (the embedded store): nothing to wait for."""
    qdrant_ready.wait_ready(config.Qdrant(url=""), 0.0)
