"""Jobs on a full disk: one line naming the cause, files whole, and a rerun with space completes.

Each test mounts a small tmpfs (``small_disk``; skipped where mounting is not permitted), fills it
while the job runs, and checks what a user would: the exit status, one ``fedlearn:`` line with the
cause and no traceback, nothing half-written left behind, and a rerun that completes once there is
room again. Sync's own full-disk test sits with sync's tests.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from fedlearn.formats import layout
from fedlearn.store import atomic
from tests.conftest import Node, git
from tests.jobs import livestore


def resize(mount: Path, size: str) -> None:
    """Give the tmpfs at ``mount`` a new size (``4m``)."""
    subprocess.run(["mount", "-o", f"remount,size={size}", str(mount)], check=True)


def fill(mount: Path) -> Path:
    """Write a file on ``mount`` until the filesystem is full; return it (delete it for room)."""
    filler = mount / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def one_error(process: subprocess.CompletedProcess[str]) -> str:
    """Return the job's only ``fedlearn:`` error line; fail when there is a traceback."""
    assert process.returncode == 1, process.stdout + process.stderr
    assert "Traceback" not in process.stderr
    [line] = [line for line in process.stderr.splitlines() if line.startswith("fedlearn:")]
    return line


def test_export_on_a_full_disk_leaves_no_partial_snapshot(tmp_path: Path, small_disk: Path) -> None:
    """Export that runs out of room fails naming the cause, leaves no snapshot or temp file, and
    the rerun with room writes a snapshot that verifies."""
    repo = small_disk / "repo"
    subprocess.run(["git", "init", "-q", "--template=", str(repo)], check=True)
    node = Node(tmp_path / "node", "alpha", repo, embedding={"dimension": 16})
    payloads = [{"text": f"tip {i}: " + "x" * 600} for i in range(3000)]  # ~2 MB of snapshot
    livestore.seed(node, "skills-patterns", payloads)
    line = one_error(node.run("export", check=False))
    assert "No space left on device" in line
    folder = layout.collection_dir(repo, "skills-patterns", "alpha")
    assert layout.stamped_files(folder) == []
    assert [p for p in small_disk.rglob("*") if atomic.is_temp(p)] == []
    resize(small_disk, "16m")
    node.run("export")
    [written] = layout.stamped_files(folder)
    manifest, found = livestore.read_snapshot(written, "skills-patterns", "alpha")
    assert manifest.points == len(found) == 3000


def test_publish_on_a_full_disk_commits_nothing_and_the_rerun_pushes(
    remote: Path, tmp_path: Path, small_disk: Path
) -> None:
    """Publish whose commit runs out of room fails naming the cause, pushes nothing, leaves the
    clone's HEAD where it was, and the rerun with room commits and pushes everything."""
    resize(small_disk, "16m")
    repo = small_disk / "repo"
    subprocess.run(["git", "clone", "-q", "--template=", str(remote), str(repo)], check=True)
    node = Node(tmp_path / "node", "alpha", repo)
    events = [
        {"value_score": 0.9, "error_message": f"E{n} " + "y" * 300 + str(n * 7919), "solution": "S"}
        for n in range(3000)
    ]
    node.telemetry.write_text("".join(json.dumps(e) + "\n" for e in events))
    node.run("sync")
    head = git(repo, "rev-parse", "HEAD")
    filler = fill(small_disk)
    process = node.run("publish", check=False)
    line = one_error(process)
    assert f"free some space on the disk holding {repo}" in process.stderr
    assert "Out of diskspace" in line or "No space left on device" in line, line
    assert f"filesystem mounted at {small_disk}" in line
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(remote, "rev-parse", "main") == head
    filler.unlink()
    node.run("publish")
    pushed = git(remote, "ls-tree", "-r", "--name-only", "main").split()
    assert any(name.startswith("data/patterns/error-solutions/alpha/") for name in pushed)
    assert git(repo, "status", "--porcelain", "--", "data").strip() == ""
