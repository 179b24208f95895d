"""Benchmark anonymizing high-value events: µs per event, a full sync against jq, MB/s against detect-secrets.

Run from the repository root:

    python bench/bench_high_value.py [--events 1000000] [--unique-share 0.033]
        [--formula-share 0.0] [--before TREE [--after TREE]] [--rounds 2] [--skip-sync]
        [--skip-mbps] [--rule-costs]

Generates telemetry where about ``--unique-share`` of the events are unique high-value events
(error/solution, question/answer, skill and best-practice events whose text never repeats: the
case where every event must be anonymized, and the cost per event shows), the rest the stack's
low-value coordinator events. With ``--formula-share``, that share of the unique events carry the
stack's ``outcome`` instead of a score, as its interaction events do (the formula scores them; most
fall below the threshold and are candidates that are not written). Then, in this one run:

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

With ``--before TREE`` (another fedlearn source tree, e.g. ``git archive main``), steps 1 and 2
run that tree's code and this one's in child processes, taking turns ``--rounds`` times (the
syncs and jq too: before, after, jq, before, ...), so both sides see the same stretch of a
shared machine. ``--after TREE`` measures that tree instead of this one (a frozen copy, so the
working tree can change while the run goes on).

With ``--rule-costs``, only step 1's learning, in child processes taking turns, with each share
of the rules in ``rule_sets.py`` (none: the learning's floor; the shaped and prefixed tokens; those
and the keyed values; every rule): what the rules that read keys, commands and file formats cost
per event, against what they catch (``corpus_dump.py --rules``; bench/README.md).
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

# An A/B run measures another source tree's code in child processes (``--before``).
sys.path.insert(
    0, os.environ.get("FEDLEARN_BENCH_TREE") or str(Path(__file__).resolve().parent.parent)
)
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_anonymize as text  # the realistic text generators: questions, answers, tracebacks
import bench_sync
from rule_sets import RULE_SETS, with_rules

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


def unique_event(rng: random.Random, index: int, formula_share: float = 0.0) -> dict[str, Any]:
    """
    Return a high-value event whose text no other event has; with ``formula_share``, that share
    of them carry the stack's ``outcome`` (and maybe ``user_feedback``) instead of a score, as
    its interaction events do: the formula scores them, and most fall below the threshold.
    """
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
    if formula_share and rng.random() < formula_share:
        event["outcome"] = rng.choice(("success", "success", "partial"))
        feedback = rng.choice((1, 0, None, None))  # most answers get no feedback
        if feedback is not None:
            event["user_feedback"] = feedback
        return event
    event["value_score"] = round(rng.uniform(0.7, 1.0), 3)
    return event


def generate(
    path: Path, count: int, unique_share: float, seed: int, formula_share: float = 0.0
) -> list[bytes]:
    """
    Write ``count`` events to ``path``; return the lines of the unique candidates (high-value
    ones, and with ``formula_share`` the ones the formula scores: ``unique_event``).
    """
    rng = random.Random(seed)
    encode = msgspec.json.Encoder().encode
    unique = []
    with path.open("wb") as handle:
        for index in range(count):
            if rng.random() < unique_share:
                line = encode(unique_event(rng, index, formula_share))
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
            found.scores.append(json.loads(line).get("value_score"))
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
        "high_value": tally.high_value,
        "learn_high": learned / max(tally.high_value, 1) * 1e6,
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


def sync_and_jq(
    workdir: Path,
    telemetry_path: Path,
    sides: dict[str, Path | None],
    rounds: int,
    pycache: Path | None = None,
) -> tuple[dict[str, list[bench_sync.Measured]], list[float], list[float]]:
    """
    Run a full sync of each side (its code: None for this tree's) and the jq pipeline, taking
    turns ``rounds`` times, each sync into an empty repo and state; return the syncs by side, the
    jq seconds and the jq CPU seconds. ``pycache``: the sync processes read the modules' bytecode
    from there (compiled by one import per side first), as an installed fedlearn does.
    """
    if pycache is not None:
        for tree in sides.values():
            env = bench_sync.bytecode_env(
                None if tree is None else {**os.environ, "PYTHONPATH": str(tree)}, pycache
            )
            warm = "import fedlearn.__main__, fedlearn.jobs.sync"
            subprocess.run([sys.executable, "-c", warm], env=env, cwd=tree, check=True)
    syncs: dict[str, list[bench_sync.Measured]] = {side: [] for side in sides}
    jqs, jq_cpus = [], []
    for _ in range(rounds):
        for side, tree in sides.items():
            repo, state = workdir / side / "repo", workdir / side / "state"
            config_path = workdir / side / "config.toml"
            shutil.rmtree(workdir / side, ignore_errors=True)
            repo.mkdir(parents=True)
            config_path.write_text(
                f'node_id = "bench"\nrepo = "{repo}"\nstate_dir = "{state}"\n[sync]\n'
                f'telemetry = ["{telemetry_path}"]\nfine_tuning = ""\n'
            )
            subprocess.run(["git", "init", "-q", str(repo)], check=True)  # jobs need a work tree
            syncs[side].append(bench_sync.run_sync(config_path, tree, pycache))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        jq = bench_sync.jq_pipeline(telemetry_path)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if jq is None:
            raise SystemExit("jq is not on PATH")
        jqs.append(jq)
        jq_cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return syncs, jqs, jq_cpus


def show_sync_and_jq(
    syncs: dict[str, list[bench_sync.Measured]], jqs: list[float], jq_cpus: list[float], high: int
) -> None:
    """Print every round, and each side's fastest sync against the fastest jq run."""
    print(
        "jq rounds, s: "
        + ", ".join(f"{t:.2f}" for t in jqs)
        + "; CPU s: "
        + ", ".join(f"{t:.2f}" for t in jq_cpus)
    )
    for side, measured in syncs.items():
        full = min(measured, key=lambda m: m.process)
        cpu = min(m.job_cpu for m in measured)
        print(
            f"{side}: full sync rounds, process s: "
            + ", ".join(f"{m.process:.2f}" for m in measured)
            + "; CPU s: "
            + ", ".join(f"{m.job_cpu:.2f}" for m in measured)
        )
        print(
            f"{side}: full sync: job {full.job:.2f} s, process {full.process:.2f} s, CPU "
            f"{cpu:.2f} s ({cpu / high * 1e6:.0f} µs of CPU per high-value event, all included); "
            f"jq {min(jqs):.2f} s: sync {min(jqs) / full.process:.1f}x faster "
            f"({bench_sync.verdict(min(jqs) / full.process >= 8)} >= 8x); "
            f"jq CPU / sync CPU {min(jq_cpus) / cpu:.1f}x"
        )


def rule_costs(unique: list[bytes], workdir: Path, rounds: int) -> None:
    """Print the learning's µs per event with each of ``RULE_SETS``, in child processes taking
    turns ``rounds`` times: how much of the cost is the rules', and which rules'."""
    lines = workdir / "unique.jsonl"
    lines.write_bytes(b"".join(line + b"\n" for line in unique))
    found: dict[str, list[float]] = {which: [] for which in RULE_SETS}
    for _ in range(rounds):
        for which in RULE_SETS:
            done = subprocess.run(
                [sys.executable, __file__, "--per-event-of", str(lines)],
                env={**os.environ, "FEDLEARN_BENCH_RULES": which},
                capture_output=True,
                check=True,
            )
            found[which].append(json.loads(done.stdout)["learn"])
    for which, costs in found.items():
        print(
            f"rules: {which} ({RULE_SETS[which]}): learning "
            + ", ".join(f"{cost:.1f}" for cost in costs)
            + " µs per high-value event"
        )


def per_event_of(
    sides: dict[str, Path | None], unique: list[bytes], workdir: Path, rounds: int
) -> dict[str, list[dict[str, float]]]:
    """
    Return ``per_event`` of each side, measured in child processes taking turns ``rounds`` times
    (each side's code: ``FEDLEARN_BENCH_TREE``).
    """
    lines = workdir / "unique.jsonl"
    lines.write_bytes(b"".join(line + b"\n" for line in unique))
    found: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    for _ in range(rounds):
        for side, tree in sides.items():
            env = {**os.environ, "FEDLEARN_BENCH_TREE": str(tree)} if tree else None
            done = subprocess.run(
                [sys.executable, __file__, "--per-event-of", str(lines)],
                env=env,
                capture_output=True,
                check=True,
            )
            found[side].append(json.loads(done.stdout))
    return found


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
    parser.add_argument(
        "--formula-share",
        type=float,
        default=0.0,
        help="share of the unique events scored by the stack's formula (outcome, no value_score)",
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/fedlearn-bench/high-value"))
    parser.add_argument("--skip-sync", action="store_true")
    parser.add_argument("--skip-mbps", action="store_true", help="no MB/s, no detect-secrets")
    parser.add_argument(
        "--before", type=Path, help="a fedlearn source tree measured side by side with this one"
    )
    parser.add_argument(
        "--after", type=Path, help="with --before: another tree instead of this one (a frozen copy)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="turns of each side (and jq)")
    parser.add_argument(
        "--source-only",
        action="store_true",
        help="sync processes compile every module from source when PYTHONDONTWRITEBYTECODE is set "
        "(the method before the ninth pass); default: bytecode kept in the workdir",
    )
    parser.add_argument(
        "--rule-costs",
        action="store_true",
        help="the learning per event with each share of the rules (rule_sets.py), then stop",
    )
    parser.add_argument("--per-event-of", type=Path, help=argparse.SUPPRESS)  # a child's work
    args = parser.parse_args()
    if args.per_event_of:
        if os.environ.get("FEDLEARN_BENCH_RULES"):
            with_rules(os.environ["FEDLEARN_BENCH_RULES"])
        print(json.dumps(per_event(args.per_event_of.read_bytes().splitlines())))
        return
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    path = args.workdir / "hybrid-events.jsonl"
    unique = generate(
        path, args.events, args.unique_share, seed=1, formula_share=args.formula_share
    )
    os.sync()
    size = path.stat().st_size / 1e6
    kind = "candidates, a share scored by the formula" if args.formula_share else "high-value"
    print(f"input: {args.events:,} events, {size:.1f} MB, {len(unique):,} unique {kind}")
    if args.rule_costs:
        rule_costs(unique, args.workdir, args.rounds)
        return
    sides: dict[str, Path | None] = {"this": None}
    if args.before:
        sides = {"before": args.before.resolve(), "after": args.after and args.after.resolve()}
        costs = per_event_of(sides, unique, args.workdir, args.rounds)
    else:
        costs = {"this": [per_event(unique)]}
    for side, found in costs.items():
        cost = {key: min(c[key] for c in found) for key in found[0]}
        print(
            f"{side}: per high-value event, one core: learning "
            + ", ".join(f"{c['learn']:.1f}" for c in found)
            + f" µs ({bench_sync.verdict(cost['learn'] <= 40)} <= 40 µs; "
            f"{cost['patterns']:,.0f} patterns); anonymizing its fields: one batch "
            f"{cost['batched']:.1f} µs, one call per field {cost['per_field']:.1f} µs; a whole "
            f"event for the snapshot (keys and values): one batch {cost['snapshot']:.1f} µs, "
            f"one call per string {cost['snapshot_each']:.1f} µs"
        )
        if cost["high_value"] < cost["events"]:  # formula-scored events below the threshold
            print(
                f"{side}: {cost['high_value']:,.0f} of {cost['events']:,.0f} candidates high-value;"
                " learning per high-value event "
                + ", ".join(f"{c['learn_high']:.1f}" for c in found)
                + " µs"
            )
    if not args.skip_sync:
        pycache = None if args.source_only else args.workdir / "pycache"
        print(
            "sync processes: "
            + (
                "modules compiled from source as the environment says"
                if pycache is None
                else f"bytecode kept in {pycache} (compiled before the rounds)"
            )
        )
        syncs, jqs, jq_cpus = sync_and_jq(args.workdir, path, sides, args.rounds, pycache)
        show_sync_and_jq(syncs, jqs, jq_cpus, len(unique))
    if args.skip_mbps:
        return
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
