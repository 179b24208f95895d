"""Run the fourth audit corpus end to end through ``fedlearn sync``, on one or more code trees.

``python bench/audit16d/through_sync.py [--tree DIR]... [--corpus DIR] [--json OUT]`` makes, per tree, a bare
remote and a clone in a temporary folder, writes every secret and benign text as the
``error_message`` of one high-value telemetry event (bench/audit16b/through_sync.py calls its ``sync``), runs
``python -m fedlearn sync`` once with ``PYTHONPATH=DIR`` (no ``--tree``: the installed fedlearn),
and judges each sample by the records under ``data/`` that carry its event (its ``case N``): a
secret leaks when its ``secret`` or any of its ``also`` strings is in any decoded string of those
records; a benign text is kept when its event's ``error_message`` comes out unchanged. Prints per
tree the numbers, and the numbers without the ``pii:`` families; ``--json OUT`` writes per tree
the leaking rows with their output and the changed benign rows.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASE = re.compile(r"\bcase ([0-9]+)\b")


def git(*args: str) -> None:
    """Run git quietly, failing on error."""
    subprocess.run(["git", *args], check=True, capture_output=True)


def strings(value: object) -> Iterator[str]:
    """Yield every string inside a decoded JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def prepare(root: Path, texts: list[str]) -> Path:
    """
    Make under ``root`` a bare remote, a clone, and the telemetry with each of ``texts`` as the
    ``error_message`` of one high-value event (``solution``: ``case N``); return the config's path.
    """
    git("init", "-q", "--bare", "-b", "main", str(root / "remote.git"))
    git("clone", "-q", str(root / "remote.git"), str(root / "repo"))
    for key, value in (("user.email", "audit@example.invalid"), ("user.name", "audit")):
        git("-C", str(root / "repo"), "config", key, value)
    events = root / "hybrid-events.jsonl"
    with events.open("w", encoding="utf-8") as out:
        for index, text in enumerate(texts):
            event = {
                "timestamp": f"2026-12-05T{index // 3600 % 24:02d}:{index // 60 % 60:02d}:{index % 60:02d}Z",
                "error_type": "AuditError",
                "error_message": text,
                "solution": f"case {index}",
                "value_score": 0.9,
            }
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    config = root / "config.toml"
    config.write_text(
        f'node_id = "audit"\nrepo = "{root / "repo"}"\nstate_dir = "{root / "state"}"\n'
        f'[sync]\ntelemetry = ["{events}"]\nfine_tuning = "{root / "dataset.jsonl"}"\n'
        "[embedding]\ndimension = 64\n"
    )
    return config


def sync(tree: str, texts: list[str]) -> tuple[str, dict[int, list[object]]]:
    """Sync ``texts`` as events with the fedlearn of ``tree``; return its path and records by case."""
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = str(Path(tree).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = prepare(root, texts)
        which = subprocess.run(
            [sys.executable, "-c", "import fedlearn; print(fedlearn.__file__)"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
            check=True,
        ).stdout.strip()
        process = subprocess.run(
            [sys.executable, "-m", "fedlearn", "sync", "--config", str(config)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
        )
        if process.returncode:
            print(process.stdout[-800:], process.stderr[-800:])
        records: dict[int, list[object]] = {}
        for path in (root / "repo" / "data").rglob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                for case in set(CASE.findall(line)):
                    records.setdefault(int(case), []).append(json.loads(line))
    return which, records


def main() -> None:
    """Sync the corpus once per tree and print the numbers."""
    trees = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--tree"] or [""]
    corpus = Path(sys.argv[sys.argv.index("--corpus") + 1]) if "--corpus" in sys.argv else HERE
    secret_file = corpus / "secrets.jsonl"  # a benign-only corpus (bench/benign16g) has none
    secrets = (
        [json.loads(x) for x in secret_file.open(encoding="utf-8")] if secret_file.exists() else []
    )
    benign_file = (
        corpus / "benign.jsonl" if (corpus / "benign.jsonl").exists() else HERE / "benign.jsonl"
    )
    benign = [json.loads(x) for x in benign_file.open(encoding="utf-8")]
    report = {}
    for tree in trees:
        which, records = sync(tree, [r["text"] for r in secrets] + [r["text"] for r in benign])
        leaks, missing = [], 0
        for index, row in enumerate(secrets):
            found = [s for rec in records.get(index, []) for s in strings(rec)]
            missing += index not in records
            hits = [x for x in [row["secret"], *row.get("also", [])] if any(x in s for s in found)]
            if hits:
                outs = [
                    rec.get("fields", {}).get("error_message")
                    for rec in records[index]
                    if isinstance(rec, dict)
                ]
                leaks.append({**row, "hits": hits, "out": next((o for o in outs if o), None)})
        changed = []
        for index, row in enumerate(benign, start=len(secrets)):
            kept = [
                rec.get("fields", {}).get("error_message")
                for rec in records.get(index, [])
                if isinstance(rec, dict)
            ]
            if row["text"].strip() not in kept:
                changed.append({**row, "out": next((o for o in kept if o), None)})
        pii = [r for r in secrets if r["family"].startswith("pii:")]
        pii_leaks = [r for r in leaks if r["family"].startswith("pii:")]
        n, nl = len(secrets) - len(pii), len(leaks) - len(pii_leaks)
        fams = {r["family"] for r in secrets}
        print(
            f"tree {tree or '(installed)'} [{which}]: {len(secrets) - len(leaks)}/{len(secrets)} "
            f"secrets redacted ({100 * (1 - len(leaks) / max(len(secrets), 1)):.2f}%; without pii "
            f"{n - nl}/{n} = {100 * (1 - nl / max(n, 1)):.2f}%; {len({r['family'] for r in leaks})}/"
            f"{len(fams)} families leak; {missing} events not found), "
            f"{len(benign) - len(changed)}/{len(benign)} benign unchanged "
            f"({100 * (1 - len(changed) / len(benign)):.2f}%)"
        )
        report[tree or "installed"] = {"fedlearn": which, "leaks": leaks, "changed": changed}
    if "--json" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--json") + 1])
        out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
