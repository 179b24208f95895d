"""Run an audit corpus end to end through ``fedlearn sync`` and search what reaches data/.

``python bench/audit16b/through_sync.py [CORPUS_DIR]`` (default: this folder) runs the installed
fedlearn's ``sync`` once over the corpus, as ``bench/audit16d/through_sync.py`` does (its ``sync``:
a bare remote and a clone in a temporary folder, every secret and benign text the
``error_message`` of one high-value telemetry event), and prints how many secrets appear anywhere
under ``data/`` and how many benign texts do not come out unchanged: each judged by the records
that carry its event (its ``case N``). ``--show`` lists them; the other script compares code trees.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "audit16d"))

from through_sync import strings, sync  # noqa: E402  (bench/audit16d/through_sync.py)


def main() -> None:
    """Sync the corpus once and print the leak and change counts."""
    named = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    corpus = Path(named[0]) if named else HERE
    secrets = [json.loads(line) for line in (corpus / "secrets.jsonl").open(encoding="utf-8")]
    benign = [json.loads(line) for line in (corpus / "benign.jsonl").open(encoding="utf-8")]
    _, records = sync("", [row["text"] for row in secrets + benign])
    # Each sample is judged by the records that carry its event (its ``case N``), so a secret that
    # two samples share is counted for the one that leaks it.
    leaked = [
        row
        for index, row in enumerate(secrets)
        if any(row["secret"] in text for rec in records.get(index, []) for text in strings(rec))
    ]
    missing = [row for index, row in enumerate(secrets) if index not in records]
    changed = []
    for index, row in enumerate(benign, start=len(secrets)):
        kept = [
            rec.get("fields", {}).get("error_message")
            for rec in records.get(index, [])
            if isinstance(rec, dict)
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
