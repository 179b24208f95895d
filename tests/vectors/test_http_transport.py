"""One deadline per network call: each stand-in server that would hang for ever ends the call.

Every server here would keep a client waiting without end (``tests/hangserver.py``), each in
another phase: connect, the headers, the body. A call with a 0.5 s deadline must end with an error
naming the service, the URL and the setting. The tests never time the call: a call that hangs is
caught by the safety join (``SAFETY``), which fails the test.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import httpx
import pytest

from fedlearn import config
from fedlearn.errors import EmbeddingError, QdrantError
from fedlearn.vectors import embed, http_transport, qdrant
from tests import embedserver, hangserver
from tests.conftest import Node

DEADLINE = 0.5
# How long a test waits for a call that should have ended at DEADLINE before failing: generous,
# so a loaded machine never fails a correct call; a call that hangs for ever still fails.
SAFETY = 120.0
SERVERS: dict[str, tuple[Callable[[], contextlib.AbstractContextManager[str]], str]] = {
    "accepts-never-answers": (hangserver.silent, "stopped while waiting for the answer's headers"),
    "never-accepts": (hangserver.full_backlog, "stopped while connecting"),
    "headers-a-byte-at-a-time": (
        hangserver.slow_headers,
        "stopped while waiting for the answer's headers",
    ),
    "body-a-byte-at-a-time": (hangserver.slow_body, "stopped while reading the answer ("),
    "body-stalls-after-a-byte": (
        hangserver.stalled_body,
        "stopped while reading the answer (1 bytes in)",
    ),
}


def raised_by(call: Callable[[], object]) -> BaseException:
    """
    Return what ``call`` raised, run in a thread. Fail the test when it returned without an error,
    or when it has not returned after ``SAFETY`` seconds (it hangs).
    """
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(SAFETY)
    if thread.is_alive():
        pytest.fail(f"the call has not returned after {SAFETY:g} s; its deadline was {DEADLINE} s")
    if outcome[0] is None:
        pytest.fail("the call returned an answer from a server that never gives one")
    return outcome[0]


@pytest.mark.parametrize("server", SERVERS)
def test_an_embedding_call_ends_at_its_deadline(server: str) -> None:
    """Each hanging server fails the embedding call at embedding.timeout, naming the server's URL
    (without its credentials), the setting and the phase."""
    serving, phase = SERVERS[server]
    with serving() as url:
        base = url.replace("http://", "http://user:s3cret@")
        settings = config.Embedding(
            provider="openai", url=base, model="m", dimension=16, retry_attempts=1, timeout=DEADLINE
        )
        error = raised_by(lambda: embed.create(settings).embed(["hello"]))
    assert isinstance(error, EmbeddingError)
    assert f"embedding server {url}/v1/embeddings: " in str(error)
    assert f"no whole answer within embedding.timeout ({DEADLINE:g} s); {phase}" in str(error)
    assert "s3cret" not in str(error) + error.hint


@pytest.mark.parametrize("server", SERVERS)
def test_a_qdrant_call_ends_at_its_deadline(server: str, tmp_path: Path) -> None:
    """Each hanging server fails the Qdrant call at qdrant.timeout, naming the URL, the setting
    and the phase."""
    serving, phase = SERVERS[server]
    with serving() as url:
        settings = config.Qdrant(url=url, retry_attempts=1, timeout=DEADLINE)
        with qdrant.connect(settings, tmp_path) as store:
            error = raised_by(lambda: store.vectors("skills"))
    assert isinstance(error, QdrantError)
    assert f"qdrant {url}/collections/skills/exists: " in str(error)
    assert f"no whole answer within qdrant.timeout ({DEADLINE:g} s); {phase}" in str(error)


def test_sending_a_request_ends_at_its_deadline() -> None:
    """A server that never reads a large request fails it at the deadline while sending."""
    transport = http_transport.DeadlineTransport(
        DEADLINE, service="qdrant", setting="qdrant.timeout", max_bytes=1024
    )
    body = b"x" * (64 * 1024 * 1024)  # more than loopback's socket buffers take
    with hangserver.silent() as url, transport:
        request = httpx.Request("PUT", url + "/collections/big/points", content=body)
        error = raised_by(lambda: http_transport.exchange(transport, request))
    assert isinstance(error, httpx.WriteTimeout)
    assert "qdrant.timeout (0.5 s); stopped while sending the request" in str(error)


def test_a_tls_handshake_ends_at_its_deadline() -> None:
    """An https server that accepts and never says hello fails the call in the TLS handshake."""
    transport = http_transport.DeadlineTransport(
        DEADLINE, service="qdrant", setting="qdrant.timeout", max_bytes=1024
    )
    with hangserver.silent() as url, transport:
        request = httpx.Request("GET", url.replace("http://", "https://") + "/readyz")
        error = raised_by(lambda: http_transport.exchange(transport, request))
    assert isinstance(error, httpx.ConnectTimeout)
    assert "qdrant.timeout (0.5 s); stopped in the TLS handshake" in str(error)


def test_an_answer_larger_than_the_cap_stops_being_read() -> None:
    """A body past ``max_bytes`` fails with AnswerTooLargeError, not a whole read into memory."""
    transport = http_transport.DeadlineTransport(
        60.0, service="qdrant", setting="qdrant.timeout", max_bytes=4
    )
    with hangserver.slow_body() as url, transport:
        request = httpx.Request("GET", url + "/page")
        error = raised_by(lambda: http_transport.exchange(transport, request))
    assert isinstance(error, http_transport.AnswerTooLargeError)
    assert f"qdrant {url}/page answered more than 4 bytes" in str(error)


@pytest.mark.e2e
def test_export_gives_up_on_a_trickling_qdrant(make_node: Any) -> None:
    """A Qdrant that answers a byte at a time fails export at qdrant.timeout (a total deadline,
    not one per read) with one error line and no traceback."""
    with hangserver.slow_body() as url:
        node: Node = make_node("alpha", qdrant={"url": url, "timeout": 1.0, "retry_attempts": 1})
        process = node.run("export", check=False, timeout=300)
    assert process.returncode == 1
    assert "no whole answer within qdrant.timeout" in process.stderr
    assert "Traceback" not in process.stderr


class Deep(BaseHTTPRequestHandler):
    """Refuse every request (400) with a JSON body nested past any decoder's recursion limit."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send 400 and the deep body."""
        body = b'{"status": ' + b"[" * 5000 + b"]" * 5000 + b"}"
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_GET  # noqa: N815 (http.server names its methods so)


@pytest.mark.e2e
def test_export_names_a_refusal_whose_body_nests_too_deep(make_node: Any) -> None:
    """A Qdrant refusal whose JSON nests too deep fails export with one error line, no traceback."""
    with embedserver.serving(Deep) as url:
        node: Node = make_node("alpha", qdrant={"url": url, "retry_attempts": 1})
        process = node.run("export", check=False)
    assert process.returncode == 1
    assert "HTTP 400" in process.stderr
    assert "Traceback" not in process.stderr


def test_a_deep_copy_of_the_transport_is_itself() -> None:
    """qdrant-client 1.14 deep-copies its arguments: the transport (its pool) is shared, not copied."""
    transport = http_transport.DeadlineTransport(
        1.0, service="qdrant", setting="qdrant.timeout", max_bytes=1024
    )
    with transport:
        assert copy.deepcopy({"transport": transport})["transport"] is transport


PROXIES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy")


@pytest.mark.parametrize("service", ["qdrant", "embedding"])
def test_proxy_variables_never_route_a_call_around_its_deadline(
    service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every proxy variable set (to a closed port), Qdrant's and the embedder's calls still go
    straight through the deadline transport: httpx builds no proxy transport of its own beside a
    given one, which would have no total deadline and no size cap."""
    for name in PROXIES:
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with hangserver.slow_body() as url:
        if service == "qdrant":
            settings = config.Qdrant(url=url, retry_attempts=1, timeout=DEADLINE)
            with qdrant.connect(settings, tmp_path) as store:
                error = raised_by(lambda: store.vectors("skills"))
        else:
            embedding = config.Embedding(
                provider="openai",
                url=url,
                model="m",
                dimension=16,
                retry_attempts=1,
                timeout=DEADLINE,
            )
            error = raised_by(lambda: embed.create(embedding).embed(["hello"]))
    assert f"no whole answer within {service}.timeout ({DEADLINE:g} s)" in str(error)
    assert "127.0.0.1:9" not in str(error)
