"""
Retention stage: keep the last N stamped files, ordered by the stamp in the name, never by mtime;
and the last N lines in appended, numbered segments (``appended``).
"""

from __future__ import annotations

from pathlib import Path

import attrs

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
