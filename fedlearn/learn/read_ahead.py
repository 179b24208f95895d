"""The texts a study's anonymizing stage will have the prefilter read, known before it runs.

``Learner.study`` anonymizes one batch per pattern (``MemoAnonymizer.anonymize_many``): the texts
of the batch not in the memo, joined by line breaks, are what the anonymizer's first pass reads
with its RE2 sets. Read for all batches one after the other (``Engine.read_ahead``), the sets'
automata stay in the CPU's caches instead of being read between rules (bench/README.md,
"Twentieth pass"). A guess that turns out wrong (a text the memo let go of meanwhile) costs a
read at the batch, as before; what is redacted never depends on it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence


def first_reads(memo: Container[str], batches: Iterable[Sequence[str]]) -> list[str]:
    """
    Return the text each batch's ``anonymize_many`` will read, in order: its distinct texts that
    neither ``memo`` nor an earlier batch holds, joined by line breaks (one text alone as it is;
    none for a batch with nothing new).
    """
    seen: set[str] = set()
    found = []
    for texts in batches:
        fresh = [text for text in dict.fromkeys(texts) if text not in memo and text not in seen]
        if fresh:
            seen.update(fresh)
            found.append("\n".join(fresh))
    return found
