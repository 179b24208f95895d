"""A local HTTP server that boots slowly: its port refuses connections for a while, then its GETs
are answered 503 a few times before 200.

It stands in for Qdrant at boot (the port stays closed while it loads collections, then
``/readyz`` says 503 until ready) and for an embedding server still starting. The port is bound
from the start and only listens later, so nothing else can take it meanwhile.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs


@attrs.define
class Boot:
    """
    How the server boots, and what it saw.

    Attributes:
        not_ready: how many GETs are answered 503 once it is open.
        requests: (path, api-key header) of every GET.
        open: called by the test to open the port (it refuses connections until then); it listens
            when the call returns. Set by ``booting``.
    """

    not_ready: int = 2
    requests: list[tuple[str, str | None]] = attrs.field(factory=list)
    open: Callable[[], None] = lambda: None


def handler(boot: Boot) -> type[BaseHTTPRequestHandler]:
    """Return a request handler class bound to ``boot``."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

        def do_GET(self) -> None:
            """Answer 503 for the first ``not_ready`` GETs, then 200."""
            boot.requests.append((self.path, self.headers.get("api-key")))
            status = 503 if len(boot.requests) <= boot.not_ready else 200
            payload = b"ready" if status == 200 else b"loading collections"
            self.send_response(status)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler


@contextlib.contextmanager
def booting(boot: Boot) -> Iterator[str]:
    """Yield the base URL of a server whose port listens only once ``boot.open()`` is called."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(boot), bind_and_activate=False)
    server.server_bind()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    lock = threading.Lock()

    def open_port() -> None:
        with lock:
            if not thread.is_alive():
                server.server_activate()
                thread.start()

    boot.open = open_port
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        with lock:
            if thread.is_alive():
                server.shutdown()
                thread.join()
        server.server_close()
