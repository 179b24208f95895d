"""What import reads, as sources: verified points headed for one collection, in id order, each
with the text it is embedded from (its ``embedding.document_prefix`` in front: ``prefixed``).

A source (``Source``) is a category's merged patterns (``import_patterns``) or a node's newest
snapshot that verifies (``import_snapshots``); ``import_plan`` gathers every source of what an
import touches. Its entries are an iterator read once, so no source is held whole; ``merged``
reads the sources of one collection together in snapshot order, one point of each ahead.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence

import attrs

from fedlearn.formats import records
from fedlearn.vectors import points

Entry = tuple[records.Point, str]  # a point and the text it is embedded from


@attrs.define
class Rejects:
    """How many points of a source were out of shape, counted as its entries are read."""

    count: int = 0


@attrs.frozen
class Source:
    """
    Verified points headed for one collection, in id order, each with the text it is embedded from.

    Attributes:
        label: ``patterns`` or the snapshot path relative to the repo.
        count: how many points ``entries`` holds; None when that is known only once they are read
            (a category's patterns read a shard at a time), and then it holds at least one.
        entries: the points and their texts in snapshot order (``points.sort_key``), each id once;
            an iterator, read once. A snapshot's raise VerifyError when its file changed since it
            was verified.
        rejects: the points of the source that are out of shape (counted as failed), counted
            as ``entries`` are read: all of them are counted once ``entries`` is exhausted.
        owner: the node whose snapshot this is, when it is another node's (its points are marked
            as that node's: ``points.OWNER``); None for patterns and this node's own snapshot.
        text_fields: the payload fields its texts come from (``points.text_of``), for messages.
    """

    collection: str
    label: str
    count: int | None
    entries: Iterator[Entry]
    rejects: Rejects = attrs.field(factory=Rejects)
    owner: str | None = None
    text_fields: tuple[str, ...] = ("text",)

    @property
    def rejected(self) -> int:
        """Return how many points of the source were out of shape, of those read so far."""
        return self.rejects.count

    @property
    def is_federated(self) -> bool:
        """Return whether fedlearn owns the points it writes: patterns, or another node's points."""
        return self.label == points.PATTERNS or self.owner is not None


def merged(inputs: Sequence[Source]) -> Iterator[tuple[Source, records.Point, str]]:
    """
    Yield the points of ``inputs`` in snapshot order, each with its source and text.

    An id several sources hold comes once from each, one after the other, the earlier source's
    first (``heapq.merge`` is stable). One point per source is read ahead.
    """
    return heapq.merge(*map(tagged, inputs), key=lambda item: points.order(item[1]))


def tagged(source: Source) -> Iterator[tuple[Source, records.Point, str]]:
    """Yield the entries of ``source``, each with the source."""
    for point, text in source.entries:
        yield source, point, text


def prefixed(prefix: str, text: str) -> str:
    """Return ``text`` with ``prefix`` in front; "" stays "" (no text is no text, prefix or not)."""
    return prefix + text if text.strip() else ""
