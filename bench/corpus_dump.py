"""Anonymize every corpus text in process with one tree's rules; compare two such dumps.

Run from the repository root:

    python bench/corpus_dump.py dump OUT.jsonl [--tree DIR] [--jobs 2] [--rules all|keyed|shaped|none]
    python bench/corpus_dump.py diff BEFORE.jsonl AFTER.jsonl [--show 30]
    python bench/corpus_dump.py summary DUMP.jsonl

``dump`` reads every corpus file (``bench/*/secrets.jsonl``, ``bench/*/benign.jsonl`` and
``tests/data``'s secrets, benign and personal files, held-out ones included), anonymizes each row's
``text`` with the default settings of the fedlearn tree ``DIR`` (this one by default: a frozen
``git archive`` copy measures a branch while its worktree changes) and writes one line per row:
its file, its line number, whether it is a secret row and the text that came out.

``diff`` tells, row by row, what changed between two dumps of the same corpora: secret rows that
no longer leak (fixed), that leak now (new leaks), that are redacted otherwise without leaking;
benign rows that are unchanged now (restored), changed now (newly changed) or changed otherwise.
A secret row leaks when its ``secret`` or one of its ``also`` strings is in the output, as in the
corpora's ``through_sync.py``; it is the in-process view of that end-to-end check (sync anonymizes
an event's fields the same way, as one batch), minutes instead of a sync per corpus. Exit status 1
when there is a new leak or a newly changed benign row.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("secrets.jsonl", "benign.jsonl", "personal.jsonl")


def corpus_files(root: Path) -> list[Path]:
    """Return every corpus file under ``root``'s bench/ and tests/data/, in a fixed order."""
    found = [path for name in NAMES[:2] for path in root.glob(f"bench/*/{name}")]
    found += [path for name in NAMES for path in root.glob(f"tests/data/**/{name}")]
    return sorted(set(found))


def rows(root: Path) -> list[tuple[str, int, dict]]:
    """Return every row of every corpus file: its path (relative to ``root``), line and value."""
    found = []
    for path in corpus_files(root):
        relative = str(path.relative_to(root))
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    found.append((relative, number, json.loads(line)))
    return found


def leaks(row: dict, out: str) -> bool:
    """Return whether a secret row's secret, or one of its ``also`` strings, is in ``out``."""
    wanted = [row["secret"], *(row.get("also") or ())]
    return any(value and value in out for value in wanted)


def dump_part(tree: str, part: int, parts: int, out: Path, which: str = "all") -> None:
    """Anonymize every ``parts``-th row from ``part`` with ``tree``'s rules (the share ``which`` of
    them, ``rule_sets``) into ``out``."""
    sys.path.insert(0, tree)
    if which != "all":
        sys.path.insert(1, str(ROOT / "bench"))
        from rule_sets import with_rules

        with_rules(which)
    from fedlearn import config
    from fedlearn.anonymize import Anonymizer

    anonymizer = Anonymizer(config.Config().anonymize)
    anonymizer.build_prefilter()
    with out.open("w", encoding="utf-8") as handle:
        for index, (path, number, row) in enumerate(rows(ROOT)):
            if index % parts == part:
                text = row["text"]
                record = {"file": path, "line": number, "out": anonymizer.anonymize(text)}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def dump(out: Path, tree: str, jobs: int, which: str = "all") -> None:
    """Run ``dump_part`` in ``jobs`` child processes and join their parts into ``out``."""
    parts = [out.with_suffix(f".part{part}") for part in range(jobs)]
    children = [
        subprocess.Popen(
            [
                *(sys.executable, __file__, "part", str(part), str(jobs), str(path)),
                *("--tree", tree, "--rules", which),
            ],
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        for part, path in enumerate(parts)
    ]
    if any(child.wait() for child in children):
        sys.exit("corpus_dump: a part failed")
    records = []
    for path in parts:
        with path.open(encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle]
        path.unlink()
    records.sort(key=lambda record: (record["file"], record["line"]))
    with out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"corpus_dump: {len(records):,} texts -> {out}")


def load(path: Path) -> dict[tuple[str, int], str]:
    """Return a dump's outputs by (file, line)."""
    with path.open(encoding="utf-8") as handle:
        return {
            (record["file"], record["line"]): record["out"] for record in map(json.loads, handle)
        }


def diff(before_path: Path, after_path: Path, show: int) -> int:
    """Print what changed between two dumps; return 1 when something got worse."""
    before, after = load(before_path), load(after_path)
    tally: Counter[str] = Counter()
    worse: list[str] = []
    other: list[str] = []
    for path, number, row in rows(ROOT):
        key = (path, number)
        if key not in before or key not in after:
            tally["rows in one dump only"] += 1
            continue
        old, new, text = before[key], after[key], row["text"]
        label = f"{path}:{number} [{row.get('label') or row.get('family', '')}]"
        if "secret" in row:
            was, now = leaks(row, old), leaks(row, new)
            tally["(secret rows)"] += 1
            tally["(secret rows leaking before)"] += was
            tally["(secret rows leaking after)"] += now
            if was and not now:
                tally["secret fixed"] += 1
            elif now and not was:
                tally["secret NEW LEAK"] += 1
                worse.append(f"NEW LEAK {label}\n    {new[:300]!r}")
            elif old != new:
                tally["secret leaking, output changed" if now else "secret redacted otherwise"] += 1
                other.append(f"otherwise {label}\n    {old[:200]!r}\n -> {new[:200]!r}")
        else:
            was, now = old == text, new == text
            tally["(benign rows)"] += 1
            tally["(benign rows changed before)"] += not was
            tally["(benign rows changed after)"] += not now
            if now and not was:
                tally["benign restored"] += 1
            elif was and not now:
                tally["benign NEWLY CHANGED"] += 1
                worse.append(f"NEWLY CHANGED {label}\n    {new[:300]!r}")
            elif old != new:
                tally["benign changed otherwise"] += 1
                other.append(f"otherwise {label}\n    {old[:200]!r}\n -> {new[:200]!r}")
    for name, count in sorted(tally.items()):
        print(f"{count:7,}  {name}")
    for line in worse[:show] + other[:show]:
        print(line)
    return 1 if worse else 0


def summary(path: Path) -> None:
    """Print per corpus file the share of secret rows redacted and of benign rows unchanged, all
    rows and the unlabelled ones (a row's ``label`` marks fixture junk, counted apart)."""
    outs = load(path)
    tally: dict[str, Counter[str]] = {}
    for file, number, row in rows(ROOT):
        out = outs.get((file, number))
        if out is None:
            continue
        good = not leaks(row, out) if "secret" in row else out == row["text"]
        counts = tally.setdefault(file, Counter())
        counts["all"] += 1
        counts["good"] += good
        if not row.get("label"):
            counts["unlabelled"] += 1
            counts["unlabelled good"] += good
    print("| corpus file | rows | good, all | good, unlabelled |")
    print("|---|---|---|---|")
    for file, counts in sorted(tally.items()):
        unlabelled = counts["unlabelled"]
        share = f"{100 * counts['unlabelled good'] / unlabelled:.2f}%" if unlabelled else "—"
        print(
            f"| {file} | {counts['all']:,} | {100 * counts['good'] / counts['all']:.2f}% | {share} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("dump")
    making.add_argument("out", type=Path)
    making.add_argument("--tree", default=str(ROOT))
    making.add_argument("--jobs", type=int, default=2)
    making.add_argument("--rules", default="all", help="all, keyed, shaped or none (rule_sets.py)")
    part = commands.add_parser("part")  # one child of ``dump``
    part.add_argument("part", type=int)
    part.add_argument("parts", type=int)
    part.add_argument("out", type=Path)
    part.add_argument("--tree", default=str(ROOT))
    part.add_argument("--rules", default="all")
    comparing = commands.add_parser("diff")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=30)
    summing = commands.add_parser("summary")
    summing.add_argument("dump", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, str(Path(args.tree).resolve()), args.jobs, args.rules)
    elif args.command == "part":
        dump_part(str(Path(args.tree).resolve()), args.part, args.parts, args.out, args.rules)
    elif args.command == "summary":
        summary(args.dump)
    else:
        sys.exit(diff(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
