"""Break a through_sync.py --json report of fixtures24 down by source, context and kind, with the
rates without the labelled samples (placeholders, values that are no credential, personal data)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import corpus_report  # noqa: E402


def labelled(run: dict, secrets: list[dict], benign: list[dict]) -> None:
    """Print the rates without the labelled rows, then the leaks and changes by label."""
    real = [x for x in secrets if not x.get("label")]
    real_leaks = [x for x in run["leaks"] if not x.get("label")]
    plain = [x for x in benign if not x.get("label")]
    plain_changed = [x for x in run["changed"] if not x.get("label")]
    print(
        f"  without labelled samples: {len(real) - len(real_leaks)}/{len(real)} secrets redacted "
        f"({100 * (1 - len(real_leaks) / len(real)):.2f}%), {len(plain) - len(plain_changed)}/{len(plain)} "
        f"benign unchanged ({100 * (1 - len(plain_changed) / len(plain)):.2f}%)"
    )
    for what, rows, bad in (("leaks", secrets, run["leaks"]), ("changed", benign, run["changed"])):
        print(corpus_report.by_key(what, label_rows(rows), label_rows(bad), "label"))


def label_rows(rows: list[dict]) -> list[dict]:
    """Return each row's label alone, ``none`` for a row without one."""
    return [{"label": row.get("label") or "none"} for row in rows]


if __name__ == "__main__":
    corpus_report.breakdown(
        HERE, sys.argv[1:], ("source", "context", "kind"), ("source", "context"), labelled
    )
