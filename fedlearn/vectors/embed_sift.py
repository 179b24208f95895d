"""Embedding around refused texts (guarantee 3): one text the server will not take is set aside.

A batch the embedding server refuses for a reason that may be its input's (``embed_answers.RefusedError``:
a text over the model's context length gets 400, 413, 422 or llama.cpp's 500) is halved until the
refused texts stand alone, so every other text is still embedded; a text refused alone is set aside
only when the server embeds ``embed.CHECK_TEXT`` right after, so a server that refuses everything
fails the import as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np

from fedlearn.vectors import embed, embed_answers


@attrs.frozen
class Sifted:
    """
    The vectors of a list of texts, but for those the server refused alone.

    Attributes:
        matrix: one row per text, in order; the row of a refused text is zero.
        refused: the server's status and message for each refused text, by its index.
    """

    matrix: embed.Vectors
    refused: dict[int, str]


def vectors(embedder: embed.Embedder, texts: Sequence[str], batch_size: int) -> Sifted:
    """
    Return the vectors of ``texts`` as ``embed.vectors`` does, but for the texts refused alone.

    A refused batch is halved, recursively: about 2·log2(batch_size) + 2 requests per refused text
    (times ``embedding.retry_attempts`` for a 5xx). Raise EmbeddingError as ``embed.vectors`` does,
    and when the check text is refused too: the service fails then, not one text.
    """
    sifted = Sifted(np.zeros((len(texts), embedder.dimension), dtype=np.float32), {})
    for start in range(0, len(texts), batch_size):
        split(embedder, texts, start, min(start + batch_size, len(texts)), sifted)
    return sifted


def split(
    embedder: embed.Embedder, texts: Sequence[str], start: int, stop: int, into: Sifted
) -> None:
    """Embed ``texts[start:stop]`` into ``into``; when they are refused, each half on its own."""
    try:
        into.matrix[start:stop] = embed.checked(embedder, texts[start:stop])
    except embed_answers.RefusedError as error:
        if stop - start == 1:
            embed.check(embedder)
            into.refused[start] = error.detail
            return
        middle = (start + stop) // 2
        split(embedder, texts, start, middle, into)
        split(embedder, texts, middle, stop, into)
