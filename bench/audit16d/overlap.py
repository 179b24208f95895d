"""Which families of families.py the earlier audit corpora already cover (run once, by hand).

``python bench/audit16d/overlap.py PRIOR_DIR...`` reads each PRIOR_DIR's shapes.json and
secrets.jsonl (audit16, audit16b, audit16c and tests/data/families) and prints, per family of
families.py, ``covered`` when a token drawn from it fully matches an earlier shape that has a
literal start of 3 or more characters, or shares its literal start (3+ characters up to the first
draw) with an earlier sample's token. Keyword-gated families (no literal start) are listed with
whether their provider word appears in an earlier family name.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import tokens


def main() -> None:
    """Print the overlap table."""
    regexes, names, samples = [], set(), []
    for folder in map(Path, sys.argv[1:]):
        shapes = folder / "shapes.json"
        if shapes.exists():
            for line in shapes.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                names.add(row["family"].lower())
                try:
                    compiled = re.compile(row["secret"])
                except re.error:
                    continue
                lit = re.match(r"(?:\\b|\(\?i\))*([A-Za-z0-9_.\-]{3,})", row["secret"])
                if lit and not any(c in lit.group(1) for c in "[("):
                    regexes.append(compiled)
        for name in ("secrets.jsonl", "held-out-secrets.jsonl"):
            if (folder / name).exists():
                for line in (folder / name).read_text(encoding="utf-8").splitlines():
                    row = json.loads(line)
                    names.add(row["family"].lower())
                    samples.append(row["secret"])
    rng = random.Random(1)
    for family, _key, shape in tokens.families():
        token = tokens.draw(shape, rng)
        start = tokens.literal_start(shape)
        verdict = "new"
        if len(start) >= 3:
            if any(r.fullmatch(token) for r in regexes) or any(
                s.startswith(start) for s in samples
            ):
                verdict = "covered"
        else:
            word = re.split(r"[-_]", family)[0]
            verdict = "gated-seen" if any(word in n for n in names) else "gated-new"
        print(verdict, family, start)


if __name__ == "__main__":
    main()
