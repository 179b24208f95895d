"""The record of repair commits: tree entries that pull or publish left out (issue 15), because git
refuses to check them out or they are files over the size caps (``git_paths``).

``<state>/repairs.json`` keeps the count and the last ``KEPT`` entries (path, the commit that added
it, when it was left out, why), for ``fedlearn doctor`` and ``status``.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from fedlearn.store import atomic, git_paths, state

FILE = "repairs.json"
KEPT = 200


class Repair(msgspec.Struct, frozen=True):
    """A tree entry left out of this node's copy: its path, the commit that added it, when, why."""

    path: str
    commit: str
    at: str
    reason: str = git_paths.REFUSED


class RepairLedger(msgspec.Struct, kw_only=True):
    """
    Every repair so far.

    Attributes:
        count: how many entries were left out in all.
        last: the newest ``KEPT`` of them, oldest first.
    """

    count: int = 0
    last: list[Repair] = msgspec.field(default_factory=list)


DECODER = msgspec.json.Decoder(RepairLedger)
ENCODER = msgspec.json.Encoder(order="deterministic")


def load(store: state.StateDir) -> RepairLedger:
    """Return the record (empty when there is none or it is damaged)."""
    try:
        return DECODER.decode((store.root / FILE).read_bytes())
    except (FileNotFoundError, msgspec.DecodeError):
        return RepairLedger()


def record(store: state.StateDir, dropped: Sequence[git_paths.Unsafe]) -> None:
    """Add the entries a repair commit left out to the record."""
    if not dropped:
        return
    ledger = load(store)
    now = state.now_iso()
    ledger.count += len(dropped)
    ledger.last = (ledger.last + [Repair(d.path, d.commit, now, d.reason) for d in dropped])[-KEPT:]
    atomic.write(store.path(FILE), ENCODER.encode(ledger) + b"\n")
