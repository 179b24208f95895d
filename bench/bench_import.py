"""Benchmark fedlearn import against qdrant-client's own ``upload_points``, side by side in one run.

    python bench/bench_import.py [--points 100000] [--dimension 768] [--workdir /tmp/fedlearn-bench-import]

Writes ``--points`` patterns (three categories, four nodes' files, committed to a git repository),
then measures in the embedded store (``QdrantClient(path=…)``) with the hash embedder:

- baseline: ``upload_points`` of the same points (ids, payloads, vectors precomputed outside the
  timing) into a fresh store;
- ``fedlearn import`` into another fresh store: reading and joining the files, embedding, checking
  existing ids, upserting in batches, counting;
- a rerun on unchanged data (incremental: git says nothing changed), and a ``--full`` rerun that
  reads every file and skips every point.

Prints the throughputs and whether the targets hold: import >= 0.8x upload_points, rerun <= 5%.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import time
import warnings
from pathlib import Path

from qdrant_client import QdrantClient, models

from fedlearn import config
from fedlearn.formats import layout, records
from fedlearn.formats.results import ImportResult
from fedlearn.jobs import import_
from fedlearn.learn import patterns
from fedlearn.vectors import embed, points

CATEGORIES = ("skills-patterns", "error-solutions", "best-practices")
NODES = ("n1", "n2", "n3", "n4")


def make_patterns(count: int) -> list[records.Pattern]:
    """Return ``count`` distinct patterns spread over the categories, with realistic texts."""
    made = []
    for index in range(count):
        category = CATEGORIES[index % len(CATEGORIES)]
        fields = {
            "error_message": f"service {index % 97} failed: connection refused on port {6000 + index}",
            "solution": f"restart unit {index} with systemctl restart app{index % 13}, then check "
            f"journalctl -u app{index % 13} for the cause (case {index})",
        }
        seen_at = f"2026-01-{1 + index % 28:02d}T00:00:00Z"
        made.append(patterns.build(category, fields, 0.8, seen_at, NODES[index % len(NODES)]))
    return made


def write_repo(repo: Path, made: list[records.Pattern]) -> None:
    """Write the patterns into their nodes' files and commit them, as a pull would bring them."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    for category in CATEGORIES:
        for node in NODES:
            table = {p.id: p for p in made if p.category == category and node in p.seen}
            path = layout.pattern_file(repo, category, node)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(patterns.encode(table))
    git = ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "add", "data"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "bench data"], check=True)


def upload_baseline(store: Path, made: list[records.Pattern], dimension: int) -> float:
    """Return the seconds ``upload_points`` takes for the same points, vectors precomputed."""
    embedder = embed.HashEmbedder(dimension)
    by_category: dict[str, list[models.PointStruct]] = {c: [] for c in CATEGORIES}
    vectors = embedder.embed([p.text for p in made]).tolist()
    for pattern, vector in zip(made, vectors, strict=True):
        point = points.from_pattern(pattern)
        by_category[pattern.category].append(
            models.PointStruct(id=point.id, vector=vector, payload=point.payload)
        )
    client = QdrantClient(path=str(store))
    params = models.VectorParams(size=dimension, distance=models.Distance.COSINE)
    for category in CATEGORIES:
        client.create_collection(category, vectors_config=params)
    began = time.perf_counter()
    for category, batch in by_category.items():
        client.upload_points(category, batch, batch_size=100, wait=True)
    elapsed = time.perf_counter() - began
    client.close()
    return elapsed


def timed_import(cfg: config.Config, *, full: bool = False) -> tuple[float, ImportResult]:
    """Return the seconds one ``fedlearn import`` takes and its result."""
    began = time.perf_counter()
    summary = import_.execute(cfg, full=full)
    elapsed = time.perf_counter() - began
    if summary.exit_code:
        raise SystemExit(f"import failed: {summary.lines}")
    return elapsed, summary.result


def main() -> None:
    """Run the benchmark and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--dimension", type=int, default=768)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench-import"))
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # local mode warns above 20,000 points; that is the point here
    logging.getLogger("fedlearn").setLevel(logging.ERROR)
    shutil.rmtree(args.workdir, ignore_errors=True)
    made = make_patterns(args.points)
    write_repo(args.workdir / "repo", made)
    raw = {
        "node_id": "bench",
        "repo": str(args.workdir / "repo"),
        "state_dir": str(args.workdir / "state"),
        "embedding": {"dimension": args.dimension},
    }
    cfg = config.finalize(config.structure(raw))

    upload = upload_baseline(args.workdir / "baseline-store", made, args.dimension)
    first, facts = timed_import(cfg)
    assert facts.imported == args.points, facts
    rerun, rerun_facts = timed_import(cfg)
    full, full_facts = timed_import(cfg, full=True)
    assert full_facts.skipped == args.points, full_facts

    ratio = upload / first
    print(f"points: {args.points}, dimension: {args.dimension}, embedded store in {args.workdir}")
    print(f"upload_points (baseline): {upload:8.2f} s  {args.points / upload:9.0f} points/s")
    print(f"fedlearn import:          {first:8.2f} s  {args.points / first:9.0f} points/s")
    print(
        f"  throughput vs upload_points: {ratio:.2f}x (target >= 0.8x: {'ok' if ratio >= 0.8 else 'MISSED'})"
    )
    share = rerun / first
    print(
        f"rerun, unchanged data:    {rerun:8.3f} s  = {share:.2%} of the first import "
        f"(target <= 5%: {'ok' if share <= 0.05 else 'MISSED'}; read {rerun_facts.read})"
    )
    print(
        f"rerun --full:             {full:8.2f} s  = {full / first:.2%} (every file read, all skipped)"
    )


if __name__ == "__main__":
    main()
