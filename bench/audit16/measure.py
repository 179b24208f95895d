"""Measure the audit corpus (issue 16): what leaks per family and which benign texts change.

``python bench/audit16/measure.py [--json OUT]`` runs every line of secrets.jsonl and benign.jsonl
through the default Anonymizer twice, with the RE2 set (when google-re2 is installed) and on the
keyword-trigger path, and prints the leak and change counts and the leaking families.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, prefilter

HERE = Path(__file__).resolve().parent
MACHINE = Machine(hostname="quasar", fqdn="quasar", user="jdoe", home="/home/jdoe")


def rows(name: str) -> list[dict[str, str]]:
    """Return the rows of ``<name>.jsonl`` next to this script."""
    lines = (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def measure(use_re2: bool) -> dict[str, object]:
    """Return the leaks per family and the changed benign texts of one detection path."""
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
    secrets, benign = rows("secrets"), rows("benign")
    leaked: dict[str, list[str]] = collections.defaultdict(list)
    for row in secrets:
        if row["secret"] in engine.anonymize(row["text"]):
            leaked[row["family"]].append(row["context"])
    changed = []
    for row in benign:
        out = engine.anonymize(row["text"])
        if out != row["text"]:
            changed.append({"kind": row["kind"], "text": row["text"], "out": out})
    families = {row["family"] for row in secrets}
    return {
        "secrets": len(secrets),
        "families": len(families),
        "leaked": sum(len(v) for v in leaked.values()),
        "families_leaking": len(leaked),
        "families_leaking_all": sum(len(v) == 7 for v in leaked.values()),
        "benign": len(benign),
        "changed": len(changed),
        "by_family": dict(sorted(leaked.items())),
        "changed_rows": changed,
    }


OUR_BENIGN = (
    "tests/data/benign.jsonl",
    "tests/data/families/benign.jsonl",
    "tests/data/families/held-out-benign.jsonl",
    "tests/data/held-out/benign.jsonl",
)


def our_benign_changed(use_re2: bool) -> list[str]:
    """Return the texts of the repository's own benign corpora that one path changes."""
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
    root = HERE.parent.parent
    changed = []
    for name in OUR_BENIGN:
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            if engine.anonymize(text) != text:
                changed.append(text)
    return changed


def main() -> None:
    """Print both paths' numbers; with ``--json OUT`` also write them."""
    paths = {"re2": True, "triggers": False} if prefilter.load_re2() else {"triggers": False}
    results = {name: measure(flag) for name, flag in paths.items()}
    for name, result in results.items():
        print(
            f"{name}: leaked {result['leaked']}/{result['secrets']} samples, "
            f"{result['families_leaking']}/{result['families']} families leak "
            f"({result['families_leaking_all']} in every context); "
            f"benign changed {result['changed']}/{result['benign']}"
        )
        ours = our_benign_changed(paths[name])
        result["our_benign_changed"] = ours
        print(f"{name}: the repository's own benign corpora: {len(ours)} changed")
    if "--json" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--json") + 1])
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
