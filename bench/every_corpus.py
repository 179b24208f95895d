"""Every corpus through a real ``fedlearn sync``, two trees side by side, row by row.

Run from the repository root:

    python bench/every_corpus.py --before TREE --after TREE [--jobs 2] [--only NAME ...]
        [--json OUT]

Each corpus (every ``bench/*/`` folder with a ``secrets.jsonl`` or ``benign.jsonl``, and
tests/data's three: ``families``, ``held-out`` and its own files as ``tests-data``) is synced once
per tree by ``bench/audit16d/through_sync.py``'s ``sync`` (a bare remote, a clone, each text the
``error_message`` of one high-value event, ``python -m fedlearn sync`` with ``PYTHONPATH=TREE``). A
secret row leaks when its ``secret`` or an ``also`` string is in a record of its event; a benign
row is kept when its event's ``error_message`` comes out unchanged. Prints per corpus, for both
trees, the share of secret rows redacted and of benign rows unchanged, all rows and the unlabelled
ones (a corpus's ``label`` marks fixture junk, counted apart: placeholders, values that are no
credential, live-shaped benign values, personal data), then the rows that moved: fixed, new leaks,
restored, newly changed. Exit status 1 on a new leak or a newly changed benign row.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench" / "audit16d"))

import through_sync  # noqa: E402  (bench/audit16d: the one end-to-end runner)


def corpora(only: list[str]) -> dict[str, Path]:
    """Return every corpus folder by name (tests/data's as ``families``, ``held-out`` and
    ``tests-data``), or those in ``only``."""
    data = ROOT / "tests" / "data"
    found = {"families": data / "families", "held-out": data / "held-out", "tests-data": data}
    for folder in sorted((ROOT / "bench").iterdir()):
        if (folder / "secrets.jsonl").exists() or (folder / "benign.jsonl").exists():
            found[folder.name] = folder
    return {name: path for name, path in found.items() if not only or name in only}


def read(path: Path) -> list[dict]:
    """Return a JSONL file's rows (none when it does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def outcome(tree: str, secrets: list[dict], benign: list[dict]) -> tuple[list[bool], list[bool]]:
    """Sync the rows with ``tree``'s fedlearn; return per secret row whether it leaked and per
    benign row whether it was kept."""
    _, records = through_sync.sync(tree, [row["text"] for row in secrets + benign])
    leaked = []
    for index, row in enumerate(secrets):
        found = [text for record in records.get(index, []) for text in through_sync.strings(record)]
        wanted = [row["secret"], *(row.get("also") or ())]
        leaked.append(any(value and value in text for value in wanted for text in found))
    kept = []
    for index, row in enumerate(benign, start=len(secrets)):
        outs = [
            record.get("fields", {}).get("error_message")
            for record in records.get(index, [])
            if isinstance(record, dict)
        ]
        kept.append(row["text"].strip() in outs)
    return leaked, kept


def share(good: list[bool], rows: list[dict], unlabelled: bool = False) -> str:
    """Return ``good``'s share in percent over all rows or the unlabelled ones."""
    pairs = [(ok, row) for ok, row in zip(good, rows, strict=True)]
    if unlabelled:
        pairs = [(ok, row) for ok, row in pairs if not row.get("label")]
    if not pairs:
        return "—"
    return f"{100 * sum(ok for ok, _ in pairs) / len(pairs):.2f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    found = corpora(args.only)
    rows = {
        name: (read(path / "secrets.jsonl"), read(path / "benign.jsonl"))
        for name, path in found.items()
    }
    work = [(name, tree) for name in found for tree in (args.before, args.after)]
    with ThreadPoolExecutor(args.jobs) as pool:  # each sync is a child process
        results = dict(
            zip(work, pool.map(lambda item: outcome(item[1], *rows[item[0]]), work), strict=True)
        )
    print("| corpus | secrets redacted, all (unlabelled) | benign unchanged, all (unlabelled) |")
    print("|---|---|---|")
    moved: dict[str, list[str]] = {"fixed": [], "NEW LEAK": [], "restored": [], "NEWLY CHANGED": []}
    for name in found:
        secrets, benign = rows[name]
        (leak0, kept0), (leak1, kept1) = results[name, args.before], results[name, args.after]
        redacted0, redacted1 = [not x for x in leak0], [not x for x in leak1]
        cells = []
        for before, after, kind in ((redacted0, redacted1, secrets), (kept0, kept1, benign)):
            if not kind:
                cells.append("—")
                continue
            cells.append(
                f"{share(before, kind)} → {share(after, kind)}"
                f" ({share(before, kind, True)} → {share(after, kind, True)})"
            )
        print(f"| {name} | {cells[0]} | {cells[1]} |")
        for index, row in enumerate(secrets):
            if leak0[index] != leak1[index]:
                moved["NEW LEAK" if leak1[index] else "fixed"].append(
                    f"{name}: {row['text'][:160]!r}"
                )
        for index, row in enumerate(benign):
            if kept0[index] != kept1[index]:
                moved["restored" if kept1[index] else "NEWLY CHANGED"].append(
                    f"{name}: {row['text'][:160]!r}"
                )
    for kind, lines in moved.items():
        print(f"{kind}: {len(lines)}")
        if kind.startswith("NEW"):
            for line in lines:
                print(f"    {line}")
    if args.json:
        args.json.write_text(json.dumps(moved, indent=1, ensure_ascii=False), encoding="utf-8")
    sys.exit(1 if moved["NEW LEAK"] or moved["NEWLY CHANGED"] else 0)


if __name__ == "__main__":
    main()
