"""Build the agent-telemetry held-out corpus of issue 16: secrets.jsonl, benign.jsonl and covered.txt.

``python bench/agent16j/make.py [--earlier DIR]`` (seed 16101) draws each family of families.py five
times and places the draws in five different contexts of contexts.py (tool calls' JSON arguments,
tool results, assistant fixes, diffs, tracebacks, Jupyter cells, HTTP dumps, CI and container logs,
JSON inside JSON, YAML in chat; personal data in its own eight contexts), chosen at random without
repeats, each draw with its own value names (canonical env names, or generic ones). benign.jsonl
holds 12 strings of each kind of benign.py. ``covered`` marks a family an earlier corpus already
holds (bench/corpus_cover.py's heuristic). A row leaks when its ``secret`` or an ``also`` string
(the other credential of a pair, the base64 of a value in a Secret, another key line) comes out.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import benign  # noqa: E402
import contexts  # noqa: E402
import corpus_cover  # noqa: E402
import families  # noqa: E402

SEED = 16101
PER_KIND = 12
PER_FAMILY = 5
EARLIER = (
    "bench/audit16/secrets.jsonl",
    "bench/audit16b/secrets.jsonl",
    "bench/audit16c/secrets.jsonl",
    "bench/audit16d/secrets.jsonl",
    "bench/audit16d/control/secrets.jsonl",
    "bench/audit16e/secrets.jsonl",
    "bench/audit16f/secrets.jsonl",
    "bench/audit16g/secrets.jsonl",
    "bench/audit16h/secrets.jsonl",
    "bench/pii16h/secrets.jsonl",
    "bench/scanners16i/secrets.jsonl",
    "bench/homelab16i/secrets.jsonl",
    "tests/data/secrets.jsonl",
)
GENERIC = {
    "token": ["API_KEY", "TOKEN", "SECRET", "AUTH_TOKEN", "ACCESS_KEY", "PASSWORD"],
    "url": ["URL", "DSN", "ENDPOINT", "CONNECTION_STRING"],
    "pem": ["PRIVATE_KEY", "KEY"],
}


def names(family: dict, rng: random.Random) -> list[str]:
    """The value names of one draw: the canonical ones, or generic ones (no vendor word)."""
    if family["kind"] == "pii" or rng.random() < 0.6:
        return list(family["envs"])
    if family["kind"] == "pair":
        return [
            rng.choice(["CLIENT_ID", "APP_ID", "KEY_ID", "ACCOUNT"]),
            rng.choice(["CLIENT_SECRET", "SECRET_KEY", "API_SECRET", "TOKEN"]),
        ]
    return [rng.choice(GENERIC[family["kind"]])]


def main() -> None:
    """Write the corpus files."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--earlier", default=str(HERE.parent.parent))
    args = parser.parse_args()
    rng = random.Random(SEED)
    secrets, known = corpus_cover.earlier(Path(args.earlier), EARLIER)
    rows, done = [], []
    every = families.parse()
    for family in every:
        is_covered = corpus_cover.covered(family, secrets, known)
        if is_covered:
            done.append(family["name"])
        pool = contexts.PII_CONTEXTS if family["kind"] == "pii" else sorted(contexts.CONTEXTS)
        for name in rng.sample(pool, PER_FAMILY):
            vals, secret, also = families.values(family, rng)
            ns = names(family, rng)
            if family["kind"] == "pii":
                text = contexts.pii_text(family, vals[0], rng, name)
            else:
                text = contexts.CONTEXTS[name](family, ns, vals, rng)
            if isinstance(text, tuple):
                text, extra = text
                also = [*also, *extra]
            assert secret in text and all(a in text for a in also), (family["name"], name)
            row = {
                "family": family["name"],
                "context": name,
                "text": text,
                "secret": secret,
                "source": "vendor-format",
                "kind": family["kind"],
                "covered": is_covered,
            }
            if also:
                row["also"] = also
            rows.append(row)
    corpus_cover.write(HERE, rows, benign.KINDS, random.Random(SEED + 1), PER_KIND, done)
    print(
        f"{len(rows)} secrets in {len(every)} families ({len(done)} covered); "
        f"{PER_KIND * len(benign.KINDS)} benign in {len(benign.KINDS)} kinds"
    )


if __name__ == "__main__":
    main()
