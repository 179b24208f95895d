"""Group the leaks and benign changes of one ``through_sync.py --json`` run of this corpus.

``python bench/audit16h/classify.py OUT.json [TREE]`` prints the leak rate per context (with its
group: ai, loose, encoded), per family kind (the ``source`` column: vendor, stack, conn, key,
cookie, signed), per value shape, the leaking rows line by line, and the changed benign strings by
kind with the placeholders that changed them (bench/corpus_report.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import contexts  # noqa: E402
import corpus_report  # noqa: E402


def group(context: str) -> str:
    """ai / loose / encoded."""
    if context in contexts.AI:
        return "ai"
    if context in contexts.LOOSE:
        return "loose"
    return "encoded"


if __name__ == "__main__":
    corpus_report.report(HERE, group, sys.argv[1:])
