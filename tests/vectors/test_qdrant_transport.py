"""The Qdrant client's transport: a trickling server fails the call at ``qdrant.timeout`` in all."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.conftest import Node

pytestmark = pytest.mark.e2e


class Trickle(BaseHTTPRequestHandler):
    """Answer every request with a body sent one byte every 50 ms, without end."""

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Send headers at once, then the body a byte at a time until the client goes."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(1 << 40))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(b'{"result": ')
            while True:
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)

    def do_POST(self) -> None:
        """Answer like GET."""
        self.do_GET()

    def do_PUT(self) -> None:
        """Answer like GET."""
        self.do_GET()


@contextlib.contextmanager
def trickling() -> Iterator[str]:
    """Run the trickling server on 127.0.0.1; yield its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_export_gives_up_on_a_trickling_qdrant(make_node: Any) -> None:
    """A Qdrant that answers a byte at a time fails export at qdrant.timeout (a total deadline,
    not one per read) with one error line and no traceback."""
    with trickling() as url:
        node: Node = make_node("alpha", qdrant={"url": url, "timeout": 1.0, "retry_attempts": 1})
        process = node.run("export", check=False)
    assert process.returncode == 1
    assert "no whole answer within qdrant.timeout" in process.stderr
    assert "Traceback" not in process.stderr
