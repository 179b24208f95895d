"""Build the home-lab held-out corpus of issue 16: secrets.jsonl, benign.jsonl and covered.txt beside it.

``python bench/homelab16i/make.py [--earlier DIR]`` (seed 16916) draws each family of families.py
five times and places the draws in five different contexts of contexts.py: two ``NIX``, one
``LOG``, one ``CONFIG`` and one ``LOOSE``, chosen at random without repeats among those that fit
the value (a multi-line value only where a file goes; ``curl -v`` only for API tokens and
passwords). benign.jsonl holds 12 strings of each kind of benign.py. A family is marked
``covered`` (and listed in covered.txt) by bench/corpus_cover.py's heuristic against the earlier
corpora; only this mark is computed from those files. A row leaks when its ``secret`` (or an
``also`` string: another secret part of the same value, or the same secret in another encoding)
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
GROUPS = (("NIX", 2), ("LOG", 1), ("CONFIG", 1), ("LOOSE", 1))
EVERY = {**contexts.NIX, **contexts.LOG, **contexts.CONFIG, **contexts.LOOSE}


def fits(name: str, family: dict) -> bool:
    if family["kind"] == "multi" and name in contexts.NOT_MULTI:
        return False
    return name != "curl-verbose" or contexts.curl_fits(family)


def plan(family: dict, rng: random.Random) -> list[str]:
    """The family's five context names."""
    chosen: list[str] = []
    for group, n in GROUPS:
        names = [x for x in sorted(getattr(contexts, group)) if fits(x, family)]
        chosen += rng.sample(names, n)
    return chosen


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
        for name in plan(family, rng):
            value, secret, parts = families.value(family, rng)
            text, shown, also = EVERY[name](family, value, secret, parts, rng)
            assert shown in text and all(a in text for a in also), (family["name"], name, shown)
            row = {
                "family": family["name"],
                "context": name,
                "text": text,
                "secret": shown,
                "source": family["source"],
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
