"""Benchmark fedlearn publish and pull on real git: first, incremental and idle publish; racing nodes.

    python bench/bench_publish.py [--patterns 10000] [--nodes 5] [--workdir /tmp/fedlearn-bench-git]

One bare remote and one clone per node, as the e2e tests build them. Node 1 gets ``--patterns``
patterns (as sync writes them) and a fine-tuning dataset with one snapshot, then publishes (the
secret scan reads every line); then 1% more patterns; then nothing. Finally every node writes its
own patterns and all publish at the same moment; the script reports wall time, push attempts and
whether every node's merged view is identical after a pull.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from fedlearn import config, sample
from fedlearn.formats import layout
from fedlearn.learn import merge, patterns
from fedlearn.store import atomic

ROOT = Path(__file__).resolve().parent.parent


def git(cwd: Path, *args: str) -> str:
    """Run git quietly in ``cwd``; return stdout."""
    return subprocess.run(
        ["git", "-C", str(cwd), *args], capture_output=True, text=True, check=True
    ).stdout


def make_node(work: Path, remote: Path, name: str) -> Path:
    """Clone the remote for ``name`` and write its config; return the config file."""
    root = work / name
    subprocess.run(
        ["git", "clone", "-q", str(remote), str(root / "repo")], check=True, capture_output=True
    )
    (root / "config.toml").write_text(
        f'node_id = "{name}"\nrepo = "{root / "repo"}"\nstate_dir = "{root / "state"}"\n'
        '[publish]\nauthor = "bench <bench@fedlearn.invalid>"\n[pull]\nimport_after = false\n'
    )
    return root / "config.toml"


def learn(repo: Path, node: str, start: int, count: int) -> None:
    """Add patterns ``start`` … ``start + count`` to ``node``'s own files, as sync writes them."""
    for category in config.CATEGORIES:
        path = layout.pattern_file(repo, category, node)
        table = patterns.join_all(patterns.read(path))
        for number in range(start, start + count):
            fields = {"error_message": f"error {number} in {category}", "solution": f"fix {number}"}
            pattern = patterns.build(category, fields, 0.9, "2026-01-02T03:04:05Z", node)
            table[pattern.id] = pattern
        atomic.write(path, patterns.encode(table))


def fedlearn(config_file: Path, *args: str) -> tuple[float, dict[str, object]]:
    """Run one fedlearn command; return its seconds and JSON answer."""
    began = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "fedlearn", *args, "--json", "-q", "--config", str(config_file)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - began, json.loads(process.stdout)


def race(configs: list[Path]) -> tuple[float, list[int]]:
    """Publish every node at the same moment; return the wall time and each node's attempts."""
    began = time.perf_counter()
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "fedlearn", "publish", "--json", "-q", "--config", str(c)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for c in configs
    ]
    answers = [json.loads(p.communicate()[0]) for p in running]
    assert all(p.returncode == 0 for p in running)
    return time.perf_counter() - began, [int(a.get("attempts", 0)) for a in answers]


def main() -> None:
    """Run the benchmark and print one line per measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patterns", type=int, default=10_000)
    parser.add_argument("--nodes", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench-git"))
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    remote = args.workdir / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    configs = [make_node(args.workdir, remote, f"node{i}") for i in range(1, args.nodes + 1)]
    first = args.workdir / "node1" / "repo"
    per_category = args.patterns // len(config.CATEGORIES)
    learn(first, "node1", 0, per_category)
    chats = b"".join(json.dumps(c).encode() + b"\n" for c in sample.chat_records(5000, seed=1))
    atomic.write(layout.fine_tuning_file(first, "node1"), chats)
    atomic.write(layout.fine_tuning_snapshot_dir(first, "node1") / "20260101T000000Z.jsonl", chats)
    size = sum(p.stat().st_size for p in (first / "data").rglob("*") if p.is_file())
    seconds, _ = fedlearn(configs[0], "publish")
    print(
        f"first publish: {args.patterns} patterns + {len(chats) >> 20} MB fine-tuning x2, {size >> 20} MB: {seconds:.2f} s"
    )
    learn(first, "node1", per_category, per_category // 100)
    seconds, answer = fedlearn(configs[0], "publish")
    print(f"incremental publish: {answer['message']}: {seconds:.2f} s")
    seconds, answer = fedlearn(configs[0], "publish")
    print(f"idle publish ({answer['state']}): {seconds:.2f} s")
    for index, config_file in enumerate(configs[1:], start=2):
        learn(config_file.parent / "repo", f"node{index}", 0, 1000 // len(config.CATEGORIES))
    seconds, attempts = race(configs[1:])
    print(f"{len(configs) - 1} nodes publish at once: {seconds:.2f} s wall, attempts {attempts}")
    views = set()
    for config_file in configs:
        fedlearn(config_file, "pull")
        view = merge.merged_view(config_file.parent / "repo", config.CATEGORIES)
        views.add(json.dumps({c: sorted(t) for c, t in view.items()}))
    print(
        f"after one pull each: {len(views)} distinct merged view(s), {git(remote, 'rev-list', '--count', 'main').strip()} commits"
    )


if __name__ == "__main__":
    main()
