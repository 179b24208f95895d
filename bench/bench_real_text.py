"""Benchmark ``anonymize`` on real text: µs per text, cold and warm, per corpus, and where it goes.

Run from the repository root:

    python bench/bench_real_text.py [--corpus agent16j homelab16i audit16] [--rounds 3]
        [--before TREE [--after TREE]] [--rules] [--profile N]

Each corpus's texts (``secrets.jsonl`` then ``benign.jsonl``, their ``text``) are anonymized one
``anonymize`` call each by a fresh ``Anonymizer`` (RE2 prefilter built at once): **cold** is the
first round (the rules' patterns compile on first use), **warm** the best of the next
``--rounds``; CPU time per text (the machine may be shared). With ``--before TREE`` (another
fedlearn source tree, e.g. ``git archive main``), each side runs in child processes taking turns,
printed side by side.

``--rules`` attributes the warm time: per rule, the time its matchers take on the texts where the
prefilter lets it run (and on how many texts it ran), plus the prefilter itself and the joined /
decoded views (``continued``, ``escaped``). ``--profile N`` prints cProfile's top N functions by
own time over one warm round.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(
    0, os.environ.get("FEDLEARN_BENCH_TREE") or str(Path(__file__).resolve().parent.parent)
)

from fedlearn import config
from fedlearn.anonymize import Anonymizer, continued, escaped
from fedlearn.anonymize.hits import disjoint, repeated
from fedlearn.anonymize.machine import Machine
from fedlearn.anonymize.probe import Probe

HERE = Path(__file__).resolve().parent
CORPORA = ["agent16j", "homelab16i", "audit16"]
# A fixed machine: the host's own name and home must not change what the rules find.
MACHINE = Machine("bench-host", "bench-host.example.org", "bench-user", "/home/bench-user")


def texts_of(corpus: str) -> list[str]:
    """Return the corpus's texts: ``secrets.jsonl`` then ``benign.jsonl``, each line's ``text``."""
    found = []
    for name in ("secrets.jsonl", "benign.jsonl"):
        path = HERE / corpus / name
        if path.exists():
            found += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    return found


def engine() -> Anonymizer:
    """Return a fresh anonymizer with the RE2 prefilter built at once (as on a large backlog)."""
    return Anonymizer(config.Anonymize(), MACHINE, re2_after=0)


def rounds_of(texts: list[str], rounds: int) -> dict[str, float]:
    """Return µs per text of the cold round and the best warm one (CPU time), in this process."""
    anonymizer = engine()
    times = []
    for _ in range(rounds + 1):
        started = time.process_time()
        for text in texts:
            anonymizer.anonymize(text)
        times.append((time.process_time() - started) / len(texts) * 1e6)
    return {"cold": times[0], "warm": min(times[1:])}


def attribution(texts: list[str], top: int) -> None:
    """Print the warm time per rule and per mechanism over the texts (one warm round first)."""
    anonymizer = engine()
    for text in texts:
        anonymizer.anonymize(text)
    per_rule: collections.Counter[str] = collections.Counter()
    runs: collections.Counter[str] = collections.Counter()
    mechanism: collections.Counter[str] = collections.Counter()
    clock = time.perf_counter_ns
    for text in texts:
        probe = Probe(text)
        started = clock()
        active = anonymizer._active(probe, False)
        mechanism["prefilter"] += clock() - started
        found = []
        for index in active:
            rule = anonymizer.rules[index]
            started = clock()
            subject = probe.lower if rule.lower else text
            for matcher in rule.matchers:
                find = matcher.find
                for match in matcher.pattern.finditer(subject) if find is None else find(subject):
                    hit = anonymizer._hit(rule, matcher, match, probe)
                    if hit is not None:
                        found.append(hit)
            per_rule[rule.name] += clock() - started
            runs[rule.name] += 1

        def again(view: str) -> list:  # type: ignore[type-arg]
            return anonymizer._hits(Probe(view), None, secrets_only=False, join=False)

        started = clock()
        joined = continued.with_joined(text, found, again)
        mechanism["continued"] += clock() - started
        started = clock()
        decoded = escaped.with_decoded(text, joined, again)
        mechanism["escaped"] += clock() - started
        started = clock()
        disjoint(repeated(text, decoded))
        mechanism["repeated+disjoint"] += clock() - started
    count = len(texts)
    total = sum(per_rule.values()) + sum(mechanism.values())
    print(f"  first pass, warm: {total / count / 1e3:.1f} µs/text (rules + mechanisms below)")
    for name, spent in mechanism.most_common():
        print(f"    {spent / count / 1e3:7.2f} µs/text  [{name}]")
    for name, spent in per_rule.most_common(top):
        print(f"    {spent / count / 1e3:7.2f} µs/text  {name} (ran on {runs[name]}/{count})")


def profile(texts: list[str], top: int) -> None:
    """Print cProfile's top functions by own time over one warm round."""
    import cProfile
    import pstats

    anonymizer = engine()
    for text in texts:
        anonymizer.anonymize(text)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        anonymizer.anonymize(text)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def child(corpus: str, tree: Path | None, rounds: int) -> dict[str, float]:
    """Return ``rounds_of`` for the corpus measured in a child process running ``tree``'s code."""
    env = {**os.environ, "FEDLEARN_BENCH_TREE": str(tree)} if tree else None
    done = subprocess.run(
        [sys.executable, __file__, "--child", corpus, "--rounds", str(rounds)],
        env=env,
        capture_output=True,
        check=True,
        text=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> None:
    """Measure each corpus, print µs per text (and the attribution when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=CORPORA, help="folders under bench/")
    parser.add_argument("--rounds", type=int, default=3, help="warm rounds (best counts)")
    parser.add_argument("--before", type=Path, help="a fedlearn source tree measured beside this")
    parser.add_argument("--after", type=Path, help="with --before: this tree instead of ours")
    parser.add_argument("--turns", type=int, default=2, help="with --before: child runs per side")
    parser.add_argument("--rules", type=int, nargs="?", const=25, help="attribute warm time")
    parser.add_argument("--profile", type=int, help="cProfile's top N functions (own time)")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # a child's work: one corpus
    args = parser.parse_args()
    if args.child:
        print(json.dumps(rounds_of(texts_of(args.child), args.rounds)))
        return
    for corpus in args.corpus:
        texts = texts_of(corpus)
        size = sum(len(t) for t in texts) / len(texts)
        if args.before:
            sides = {"before": args.before.resolve(), "after": args.after and args.after.resolve()}
            found: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
            for _ in range(args.turns):
                for side, tree in sides.items():
                    found[side].append(child(corpus, tree, args.rounds))
            shown = [
                f"{side} cold {min(r['cold'] for r in got):.0f} warm {min(r['warm'] for r in got):.0f}"
                for side, got in found.items()
            ]
            print(
                f"{corpus}: {len(texts):,} texts, {size:.0f} chars avg; µs/text: "
                + "; ".join(shown)
            )
        else:
            cost = rounds_of(texts, args.rounds)
            print(
                f"{corpus}: {len(texts):,} texts, {size:.0f} chars avg; µs/text: cold "
                f"{cost['cold']:.0f}, warm {cost['warm']:.0f}"
            )
        if args.rules:
            attribution(texts, args.rules)
        if args.profile:
            profile(texts, args.profile)


if __name__ == "__main__":
    main()
