"""A single hostile peer (issue 15, seen 7 and build 5): what the peer's files cost this node.

The peer is a plain clone of the shared bare remote that commits anything and pushes; this node
runs the installed ``fedlearn`` command. Costs are measured, never timed: what the jobs read (a
sitecustomize records the bytes each run read, ``/proc/self/io``), their peak memory (the
resource usage of a fresh wrapper's only child), the open-files limit they run under, and the
warning lines they print.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Node, cli_env, fedlearn_command, git
from tests.e2e.test_hostile_peer import UUIDS, Peer, alpha, answer, peer, snapshot_files  # noqa: F401
from tests.jobs import livestore

pytestmark = pytest.mark.e2e
SITE = """
import atexit, os
if os.environ.get("FEDLEARN_TEST_IO"):
    def record(path=os.environ["FEDLEARN_TEST_IO"]):
        with open("/proc/self/io") as io, open(path, "a") as out:
            out.write(io.read().replace("\\n", " ") + "\\n")
    atexit.register(record)
"""


@pytest.fixture
def measured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Make every fedlearn run append its ``/proc/self/io`` counts to the returned file."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE)
    record = tmp_path / "io.txt"
    monkeypatch.setenv("PYTHONPATH", str(site))
    monkeypatch.setenv("FEDLEARN_TEST_IO", str(record))
    yield record


def last_read(record: Path) -> int:
    """Return the bytes the last recorded run read (``rchar``: every read call, cache or not)."""
    fields = record.read_text().splitlines()[-1].split()
    return int(fields[fields.index("rchar:") + 1])


def peak(node: Node, *args: str) -> tuple[int, str, str]:
    """Run a job of ``node`` under a fresh wrapper; it must exit 0; return its peak RSS (KiB)
    and what it printed on stdout and stderr."""
    command = [*fedlearn_command(), *args, "--config", str(node.config_file)]
    wrapper = (
        "import resource, subprocess, sys\n"
        f"done = subprocess.run({command!r}, capture_output=True)\n"
        "assert done.returncode == 0, done.stderr.decode(errors='replace')\n"
        "sys.stderr.buffer.write(done.stderr)\n"
        "print(done.stdout.decode().strip().splitlines()[-1])\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, env=cli_env()
    )
    assert done.returncode == 0, done.stderr
    out, kib = done.stdout.strip().rsplit("\n", 1)
    return int(kib), out, done.stderr


def test_more_snapshots_than_open_files_import_end_to_end(
    alpha: Node,  # noqa: F811
    peer: Peer,  # noqa: F811
) -> None:
    """
    Item 7 (1,100 snapshots, "too many open files"): 1,100 peers' tiny snapshots in one
    collection, imported by ``pull`` under an open-files limit of 1,024: it exits 0 and every
    point is in Qdrant (import keeps at most ``snapshot_verify.MAX_OPEN`` of them open).
    """
    nodes = [f"n{index:04d}" for index in range(1100)]
    for node in nodes:
        for name, data in snapshot_files(
            "skills-patterns", node, UUIDS[:1], "20260101T000000Z"
        ).items():
            peer.write(name, data)
    peer.push("1,100 nodes")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, hard), hard))  # the children's
    try:
        pulled = answer(alpha, "pull")
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert pulled["import"]["collections"]["skills-patterns"]["imported"] == len(nodes)
    assert livestore.count(alpha, "skills-patterns") == len(nodes)


def test_refused_files_are_named_with_reason_and_commit_ten_then_counted(
    alpha: Node,  # noqa: F811
    peer: Peer,  # noqa: F811
) -> None:
    """
    Build 1 (a refused tree entry is ignored with one warning naming the commit that added it;
    bad input logged with a rate limit): 30 of the peer's pattern shards are symlinks to
    /dev/zero. The job that reads them (status) exits 0 and prints 10 warnings, each naming the
    file, the reason and the peer's commit, and one line counting the other 20.
    """
    for number in range(30):
        peer.symlink(f"data/patterns/error-solutions/mallory/{number:02x}.jsonl", "/dev/zero")
    peer.push("30 symlinks")
    commit = git(peer.repo, "rev-parse", "HEAD").strip()
    alpha.run("pull", "--no-import")
    done = alpha.run("status")
    warnings = [line for line in done.stderr.splitlines() if "data/" in line]
    named = [line for line in warnings if ": ignored, " in line]
    assert len(named) == 10 and len(warnings) == 11, done.stderr
    for line in named:
        path, _, rest = line.partition(": ignored, ")
        assert path.split(" ")[-1].startswith("data/patterns/error-solutions/mallory/")
        shown = rest.split("(last changed in commit ")[1].split(")")[0]
        assert rest.startswith("a symlink (") and len(shown) >= 7 and commit.startswith(shown)
    assert warnings[-1].endswith(
        "20 more paths under data/ ignored, not named one by one; run fedlearn doctor for the list"
    )


def test_status_reads_little_and_stays_small_in_a_hostile_repo(
    alpha: Node,  # noqa: F811
    peer: Peer,  # noqa: F811
    measured: Path,
) -> None:
    """
    Seen 7 (``status`` took 218 s and 2 GB) and build 5 (status reads no more than it needs):
    300 peers' refused pattern files (symlinks to /dev/zero) and files of 3 GiB each (sparse,
    in this node's checkout as an older fedlearn would have left them: a peer's shard, a peer's
    telemetry, this node's own monthly metrics) cost status next to nothing: it exits 0, reads
    at most 8 MiB more than in the same repo without them, and its peak memory grows by at most
    64 MiB. Each status here is the first after a pull (nothing cached for it).
    """
    alpha.run("pull", "--no-import")
    baseline_rss = peak(alpha, "status")[0]
    baseline_read = last_read(measured)
    for number in range(300):
        peer.symlink(f"data/patterns/error-solutions/m{number:03d}/00.jsonl", "/dev/zero")
    peer.push("300 refused files")
    alpha.run("pull", "--no-import")
    huge = 3 * 1024**3
    for name in (
        "data/patterns/best-practices/mallory/00.jsonl",
        "data/telemetry/mallory/00000001.jsonl",
        "data/metrics/monthly/2026-01/alpha.json",
    ):
        path = alpha.repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            handle.truncate(huge)
    hostile_rss = peak(alpha, "status")[0]
    hostile_read = last_read(measured)
    assert hostile_read - baseline_read < 8 * 1024 * 1024, (baseline_read, hostile_read)
    assert hostile_rss - baseline_rss < 64 * 1024, (baseline_rss, hostile_rss)
    assert answer(alpha, "status")["patterns"]["merged"]["error-solutions"] == 3
