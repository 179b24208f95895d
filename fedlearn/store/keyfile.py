"""Secret files named in the config (``*.api_key_file``): read at use, never copied anywhere."""

from __future__ import annotations

from pathlib import Path

from fedlearn.errors import FedlearnError


def read(path: str, key: str, error: type[FedlearnError]) -> str:
    """
    Return the stripped content of ``path``, or "" when no file is configured.

    Raise ``error`` naming the config ``key`` and the file when it cannot be read.
    """
    if not path:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as failure:
        raise error(f"cannot read {key} {path}: {failure}") from None
