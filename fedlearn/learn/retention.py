"""
Retention stage: keep the last N stamped files, ordered by the stamp in the name, never by mtime;
and the last N lines in appended, numbered segments (``appended``).

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

import attrs

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


@attrs.frozen
class Segments:
    """
    How appending lines changes a set of numbered segments (``appended``).

    Attributes:
        writes: segment number → its whole new content (lines), for the segments written.
        drops: the numbers of the old segments to remove, oldest first.
    """

    writes: dict[int, list[bytes]]
    drops: list[int]


def segment_size(keep: int) -> int:
    """Return how many lines a segment holds when ``keep`` lines are kept (a twentieth of them)."""
    return max(1, keep // 20)


def appended(
    counts: dict[int, int], newest: list[bytes], new: list[bytes], *, keep: int
) -> Segments:
    """
    Append ``new`` lines to numbered segments and keep at least the last ``keep`` lines.

    ``counts`` maps each existing segment's number to its line count; ``newest`` is the content
    of the highest-numbered one. The new lines fill the newest segment up to ``segment_size``, then
    go into new segments of that size; whole oldest segments are dropped while the others still
    hold ``keep`` lines. So at least the last ``keep`` lines are kept and at most
    ``keep + segment_size(keep) - 1`` (when every segment was written with this ``keep``), and the
    same segments and lines give the same result.
    """
    size = segment_size(keep)
    # ``keep`` new lines or more replace every old one: the newest segment is not filled then, so
    # no old line stays before a gap.
    is_whole, counts, new = len(new) >= keep, dict(counts), new[-keep:]
    writes: dict[int, list[bytes]] = {}
    last = max(counts, default=0)
    if last and counts[last] < size and new and not is_whole:
        room = size - counts[last]
        writes[last] = newest + new[:room]
        counts[last] += len(new[:room])
        new = new[room:]
    for start in range(0, len(new), size):
        last += 1
        writes[last] = new[start : start + size]
        counts[last] = len(writes[last])
    order, total, drops = sorted(counts), sum(counts.values()), []
    while len(order) > 1 and total - counts[order[0]] >= keep:
        total -= counts[order[0]]
        drops.append(order.pop(0))
    return Segments({n: lines for n, lines in writes.items() if n not in drops}, drops)
