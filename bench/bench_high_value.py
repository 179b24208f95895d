"""Benchmark anonymizing high-value events: µs per event, a full sync against jq, MB/s against detect-secrets.

Run from the repository root:

    python bench/bench_high_value.py [--events 1000000] [--unique-share 0.033]

Generates telemetry where about ``--unique-share`` of the events are unique high-value events
(error/solution, question/answer, skill and best-practice events whose text never repeats: the
case where every event must be anonymized, and the cost per event shows), the rest the stack's
low-value coordinator events. Then, in this one run:

1. **Per high-value event**, in this process on one core: ``Learner.add`` over every candidate
   (decode, score, categorize, anonymize the pattern's fields, content id, tally), µs per
   high-value event; and the anonymizing alone, each event's fields as one batch
   (``redact_each``, what sync does) next to one ``anonymize`` call per field (what sync did),
   and the same for a whole event's keys and values (the telemetry snapshot's lines).
2. **Full sync** (``fedlearn sync`` in a fresh process, default workers) and the seed's jq
   pipeline (three ``jq select`` passes and ``sort -u``) on the same file, taking turns twice;
   the fastest of each counts.
3. **MB/s** of ``anonymize`` on the event texts of at most 200 bytes and on the longer ones, and
   detect-secrets' default plugins on the same texts (written one per line), with the ratio.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_anonymize as text  # the realistic text generators: questions, answers, tracebacks
import bench_sync

from fedlearn import config, sample
from fedlearn.anonymize import Anonymizer
from fedlearn.learn import learning, telemetry

SHORT = 200  # bytes: a string this long or shorter counts as short
# Share of the unique events with a non-ASCII character in one field, and what it is.
NON_ASCII_SHARE = 0.3
NON_ASCII = [
    " — works now",
    " (l\u2019index est reconstruit)",
    " → done ✓",
    " 🙂",
    " ½ of the time",
    " naïve fix",
]


def unique_event(rng: random.Random, index: int) -> dict[str, Any]:
    """Return a high-value event whose text no other event has."""
    event: dict[str, Any] = {"timestamp": sample.timestamp(index), "event_type": "interaction"}
    kind = rng.random()
    service = rng.choice(text.SERVICES)
    if kind < 0.4:
        event |= {
            "error_type": rng.choice(["PermissionError", "ConnectionRefusedError", "HTTPError"]),
            "error_message": text.traceback(rng).rsplit("\n", 1)[-1] + f" (request {index})",
            "solution": text.prose(rng, rng.randint(8, 30))
            + "\n"
            + rng.choice([text.shell_block, text.nix_block, text.python_block])(rng),
        }
    elif kind < 0.7:
        event |= {"query": f"{text.query(rng)} (#{index})", "response": text.response(rng)}
    elif kind < 0.85:
        event |= {
            "skill_name": f"{service}-{rng.choice(text.WORDS)}-{index}",
            "description": text.prose(rng, rng.randint(10, 40)),
        }
    else:
        event |= {
            "event_type": "best_practice",
            "title": f"{text.prose(rng, 5)} ({index})",
            "description": text.prose(rng, rng.randint(10, 40)) + " " + text.journal(rng),
        }
    if rng.random() < NON_ASCII_SHARE:  # answers quote people and tools: dashes, quotes, arrows
        name = rng.choice(
            [
                key
                for key, value in event.items()
                if key != "timestamp" and isinstance(value, str) and " " in value
            ]
        )
        event[name] += rng.choice(NON_ASCII)
    event["value_score"] = round(rng.uniform(0.7, 1.0), 3)
    return event


def generate(path: Path, count: int, unique_share: float, seed: int) -> list[bytes]:
    """Write ``count`` events to ``path``; return the lines of the unique high-value ones."""
    rng = random.Random(seed)
    encode = msgspec.json.Encoder().encode
    unique = []
    with path.open("wb") as handle:
        for index in range(count):
            if rng.random() < unique_share:
                line = encode(unique_event(rng, index))
                unique.append(line)
            else:
                line = encode(sample.background(rng, index))
            handle.write(line + b"\n")
    return unique


def per_event(lines: list[bytes]) -> dict[str, float]:
    """Return µs per high-value event: learning, and the anonymizing batched and per field."""
    settings = config.Config()
    learner = learning.Learner(settings.sync, Anonymizer(settings.anonymize), "bench", "now")
    chunks = []
    for start in range(0, len(lines), 2000):
        found = telemetry.Candidates()
        for line in lines[start : start + 2000]:
            found.lines.append(line)
            found.scores.append(json.loads(line)["value_score"])
        chunks.append(found)
    learned, tally = float("inf"), learner.tally()
    for _ in range(2):  # a fresh learner each round; the rules' patterns stay compiled
        learner = learning.Learner(settings.sync, Anonymizer(settings.anonymize), "bench", "now")
        tally = learner.tally()
        started = time.process_time()
        for found in chunks:
            learner.add(found, tally)
        learned = min(learned, time.process_time() - started)
    events = [learner.decoder.decode(line) for line in lines]
    fields = []
    for content in events:
        event = {
            name: msgspec.json.decode(getattr(content, name))
            for name in learner.names
            if getattr(content, name) is not msgspec.UNSET
        }
        categorized = learner.categorizer(event)
        if categorized is not None:
            fields.append(list(categorized[1].values()))
    batch = Anonymizer(settings.anonymize)
    batched = timed(lambda: [batch.redact_each(f) for f in fields])
    single = Anonymizer(settings.anonymize)
    per_field = timed(lambda: [[single.anonymize(t) for t in f] for f in fields])
    bodies = [json.loads(line) for line in lines]
    whole = Anonymizer(settings.anonymize)
    snapshot = timed(lambda: [whole.anonymize_value(body) for body in bodies])
    alone = Anonymizer(settings.anonymize)
    each = timed(
        lambda: [
            alone.anonymize_value(body, lambda texts: [alone.anonymize(t) for t in texts])
            for body in bodies
        ]
    )
    count = len(lines)
    return {
        "snapshot": snapshot / count * 1e6,
        "snapshot_each": each / count * 1e6,
        "events": count,
        "patterns": len(tally.patterns),
        "learn": learned / count * 1e6,
        "batched": batched / count * 1e6,
        "per_field": per_field / count * 1e6,
    }


def timed(work: Callable[[], object]) -> float:
    """Return the CPU seconds of ``work``, the best of two rounds."""
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def sync_and_jq(workdir: Path, telemetry_path: Path) -> tuple[bench_sync.Measured, float]:
    """Return the fastest of two full syncs and of two jq runs, taking turns."""
    repo, state = workdir / "repo", workdir / "state"
    config_path = workdir / "config.toml"
    config_path.write_text(
        f'node_id = "bench"\nrepo = "{repo}"\nstate_dir = "{state}"\n[sync]\n'
        f'telemetry = ["{telemetry_path}"]\nfine_tuning = ""\n'
    )
    syncs, jqs, jq_cpus = [], [], []
    for _ in range(2):
        shutil.rmtree(repo, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        subprocess.run(["git", "init", "-q", str(repo)], check=True)  # jobs need a work tree
        syncs.append(bench_sync.run_sync(config_path))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        jq = bench_sync.jq_pipeline(telemetry_path)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if jq is None:
            raise SystemExit("jq is not on PATH")
        jqs.append(jq)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        jq_cpus.append(cpu)
    print("full sync rounds, process s: " + ", ".join(f"{m.process:.2f}" for m in syncs))
    print("jq rounds, s: " + ", ".join(f"{t:.2f}" for t in jqs))
    print(
        "CPU s, sync rounds: "
        + ", ".join(f"{m.job_cpu:.2f}" for m in syncs)
        + "; jq rounds: "
        + ", ".join(f"{t:.2f}" for t in jq_cpus)
        + f"; best jq CPU / best sync CPU = {min(jq_cpus) / min(m.job_cpu for m in syncs):.1f}x"
    )
    return min(syncs, key=lambda m: m.process), min(jqs)


def event_texts(lines: list[bytes]) -> list[str]:
    """Return every string value of the events (what the snapshot anonymizes), keys left out."""
    found = []
    for line in lines:
        for value in json.loads(line).values():
            if isinstance(value, str):
                found.append(value)
    return found


def megabytes_per_second(texts: list[str], work: Callable[[str], object]) -> float:
    """Return MB/s of ``work`` over every text (best of two rounds, CPU time)."""
    size = sum(len(t.encode()) for t in texts)
    return size / timed(lambda: [work(t) for t in texts]) / 1e6


def detect_secrets(texts: list[str]) -> float:
    """Return MB/s of detect-secrets' default plugins over the texts, one per line of a file."""
    from detect_secrets.core import scan
    from detect_secrets.settings import default_settings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "texts.txt"
        path.write_text("\n".join(t.replace("\n", " ") for t in texts) + "\n", encoding="utf-8")
        with default_settings():
            started = time.process_time()
            collections.deque(scan.scan_file(str(path)), maxlen=0)
            elapsed = time.process_time() - started
        return path.stat().st_size / elapsed / 1e6


def main() -> None:
    """Generate the corpus, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--unique-share", type=float, default=0.033)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench/high-value"))
    parser.add_argument("--skip-sync", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    path = args.workdir / "hybrid-events.jsonl"
    unique = generate(path, args.events, args.unique_share, seed=1)
    os.sync()
    size = path.stat().st_size / 1e6
    print(f"input: {args.events:,} events, {size:.1f} MB, {len(unique):,} unique high-value")
    cost = per_event(unique)
    print(
        f"per high-value event, one core: learning {cost['learn']:.1f} µs "
        f"({bench_sync.verdict(cost['learn'] <= 40)} <= 40 µs; {cost['patterns']:,} patterns); "
        f"anonymizing its fields: one batch {cost['batched']:.1f} µs, "
        f"one call per field {cost['per_field']:.1f} µs; a whole event for the snapshot "
        f"(keys and values): one batch {cost['snapshot']:.1f} µs, one call per string "
        f"{cost['snapshot_each']:.1f} µs"
    )
    if not args.skip_sync:
        full, jq = sync_and_jq(args.workdir, path)
        print(
            f"full sync: job {full.job:.2f} s, process {full.process:.2f} s, CPU {full.job_cpu:.2f} s"
            f" ({full.job_cpu / len(unique) * 1e6:.0f} µs of CPU per high-value event, all "
            f"included); jq {jq:.2f} s: sync {jq / full.process:.1f}x faster "
            f"({bench_sync.verdict(jq / full.process >= 8)} >= 8x)"
        )
    texts = event_texts(unique)
    short = [t for t in texts if len(t.encode()) <= SHORT]
    long = [t for t in texts if len(t.encode()) > SHORT]
    engine = Anonymizer(config.Anonymize(), re2_after=0)
    for name, group in (("short (<= 200 B)", short), ("long (> 200 B)", long)):
        ours = megabytes_per_second(group, engine.anonymize)
        theirs = detect_secrets(group)
        print(
            f"{name}: {len(group):,} strings, {sum(len(t) for t in group) / 1e6:.1f} MB; "
            f"anonymize {ours:.1f} MB/s, detect-secrets {theirs:.2f} MB/s, ratio {ours / theirs:.0f}x"
        )


if __name__ == "__main__":
    main()
