"""Build the ninth held-out corpus of issue 16: secrets.jsonl, benign.jsonl and covered.txt beside it.

``python bench/scanners16i/make.py [--earlier DIR]`` (seed 16916) draws each family of families.py
five times and places the draws in five different contexts of contexts.py (the issue's list:
prose, shell, curl, Python, JS, Go, Java, PHP, Make, YAML, XML, .env, Kubernetes, JSON), chosen at
random without repeats, each draw with its own value names (``contexts.names``). benign.jsonl holds
12 strings of each kind of benign.py. A family is marked ``covered`` (and listed in covered.txt) by
bench/corpus_cover.py's heuristic against the earlier corpora (``EARLIER`` under ``--earlier``,
default the repo); only this mark is computed from those files. A row leaks when its ``secret``
(or an ``also`` string: the other credential of a key + secret pair, or a URL's other secret)
appears in the output.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import benign  # noqa: E402
import contexts  # noqa: E402
import corpus_cover  # noqa: E402
import families  # noqa: E402

SEED = 16916
PER_KIND = 12
PER_FAMILY = 5
EARLIER = (
    "bench/audit16/secrets.jsonl",
    "bench/audit16b/secrets.jsonl",
    "bench/audit16c/secrets.jsonl",
    "bench/audit16d/secrets.jsonl",
    "bench/audit16d/control/secrets.jsonl",
    "bench/audit16e/secrets.jsonl",
    "bench/audit16f/secrets.jsonl",
    "bench/audit16g/secrets.jsonl",
    "bench/audit16h/secrets.jsonl",
    "bench/pii16h/secrets.jsonl",
    "tests/data/secrets.jsonl",
)


def main() -> None:
    """Write the corpus files."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--earlier", default=str(HERE.parent.parent))
    args = parser.parse_args()
    rng = random.Random(SEED)
    secrets, names = corpus_cover.earlier(Path(args.earlier), EARLIER)
    rows, done = [], []
    every = families.parse()
    for family in every:
        is_covered = corpus_cover.covered(family, secrets, names)
        if is_covered:
            done.append(family["name"])
        for name in rng.sample(sorted(contexts.CONTEXTS), PER_FAMILY):
            vals, secret, also = families.values(family, rng)
            ns = contexts.names(family, rng)
            text = contexts.CONTEXTS[name](family, ns, vals, rng)
            assert secret in text and all(a in text for a in also), (family["name"], name)
            row = {
                "family": family["name"],
                "context": name,
                "text": text,
                "secret": secret,
                "source": family["source"],
                "kind": family["kind"],
                "covered": is_covered,
            }
            if also:
                row["also"] = also
            rows.append(row)
    corpus_cover.write(HERE, rows, benign.KINDS, random.Random(SEED + 1), PER_KIND, done)
    print(
        f"{len(rows)} secrets in {len(every)} families ({len(done)} covered); "
        f"{PER_KIND * len(benign.KINDS)} benign in {len(benign.KINDS)} kinds"
    )


if __name__ == "__main__":
    main()
