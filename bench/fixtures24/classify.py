"""Break a through_sync.py --json report of fixtures24 down by source, context and kind."""

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
    for tree, r in report.items():
        print(f"== {tree}: {len(r['leaks'])} leaks, {len(r['changed'])} benign changed")
        real = [x for x in secrets if not x.get("label")]
        real_leaks = [x for x in r["leaks"] if not x.get("label")]
        plain = [x for x in benign if not x.get("label")]
        plain_changed = [x for x in r["changed"] if not x.get("label")]
        print(
            f"  without labelled samples: {len(real) - len(real_leaks)}/{len(real)} secrets redacted "
            f"({100 * (1 - len(real_leaks) / len(real)):.2f}%), {len(plain) - len(plain_changed)}/{len(plain)} "
            f"benign unchanged ({100 * (1 - len(plain_changed) / len(plain)):.2f}%)"
        )
        for key in ("label",):
            total = collections.Counter(s.get(key, "") for s in secrets)
            bad = collections.Counter(s.get(key, "") for s in r["leaks"])
            print(
                "  leaks by label: "
                + ", ".join(f"{k or 'none'} {bad[k]}/{total[k]}" for k in sorted(total))
            )
            total = collections.Counter(s.get(key, "") for s in benign)
            bad = collections.Counter(s.get(key, "") for s in r["changed"])
            print(
                "  changed by label: "
                + ", ".join(f"{k or 'none'} {bad[k]}/{total[k]}" for k in sorted(total))
            )
        for key in ("source", "context", "kind"):
            total = collections.Counter(s[key] for s in secrets)
            bad = collections.Counter(s[key] for s in r["leaks"])
            print(
                f"  leaks by {key}: " + ", ".join(f"{k} {bad[k]}/{total[k]}" for k in sorted(total))
            )
        for key in ("source", "context"):
            total = collections.Counter(s[key] for s in benign)
            bad = collections.Counter(s[key] for s in r["changed"])
            print(
                f"  changed by {key}: "
                + ", ".join(f"{k} {bad[k]}/{total[k]}" for k in sorted(total))
            )


if __name__ == "__main__":
    main()
