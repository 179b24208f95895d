"""Benchmark fedlearn sync against the decode limit and the jq pipeline, side by side in one run.

    python bench/bench_sync.py [--events 1000000] [--workdir /tmp/fedlearn-bench]

Generates realistic telemetry (about 5% interactions), then measures on the same file: a full
sync, an incremental sync after appending 1,000 events, an idle rerun, the peak RSS of the sync
process, msgspec ``decode_lines`` of a one-field Struct over the file (the decode limit), and the
shell pipeline the stack's original scripts used (jq ``select`` three times, then ``sort -u``).
Prints the ratios and whether each target holds. Needs ``jq`` on PATH for the last comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import msgspec

from fedlearn import sample

CHUNK = 8 * 1024 * 1024
JQ_SELECTS = (
    "select((.value_score // 0) >= 0.7 and (.error_message or .error_type) and .solution)",
    "select((.value_score // 0) >= 0.7 and (.skill_name or .problem_type or .query))",
    'select((.value_score // 0) >= 0.7 and (.title or .event_type == "best_practice"))',
)


class OneField(msgspec.Struct):
    """The smallest useful decode: one optional field, everything else skipped."""

    value_score: float | None = None


def generate(path: Path, count: int, seed: int) -> None:
    """Write ``count`` sample events to ``path`` (appending)."""
    encoder = msgspec.json.Encoder()
    with path.open("ab") as handle:
        for event in sample.events(count, seed=seed):
            handle.write(encoder.encode(event) + b"\n")


def decode_limit(path: Path) -> float:
    """Return the seconds msgspec takes to read and decode_lines the file with a one-field Struct."""
    decoder = msgspec.json.Decoder(OneField)
    began = time.perf_counter()
    with path.open("rb") as handle:
        carry = b""
        while block := handle.read(CHUNK):
            data = carry + block
            cut = data.rfind(b"\n") + 1
            decoder.decode_lines(data[:cut])
            carry = data[cut:]
    return time.perf_counter() - began


CHILD = """
import sys, time
began = time.perf_counter()
from fedlearn import cli
from fedlearn.jobs import sync
imported = time.perf_counter()
code = cli.main(["sync", "-q", "--config", sys.argv[1]])
print(imported - began, time.perf_counter() - imported, file=sys.stderr)
raise SystemExit(code)
"""


def run_sync(config: Path) -> tuple[float, float, int]:
    """
    Run a sync in a fresh Python process; return (job seconds, process seconds, peak RSS in KiB).

    The job time is ``cli.main(["sync", ...])`` inside the process: interpreter start and imports
    (the interpreter, fedlearn and the sync module: a constant ~0.2 s) are in the process time only.
    """
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - began
    assert process.stderr is not None
    timings = process.stderr.read().split()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"fedlearn sync failed: {' '.join(timings)}")
    return float(timings[-1]), elapsed, usage.ru_maxrss


def jq_pipeline(path: Path) -> float | None:
    """Return the seconds of the original jq pipeline over the file, or None without jq."""
    if shutil.which("jq") is None:
        return None
    selects = " ; ".join(f"jq -c '{expr}' {path}" for expr in JQ_SELECTS)
    began = time.perf_counter()
    subprocess.run(
        ["bash", "-c", f"set -o pipefail; ( {selects} ) | sort -u > /dev/null"], check=True
    )
    return time.perf_counter() - began


def prepare(workdir: Path, events: int) -> tuple[Path, Path]:
    """Create the work folder, the telemetry file and a config; return (telemetry, config)."""
    if workdir.exists():
        shutil.rmtree(workdir)
    (workdir / "repo").mkdir(parents=True)
    telemetry = workdir / "hybrid-events.jsonl"
    generate(telemetry, events, seed=1)
    config = workdir / "config.toml"
    config.write_text(
        f'node_id = "bench"\nrepo = "{workdir / "repo"}"\nstate_dir = "{workdir / "state"}"\n'
        f'[sync]\ntelemetry = ["{telemetry}"]\nfine_tuning = ""\n'
    )
    return telemetry, config


def verdict(ok: bool) -> str:
    """Return the target verdict word."""
    return "meets target" if ok else "MISSES target"


def main() -> None:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench/sync"))
    args = parser.parse_args()
    telemetry, config = prepare(args.workdir, args.events)
    size_mb = telemetry.stat().st_size / 1e6
    limit = min(decode_limit(telemetry) for _ in range(3))
    full, full_process, rss = run_sync(config)
    generate(telemetry, 1000, seed=2)
    incremental, incremental_process, _ = run_sync(config)
    idle, idle_process, _ = run_sync(config)
    jq = jq_pipeline(telemetry)
    print(f"input: {args.events:,} events, {size_mb:.1f} MB ({telemetry})")
    print(
        f"decode limit (msgspec decode_lines, one-field Struct): {limit:.2f} s, {size_mb / limit:.0f} MB/s"
    )
    print(
        f"full sync: job {full:.2f} s ({size_mb / full:.0f} MB/s), process {full_process:.2f} s; job = {limit / full:.2f}x the decode limit's throughput ({verdict(limit / full >= 0.6)} >= 0.6x)"
    )
    print(
        f"incremental sync (+1,000 events): job {incremental:.3f} s = {100 * incremental / full:.1f}% of full ({verdict(incremental <= 0.02 * full)} <= 2%); process {incremental_process:.3f} s = {100 * incremental_process / full_process:.1f}%"
    )
    print(f"idle rerun: job {idle:.3f} s, process {idle_process:.3f} s")
    print(
        f"peak RSS of the full sync process: {rss / 1024:.0f} MB ({verdict(rss / 1024 <= 150)} <= 150 MB)"
    )
    if jq is None:
        print("jq pipeline: skipped (jq not on PATH)")
    else:
        print(
            f"jq pipeline (3 x jq select, sort -u): {jq:.2f} s; the sync process is {jq / full_process:.1f}x faster ({verdict(jq / full_process >= 15)} >= 15x)"
        )


if __name__ == "__main__":
    main()
