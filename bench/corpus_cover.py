"""What the held-out corpora's ``make.py`` scripts share: whether an earlier corpus already holds a
family (the ``covered`` mark of bench/audit16e and bench/audit16f)."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any


def earlier(root: Path, corpora: Iterable[str]) -> tuple[list[str], str]:
    """The earlier corpora's secrets and their family names (joined, lower case); a corpus file
    missing under ``root`` is skipped."""
    secrets, names = [], []
    for rel in corpora:
        path = root / rel
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            secrets.append(row["secret"])
            names.append(row["family"].lower())
    return secrets, " ".join(sorted(set(names)))


def covered(family: Mapping[str, Any], secrets: list[str], names: str) -> bool:
    """Whether an earlier corpus holds this family: a secret starting with the family's literal
    start (3+ characters), or, without one, a family name holding its provider word."""
    parts = family["parts"]
    if parts and parts[0][0] == "lit" and len(str(parts[0][1])) >= 3:
        start = str(parts[0][1])[:8]
        return any(secret.startswith(start) for secret in secrets)
    return str(family["word"]) in names


def write(
    here: Path,
    rows: list[dict[str, Any]],
    kinds: Mapping[str, Callable[[random.Random], str]],
    rng: random.Random,
    per_kind: int,
    covered_names: Iterable[Any],
) -> None:
    """Write a corpus beside its make.py: ``secrets.jsonl`` (``rows``), ``benign.jsonl`` (``per_kind``
    strings of each of ``kinds``, drawn from ``rng`` in order) and ``covered.txt``."""
    with (here / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (here / "benign.jsonl").open("w", encoding="utf-8") as out:
        for kind, make in kinds.items():
            for _ in range(per_kind):
                out.write(json.dumps({"kind": kind, "text": make(rng)}, ensure_ascii=False) + "\n")
    (here / "covered.txt").write_text("\n".join(map(str, covered_names)) + "\n", encoding="utf-8")


def write_distinct_benign(
    kinds: Mapping[str, Callable[[random.Random], str]], seed: int, per_kind: int, here: Path
) -> None:
    """The benign corpora's make.py (bench/benign16h, 16i, 16j): ``[--seed N --out DIR]`` (``seed``,
    ``here``) writes ``per_kind`` distinct strings of each of ``kinds``, one JSON row ``{"kind",
    "text"}`` a line, to ``benign.jsonl``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=seed, help="another seed: fresh variants")
    parser.add_argument("--out", type=Path, default=here)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seen: set[str] = set()
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "benign.jsonl").open("w", encoding="utf-8") as out:
        for kind, make in kinds.items():
            for _ in range(per_kind):
                text = make(rng)
                for _ in range(50):  # a kind with few contexts may draw one twice: draw again
                    if text not in seen:
                        break
                    text = make(rng)
                assert text not in seen, kind
                assert "case " not in text, kind  # through_sync.py finds records by "case N"
                seen.add(text)
                out.write(json.dumps({"kind": kind, "text": text}, ensure_ascii=False) + "\n")
    print(f"{per_kind * len(kinds)} benign in {len(kinds)} kinds")
