"""Which failures of a Qdrant call are retried, and how each reads in an error message.

Transient failures (no connection, a timeout past ``qdrant.timeout``, 5xx, 429) are retried with
one tenacity policy; anything else fails at once carrying Qdrant's own message (guarantee 7).
"""

from __future__ import annotations

import json

import httpx
from qdrant_client.common.client_exceptions import ResourceExhaustedResponse
from qdrant_client.http.exceptions import ResponseHandlingException, UnexpectedResponse

from fedlearn import config, retry

# What qdrant-client raises for a refused or failed request; anything else is a bug and propagates.
REPORTED = (UnexpectedResponse, ResponseHandlingException, ResourceExhaustedResponse, ValueError)


def is_transient(error: BaseException) -> bool:
    """Return whether ``error`` may go away on its own: no connection, a timeout, 5xx or 429."""
    if isinstance(error, ResourceExhaustedResponse):
        return True
    if isinstance(error, UnexpectedResponse):
        code = error.status_code
        return code is not None and (code == 429 or code >= 500)
    if isinstance(error, ResponseHandlingException):
        return isinstance(error.source, httpx.TransportError)
    return False


def describe(error: BaseException) -> str:
    """Return Qdrant's own message for ``error``: the server's ``status.error`` when it sent one."""
    if isinstance(error, UnexpectedResponse):
        try:
            status = json.loads(error.content)["status"]
            detail = status["error"] if isinstance(status, dict) else str(status)
        except (ValueError, KeyError, TypeError, RecursionError):  # not Qdrant's JSON
            detail = error.content.decode("utf-8", "replace")[:300]
        return f"HTTP {error.status_code}: {detail}"
    if isinstance(error, ResponseHandlingException):
        return f"{type(error.source).__name__}: {error.source}"
    return str(error)


def policy(settings: config.Qdrant) -> retry.Policy:
    """Return the adapter's retry policy: transient failures only, as the config caps them."""
    return retry.Policy(
        name="qdrant",
        attempts=settings.retry_attempts,
        deadline=settings.retry_deadline,
        retry_on=is_transient,
        describe=describe,
    )
