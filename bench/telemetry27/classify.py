"""Break a through_sync.py --json report of telemetry27 down by context, source and kind."""

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
        for key in ("context", "source"):
            total = collections.Counter(s[key] for s in secrets)
            bad = collections.Counter(s[key] for s in r["leaks"])
            print(
                f"  leaks by {key}: " + ", ".join(f"{k} {bad[k]}/{total[k]}" for k in sorted(total))
            )
        for key in ("context", "kind"):
            total = collections.Counter(s[key] for s in benign)
            bad = collections.Counter(s[key] for s in r["changed"])
            print(
                f"  changed by {key}: "
                + ", ".join(f"{k} {bad[k]}/{total[k]}" for k in sorted(total))
            )


if __name__ == "__main__":
    main()
