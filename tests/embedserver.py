"""A local HTTP server that stands in for the OpenAI-compatible and Ollama embedding servers.

It answers ``/v1/embeddings`` and ``/api/embed`` with the hash embedder's vectors (so answers are
real vectors of the requested texts), records every request, and can be told to fail: every
request, or those holding a text it refuses (as a model refuses one over its context length).
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs
import numpy as np

from fedlearn.vectors import embed

REFUSAL = "input is too large to process. increase the physical batch size"


@attrs.define
class Behaviour:
    """
    How the fake server answers.

    Attributes:
        dimension: the length of the vectors it returns.
        fail_first: how many requests fail with ``fail_status`` before it answers.
        fail_status: the HTTP status of those failures.
        reverse: return OpenAI ``data`` items in reverse order (clients must sort by ``index``).
        refuse: texts whose request is refused with ``refuse_status`` and ``REFUSAL``.
        max_inputs: requests of more texts than this are refused with 413 (0: no limit).
        bad_vectors: ``nan``, ``inf`` or ``zero``: the first ``bad_first`` answers carry such a
            vector in their first row.
        trickle: answer every request with a body sent one byte at a time, without end.
        rotate: roll every vector by this many columns: another "model" of the same size, whose
            vectors differ from the hash embedder's but rank texts the same.
        model: a real model's ``embed`` (texts to rows) to answer with instead of the hash embedder.
    """

    dimension: int = 16
    fail_first: int = 0
    fail_status: int = 503
    reverse: bool = False
    refuse: set[str] = attrs.field(factory=set)
    refuse_status: int = 400
    max_inputs: int = 0
    bad_vectors: str = ""
    bad_first: int = 0
    trickle: bool = False
    rotate: int = 0
    model: Callable[[list[str]], Any] | None = None
    requests: list[dict[str, Any]] = attrs.field(factory=list)


def handler(behaviour: Behaviour) -> type[BaseHTTPRequestHandler]:
    """Return a request handler class bound to ``behaviour``."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

        def do_POST(self) -> None:
            """Answer an embeddings request, or fail as told."""
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            behaviour.requests.append(
                {
                    "path": self.path,
                    "body": body,
                    "authorization": self.headers.get("Authorization"),
                }
            )
            if behaviour.trickle:
                trickle(self, b'{"data": [')
            elif len(behaviour.requests) <= behaviour.fail_first:
                self.answer(behaviour.fail_status, {"error": {"message": "busy, try again"}})
            elif not isinstance(body.get("input"), list):
                self.answer(400, {"error": {"message": "input must be a list of strings"}})
            elif behaviour.refuse.intersection(body["input"]):
                self.answer(behaviour.refuse_status, {"error": {"message": REFUSAL}})
            elif behaviour.max_inputs and len(body["input"]) > behaviour.max_inputs:
                self.answer(413, {"error": {"message": "request entity too large"}})
            else:
                self.answer(200, self.embeddings(body["input"]))

        def embeddings(self, texts: list[str]) -> dict[str, Any]:
            if behaviour.model is not None:
                rows = np.asarray(behaviour.model(texts)).tolist()
            else:
                matrix = embed.HashEmbedder(behaviour.dimension).embed(texts)
                rows = np.roll(matrix, behaviour.rotate, axis=1).tolist()
            if behaviour.bad_vectors and len(behaviour.requests) <= behaviour.bad_first:
                value = {"nan": float("nan"), "inf": float("inf"), "zero": 0.0}
                rows[0] = [value[behaviour.bad_vectors]] * behaviour.dimension
            if self.path == "/api/embed":
                return {"model": "fake", "embeddings": rows}
            data = [{"object": "embedding", "index": i, "embedding": r} for i, r in enumerate(rows)]
            return {"object": "list", "data": data[::-1] if behaviour.reverse else data}

        def answer(self, status: int, document: dict[str, Any]) -> None:
            payload = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler


def trickle(request: BaseHTTPRequestHandler, opening: bytes) -> None:
    """Answer 200 at once, then ``opening`` and a byte every 50 ms, until the client goes."""
    request.send_response(200)
    request.send_header("Content-Type", "application/json")
    request.send_header("Content-Length", str(1 << 40))
    request.end_headers()
    with contextlib.suppress(OSError):
        request.wfile.write(opening)
        while True:
            request.wfile.write(b" ")
            request.wfile.flush()
            time.sleep(0.05)


def running(behaviour: Behaviour) -> contextlib.AbstractContextManager[str]:
    """Run the fake server on a free local port for the block; yield its base URL."""
    return serving(handler(behaviour))


@contextlib.contextmanager
def serving(handler_class: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Run a server of ``handler_class`` on a free port of 127.0.0.1; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.daemon_threads = True  # a trickling answer's thread ends when its client goes
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """Return a local port nothing listens on (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
