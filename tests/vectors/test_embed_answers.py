"""What an embedding server's answer means: storable vectors, or which failure it is."""

from __future__ import annotations

import numpy as np
import pytest

from fedlearn.errors import EmbeddingError
from fedlearn.vectors import embed_answers

URL = "http://127.0.0.1:9/v1/embeddings"


def test_bad_rows_counts_nan_infinite_and_zero_rows_once_each() -> None:
    """A row with NaN and inf counts as NaN; a zero row is zero; good rows are not counted."""
    matrix = np.array(
        [[1, 0], [np.nan, np.inf], [np.inf, 1], [0, 0], [0, 0], [0.5, 0.5]], dtype=np.float32
    )
    assert embed_answers.bad_rows(matrix) == "1 NaN, 1 infinite, 2 zero vectors"
    assert embed_answers.bad_rows(matrix[3:4]) == "1 zero vector"
    assert embed_answers.bad_rows(matrix[[0, 5]]) == ""


def test_stored_rows_asks_again_for_a_batch_with_bad_rows() -> None:
    """Bad rows are a TransientError naming the URL (the batch is asked again); good rows pass."""
    good = np.ones((2, 3), dtype=np.float32)
    assert embed_answers.stored_rows(good, URL) is good
    with pytest.raises(embed_answers.TransientError, match=rf"{URL} answered 1 NaN vector"):
        embed_answers.stored_rows(np.array([[np.nan, 1]], dtype=np.float32), URL)


@pytest.mark.parametrize(
    ("content_type", "body", "said"),
    [
        (
            "application/json",
            b'{"error": {"message": "input too long"}}',
            "input too long (application/json)",
        ),
        (
            "application/json; charset=utf-8",
            b'{"detail": "no model"}',
            "no model (application/json)",
        ),
        ("application/json", b"[1, 2]", "[1, 2] (application/json)"),
        ("application/json", b"{not json", "{not json (application/json)"),
        ("text/plain", b"first line\n  second\tline\n", "first line second line (text/plain)"),
        ("text/plain", b"", "Bad Request (text/plain)"),
        ("", b"", "Bad Request: no content type body of 0 bytes"),
    ],
)
def test_one_line_takes_a_json_message_or_the_text(
    content_type: str, body: bytes, said: str
) -> None:
    """A JSON body's error/message/detail, else its text on one line (the reason when empty)."""
    assert embed_answers.one_line("Bad Request", content_type, body) == said


def test_one_line_sums_up_an_html_page_and_cuts_long_text() -> None:
    """A proxy's HTML page is its type and size; a long text is cut at the limit."""
    page = b"<html>" + b"x" * 94 + b"</html>"
    assert embed_answers.one_line("Bad Gateway", "text/html", page) == (
        "Bad Gateway: text/html body of 107 bytes"
    )
    assert (
        embed_answers.one_line("", "text/plain", b"y" * 300, limit=10) == "yyyyyyyyyy (text/plain)"
    )


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (429, embed_answers.TransientError),
        (500, embed_answers.TransientError),
        (503, embed_answers.TransientError),
        (400, embed_answers.RefusedError),
        (413, embed_answers.RefusedError),
        (422, embed_answers.RefusedError),
        (401, EmbeddingError),
        (404, EmbeddingError),
        (407, EmbeddingError),
        (302, EmbeddingError),
    ],
)
def test_http_error_sorts_statuses_into_retry_refusal_and_service(
    status: int, kind: type[Exception]
) -> None:
    """429 and 5xx are retried; the service's statuses and redirects fail; other 4xx are refusals."""
    error = embed_answers.http_error(status, "Reason", "text/plain", b"said so")
    assert type(error) is kind
    assert f"HTTP {status}: said so (text/plain)" in str(error)
    if isinstance(error, embed_answers.TransientError):
        assert error.status == status
    if isinstance(error, embed_answers.RefusedError):
        assert error.detail == f"HTTP {status}: said so (text/plain)"


def test_as_vectors_checks_shape_and_numbers() -> None:
    """Rows become a float32 matrix; a wrong count, ragged or non-numeric rows are refused."""
    matrix = embed_answers.as_vectors([[1, 2], [3, 4]], 2, URL)
    assert matrix.dtype == np.float32 and matrix.shape == (2, 2)
    with pytest.raises(EmbeddingError, match=r"answered \(2, 2\) for 3 texts"):
        embed_answers.as_vectors([[1, 2], [3, 4]], 3, URL)
    with pytest.raises(EmbeddingError, match="rows that are not vectors"):
        embed_answers.as_vectors([[1, 2], [3]], 2, URL)
    with pytest.raises(EmbeddingError, match="rows that are not vectors"):
        embed_answers.as_vectors([["a", "b"]], 1, URL)
    with pytest.raises(EmbeddingError, match=r"answered \(2,\) for 2 texts"):
        embed_answers.as_vectors([1, 2], 2, URL)
