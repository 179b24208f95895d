"""The HTTP transport under the Qdrant client: a total deadline and a size cap on every request.

httpx's timeout bounds each phase (connect, each read, each write) on its own, so a server that
answers one byte at a time never trips it. This transport bounds the whole answer instead: every
piece of the body read after the deadline, or past ``MAX_ANSWER_BYTES``, fails the request (a
timeout is transient, so the retry policy may ask again; an oversized answer is not).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx

# Qdrant answers a page of payloads at a time; a few hundred MB is no page fedlearn asks for.
MAX_ANSWER_BYTES = 256 * 1024 * 1024
# The read timeout when the deadline has passed: the next read fails at once (0 means "no wait"
# to some socket layers, so never 0).
MIN_READ = 0.001


class AnswerTooLargeError(httpx.DecodingError):
    """Qdrant's answer passed ``MAX_ANSWER_BYTES``; reading stopped."""


class DeadlineTransport(httpx.HTTPTransport):
    """An httpx transport whose requests each have ``deadline`` seconds in all, body included."""

    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` with every phase bounded by the deadline; bound its body's reading."""
        end = time.monotonic() + self.deadline
        request.extensions["timeout"] = dict.fromkeys(
            ("connect", "read", "write", "pool"), self.deadline
        )
        response = super().handle_request(request)
        if not isinstance(response.stream, httpx.SyncByteStream):  # never, in a sync transport
            return response
        body = Bounded(response.stream, request, end, self.deadline)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=body,
            extensions=response.extensions,
            request=request,
        )


class Bounded(httpx.SyncByteStream):
    """A response body read within a deadline (a ``time.monotonic`` moment) and a size cap."""

    def __init__(
        self, stream: httpx.SyncByteStream, request: httpx.Request, end: float, deadline: float
    ) -> None:
        self.stream, self.request, self.end, self.deadline = stream, request, end, deadline

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        # httpcore reads the read timeout from the request's extensions before each read: what is
        # left of the deadline, so a piece arriving late leaves the next read only the rest.
        timeouts = self.request.extensions.get("timeout")
        pieces = iter(self.stream)
        while True:
            if isinstance(timeouts, dict):
                timeouts["read"] = max(self.end - time.monotonic(), MIN_READ)
            piece = next(pieces, None)
            if piece is None:
                return
            size += len(piece)
            if time.monotonic() > self.end:
                message = (
                    f"no whole answer within qdrant.timeout ({self.deadline:g} s, {size} bytes)"
                )
                raise httpx.ReadTimeout(message, request=self.request)
            if size > MAX_ANSWER_BYTES:
                message = f"answer larger than {MAX_ANSWER_BYTES} bytes; stopped"
                raise AnswerTooLargeError(message, request=self.request)
            yield piece

    def close(self) -> None:
        """Close the underlying stream."""
        self.stream.close()
