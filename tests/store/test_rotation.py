"""Where an input's unread bytes are, across rotations: a property over any sequence of events."""

from __future__ import annotations

import tempfile
from pathlib import Path

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn.store.state import Cursor
from tests.store.test_jsonl import read_all, rotate

# One step of a writer and logrotate between syncs: append lines, rotate, or sync.
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("append"), st.integers(min_value=1, max_value=4)),
        st.tuples(st.just("rotate"), st.just(0)),
        st.tuples(st.just("sync"), st.just(0)),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(steps=STEPS, copy=st.booleans(), first=st.sampled_from([0, 1]))
def test_every_line_is_read_exactly_once_across_any_rotation_sequence(
    steps: list[tuple[str, int]], copy: bool, first: int
) -> None:
    """
    Whatever the order of appends, rotations (renamed or copytruncate, numbered from .0 or .1)
    and syncs after the first, the lines read over all syncs are every line written, each once,
    in order. The first sync reads one line and starts the cursor: files rotated before any
    sync are history, not read. A sync that finds the input empty (just truncated by
    copytruncate) is in the sequence too: the copy made after it is still found.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.jsonl"
        path.write_bytes(b'{"n":-1}\n')
        written: list[bytes] = [b'{"n":-1}\n']
        read: list[bytes] = []
        cursor: Cursor | None = None
        plan = [("sync", 0), *steps, ("final", 0)]
        for action, count in plan:
            if action == "append":
                lines = [b'{"n":%d}\n' % (len(written) + i) for i in range(count)]
                with path.open("ab") as handle:
                    handle.write(b"".join(lines))
                written += lines
            elif action == "rotate":
                rotate(path, copy=copy, first=first)
            else:
                got, cursor, bad = read_all(path, cursor)
                assert not bad
                read += got.splitlines(keepends=True)
        assert read == written


def test_read_new_finds_a_copytruncate_copy_made_after_a_sync_found_the_input_empty(
    tmp_path: Path,
) -> None:
    """A cursor at offset 0 remembers the newest copy, so a copy made since is read whole."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"n":0}\n')
    rotate(path, copy=True)  # events.jsonl.1 holds n=0; the input is empty
    _, cursor, _ = read_all(path, None)
    assert cursor is not None and cursor.offset == 0
    with path.open("ab") as handle:
        handle.write(b'{"n":1}\n')
    rotate(path, copy=True)  # .1 (n=0) becomes .2; the new .1 holds n=1
    got, cursor, _ = read_all(path, cursor)
    assert got == b'{"n":1}\n'
    assert read_all(path, cursor)[0] == b""


def test_read_new_of_an_old_cursor_at_offset_0_reads_no_rotated_history(tmp_path: Path) -> None:
    """A cursor from before ``newest_copy`` existed never takes old rotated files for new copies."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"n":0}\n')
    rotate(path, copy=True)
    _, cursor, _ = read_all(path, None)
    assert cursor is not None
    old = msgspec.structs.replace(cursor, newest_copy=None)
    assert read_all(path, old)[0] == b""
