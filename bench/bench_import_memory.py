"""Benchmark the memory of fedlearn import at two snapshot sizes, in one run.

    PYTHONPATH=. python bench/bench_import_memory.py [--sizes 20000 200000] [--payload-bytes 1500]
        [--dimension 768] [--workdir /tmp/fedlearn-bench-import-memory]
        [--patterns 2000 --nodes 10 50 [--pattern-bytes 600]] [--baseline OLD_TREE]

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

With ``--patterns PER_NODE`` (issue 20), the repo holds no snapshot but ``--nodes`` (two counts,
e.g. ``10 50``) nodes' pattern files in the sharded layout, ``PER_NODE`` patterns each across
the three categories (texts of about ``--pattern-bytes``, a tenth of each node's shared with the
next node), and the full import reads them all: its patterns' memory follows the nodes (the merged
view of every category, held whole) or one shard of them (read a shard at a time). With
``--baseline TREE`` (another checkout of fedlearn), every import also runs with that tree first on
``PYTHONPATH``: the old and new code side by side on the same repos.

The hash embedder caches the slot of every word it has seen, up to a million (``CACHE_LIMIT``),
which grows with the snapshot's distinct words whatever import does (about 74 MB more at 200,000
of these points than at 20,000); an embedding server keeps no such cache in this process. The
measured process caps it at 4,096 words (``--embedder-cache``) so that the peak is import's.
"""

from __future__ import annotations

import argparse
import json
import os
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


def write_patterns(repo: Path, nodes: int, per_node: int, text_bytes: int) -> int:
    """
    Write ``nodes`` nodes' sharded pattern files, ``per_node`` patterns each over the three
    categories, a tenth of each node's also held by the next node; return the bytes written.
    """
    from fedlearn import config
    from fedlearn.formats import layout
    from fedlearn.learn import patterns

    texts = bench_export.paragraphs(64, text_bytes)
    written = 0
    for number in range(nodes):
        node = f"node{number:04d}"
        by_file: dict[tuple[str, str], list[Any]] = {}
        for index in range(per_node):
            owner = number - 1 if index < per_node // 10 and number else number
            category = config.CATEGORIES[index % len(config.CATEGORIES)]
            fields = {"title": f"pattern {owner}-{index}", "body": texts[index % len(texts)]}
            made = patterns.build(category, fields, 0.8, "2026-01-01T00:00:00Z", node)
            by_file.setdefault((category, layout.shard_name(made.id)), []).append(made)
        for (category, shard), found in by_file.items():
            path = layout.shard_file(repo, category, node, shard)
            path.parent.mkdir(parents=True, exist_ok=True)
            data = patterns.encode(patterns.join_all(found))
            path.write_bytes(data)
            written += len(data)
    return written


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
    """Return a handler of the REST calls import makes: exists, info, aliases, create, retrieve, upsert,
    count."""

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
            if self.path.split("?")[0].strip("/") == "aliases":  # import reads a name's alias
                self.answer({"aliases": []})
                return
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
    work: Path,
    count: int,
    payload_bytes: int,
    dimension: int,
    embedder_cache: int,
    trees: list[Path | None] | None = None,
    patterns: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    """
    Write a snapshot of ``count`` points under ``work`` (or, with ``patterns`` (per node, text
    bytes), ``count`` nodes' pattern files) and import it in a fresh process with each of
    ``trees`` first on ``PYTHONPATH`` (None: this one); return the facts of each.
    """
    root = work / str(count)
    shutil.rmtree(root, ignore_errors=True)
    began = time.perf_counter()
    if patterns is None:
        size = write_snapshot(root / "repo", count, payload_bytes, dimension).stat().st_size
        collections = f'"{COLLECTION}"'
    else:
        size = write_patterns(root / "repo", count, *patterns)
        collections = ""
    written = time.perf_counter() - began
    return [
        run(root, collections, dimension, embedder_cache, tree)
        | {"count": count, "snapshot_bytes": size, "write_seconds": written}
        for tree in trees or [None]
    ]


def run(
    root: Path, collections: str, dimension: int, embedder_cache: int, tree: Path | None
) -> dict[str, Any]:
    """Import the repo under ``root`` in a fresh process (``tree`` first on its path when given)."""
    shutil.rmtree(root / "state", ignore_errors=True)
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        config_file = root / "config.toml"
        config_file.write_text(
            f'node_id = "bench"\nrepo = "{root / "repo"}"\nstate_dir = "{root / "state"}"\n'
            f'[qdrant]\nurl = "http://127.0.0.1:{port}"\ncollections = [{collections}]\n'
            f"[embedding]\ndimension = {dimension}\n"
        )
        command = [sys.executable, __file__, "--child", str(config_file)]
        env = dict(os.environ)
        if tree is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(tree), env.get("PYTHONPATH", "")])
        process = subprocess.run(
            [*command, "--embedder-cache", str(embedder_cache)],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
    finally:
        server.terminate()
        server.wait()
    if process.returncode:
        raise SystemExit(f"the import failed ({tree or 'this tree'}):\n{process.stderr[-3000:]}")
    facts: dict[str, Any] = json.loads(process.stdout.splitlines()[-1])
    return facts


def report(results: list[dict[str, Any]], unit: str = "points") -> None:
    """Print one line per size, then the ratio of the peaks and a verdict."""
    megabytes = bench_export.megabytes
    print(f"fedlearn from {results[0]['fedlearn']}")
    for item in results:
        print(
            f"{item['count']:>9,} {unit} ({megabytes(item['snapshot_bytes'])} written in "
            f"{item['write_seconds']:.0f} s, {item['imported']:,} points imported in "
            f"{item['import_seconds']:.1f} s): process "
            f"{megabytes(item['base'])} + import {megabytes(item['import'])}; peak RSS "
            f"{megabytes(item['base'] + item['import'])}"
        )
    small, large = results[0], results[-1]
    ratio = (large["base"] + large["import"]) / (small["base"] + small["import"])
    verdict = "met" if ratio <= 1.1 else "missed"
    print(
        f"peak RSS, {large['count']:,} / {small['count']:,} {unit}: {ratio:.3f}x "
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
    parser.add_argument("--patterns", type=int, metavar="PER_NODE", help="patterns, not a snapshot")
    parser.add_argument("--nodes", type=int, nargs=2, default=[10, 50])
    parser.add_argument("--pattern-bytes", type=int, default=600)
    parser.add_argument("--baseline", type=Path, help="another fedlearn tree, run side by side")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.child:
        child(args.child, args.embedder_cache)
        return
    trees: list[Path | None] = [args.baseline.resolve(), None] if args.baseline else [None]
    shape = None if args.patterns is None else (args.patterns, args.pattern_bytes)
    counts = args.sizes if shape is None else args.nodes
    results = [
        measure(
            args.workdir,
            count,
            args.payload_bytes,
            args.dimension,
            args.embedder_cache,
            trees,
            shape,
        )
        for count in counts
    ]
    unit = "points" if shape is None else f"nodes x {args.patterns:,} patterns"
    for index in range(len(trees)):
        report([facts[index] for facts in results], unit)


if __name__ == "__main__":
    main()
