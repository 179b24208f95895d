"""Tests of fedlearn.store.peer_records: files of records read line by line, within limits."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from fedlearn.store import peer_files, peer_records
from tests.store.test_peer_files import make, reasons


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Every test starts with no refusals recorded."""
    peer_files.forget()
    yield
    peer_files.forget()


def test_bad_lines_give_one_warning_with_counts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of bad lines and a line nested too deep give one warning, with counts."""
    monkeypatch.setattr(
        logging.getLogger("fedlearn"), "propagate", True
    )  # cli.main may have cut it
    data = b'{"a": 1}\n' + b"{bad\n" * 5000 + b"[" * 5000 + b"]" * 5000 + b"\n"
    path = make(tmp_path, "data/patterns/x/a.jsonl", data)
    decoder = msgspec.json.Decoder()  # untyped, like a payload: deep nesting overflows
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        read = peer_records.read_records(tmp_path, path, "patterns", decoder.decode)
    assert read == peer_records.Records([{"a": 1}], False)
    [message] = {r.getMessage() for r in caplog.records}  # one summary, not a line per bad line
    assert "5001 bad lines skipped (5000 invalid, 1 too_deep)" in message


def number(line: bytes) -> int | None:
    """Decode a line ``{"n": N}`` (None for any other record; a bad line raises)."""
    found = msgspec.json.decode(line)
    return found.get("n") if isinstance(found, dict) else None


def numbered(*values: int) -> bytes:
    """Return the lines ``{"n": N}`` of ``values``."""
    return b"".join(b'{"n": %d}\n' % value for value in values)


def test_read_records_streams_the_lines_records(tmp_path: Path) -> None:
    """The file's records, in order, with its bad and blank lines counted: one refusal sums them
    up; a file without any is whole and not refused; a missing file is None."""
    data = numbered(1, 2) + b"\n{oops\n" + b'{"x": 1}\n' + numbered(3).rstrip(b"\n")
    path = make(tmp_path, "data/retractions/a.jsonl", data)
    read = peer_records.read_records(tmp_path, path, "retractions", number)
    assert read is not None and read.found == [1, 2, 3] and not read.whole
    assert reasons(tmp_path) == {
        "data/retractions/a.jsonl": "2 bad lines skipped (1 invalid, 1 refused); first at line 4: "
        + "JSON is malformed: object keys must be strings (byte 1)"
    }
    clean = make(tmp_path, "data/retractions/b.jsonl", numbered(4, 5))
    assert peer_records.read_records(tmp_path, clean, "retractions", number) == (
        peer_records.Records([4, 5], True)
    )
    assert (
        peer_records.read_records(
            tmp_path, tmp_path / "data/retractions/c.jsonl", "retractions", number
        )
        is None
    )


def test_read_records_keeps_at_most_its_limit_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Past ``limit`` the read stops: the first records kept, the file refused once, naming the
    limit and its bad lines; a file of exactly ``limit`` records is whole."""
    path = make(tmp_path, "data/retractions/a.jsonl", b"{bad\n" + numbered(*range(10)))
    with caplog.at_level(logging.WARNING):
        read = peer_records.read_records(tmp_path, path, "retractions", number, limit=3)
    assert read == peer_records.Records([0, 1, 2], False)
    warned = [r.getMessage() for r in caplog.records if "a.jsonl" in r.getMessage()]
    assert len(warned) == 1 and "only its first 3 records read" in warned[0]
    assert "1 bad lines skipped" in warned[0]
    exact = make(tmp_path, "data/retractions/b.jsonl", numbered(*range(3)))
    assert peer_records.read_records(tmp_path, exact, "retractions", number, limit=3) == (
        peer_records.Records([0, 1, 2], True)
    )
    assert list(reasons(tmp_path)) == ["data/retractions/a.jsonl"]


def test_a_budget_bounds_what_a_read_of_many_files_holds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A ``Budget`` of 4 over files of 3 records: the first file whole, one record of the second,
    which is refused with one warning naming it and the limit; the third is never opened."""
    budget = peer_records.Budget(4, "records (TEST_LIMIT)")
    paths = [make(tmp_path, f"data/retractions/{n}.jsonl", numbered(1, 2, 3)) for n in "abc"]
    with caplog.at_level(logging.WARNING):
        found = [
            peer_records.read_records(tmp_path, path, "retractions", number, budget=budget)
            for path in paths
        ]
    assert found == [peer_records.Records([1, 2, 3], True), peer_records.Records([1], False), None]
    assert budget.left == 0 and budget.spent_at == paths[1]
    assert list(reasons(tmp_path)) == ["data/retractions/b.jsonl"]
    assert (
        "the limit of 4 records (TEST_LIMIT) was reached here"
        in reasons(tmp_path)["data/retractions/b.jsonl"]
    )
    assert len([r for r in caplog.records if "TEST_LIMIT" in r.getMessage()]) == 1
    # what was read some other way spends it the same: ``keep``
    other = peer_records.Budget(2, "records (TEST_LIMIT)")
    assert other.keep(tmp_path, paths[0], [1]) == [1]
    assert other.keep(tmp_path, paths[2], [2, 3]) == [2]
    assert other.keep(tmp_path, paths[0], [4]) == []
    assert other.spent_at == paths[2] and "data/retractions/c.jsonl" in reasons(tmp_path)


def test_read_records_never_holds_the_file(tmp_path: Path) -> None:
    """A 16 MiB file (the retractions cap) of lines that do not decode is read holding about one
    block at a time: the read's peak allocation stays a small part of the file (reading it whole,
    as ``read`` does, costs the file and more)."""
    import tracemalloc

    line = b'{"pad": "' + b"x" * 4000 + b'"}\n'
    data = line * (peer_files.CAPS["retractions"] // len(line))
    path = make(tmp_path, "data/retractions/a.jsonl", data)
    del data
    tracemalloc.start()
    try:
        read = peer_records.read_records(tmp_path, path, "retractions", number)
        streamed = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        whole = peer_files.read(tmp_path, path, "retractions")
        held = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read is not None and read.found == [] and whole is not None
    assert streamed < 4 * 1024 * 1024 < 16 * 1024 * 1024 < held, (streamed, held)
