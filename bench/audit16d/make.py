"""Build the fourth audit corpus of issue 16 (held out): secrets.jsonl and benign.jsonl beside it.

``python bench/audit16d/make.py [--control]`` (seed 16416) draws tokens for every token family of
families.py that the earlier corpora do not cover (``COVERED``, found with overlap.py), places
each in four keyed contexts of contexts.py, one transformed form (base64 inside JSON, or split
across a line continuation) and, when the family has a literal start, one bare context; every
family of forms.py is written in its own two templates and both again wrapped in a JSON-escaped
log line and in non-ASCII prose. benign.jsonl (from benign.py) holds risky-looking technical
strings that must come out unchanged. A row's ``secret`` leaks when it appears in the output;
so does any string in its ``also`` (the other half of a split token, the plain token inside
base64).
"""

from __future__ import annotations

import base64
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benign  # noqa: E402
import contexts  # noqa: E402
import forms  # noqa: E402
import tokens  # noqa: E402

SEED = 16416
# Token families the earlier corpora already cover (overlap.py: ``covered`` or ``gated-seen``).
COVERED = set((HERE / "covered.txt").read_text(encoding="utf-8").split())
USERS = ("svc_deploy", "jenkins", "etl_reader", "backup", "ci-bot", "app_rw")
WORDS = [
    "abandon",
    "ability",
    "absorb",
    "access",
    "acid",
    "across",
    "adapt",
    "afford",
    "agent",
    "alarm",
    "album",
    "alley",
    "amazing",
    "anchor",
    "angle",
    "animal",
    "answer",
    "apart",
    "arena",
    "armor",
    "arrow",
    "aspect",
    "attack",
    "audit",
    "autumn",
    "avocado",
    "bacon",
    "badge",
    "balance",
    "bamboo",
    "banner",
    "barrel",
    "basket",
    "battle",
    "beach",
    "bicycle",
    "blanket",
    "blossom",
    "bonus",
    "border",
    "bracket",
    "breeze",
    "bridge",
    "bronze",
    "bubble",
    "budget",
    "cabin",
    "cactus",
    "camera",
    "canal",
    "candy",
    "canvas",
    "carbon",
    "carpet",
    "castle",
    "cattle",
    "cement",
    "census",
    "cherry",
    "chimney",
    "circle",
    "citizen",
    "clarify",
    "cluster",
    "coconut",
    "column",
    "comfort",
    "copper",
    "coral",
    "cotton",
    "cousin",
    "cradle",
    "crystal",
    "cushion",
]


def b64(text: str) -> str:
    """Return standard base64 of ``text``."""
    return base64.b64encode(text.encode()).decode()


def luhn_digit(digits: str) -> str:
    """Return the Luhn check digit for ``digits``."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def special(name: str, rng: random.Random) -> str:
    """Return a secret of the generator ``@name``."""
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    if name == "b64":
        user = rng.choice(USERS)
        return b64(f"{user}:{tokens.draw('{s:14-22}', rng)}")
    if name.startswith("mnemonic"):
        return " ".join(rng.choice(WORDS) for _ in range(int(name[8:])))
    if name == "ssn":
        return (
            f"{rng.randint(101, 665):03d}-{rng.randint(10, 99):02d}-{rng.randint(1001, 9999):04d}"
        )
    if name == "nino":
        return f"{rng.choice('ABCEGHJKLMNPRSTWXYZ')}{rng.choice('ABCEGHJKLMNPRSTWXYZ')} {d(2)} {d(2)} {d(2)} {rng.choice('ABCD')}"
    if name == "cpf":
        base = [int(c) for c in d(9)]
        for _ in range(2):
            s = sum(v * w for v, w in zip(base, range(len(base) + 1, 1, -1), strict=True))
            base.append(0 if s % 11 < 2 else 11 - s % 11)
        t = "".join(map(str, base))
        return f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}"
    if name == "aadhaar":
        return f"{rng.randint(2, 9)}{d(3)} {d(4)} {d(4)}"
    if name == "dni":
        n = rng.randint(10_000_000, 99_999_999)
        return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
    if name == "bsn":
        while True:
            digits = [int(c) for c in d(8)]
            s = sum(v * w for v, w in zip(digits, range(9, 1, -1), strict=True))
            if digits[0] and s % 11 < 10:
                return "".join(map(str, digits)) + str(s % 11)
    if name == "imei":
        body = "35" + d(12)
        return body + luhn_digit(body)
    if name == "dob":
        y, m, day = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice(
            (f"{y}-{m:02d}-{day:02d}", f"{day:02d}.{m:02d}.{y}", f"{m:02d}/{day:02d}/{y}")
        )
    raise ValueError(name)


def secret_of(shape: str, rng: random.Random) -> str:
    """Return one secret of a shape of families.py or a ``@generator``."""
    return special(shape[1:], rng) if shape.startswith("@") else tokens.draw(shape, rng)


def names(key: str) -> dict[str, str]:
    """Return the key-name variants of ``key`` (``ACME_API_KEY``) the templates use."""
    snake = key.lower()
    parts = snake.split("_")
    cam = parts[0] + "".join(w.capitalize() for w in parts[1:])
    return {"K": key, "k": snake, "c": cam, "C": cam[0].upper() + cam[1:], "p": parts[0]}


def stamp(rng: random.Random) -> str:
    """Return a log timestamp."""
    return f"2026-12-0{rng.randint(1, 5)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"


def token_rows(rng: random.Random, covered: bool = False) -> list[dict[str, object]]:
    """Return the rows of the token families the earlier corpora do not cover (``covered``: only
    of those they do, the control set)."""
    rows: list[dict[str, object]] = []
    for index, (family, key, shape) in enumerate(tokens.families()):
        if (family in COVERED) != covered:
            continue
        fam = f"t:{family}"
        keyed = rng.sample(sorted(contexts.KEYED), 5)
        start = tokens.literal_start(shape)
        for n, ctx in enumerate(keyed):
            s = tokens.draw(shape, rng)
            if n == 4 and len(start) >= 3 and not start.startswith("eyJ"):
                ctx = rng.choice(sorted(contexts.BARE))
                text = contexts.BARE[ctx].format(s=s, ts=stamp(rng), **names(key))
            else:
                text = contexts.KEYED[ctx].format(s=s, ts=stamp(rng), **names(key))
            rows.append({"family": fam, "context": ctx, "text": text, "secret": s})
        s = tokens.draw(shape, rng)
        k = names(key)["k"]
        if index % 2 == 0 and " " not in s and "|" not in s:
            half = len(s) // 2
            text = f'export {key}="{s[:half]}\\\n{s[half:]}"\n./run.sh'
            first, second = s[:half], s[half:]
            rows.append(
                {
                    "family": fam,
                    "context": "split-continuation",
                    "text": text,
                    "secret": max(first, second, key=len),
                    "also": [min(first, second, key=len)],
                }
            )
        else:
            blob = b64(json.dumps({k: s}))
            text = json.dumps({"kind": "settings", "encoding": "base64", "data": blob})
            rows.append(
                {"family": fam, "context": "base64-json", "text": text, "secret": blob, "also": [s]}
            )
    return rows


def form_rows(rng: random.Random) -> list[dict[str, object]]:
    """Return the rows of the form families."""
    rows: list[dict[str, object]] = []
    for family, shape, templates in forms.FORMS:
        for n, template in enumerate(templates * 2):
            s = secret_of(shape, rng)
            text = template.format(s=s, u=rng.choice(USERS))
            ctx = "own"
            if n == 2:
                ctx, text = (
                    "wrap-log-json",
                    f"{stamp(rng)} INFO runner: {json.dumps({'cmd': text, 'exit': 0})}",
                )
            elif n == 3:
                ctx, text = (
                    "wrap-non-ascii",
                    f"Ich habe das so ausgeführt → {text} ← und es lief (✓ 2.3 s)",
                )
            pieces = s.split("\n")
            if ctx == "wrap-log-json":
                pieces = [json.dumps(piece)[1:-1] for piece in pieces]
            row: dict[str, object] = {
                "family": family,
                "context": ctx,
                "text": text,
                "secret": pieces[0],
            }
            if len(pieces) > 1:
                row["also"] = pieces[1:]
            rows.append(row)
    return rows


def main() -> None:
    """Write secrets.jsonl and benign.jsonl and print their counts; ``--control`` also writes
    control/secrets.jsonl: the covered token families in the same contexts (seed + 2)."""
    if "--control" in sys.argv:
        control = token_rows(random.Random(SEED + 2), covered=True)
        (HERE / "control").mkdir(exist_ok=True)
        with (HERE / "control" / "secrets.jsonl").open("w", encoding="utf-8") as out:
            for row in control:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"control: {len(control)} secrets in {len({r['family'] for r in control})} families")
    rng = random.Random(SEED)
    secrets = token_rows(rng) + form_rows(rng)
    for row in secrets:
        assert row["secret"] in row["text"] or "also" in row, row
    kept = benign.rows(random.Random(SEED + 1))
    for name, rows in (("secrets", secrets), ("benign", kept)):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    fams = {str(r["family"]) for r in secrets}
    print(f"{len(secrets)} secrets in {len(fams)} families, {len(kept)} benign strings")
    print(
        "families by kind:",
        {
            k: sum(1 for f in fams if re.match(k, f))
            for k in ("t:", "cli:", "cfg:", "cookie:|header:", "url:", "key:", "pii:")
        },
    )


if __name__ == "__main__":
    main()
