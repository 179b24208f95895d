"""Build the blind benign corpus bench/benign16g: benign.jsonl beside this file.

``python bench/benign16g/make.py [--seed N --out DIR]`` (seed 16716, this folder) writes 14 distinct strings of each kind of benign.py, one
JSON row ``{"kind", "text"}`` a line, the format of the audit16* corpora's benign.jsonl, so
``bench/audit16d/through_sync.py --corpus bench/benign16g`` measures it (a corpus without a
secrets.jsonl is measured on its benign rows only).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent))

import benign  # noqa: E402
import corpus_cover  # noqa: E402

SEED = 16716
PER_KIND = 14


def main() -> None:
    """Write benign.jsonl."""
    corpus_cover.write_distinct_benign(benign.KINDS, SEED, PER_KIND, HERE)


if __name__ == "__main__":
    main()
