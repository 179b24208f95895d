"""Fuzz the anonymizer for crashes: a slow run, not in the suite.

Texts are spliced from random slices of every corpus text (bench/**/secrets.jsonl,
bench/**/benign.jsonl, tests/data), joined by characters that rules read as structure (quotes,
backticks, ``@``, ``=``, ``:``, brackets, backslashes, line ends of every kind, no-break and
other Unicode spaces), now and then with their case flipped. Each text is anonymized with
``engine.STRICT`` set and every rule run (no prefilter: a rule's code is reached whatever its
gate), so a rule that raises (a bug the product would fail closed on) is reported with the
exception and a minimized text; exit 1 if any did.

    nice python bench/fuzz_anonymize.py [--texts 20000] [--seed 1] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.check_conditions import corpus_texts, minimize, raises  # noqa: E402
from fedlearn.anonymize import engine  # noqa: E402
from tests.anonymize import test_prefilter as tp  # noqa: E402

JOINS = [
    "",
    " ",
    "\n",
    "\r\n",
    "\t",
    "`",
    "``",
    '"',
    "'",
    "@",
    "=",
    ": ",
    "::",
    "\\",
    "\\n",
    "${",
    "}",
    "{",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "|",
    ";",
    ",",
    "#",
    "//",
    "--",
    "\u0085",
    "\u00a0",
    "\u2028",
    "\u3000",
    "é",
    "—",
    "🙂",
    "\x0c",
    "\x0b",
    "%",
    "&",
    "?",
    "/",
    "*",
    "~",
]


def spliced(rng: random.Random, texts: list[str]) -> str:
    """Return a text of two to four random slices of corpus texts, joined by random JOINS."""
    parts = []
    for _ in range(rng.randint(2, 4)):
        text = rng.choice(texts)
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.randint(1, 160))
        part = text[start:end]
        if rng.random() < 0.1:
            part = part.swapcase()
        parts.append(part)
        parts.append(rng.choice(JOINS))
    return "".join(parts)


def main() -> None:
    """Run the fuzz and print every crash with its exception and minimized text."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the crashes here")
    args = parser.parse_args()
    engine.STRICT = True
    anonymizer = tp.REFERENCE
    texts = [text for text in corpus_texts() if text]
    rng = random.Random(args.seed)
    crashes: dict[str, str] = {}
    started = time.monotonic()
    for done in range(1, args.texts + 1):
        text = spliced(rng, texts)
        try:
            anonymizer.anonymize(text)
        except Exception as error:  # any rule's bug
            key = f"{type(error).__name__}: {error}"[:160]
            if key not in crashes or len(text) < len(crashes[key]):
                if key not in crashes:
                    print("CRASH", key, repr(text[:200]), flush=True)
                crashes[key] = text
        if done % 5000 == 0:
            print(f"{done} texts, {time.monotonic() - started:.0f} s", flush=True)
    report = []
    for key, text in sorted(crashes.items()):
        small = minimize(raises, text)
        report.append({"error": key, "text": text, "minimized": small})
        print("\n", key, "\n  text:", repr(text[:400]), "\n  minimized:", repr(small))
    print(f"\n{len(report)} crashes in {args.texts} texts")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    sys.exit(1 if report else 0)


if __name__ == "__main__":
    main()
