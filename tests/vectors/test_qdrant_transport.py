"""The Qdrant client's transport: a trickling server fails the call at ``qdrant.timeout`` in all."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest

from fedlearn.vectors import qdrant_transport
from tests import embedserver
from tests.conftest import Node

pytestmark = pytest.mark.e2e
PAUSE = 0.3


class Trickle(BaseHTTPRequestHandler):
    """Answer every request with a body sent one byte every 50 ms, without end."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send headers at once, then the body a byte at a time until the client goes."""
        embedserver.trickle(self, b'{"result": ')

    do_POST = do_PUT = do_GET  # noqa: N815 (http.server names its methods so)


class Pausing(BaseHTTPRequestHandler):
    """Answer with two bytes, ``PAUSE`` seconds apart."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send the headers and a byte, wait, send the last byte."""
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"[")
        self.wfile.flush()
        time.sleep(PAUSE)
        self.wfile.write(b"]")


def test_export_gives_up_on_a_trickling_qdrant(make_node: Any) -> None:
    """A Qdrant that answers a byte at a time fails export at qdrant.timeout (a total deadline,
    not one per read) with one error line and no traceback."""
    with embedserver.serving(Trickle) as url:
        node: Node = make_node("alpha", qdrant={"url": url, "timeout": 1.0, "retry_attempts": 1})
        process = node.run("export", check=False)
    assert process.returncode == 1
    assert "no whole answer within qdrant.timeout" in process.stderr
    assert "Traceback" not in process.stderr


def test_transport_gives_each_read_only_what_is_left_of_the_deadline() -> None:
    """After a piece that came late, the next read may wait only the rest of the deadline (not
    the whole deadline again: a total of twice qdrant.timeout)."""
    deadline = 600.0
    with embedserver.serving(Pausing) as url:
        transport = qdrant_transport.DeadlineTransport(deadline)
        with httpx.Client(transport=transport) as client:
            answer = client.get(url)
    assert answer.content == b"[]"
    assert answer.request.extensions["timeout"]["read"] <= deadline - PAUSE


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


def test_export_names_a_refusal_whose_body_nests_too_deep(make_node: Any) -> None:
    """A Qdrant refusal whose JSON nests too deep fails export with one error line, no traceback."""
    with embedserver.serving(Deep) as url:
        node: Node = make_node("alpha", qdrant={"url": url, "retry_attempts": 1})
        process = node.run("export", check=False)
    assert process.returncode == 1
    assert "HTTP 400" in process.stderr
    assert "Traceback" not in process.stderr
