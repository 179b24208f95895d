"""Benchmark the memory of fedlearn export at two collection sizes, in one run.

    PYTHONPATH=. python bench/bench_export.py [--sizes 20000 200000] [--payload-bytes 1500]
        [--workdir /tmp/fedlearn-bench-export]

For each size, seeds an embedded Qdrant store (``QdrantClient(path=…)``, as ``qdrant.url = ""``
uses) with that many points: half integer ids, half UUIDs, inserted in random order, payloads of
about ``--payload-bytes`` of realistic text with an e-mail address, a home path and now and then a
token to redact. Then, in a fresh process per size, opens the store, scrolls three pages (the
store's own per-page cost), and exports the collection with ``jobs.export.export`` as the job does.

The embedded store holds every point in memory (qdrant-client's local mode), so the process's peak
RSS grows with the collection whatever export does. What export adds is its peak RSS (VmHWM) after
the export less the peak before it, with the store loaded and scrolled: the target is that this does
not grow with the collection, so the ratio of the two sizes' increases is about 1.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import random
import shutil
import subprocess
import sys
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

COLLECTION = "skills-patterns"
WORDS = [
    *["qdrant", "nixos", "flake", "module", "service", "systemd", "restart", "journal", "vector"],
    *["embedding", "payload", "collection", "snapshot", "rebuild", "switch", "generation", "store"],
    *["derivation", "overlay", "option", "enable", "port", "firewall", "ollama", "model", "cache"],
]


def paragraphs(count: int, size: int, seed: int = 1) -> list[str]:
    """Return ``count`` texts of about ``size`` characters with things the anonymizer redacts."""
    randomized = random.Random(seed)
    made = []
    for index in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < size - 120:
            words.append(randomized.choice(WORDS))
        secret = f" token ghp_{'a1' * 18}" if index % 8 == 0 else ""
        made.append(
            " ".join(words) + f". Ask ops{index}@example.org; logs in /home/alice/p{index}.{secret}"
        )
    return made


def payload(texts: list[str], index: int) -> dict[str, Any]:
    """Return the payload of point ``index``: a description, a name, tags and usage counts."""
    return {
        "description": f"{texts[index % len(texts)]} (case {index})",
        "skill_name": f"skill-{index % 500}",
        "tags": ["nix", f"t{index % 37}"],
        "usage": {"count": index % 17, "last_used": "2026-01-02T03:04:05Z"},
        "value_score": round((index % 100) / 100, 2),
    }


def seed(folder: Path, count: int, payload_bytes: int) -> float:
    """Write ``count`` points into a fresh embedded store in ``folder``; return the seconds."""
    from qdrant_client import QdrantClient, models

    began = time.perf_counter()
    randomized = random.Random(count)
    ids: list[int | str] = [randomized.getrandbits(63) for _ in range(count // 2)]
    ids += [str(uuid.UUID(int=randomized.getrandbits(128))) for _ in range(count - len(ids))]
    randomized.shuffle(ids)
    texts = paragraphs(64, payload_bytes)
    client = QdrantClient(path=str(folder))
    params = models.VectorParams(size=4, distance=models.Distance.COSINE)
    client.create_collection(COLLECTION, vectors_config=params)
    # Seeding speed only: no fsync per point (qdrant-client's local storage is SQLite).
    client._client.collections[COLLECTION].storage.storage.execute("PRAGMA synchronous=OFF")  # type: ignore[attr-defined]
    for start in range(0, count, 1000):
        batch = ids[start : start + 1000]
        points = models.Batch(
            ids=batch,
            vectors=[[1.0, 0.0, 0.0, 0.0]] * len(batch),
            payloads=[payload(texts, start + offset) for offset in range(len(batch))],
        )
        client.upsert(COLLECTION, points)
    client.close()
    return time.perf_counter() - began


def resident() -> int:
    """Return this process's resident set now (VmRSS), in bytes."""
    return status("VmRSS")


def peak() -> int:
    """Return this process's peak resident set since the last ``restart_peak`` (VmHWM), in bytes."""
    return status("VmHWM")


def status(field: str) -> int:
    """Return one ``kB`` field of /proc/self/status in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == field:
            return int(value.split()[0]) * 1024
    raise LookupError(field)


def restart_peak() -> int:
    """Give freed memory back to the system, restart the peak at the resident set; return it."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to VmRSS (Linux >= 4.0)
    return resident()


def child(config_file: Path) -> None:
    """
    Measure one export in this fresh process; print one JSON line of facts, sizes in bytes.

    Each peak counts from a restarted peak after memory was given back: ``base`` is the process
    before the store opens (interpreter, imports, a warmed anonymizer), ``store_data`` what opening
    the embedded store adds (its copy of the collection), ``store_page`` the peak over that of three
    bare pages of scroll (the store sorts every id of the collection for each page), ``export`` the
    peak over it of the whole export.
    """
    from fedlearn import anonymize, config
    from fedlearn.jobs import export
    from fedlearn.store import state
    from fedlearn.vectors import qdrant

    cfg = config.load(config_file, required=True)
    store = state.StateDir(cfg.state_path)
    anonymizer = anonymize.Anonymizer(cfg.anonymize)
    # Built once per run whatever the collection: the rule tables and the re2 prefilter.
    anonymizer.anonymize_value({"warm": paragraphs(256, 1500)})
    base = restart_peak()
    began = time.perf_counter()
    with qdrant.connect(cfg.qdrant, cfg.state_path) as live:
        loaded_in = time.perf_counter() - began
        loaded = restart_peak()
        offset = None
        for _ in range(3):
            _, offset = live.client.scroll(
                COLLECTION, limit=export.EMBEDDED_PAGE_SIZE, offset=offset
            )
        store_page = peak() - loaded
        loaded = restart_peak()
        began = time.perf_counter()
        done = export.export(cfg, live, anonymizer, store, COLLECTION, False)
        seconds = time.perf_counter() - began
        exported = peak() - loaded
    facts = {
        "points": done.points,
        "load_seconds": loaded_in,
        "export_seconds": seconds,
        "base": base,
        "store_data": loaded - base,
        "store_page": store_page,
        "export": exported,
        "snapshot_bytes": (cfg.repo_path / done.snapshot).stat().st_size,
        "fedlearn": export.__file__,
    }
    print(json.dumps(facts))


def measure(work: Path, count: int, payload_bytes: int) -> dict[str, Any]:
    """Seed a store of ``count`` points under ``work`` and export it in a fresh process."""
    root = work / str(count)
    shutil.rmtree(root, ignore_errors=True)
    (root / "repo").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root / "repo")], check=True)  # jobs need a work tree
    seconds = seed(root / "state" / "qdrant", count, payload_bytes)
    config_file = root / "config.toml"
    config_file.write_text(
        f'node_id = "bench"\nrepo = "{root / "repo"}"\nstate_dir = "{root / "state"}"\n'
        f'[qdrant]\ncollections = ["{COLLECTION}"]\n'
    )
    process = subprocess.run(
        [sys.executable, __file__, "--child", str(config_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    facts: dict[str, Any] = json.loads(process.stdout.splitlines()[-1])
    return facts | {"seed_seconds": seconds, "count": count}


def megabytes(value: float) -> str:
    """Return ``value`` bytes in MB with one decimal."""
    return f"{value / 1e6:.1f} MB"


def report(results: list[dict[str, Any]]) -> None:
    """Print one line per size, then how the export's peak grew with the collection, and a verdict."""
    print(f"fedlearn from {results[0]['fedlearn']}")
    for item in results:
        print(
            f"{item['count']:>9,} points ({megabytes(item['snapshot_bytes'])} snapshot, seeded in "
            f"{item['seed_seconds']:.0f} s, exported in {item['export_seconds']:.1f} s): "
            f"process {megabytes(item['base'])} + embedded store's data "
            f"{megabytes(item['store_data'])} (loaded in {item['load_seconds']:.1f} s) + export "
            f"{megabytes(item['export'])} (of which the store's own page "
            f"{megabytes(item['store_page'])}); peak RSS {megabytes(whole(item))}, without the "
            f"store's data {megabytes(job(item))}"
        )
    small, large = results[0], results[-1]
    scale = large["count"] / small["count"]
    print(
        f"collection {scale:.0f}x larger: peak RSS {whole(large) / whole(small):.2f}x (the "
        f"embedded store's data); export's added peak {megabytes(large['export'])} against "
        f"{megabytes(small['export'])}"
    )
    ratio = job(large) / job(small)
    verdict = "met" if ratio <= 1.1 else "missed"
    print(
        f"peak RSS without the store's data, {large['count']:,} / {small['count']:,} points: "
        f"{ratio:.3f}x (target ~1, at most 1.1: {verdict})"
    )


def whole(item: dict[str, Any]) -> int:
    """Return the export process's peak RSS: the process, the store's data, the export's peak."""
    return int(item["base"] + item["store_data"] + item["export"])


def job(item: dict[str, Any]) -> int:
    """Return the peak RSS less the embedded store's data (a Qdrant server keeps it elsewhere)."""
    return int(item["base"] + item["export"])


def main() -> None:
    """Run the benchmark (or, with ``--child``, one measured export)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[20_000, 200_000])
    parser.add_argument("--payload-bytes", type=int, default=1500)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench-export"))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="Local mode is not recommended")
    if args.child:
        child(args.child)
        return
    results = [measure(args.workdir, count, args.payload_bytes) for count in args.sizes]
    report(results)


if __name__ == "__main__":
    main()
