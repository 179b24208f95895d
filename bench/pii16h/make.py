"""Build pii16h, the held-out personal data corpus of issue 16: secrets.jsonl, benign.jsonl and
fiction/benign.jsonl beside this file.

``python bench/pii16h/make.py`` (seed 16816) draws each family of phones.py (one per country) and
money.py (card brands, IBAN countries, national accounts, e-mail forms) five times and places the
draws in five different contexts of contexts.py that take the family's kind, chosen at random
without repeats. A family's generator returns the value as printed, or ``(secret, printed)`` when
the print holds more than the secret (an extension, a ``tel:``/``mailto:``/SIP wrapper, a routing
code beside an account). benign.jsonl holds 12 strings of each kind of benign.py;
fiction/benign.jsonl 36 numbers reserved for fiction and documentation (reported apart). Row
format is audit16g's, so bench/audit16d/through_sync.py runs it unchanged.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benign  # noqa: E402
import contexts  # noqa: E402
import fiction  # noqa: E402
import money  # noqa: E402
import phones  # noqa: E402

SEED = 16816
PER_KIND = 12
FICTION = 36


def kind(name: str) -> str:
    return name.split(":")[1].split("-")[0]


def main() -> None:
    """Write the corpus files."""
    rng = random.Random(SEED)
    rows = []
    families = phones.FAMILIES + money.FAMILIES
    for name, gen, source in families:
        k = kind(name)
        usable = sorted(c for c, kinds in contexts.KINDS.items() if k in kinds)
        for ctx in rng.sample(usable, 5):
            drawn = gen(rng)
            secret, printed = drawn if isinstance(drawn, tuple) else (drawn, drawn)
            text, in_text = contexts.CONTEXTS[ctx](k, secret, printed, rng)
            assert in_text in text, (name, ctx, in_text, text)
            rows.append(
                {
                    "family": name,
                    "context": ctx,
                    "text": text,
                    "secret": in_text,
                    "source": source,
                    "covered": False,
                }
            )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    brng = random.Random(SEED + 1)
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for name, make in benign.KINDS.items():
            for _ in range(PER_KIND):
                out.write(json.dumps({"kind": name, "text": make(brng)}, ensure_ascii=False) + "\n")
    (HERE / "fiction").mkdir(exist_ok=True)
    frng = random.Random(SEED + 2)
    with (HERE / "fiction" / "benign.jsonl").open("w", encoding="utf-8") as out:
        for _ in range(FICTION):
            out.write(
                json.dumps({"kind": "fiction", "text": fiction.make(frng)}, ensure_ascii=False)
                + "\n"
            )
    by_kind: dict[str, int] = {}
    for name, _, _ in families:
        by_kind[kind(name)] = by_kind.get(kind(name), 0) + 1
    print(
        f"{len(rows)} secrets in {len(families)} families ({by_kind}); "
        f"{PER_KIND * len(benign.KINDS)} benign in {len(benign.KINDS)} kinds; {FICTION} fiction"
    )


if __name__ == "__main__":
    main()
