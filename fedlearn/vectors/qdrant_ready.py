"""Waiting for a Qdrant server to be ready (``import --wait-ready``): ``/readyz`` answering 200.

Each probe is one call through the deadline transport, so a server that accepts and never
answers costs a probe at most ``READY_WAIT_MAX`` seconds, never the whole wait.
"""

from __future__ import annotations

import math

import httpx

from fedlearn import config, retry
from fedlearn.errors import QdrantError
from fedlearn.vectors import http_transport, qdrant

# A readiness probe at least this often while waiting (``wait_ready``).
READY_WAIT_INITIAL = 0.2
READY_WAIT_MAX = 2.0
# A readiness answer is a short line; anything longer is not Qdrant's.
MAX_PROBE_BYTES = 64 * 1024


class NotReadyError(Exception):
    """Qdrant answered ``/readyz`` with something other than 200 (it is loading collections)."""


def wait_ready(settings: config.Qdrant, seconds: float) -> None:
    """
    Return once the server at ``qdrant.url`` answers ``/readyz`` with 200; at once when embedded.

    Qdrant opens its port only after loading every collection, then answers 503 until ready, so a
    unit started after ``qdrant.service`` at boot finds it closed. Raise QdrantError when it is not
    ready within ``seconds``.
    """
    if not settings.url:
        return
    url = settings.url.rstrip("/") + "/readyz"
    key = qdrant.read_key(settings.api_key_file)
    headers = {"api-key": key} if key else {}
    try:
        retry.retrying(ready_policy(seconds))(probe_ready, url, headers, settings.timeout)
    except (httpx.HTTPError, NotReadyError) as error:
        raise QdrantError(
            f"qdrant at {settings.url} not ready after {seconds:g}s: {describe_not_ready(error)}",
            hint="check `systemctl status qdrant` and qdrant.url; import waits longer with a larger --wait-ready",
        ) from None


def ready_policy(seconds: float) -> retry.Policy:
    """Return the readiness wait: a probe at least every 2 s until ``seconds`` have passed."""
    return retry.Policy(
        name="qdrant readiness",
        attempts=math.ceil(seconds / READY_WAIT_INITIAL) + 1,
        deadline=seconds,
        retry_on=lambda error: isinstance(error, httpx.HTTPError | NotReadyError),
        describe=describe_not_ready,
        wait_initial=READY_WAIT_INITIAL,
        wait_max=READY_WAIT_MAX,
    )


def probe_ready(url: str, headers: dict[str, str], timeout: float) -> None:
    """
    GET ``url`` once within ``timeout`` (at most ``READY_WAIT_MAX``); raise NotReadyError unless
    it answers 200, httpx.HTTPError when nothing answers in time.
    """
    seconds = min(timeout, READY_WAIT_MAX)
    with http_transport.DeadlineTransport(
        seconds,
        service="qdrant",
        setting="a readiness probe's limit",
        max_bytes=MAX_PROBE_BYTES,
        keepalive=False,
    ) as transport:
        answer = http_transport.exchange(transport, httpx.Request("GET", url, headers=headers))
    if answer.status_code != httpx.codes.OK:
        raise NotReadyError(f"HTTP {answer.status_code} {answer.text[:200]}")


def describe_not_ready(error: BaseException) -> str:
    """Return why a readiness probe failed: the error's type and message."""
    return f"{type(error).__name__}: {error}"
