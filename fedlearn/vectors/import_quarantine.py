"""Import's quarantine: points the embedding server refused alone, set aside (guarantee 3).

``<state>/quarantine/import.jsonl`` sits beside sync's bad lines, in their shape (source, reason,
bytes, preview; the point id where a line has its offset). It holds the points set aside now, not
a history: every import reads their sources again, and a point imported since leaves the file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import msgspec

from fedlearn.formats import layout
from fedlearn.store import atomic, state
from fedlearn.vectors import points

log = logging.getLogger(__name__)
FILE = "import.jsonl"
REASON = "embedding-refused"
PREVIEW_CHARS = 200
# A point refused again waits twice as long before the next try, up to a week: 300 texts the
# model refuses cost a few requests a week, not ~900 on every import.
FIRST_WAIT = timedelta(hours=1)
LONGEST_WAIT = timedelta(days=7)
MAX_ENTRIES = 10_000  # the file's cap; past it, points are counted and not kept (nor retried)


class SetAside(msgspec.Struct, frozen=True, kw_only=True):
    """
    One point import set aside.

    Attributes:
        source: the snapshot it came from (relative to the repo), or ``patterns``.
        collection: the collection it belongs in.
        id: its point id.
        reason: ``embedding-refused``, what ``fedlearn status`` counts.
        detail: the embedding server's status and message.
        bytes: the UTF-8 length of its text.
        preview: the start of its text (the whole text stays in its source).
        attempts: how many imports it was refused by, in a row.
        retry_after: the UTC time before which imports do not send it again (``""``: the next).
    """

    source: str
    collection: str
    id: int | str
    reason: str = REASON
    detail: str
    bytes: int
    preview: str
    attempts: int = 1
    retry_after: str = ""


DECODER = msgspec.json.Decoder(SetAside)
ENCODER = msgspec.json.Encoder()


def set_aside(
    source: str,
    collection: str,
    point_id: points.PointId,
    text: str,
    detail: str,
    before: SetAside | None = None,
) -> SetAside:
    """Return the quarantine record of one refused point (refused ``before`` too: it waits longer)."""
    attempts = before.attempts + 1 if before is not None else 1
    wait = min(FIRST_WAIT * 2 ** (attempts - 1), LONGEST_WAIT)
    return SetAside(
        source=source,
        collection=collection,
        id=point_id,
        detail=detail,
        bytes=len(text.encode()),
        preview=text[:PREVIEW_CHARS],
        attempts=attempts,
        retry_after=(datetime.now(UTC) + wait).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )


def file(store: state.StateDir) -> Path:
    """Return the file of the points set aside."""
    return store.quarantine_dir() / FILE


@attrs.define
class QuarantineLedger:
    """
    The points set aside: those earlier imports left, and those this import sets aside.

    Attributes:
        earlier: the entries in the file when the import started.
        new: the points this import set aside.
        settled: the sources this import read through (``area``); it replaces their earlier entries.
    """

    earlier: list[SetAside]
    new: list[SetAside] = attrs.field(factory=list)
    settled: set[tuple[str, str]] = attrs.field(factory=set)
    by_id: dict[tuple[str, points.PointId], SetAside] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.by_id = {(entry.collection, entry.id): entry for entry in self.earlier}

    def retry_paths(self) -> set[str]:
        """Return data/ path prefixes that make import read the sources of earlier entries again."""
        found = set()
        for entry in self.earlier:
            if entry.source == points.PATTERNS:
                found.add(f"{layout.pattern_dir(Path(), entry.collection).as_posix()}/")
            else:
                found.add(entry.source)
        return found

    def earlier_entry(self, collection: str, point_id: points.PointId) -> SetAside | None:
        """Return the earlier entry of a point, when an import set it aside before."""
        return self.by_id.get((collection, point_id))

    def is_waiting(self, collection: str, point_id: points.PointId) -> bool:
        """
        Return whether a point set aside before waits still: it is carried over unsent (in
        ``new``, as it was), so the embedding server is not asked again before its time.
        """
        entry = self.earlier_entry(collection, point_id)
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if entry is None or not entry.retry_after or entry.retry_after <= now:
            return False
        self.new.append(entry)
        return True

    def settle(self, collection: str, source: str) -> None:
        """Note that every point of ``source`` was imported, skipped or set aside again."""
        self.settled.add(area(collection, source))

    def entries(self, collections: set[str], sourced: set[tuple[str, str]]) -> list[SetAside]:
        """
        Return the points set aside now: this import's, and the earlier ones it did not settle
        (their source was not read through: its collection stopped) whose collection is still
        among ``collections``. An earlier one with no source left (``sourced``: the areas the
        import found sources in, and it looked at the area of every earlier one) goes: its
        pattern retracted with the last of its category, its node's snapshots gone.
        """
        kept = [
            entry
            for entry in self.earlier
            if entry.collection in collections
            and area(entry.collection, entry.source) in sourced - self.settled
        ]
        held = kept + self.new
        if len(held) > MAX_ENTRIES:
            log.warning(
                "%d points set aside; the quarantine keeps %d, the rest are not retried "
                "(fedlearn import --full tries them all again)",
                len(held),
                MAX_ENTRIES,
            )
        return held[:MAX_ENTRIES]


def sourced(labels: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """
    Return the areas of the sources an import found, given as (collection, label) (the plan's
    ``labels``): where set-aside points can still come from.
    """
    return {area(collection, label) for collection, label in labels}


def area(collection: str, source: str) -> tuple[str, str]:
    """Return what an import reads a source as: the patterns of a collection, or a node's folder."""
    return (collection, source if source == points.PATTERNS else str(Path(source).parent))


def load(store: state.StateDir) -> QuarantineLedger:
    """Return the ledger of an import starting now (an undecodable line is logged and skipped)."""
    path = file(store)
    try:
        lines = path.read_bytes().splitlines()
    except FileNotFoundError:
        return QuarantineLedger([])
    found = []
    for number, line in enumerate(lines, 1):
        try:
            found.append(DECODER.decode(line))
        except msgspec.DecodeError as error:
            log.warning("%s:%d: not a set-aside point (%s); ignored", path, number, error)
    return QuarantineLedger(found)


def save(store: state.StateDir, entries: list[SetAside]) -> None:
    """Replace the file with ``entries`` (sorted), or remove it when there are none."""
    path = file(store)
    if not entries:
        path.unlink(missing_ok=True)
        return
    ordered = sorted(entries, key=lambda e: (e.collection, e.source, points.sort_key(e.id)))
    atomic.write(path, b"".join(ENCODER.encode(entry) + b"\n" for entry in ordered))
