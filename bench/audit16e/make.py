"""Build the fifth held-out corpus of issue 16: secrets.jsonl, benign.jsonl and covered.txt beside it.

``python bench/audit16e/make.py [--earlier DIR]`` (seed 16516) draws each token family of
families.py five times and places the draws in five different contexts of contexts.py: the
family's own client rc file when it has one, one ``LOOSE`` context (the key named only in prose,
or not at all) and keyed ones for the rest, chosen at random without repeats. benign.jsonl holds
18 strings of each kind of benign.py. A family is marked ``covered`` (and listed in covered.txt)
when an earlier corpus (bench/audit16*/secrets.jsonl and tests/data/secrets.jsonl under
``--earlier``, default the repo) has a secret starting with the family's literal start (3+
characters) or, for a family without one, a family name holding its provider word: such a family
is here for its new contexts. A row leaks when its ``secret`` appears in the output.
"""

from __future__ import annotations

import argparse
import json
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

SEED = 16516
PER_KIND = 18
EARLIER = (
    "bench/audit16/secrets.jsonl",
    "bench/audit16b/secrets.jsonl",
    "bench/audit16c/secrets.jsonl",
    "bench/audit16d/secrets.jsonl",
    "bench/audit16d/control/secrets.jsonl",
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
    for family in families.parse():
        is_covered = corpus_cover.covered(family, secrets, names)
        if is_covered:
            done.append(family["name"])
        whole, secret = families.draw(family["parts"], rng)
        plan: list[tuple[str, object]] = []
        if contexts.rc_file(family, whole) is not None:
            plan.append(("rc-file", None))
        loose = rng.choice(sorted(contexts.LOOSE))
        plan.append((loose, contexts.LOOSE[loose]))
        for name in rng.sample(sorted(contexts.KEYED), 5 - len(plan)):
            plan.append((name, contexts.KEYED[name]))
        for index, (name, template) in enumerate(plan):
            if index:
                whole, secret = families.draw(family["parts"], rng)
            text = (
                contexts.rc_file(family, whole)
                if template is None
                else template(family, whole, rng)
            )  # type: ignore[operator]
            assert text is not None and secret in text, (family["name"], name)
            rows.append(
                {
                    "family": family["name"],
                    "context": name,
                    "text": text,
                    "secret": secret,
                    "source": family["source"],
                    "covered": is_covered,
                }
            )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    brng = random.Random(SEED + 1)
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for kind, make in benign.KINDS.items():
            for _ in range(PER_KIND):
                out.write(json.dumps({"kind": kind, "text": make(brng)}, ensure_ascii=False) + "\n")
    (HERE / "covered.txt").write_text("\n".join(done) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} secrets in {len(families.parse())} families ({len(done)} covered); {PER_KIND * len(benign.KINDS)} benign in {len(benign.KINDS)} kinds"
    )


if __name__ == "__main__":
    main()
