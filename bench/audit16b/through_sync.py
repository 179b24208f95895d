"""Run an audit corpus end to end through ``fedlearn sync`` and search what reaches data/.

``python bench/audit16b/through_sync.py [CORPUS_DIR]`` (default: this folder) makes a bare
remote and a clone in a temporary folder, writes every secret and benign text of the corpus as
the ``error_message`` of one high-value telemetry event, runs the installed ``fedlearn sync``
once, and prints how many secrets appear anywhere under ``data/`` and how many benign texts do
not come out unchanged: each judged by the records that carry its event (its ``case N``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASE = re.compile(r"\bcase ([0-9]+)\b")


def git(*args: str) -> None:
    """Run git quietly, failing on error."""
    subprocess.run(["git", *args], check=True, capture_output=True)


def main() -> None:
    """Sync the corpus once and print the leak and change counts."""
    named = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    corpus = Path(named[0]) if named else HERE
    secrets = [json.loads(line) for line in (corpus / "secrets.jsonl").open(encoding="utf-8")]
    benign = [json.loads(line) for line in (corpus / "benign.jsonl").open(encoding="utf-8")]
    fedlearn = Path(sys.executable).with_name("fedlearn")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        git("init", "-q", "--bare", "-b", "main", str(root / "remote.git"))
        git("clone", "-q", str(root / "remote.git"), str(root / "repo"))
        for key, value in (("user.email", "audit@example.invalid"), ("user.name", "audit")):
            git("-C", str(root / "repo"), "config", key, value)
        events = root / "hybrid-events.jsonl"
        with events.open("w", encoding="utf-8") as out:
            for index, row in enumerate(secrets + benign):
                event = {
                    "timestamp": f"2026-12-05T{index // 3600 % 24:02d}:{index // 60 % 60:02d}:{index % 60:02d}Z",
                    "error_type": "AuditError",
                    "error_message": row["text"],
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
        process = subprocess.run(
            [str(fedlearn), "sync", "--config", str(config)], capture_output=True, text=True
        )
        print(process.stdout.strip()[-600:], process.stderr.strip()[-600:], sep="\n")
        if "--keep" in sys.argv:
            subprocess.run(["cp", "-r", str(root / "repo" / "data"), "/tmp/audit-sync-data"])
        lines: dict[int, list[str]] = {}
        for path in (root / "repo" / "data").rglob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                for case in CASE.findall(line):
                    lines.setdefault(int(case), []).append(line)
    # Each sample is judged by the lines that carry its event (its ``case N``), so a secret that
    # two samples share is counted for the one that leaks it.
    leaked = [
        row
        for index, row in enumerate(secrets)
        if any(json.dumps(row["secret"])[1:-1] in line for line in lines.get(index, []))
    ]
    missing = [row for index, row in enumerate(secrets) if index not in lines]
    changed = []
    for index, row in enumerate(benign, start=len(secrets)):
        kept = [
            json.loads(line).get("fields", {}).get("error_message") for line in lines.get(index, [])
        ]
        if row["text"].strip() not in kept:  # sync strips a message's outer blanks
            changed.append(row)
    print(
        f"through fedlearn sync: {len(secrets) - len(leaked)}/{len(secrets)} secrets redacted "
        f"({100 * (1 - len(leaked) / len(secrets)):.2f}%, {len(missing)} events not found), "
        f"{len(benign) - len(changed)}/{len(benign)} benign texts unchanged "
        f"({100 * (1 - len(changed) / len(benign)):.2f}%)"
    )
    if "--show" in sys.argv:
        for row in leaked:
            print("LEAK", row["family"], row["context"], repr(row["text"][:160]))
        for row in changed:
            print("CHANGED", repr(row["text"][:160]))


if __name__ == "__main__":
    main()
