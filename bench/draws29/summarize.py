"""Break a through_sync.py --json report of draws29 down: overall, per source, without the rows the
scanner's own regex did not find again in their context, placeholders apart, families that leak."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    secrets = [json.loads(x) for x in (HERE / "secrets.jsonl").open(encoding="utf-8")]
    benign = [json.loads(x) for x in (HERE / "benign.jsonl").open(encoding="utf-8")]
    for tree, run in report.items():
        leaks, changed = run["leaks"], run["changed"]
        print(f"== {tree}")

        def rate(rows, bad, what):
            return f"{len(rows) - len(bad)}/{len(rows)} {what} ({100 * (1 - len(bad) / max(len(rows), 1)):.2f}%)"

        print(
            "all:", rate(secrets, leaks, "redacted"), ";", rate(benign, changed, "benign unchanged")
        )
        real = [r for r in secrets if not r["label"]]
        real_l = [r for r in leaks if not r["label"]]
        print("without labelled rows:", rate(real, real_l, "redacted"))
        labels = collections.Counter(r["label"] for r in secrets if r["label"])
        bad_labels = collections.Counter(r["label"] for r in leaks if r["label"])
        print(
            "  labelled:",
            ", ".join(f"{k} {bad_labels[k]}/{n} leak" for k, n in sorted(labels.items())),
        )
        found = [r for r in real if r["scanner_finds"]]
        found_l = [r for r in real_l if r["scanner_finds"]]
        print("placed where the scanner finds them:", rate(found, found_l, "redacted"))
        for src in ("gitleaks", "trufflehog"):
            rows = [r for r in secrets if r["source"] == src]
            bad = [r for r in leaks if r["source"] == src]
            print(f"  {src}:", rate(rows, bad, "redacted"))
        for key in ("context",):
            c_all = collections.Counter(r[key] for r in secrets)
            c_bad = collections.Counter(r[key] for r in leaks)
            print(
                f"  leaks by {key}:", ", ".join(f"{k} {c_bad[k]}/{c_all[k]}" for k in sorted(c_all))
            )
        c_all = collections.Counter(r["family"] for r in benign)
        c_bad = collections.Counter(r["family"] for r in changed)
        print(
            "  benign changed by shape:",
            ", ".join(f"{k} {c_bad[k]}/{c_all[k]}" for k in sorted(c_all)),
        )
        fam = collections.defaultdict(list)
        for r in leaks:
            fam[r["family"]].append(r)
        totals = collections.Counter(r["family"] for r in secrets)
        print(f"  families with leaks: {len(fam)}/{len(totals)}")
        for f, rs in sorted(fam.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            vals = sorted({r["secret"] for r in rs})
            print(f"    {f} {len(rs)}/{totals[f]}: " + " ".join(v[:60] for v in vals[:3]))


if __name__ == "__main__":
    main()
