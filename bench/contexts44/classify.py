"""Break a through_sync.py --json report of contexts44 down by context, source, label and kind.

``python bench/contexts44/classify.py OUT.json`` (bench/corpus_report.py's ``breakdown``); the
rows labelled by draws29's sampler (placeholder, not-a-credential, printable-draw) are counted
apart first.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import corpus_report  # noqa: E402

if __name__ == "__main__":
    corpus_report.breakdown(
        HERE,
        sys.argv[1:],
        ("context", "source", "label"),
        ("context", "kind"),
        corpus_report.unlabelled,
    )
