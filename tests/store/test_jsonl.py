"""Cursor-aware reading: only new complete lines, across appends, rotation and truncation."""

from __future__ import annotations

import gzip
import itertools
import logging
import os
import shutil
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.store import jsonl, rotated_files, rotation
from fedlearn.store.state import Cursor


def read_all(
    path: Path, cursor: Cursor | None, max_line_bytes: int = 1 << 20
) -> tuple[bytes, Cursor | None, list[jsonl.BadLine]]:
    """Read the new lines of ``path`` as sync does (each segment ``rotation.Follow`` plans, read
    to its end, then the cursor moved); return (bytes read, next cursor, over-long lines)."""
    follow, got, bad = rotation.Follow(path, cursor), [], []
    for segment in follow.segments():
        reader = jsonl.Reader(segment, max_line_bytes)
        got += [bytes(chunk.data) for chunk in reader]
        bad += reader.bad
        follow.read_to(segment, reader.offset)
    return b"".join(got), follow.cursor, bad


def test_read_new_reads_only_appended_lines(tmp_path: Path) -> None:
    """A second read returns only what was appended since the first."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n{"a":2}\n')
    first, cursor, _ = read_all(path, None)
    with path.open("ab") as handle:
        handle.write(b'{"a":3}\n')
    second, cursor2, _ = read_all(path, cursor)
    assert (first, second) == (b'{"a":1}\n{"a":2}\n', b'{"a":3}\n')
    assert cursor2 is not None and cursor2.offset == path.stat().st_size


def test_read_new_leaves_a_partial_last_line_for_the_next_run(tmp_path: Path) -> None:
    """Bytes after the last newline are not consumed until their newline arrives."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n{"a":')
    first, cursor, _ = read_all(path, None)
    assert first == b'{"a":1}\n' and cursor is not None and cursor.offset == 8
    with path.open("ab") as handle:
        handle.write(b"2}\n")
    second, _, _ = read_all(path, cursor)
    assert second == b'{"a":2}\n'


def test_read_new_finishes_the_rotated_sibling_first(tmp_path: Path) -> None:
    """After rotation the unread tail of ``.1`` is read before the new file, nothing twice."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    with path.open("ab") as handle:
        handle.write(b'{"a":2}\n')
    path.rename(path.with_name("events.jsonl.1"))
    path.write_bytes(b'{"a":3}\n')
    got, cursor, _ = read_all(path, cursor)
    assert got == b'{"a":2}\n{"a":3}\n'
    assert cursor is not None and cursor.inode == path.stat().st_ino
    again, _, _ = read_all(path, cursor)
    assert again == b""


def test_read_new_finds_the_rotated_sibling_of_a_symlinked_input(tmp_path: Path) -> None:
    """An input that is a symlink: the rotated sibling is found beside the file it points to."""
    real = tmp_path / "var" / "events.jsonl"
    real.parent.mkdir()
    real.write_bytes(b'{"a":1}\n')
    path = tmp_path / "events.jsonl"
    path.symlink_to(real)
    _, cursor, _ = read_all(path, None)
    with real.open("ab") as handle:
        handle.write(b'{"a":2}\n')
    real.rename(real.with_name("events.jsonl.1"))
    real.write_bytes(b'{"a":3}\n')
    got, cursor, _ = read_all(path, cursor)
    assert got == b'{"a":2}\n{"a":3}\n'
    assert read_all(path, cursor)[0] == b""


def test_read_new_notices_a_rotation_while_it_reads(tmp_path: Path) -> None:
    """Rotated between reading and storing the cursor: the cursor stays on the file it read."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    fresh = b"".join(b'{"new":%d}\n' % n for n in range(200))
    got: list[bytes] = []
    follow = rotation.Follow(path, None)
    for segment in follow.segments():
        reader = jsonl.Reader(segment, 1 << 20)
        got += [bytes(chunk.data) for chunk in reader]
        with path.open("ab") as handle:  # the writer appends once more, then logrotate runs
            handle.write(b'{"a":2}\n')
        path.rename(path.with_name("events.jsonl.1"))
        path.write_bytes(fresh)
        follow.read_to(segment, reader.offset)
    cursor = follow.cursor
    assert got == [b'{"a":1}\n']
    again, cursor, _ = read_all(path, cursor)
    assert again == b'{"a":2}\n' + fresh
    assert read_all(path, cursor)[0] == b""


def test_read_new_reads_a_rotated_files_unterminated_tail(tmp_path: Path) -> None:
    """A rotated file never grows again, so its last line without newline is read too."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    with path.open("ab") as handle:
        handle.write(b'{"a":2}')
    path.rename(path.with_name("events.jsonl.1"))
    path.write_bytes(b"")
    got, _, _ = read_all(path, cursor)
    assert got == b'{"a":2}\n'


def test_read_new_starts_over_after_truncation(tmp_path: Path) -> None:
    """A file truncated in place (same inode, smaller) is read again from the start."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n{"a":2}\n')
    _, cursor, _ = read_all(path, None)
    with path.open("r+b") as handle:
        handle.truncate(0)
        handle.write(b'{"b":1}\n')
    got, _, _ = read_all(path, cursor)
    assert got == b'{"b":1}\n'


def test_read_new_finishes_the_copy_of_a_copytruncate_rotation(tmp_path: Path) -> None:
    """copytruncate (copy to ``.1``, truncate in place): the copy's unread tail is read first."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    with path.open("ab") as handle:
        handle.write(b'{"a":2}\n')
    shutil.copyfile(path, path.with_name("events.jsonl.1"))
    with path.open("r+b") as handle:
        handle.truncate(0)
        handle.write(b'{"a":3}\n')
    got, cursor, _ = read_all(path, cursor)
    assert got == b'{"a":2}\n{"a":3}\n'
    assert read_all(path, cursor)[0] == b""


def rotate(path: Path, *, copy: bool = False, first: int = 1) -> None:
    """
    Rotate ``path`` as logrotate does: ``.N`` to ``.N+1``, then ``path`` to ``.1`` (or copied);
    ``first=0`` numbers from ``.0``, as newsyslog does.
    """
    numbered = sorted(path.parent.glob(f"{path.name}.[0-9]*"), key=lambda p: int(p.suffix[1:]))
    for old in reversed(numbered):
        old.rename(path.with_name(f"{path.name}.{int(old.suffix[1:]) + 1}"))
    newest = path.with_name(f"{path.name}.{first}")
    if copy:
        shutil.copyfile(path, newest)
        with path.open("r+b") as handle:
            handle.truncate(0)
    else:
        path.rename(newest)
        path.touch()


@pytest.mark.parametrize(
    ("copy", "first"),
    [(False, 1), (True, 1), (False, 0)],
    ids=["rename", "copytruncate", "rename-from-0"],
)
def test_read_new_finishes_every_rotation_since_the_last_read(
    tmp_path: Path, copy: bool, first: int
) -> None:
    """
    Rotated twice between reads: the rest of ``.2`` (the file read last), then all of ``.1``,
    then the new file, each line once (numbered from ``.0``: ``.1``, then ``.0``).
    """
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    rotated_before = tmp_path / f"events.jsonl.{first}"
    rotated_before.write_bytes(b'{"old":1}\n')  # rotated before the first read
    os.utime(rotated_before, (1_000_000_000, 1_000_000_000))
    _, cursor, _ = read_all(path, None)
    for line in (b'{"a":2}\n', b'{"a":3}\n'):
        with path.open("ab") as handle:
            handle.write(line)
        rotate(path, copy=copy, first=first)
    with path.open("ab") as handle:
        handle.write(b'{"a":4}\n')
    got, cursor, _ = read_all(path, cursor)
    assert got == b'{"a":2}\n{"a":3}\n{"a":4}\n'
    assert read_all(path, cursor)[0] == b""


def test_read_new_notices_a_rewrite_past_the_old_offset(tmp_path: Path) -> None:
    """Same inode and larger, but different first bytes: a rewrite, read from the start."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    with path.open("r+b") as handle:
        handle.write(b'{"z":9}\n{"z":8}\n')
    got, _, _ = read_all(path, cursor)
    assert got == b'{"z":9}\n{"z":8}\n'


def test_read_new_sets_aside_lines_over_the_cap(tmp_path: Path) -> None:
    """An over-long line is reported with its offset; the lines around it are read."""
    path = tmp_path / "events.jsonl"
    long_line = b'{"x":"' + b"y" * 100 + b'"}'
    path.write_bytes(b'{"a":1}\n' + long_line + b'\n{"a":2}\n')
    got, _, bad = read_all(path, None, max_line_bytes=50)
    assert got == b'{"a":1}\n{"a":2}\n'
    assert [(b.offset, b.reason, b.raw) for b in bad] == [(8, "too-long", long_line)]


def test_reader_handles_lines_longer_than_a_block(tmp_path: Path) -> None:
    """Lines spanning several read blocks come out whole, in order, with right offsets."""
    path = tmp_path / "events.jsonl"
    lines = [b'{"n":%d,"pad":"%s"}' % (n, b"p" * (n * 7)) for n in range(40)]
    path.write_bytes(b"\n".join(lines) + b"\n")
    reader = jsonl.Reader(rotation.Segment(path, 0), max_line_bytes=1 << 20, chunk_bytes=64)
    chunks = list(reader)
    assert b"".join(c.data for c in chunks) == path.read_bytes()
    assert all(path.read_bytes()[c.offset : c.offset + len(c.data)] == c.data for c in chunks)
    assert reader.offset == path.stat().st_size


def test_read_new_of_a_missing_input_is_empty(tmp_path: Path) -> None:
    """An input that does not exist yet is nothing to read, not an error."""
    assert read_all(tmp_path / "absent.jsonl", None) == (b"", None, [])


def test_expand_globs_and_paths(tmp_path: Path) -> None:
    """Globs match files; plain paths are kept even before they exist."""
    (tmp_path / "a.jsonl").write_text("")
    (tmp_path / "b.jsonl").write_text("")
    (tmp_path / "a.jsonl.1").write_text("")
    found = jsonl.expand([str(tmp_path / "*.jsonl"), str(tmp_path / "later.jsonl")])
    assert found == [tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "later.jsonl"]


def test_expand_leaves_out_rotated_copies_a_glob_matches(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """events.jsonl's rotated copies are finished through its cursor, never read as inputs."""
    names = ["events.jsonl", "events.jsonl.1", "events.jsonl.2.gz", "events.jsonl-20260101"]
    for name in [*names, "other.jsonl.3"]:
        (tmp_path / name).write_text("")
    found = jsonl.expand([str(tmp_path / "*")])
    # other.jsonl.3 stays: no input of that name was matched, so it is an input itself.
    assert found == [tmp_path / "events.jsonl", tmp_path / "other.jsonl.3"]
    nothing = str(tmp_path / "nothing-*.jsonl")
    assert jsonl.expand([nothing]) == []
    assert jsonl.unreadable([nothing, str(tmp_path / "*")]) == {nothing: "no match"}


def test_cursor_head_hash_covers_only_read_bytes(tmp_path: Path) -> None:
    """Appending does not change the cursor's head hash once past HEAD_BYTES."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"x" * 2000 + b"\n")
    head = rotated_files.head_hash(path, 2001)
    with path.open("ab") as handle:
        handle.write(b"more\n")
    os.sync()
    assert rotated_files.head_hash(path, 2001) == head


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.binary(min_size=0, max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=30),
    st.binary(max_size=10).map(lambda b: b.replace(b"\n", b"")),
    st.integers(0, 60),
    st.integers(1, 6),
    st.integers(1, 50),
)
def test_divide_cuts_at_line_starts_and_covers_the_segment(
    lines: list[bytes], tail: bytes, start_line: int, parts: int, chunk_bytes: int
) -> None:
    """The ranges are consecutive, start at line starts, and read exactly what one reader reads."""
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / "events.jsonl"
        data = b"".join(line + b"\n" for line in lines) + tail
        path.write_bytes(data)
        start = sum(len(line) + 1 for line in lines[:start_line])
        segment = rotation.Segment(path, start)
        ranges = jsonl.divide(segment, parts)
        assert ranges[0].start == start and ranges[-1].end is None and len(ranges) <= parts
        for before, after in itertools.pairwise(ranges):
            assert before.end == after.start and data[after.start - 1 : after.start] == b"\n"
        whole = b"".join(bytes(c.data) for c in jsonl.Reader(segment, 1 << 20, chunk_bytes))
        pieces = [jsonl.Reader(r, 1 << 20, chunk_bytes) for r in ranges]
        assert b"".join(bytes(c.data) for reader in pieces for c in reader) == whole
        assert pieces[-1].offset == start + len(whole)


@pytest.mark.parametrize("limit", [1, 2, 5, 16, 100])
def test_may_hold_long_lines_never_misses_a_long_line(limit: int) -> None:
    """Whenever some line is longer than the limit, the cheap check says it may be there."""
    for long_at in range(0, 40):
        for length in (limit + 1, limit + 2, 2 * limit + 3):
            data = b"ab\n" * long_at + b"x" * length + b"\n" + b"cd\n" * 5
            assert jsonl.may_hold_long_lines(data, len(data), limit)


def test_may_hold_long_lines_clears_short_lines_cheaply() -> None:
    """Short lines everywhere: no split needed."""
    data = b'{"a":1}\n' * 10_000
    assert not jsonl.may_hold_long_lines(data, len(data), 100)


@pytest.mark.parametrize("is_final", [False, True], ids=["complete", "final-unterminated"])
def test_reader_keeps_only_the_start_of_a_line_over_the_cap(tmp_path: Path, is_final: bool) -> None:
    """
    A line far over the cap (say, a block of NUL bytes a power cut left) is never held whole:
    the quarantine gets its first LONG_LINE_KEPT bytes and its length, the lines around it pass.
    """
    path = tmp_path / "events.jsonl"
    huge = b"\0" * (8 * 1024 * 1024)
    tail = b"" if is_final else b"\n"
    path.write_bytes(b'{"a":1}\n' + huge + b"\n" + b'{"a":2}\n' + huge + tail)
    segment = rotation.Segment(path, 0, is_final=is_final)
    reader = jsonl.Reader(segment, max_line_bytes=4096, chunk_bytes=64 * 1024)
    tracemalloc.start()
    try:
        got = b"".join(bytes(chunk.data) for chunk in reader)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == b'{"a":1}\n{"a":2}\n'
    second = 8 + len(huge) + 1 + 8
    assert [(b.offset, b.reason, b.size, b.raw) for b in reader.bad] == [
        (8, "too-long", len(huge), huge[: jsonl.LONG_LINE_KEPT]),
        (second, "too-long", len(huge), huge[: jsonl.LONG_LINE_KEPT]),
    ]
    assert reader.bad[0].record()["truncated"] is True
    assert reader.offset == path.stat().st_size
    assert peak < len(huge) // 4  # a few blocks and the kept start, never the whole line


def test_reader_leaves_a_growing_line_over_the_cap_for_the_next_run(tmp_path: Path) -> None:
    """An unterminated long line at the end of a live file is not consumed: it may still end."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n' + b"x" * 10_000)
    reader = jsonl.Reader(rotation.Segment(path, 0), max_line_bytes=4096, chunk_bytes=1024)
    assert b"".join(bytes(chunk.data) for chunk in reader) == b'{"a":1}\n'
    assert (reader.offset, reader.bad) == (8, [])


def test_read_new_drops_the_cursor_of_an_input_gone_with_its_rotated_copies(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing left to follow: no cursor (a file made there later is new), one warning."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    path.unlink()
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        assert read_all(path, cursor) == (b"", None, [])
    assert "is gone" in caplog.text


def test_expand_keeps_a_known_input_a_glob_no_longer_matches_while_it_is_rotated(
    tmp_path: Path,
) -> None:
    """events.jsonl renamed to .1 and not made again yet: still the input; .1 is not one."""
    (tmp_path / "events.jsonl.1").write_text("")
    (tmp_path / "sub").mkdir()
    known = [str(tmp_path / "events.jsonl"), str(tmp_path / "sub" / "gone.jsonl")]
    found = jsonl.expand([str(tmp_path / "*.jsonl*")], known=known)
    assert found == [tmp_path / "events.jsonl"]
    found = jsonl.expand([str(tmp_path / "**" / "*.jsonl")], known=known)
    assert found == [tmp_path / "events.jsonl", tmp_path / "sub" / "gone.jsonl"]


@pytest.mark.parametrize("rotated", [False, True], ids=["in-place", "rotated"])
def test_read_new_knows_its_file_under_another_device_number(tmp_path: Path, rotated: bool) -> None:
    """
    After a reboot a btrfs subvolume or NVMe partition may have another device number: the same
    inode with the bytes the cursor read is the same file, not read again from its start.
    """
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    assert cursor is not None
    renumbered = Cursor(
        path=cursor.path,
        device=cursor.device + 1,
        inode=cursor.inode,
        offset=cursor.offset,
        head=cursor.head,
    )
    with path.open("ab") as handle:
        handle.write(b'{"a":2}\n')
    if rotated:
        path.rename(path.with_name("events.jsonl.1"))
        path.write_bytes(b'{"a":3}\n')
    got, _, _ = read_all(path, renumbered)
    assert got == (b'{"a":2}\n{"a":3}\n' if rotated else b'{"a":2}\n')


def test_read_new_leaves_a_stale_0_out_of_a_chain_that_starts_at_1(tmp_path: Path) -> None:
    """An ``.0`` older than ``.1`` is no rotation of the ``.1`` chain: it is not read again."""
    path = tmp_path / "events.jsonl"
    stale = tmp_path / "events.jsonl.0"
    stale.write_bytes(b'{"stale":1}\n')
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    with path.open("ab") as handle:
        handle.write(b'{"a":2}\n')
    path.rename(tmp_path / "events.jsonl.1")
    path.write_bytes(b'{"a":3}\n')
    assert read_all(path, cursor)[0] == b'{"a":2}\n{"a":3}\n'


def test_read_new_reads_the_files_rotated_since_one_compressed_before_its_rest_was_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    logrotate's ``compress`` and ``delaycompress``, rotated twice between reads: the file read
    last is ``.2.gz`` (its rest is lost, with a warning), but all of ``.1``, rotated since, is
    read before the new file.
    """
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"a":1}\n')
    _, cursor, _ = read_all(path, None)
    for line in (b'{"a":2}\n', b'{"a":3}\n'):
        with path.open("ab") as handle:
            handle.write(line)
        rotate(path)
        older = tmp_path / "events.jsonl.2"
        if older.exists():
            older.with_name("events.jsonl.2.gz").write_bytes(gzip.compress(older.read_bytes()))
            older.unlink()
    with path.open("ab") as handle:
        handle.write(b'{"a":4}\n')
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        got, cursor, _ = read_all(path, cursor)
    assert got == b'{"a":3}\n{"a":4}\n'
    assert "events.jsonl.2.gz" in caplog.text
    assert read_all(path, cursor)[0] == b""


def test_quarantine_lines_join_runs_and_keep_every_byte() -> None:
    """
    Consecutive bad lines of one source and reason are one record (``lines``) whose base64 is
    the run's bytes, newlines included; its size is what ``record_size`` says, and a block of
    garbage costs at most 1.5 times its bytes.
    """
    import base64
    import json

    raws = [bytes([n % 250 + 1]) * (100 + n) for n in range(300)]
    bad, offset = [], 0
    for raw in raws:
        bad.append(jsonl.BadLine("/in.jsonl", offset, "invalid-utf8", raw))
        offset += len(raw) + 1
    bad.append(jsonl.BadLine("/in.jsonl", offset + 5, "invalid-json", b"{x"))  # not the next line
    data = jsonl.quarantine_lines(bad)
    first, second = (json.loads(line) for line in data.splitlines())
    assert first["lines"] == 300 and base64.b64decode(first["raw_base64"]) == b"\n".join(raws)
    assert first["bytes"] == offset - 1 and "lines" not in second
    run_bytes = offset - 1
    assert len(data.splitlines()[0]) + 1 == jsonl.record_size(bad[0], 300, run_bytes)
    assert len(data.splitlines()[0]) <= 1.5 * run_bytes
