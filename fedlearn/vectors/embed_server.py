"""The embedders that call a server: ``openai`` (any /v1/embeddings server) and ``ollama``.

Each request goes through the deadline transport (``http_transport``: ``embedding.timeout`` for
all of it, from the lookup to the last byte, and ``MAX_ANSWER_BYTES``) and this adapter's retry
policy. A batch of the wrong shape raises EmbeddingError, so a vector of the wrong dimension is
never stored; what an answer means is ``embed_answers``'.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from fedlearn import config, retry
from fedlearn.errors import EmbeddingError
from fedlearn.store import keyfile
from fedlearn.vectors import embed_answers, http_deadline, http_transport
from fedlearn.vectors.embed_answers import TransientError, Vectors

# An answer larger than this is not an embedding answer (64 texts of 4,096 floats are ~5 MB).
MAX_ANSWER_BYTES = 64 * 1024 * 1024


def read_key(path: str) -> str:
    """Return the API key in ``path`` (stripped), or "" when no file is configured."""
    return keyfile.read(path, "embedding.api_key_file", EmbeddingError)


def check_url(url: str) -> None:
    """Raise EmbeddingError unless ``url`` is an http(s) URL."""
    if not url.startswith(("http://", "https://")):
        raise EmbeddingError(f"embedding.url must be an http(s) URL: {url!r}")


def call(transport: httpx.BaseTransport, request: httpx.Request) -> httpx.Response:
    """
    Return the answer to ``request``, read whole; raise TransientError when none came (no
    connection, the deadline passed), EmbeddingError when it is larger than the transport allows.
    """
    try:
        return http_transport.exchange(transport, request)
    except http_transport.AnswerTooLargeError as error:
        raise EmbeddingError(str(error)) from None
    except httpx.TimeoutException as error:
        raise TransientError(str(error), named=True) from None
    except httpx.HTTPError as error:
        raise TransientError(str(error) or type(error).__name__) from None


class Server:
    """One embedding server reached over HTTP with the retry policy."""

    def __init__(self, settings: config.Embedding) -> None:
        check_url(settings.url)
        self.settings = settings
        self.key = read_key(settings.api_key_file)
        self.transport = http_transport.DeadlineTransport(
            settings.timeout,
            service="embedding server",
            setting="embedding.timeout",
            max_bytes=MAX_ANSWER_BYTES,
            keepalive=False,  # nothing closes an embedder: no connection is left open
        )

    def post(self, url: str, body: dict[str, Any], parse: Callable[[Any], Vectors]) -> Vectors:
        """
        POST ``body`` as JSON to ``url`` and return ``parse`` of the answer, retrying transient
        failures (``parse`` raises TransientError for vectors that may not be stored).

        Raise EmbeddingError with the server's message when it refuses the request, or when it
        stays unreachable (or answers NaN, infinite or zero vectors) through every attempt.
        """
        policy = retry.retrying(
            retry.Policy(
                name="embedding",
                attempts=self.settings.retry_attempts,
                deadline=self.settings.retry_deadline,
                retry_on=lambda error: isinstance(error, TransientError),
            )
        )
        try:
            return policy(self.post_once, url, body, parse)
        except TransientError as error:
            where = http_deadline.public_url(url)
            message = (
                f"{error}; gave up after retries"
                if error.named
                else f"embedding server {where} failed after retries: {error}"
            )
            hint = "check that the server is up and embedding.url; then rerun `fedlearn import`"
            if error.status in embed_answers.INPUT_SERVER_ERRORS:
                raise embed_answers.RefusedError(message, detail=str(error), hint=hint) from None
            raise EmbeddingError(message, hint=hint) from None

    def post_once(self, url: str, body: dict[str, Any], parse: Callable[[Any], Vectors]) -> Vectors:
        """POST once; raise TransientError for a failure worth repeating, else EmbeddingError."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        request = httpx.Request("POST", url, content=json.dumps(body).encode(), headers=headers)
        answer = call(self.transport, request)
        if answer.status_code >= 300:
            kind = answer.headers.get("Content-Type", "")
            raise embed_answers.http_error(
                answer.status_code, answer.reason_phrase, kind, answer.content
            )
        try:
            return parse(json.loads(answer.content))
        except (ValueError, RecursionError):
            where = http_deadline.public_url(url)
            raise EmbeddingError(
                f"embedding server {where} answered something not JSON (or nested too deep)"
            ) from None


def endpoint(base: str, suffixes: tuple[str, ...]) -> str:
    """Return ``base`` completed to the API path (the suffixes it does not already end in)."""
    base = base.rstrip("/")
    for index, suffix in enumerate(suffixes):
        if base.endswith(suffix):
            return base + "".join(suffixes[index + 1 :])
    return base + "".join(suffixes)


class ServerEmbedder:
    """
    An embedding server's API: ``SUFFIXES`` complete ``embedding.url`` to its path, ``vectors``
    picks the rows out of an answer (KeyError or TypeError when it has none: ``WITHOUT`` says so).
    """

    SUFFIXES: tuple[str, ...] = ()
    WITHOUT = ""

    def __init__(self, settings: config.Embedding) -> None:
        self.server = Server(settings)
        self.url = endpoint(settings.url, self.SUFFIXES)
        self.dimension = settings.dimension
        self.model = settings.model

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return the server's vectors for ``texts``, in the order of the texts."""
        body = {"model": self.model, "input": list(texts)}
        return self.server.post(self.url, body, lambda answer: self.rows(answer, len(texts)))

    def rows(self, answer: Any, count: int) -> Vectors:
        """Return the vectors of an answer; raise EmbeddingError when it has none."""
        where = http_deadline.public_url(self.url)
        try:
            found = embed_answers.as_vectors(self.vectors(answer), count, where)
        except (KeyError, TypeError):
            message = f"embedding server {where} answered without {self.WITHOUT}"
            raise EmbeddingError(message) from None
        return embed_answers.stored_rows(found, where)

    def vectors(self, answer: Any) -> Any:
        """Return the rows of ``answer``, in the order of the texts."""
        raise NotImplementedError


class OpenAIEmbedder(ServerEmbedder):
    """Any OpenAI-compatible ``/v1/embeddings`` server (llama.cpp, vLLM, TEI, Ollama's ``/v1``)."""

    SUFFIXES = ("/v1", "/embeddings")
    WITHOUT = "data[].embedding"

    def vectors(self, answer: Any) -> Any:
        """Return ``data[].embedding`` sorted by ``index`` (servers may answer out of order)."""
        return [row["embedding"] for row in sorted(answer["data"], key=lambda row: row["index"])]


class OllamaEmbedder(ServerEmbedder):
    """Ollama's native ``/api/embed``."""

    SUFFIXES = ("/api", "/embed")
    WITHOUT = "embeddings[]"

    def vectors(self, answer: Any) -> Any:
        """Return ``embeddings``."""
        return answer["embeddings"]
