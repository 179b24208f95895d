"""The state dir: job locks that die with their process, cursors, quarantine files, temp sweeps."""

from __future__ import annotations

import calendar
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fedlearn.errors import LockHeldError, StateError
from fedlearn.store import state

DEAD_PID = 999_999_999


def test_path_creates_the_parent_folder_only(tmp_path: Path) -> None:
    """A path under the state dir gets its folder; the file itself is not made."""
    path = state.StateDir(tmp_path / "state").path("a", "b", "file.json")
    assert path == tmp_path / "state" / "a" / "b" / "file.json"
    assert path.parent.is_dir() and not path.exists()


def test_a_held_lock_refuses_a_second_holder_naming_the_pid_and_the_file(tmp_path: Path) -> None:
    """Two runs of one job never overlap; the refusal names the holder's pid, the lock file and a
    fix; the lock file holds the pid only while held."""
    store = state.StateDir(tmp_path)
    lock = tmp_path / "locks" / "sync.lock"
    with store.lock("sync"):
        assert lock.read_text() == str(os.getpid())
        with pytest.raises(LockHeldError) as raised, store.lock("sync"):
            pass
        assert str(raised.value) == f"sync is already running (pid {lock.read_text()}, lock {lock})"
        assert "fedlearn status" in raised.value.hint
        with store.lock("publish"):  # another job's lock is another lock
            pass
    assert lock.read_text() == ""
    with store.lock("sync"):  # free again
        pass


def test_the_repo_lock_says_another_job_uses_the_repo_and_how_long_it_waited(
    tmp_path: Path,
) -> None:
    """The shared repo lock's refusal names it as another job's, with the wait given."""
    store = state.StateDir(tmp_path)
    with store.repo_lock(), pytest.raises(LockHeldError) as raised, store.repo_lock(wait=0.1):
        pass
    assert re.fullmatch(
        r"another job is already using the repo \(pid \d+, lock .*/locks/repo\.lock, waited 0\.1 s\)",
        str(raised.value),
    )


def test_a_lock_released_within_the_wait_is_taken(tmp_path: Path) -> None:
    """A job waiting for a lock takes it once the holder leaves, within ``wait``."""
    store = state.StateDir(tmp_path)
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.lock("pull"):
            taken.set()
            release.wait()

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait()
    threading.Timer(0.2, release.set).start()
    with store.lock("pull", wait=600):
        assert release.is_set()
    holder.join()


def test_a_lock_dies_with_its_process(tmp_path: Path) -> None:
    """A killed holder leaves the lock free (flock), though its pid is still written there."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from fedlearn.store import state\n"
        "with state.StateDir(Path(sys.argv[1])).lock('export'):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(600)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    store = state.StateDir(tmp_path)
    assert store.lock_holder("export") == holder.pid
    holder.kill()
    holder.wait()
    assert (tmp_path / "locks" / "export.lock").read_text() == str(holder.pid)
    assert store.lock_holder("export") is None
    with store.lock("export"):
        pass


def test_lock_holder_is_none_for_a_free_or_unknown_lock_and_minus_one_without_a_pid(
    tmp_path: Path,
) -> None:
    """No lock file, or a free one: None. Held with no pid written: -1."""
    store = state.StateDir(tmp_path)
    assert store.lock_holder("sync") is None
    with store.lock("sync"):
        (tmp_path / "locks" / "sync.lock").write_text("")
        assert store.lock_holder("sync") == -1
    assert store.lock_holder("sync") is None


def test_cursors_round_trip_and_omit_unknown_copies(tmp_path: Path) -> None:
    """Cursors written with the state encoder load back equal; an unknown newest copy (None) is
    not written at all; before the first run there are none."""
    store = state.StateDir(tmp_path)
    assert store.load_cursors("sync") == {}
    cursors = {
        "/in/a.jsonl": state.Cursor(path="/in/a.jsonl", device=1, inode=2, offset=10, head="ab"),
        "/in/b.jsonl": state.Cursor(
            path="/in/b.jsonl", device=1, inode=3, offset=0, head="", newest_copy=[]
        ),
    }
    data = state.ENCODER.encode(cursors)
    assert b"newest_copy" in data and data.count(b"newest_copy") == 1
    store.cursors_file("sync").write_bytes(data)
    assert store.load_cursors("sync") == cursors


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b'{"a":{"path":"a"}}',
        b"[]",
        b'{"a":{"path":"a","device":1,"inode":2,"offset":"x","head":""}}',
    ],
)
def test_damaged_cursors_stop_the_job_naming_the_file_and_the_way_out(
    tmp_path: Path, damage: bytes
) -> None:
    """A damaged cursor file is never silently restarted (lines would count twice): the error
    names the file, and the hint how to move it aside and what that costs."""
    store = state.StateDir(tmp_path)
    path = store.cursors_file("sync")
    path.write_bytes(damage)
    with pytest.raises(StateError, match=f"^{re.escape(str(path))}: damaged") as raised:
        store.load_cursors("sync")
    assert f"mv {path} {path}.damaged" in raised.value.hint
    assert path.read_bytes() == damage


def test_remove_stale_sweeps_dead_temp_files_where_jobs_write_only(tmp_path: Path) -> None:
    """Temp files of dead writers go from the top and the written folders (and below them); another
    live process's temp, ordinary files, and other folders (an embedded Qdrant store) are left."""
    store = state.StateDir(tmp_path)

    def temp(folder: Path, name: str, pid: int) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f".{name}.fedlearn-tmp.{pid}.abcd1234"
        path.write_bytes(b"half")
        return path

    dead = [temp(tmp_path, "node_id", DEAD_PID)]
    dead += [temp(tmp_path / name, "x.json", DEAD_PID) for name in state.WRITTEN_FOLDERS]
    dead.append(temp(tmp_path / "runs" / "deeper", "x.json", DEAD_PID))
    kept = [
        temp(tmp_path, "node_id", os.getppid()),
        temp(tmp_path / "qdrant", "collection", DEAD_PID),
    ]
    (tmp_path / "cursors" / "sync.json").write_bytes(b"{}")
    assert store.remove_stale() == len(dead)
    assert [path for path in dead if path.exists()] == []
    assert all(path.exists() for path in kept)
    assert (tmp_path / "cursors" / "sync.json").exists()


def test_quarantine_files_are_stamped_and_numbered_when_the_stamp_is_taken(
    tmp_path: Path,
) -> None:
    """The second file of one second gets -2, the third -3."""
    store = state.StateDir(tmp_path)
    names = []
    for _ in range(3):
        path = store.new_quarantine_file("sync", "20260101T000000Z")
        path.write_bytes(b"x\n")
        names.append(path.name)
    assert names == [
        "sync-20260101T000000Z.jsonl",
        "sync-20260101T000000Z-2.jsonl",
        "sync-20260101T000000Z-3.jsonl",
    ]


def test_quarantine_overflow_names_the_oldest_files_to_stay_under_the_limit(
    tmp_path: Path,
) -> None:
    """Oldest first (by stamp, then by number as a number), just enough for the incoming bytes
    to fit; files of other names are neither counted nor removed."""
    store = state.StateDir(tmp_path)
    folder = store.quarantine_dir()
    names = [
        "sync-20260102T000000Z.jsonl",
        "sync-20260101T000000Z-10.jsonl",
        "sync-20260101T000000Z-2.jsonl",
        "sync-20260101T000000Z.jsonl",
    ]
    for name in names:
        (folder / name).write_bytes(b"x" * 10)
    (folder / "notes.txt").write_bytes(b"y" * 1000)
    assert store.quarantine_overflow(0, 40) == []
    assert store.quarantine_overflow(5, 40) == [folder / "sync-20260101T000000Z.jsonl"]
    assert store.quarantine_overflow(25, 40) == [
        folder / "sync-20260101T000000Z.jsonl",
        folder / "sync-20260101T000000Z-2.jsonl",
        folder / "sync-20260101T000000Z-10.jsonl",
    ]
    assert len(store.quarantine_overflow(100, 40)) == 4


def test_now_iso_is_utc_to_the_second() -> None:
    """``YYYY-MM-DDTHH:MM:SSZ``, the current UTC time.

    Compared as seconds with a second's slack either side: ``time.gmtime()`` reads ``time(NULL)``,
    which the kernel may serve from a coarser clock than ``datetime.now`` (CI once saw it a second
    ahead), so comparing the two strings exactly is flaky.
    """
    before = time.time()
    stamp = state.now_iso()
    after = time.time()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
    seconds = calendar.timegm(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ"))
    assert int(before) - 1 <= seconds <= int(after) + 1
