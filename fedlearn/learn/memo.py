"""The learner's memo of anonymized strings: telemetry repeats the same values (models, routes,
queries, a content's fields), each anonymized once a run (bounded by its characters), with the
redactions still counted on every use.
"""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Iterator, Sequence

from fedlearn import anonymize

# Characters (texts and their anonymized forms) the memo holds at most (bench/README.md).
MEMO_CHARS = 2_000_000


@contextlib.contextmanager
def counted_apart(anonymizer: anonymize.Anonymizer) -> Iterator[collections.Counter[str]]:
    """Count the redactions made inside the block in a Counter of their own, not the run's."""
    counts = anonymizer.counts
    apart: collections.Counter[str] = collections.Counter()
    anonymizer.counts = apart
    try:
        yield apart
    finally:
        anonymizer.counts = counts


class MemoAnonymizer:
    """
    Anonymize repeated strings once: telemetry repeats the same values (models, routes, queries).
    Redaction counts still count every occurrence, as if each string was anonymized anew. Full,
    it lets its oldest strings go: a range's last events are its snapshot lines (``prepare_snapshot``).
    """

    def __init__(self, anonymizer: anonymize.Anonymizer, budget: int = MEMO_CHARS) -> None:
        self.anonymizer = anonymizer
        self.capacity = budget
        self.budget = budget  # characters the memo may still hold, so memory stays bounded
        # text: (anonymized, the rule of each redaction): strings only, which the collector skips.
        self.memo: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.order: collections.deque[str] = collections.deque()  # the memo's texts, oldest first

    def anonymize(self, text: str) -> str:
        """Return ``anonymize(text)``, from the memo when this text was seen before."""
        return self.anonymize_many([text])[0]

    def anonymize_many(
        self, texts: Sequence[str], counts: collections.Counter[str] | Names | None = None
    ) -> list[str]:
        """
        Return ``anonymize_many(texts)``; the texts not in the memo are anonymized as one batch.

        The redactions are counted in ``counts`` (default: the anonymizer's own).
        """
        memo = self.memo
        counts = self.anonymizer.counts if counts is None else counts
        missing = [text for text in dict.fromkeys(texts) if text not in memo]
        if missing:  # nothing new: no call (``redact_each`` of no texts does nothing)
            fresh = dict(zip(missing, self.anonymizer.redact_each(missing), strict=True))
            hits = [memo.get(text) or fresh[text] for text in texts]
            self.keep(fresh)
        else:
            hits = [memo[text] for text in texts]
        for _, names in hits:
            if names:
                counts.update(names)
        return [anonymized for anonymized, _ in hits]

    def keep(self, fresh: dict[str, tuple[str, tuple[str, ...]]]) -> None:
        """Hold the ``fresh`` texts' answers, letting the oldest go while they do not fit."""
        memo, order, capacity = self.memo, self.order, self.capacity
        for text, hit in fresh.items():
            if (size := len(text) + len(hit[0])) > capacity:
                continue
            while size > self.budget:
                oldest = order.popleft()
                self.budget += len(oldest) + len(memo.pop(oldest)[0])
            memo[text] = hit
            order.append(text)
            self.budget -= size


class Names(list[str]):
    """Rule names in the order redactions made them, taken as a Counter's ``update`` takes them."""

    update = list.extend
