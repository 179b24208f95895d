"""Benchmark the peak memory of jobs reading a hostile peer's files under many node names.

    PYTHONPATH=. python bench/bench_peer_memory.py [--before TREE] [--scenarios retractions:1,...]
        [--workdir /tmp/fedlearn-peer-memory]

Issue 15 ("bounded everything"): the size caps bound one file, not what a job holds across files.
Each scenario is a real bare remote, this node (a clone that learned 3 patterns and published
them) and the peer (a plain clone that pushes anything): ``retractions:N`` pushes N retraction
files at their size cap (16 MiB of well-formed tombstones) under invented node names,
``patterns:N`` N old-layout pattern files at their cap (64 MiB of verified records). This node
then runs the installed command's ``pull --no-import``, ``sync`` (with one new event, so it reads
the retractions), ``status`` and ``import`` (not for ``patterns``: it would embed every record),
each in a fresh process whose peak RSS (``wait4``'s ``ru_maxrss``) is printed, with the same
jobs' before the push as the floor.

With ``--before TREE`` (a checkout of an older fedlearn), a second clone of the same remote runs
the same jobs with that tree's code (``PYTHONPATH``), side by side, and the ratio is printed.
Mind the old code's memory: at ~160 MB (status) to ~240 MB (import) per retractions file and
~350 MB per pattern file, ``retractions:50`` took it past 7 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fedlearn.formats import records
from fedlearn.learn import patterns
from fedlearn.store import peer_files

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "fedlearn"]


def git(cwd: Path, *args: str) -> None:
    """Run git quietly in ``cwd``; raise on failure."""
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True)


def clone(remote: Path, path: Path) -> Path:
    """Clone ``remote`` at ``path`` with a local identity."""
    subprocess.run(["git", "clone", "-q", str(remote), str(path)], check=True, capture_output=True)
    git(path, "config", "user.email", "bench@example.invalid")
    git(path, "config", "user.name", "bench")
    return path


def node_config(root: Path, repo: Path) -> Path:
    """Write this node's config under ``root``; return it."""
    (root / "runtime").mkdir(parents=True, exist_ok=True)
    config = root / "config.toml"
    config.write_text(
        f'node_id = "alpha"\nrepo = "{repo}"\nstate_dir = "{root / "state"}"\n'
        f'[sync]\ntelemetry = ["{root / "runtime" / "events.jsonl"}"]\n'
        f'fine_tuning = "{root / "runtime" / "dataset.jsonl"}"\n'
        "[embedding]\ndimension = 64\n[qdrant]\nretry_attempts = 1\n"
    )
    return config


def feed(config: Path, text: str) -> None:
    """Append one high-value event to the node's runtime telemetry."""
    event = {"value_score": 0.9, "error_message": f"error {text}", "solution": f"fix {text}"}
    with (config.parent / "runtime" / "events.jsonl").open("a") as handle:
        handle.write(json.dumps(event) + "\n")


def peak_mib(config: Path, tree: Path, *job: str) -> float:
    """
    Run ``job`` with ``tree``'s code; it must exit 0; return its peak RSS (MiB).

    The job runs under a fresh wrapper, and its peak is the wrapper's children's: Linux keeps a
    process's peak across ``exec``, so a job forked straight from this process (which holds the
    peer's files it wrote) would start at this process's size.
    """
    command = [*COMMAND, *job, "--config", str(config)]
    wrapper = (
        "import resource, subprocess, sys\n"
        f"done = subprocess.run({command!r}, capture_output=True)\n"
        "sys.stderr.buffer.write(done.stderr[-2000:])\n"
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run(
        [sys.executable, "-c", wrapper],
        env=env,
        cwd=config.parent,  # not a source tree: ``-m`` puts the working folder first on the path
        capture_output=True,
        text=True,
        check=False,
    )
    code, kib = done.stdout.split()
    if done.returncode != 0 or code != "0":
        raise SystemExit(f"{' '.join(job)} exited {code}: {done.stderr}")
    return int(kib) / 1024


def filled(make: Callable[[int], bytes], cap: int) -> bytes:
    """Return the lines ``make`` gives for 0, 1, 2, ... as long as they fit in ``cap`` bytes."""
    lines, size, number = [], 0, 0
    while True:
        line = make(number)
        if size + len(line) > cap:
            return b"".join(lines)
        lines.append(line)
        size += len(line)
        number += 1


def tombstones(seed: int) -> bytes:
    """Return a retractions file at its cap: well-formed tombstones of made-up ids."""
    return filled(
        lambda n: records.encode_line(
            records.Retraction(
                id=f"{seed:08x}{n:024x}", retracted_at="2026-01-01T00:00:00Z", reason=""
            )
        ),
        peer_files.CAPS["retractions"],
    )


def pattern_file(node: str) -> bytes:
    """Return an old-layout pattern file at its cap: verified records of ``node``."""
    return filled(
        lambda n: records.encode_line(
            patterns.build(
                "error-solutions",
                {"error_message": f"error {node} {n} on disk", "solution": f"fix {node} {n}"},
                0.9,
                "2026-01-01T00:00:00Z",
                node,
            )
        ),
        peer_files.CAPS["patterns"],
    )


def scenario(workdir: Path, kind: str, count: int, trees: dict[str, Path]) -> None:
    """Run one scenario and print its table."""
    if workdir.exists():
        shutil.rmtree(workdir)
    remote = workdir / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    seed = clone(remote, workdir / "seed")
    (seed / "README.md").write_text("federation\n")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "initial")
    git(seed, "push", "-q", "origin", "HEAD:main")
    configs = {}
    for index, (label, tree) in enumerate(trees.items()):
        root = workdir / label
        configs[label] = node_config(root, clone(remote, root / "repo"))
        if index == 0:
            feed(configs[label], "first")
            for job in (("sync",), ("publish",)):
                peak_mib(configs[label], tree, *job)
    for label, tree in trees.items():
        peak_mib(configs[label], tree, "pull", "--no-import")
    jobs = [("pull", "--no-import"), ("sync",), ("status",)]
    jobs += [("import",)] if kind == "retractions" else []
    floor = {
        label: {job: peak_mib(configs[label], tree, *job) for job in jobs[2:]}
        for label, tree in trees.items()
    }
    peer = clone(remote, workdir / "peer")
    git(peer, "config", "core.bigFileThreshold", "1m")  # no delta search: a fast push
    started = time.monotonic()
    for number in range(count):
        name = f"m{number:03d}"
        if kind == "retractions":
            path = peer / "data" / "retractions" / f"{name}.jsonl"
            data = tombstones(number)
        else:
            path = peer / "data" / "patterns" / "error-solutions" / f"{name}.jsonl"
            data = pattern_file(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    git(peer, "add", "-A")
    git(peer, "commit", "-q", "-m", "peer")
    git(peer, "push", "-q", "origin", "HEAD:main")
    print(f"\n{kind}:{count} (written and pushed in {time.monotonic() - started:.0f} s)")
    print(f"{'job':<20}" + "".join(f"{label + ' MiB':>14}" for label in trees) + "   ratio")
    for job in jobs:
        found = {}
        for label, tree in trees.items():
            if job == ("sync",):
                feed(configs[label], "second")
            found[label] = peak_mib(configs[label], tree, *job)
        line = f"{' '.join(job):<20}" + "".join(f"{v:>14.0f}" for v in found.values())
        if len(found) == 2:
            before, after = found["before"], found["after"]
            line += f"   {before / after:.1f}x"
        print(line, flush=True)
    print(
        "floor (status, import before the push): "
        + "; ".join(
            f"{label} " + ", ".join(f"{' '.join(j)} {v:.0f}" for j, v in peaks.items())
            for label, peaks in floor.items()
        )
    )


def main() -> None:
    """Parse the arguments and run the scenarios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-peer-memory"))
    parser.add_argument("--before", type=Path, help="an older fedlearn checkout to compare")
    parser.add_argument("--scenarios", default="retractions:1,retractions:10,patterns:2")
    args = parser.parse_args()
    trees = {"after": ROOT}
    if args.before is not None:
        trees = {"before": args.before.resolve(), "after": ROOT}
    for item in args.scenarios.split(","):
        kind, _, count = item.partition(":")
        if kind not in ("retractions", "patterns"):
            raise SystemExit(f"unknown scenario {item!r}")
        scenario(args.workdir, kind, int(count or 1), trees)


if __name__ == "__main__":
    main()
