"""Retention stage: keep the last N stamped files, ordered by the stamp in the name, never by mtime.

Only this node's own folders are kept this way, and this node stamps with its own clock, so a
stamp later than now (beyond ``layout.FUTURE_SKEW``) is one its clock made while it ran ahead,
since corrected. Such a file would take a place for good and become "latest" at its time, so it
counts as the oldest: the next file written replaces it (``expired``, with a warning), and it is
never the latest meanwhile (``latest``).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from fedlearn.formats import layout

log = logging.getLogger(__name__)


def expired(
    folder: Path,
    keep: int,
    suffix: str = ".jsonl",
    incoming: str = "",
    now: datetime | None = None,
) -> list[Path]:
    """
    Return the ``<stamp><suffix>`` files in ``folder`` to remove, oldest first: those stamped in the
    future (each with a warning), then those beyond the newest ``keep``.

    ``incoming`` names a file about to be written there: it counts as one of the ``keep``.
    """
    ahead = future(folder, suffix, now)
    for path in ahead:
        log.warning(
            "%s: stamped after now (this node's clock ran ahead?); replaced by the new file", path
        )
    files = [
        p for p in layout.stamped_files(folder, suffix) if p.name != incoming and p not in ahead
    ]
    room = keep - 1 if incoming else keep
    return [p for p in ahead if p.name != incoming] + files[: max(len(files) - room, 0)]


def future(folder: Path, suffix: str = ".jsonl", now: datetime | None = None) -> list[Path]:
    """Return the ``<stamp><suffix>`` files in ``folder`` stamped later than now + the skew."""
    limit = layout.stamp((now or datetime.now(UTC)) + layout.FUTURE_SKEW)
    return [p for p in layout.stamped_files(folder, suffix) if p.name.removesuffix(suffix) > limit]


def latest(folder: Path, suffix: str = ".jsonl", now: datetime | None = None) -> Path | None:
    """Return the newest ``<stamp><suffix>`` file in ``folder`` not stamped in the future, or None."""
    ahead = future(folder, suffix, now)
    files = [p for p in layout.stamped_files(folder, suffix) if p not in ahead]
    return files[-1] if files else None
