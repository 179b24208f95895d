"""Memory of fedlearn's gc on an old repository, under git's own bounds, side by side in one run.

Usage: python bench/bench_gc_memory.py [--days 365] [--recent 2] [--workdir DIR] [--reuse]
                                       [--variants defaults,fedlearn,...] [--rounds 1]

Builds the repository one node has after ``--days`` days of the aggressive schedule
(``bench_git_year``'s history, fast-imported), plays the last ``--recent`` days onto it as loose
objects (~7,100 objects for 2 days, git's ``gc.auto``: a gc is due), then, per variant, on a copy
of that repository, runs ``git_maintenance.collect`` (what ``maintain`` runs when a gc is due) in a
fresh Python with the variant's settings written into the copy's own config (fedlearn's bounds
apply to the keys it leaves unset); variant ``fallback`` runs what ``maintain`` does short of
memory instead (``pack_loose``). Printed per variant: the wall time; the peak RSS of the whole
process tree (``/usr/bin/time``: the largest of the Python process and every git it ran); the
largest RSS seen by sampling ``/proc`` every 0.1 s, split into anonymous memory (what swap and the
OOM killer see) and file pages (the packs git maps, which the kernel drops under pressure); and the
objects folder after the gc. ``--reuse`` keeps the built repository and batch from an earlier run
in ``--workdir``. With ``--rounds`` > 1 the variants take turns.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_git_year as year

from fedlearn.store.git_maintenance import BOUNDS

GIT_DEFAULTS = year.GIT_DEFAULTS
VARIANTS: dict[str, tuple[str, dict[str, str]]] = {
    "defaults": ("git's defaults (fedlearn's gc before)", GIT_DEFAULTS),
    "fedlearn": ("fedlearn's bounds (`git_maintenance.BOUNDS`)", {}),
    "mapped": (
        "mapped packs bounded: packedGitWindowSize 16m, packedGitLimit 64m",
        GIT_DEFAULTS | {"core.packedGitWindowSize": "16m", "core.packedGitLimit": "64m"},
    ),
    "delta": (
        "delta search bounded: windowMemory 32m, deltaCacheSize 16m, threads 1, deltaBaseCacheLimit 16m",
        GIT_DEFAULTS
        | {
            "pack.windowMemory": "32m",
            "pack.deltaCacheSize": "16m",
            "pack.threads": "1",
            "core.deltaBaseCacheLimit": "16m",
        },
    ),
    "wider": (
        "fedlearn's bounds, packs mapped 16m at a time and 64m at once",
        BOUNDS | {"core.packedGitWindowSize": "16m", "core.packedGitLimit": "64m"},
    ),
    "threads1": ("pack.threads 1 alone", GIT_DEFAULTS | {"pack.threads": "1"}),
    "fallback": ("short of memory: the loose objects packed on their own (`git repack -d`)", {}),
}
COLLECT = (
    "import sys; from pathlib import Path; from fedlearn.store import git_maintenance as m; "
    "r = Path(sys.argv[1]); sys.exit(0 if m.collect(r, m.count(r)) else 1)"
)
# ``maintain`` short of memory: only the loose objects packed (``pack_loose``).
FALLBACK = (
    "import sys; from pathlib import Path; from fedlearn.store import git_maintenance as m; "
    "r = Path(sys.argv[1]); sys.exit(0 if m.pack_loose(r, m.count(r), 0, 0) else 1)"
)


def tree_of(root: int) -> list[int]:
    """Return ``root`` and every process descending from it (read from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def rss_of(pid: int) -> tuple[int, int]:
    """Return the anonymous and file-backed resident kB of ``pid`` (0, 0 when it is gone)."""
    anon = file = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                anon = int(line.split()[1])
            elif line.startswith("RssFile:"):
                file = int(line.split()[1])
    except OSError:
        pass
    return anon, file


class Sampler(threading.Thread):
    """Sample one process tree's largest process (anonymous, file) every 0.1 s until stopped."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.stopped = threading.Event()
        self.anon = 0
        self.file = 0
        self.who = ""

    def run(self) -> None:
        while not self.stopped.wait(0.1):
            for pid in tree_of(self.root):
                anon, file = rss_of(pid)
                if anon > self.anon:
                    self.anon, self.file = anon, max(self.file, file)
                    with contextlib.suppress(OSError):
                        self.who = (
                            Path(f"/proc/{pid}/cmdline")
                            .read_bytes()
                            .replace(b"\0", b" ")[:60]
                            .decode(errors="replace")
                        )
                self.file = max(self.file, file)


def measure(repo: Path, workdir: Path, code: str) -> tuple[float, int, Sampler]:
    """Run ``code`` (fedlearn's gc) on ``repo``; return wall seconds, peak RSS (MB), the sampler."""
    report = workdir / "time.txt"
    start = time.perf_counter()
    process = subprocess.Popen(
        ["/usr/bin/time", "-o", str(report), "-f", "%M", sys.executable, "-c", code, str(repo)],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
    )
    sampler = Sampler(process.pid)
    sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - start
    sampler.stopped.set()
    sampler.join()
    if code != 0:
        raise RuntimeError(f"the gc failed in {repo}")
    return seconds, int(report.read_text().split()[-1]) // 1024, sampler


def build(workdir: Path, days: int, recent: int) -> tuple[Path, Path, str]:
    """Build the history and the recent batch; return the base repository, the batch's pack and
    the batch's tip."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    base = workdir / "base.git"
    year.git(workdir, "init", "-q", "--bare", "-b", "main", str(base))
    year.git(base, "config", "repack.writeBitmaps", "false")  # as in a repository with a work tree
    node = year.Node()
    began = time.perf_counter()
    year.fast_import(base, year.history_stream(node, (days - recent) * year.PER_DAY))
    feeder = workdir / "feeder.git"
    subprocess.run(["cp", "-al", str(base), str(feeder)], check=True)
    before = set((feeder / "objects" / "pack").glob("*.pack"))
    year.fast_import(feeder, year.recent_stream(node, recent * year.PER_DAY))
    (pack,) = set((feeder / "objects" / "pack").glob("*.pack")) - before
    shutil.copy(pack, workdir / "recent.pack")
    tip = year.git(feeder, "rev-parse", "main").strip()
    (workdir / "tip").write_text(tip)
    shutil.rmtree(feeder)
    print(f"built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return base, workdir / "recent.pack", tip


def main() -> None:
    """Build (or reuse) the repository, run each variant's gc on a copy, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--recent", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-gc-memory"))
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.reuse and (args.workdir / "tip").exists():
        base, pack, tip = (
            args.workdir / "base.git",
            args.workdir / "recent.pack",
            (args.workdir / "tip").read_text(),
        )
    else:
        base, pack, tip = build(args.workdir, args.days, args.recent)
    objects = int(year.git(base, "count-objects", "-v").split("in-pack: ")[1].split()[0])
    head = (
        f"{args.days - args.recent} days ({objects:,} objects, .git objects"
        f" {year.objects_bytes(base) / 1e6:.0f} MB), then {args.recent} days as loose objects"
    )
    print(head, file=sys.stderr)
    chosen = args.variants.split(",")
    results: dict[str, list[tuple[float, int, int, int, int, str]]] = {n: [] for n in chosen}
    for turn in range(args.rounds):
        for name in chosen if turn % 2 == 0 else reversed(chosen):
            repo = args.workdir / f"{name}.git"
            shutil.rmtree(repo, ignore_errors=True)
            subprocess.run(["cp", "-al", str(base), str(repo)], check=True)
            (repo / "config").unlink()  # its own config, not a link to base's
            shutil.copy(base / "config", repo / "config")
            with pack.open("rb") as handle:
                subprocess.run(
                    ["git", "-C", str(repo), "unpack-objects", "-q"], stdin=handle, check=True
                )
            year.git(repo, "update-ref", "refs/heads/main", tip)
            for key, value in VARIANTS[name][1].items():
                year.git(repo, "config", key, value)
            code = FALLBACK if name == "fallback" else COLLECT
            seconds, peak, sampler = measure(repo, args.workdir, code)
            size = year.objects_bytes(repo)
            results[name].append(
                (seconds, peak, sampler.anon // 1024, sampler.file // 1024, size, sampler.who)
            )
            print(f"  {name}: {seconds:.1f} s, {peak} MB, {sampler.who}", file=sys.stderr)
            shutil.rmtree(repo)
    print(head + ":")
    print(
        "| settings | gc time | peak RSS, whole tree | … sampled: anonymous / file pages"
        " (largest process) | `.git` objects after |"
    )
    print("|---|---|---|---|---|")
    for name in chosen:
        runs = results[name]
        times = ", ".join(f"{r[0]:.0f}" for r in runs)
        print(
            f"| {VARIANTS[name][0]} | {times} s | {max(r[1] for r in runs)} MB"
            f" | {max(r[2] for r in runs)} / {max(r[3] for r in runs)} MB ({runs[0][5].split()[0:3]})"
            f" | {runs[0][4] / 1e6:.1f} MB |"
        )


if __name__ == "__main__":
    os.environ.setdefault("GIT_CONFIG_NOSYSTEM", "1")
    main()
