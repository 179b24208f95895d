"""What a study's anonymizing stage will have the prefilter read (``read_ahead.first_reads``)."""

from __future__ import annotations

import pytest

from fedlearn.learn import read_ahead


@pytest.mark.parametrize(
    ("memo", "batches", "reads"),
    [
        (set(), [["a", "b"], ["c"]], ["a\nb", "c"]),
        ({"a"}, [["a", "b"], ["a"]], ["b"]),  # in the memo: not read; nothing new: no read
        (set(), [["a", "b", "a"], ["b", "c"]], ["a\nb", "c"]),  # once per batch, once per study
        (set(), [[], ["x\ny"]], ["x\ny"]),
    ],
)
def test_each_batch_reads_its_new_texts_joined(
    memo: set[str], batches: list[list[str]], reads: list[str]
) -> None:
    assert read_ahead.first_reads(memo, batches) == reads
