"""Which Qdrant failures are retried, and how a refusal reads."""

from __future__ import annotations

import httpx
from qdrant_client.http.exceptions import ResponseHandlingException, UnexpectedResponse

from fedlearn.vectors import qdrant_retry
from tests.vectors.test_qdrant import connect_error


def test_is_transient_tells_outages_from_refusals() -> None:
    """Connection errors, timeouts, 5xx and 429 are transient; 4xx and parse errors are not."""
    headers = httpx.Headers()

    def status(code: int) -> UnexpectedResponse:
        return UnexpectedResponse(code, "", b'{"status":{"error":"nope"}}', headers)

    assert qdrant_retry.is_transient(connect_error())
    assert qdrant_retry.is_transient(ResponseHandlingException(httpx.ReadTimeout("slow")))
    assert qdrant_retry.is_transient(status(503)) and qdrant_retry.is_transient(status(429))
    assert not qdrant_retry.is_transient(status(400)) and not qdrant_retry.is_transient(status(404))
    assert not qdrant_retry.is_transient(ResponseHandlingException(ValueError("bad json")))
    assert not qdrant_retry.is_transient(ValueError("Collection x not found"))


def test_describe_uses_the_server_message() -> None:
    """A refusal is reported with the server's own ``status.error``."""
    error = UnexpectedResponse(
        400,
        "Bad Request",
        b'{"status":{"error":"Wrong input: Vector dimension error"}}',
        httpx.Headers(),
    )
    assert qdrant_retry.describe(error) == "HTTP 400: Wrong input: Vector dimension error"
