"""Build the seventh held-out corpus of issue 16: secrets.jsonl, benign.jsonl and covered.txt beside it.

``python bench/audit16g/make.py [--earlier DIR]`` (seed 16716) draws each token family of
families.py five times and places the draws in five different contexts of contexts.py: one
``LOOSE``, one ``APART`` and three ``KEYED``, chosen at random without repeats. A personal data
family of pii.py gets five contexts of ``PII_OK``. benign.jsonl holds 12 strings of each kind of
benign.py. A family is marked ``covered`` (and listed in covered.txt) when an earlier corpus
(bench/audit16*/secrets.jsonl and tests/data/secrets.jsonl under ``--earlier``, default the repo)
has a secret starting with the family's literal start (3+ characters) or, for a family without
one, a family name holding its provider word (bench/corpus_cover.py); only this mark is computed
from those files. A row leaks when its ``secret`` (or an ``also`` string: the second half of a
value a terminal wrapped) appears in the output.
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
import pii  # noqa: E402

SEED = 16716
PER_KIND = 12
EARLIER = (
    "bench/audit16/secrets.jsonl",
    "bench/audit16b/secrets.jsonl",
    "bench/audit16c/secrets.jsonl",
    "bench/audit16d/secrets.jsonl",
    "bench/audit16d/control/secrets.jsonl",
    "bench/audit16e/secrets.jsonl",
    "bench/audit16f/secrets.jsonl",
    "tests/data/secrets.jsonl",
)
EVERY = {**contexts.KEYED, **contexts.APART, **contexts.LOOSE, **contexts.PII_ONLY}


def draw(family: dict, rng: random.Random) -> str:
    """One value of the family."""
    if "gen" in family:
        return family["gen"](rng)  # type: ignore[operator,no-any-return]
    return families.draw(family["parts"], rng)  # type: ignore[arg-type]


def plan(family: dict, rng: random.Random) -> list[str]:
    """The family's five context names."""
    if str(family["name"]).startswith("pii:"):
        return rng.sample(sorted(contexts.PII_OK), 5)
    names = [rng.choice(sorted(contexts.LOOSE)), rng.choice(sorted(contexts.APART))]
    return names + rng.sample(sorted(contexts.KEYED), 3)


def main() -> None:
    """Write the corpus files."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--earlier", default=str(HERE.parent.parent))
    args = parser.parse_args()
    rng = random.Random(SEED)
    secrets, names = corpus_cover.earlier(Path(args.earlier), EARLIER)
    rows, done = [], []
    every = families.parse() + pii.parse()
    for family in every:
        is_covered = corpus_cover.covered(family, secrets, names)
        if is_covered:
            done.append(family["name"])
        for name in plan(family, rng):
            value = draw(family, rng)
            result = EVERY[name](family, value, rng)
            also: list[str] = []
            if isinstance(result, str):
                text, secret = result, value
            elif len(result) == 2:
                text, secret = result  # type: ignore[misc]
            else:
                text, secret, also = result  # type: ignore[misc]
            assert secret in text and all(a in text for a in also), (family["name"], name)
            row = {
                "family": family["name"],
                "context": name,
                "text": text,
                "secret": secret,
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
