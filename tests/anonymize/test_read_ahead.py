"""The prefilter's sets read ahead for the first passes to come (``Engine.read_ahead``): the same
bytes as reading them at each pass, and each text read once."""

from __future__ import annotations

import collections

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, prefilter
from tests.anonymize.conftest import MACHINE

HAS_RE2 = prefilter.load_re2() is not None
BATCHES = [
    ["Install failed", "peer=10.44.7.19 took 0.8s\npassword = 'Wq8#tLz!3vKp'"],
    ["ok", "export AWS_SECRET_ACCESS_KEY=Kq7vR2mZ8xT4wN1pL6sD3fH9jB5cY0aE2uG7iO4e"],
    ["mail jane.roe@example.net from 172.20.3.8", "version 2.5.34.0 installed"],
    ["ghp_" + "x7Kd92LmQa4Rt8Zp1Vb6Nc3Hs5Jw0Ye4Uf2G", "nothing to see"],
]
SINGLE = ["lone text at 10.9.8.7 with token=Zx81kPq0Lm2Rt7Vb4Nc9"]


def reading(anonymizer: Anonymizer) -> list[str]:
    """Count the first-pass set reads of ``anonymizer`` (their texts) from now on."""
    reads: list[str] = []
    sets = anonymizer._prefilter
    assert sets is not None
    active = sets.active

    def counted(text: str, secrets_only: bool = False, long_run: bool | None = None) -> object:
        if not secrets_only:
            reads.append(text)
        return active(text, secrets_only, long_run)

    sets.active = counted  # type: ignore[method-assign]
    return reads


def results(anonymizer: Anonymizer) -> list[object]:
    return [anonymizer.redact_each(batch) for batch in BATCHES] + [
        anonymizer.anonymize(text) for text in SINGLE
    ]


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_texts_read_ahead_are_not_read_again_and_give_the_same_bytes() -> None:
    plain = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead.build_prefilter()
    ahead.read_ahead([*BATCHES, *([text] for text in SINGLE)])
    reads = reading(ahead)
    assert results(ahead) == results(plain)
    joined = {"\n".join(batch) for batch in BATCHES} | set(SINGLE)
    assert not joined & set(reads)  # their first passes took the rules read ahead
    assert not ahead._ahead  # each taken once


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_a_text_not_read_ahead_or_asked_twice_is_read_as_before() -> None:
    plain = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead.build_prefilter()
    ahead.read_ahead([["a guess that never comes"], SINGLE])
    reads = reading(ahead)
    assert results(ahead) == results(plain)
    assert ahead.anonymize(SINGLE[0]) == plain.anonymize(SINGLE[0])
    assert reads.count(SINGLE[0]) == 1  # the second time: read then
    assert "\n".join(BATCHES[0]) in reads
    ahead.read_ahead([])
    assert not ahead._ahead  # what was not taken goes with the next read-ahead


@pytest.mark.parametrize("use_re2", [True, False])
def test_nothing_is_read_ahead_before_the_sets_are_built_or_without_them(
    use_re2: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prefilter, "SETS", {})  # none compiled in this process yet
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)  # built after 128 KiB
    anonymizer.read_ahead([SINGLE])
    assert not anonymizer._ahead
    plain = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert anonymizer.anonymize(SINGLE[0]) == plain.anonymize(SINGLE[0])


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
@pytest.mark.parametrize(
    ("known", "batches", "reads"),
    [
        (set(), [["a b", "c"], ["d"]], ["a b\nc", "d"]),
        ({"a b"}, [["a b", "c"], ["a b"]], ["c"]),  # known: not read; nothing new: no read
        (set(), [["a b", "c", "a b"], ["c", "e"]], ["a b\nc", "e"]),  # once a batch, once in all
        (set(), [[], ["x\ny"]], ["x\ny"]),
    ],
)
def test_each_batch_is_read_ahead_as_its_new_texts_joined(
    known: set[str], batches: list[list[str]], reads: list[str]
) -> None:
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    anonymizer.build_prefilter()
    anonymizer.read_ahead(batches, known)
    assert list(anonymizer._ahead) == reads


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_the_sets_read_all_texts_one_set_after_the_other_with_each_texts_answer() -> None:
    """``active_each`` gives each text ``active``'s rules (with its long run or not, a lone
    surrogate: None) and reads each set over every text before the next set reads any."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    anonymizer.build_prefilter()
    sets = anonymizer._prefilter
    assert sets is not None and sets._set is not None
    texts = [*("\n".join(batch) for batch in BATCHES), *SINGLE, "bad \ud800 text", ""]
    for long_runs in ([False] * len(texts), [number % 2 == 0 for number in range(len(texts))]):
        assert sets.active_each(texts, long_runs) == [
            None if "\ud800" in text else sets.active(text, long_run=run)
            for text, run in zip(texts, long_runs, strict=True)
        ]
    order: list[int] = []

    class Counted:
        def __init__(self, number: int, inner: object) -> None:
            self.number, self.inner = number, inner

        def Match(self, data: bytes) -> object:  # noqa: N802  # RE2's name
            order.append(self.number)
            return self.inner.Match(data)  # type: ignore[attr-defined]

    sets._set = tuple(
        (Counted(number, gate_set), members, secret)
        for number, (gate_set, members, secret) in enumerate(sets._set)
    )
    sets.active_each(texts, [False] * len(texts))
    assert order == sorted(order) and len(order) == len(sets._set) * (len(texts) - 1)


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_a_joined_text_read_ahead_for_other_texts_tells_each_its_own_runs() -> None:
    """Read ahead for ``["a", "b"]``, the same joined text asked for ``["a\\nb"]`` takes the sets'
    answer but not the runs of the texts read ahead: the same bytes as without."""
    token = "kQ9vX2mR7tB4nW8pL3sD6fH1jC5yZ0aE"
    batches = [[f"first {token}", "second line"], [f"first {token}\nsecond line"]]
    plain = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead.build_prefilter()
    for read, asked in (batches, batches[::-1]):
        ahead.read_ahead([read])
        assert ahead.redact_each(asked) == plain.redact_each(asked)
        assert ahead.redact_each(read) == plain.redact_each(read)


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_batches_anonymized_ahead_give_the_same_bytes_and_counts_once_each() -> None:
    """``redact_ahead``: every pass of every batch run ahead, pass by pass; ``redact_each`` of a
    batch's texts takes its answer once (no set read then), counted as without."""
    plain = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead.build_prefilter()
    batches = [*BATCHES, SINGLE, ["mail jane.roe@example.net\npassword: jane.roe@example.net"]]
    ahead.redact_ahead(batches)
    assert set(ahead._done) == {tuple(batch) for batch in batches}
    reads = reading(ahead)
    plain_counts: collections.Counter[str] = collections.Counter()
    ahead_counts: collections.Counter[str] = collections.Counter()
    for batch in batches:
        assert ahead.redact_each(batch, ahead_counts) == plain.redact_each(batch, plain_counts)
    assert ahead_counts == plain_counts and sum(plain_counts.values()) >= 6
    assert not ahead._done and not reads  # each answer taken once, nothing read then
    assert ahead.redact_each(BATCHES[0]) == plain.redact_each(BATCHES[0])  # again: run then
    assert reads[0] == "\n".join(BATCHES[0])  # its first pass's read (a later pass's may follow)


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_a_batch_anonymized_ahead_but_asked_otherwise_is_anonymized_then() -> None:
    plain = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    ahead.build_prefilter()
    ahead.redact_ahead([BATCHES[0], BATCHES[1]], known={BATCHES[1][0]})
    assert set(ahead._done) == {tuple(BATCHES[0]), (BATCHES[1][1],)}
    assert ahead.redact_each(BATCHES[1]) == plain.redact_each(BATCHES[1])  # not its new texts
    assert ahead.redact_each(BATCHES[1][::-1]) == plain.redact_each(BATCHES[1][::-1])
    ahead.redact_ahead([])
    assert not ahead._done  # what was not taken goes with the next one


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: nothing is read ahead")
def test_the_sets_read_ahead_for_later_passes_give_each_texts_own_answer() -> None:
    """``active_each`` with each text's ``secrets_only`` (the personal set not read for those)
    and its long run tested there: ``active``'s answer for each."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    anonymizer.build_prefilter()
    sets = anonymizer._prefilter
    assert sets is not None
    token = "kQ9vX2mR7tB4nW8pL3sD6fH1jC5yZ0aE"
    texts = [*("\n".join(batch) for batch in BATCHES), *SINGLE, "bad \ud800", "", f"t {token}"]
    for only in ([False] * len(texts), [number % 2 == 1 for number in range(len(texts))]):
        assert sets.active_each(texts, None, only) == [
            None if "\ud800" in text else sets.active(text, secrets_only)
            for text, secrets_only in zip(texts, only, strict=True)
        ]
