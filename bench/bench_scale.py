"""Benchmark the sharded data layout at scale (issue 20); every target printed as a ratio, one run.

    python bench/bench_scale.py [--workdir /tmp/fedlearn-scale] [--big 200000] [--full-mb 100]
                                [--full-before TREE] [--status-before TREE]
                                [--days 3] [--nodes 10,100,1000] [--import-before TREE]
                                [--rounds 1]

- idle: an idle sync (and an incremental sync of 1,000 new events) with ``--big`` patterns of this
  node in data/ against the same with 1,000; the fixed floor (interpreter start and imports) apart;
  peak RSS of the idle sync process.
- full: peak RSS of a full sync of ``--full-mb`` MB of unique high-value events (sync process and
  its largest worker); with ``--full-before TREE``, the same sync with that source tree's code too,
  and the two data/ trees compared byte for byte.
- git: ``--days`` of the aggressive schedule (96 syncs a day; ``--per-day 24``, the default
  schedule's; 2,000 high-value events a day, a third of them new), each sync published as a commit
  (no remote); ``.git`` growth before and after ``git gc`` extrapolated to a month, what the new
  objects cost packed (by kind), the month's new and changed lines as one zlib / xz stream (the
  floor of any store), and each commit's new objects against the zlib-compressed size of the
  records it changed.
- nodes: repositories of 10, 100 and 1,000 nodes' pattern files; for one node, ``pull`` with import
  after 10 other nodes pushed new patterns, and ``status``: the first ever (counts the merged view
  whole), the first after the pull (brings the kept counts forward), the next; with
  ``--status-before TREE``, the first after the pull with that source tree's code too; with
  ``--import-before TREE``, pull + import on a second clone with that tree's code too, side by
  side, over ``--rounds`` rounds (taking turns). The embedded Qdrant store's opening and first
  writes are measured apart (on a copy): qdrant-client's local mode loads every point when it
  opens, and grows its arrays on the first write; a Qdrant server does neither.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fedlearn.formats import layout
from fedlearn.learn import patterns

CATEGORIES = ("skills-patterns", "error-solutions", "best-practices")


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo``; return stdout."""
    env = os.environ | {
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@b",
        "GIT_COMMITTER_NAME": "b",
    }
    env |= {"GIT_COMMITTER_EMAIL": "b@b"}
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env
    ).stdout


def config_text(root: Path, node: str, repo: Path, **extra: str) -> Path:
    """Write a node's config under ``root``; return its path."""
    lines = [
        f'node_id = "{node}"',
        f'repo = "{repo}"',
        f'state_dir = "{root / "state"}"',
        "[sync]",
        f'telemetry = ["{root / "events.jsonl"}"]',
        'fine_tuning = ""',
        "[embedding]",
        "dimension = 64",
        "[pull]",
        f"import_after = {extra.get('import_after', 'false')}",
        "[publish]",
        f'remote = "{extra.get("remote", "origin")}"',
    ]
    path = root / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def event(number: int, day: int = 1, score: float = 0.9) -> dict[str, Any]:
    """Return a unique high-value event (same number, same pattern), about 300 bytes."""
    kind = number % 3
    head = {"timestamp": f"2026-01-{day:02d}T00:00:00Z", "value_score": score}
    tail = " ".join(f"w{(number * 7 + k) % 997}" for k in range(20))
    if kind == 0:
        return head | {
            "error_message": f"error {number}: {tail}",
            "solution": f"fix {number} {tail}",
        }
    if kind == 1:
        return head | {"event_type": "best_practice", "title": f"p {number}", "description": tail}
    return head | {"skill_name": f"skill-{number}", "description": f"case {number} {tail}"}


def write_events(path: Path, numbers: range | list[int], day: int = 1) -> None:
    """Append the events ``numbers`` to ``path``."""
    with path.open("a") as handle:
        for number in numbers:
            handle.write(json.dumps(event(number, day)) + "\n")


CPU = [0.0]  # the CPU seconds (user + system) of the last ``fedlearn`` run

# Runs the command given and writes its wall-clock seconds, ru_maxrss (KB) and CPU seconds (its
# children's included) to the file named first. A process's ru_maxrss starts at the peak of the
# memory it was forked from (the kernel keeps the larger at exec): this launcher, a fresh
# interpreter, is small, where the bench can hold hundreds of MB by then (the idle part's 200,000
# patterns, the full part's data/ kept for the comparison).
PEAK_OF = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as handle:
    handle.write(f"{seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def fedlearn(
    config: Path, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, int, str]:
    """
    Run the fedlearn command; return (seconds, peak RSS of it and its children in MB, stdout).

    The command runs under a small launcher (``PEAK_OF``) that takes its time and peak, so neither
    the launcher's start nor what this process holds when it starts the command counts.
    """
    peak_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-scale-peak.{os.getpid()}"
    command = [sys.executable, "-m", "fedlearn", *args, "--config", str(config)]
    process = subprocess.run(
        [sys.executable, "-c", PEAK_OF, str(peak_file), *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    if process.returncode != 0:
        raise SystemExit(f"fedlearn {args} failed: {process.stderr}")
    seconds, kilobytes, cpu = peak_file.read_text().split()
    peak_file.unlink()
    CPU[0] = float(cpu)
    return float(seconds), int(kilobytes) // 1024, process.stdout


JOB_TIMER = """
import resource, sys, time, argparse, statistics
from fedlearn import config
from fedlearn.jobs import sync
cfg = config.load(__import__('pathlib').Path(sys.argv[1]), required=True)
times, cpu = [], []
def used():  # CPU seconds of this process and of the children it waited for (git), in µs
    both = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in both)
for _ in range(int(sys.argv[2])):
    start, start_cpu = time.perf_counter(), used()
    sync.run(cfg, argparse.Namespace(dry_run=False))
    times.append(time.perf_counter() - start)
    cpu.append(used() - start_cpu)
# VmHWM, not ru_maxrss: the latter keeps the peak of the process this one was forked from.
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(statistics.median(times), int(peak) // 1024, statistics.median(cpu))
"""


def time_sync_job(config: Path, rounds: int) -> tuple[float, int, float]:
    """
    Return the median in-process sync job time over ``rounds``, the process's peak RSS MB and the
    median CPU time of a job (git's included).
    """
    out = subprocess.run(
        [sys.executable, "-c", JOB_TIMER, str(config), str(rounds)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def seeded_node(root: Path, count: int) -> Path:
    """Return the config of a node whose state and data/ hold ``count`` of its own patterns."""
    repo = root / "repo"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    cfg = config_text(root, "me", repo)
    write_events(root / "events.jsonl", range(30))
    fedlearn(cfg, "sync", "-q")  # adopts (nothing), learns 30 patterns
    shards: dict[Path, dict[str, patterns.Pattern]] = {}
    for number in range(1_000_000, 1_000_000 + count):
        category = CATEGORIES[number % 3]
        fields = {"title": f"generated {number}", "description": "x" * 200}
        pattern = patterns.build(category, fields, 0.8, "2026-01-01T00:00:00Z", "me")
        path = layout.shard_file(repo, category, "me", layout.shard_name(pattern.id))
        shards.setdefault(path, {})[pattern.id] = pattern
    own = root / "state" / "own" / "data"
    for path, table in shards.items():
        existing = {p.id: p for p in patterns.read(path)}
        data = patterns.encode(existing | table)
        for target in (path, own / path.relative_to(repo / "data")):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    counts = {c: count // 3 + 10 for c in CATEGORIES}
    (root / "state" / "own" / "counts.json").write_text(json.dumps(counts))
    return cfg


def bench_idle(work: Path, big: int) -> list[str]:
    """Idle and incremental sync with 1,000 and ``big`` patterns; return the report lines."""
    small_cfg, big_cfg = seeded_node(work / "small", 1000), seeded_node(work / "big", big)
    floor = statistics.median(fedlearn(small_cfg, "--version")[0] for _ in range(3))
    results: dict[str, list[float]] = {"small": [], "big": []}
    cpu: dict[str, list[float]] = {"small": [], "big": []}
    rss: dict[str, int] = {}
    for _ in range(3):  # taking turns, so a slow stretch of the machine hits both sides
        for name, cfg in (("small", small_cfg), ("big", big_cfg)):
            seconds, peak, used = time_sync_job(cfg, 5)
            results[name].append(seconds)
            cpu[name].append(used)
            rss[name] = max(rss.get(name, 0), peak)
    idle_small, idle_big = min(results["small"]), min(results["big"])
    cpu_small, cpu_big = min(cpu["small"]), min(cpu["big"])
    incremental = {}
    for name, cfg in (("small", small_cfg), ("big", big_cfg)):
        rounds = []
        for round_number in range(3):
            start = 2_000_000 + round_number * 1000
            write_events(cfg.parent / "events.jsonl", range(start, start + 1000))
            rounds.append(time_sync_job(cfg, 1)[0])
        incremental[name] = statistics.median(rounds)
    idle_ratio = idle_big / idle_small
    return [
        f"fixed floor (interpreter start + imports, `fedlearn --version`): {floor * 1000:.0f} ms",
        f"idle sync job: 1,000 patterns {idle_small * 1000:.1f} ms, {big:,} patterns "
        f"{idle_big * 1000:.1f} ms: ratio {idle_ratio:.2f} (target <= 1.2) "
        f"{'OK' if idle_ratio <= 1.2 else 'MISSED'}; CPU {cpu_small * 1000:.1f} vs "
        f"{cpu_big * 1000:.1f} ms: ratio {cpu_big / cpu_small:.2f} "
        f"{'OK' if cpu_big <= 1.2 * cpu_small else 'MISSED'}",
        f"incremental sync job (1,000 new events): 1,000 patterns {incremental['small'] * 1000:.0f}"
        f" ms, {big:,} patterns {incremental['big'] * 1000:.0f} ms: ratio "
        f"{incremental['big'] / incremental['small']:.2f}",
        f"peak RSS of the idle sync process with {big:,} patterns: {rss['big']} MB "
        f"(with 1,000: {rss['small']} MB; target <= 100) {'OK' if rss['big'] <= 100 else 'MISSED'}",
    ]


def bench_full(work: Path, megabytes: int, before: Path | None = None) -> list[str]:
    """
    Peak RSS of a full sync of ``megabytes`` MB of unique high-value events; with ``before`` (a
    source tree of fedlearn), the same input synced by that tree's code too, in the same run, and
    the two data/ trees compared byte for byte.
    """
    path = work / "full-events.jsonl"
    number = 0
    while not path.exists() or path.stat().st_size < megabytes * 1024 * 1024:
        write_events(path, range(number, number + 10_000))
        number += 10_000
    runs = {"after": None, **({"before": before} if before else {})}
    found: dict[str, tuple[float, int, dict[str, bytes]]] = {}
    for name, tree in runs.items():
        root = work / f"full-{name}"
        repo = root / "repo"
        repo.mkdir(parents=True)
        git(repo, "init", "-q", "-b", "main")
        cfg = config_text(root, "me", repo)
        os.link(path, root / "events.jsonl")  # the same input, read only
        env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
        # Run from ``root``: ``python -m`` puts the working folder first on the path, so a run
        # from a source tree would import that tree's fedlearn, not ``tree``'s.
        seconds, peak, _ = fedlearn(cfg, "sync", "-q", env=env, cwd=root)
        data = sorted(p for p in (repo / "data").rglob("*") if p.is_file())
        found[name] = (seconds, peak, {str(p.relative_to(repo)): masked(p) for p in data})
    lines = []
    for name, (seconds, peak, _) in found.items():
        lines.append(
            f"full sync of {path.stat().st_size / 1e6:.0f} MB ({number:,} unique high-value events)"
            f", {name}: {seconds:.1f} s, peak RSS {peak} MB (largest of the process and its "
            f"workers; target <= 100) {'OK' if peak <= 100 else 'MISSED'}"
        )
    if "before" in found:
        same = found["before"][2] == found["after"][2]
        lines.append(
            f"full sync, data/ of after and before byte-identical: {same} "
            f"({len(found['after'][2])} files); peak RSS after / before: "
            f"{found['after'][1] / found['before'][1]:.2f}"
        )
    return lines


def masked(path: Path) -> bytes:
    """Return a file's bytes with the time of the sync masked (the monthly totals' ``last_sync``)."""
    return re.sub(rb'"last_sync": ?"[^"]*"', b'"last_sync": ""', path.read_bytes())


def git_bytes(repo: Path) -> int:
    """Return the size of ``repo``'s .git folder in bytes."""
    return git_bytes_dir(repo / ".git")


def git_bytes_dir(folder: Path) -> int:
    """Return the size of the git directory ``folder`` in bytes."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def share_of(path: str) -> str:
    """Return which kind of data/ file (or tree) an object of a commit is, for the breakdown."""
    parts = path.split("/")
    if not path or parts == ["data"] or (parts[1:2] == ["patterns"] and len(parts) < 4):
        return "trees above the node folders"
    if parts[1:2] == ["patterns"]:
        return "pattern shard trees" if len(parts) == 4 else "pattern shards"
    return {"telemetry": "telemetry", "metrics": "monthly metrics"}.get(parts[1], parts[1])


def commit_objects(repo: Path) -> dict[str, int]:
    """
    Return the on-disk (loose, zlib) bytes of the objects HEAD added over HEAD~1, by kind, and
    the size of the thin pack a push of HEAD sends (``"push"``: objects deltified against HEAD~1).
    """
    listed = git(repo, "rev-list", "--objects", "HEAD", "^HEAD~1").splitlines()
    names = [line.split(" ", 1) for line in listed]
    sizes = git_input(
        repo, "\n".join(n[0] for n in names) + "\n", "cat-file", "--batch-check=%(objectsize:disk)"
    )
    found: dict[str, int] = {}
    for name, size in zip(names, sizes.split(), strict=True):
        kind = "commit" if len(name) == 1 else share_of(name[1])
        found[kind] = found.get(kind, 0) + int(size)
    pack = subprocess.run(
        ["git", "-C", str(repo), "pack-objects", "--revs", "--thin", "--stdout", "-q"],
        input=b"HEAD\n^HEAD~1\n",
        capture_output=True,
        check=True,
    ).stdout
    found["push"] = len(pack)
    return found


def git_input(repo: Path, text: str, *args: str) -> str:
    """Run git in ``repo`` with ``text`` on stdin; return stdout."""
    return subprocess.run(
        ["git", "-C", str(repo), *args], input=text, capture_output=True, text=True, check=True
    ).stdout


def new_records(repo: Path) -> bytes:
    """Return the lines HEAD added or changed in data/ over HEAD~1 (every kind of file)."""
    diff = git(repo, "diff", "--text", "--unified=0", "--no-color", "HEAD~1", "HEAD", "--", "data")
    lines = [
        line[1:]
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    return "\n".join(lines).encode() + b"\n"


def traffic(rng: random.Random, known: list[int], fresh: int, count: int) -> tuple[list[int], int]:
    """Return ``count`` event numbers, about a third of them new (the rest repeats), and the next
    fresh number."""
    numbers = []
    for _ in range(count):
        if known and rng.random() > 1 / 3:
            numbers.append(rng.choice(known))
        else:
            known.append(fresh)
            numbers.append(fresh)
            fresh += 1
    return numbers, fresh


def bench_git(work: Path, days: int, history: int = 0, per_day: int = 96) -> list[str]:
    """
    Simulate ``days`` of the aggressive schedule in this process (sync and publish jobs, one
    commit per sync); return .git growth scaled to a month and the per-commit ratios.

    With ``history``, the node first learns ``history`` days of the same traffic in one sync and
    one commit (then ``git gc``), so the measured days run on a repository of that age.
    """
    import argparse as namespace
    import logging

    from fedlearn import config as fedlearn_config
    from fedlearn.jobs import publish, sync
    from fedlearn.store import git_maintenance

    logging.disable(logging.WARNING)
    root = work / "git"
    repo = root / "repo"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "gc.auto", "0")  # measured: the loose objects, then one gc at the end
    cfg = fedlearn_config.load(config_text(root, "me", repo, remote="nowhere"), required=True)
    args = namespace.Namespace(dry_run=False)
    rng = random.Random(7)
    known: list[int] = []
    fresh = 5_000_000
    loose: list[float] = []
    pushed: list[float] = []
    shares: dict[str, int] = {}
    added: list[bytes] = []  # every commit's new and changed lines, for the one-stream floor
    start_size = None
    began = time.perf_counter()
    if history:
        for day in range(1, history + 1):
            numbers, fresh = traffic(rng, known, fresh, 2016)
            write_events(root / "events.jsonl", numbers, day=(day - 1) % 28 + 1)
        sync.run(cfg, args)
        publish.run(cfg, args)
        git(repo, "repack", "-a", "-d", "-f", "-q")  # its best form: no delta left to reuse
        git(repo, "prune-packed")
        start_size = git_bytes(repo)
        start_commit = git(repo, "rev-parse", "HEAD").strip()
        start_logs = git_bytes_dir(repo / ".git" / "logs")
    mirror = root / "maintained.git"  # the same commits, kept by fedlearn's own maintenance
    maintenance: list[float] = []
    mirror_start = start_mirror(repo, mirror) if history else 0
    for day in range(history + 1, history + days + 1):
        for _ in range(per_day):
            numbers, fresh = traffic(rng, known, fresh, 2016 // per_day)  # 2,000 a day
            write_events(root / "events.jsonl", numbers, day=(day - 1) % 28 + 1)
            sync.run(cfg, args)
            publish.run(cfg, args)
            if start_size is None:  # the first commit is the start
                start_size = git_bytes(repo)
                start_commit = git(repo, "rev-parse", "HEAD").strip()
                start_logs = git_bytes_dir(repo / ".git" / "logs")
                mirror_start = start_mirror(repo, mirror)
                continue
            git(mirror, "fetch", "-q", str(repo), "+main:main")  # < 100 objects: loose, as a commit
            began_gc = time.perf_counter()
            if git_maintenance.maintain(mirror):
                maintenance.append(time.perf_counter() - began_gc)
            found = commit_objects(repo)
            lines = new_records(repo)
            added.append(lines)
            records = max(len(zlib.compress(lines)), 1)
            pushed.append(found.pop("push") / records)
            loose.append(sum(found.values()) / records)
            for kind, size in found.items():
                shares[kind] = shares.get(kind, 0) + size
            shares["new records (zlib)"] = shares.get("new records (zlib)", 0) + records
        print(
            f"  day {day}: {len(known):,} patterns, {time.perf_counter() - began:.0f} s",
            file=sys.stderr,
        )
    before_gc = git_bytes(repo)
    logs_grown = git_bytes_dir(repo / ".git" / "logs") - start_logs
    month = month_of(days, history, per_day)
    maintained_before = (git_bytes_dir(mirror) - mirror_start) * month / 1e6
    began_gc = time.perf_counter()
    git_maintenance.collect(mirror, git_maintenance.count(mirror))  # as if one were due now
    last_gc = time.perf_counter() - began_gc
    maintained = (git_bytes_dir(mirror) - mirror_start) * month / 1e6
    git(repo, "gc", "-q")
    after_gc = git_bytes(repo)
    git(repo, "repack", "-a", "-d", "-f", "-q")
    after_repack = git_bytes(repo)
    assert start_size is not None
    packed = packed_growth(repo, start_commit)
    grown_before = (before_gc - start_size) * month / 1e6
    grown_after = (after_gc - start_size) * month / 1e6
    grown_repacked = (after_repack - start_size) * month / 1e6
    new_lines = (
        shares.get("new records (zlib)", 0) * month / 1e6 / (1 - 1 / per_day if not history else 1)
    )
    total = sum(v for k, v in shares.items() if k != "new records (zlib)")
    breakdown = ", ".join(
        f"{kind} {size * 100 / total:.0f} %"
        for kind, size in sorted(shares.items(), key=lambda kv: -kv[1])
        if kind != "new records (zlib)"
    )
    stream = b"".join(added)
    floor_zlib = len(zlib.compress(stream, 9)) * month / 1e6
    floor_xz = len(lzma.compress(stream, preset=9)) * month / 1e6
    content = new_content(repo, start_commit)
    content_zlib = len(zlib.compress(content, 9)) * month / 1e6
    content_xz = len(lzma.compress(content, preset=9)) * month / 1e6
    packed_total = sum(packed.values())
    packed_kinds = ", ".join(
        f"{kind} {size * month / 1e6:.2f} MB"
        for kind, size in sorted(packed.items(), key=lambda kv: -kv[1])
    )
    return [
        (
            f"after `repack -a -d -f`, what the month's new objects cost, packed "
            f"({packed_total * month / 1e6:.1f} MB): {packed_kinds}; "
            if not history  # with a history, git rebases old objects on new ones: not attributable
            else ""
        )
        + f"the reflogs grew {logs_grown * month / 1e6:.2f} MB a month (expired after 90 days by gc); "
        f"the month's new and changed lines as one stream (the floor of any store): "
        f"zlib -9 {floor_zlib:.2f} MB, xz -9 {floor_xz:.2f} MB; "
        f"after gc / that zlib floor: {grown_repacked / max(floor_zlib, 1e-9):.1f}x; "
        f"the new content alone (new patterns' records as they stand, telemetry lines; no "
        f"repeats) as one stream: zlib -9 {content_zlib:.2f} MB, xz -9 {content_xz:.2f} MB",
        f"fedlearn's maintenance (`git_maintenance.maintain` after each commit): "
        f"{len(maintenance)} full gc runs when due ({sum(maintenance):.1f} s in all, the longest "
        f"{max(maintenance, default=0):.1f} s); .git grew {maintained_before:.1f} MB a month "
        f"before the last gc, {maintained:.2f} MB after one more at the end ({last_gc:.1f} s) "
        f"(target <= 2) {'OK' if maintained <= 2 else 'MISSED'}",
        f"git growth, {days} days of {per_day} syncs a day"
        + (f" after {history} days learned at once" if history else "")
        + f" ({len(known):,} patterns, "
        f"{len(loose) + (0 if history else 1):,} commits) scaled to a month: before gc {grown_before:.1f} MB, after gc "
        f"{grown_after:.2f} MB, after `git repack -a -d -f` {grown_repacked:.2f} MB (target <= 2) "
        f"{'OK' if grown_after <= 2 else 'MISSED'}; the new and changed lines alone, zlib: "
        f"{new_lines:.1f} MB",
        f"each commit's new objects / compressed size of its new and changed lines in data/: "
        f"as pushed (thin pack) median {statistics.median(pushed):.1f}, p90 {p90(pushed):.1f}; "
        f"as loose objects median {statistics.median(loose):.1f}, p90 {p90(loose):.1f} "
        f"(target <= 5) {'OK' if statistics.median(pushed) <= 5 else 'MISSED'}",
        f"loose objects by kind: {breakdown}; new lines {shares.get('new records (zlib)', 0) / max(len(loose), 1) / 1000:.1f} KB a commit (zlib), "
        f"loose objects {total / max(len(loose), 1) / 1000:.1f} KB",
    ]


def pattern_lines(repo: Path, commit: str) -> dict[str, bytes]:
    """Return id → line of every pattern record in data/patterns at ``commit``."""
    listed = git(repo, "ls-tree", "-r", "--name-only", commit, "--", "data/patterns").split()
    found: dict[str, bytes] = {}
    for path in listed:
        for line in git_blob(repo, f"{commit}:{path}").splitlines():
            found[json.loads(line)["id"]] = line
    return found


def git_blob(repo: Path, name: str) -> bytes:
    """Return the object ``name`` (``COMMIT:PATH``) of ``repo``."""
    return subprocess.run(
        ["git", "-C", str(repo), "cat-file", "blob", name], capture_output=True, check=True
    ).stdout


def new_content(repo: Path, start: str) -> bytes:
    """
    Return what ``start..HEAD`` added, without repeats' updates: the records of patterns new since
    ``start`` as they stand at HEAD, and every telemetry line the commits added (segments rotate).
    """
    before = pattern_lines(repo, start).keys()
    records = [line for key, line in pattern_lines(repo, "HEAD").items() if key not in before]
    log = git(
        repo,
        "log",
        "--format=",
        "-p",
        "--text",
        "--unified=0",
        f"{start}..HEAD",
        "--",
        "data/telemetry",
    )
    events = [
        line[1:].encode() for line in log.splitlines() if line[:1] == "+" and line[:3] != "+++"
    ]
    return b"\n".join(records + events) + b"\n"


def packed_growth(repo: Path, start: str) -> dict[str, int]:
    """
    Return the packed bytes of the objects ``repo``'s HEAD has and ``start`` had not, by what they
    are: the newest version of a file (stored whole), an older or other version stored as a delta,
    trees, commits, and their entries in the pack index (~28 bytes an object).
    """
    listed = git(repo, "rev-list", "--objects", "HEAD", f"^{start}").splitlines()
    names = [line.split(" ", 1)[0] for line in listed]
    described = git_input(
        repo,
        "\n".join(names) + "\n",
        "cat-file",
        "--batch-check=%(objecttype) %(objectsize:disk) %(deltabase)",
    )
    found: dict[str, int] = {"pack index": 28 * len(names)}
    for row in described.splitlines():
        kind, size, base = row.split()
        if kind == "blob":
            kind = "blobs stored whole" if set(base) == {"0"} else "blobs stored as deltas"
        else:
            kind += "s"
        found[kind] = found.get(kind, 0) + int(size)
    return found


def start_mirror(repo: Path, mirror: Path) -> int:
    """Clone ``repo`` bare into ``mirror`` with git's default settings, packed; return its size."""
    git(repo.parent, "clone", "-q", "--bare", "--no-local", str(repo), str(mirror))
    git(mirror, "repack", "-a", "-d", "-f", "-q")
    return git_bytes_dir(mirror)


def month_of(days: int, history: int, per_day: int = 96) -> float:
    """Return the factor from the measured commits to 30 days (the first commit is the start)."""
    return 30 / (days - (0 if history else 1 / per_day))


def p90(values: list[float]) -> float:
    """Return the 90th percentile of ``values``."""
    return sorted(values)[int(len(values) * 0.9)]


def federation(work: Path, count: int, per_node: int) -> tuple[Path, Path, Path]:
    """Return (bare remote, a peer clone, this node's config) with ``count`` nodes' files."""
    root = work / f"nodes-{count}"
    bare = root / "remote.git"
    bare.mkdir(parents=True)
    git(bare, "init", "-q", "--bare", "-b", "main")
    peer = root / "peer"
    peer.mkdir()
    git(peer, "init", "-q", "-b", "main")
    for node in range(count):
        add_patterns(peer, f"node{node:04d}", range(node * 1000, node * 1000 + per_node))
    git(peer, "add", "-A")
    git(peer, "commit", "-q", "-m", "nodes")
    git(peer, "remote", "add", "origin", str(bare))
    git(peer, "push", "-q", "origin", "main")
    me = root / "me"
    me.mkdir()
    git(me, "clone", "-q", str(bare), str(me / "repo"))
    cfg = config_text(me, "me", me / "repo", import_after="true")
    return bare, peer, cfg


def add_patterns(repo: Path, node: str, numbers: range) -> None:
    """Add ``node``'s patterns ``numbers`` to its shards in ``repo``."""
    shards: dict[Path, dict[str, patterns.Pattern]] = {}
    for number in numbers:
        category = CATEGORIES[number % 3]
        fields = {"title": f"n {number}", "description": "text " * 40}
        pattern = patterns.build(category, fields, 0.8, "2026-01-01T00:00:00Z", node)
        path = layout.shard_file(repo, category, node, layout.shard_name(pattern.id))
        shards.setdefault(path, {})[pattern.id] = pattern
    for path, table in shards.items():
        existing = {p.id: p for p in patterns.read(path)}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(patterns.encode(existing | table))


QDRANT_COSTS = """
import shutil, sys, tempfile, time, uuid
from pathlib import Path
from qdrant_client import QdrantClient, models
from fedlearn import config
from fedlearn.vectors import qdrant
cfg = config.load(Path(sys.argv[1]), required=True)
copy = Path(tempfile.mkdtemp()) / "store"
shutil.copytree(qdrant.target(cfg.qdrant, cfg.state_path), copy)
start, cpu = time.perf_counter(), time.process_time()
client = QdrantClient(path=str(copy))
opened, opened_cpu = time.perf_counter() - start, time.process_time() - cpu
start, cpu = time.perf_counter(), time.process_time()
for found in client.get_collections().collections:
    size = client.get_collection(found.name).config.params.vectors.size
    point = models.PointStruct(id=str(uuid.uuid4()), vector=[1.0] * size, payload={})
    client.upsert(found.name, [point])
written, written_cpu = time.perf_counter() - start, time.process_time() - cpu
client.close()
shutil.rmtree(copy.parent)
print(opened, written, opened_cpu, written_cpu)
"""


def qdrant_costs(config: Path) -> tuple[float, float, float, float]:
    """
    Return the seconds this node's embedded Qdrant store (qdrant-client's local mode) takes, on
    a copy of it, to open (it loads every point into memory) and to take the first point written
    into each collection (it copies each collection's vectors into an array twice the size): what
    the embedded store costs in proportion to its points. A Qdrant server costs neither. Then
    the CPU seconds of both.
    """
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", QDRANT_COSTS, str(config)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    opened, written, opened_cpu, written_cpu = map(float, out.split()[-4:])
    return opened, written, opened_cpu, written_cpu


def second_clone(root: Path, bare: Path) -> Path:
    """Return the config of another clone of ``bare`` for node "me" (``--import-before``'s)."""
    me = root / "me-before"
    me.mkdir()
    git(me, "clone", "-q", str(bare), str(me / "repo"))
    return config_text(me, "me", me / "repo", import_after="true")


def pull_and_import(
    cfg: Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, ...]:
    """
    Return (pull s, import s, their CPU s, peak RSS MB, the embedded store's opening s and first
    writes s, and the CPU s of both).
    """
    pull_seconds = fedlearn(cfg, "pull", "-q", "--no-import", env=env, cwd=cwd)[0]
    pull_cpu = CPU[0]
    import_seconds, peak, _ = fedlearn(cfg, "import", "-q", env=env, cwd=cwd)
    opening, writing, opening_cpu, writing_cpu = qdrant_costs(cfg)
    return (
        pull_seconds,
        import_seconds,
        pull_cpu + CPU[0],
        peak,
        opening,
        writing,
        opening_cpu,
        writing_cpu,
    )


def bench_nodes(
    work: Path,
    counts: list[int],
    per_node: int,
    before: Path | None = None,
    import_before: Path | None = None,
    rounds: int = 1,
) -> list[str]:
    """
    Pull + import after 10 nodes changed, and status, for each federation size; with ``before``
    (a source tree of fedlearn), the first status after the pull with that tree's code too, on
    the same clone and state dir (each code keeps its own counts), just before this code's. With
    ``import_before`` (a source tree), a second clone of the same node runs that tree's code for
    everything (its first import and status too), and each of ``rounds`` rounds (10 other nodes
    changed each) pulls and imports on both clones, taking turns at going first.
    """
    lines, pulled, cpu = [], {}, {}
    first_after: dict[int, float] = {}
    old_env = {**os.environ, "PYTHONPATH": str(before)} if before else None
    imp_env = {**os.environ, "PYTHONPATH": str(import_before)} if import_before else None
    sides: dict[str, dict[int, list[tuple[float, ...]]]] = {"this": {}, "before": {}}
    for count in counts:
        bare, peer, cfg = federation(work, count, per_node)
        old_cfg = second_clone(cfg.parent.parent, bare) if import_before else None
        time.sleep(2.5)  # files checked out this instant are not cached (``pattern_cache.RACY``)
        fedlearn(cfg, "import", "-q")  # the first, full import is not measured
        first_ever = fedlearn(cfg, "status")[0]  # counts the merged view whole, and keeps it
        if old_cfg is not None:
            fedlearn(old_cfg, "import", "-q", env=imp_env, cwd=old_cfg.parent)
            fedlearn(old_cfg, "status", env=imp_env, cwd=old_cfg.parent)
        if before:  # run outside any source tree: ``python -m`` puts the working folder first
            fedlearn(cfg, "status", env=old_env, cwd=cfg.parent)
        for round_number in range(rounds):
            step = max(count // 10, 1)
            for node in range(round_number % step, count, step)[:10]:
                start = 10_000_000 + round_number * 100_000 + node * 10
                add_patterns(peer, f"node{node:04d}", range(start, start + 5))
            git(peer, "add", "-A")
            git(peer, "commit", "-q", "-m", "10 nodes changed")
            git(peer, "push", "-q", "origin", "main")
            turns = [("this", cfg, None), ("before", old_cfg, imp_env)]
            if (round_number + counts.index(count)) % 2:
                turns.reverse()
            for side, side_cfg, env in turns:
                if side_cfg is not None:
                    cwd = side_cfg.parent if env else None
                    sides[side].setdefault(count, []).append(pull_and_import(side_cfg, env, cwd))
            if round_number:
                continue
            pull_seconds, import_seconds, both_cpu, peak_rss, opening, writing, *_ = sides["this"][
                count
            ][0]
            peak = int(peak_rss)
            old = ""
            if before:
                old_seconds = fedlearn(cfg, "status", env=old_env, cwd=cfg.parent)[0]
                old = f" (before: {old_seconds:.2f} s, CPU {CPU[0]:.2f} s)"
            first_status = fedlearn(cfg, "status")[0]
            first_after[count] = first_status
            first_cpu = CPU[0]
            first_after[-count] = first_cpu
            status = min(fedlearn(cfg, "status")[0] for _ in range(3))
            seconds = pull_seconds + import_seconds
            pulled[count] = seconds
            pulled[-count] = seconds - opening - writing
            cpu[count] = both_cpu
            lines.append(
                f"{count:,} nodes ({count * per_node:,} patterns): pull + import after 10 nodes "
                f"changed {seconds:.2f} s (pull {pull_seconds:.2f} s, import {import_seconds:.2f} "
                f"s of which the embedded Qdrant store's {opening:.2f} s opening and "
                f"{writing:.2f} s first writes; CPU {cpu[count]:.2f} s; peak RSS "
                f"{peak} MB), status {first_ever:.2f} s the first ever (counts whole), "
                f"{first_status:.2f} s first after the pull (CPU {first_cpu:.2f} s){old}, "
                f"{status:.2f} s next "
                f"(target < 1) {'OK' if max(status, first_status) < 1 else 'MISSED'}"
            )
    if 100 in pulled and 1000 in pulled:
        ratio = pulled[1000] / pulled[100]
        without = pulled[-1000] / pulled[-100]
        lines.append(
            f"pull + import, 1,000 nodes / 100 nodes: {ratio:.2f}; without the embedded Qdrant "
            f"store's opening and first writes (they follow its points; a server has neither): "
            f"{without:.2f}; CPU {cpu[1000] / cpu[100]:.2f} "
            f"(target <= 1.5) {'OK' if ratio <= 1.5 else 'MISSED'}"
        )
    if 100 in first_after and 1000 in first_after:
        lines.append(
            f"first status after the pull, 1,000 nodes / 100 nodes: "
            f"{first_after[1000] / first_after[100]:.2f} ({first_after[1000]:.2f} vs "
            f"{first_after[100]:.2f} s; CPU {first_after[-1000] / first_after[-100]:.2f}: "
            f"{first_after[-1000]:.2f} vs {first_after[-100]:.2f} s; target < 1 s) "
            f"{'OK' if first_after[1000] < 1 else 'MISSED'}"
        )
    if import_before:
        lines += side_by_side(sides)
    return lines


def side_by_side(sides: dict[str, dict[int, list[tuple[float, ...]]]]) -> list[str]:
    """
    Return per size the medians over the rounds of pull + import, this code's and before, wall
    clock and CPU (the steadier figure on a shared machine), with and without the embedded
    store's opening and first writes (measured apart, on a copy).
    """

    def median(side: str, count: int, pick: Callable[[tuple[float, ...]], float]) -> float:
        return statistics.median(pick(r) for r in sides[side][count])

    def total(r: tuple[float, ...]) -> float:
        return r[0] + r[1]

    def bare(r: tuple[float, ...]) -> float:
        return r[0] + r[1] - r[4] - r[5]

    def cpu(r: tuple[float, ...]) -> float:
        return r[2]

    def bare_cpu(r: tuple[float, ...]) -> float:
        return r[2] - r[6] - r[7]

    lines = []
    for count in sorted(sides["this"]):
        runs = len(sides["this"][count])
        figures = []
        for name, pick in (
            ("pull + import", total),
            ("without the store", bare),
            ("CPU", cpu),
            ("CPU without the store", bare_cpu),
        ):
            this, old = median("this", count, pick), median("before", count, pick)
            figures.append(f"{name} {this:.2f} s (before {old:.2f} s)")
        lines.append(f"{count:,} nodes, medians of {runs} rounds: " + ", ".join(figures))
    if 100 in sides["this"] and 1000 in sides["this"]:
        for side in ("this", "before"):
            ratios = [
                median(side, 1000, pick) / median(side, 100, pick)
                for pick in (total, bare, cpu, bare_cpu)
            ]
            lines.append(
                f"{side}: pull + import, 1,000 / 100 nodes (medians): {ratios[0]:.2f}; without "
                f"the embedded store's opening and first writes {ratios[1]:.2f}; CPU "
                f"{ratios[2]:.2f}, without the store {ratios[3]:.2f} (target <= 1.5)"
            )
    return lines


def main() -> None:
    """Run the parts asked for and print every target as a ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-scale"))
    parser.add_argument("--big", type=int, default=200_000)
    parser.add_argument("--full-mb", type=int, default=100)
    parser.add_argument(
        "--full-before", type=Path, help="a fedlearn source tree to run the full sync with too"
    )
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument(
        "--per-day",
        type=int,
        default=96,
        help="syncs (and commits) a day: 96 aggressive, 24 default",
    )
    parser.add_argument("--nodes", default="10,100,1000")
    parser.add_argument("--per-node", type=int, default=60)
    parser.add_argument(
        "--status-before", type=Path, help="a fedlearn source tree to run status with too"
    )
    parser.add_argument(
        "--import-before",
        type=Path,
        help="a fedlearn source tree to run pull + import with too, on a second clone",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="nodes: rounds of 10 nodes changed, pulled, imported"
    )
    parser.add_argument("--parts", default="idle,full,git,nodes")
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    parts = args.parts.split(",")
    report: list[str] = []
    if "idle" in parts:
        report += show(bench_idle(args.workdir, args.big))
    if "full" in parts:
        report += show(bench_full(args.workdir, args.full_mb, args.full_before))
    if "git" in parts:
        report += show(bench_git(args.workdir, args.days, args.history, args.per_day))
    if "nodes" in parts:
        counts = [int(n) for n in args.nodes.split(",")]
        report += show(
            bench_nodes(
                args.workdir,
                counts,
                args.per_node,
                args.status_before,
                args.import_before,
                args.rounds,
            )
        )


def show(lines: list[str]) -> list[str]:
    """Print ``lines`` now (a long run shows each part as it ends); return them."""
    print("\n".join(lines), flush=True)
    return lines


if __name__ == "__main__":
    main()
