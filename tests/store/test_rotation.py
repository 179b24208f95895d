"""Where an input's unread bytes are, across rotations: a property over any sequence of events."""

from __future__ import annotations

import tempfile
from pathlib import Path

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
    sync are history, not read. Known limit, left out here: a copytruncate copy made after a
    sync that found the input empty cannot be told from an older copy (a cursor at offset 0 has
    no bytes to recognize), so lines written and copied away before the next sync are missed.
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
            elif action == "sync" and copy and path.stat().st_size == 0:
                continue  # the known limit below: no sync sees an emptied copytruncate input
            else:
                got, cursor, bad = read_all(path, cursor)
                assert not bad
                read += got.splitlines(keepends=True)
        assert read == written
