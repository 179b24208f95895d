"""Print pii16h's numbers by kind, family group and context from through_sync.py's ``--json`` file.

``python bench/pii16h/classify.py OUT.json [TREE]``: redacted/total per kind (phone, card, iban,
bban, email), leaking families, leaks per context, and the changed benign rows by kind.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def kind(family: str) -> str:
    return family.split(":")[1].split("-")[0]


def main() -> None:
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    tree = sys.argv[2] if len(sys.argv) > 2 else next(iter(report))
    rep = report[tree]
    rows = [json.loads(x) for x in (HERE / "secrets.jsonl").open(encoding="utf-8")]
    total, leaks = (
        Counter(kind(r["family"]) for r in rows),
        Counter(kind(r["family"]) for r in rep["leaks"]),
    )
    for k in total:
        print(
            f"{k:6} {total[k] - leaks[k]:4}/{total[k]:4} redacted ({100 * (1 - leaks[k] / total[k]):.2f}%)"
        )
    fams = Counter(r["family"] for r in rep["leaks"])
    print("leaking families:", len(fams))
    print("  " + ", ".join(f"{f.split(':')[1]} {n}" for f, n in sorted(fams.items())))
    contexts, ctx_leaks = (
        Counter(r["context"] for r in rows),
        Counter(r["context"] for r in rep["leaks"]),
    )
    print(
        "leaks by context: "
        + ", ".join(f"{c} {ctx_leaks[c]}/{contexts[c]}" for c, _ in ctx_leaks.most_common())
    )
    print("benign changed by kind:", dict(Counter(c["kind"] for c in rep["changed"])))


if __name__ == "__main__":
    main()
