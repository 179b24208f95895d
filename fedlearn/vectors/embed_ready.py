"""Waiting for an embedding server to serve (``import --wait-ready``): any HTTP answer but 5xx.

Each probe is one call through the deadline transport, so a server that accepts and never
answers costs a probe at most ``READY_WAIT_MAX`` seconds, never the whole wait.
"""

from __future__ import annotations

import math

import httpx

from fedlearn import config, retry
from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed_server, http_deadline, http_transport
from fedlearn.vectors.embed_answers import TransientError

# A readiness probe at least this often while waiting (``wait_ready``).
READY_WAIT_INITIAL = 0.2
READY_WAIT_MAX = 2.0
# Answers of a server (or the proxy before it) that is not serving yet.
STARTING_STATUSES = frozenset({500, 502, 503, 504})
# An answer to a readiness probe is read only this far (an API base may answer a whole page).
MAX_PROBE_BYTES = 1024 * 1024


def wait_ready(settings: config.Embedding, seconds: float) -> None:
    """
    Return once the embedding server at ``embedding.url`` answers HTTP; at once for ``hash``.

    Any HTTP answer counts (a GET of an API base may be 404, 405 or 501: the port is serving),
    but a closed port or a 500, 502, 503 or 504 (a server or its proxy still starting) does not.
    Raise EmbeddingError when it is not ready within ``seconds``.
    """
    if settings.provider == "hash":
        return
    policy = retry.Policy(
        name="embedding readiness",
        attempts=math.ceil(seconds / READY_WAIT_INITIAL) + 1,
        deadline=seconds,
        retry_on=lambda error: isinstance(error, TransientError),
        describe=describe_not_ready,
        wait_initial=READY_WAIT_INITIAL,
        wait_max=READY_WAIT_MAX,
    )
    try:
        retry.retrying(policy)(probe_ready, settings.url, min(settings.timeout, READY_WAIT_MAX))
    except TransientError as error:
        raise EmbeddingError(
            f"embedding server {http_deadline.public_url(settings.url)} not ready after {seconds:g}s: {error}",
            hint="check the server (e.g. `systemctl status ollama`) and embedding.url",
        ) from None


def probe_ready(url: str, timeout: float) -> None:
    """GET ``url`` once; raise TransientError when nothing answers in ``timeout`` or it is starting."""
    embed_server.check_url(url)
    with http_transport.DeadlineTransport(
        timeout,
        service="embedding server",
        setting="a readiness probe's limit",
        max_bytes=MAX_PROBE_BYTES,
        keepalive=False,
    ) as transport:
        try:
            answer = embed_server.call(transport, httpx.Request("GET", url))
        except EmbeddingError:  # an answer larger than a probe reads: the port is serving
            return
    if answer.status_code in STARTING_STATUSES:
        raise TransientError(f"HTTP {answer.status_code}", answer.status_code)


def describe_not_ready(error: BaseException) -> str:
    """Return why a readiness probe failed, as the retry log line shows it."""
    return str(error)
