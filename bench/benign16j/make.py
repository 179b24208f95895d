"""Build the blind benign corpus bench/benign16j: benign.jsonl beside this file.

``python bench/benign16j/make.py [--seed N --out DIR]`` (seed 16917, this folder) writes 10
distinct strings of each kind of benign.py, one JSON row ``{"kind", "text"}`` a line (the
audit16* benign format), so ``bench/audit16d/through_sync.py --corpus bench/benign16j`` measures
it on its benign rows only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benign  # noqa: E402

SEED = 16917
PER_KIND = 10


def main() -> None:
    """Write benign.jsonl."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=SEED, help="another seed: fresh variants")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seen: set[str] = set()
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "benign.jsonl").open("w", encoding="utf-8") as out:
        for kind, make in benign.KINDS.items():
            for _ in range(PER_KIND):
                text = make(rng)
                for _ in range(50):  # a kind with few contexts may draw one twice: draw again
                    if text not in seen:
                        break
                    text = make(rng)
                assert text not in seen, kind
                assert "case " not in text, kind  # through_sync.py finds records by "case N"
                seen.add(text)
                out.write(json.dumps({"kind": kind, "text": text}, ensure_ascii=False) + "\n")
    print(f"{PER_KIND * len(benign.KINDS)} benign in {len(benign.KINDS)} kinds")


if __name__ == "__main__":
    main()
