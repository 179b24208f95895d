"""Git maintenance on an old repository: what each gc strategy costs, and what it lets .git grow.

Usage: python bench/bench_git_year.py [--days 365] [--recent 30] [--every 2] [--workdir DIR]
                                      [--strategies fedlearn,gc,...]

Builds, with ``git fast-import``, the repository one node's fedlearn would have after ``--days``
days of the aggressive schedule (96 publish commits a day, 21 high-value events a commit, a third
of them new patterns): the commits ``bench_scale.py --parts git`` makes, in the same shape (per
commit ~20 pattern shards ``data/patterns/<category>/me/<xx>.jsonl`` rewritten with records
inserted in sorted position or updated, the newest telemetry segment appended to (a new one every
50 lines, the oldest removed past 1,000 lines), the month's metrics file; records of the same
synthetic text as bench_scale's). The history (all but the last ``--recent`` days) is imported in
one go, its blobs written path by path, newest first, so that fast-import stores the newest version
of each file whole and each older one as a delta of the next (git's own preferred layout: depth 50,
what a gc that found every base leaves); with ``--base-gc`` fedlearn's former gc then packs it anew
(timed: the cost of one such gc at that age).

The last ``--recent`` days are then played onto one copy of that repository per strategy, as
loose objects (as commits and fetches leave them), ``--every`` days at a time (2 days are ~7,000
objects, git's ``gc.auto``), each strategy running after every batch. Printed side by side:
the time and peak RSS of each strategy's runs (``/usr/bin/time``) and how much ``.git`` grew over
the recent days, scaled to a month.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import hashlib
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

CATEGORIES = ("error-solutions", "best-practices", "skills-patterns")  # number % 3
PER_DAY = 96
EVENTS = 21
SEGMENT = 50
SNAPSHOT = 1000
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
IDENT = "fedlearn <fedlearn@localhost>"


def tail(number: int) -> str:
    """Return bench_scale's 20 words for ``number``."""
    return " ".join(f"w{(number * 7 + k) % 997}" for k in range(20))


def event(number: int, stamp: str) -> dict[str, object]:
    """Return bench_scale's high-value event ``number`` at ``stamp``."""
    head: dict[str, object] = {"timestamp": stamp, "value_score": 0.9}
    kind = number % 3
    if kind == 0:
        return head | {
            "error_message": f"error {number}: {tail(number)}",
            "solution": f"fix {number} {tail(number)}",
        }
    if kind == 1:
        return head | {"description": tail(number), "title": f"p {number}"}
    return head | {"description": f"case {number} {tail(number)}", "skill_name": f"skill-{number}"}


def pattern_id(number: int) -> str:
    """Return the pattern's content id (32 hex digits)."""
    return hashlib.md5(str(number).encode(), usedforsecurity=False).hexdigest()


def record(number: int, first: str, last: str, seen: int) -> bytes:
    """Return the pattern record line of ``number`` (fedlearn's key order, compact JSON)."""
    kind = number % 3
    if kind == 0:
        fields = {
            "error_message": f"error {number}: {tail(number)}",
            "solution": f"fix {number} {tail(number)}",
        }
        text = f"{fields['error_message']}\n{fields['solution']}"
    elif kind == 1:
        fields = {"description": tail(number), "title": f"p {number}"}
        text = f"p {number}\n{tail(number)}"
    else:
        fields = {"description": f"case {number} {tail(number)}", "skill_name": f"skill-{number}"}
        text = f"skill-{number}\ncase {number} {tail(number)}"
    line = {
        "id": pattern_id(number),
        "schema": 1,
        "category": CATEGORIES[kind],
        "text": text,
        "fields": fields,
        "value_score": 0.9,
        "first_seen": first,
        "last_seen": last,
        "seen": {"me": seen},
    }
    return json.dumps(line, separators=(",", ":")).encode() + b"\n"


def stamp_of(commit: int) -> tuple[str, int]:
    """Return the ISO time of commit number ``commit`` (every 15 minutes) and its epoch seconds."""
    moment = START + datetime.timedelta(minutes=15 * commit)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ"), int(moment.timestamp())


class Shard:
    """One pattern shard: records sorted by id, each line kept rendered."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.lines: dict[str, bytes] = {}
        self.state: dict[str, tuple[str, int]] = {}

    def apply(self, number: int, stamp: str) -> None:
        """Record one event of pattern ``number`` (a new record, or seen once more)."""
        key = pattern_id(number)
        if key in self.state:
            first, seen = self.state[key]
            seen += 1
        else:
            bisect.insort(self.ids, key)
            first, seen = stamp, 1
        self.state[key] = (first, seen)
        self.lines[key] = record(number, first, stamp, seen)

    def blob(self) -> bytes:
        """Return the shard file's bytes."""
        return b"".join(self.lines[key] for key in self.ids)


class Node:
    """The simulated node: its traffic, pattern shards, telemetry segments and monthly totals."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.known: list[int] = []
        self.fresh = 5_000_000
        self.shards: dict[str, Shard] = {}
        self.segments: dict[int, list[bytes]] = {1: []}
        self.totals: dict[str, dict[str, int]] = {}
        self.commit = 0

    def traffic(self) -> tuple[list[int], int]:
        """Return one sync's event numbers, about a third new (bench_scale's ``traffic``), and how
        many are new."""
        numbers = []
        fresh = self.fresh
        for _ in range(EVENTS):
            if self.known and self.rng.random() > 1 / 3:
                numbers.append(self.rng.choice(self.known))
            else:
                self.known.append(self.fresh)
                numbers.append(self.fresh)
                self.fresh += 1
        return numbers, self.fresh - fresh

    def telemetry(self, numbers: list[int], stamp: str) -> tuple[dict[str, bytes], list[str]]:
        """Append the events to the segments; return the changed segments and the removed ones."""
        changed: set[int] = set()
        for number in numbers:
            newest = max(self.segments)
            if len(self.segments[newest]) >= SEGMENT:
                newest += 1
                self.segments[newest] = []
            line = json.dumps(event(number, stamp), sort_keys=True, separators=(",", ":"))
            self.segments[newest].append(line.encode() + b"\n")
            changed.add(newest)
        removed = []
        while sum(len(v) for k, v in self.segments.items() if k != min(self.segments)) >= SNAPSHOT:
            oldest = min(self.segments)
            del self.segments[oldest]
            changed.discard(oldest)
            removed.append(f"data/telemetry/me/{oldest:08d}.jsonl")
        files = {f"data/telemetry/me/{n:08d}.jsonl": b"".join(self.segments[n]) for n in changed}
        return files, removed

    def metrics(self, stamp: str, new: int, updated: int) -> tuple[str, bytes]:
        """Count the sync into its month's totals; return the file."""
        month = stamp[:7]
        totals = self.totals.setdefault(month, {"events": 0, "new": 0, "updated": 0, "syncs": 0})
        totals["events"] += EVENTS
        totals["new"] += new
        totals["updated"] += updated
        totals["syncs"] += 1
        body = {
            "last_sync": stamp,
            "month": month,
            "node": "me",
            "schema": 1,
            "totals": {
                "events_read": totals["events"],
                "high_value": totals["events"],
                "patterns": {
                    c: {
                        "new": totals["new"] // 3,
                        "retracted": 0,
                        "updated": totals["updated"] // 3,
                    }
                    for c in CATEGORIES
                },
                "syncs": totals["syncs"],
            },
        }
        return f"data/metrics/monthly/{month}/me.json", json.dumps(
            body, indent=2, sort_keys=True
        ).encode() + b"\n"

    def files(
        self, numbers: list[int], new: int, shards: bool
    ) -> tuple[str, int, dict[str, bytes], list[str]]:
        """
        Count one sync of ``numbers`` (``new`` of them new) into the telemetry and the totals
        (and the shards, when ``shards``); return its message, time, changed files (the shards
        among them only when ``shards``) and removed paths.
        """
        stamp, epoch = stamp_of(self.commit)
        self.commit += 1
        paths = sorted({shard_path(n) for n in numbers})
        changed: dict[str, bytes] = {}
        if shards:
            for number in numbers:
                self.shards.setdefault(shard_path(number), Shard()).apply(number, stamp)
            changed = {path: self.shards[path].blob() for path in paths}
        segments, removed = self.telemetry(numbers, stamp)
        changed.update(segments)
        metrics_path, metrics = self.metrics(stamp, new, EVENTS - new)
        changed[metrics_path] = metrics
        listing = sorted(set(paths) | set(changed) | set(removed))
        message = f"fedlearn: node me +{new} patterns, {EVENTS - new} patterns updated, telemetry, metrics\n\n"
        message += "".join(f"{'D' if p in removed else 'M'} {p}\n" for p in listing)
        return message, epoch, changed, removed


def shard_path(number: int) -> str:
    """Return the shard file of pattern ``number``."""
    return f"data/patterns/{CATEGORIES[number % 3]}/me/{pattern_id(number)[:2]}.jsonl"


def data(payload: bytes) -> bytes:
    """Return a fast-import ``data`` command holding ``payload``."""
    return b"data %d\n" % len(payload) + payload + b"\n"


def commit_command(message: str, epoch: int, files: list[bytes], parent: bytes) -> bytes:
    """Return one fast-import ``commit`` on refs/heads/main."""
    who = f"{IDENT} {epoch} +0000\n".encode()
    return b"".join(
        [
            b"commit refs/heads/main\n",
            b"author " + who,
            b"committer " + who,
            data(message.encode()),
            parent,
            *files,
            b"\n",
        ]
    )


def history_stream(node: Node, commits: int) -> Iterator[bytes]:
    """
    Yield a fast-import stream of ``commits`` syncs from an empty repository: first every shard's
    versions, path by path (so each is stored as a delta of the one before), then the commits.
    """
    plan = [node.traffic() for _ in range(commits)]
    by_path: dict[str, list[tuple[int, int]]] = {}
    for index, (numbers, _) in enumerate(plan):
        for number in numbers:
            by_path.setdefault(shard_path(number), []).append((index, number))
    marks: dict[tuple[int, str], int] = {}
    for path in sorted(by_path):
        shard = node.shards.setdefault(path, Shard())
        events = by_path[path]
        versions: list[tuple[int, bytes]] = []
        for position, (index, number) in enumerate(events):
            shard.apply(number, stamp_of(index)[0])
            if position + 1 < len(events) and events[position + 1][0] == index:
                continue  # the same commit touches this shard again: one version
            versions.append((index, shard.blob()))
        for index, blob in reversed(versions):  # newest first: older versions are its deltas
            marks[(index, path)] = len(marks) + 1
            yield b"blob\nmark :%d\n" % len(marks) + data(blob)
    for index, (numbers, new) in enumerate(plan):
        message, epoch, changed, removed = node.files(numbers, new, shards=False)
        paths = sorted({shard_path(n) for n in numbers})
        files = [f"M 100644 :{marks[(index, p)]} {p}\n".encode() for p in paths]
        files += [f"M 100644 inline {p}\n".encode() + data(b) for p, b in sorted(changed.items())]
        files += [f"D {p}\n".encode() for p in removed]
        yield commit_command(message, epoch, files, b"")


def recent_stream(node: Node, commits: int) -> Iterator[bytes]:
    """Yield a fast-import stream of ``commits`` more syncs on top of refs/heads/main."""
    for number in range(commits):
        message, epoch, changed, removed = node.files(*node.traffic(), shards=True)
        files = [f"M 100644 inline {p}\n".encode() + data(b) for p, b in sorted(changed.items())]
        files += [f"D {p}\n".encode() for p in removed]
        yield commit_command(
            message, epoch, files, b"from refs/heads/main^0\n" if number == 0 else b""
        )


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo``; return stdout."""
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def fast_import(repo: Path, stream: Iterator[bytes]) -> None:
    """Feed ``stream`` to ``git fast-import`` in ``repo``."""
    process = subprocess.Popen(
        ["git", "-C", str(repo), "fast-import", "--quiet", "--depth=50"], stdin=subprocess.PIPE
    )
    assert process.stdin is not None
    for chunk in stream:
        process.stdin.write(chunk)
    process.stdin.close()
    if process.wait() != 0:
        raise RuntimeError("git fast-import failed")


def objects_bytes(repo: Path) -> int:
    """Return the bytes of everything under ``repo/objects``."""
    return sum(p.stat().st_size for p in (repo / "objects").rglob("*") if p.is_file())


def timed(command: list[str], cwd: Path, limit: float | None = None) -> tuple[float, int]:
    """
    Run ``command`` under /usr/bin/time; return its wall seconds and peak RSS (MB). Past ``limit``
    seconds it is stopped (killed, as a systemd timeout would): the seconds are then negative.
    """
    report = cwd / "time.txt"
    start = time.perf_counter()
    process = subprocess.Popen(
        ["/usr/bin/time", "-o", str(report), "-f", "%M", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: a stop ends git's children too
    )
    try:
        if process.wait(timeout=limit) != 0:
            raise RuntimeError(f"{command} failed")
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return -(time.perf_counter() - start), 0
    seconds = time.perf_counter() - start
    return seconds, int(report.read_text().split()[-1]) // 1024


# git's own defaults (64-bit Linux) for the keys fedlearn bounds in its gc (``git_maintenance.BOUNDS``),
# written into a repository's config: fedlearn's gc as it ran before the bounds.
GIT_DEFAULTS = {
    "pack.windowMemory": "0",
    "pack.deltaCacheSize": "256m",
    "pack.threads": "0",
    "core.deltaBaseCacheLimit": "96m",
    "core.packedGitWindowSize": "1g",
    "core.packedGitLimit": "32g",
    "core.bigFileThreshold": "512m",
}
AGGRESSIVE = (
    "-c",
    "gc.aggressiveWindow=10",
    "-c",
    "gc.aggressiveDepth=50",
    "gc",
    "--aggressive",
    "--quiet",
    "--cruft",
)
PYTHON_GC = (
    "import sys; from pathlib import Path; from fedlearn.store import git_maintenance as m; "
    "r = Path(sys.argv[1]); sys.exit(0 if m.{call} else 1)"
)


def fedlearn_call(call: str) -> Callable[[Path], list[str]]:
    """Return a strategy running ``git_maintenance.<call>`` in a fresh Python."""
    code = PYTHON_GC.format(call=call)
    return lambda repo: [sys.executable, "-c", code, str(repo)]


def gitc(*args: str) -> Callable[[Path], list[str]]:
    """Return a strategy running one git command."""
    return lambda repo: ["git", "-C", str(repo), *args]


STRATEGIES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "loose": ("nothing (loose objects)", lambda repo: ["true"]),
    "fedlearn": (
        "fedlearn's gc before: `gc --aggressive --cruft`, window 10 (`repack -a -d -f`)",
        gitc(*AGGRESSIVE),
    ),
    "maintain": (
        "fedlearn's `git_maintenance.maintain` now: newest versions exposed, `gc --cruft`",
        fedlearn_call("maintain(r) or True"),
    ),
    "unbounded": (
        "the same with git's default memory settings (fedlearn's gc before its bounds)",
        fedlearn_call("maintain(r) or True"),
    ),
    "gc": ("plain `git gc` (`repack -a -d`, deltas reused)", gitc("gc", "--quiet")),
    "f4": (
        "`git repack -a -d -f --window=4`",
        gitc("repack", "-a", "-d", "-q", "-f", "--window=4"),
    ),
    "auto": ("`git gc --auto`", gitc("-c", "gc.autoDetach=false", "gc", "--auto", "--quiet")),
    "geometric": ("`git repack --geometric=2 -d`", gitc("repack", "--geometric=2", "-d", "-q")),
    "keep": (
        "old pack `.keep`, `git repack -a -d -f` of the rest",
        gitc("repack", "-a", "-d", "-q", "-f"),
    ),
}


def main() -> None:
    """Build the old repository, play the recent days per strategy, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--recent", type=int, default=30)
    parser.add_argument("--every", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-git-year"))
    parser.add_argument("--strategies", default=",".join(STRATEGIES))
    parser.add_argument("--once", default="", help="strategies run after the first batch only")
    parser.add_argument("--limit", type=float, default=None, help="stop a run after this many s")
    parser.add_argument(
        "--base-gc", action="store_true", help="pack the history by fedlearn's former gc"
    )
    args = parser.parse_args()
    once = [name for name in args.once.split(",") if name]
    chosen = args.strategies.split(",") + once
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    base = args.workdir / "base.git"
    git(args.workdir, "init", "-q", "--bare", "-b", "main", str(base))
    git(base, "config", "repack.writeBitmaps", "false")  # as in a repository with a work tree
    node = Node()
    history = (args.days - args.recent) * PER_DAY
    began = time.perf_counter()
    fast_import(base, history_stream(node, history))
    objects = int(git(base, "count-objects", "-v").split("in-pack: ")[1].split()[0])
    print(
        f"history: {args.days - args.recent} days, {history:,} commits, {objects:,} objects, {len(node.known):,} patterns, built in {time.perf_counter() - began:.0f} s",
        file=sys.stderr,
    )
    packed = "as fast-import packed it (newest versions whole)"
    if args.base_gc:
        seconds, rss = timed(STRATEGIES["fedlearn"][1](base), args.workdir)
        packed = f"packed by fedlearn's former gc in {seconds:.1f} s, {rss} MB RSS"
    base_size = objects_bytes(base)
    lines = [
        f"{args.days - args.recent} days ({history:,} commits, {objects:,} objects, {len(node.known):,} patterns; "
        f".git objects {base_size / 1e6:.0f} MB {packed})"
    ]
    print(lines[0], file=sys.stderr)
    repos = {}
    for name in chosen:
        repo = args.workdir / f"{name}.git"
        subprocess.run(["cp", "-al", str(base), str(repo)], check=True)
        if name == "unbounded":
            (repo / "config").unlink()  # its own config, not a link to base's
            shutil.copy(base / "config", repo / "config")
            for key, value in GIT_DEFAULTS.items():
                git(repo, "config", key, value)
        if name == "keep":
            for pack in (repo / "objects" / "pack").glob("*.pack"):
                pack.with_suffix(".keep").touch()
        repos[name] = repo
    feeder = args.workdir / "feeder.git"
    subprocess.run(["cp", "-al", str(base), str(feeder)], check=True)
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in chosen}
    sizes: dict[str, list[int]] = {}  # the objects folder after each run
    for batch in range(0, args.recent, args.every):
        days = min(args.every, args.recent - batch)
        before = set((feeder / "objects" / "pack").glob("*.pack"))
        fast_import(feeder, recent_stream(node, days * PER_DAY))
        (pack,) = set((feeder / "objects" / "pack").glob("*.pack")) - before
        tip = git(feeder, "rev-parse", "main").strip()
        for name, repo in repos.items():
            if name in once and runs[name]:
                continue
            with pack.open("rb") as handle:
                subprocess.run(
                    ["git", "-C", str(repo), "unpack-objects", "-q"], stdin=handle, check=True
                )
            git(repo, "update-ref", "refs/heads/main", tip)
            runs[name].append(timed(STRATEGIES[name][1](repo), args.workdir, args.limit))
            sizes.setdefault(name, []).append(objects_bytes(repo))
        print(
            f"  day {args.days - args.recent + batch + days}: "
            + ", ".join(f"{n} {r[-1][0]:.1f} s" for n, r in runs.items() if r),
            file=sys.stderr,
        )
    month = 30 / args.recent
    lines.append(
        f"then {args.recent} days as loose objects, each strategy after every {args.every} days ({len(runs[chosen[0]])} runs):"
    )
    lines.append(
        "| strategy | time a run, median (max) | peak RSS | .git growth a month"
        " | … after its first run (its own layout) |"
    )
    lines.append("|---|---|---|---|---|")
    for name in chosen:
        times = [t for t, _ in runs[name]]
        if min(times) < 0:
            lines.append(f"| {STRATEGIES[name][0]} | stopped after {-min(times):.0f} s | | | |")
            continue
        grown = (objects_bytes(repos[name]) - base_size) * month / 1e6
        growth = (
            f"{grown:.1f} MB"
            if name not in once
            else f"(one run: {grown * args.recent / args.every:.1f} MB a month)"
        )
        after = sizes[name]
        steady = (
            f"{(after[-1] - after[0]) * 30 / ((len(after) - 1) * args.every) / 1e6:.1f} MB"
            if len(after) > 1
            else ""
        )
        lines.append(
            f"| {STRATEGIES[name][0]} | {statistics.median(times):.1f} s ({max(times):.1f}) "
            f"| {max(r for _, r in runs[name])} MB | {growth} | {steady} |"
        )
    for name in chosen:
        fsck = subprocess.run(
            ["git", "-C", str(repos[name]), "fsck", "--connectivity-only", "--no-progress"],
            capture_output=True,
            text=True,
        )
        if fsck.returncode != 0:
            lines.append(f"{name}: git fsck FAILED: {fsck.stderr[:300]}")
    print("\n".join(lines))


if __name__ == "__main__":
    os.environ.setdefault("GIT_CONFIG_NOSYSTEM", "1")
    main()
