"""Measure an audit corpus (issue 16) in process: leaks per family and context, benign changes.

``python bench/audit16b/measure.py [CORPUS] [--json OUT] [--show N]`` runs every line of
secrets.jsonl and benign.jsonl of the folder CORPUS (default: this one; ``bench/audit16c`` the
held-out one) through the default Anonymizer on both detection paths (the RE2 set when google-re2
is installed, and the keyword-trigger path), checks that both give byte-identical output, prints
the counts, the leaks per context, the leaking families (with how many of their samples leak)
and, with ``--show N``, N leaking samples and every changed benign text. The end-to-end number is
through_sync's (``python bench/audit16b/through_sync.py CORPUS``).
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, prefilter

HERE = Path(__file__).resolve().parent
# The corpus folder: the first argument, unless it is an option (default: this folder).
FIRST = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else None
CORPUS = Path(FIRST).resolve() if FIRST else HERE
MACHINE = Machine(hostname="quasar", fqdn="quasar", user="jdoe", home="/home/jdoe")


def rows(name: str) -> list[dict[str, str]]:
    """Return the rows of ``<name>.jsonl`` in the corpus folder."""
    lines = (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def run(use_re2: bool) -> tuple[list[str], list[str]]:
    """Return the outputs for the secret and the benign rows on one detection path."""
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
    return (
        [engine.anonymize(row["text"]) for row in rows("secrets")],
        [engine.anonymize(row["text"]) for row in rows("benign")],
    )


def main() -> None:
    """Print both paths' numbers; ``--json OUT`` also writes the leaks and changes."""
    secrets, benign = rows("secrets"), rows("benign")
    paths = {"re2": True, "triggers": False} if prefilter.load_re2() else {"triggers": False}
    outputs = {name: run(flag) for name, flag in paths.items()}
    same = len({json.dumps(out) for out in outputs.values()}) == 1
    print("paths agree byte for byte" if same else "PATHS DISAGREE")
    s_out, b_out = next(iter(outputs.values()))
    leaks = [(r, o) for r, o in zip(secrets, s_out, strict=True) if r["secret"] in o]
    changed = [(r, o) for r, o in zip(benign, b_out, strict=True) if r["text"] != o]
    families = collections.Counter(r["family"] for r in secrets)
    leaking = collections.Counter(r["family"] for r, _ in leaks)
    print(
        f"{'/'.join(paths)}: redacted {len(secrets) - len(leaks)}/{len(secrets)} "
        f"({100 * (1 - len(leaks) / len(secrets)):.2f}%), {len(leaking)}/{len(families)} families "
        f"leak; benign unchanged {len(benign) - len(changed)}/{len(benign)} "
        f"({100 * (1 - len(changed) / len(benign)):.2f}%)"
    )
    by_context = collections.Counter(r["context"] for r, _ in leaks)
    print("leaks by context:", dict(by_context.most_common()))
    print(
        "leaking families:", ", ".join(f"{f} {n}/{families[f]}" for f, n in sorted(leaking.items()))
    )
    print("changed by kind:", dict(collections.Counter(r["kind"] for r, _ in changed)))
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    for r, o in leaks[:show]:
        print(f"LEAK {r['family']} {r['context']}: {o!r}")
    for r, o in changed[: show and len(changed)]:
        print(f"CHANGED {r['kind']}: {r['text']!r} -> {o!r}")
    if "--json" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--json") + 1])
        payload = {
            "leaks": [{**r, "out": o} for r, o in leaks],
            "changed": [{**r, "out": o} for r, o in changed],
        }
        out.write_text(json.dumps(payload, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
