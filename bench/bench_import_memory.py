"""Benchmark the memory of fedlearn import at two snapshot sizes, in one run.

    PYTHONPATH=. python bench/bench_import_memory.py [--sizes 20000 200000] [--payload-bytes 1500]
        [--dimension 768] [--workdir /tmp/fedlearn-bench-import-memory]

For each size, writes another node's snapshot of that many points (half integer ids, half UUIDs;
payloads of about ``--payload-bytes`` as ``bench_export.py`` makes them) with its manifest into a
federation repo, then imports it in a fresh process with ``jobs.import_.execute`` as the job does:
verification, the pattern files (none), the hash embedder at ``--dimension``, owners looked up,
batches of 100 upserted with ``wait=True``, the count checked.

Qdrant is a stand-in server in another process (``--serve``: the REST calls import makes, keeping
each point's id and owner but no vectors), so, as with a Qdrant server and unlike the embedded
store, the points written are not kept in the measured process. What is measured is the process's
peak RSS (VmHWM) over the import, from a restarted peak before it: the target is that it does not
grow with the snapshot, so the ratio of the two sizes' peaks is about 1.

The hash embedder caches the slot of every word it has seen, up to a million (``CACHE_LIMIT``),
which grows with the snapshot's distinct words whatever import does (about 74 MB more at 200,000
of these points than at 20,000); an embedding server keeps no such cache in this process. The
measured process caps it at 4,096 words (``--embedder-cache``) so that the peak is import's.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import bench_export

COLLECTION = "skills-patterns"
SOURCE = "alpha"


def write_snapshot(repo: Path, count: int, payload_bytes: int, dimension: int) -> Path:
    """Write node ``alpha``'s snapshot of ``count`` points and its manifest; return the snapshot."""
    from fedlearn.formats import layout, records
    from fedlearn.vectors import snapshot

    randomized = random.Random(count)
    ids: list[int | str] = [randomized.getrandbits(63) for _ in range(count // 2)]
    ids += [str(uuid.UUID(int=randomized.getrandbits(128))) for _ in range(count - len(ids))]
    ids.sort(key=lambda i: (0, i, "") if isinstance(i, int) else (1, 0, i))
    texts = bench_export.paragraphs(64, payload_bytes)
    path = layout.collection_snapshot(repo, COLLECTION, SOURCE, "20260101T000000Z")
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        encoder = snapshot.Encoder(handle.write)
        for index, point_id in enumerate(ids):
            encoder.add(records.Point(id=point_id, payload=bench_export.payload(texts, index)))
    made = snapshot.manifest(
        COLLECTION,
        SOURCE,
        encoder.content(),
        created_at="2026-01-01T00:00:00Z",
        truncated=False,
        vectors=records.VectorConfig(size=dimension, distance="Cosine"),
        embedding=records.EmbeddingInfo(model="hash", text_fields=["description"]),
    )
    layout.manifest_of(path).write_bytes(records.encode_line(made))
    return path


# --- the stand-in Qdrant server (its own process) ---


class Collections:
    """What the stand-in server keeps: per collection, its vector params and each id's owner."""

    def __init__(self) -> None:
        self.params: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, dict[int | str, str | None]] = {}


def info(params: dict[str, Any], points: int) -> dict[str, Any]:
    """Return a collection's info as Qdrant's REST API answers it."""
    return {
        "status": "green",
        "optimizer_status": "ok",
        "points_count": points,
        "segments_count": 1,
        "config": {
            "params": {"vectors": params},
            "hnsw_config": {"m": 16, "ef_construct": 100, "full_scan_threshold": 10000},
            "optimizer_config": {"default_segment_number": 0, "flush_interval_sec": 5},
        },
        "payload_schema": {},
    }


def handler(kept: Collections) -> type[BaseHTTPRequestHandler]:
    """Return a handler of the REST calls import makes: exists, info, create, retrieve, upsert, count."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Stay quiet."""

        def parts(self) -> tuple[str, str]:
            path = self.path.split("?")[0].strip("/").split("/")
            return path[1], "/".join(path[2:])

        def body(self) -> Any:
            return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")

        def do_GET(self) -> None:
            name, rest = self.parts()
            if rest == "exists":
                self.answer({"exists": name in kept.params})
            elif name in kept.params:
                self.answer(info(kept.params[name], len(kept.owners[name])))
            else:
                self.answer(None, status=404)

        def do_PUT(self) -> None:
            name, rest = self.parts()
            body = self.body()
            if rest == "":
                kept.params[name], kept.owners[name] = body["vectors"], {}
                self.answer(True)
                return
            batch, owners = body["batch"], kept.owners[name]
            for point_id, payload in zip(batch["ids"], batch["payloads"], strict=True):
                owners[point_id] = (payload or {}).get("fedlearn_node")
            self.answer({"operation_id": 0, "status": "completed"})

        def do_POST(self) -> None:
            name, rest = self.parts()
            body, owners = self.body(), kept.owners.get(name, {})
            if rest == "points/count":
                self.answer({"count": len(owners)})
                return
            found = [i for i in body["ids"] if i in owners]
            with_payload = body.get("with_payload") not in (None, False)
            self.answer(
                [
                    {"id": i, "payload": {"fedlearn_node": owners[i]} if with_payload else None}
                    for i in found
                ]
            )

        def answer(self, result: Any, status: int = 200) -> None:
            document = {"result": result, "status": "ok", "time": 0.0}
            data = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def serve() -> None:
    """Run the stand-in Qdrant server on a free local port; print the port, serve until killed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(Collections()))
    print(server.server_address[1], flush=True)
    server.serve_forever()


# --- the measured process ---


def child(config_file: Path, embedder_cache: int) -> None:
    """
    Measure one import in this fresh process; print one JSON line of facts, sizes in bytes.

    ``base`` is the process before the import (interpreter, imports, a warmed embedder), ``import``
    the peak over it of the whole import.
    """
    from fedlearn import config
    from fedlearn.jobs import import_
    from fedlearn.vectors import embed

    embed.HashEmbedder.CACHE_LIMIT = embedder_cache
    cfg = config.load(config_file, required=True)
    embed.HashEmbedder(cfg.embedding.dimension).embed(bench_export.paragraphs(100, 1500))
    base = bench_export.restart_peak()
    began = time.perf_counter()
    summary = import_.execute(cfg, full=True)
    seconds = time.perf_counter() - began
    added = bench_export.peak() - base
    if summary.exit_code:
        raise SystemExit(f"import failed: {summary.lines}")
    facts = {
        "imported": summary.result.imported,
        "import_seconds": seconds,
        "base": base,
        "import": added,
        "fedlearn": import_.__file__,
    }
    print(json.dumps(facts))


def measure(
    work: Path, count: int, payload_bytes: int, dimension: int, embedder_cache: int
) -> dict[str, Any]:
    """Write a snapshot of ``count`` points under ``work`` and import it in a fresh process."""
    root = work / str(count)
    shutil.rmtree(root, ignore_errors=True)
    began = time.perf_counter()
    path = write_snapshot(root / "repo", count, payload_bytes, dimension)
    written = time.perf_counter() - began
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        config_file = root / "config.toml"
        config_file.write_text(
            f'node_id = "bench"\nrepo = "{root / "repo"}"\nstate_dir = "{root / "state"}"\n'
            f'[qdrant]\nurl = "http://127.0.0.1:{port}"\ncollections = ["{COLLECTION}"]\n'
            f"[embedding]\ndimension = {dimension}\n"
        )
        command = [sys.executable, __file__, "--child", str(config_file)]
        process = subprocess.run(
            [*command, "--embedder-cache", str(embedder_cache)],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait()
    facts: dict[str, Any] = json.loads(process.stdout.splitlines()[-1])
    size = path.stat().st_size
    return facts | {"count": count, "snapshot_bytes": size, "write_seconds": written}


def report(results: list[dict[str, Any]]) -> None:
    """Print one line per size, then the ratio of the peaks and a verdict."""
    megabytes = bench_export.megabytes
    print(f"fedlearn from {results[0]['fedlearn']}")
    for item in results:
        print(
            f"{item['count']:>9,} points ({megabytes(item['snapshot_bytes'])} snapshot, written in "
            f"{item['write_seconds']:.0f} s, imported in {item['import_seconds']:.1f} s): process "
            f"{megabytes(item['base'])} + import {megabytes(item['import'])}; peak RSS "
            f"{megabytes(item['base'] + item['import'])}"
        )
    small, large = results[0], results[-1]
    ratio = (large["base"] + large["import"]) / (small["base"] + small["import"])
    verdict = "met" if ratio <= 1.1 else "missed"
    print(
        f"peak RSS, {large['count']:,} / {small['count']:,} points: {ratio:.3f}x "
        f"(target ~1, at most 1.1: {verdict}); import's added peak "
        f"{megabytes(large['import'])} against {megabytes(small['import'])}"
    )


def main() -> None:
    """Run the benchmark (or, with ``--serve`` / ``--child``, the server or one measured import)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[20_000, 200_000])
    parser.add_argument("--payload-bytes", type=int, default=1500)
    parser.add_argument("--dimension", type=int, default=768)
    parser.add_argument("--embedder-cache", type=int, default=4096)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench-import-memory"))
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.child:
        child(args.child, args.embedder_cache)
        return
    results = [
        measure(args.workdir, count, args.payload_bytes, args.dimension, args.embedder_cache)
        for count in args.sizes
    ]
    report(results)


if __name__ == "__main__":
    main()
