"""Build the eighth held-out corpus of issue 16: secrets.jsonl, benign.jsonl and covered.txt beside it.

``python bench/audit16h/make.py [--earlier DIR]`` (seed 16816) draws each family of families.py
five times and places the draws in five different contexts of contexts.py: two ``AI``, one
``LOOSE`` and two ``ENCODED``, chosen at random without repeats among those that fit the value
(a multi-line value is not put where only one line goes; a value is split across two lines only
when it is 24 characters or more). benign.jsonl holds 12 strings of each kind of benign.py. A
family is marked ``covered`` (and listed in covered.txt) by bench/corpus_cover.py's heuristic
against the earlier corpora (bench/audit16*/secrets.jsonl and tests/data/secrets.jsonl under
``--earlier``, default the repo); only this mark is computed from those files. A row leaks when
its ``secret`` (or an ``also`` string: another part of a value split in two) appears in the
output.
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

SEED = 16816
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
    "tests/data/secrets.jsonl",
)
EVERY = {**contexts.AI, **contexts.LOOSE, **contexts.ENCODED}


def fits(name: str, family: dict) -> bool:
    return not (family["kind"] == "multi" and name in contexts.NOT_MULTI)


def plan(family: dict, rng: random.Random) -> list[str]:
    """The family's five context names."""
    ai = [n for n in sorted(contexts.AI) if fits(n, family)]
    loose = [n for n in sorted(contexts.LOOSE) if fits(n, family)]
    enc = [n for n in sorted(contexts.ENCODED) if fits(n, family)]
    return [*rng.sample(ai, 2), rng.choice(loose), *rng.sample(enc, 2)]


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
        chosen = plan(family, rng)
        for slot, name in enumerate(chosen):
            value, secret = families.value(family, rng)
            if name == "split-lines" and len(secret) < 24:
                spare = [
                    n
                    for n in sorted(contexts.ENCODED)
                    if n not in chosen and n != name and fits(n, family)
                ]
                name = chosen[slot] = rng.choice(spare)
            text, shown, also = EVERY[name](family, value, secret, rng)
            assert shown in text and all(a in text for a in also), (family["name"], name)
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
