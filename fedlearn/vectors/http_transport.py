"""The HTTP transport of every network call (Qdrant's client, the embedder): one total deadline.

httpx's timeouts bound each phase (connect, each read, each write) on its own, so a server that
answers one byte at a time never trips them. Each request through ``DeadlineTransport`` has one
deadline for all of it (``http_deadline``: the lookup, connect, TLS, sending, the headers and
every piece of the body) and a cap on its answer's size. Past the deadline it fails with an
httpx timeout naming the service, the URL and the setting (transient: the retry policy may ask
again); past the size, with ``AnswerTooLargeError`` (not transient).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpcore
import httpx

from fedlearn.vectors import http_deadline


class AnswerTooLargeError(httpx.DecodingError):
    """An answer passed its transport's ``max_bytes``; reading stopped."""


class DeadlineTransport(httpx.HTTPTransport):
    """
    An httpx transport whose requests each have ``seconds`` in all, body included.

    Args:
        seconds: the whole call's time (the setting ``setting``).
        service: what is called, for messages (``qdrant``).
        setting: the config key of ``seconds``, for messages (``qdrant.timeout``).
        max_bytes: the largest answer read.
        keepalive: keep connections open between requests (close them with ``close``).
    """

    def __init__(
        self, seconds: float, *, service: str, setting: str, max_bytes: int, keepalive: bool = True
    ) -> None:
        # httpx.HTTPTransport takes no network backend: its pool is replaced (before any use) by
        # one whose backend keeps the deadline; handle_request and close are httpx's own.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # httpx's own: honours SSL_CERT_FILE and _DIR
            network_backend=http_deadline.Backend(),
            max_keepalive_connections=None if keepalive else 0,
        )
        self.seconds, self.service, self.setting = seconds, service, setting
        self.max_bytes = max_bytes

    def __deepcopy__(self, memo: dict[int, object]) -> DeadlineTransport:
        """Return this transport itself: qdrant-client 1.14 deep-copies its arguments, and a
        connection pool (its SSL context, its sockets) is shared, never copied."""
        return self

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return its answer, whose body is read within the same deadline."""
        url = http_deadline.public_url(str(request.url))
        deadline = http_deadline.Deadline(self.service, self.setting, self.seconds, url)
        # httpcore's own per-phase timeouts, each longer than anything the deadline leaves.
        phases = ("connect", "read", "write", "pool")
        request.extensions["timeout"] = dict.fromkeys(phases, self.seconds)
        token = http_deadline.CURRENT.set(deadline)
        try:
            response = super().handle_request(request)
        finally:
            http_deadline.CURRENT.reset(token)
        if not isinstance(response.stream, httpx.SyncByteStream):  # never, in a sync transport
            return response
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=Bounded(response.stream, request, deadline, self.max_bytes),
            extensions=response.extensions,
            request=request,
        )


class Bounded(httpx.SyncByteStream):
    """A response body read within its call's deadline and a size cap."""

    def __init__(
        self,
        stream: httpx.SyncByteStream,
        request: httpx.Request,
        deadline: http_deadline.Deadline,
        max_bytes: int,
    ) -> None:
        self.stream, self.request, self.deadline, self.max_bytes = (
            stream,
            request,
            deadline,
            max_bytes,
        )

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        pieces = iter(self.stream)
        while True:
            self.deadline.reading = f"reading the answer ({size} bytes in)"
            token = http_deadline.CURRENT.set(self.deadline)
            try:
                piece = next(pieces, None)
            finally:
                http_deadline.CURRENT.reset(token)
            if piece is None:
                return
            size += len(piece)
            if size > self.max_bytes:
                message = f"{self.deadline.service} {self.deadline.url} answered more than {self.max_bytes} bytes; stopped"
                raise AnswerTooLargeError(message, request=self.request)
            yield piece

    def close(self) -> None:
        """Close the underlying stream."""
        self.stream.close()


def exchange(transport: httpx.BaseTransport, request: httpx.Request) -> httpx.Response:
    """
    Return the answer to ``request`` with its body read, the connection released.

    Raise httpx.HTTPError when it fails (a timeout past the deadline, AnswerTooLargeError).
    """
    response = transport.handle_request(request)
    try:
        response.read()
    finally:
        response.close()
    return response
