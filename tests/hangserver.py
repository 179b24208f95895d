"""Local stand-in servers that would keep a client waiting for ever, each in another phase.

``silent``: the port accepts connections (the kernel's backlog does) and nothing ever answers.
``full_backlog``: the listening socket's queue is full, so a connect is never completed.
``slow_headers``: the answer's status line and headers come a byte every 50 ms, without end.
``slow_body``: headers at once, then the body a byte every 50 ms, without end.
``stalled_body``: headers and one byte of the body at once, then nothing.
All listen on 127.0.0.1 only and yield their base URL.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests import embedserver

# Connections that fill a backlog of 0 (Linux queues one; more makes sure).
FILLERS = 4


@contextlib.contextmanager
def silent() -> Iterator[str]:
    """Listen and never accept: connects complete, requests are buffered, nothing answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


@contextlib.contextmanager
def full_backlog() -> Iterator[str]:
    """Listen with a queue already full and never accept: a new connect never completes."""
    with socket.socket() as server, contextlib.ExitStack() as fillers:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        for _ in range(FILLERS):
            filler = fillers.enter_context(socket.socket())
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
        yield f"http://127.0.0.1:{port}"


class SlowHeaders(BaseHTTPRequestHandler):
    """Answer every request with a status line and an endless header, a byte every 50 ms."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send the status line and a header name, then its value a byte at a time."""
        with contextlib.suppress(OSError):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            while True:
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.05)

    do_POST = do_PUT = do_GET  # noqa: N815 (http.server names its methods so)


class SlowBody(BaseHTTPRequestHandler):
    """Answer every request with headers at once and a body sent one byte every 50 ms, without end."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send headers, then the body a byte at a time until the client goes."""
        embedserver.trickle(self, b'{"result": ')

    do_POST = do_PUT = do_GET  # noqa: N815 (http.server names its methods so)


class StalledBody(BaseHTTPRequestHandler):
    """Answer every request with headers and the first byte of a body that never goes on."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send headers and a byte, then keep the connection open without a word."""
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"[")
        self.wfile.flush()
        with contextlib.suppress(OSError):
            while self.connection.recv(1):  # until the client goes
                pass

    do_POST = do_PUT = do_GET  # noqa: N815 (http.server names its methods so)


def slow_headers() -> contextlib.AbstractContextManager[str]:
    """Run a ``SlowHeaders`` server for the block; yield its base URL."""
    return embedserver.serving(SlowHeaders)


def slow_body() -> contextlib.AbstractContextManager[str]:
    """Run a ``SlowBody`` server for the block; yield its base URL."""
    return embedserver.serving(SlowBody)


def stalled_body() -> contextlib.AbstractContextManager[str]:
    """Run a ``StalledBody`` server for the block; yield its base URL."""
    return embedserver.serving(StalledBody)
