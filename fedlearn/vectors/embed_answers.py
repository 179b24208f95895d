"""What an embedding server's answer means: vectors that may be stored, or which failure it is.

A failure worth repeating is a TransientError (retried by ``embed_server``); a refusal that may
be the input's is a RefusedError (``embed_sift`` narrows it down to the text); anything else is
the service's, an EmbeddingError.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import numpy.typing as npt

from fedlearn.errors import EmbeddingError

Vectors = npt.NDArray[np.float32]
# Statuses that are never the input's fault: authentication, a wrong URL, model or method, a proxy.
SERVICE_STATUSES = frozenset({401, 403, 404, 405, 407})
# The 5xx statuses that may be the input's when they last through the retries: a server that
# fails on one text (llama.cpp's 500 over the context length, a gateway timing out on it). Every
# other 5xx (502, 503 down or busy, 501, 505, 507, 511) is the service's, whatever the input.
INPUT_SERVER_ERRORS = frozenset({500, 504})


class TransientError(Exception):
    """
    An embedding request that may succeed when repeated (connection, deadline, 5xx, 429).

    Attributes:
        status: the HTTP status the server answered, 0 when it did not answer.
        named: the message names the server and its URL already (a deadline's).
    """

    def __init__(self, message: str, status: int = 0, *, named: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.named = named


class RefusedError(EmbeddingError):
    """
    The server refused a request for a reason that may be its input's: a 4xx other than
    authentication, a wrong URL or rate limiting, or a 500 or 504 that lasted through the retries.

    ``sift.vectors`` halves such a batch; everywhere else it fails like any EmbeddingError.

    Attributes:
        detail: the server's status and message (``HTTP 400: …``).
    """

    def __init__(self, message: str, *, detail: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.detail = detail


def bad_rows(matrix: Vectors) -> str:
    """Return what is wrong with rows that may never be stored (``2 NaN, 1 zero``), or ""."""
    nan = np.isnan(matrix).any(axis=1)
    infinite = np.isinf(matrix).any(axis=1) & ~nan
    zero = ~(matrix != 0).any(axis=1) & ~nan
    counts = [(int(nan.sum()), "NaN"), (int(infinite.sum()), "infinite"), (int(zero.sum()), "zero")]
    found = [f"{count} {what}" for count, what in counts if count]
    return ", ".join(found) + f" vector{'s' * (sum(c for c, _ in counts) > 1)}" if found else ""


def stored_rows(matrix: Vectors, url: str) -> Vectors:
    """Return ``matrix``; raise TransientError (the batch is asked again) for NaN, inf or zero rows."""
    wrong = bad_rows(matrix)
    if wrong:
        raise TransientError(f"{url} answered {wrong} for one batch")
    return matrix


def one_line(reason: str, content_type: str, body: bytes, limit: int = 200) -> str:
    """
    Return an error answer's body as one short line: a JSON body's message, a text body's first
    line, or for anything else (an HTML error page from a proxy) its content type and size.
    """
    kind = content_type.split(";")[0].strip() or "no content type"
    text = body.decode("utf-8", "replace").strip()
    if kind == "application/json":
        try:
            answer = json.loads(text)
        except (ValueError, RecursionError):
            answer = None
        if isinstance(answer, dict):
            found = answer.get("error", answer.get("message", answer.get("detail", text)))
            if isinstance(found, dict):
                found = found.get("message", found)
            text = str(found)
    elif not kind.startswith("text/plain"):
        return f"{reason + ': ' if reason else ''}{kind} body of {len(body)} bytes"
    first = " ".join(text.split())[:limit] or reason
    return f"{first} ({kind})"


def http_error(status: int, reason: str, content_type: str, body: bytes) -> Exception:
    """
    Return the error to raise for an HTTP error answer: transient for 429 and 5xx, a plain
    EmbeddingError for the statuses that are the service's (a redirect is one: the URL is not
    the API's), RefusedError for other 4xx.
    """
    message = f"HTTP {status}: {one_line(reason, content_type, body)}"
    if status == 429 or status >= 500:
        return TransientError(message, status)
    refused = f"embedding server refused the request: {message}"
    if status in SERVICE_STATUSES or status < 400:
        return EmbeddingError(refused, hint="check embedding.url")
    hint = "check embedding.model and the server's log; then rerun `fedlearn import`"
    return RefusedError(refused, detail=message, hint=hint)


def as_vectors(rows: Any, count: int, url: str) -> Vectors:
    """Return the rows of an answer as a float32 matrix; raise EmbeddingError when they are not."""
    try:
        matrix = np.asarray(rows, dtype=np.float32)
    except (TypeError, ValueError):
        raise EmbeddingError(f"embedding server {url} answered rows that are not vectors") from None
    if matrix.ndim != 2 or matrix.shape[0] != count:
        raise EmbeddingError(f"embedding server {url} answered {matrix.shape} for {count} texts")
    return matrix
