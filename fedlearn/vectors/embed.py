"""Embedder adapter: the vectors import regenerates (DESIGN.md "The pipeline": re-embed).

``hash`` is offline feature hashing (lexical only); ``openai`` and ``ollama`` call an embedding
server with this adapter's retry policy. A batch of the wrong shape raises EmbeddingError, so a
vector of the wrong dimension is never stored; ``usable`` marks the rows that may be stored.
A refusal that may be the input's is a RefusedError, which ``sift`` narrows down to the text.
"""

from __future__ import annotations

import hashlib
import http.client
import itertools
import json
import logging
import math
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from fedlearn import config, retry
from fedlearn.errors import EmbeddingError
from fedlearn.store import keyfile

log = logging.getLogger(__name__)
Vectors = npt.NDArray[np.float32]
WORD = re.compile(r"\w+")
# A readiness probe at least this often while waiting (``wait_ready``).
READY_WAIT_INITIAL = 0.2
READY_WAIT_MAX = 2.0
# Statuses that are never the input's fault: authentication, a wrong URL, model or method, a proxy.
SERVICE_STATUSES = frozenset({401, 403, 404, 405, 407})
# The 5xx statuses that may be the input's when they last through the retries: a server that
# fails on one text (llama.cpp's 500 over the context length, a gateway timing out on it). Every
# other 5xx (502, 503 down or busy, 501, 505, 507, 511) is the service's, whatever the input.
INPUT_SERVER_ERRORS = frozenset({500, 504})
# Answers of a server (or the proxy before it) that is not serving yet, for ``wait_ready``.
STARTING_STATUSES = frozenset({500, 502, 503, 504})
# Embedded to show the service works: after a text is refused alone (``sift``), and before import
# creates a collection (not an input's text, which the server may refuse).
CHECK_TEXT = "fedlearn embedding check"
# An answer larger than this is not an embedding answer (64 texts of 4,096 floats are ~5 MB).
MAX_ANSWER_BYTES = 64 * 1024 * 1024
READ_BYTES = 64 * 1024


class Embedder(Protocol):
    """
    Turns texts into vectors of one dimension.

    Attributes:
        dimension: the length of every vector ``embed`` returns.
        model: the model name, recorded in snapshot manifests.
    """

    dimension: int
    model: str

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return one row per text; raise EmbeddingError when the embedder fails."""
        ...


class HashEmbedder:
    """
    Feature hashing of lowercased words and word pairs into ``dimension`` signed slots, normalized.

    Deterministic and offline, no model: texts that share words and phrases land close together,
    texts that say the same thing in other words do not (lexical only).
    """

    CACHE_LIMIT = 1_000_000

    def __init__(self, dimension: int) -> None:
        self.dimension = dimension
        self.model = "hash"
        self.slots: dict[str, tuple[int, float]] = {}

    def slot(self, feature: str) -> tuple[int, float]:
        """Return the column and sign of ``feature`` (blake2b, so the same on every machine)."""
        found = self.slots.get(feature)
        if found is None:
            digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            found = (value % self.dimension, -1.0 if value >> 63 else 1.0)
            if len(self.slots) >= self.CACHE_LIMIT:
                self.slots.clear()
            self.slots[feature] = found
        return found

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Return the normalized hashed feature counts of ``texts`` (a zero row for no words)."""
        cells: list[int] = []
        signs: list[float] = []
        for row, text in enumerate(texts):
            base = row * self.dimension
            for feature in features(text):
                column, sign = self.slot(feature)
                cells.append(base + column)
                signs.append(sign)
        size = len(texts) * self.dimension
        flat = np.bincount(np.asarray(cells, dtype=np.int64), np.asarray(signs), minlength=size)
        return normalize(flat.reshape(len(texts), self.dimension).astype(np.float32))


def features(text: str) -> list[str]:
    """Return the lowercased words of ``text`` followed by its adjacent word pairs."""
    words = WORD.findall(text.lower())
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


def normalize(matrix: Vectors) -> Vectors:
    """Return ``matrix`` with every non-zero row scaled to length 1."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    scaled: Vectors = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return scaled


class TransientError(Exception):
    """
    An embedding request that may succeed when repeated (connection, timeout, 5xx, 429).

    Attributes:
        status: the HTTP status the server answered, 0 when it did not answer.
    """

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


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


def read_key(path: str) -> str:
    """Return the API key in ``path`` (stripped), or "" when no file is configured."""
    return keyfile.read(path, "embedding.api_key_file", EmbeddingError)


class Server:
    """One embedding server reached over HTTP (stdlib ``urllib``) with the retry policy."""

    def __init__(self, settings: config.Embedding) -> None:
        if not settings.url.startswith(("http://", "https://")):
            raise EmbeddingError(f"embedding.url must be an http(s) URL: {settings.url!r}")
        self.settings = settings
        self.key = read_key(settings.api_key_file)

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
            message = f"embedding server {url} failed after retries: {error}"
            hint = "check that the server is up and embedding.url; then rerun `fedlearn import`"
            if error.status in INPUT_SERVER_ERRORS:
                raise RefusedError(message, detail=str(error), hint=hint) from None
            raise EmbeddingError(message, hint=hint) from None

    def post_once(self, url: str, body: dict[str, Any], parse: Callable[[Any], Vectors]) -> Vectors:
        """POST once; raise TransientError for a failure worth repeating, else EmbeddingError."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        # S310: the scheme is checked in __init__ (http or https only).
        request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")  # noqa: S310
        deadline = time.monotonic() + self.settings.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout) as answer:  # noqa: S310
                data = read_answer(answer, deadline, url)
        except urllib.error.HTTPError as error:
            raise http_error(error) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise TransientError(str(getattr(error, "reason", error))) from None
        try:
            return parse(json.loads(data))
        except (ValueError, RecursionError):
            raise EmbeddingError(
                f"embedding server {url} answered something not JSON (or nested too deep)"
            ) from None


def read_answer(answer: http.client.HTTPResponse, deadline: float, url: str) -> bytes:
    """
    Read an answer's body by pieces until its end, within ``deadline`` (a ``time.monotonic``
    moment) and ``MAX_ANSWER_BYTES``: a server that trickles or never ends fails in time, and an
    endless answer is never held whole. Raise TransientError past the deadline, EmbeddingError
    past the size.
    """
    pieces, size = [], 0
    while piece := answer.read1(READ_BYTES):
        size += len(piece)
        if size > MAX_ANSWER_BYTES:
            raise EmbeddingError(
                f"embedding server {url} answered more than {MAX_ANSWER_BYTES} bytes; stopped"
            )
        if time.monotonic() > deadline:
            raise TransientError(f"no whole answer within embedding.timeout ({size} bytes read)")
        pieces.append(piece)
    return b"".join(pieces)


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


def one_line(error: urllib.error.HTTPError, limit: int = 200) -> str:
    """
    Return an error answer's body as one short line: a JSON body's message, a text body's first
    line, or for anything else (an HTML error page from a proxy) its content type and size.
    """
    kind = (error.headers.get("Content-Type") or "").split(";")[0].strip() or "no content type"
    body = error.read()
    text = body.decode("utf-8", "replace").strip()
    if kind == "application/json":
        try:
            answer = json.loads(text)
        except ValueError:
            answer = None
        if isinstance(answer, dict):
            found = answer.get("error", answer.get("message", answer.get("detail", text)))
            if isinstance(found, dict):
                found = found.get("message", found)
            text = str(found)
    elif not kind.startswith("text/plain"):
        reason = f"{error.reason}: " if error.reason else ""
        return f"{reason}{kind} body of {len(body)} bytes"
    first = " ".join(text.split())[:limit] or str(error.reason)
    return f"{first} ({kind})"


def http_error(error: urllib.error.HTTPError) -> Exception:
    """
    Return the error to raise for an HTTP error answer: transient for 429 and 5xx, a plain
    EmbeddingError for the statuses that are the service's, RefusedError for other 4xx.
    """
    message = f"HTTP {error.code}: {one_line(error)}"
    if error.code == 429 or error.code >= 500:
        return TransientError(message, error.code)
    refused = f"embedding server refused the request: {message}"
    if error.code in SERVICE_STATUSES:
        return EmbeddingError(refused)
    hint = "check embedding.model and the server's log; then rerun `fedlearn import`"
    return RefusedError(refused, detail=message, hint=hint)


def endpoint(base: str, suffixes: tuple[str, ...]) -> str:
    """Return ``base`` completed to the API path (the suffixes it does not already end in)."""
    base = base.rstrip("/")
    for index, suffix in enumerate(suffixes):
        if base.endswith(suffix):
            return base + "".join(suffixes[index + 1 :])
    return base + "".join(suffixes)


def as_vectors(rows: Any, count: int, url: str) -> Vectors:
    """Return the rows of an answer as a float32 matrix; raise EmbeddingError when they are not."""
    try:
        matrix = np.asarray(rows, dtype=np.float32)
    except (TypeError, ValueError):
        raise EmbeddingError(f"embedding server {url} answered rows that are not vectors") from None
    if matrix.ndim != 2 or matrix.shape[0] != count:
        raise EmbeddingError(f"embedding server {url} answered {matrix.shape} for {count} texts")
    return matrix


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
        try:
            found = as_vectors(self.vectors(answer), count, self.url)
        except (KeyError, TypeError):
            message = f"embedding server {self.url} answered without {self.WITHOUT}"
            raise EmbeddingError(message) from None
        return stored_rows(found, self.url)

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
            f"embedding server {settings.url} not ready after {seconds:g}s: {error}",
            hint="check the server (e.g. `systemctl status ollama`) and embedding.url",
        ) from None


def probe_ready(url: str, timeout: float) -> None:
    """GET ``url`` once; raise TransientError when nothing answers or it is still starting."""
    if not url.startswith(("http://", "https://")):
        raise EmbeddingError(f"embedding.url must be an http(s) URL: {url!r}")
    try:
        with urllib.request.urlopen(url, timeout=timeout):  # noqa: S310 (scheme checked above)
            return
    except urllib.error.HTTPError as error:
        if error.code in STARTING_STATUSES:
            raise TransientError(f"HTTP {error.code}", error.code) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise TransientError(str(getattr(error, "reason", error))) from None


def describe_not_ready(error: BaseException) -> str:
    """Return why a readiness probe failed, as the retry log line shows it."""
    return str(error)


def create(settings: config.Embedding) -> Embedder:
    """Return the embedder ``embedding.provider`` names."""
    if settings.provider == "openai":
        return OpenAIEmbedder(settings)
    if settings.provider == "ollama":
        return OllamaEmbedder(settings)
    return HashEmbedder(settings.dimension)


def vectors(embedder: Embedder, texts: Sequence[str], batch_size: int) -> Vectors:
    """
    Return the vectors of ``texts``, asking the embedder ``batch_size`` texts at a time.

    Raise EmbeddingError when a batch comes back with the wrong number of rows or the wrong
    dimension, so such a vector never reaches Qdrant.
    """
    parts = [np.zeros((0, embedder.dimension), dtype=np.float32)]
    for start in range(0, len(texts), batch_size):
        parts.append(checked(embedder, texts[start : start + batch_size]))
    return np.concatenate(parts)


def checked(embedder: Embedder, batch: Sequence[str]) -> Vectors:
    """Return the vectors of one batch; raise EmbeddingError when their shape is wrong."""
    part = embedder.embed(batch)
    if part.shape != (len(batch), embedder.dimension):
        raise EmbeddingError(
            f"embedder {embedder.model!r} returned vectors of shape {part.shape}, "
            f"expected ({len(batch)}, {embedder.dimension})",
            hint="set embedding.dimension to the model's output size",
        )
    return part


def check(embedder: Embedder) -> None:
    """
    Embed ``CHECK_TEXT``: show that the service works and answers ``embedder.dimension``.

    Raise EmbeddingError (never RefusedError, which would be read as the input's) when it does not.
    """
    try:
        checked(embedder, [CHECK_TEXT])
    except RefusedError as error:
        raise EmbeddingError(str(error), hint=error.hint) from None


def usable(matrix: Vectors) -> npt.NDArray[np.bool_]:
    """Return which rows may be stored: finite and not zero (a zero vector is never stored)."""
    finite = np.isfinite(matrix)
    nonzero = (np.where(finite, matrix, 0) != 0).any(axis=1)
    rows: npt.NDArray[np.bool_] = finite.all(axis=1) & nonzero
    return rows
