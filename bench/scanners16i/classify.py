"""Group the leaks and benign changes of one ``through_sync.py --json`` run of this corpus.

``python bench/scanners16i/classify.py OUT.json [TREE]`` prints the leak rate per context (with its
group: prose, code, config), per family source (trufflehog, secrets-patterns-db, vendor-docs), per
value shape, the leaking rows line by line, and the changed benign strings by kind with the
placeholders that changed them (bench/corpus_report.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus_report  # noqa: E402

CODE = {"python", "javascript", "go", "java", "php", "shell", "curl", "make"}


def group(context: str) -> str:
    """prose / code / config."""
    if context == "prose":
        return "prose"
    return "code" if context in CODE else "config"


if __name__ == "__main__":
    corpus_report.report(HERE, group, sys.argv[1:])
