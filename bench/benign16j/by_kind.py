"""Sort the changed benign strings of a ``through_sync.py --json`` run by kind and placeholder.

``python bench/benign16j/by_kind.py OUT.json [TREEKEY]``: bench/benign16g/by_kind.py's report on
this folder's benign.jsonl.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("shared", HERE.parent / "benign16g" / "by_kind.py")
assert _SPEC is not None and _SPEC.loader is not None
shared = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(shared)
shared.HERE = HERE

if __name__ == "__main__":
    shared.main()
