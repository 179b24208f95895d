"""Sort the changed benign strings of a ``through_sync.py --json`` run by kind and placeholder.

``python bench/benign16i/by_kind.py OUT.json [TREEKEY]``: bench/benign16g/by_kind.py's report on
this folder's benign.jsonl, then the share without the ``benign.DEBATABLE`` kinds.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benign  # noqa: E402

_SPEC = importlib.util.spec_from_file_location("shared", HERE.parent / "benign16g" / "by_kind.py")
assert _SPEC is not None and _SPEC.loader is not None
shared = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(shared)

shared.HERE = HERE


def main() -> None:
    """Print the changed strings by kind, then the numbers without the debatable kinds."""
    shared.main()
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    totals = collections.Counter(
        json.loads(line)["kind"] for line in (HERE / "benign.jsonl").open(encoding="utf-8")
    )
    firm = sum(n for kind, n in totals.items() if kind not in benign.DEBATABLE)
    for tree, result in report.items():
        changed = [r for r in result["changed"] if r["kind"] not in benign.DEBATABLE]
        print(
            f"== {tree}: without the {len(benign.DEBATABLE)} debatable kinds "
            f"{firm - len(changed)}/{firm} unchanged ({100 * (1 - len(changed) / firm):.2f}%)"
        )


if __name__ == "__main__":
    main()
