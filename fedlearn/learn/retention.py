"""Retention stage: keep the last N stamped files, ordered by the stamp in the name, never by mtime."""

from __future__ import annotations

from pathlib import Path

from fedlearn.formats import layout


def expired(folder: Path, keep: int, suffix: str = ".jsonl", incoming: str = "") -> list[Path]:
    """
    Return the ``<stamp><suffix>`` files in ``folder`` beyond the newest ``keep``, oldest first.

    ``incoming`` names a file about to be written there: it counts as one of the ``keep``.
    """
    files = [p for p in layout.stamped_files(folder, suffix) if p.name != incoming]
    room = keep - 1 if incoming else keep
    return files[: max(len(files) - room, 0)]


def latest(folder: Path, suffix: str = ".jsonl") -> Path | None:
    """Return the newest ``<stamp><suffix>`` file in ``folder``, or None."""
    files = layout.stamped_files(folder, suffix)
    return files[-1] if files else None
