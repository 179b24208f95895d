"""Retention stage: keep the last N stamped files, ordered by the stamp in the name, never by mtime."""

from __future__ import annotations

from pathlib import Path

from fedlearn import layout


def expired(folder: Path, keep: int, suffix: str = ".jsonl") -> list[Path]:
    """Return the ``<stamp><suffix>`` files in ``folder`` beyond the newest ``keep``, oldest first."""
    files = layout.stamped_files(folder, suffix)
    return files[: max(len(files) - keep, 0)]


def latest(folder: Path, suffix: str = ".jsonl") -> Path | None:
    """Return the newest ``<stamp><suffix>`` file in ``folder``, or None."""
    files = layout.stamped_files(folder, suffix)
    return files[-1] if files else None
