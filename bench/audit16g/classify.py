"""Group the leaks and benign changes of one ``through_sync.py --json`` run of this corpus.

``python bench/audit16f/classify.py OUT.json [TREE]`` prints the leak rate per context (with its
group: keyed, apart, loose), per family kind (token source or personal data), per value shape,
the leaking rows of keyed contexts line by line, and the changed benign strings by kind with the
placeholders that changed them.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import contexts  # noqa: E402


def group(context: str) -> str:
    """keyed / apart / loose (HL7 PID counts as loose)."""
    if context in contexts.APART:
        return "apart"
    if context in contexts.LOOSE or context in contexts.PII_ONLY:
        return "loose"
    return "keyed"


def shape(value: str) -> str:
    """A coarse shape of a value."""
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value):
        return "uuid"
    if re.fullmatch(r"(0x)?[0-9a-f]+", value):
        return "hex"
    if re.fullmatch(r"[0-9 ()+.-]+", value):
        return "digits"
    if re.fullmatch(r"[A-Za-z0-9]+", value):
        return "base62"
    if re.fullmatch(r"[A-Za-z0-9+/]+=*", value):
        return "base64"
    if "%" in value:
        return "percent-encoded"
    return "prefixed/other"


def main() -> None:
    """Print the tables."""
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    run = data[sys.argv[2] if len(sys.argv) > 2 else next(iter(data))]
    rows = [json.loads(x) for x in (HERE / "secrets.jsonl").open(encoding="utf-8")]
    leaks = run["leaks"]
    print(f"leaks: {len(leaks)}/{len(rows)}")
    total = Counter(r["context"] for r in rows)
    leaked = Counter(r["context"] for r in leaks)
    print("\nby context (leaks/rows, group):")
    for ctx, n in sorted(total.items(), key=lambda kv: (-leaked[kv[0]], kv[0])):
        print(f"  {leaked[ctx]:3}/{n:<3} {group(ctx):6} {ctx}")
    for label, key in (
        ("group", lambda r: group(r["context"])),
        ("kind", lambda r: "pii" if r["family"].startswith("pii:") else r["source"]),
        ("shape", lambda r: shape(r["secret"])),
        ("covered", lambda r: r["covered"]),
    ):
        all_ = Counter(key(r) for r in rows)
        bad = Counter(key(r) for r in leaks)
        print(f"\nby {label}: " + ", ".join(f"{k} {bad[k]}/{v}" for k, v in all_.most_common()))
    fams = Counter(r["family"] for r in leaks)
    print(
        f"\nfamilies leaking: {len(fams)}: " + ", ".join(f"{f} {n}" for f, n in fams.most_common())
    )
    print("\nleaking rows (the line holding the secret):")
    for r in sorted(leaks, key=lambda r: (group(r["context"]), r["context"])):
        line = next((ln for ln in r["text"].splitlines() if r["secret"] in ln), "")
        print(f"  {group(r['context']):6} {r['context']:20} {r['family']:28} {line.strip()[:120]}")
    print("\nbenign changed by kind (placeholders):")
    per = Counter(json.loads(x)["kind"] for x in (HERE / "benign.jsonl").open(encoding="utf-8"))
    kinds = Counter(r["kind"] for r in run["changed"])
    for kind, n in kinds.most_common():
        marks = Counter(
            m
            for r in run["changed"]
            if r["kind"] == kind
            for m in re.findall(r"<redacted:[^>]+>", r["out"] or "")
        )
        print(f"  {n:3}/{per[kind]} {kind:26} {dict(marks)}")


if __name__ == "__main__":
    main()
