"""Benchmark the RE2 sets of the rules' gates alone: µs per text, per side (secret,
personal data), its sets added up.

Run from the repository root:

    python bench/bench_gate_sets.py [--tree TREE ...] [--events 2000] [--rounds 3]

Reads the string fields of ``--events`` unique high-value events of ``bench_high_value`` (what
the anonymizer reads per event), each alone and each event's fields joined (what ``redact_each``
gives the sets), with the sets ``prefilter`` compiles, warm, the best of ``--rounds``. Each
``--tree`` (a fedlearn source tree, default this one) runs in a child process, one after the
other. A set that reads many times slower than the other per byte has gates whose states
multiply (tests/anonymize/test_gate_shapes.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(events: int, rounds: int) -> dict[str, float]:
    """Return µs per text and per joined event of each set of this process's fedlearn."""
    from fedlearn import config  # the tree's (PYTHONPATH), before the bench modules add theirs
    from fedlearn.anonymize import Anonymizer, prefilter

    sys.path.insert(0, str(HERE))
    import bench_high_value

    rules = Anonymizer(config.Config().anonymize).rules
    sets = prefilter.compiled(tuple((rule.gate, rule.is_secret) for rule in rules))
    rng = random.Random(5)
    fields = [
        [
            value
            for value in bench_high_value.unique_event(rng, index).values()
            if isinstance(value, str)
        ]
        for index in range(events)
    ]
    inputs = {
        "text": [field.encode() for event in fields for field in event],
        "event": ["\n".join(event).encode() for event in fields],
    }
    found: dict[str, float | str] = {}
    for gate_set, members, secret in sets:  # a side's sets add up (several secret sets)
        name = "secret" if secret else "personal"
        found[f"{name} sets"] = int(found.get(f"{name} sets", 0)) + 1
        found[f"{name} gates"] = int(found.get(f"{name} gates", 0)) + len(members)
        for unit, texts in inputs.items():
            for data in texts:  # warm: the DFA's states are built while it reads
                gate_set.Match(data)
            best = float("inf")
            for _ in range(rounds):
                start = time.process_time()
                for data in texts:
                    gate_set.Match(data)
                best = min(best, time.process_time() - start)
            spent = float(found.get(f"{name} µs/{unit}", 0))
            found[f"{name} µs/{unit}"] = round(spent + best / len(texts) * 1e6, 2)
    found["tree"] = str(Path(prefilter.__file__).parents[2])
    found["bytes/text"] = round(sum(map(len, inputs["text"])) / len(inputs["text"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", action="append", default=[])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.events, args.rounds)))
        return
    for tree in args.tree or [str(HERE.parent)]:
        command = [sys.executable, __file__, "--child", "--events", str(args.events)]
        env = {**os.environ, "FEDLEARN_BENCH_TREE": tree, "PYTHONPATH": tree}
        run = subprocess.run(
            [*command, "--rounds", str(args.rounds)], env=env, capture_output=True, text=True
        )
        if run.returncode != 0:
            print(tree, run.stderr.strip().splitlines()[-1])
            continue
        print(tree, json.dumps(json.loads(run.stdout), ensure_ascii=False))


if __name__ == "__main__":
    main()
