"""Benchmark what a fresh process pays to build an Anonymizer and anonymize its first strings.

Run from the repository root:

    /work/venv/bin/python bench/bench_anonymizer_build.py [--processes 15] [--no-re2]

Each of ``--processes`` fresh Python processes imports ``fedlearn.anonymize``, then times, in ms:
``Machine.local()`` (machine: host name, FQDN and user lookup, which the anonymizer caches per
process and which depends on the resolver, not on the anonymizer); ``Anonymizer(config.Anonymize())``
(build); anonymizing about 30 short strings an incremental sync
writes (first-use: timestamps, event types, a question, an answer with a nix fence, an error
message, JSON keys); build plus those strings (total); then one secret-bearing string
(``password=hunter2``) and one with a GitHub token. Prints the median of each over the processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child: imports first (not timed), then times each step with perf_counter, prints JSON.
CHILD = """
import json, sys, time
from fedlearn import config
import fedlearn.anonymize as anonymize

use_re2 = sys.argv[1] == "re2"
texts = json.loads(sys.argv[2])
looked_up = time.perf_counter()
anonymize.Machine.local()
started = time.perf_counter()
engine = anonymize.Anonymizer(config.Anonymize(), use_re2=use_re2)
built = time.perf_counter()
for text in texts:
    engine.anonymize(text)
first_use = time.perf_counter()
engine.anonymize("export DB_URL=x password=hunter2 and more")
password = time.perf_counter()
engine.anonymize("token ghp_" + "a1B2c3D4e5" * 4 + " in a log line")
github = time.perf_counter()
print(json.dumps({
    "machine": (started - looked_up) * 1e3,
    "build": (built - started) * 1e3,
    "first-use": (first_use - built) * 1e3,
    "total": (first_use - started) * 1e3,
    "password": (password - first_use) * 1e3,
    "github-token": (github - password) * 1e3,
}))
"""

ANSWER = (
    "To run qdrant on NixOS, enable the module in configuration.nix:\n"
    "```nix\n{ services.qdrant.enable = true; }\n```\n"
    "then rebuild with nixos-rebuild switch and check the service with systemctl status qdrant."
)
TEXTS = [
    *(f"2026-01-01T00:00:{second:02d}Z" for second in range(0, 40, 4)),
    "interaction",
    "error",
    "tool_call",
    "how to configure qdrant on nixos",
    "why does my flake fail to evaluate",
    ANSWER,
    "connection refused on localhost:6333",
    "timestamp",
    "value_score",
    "event_type",
    "question",
    "answer",
    "model",
    "session_length",
    "nixos",
    "0.82",
    "services.qdrant.enable = true;",
    "error: attribute 'qdrant' missing",
    "user",
    "assistant",
]


def measure(use_re2: bool) -> dict[str, float]:
    """Return one fresh process's timings in ms."""
    mode = "re2" if use_re2 else "triggers"
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, mode, json.dumps(TEXTS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    timings: dict[str, float] = json.loads(completed.stdout)
    return timings


def main() -> None:
    """Run the fresh processes and print the median of each timing."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=15)
    parser.add_argument("--no-re2", action="store_true", help="use_re2=False (keyword triggers)")
    args = parser.parse_args()
    runs = [measure(not args.no_re2) for _ in range(args.processes)]
    mode = "triggers" if args.no_re2 else "re2"
    print(f"{len(TEXTS)} short strings, {args.processes} fresh processes, mode {mode}, median ms:")
    for name in runs[0]:
        print(f"  {name:>13}: {statistics.median(run[name] for run in runs):8.2f}")


if __name__ == "__main__":
    main()
