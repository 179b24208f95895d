"""Sort the changed benign strings of a ``through_sync.py --json`` run by kind and placeholder.

``python bench/benign16g/by_kind.py OUT.json [TREEKEY]`` prints, per tree (or only TREEKEY), the
benign strings changed per kind (n/total), the placeholders that replaced text in them and one
example: the input span that was replaced and the output around it.
"""

from __future__ import annotations

import collections
import difflib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"<[a-z][a-z0-9:_-]*>")


def replaced(text: str, out: str) -> list[tuple[str, str]]:
    """The (input span, placeholder) pairs: what each placeholder of out stands for in text."""
    parts = PLACEHOLDER.split(out)
    marks = PLACEHOLDER.findall(out)
    pattern = "(.*?)".join(re.escape(part) for part in parts)
    found = re.fullmatch(pattern, text, re.DOTALL)
    if found is None:  # text changed outside the placeholders too
        matcher = difflib.SequenceMatcher(None, text, out, autojunk=False)
        return [
            (text[i1:i2], out[j1:j2])
            for op, i1, i2, j1, j2 in matcher.get_opcodes()
            if op != "equal"
        ]
    return list(zip(found.groups(), marks, strict=True))


def main() -> None:
    """Print the changed strings of each tree by kind."""
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    totals = collections.Counter(
        json.loads(line)["kind"] for line in (HERE / "benign.jsonl").open(encoding="utf-8")
    )
    for tree, result in report.items():
        if len(sys.argv) > 2 and tree != sys.argv[2]:
            continue
        changed = result["changed"]
        print(f"== {tree}: {len(changed)} changed of {sum(totals.values())}")
        by_kind: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
        for row in changed:
            by_kind[row["kind"]].append(row)
        for kind, rows in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
            marks = collections.Counter(
                m for row in rows for m in set(PLACEHOLDER.findall(row["out"] or ""))
            )
            pairs = replaced(rows[0]["text"], rows[0]["out"] or "")
            print(f"{len(rows):3}/{totals[kind]} {kind}: {dict(marks)}")
            for before, after in pairs[:3]:
                print(f"      {before[:100]!r} -> {after}")


if __name__ == "__main__":
    main()
