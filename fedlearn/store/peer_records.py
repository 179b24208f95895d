"""Records of files under data/, read line by line through the checked reader (``peer_files``).

A file of records (patterns, retractions) is never held whole: ``read_records`` reads it a line at
a time and keeps only the records, within a limit on the records kept of one file and a ``Budget``
across the files of one read, so a peer's files under 100 invented node names cost no more memory
than a few (docs/sharing.md "Memory across files"). Bad lines are counted, not logged one by one:
one warning per file sums them up and names the first (``BadLines``). A file's content never raises.
"""

from __future__ import annotations

import collections
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar

import attrs
import msgspec

from fedlearn.store import peer_files, refusal_log

T = TypeVar("T")
# Bytes ``read_records`` asks the file for at a time: a peer's file is never held whole.
BLOCK = peer_files.MIB


@attrs.define
class Budget:
    """
    How many records one read of many files (say, every node's retractions) may still hold from
    other nodes' files: the bound on memory across files, where ``CAPS`` bounds one file.

    The first file with a record past the budget is refused with one warning naming it and the
    limit (``read_records``); the files after it are not opened, and not named one by one.

    Attributes:
        limit: the records the read may hold.
        name: what the limit is called in the warning (its records and its constant).
        left: the records it may still hold.
        spent_at: the file where the budget ran out, once it has.
    """

    limit: int
    name: str
    left: int = attrs.field(init=False)
    spent_at: Path | None = attrs.field(default=None, init=False)

    def __attrs_post_init__(self) -> None:
        self.left = self.limit

    def keep(self, repo: Path, path: Path, found: list[T]) -> list[T]:
        """
        Return the first of ``found`` (records already read of ``path``) the budget still holds,
        spending it; the first file cut short is refused with the warning ``read_records`` gives,
        and after it none is kept.
        """
        if self.spent_at is not None:
            return []
        if len(found) <= self.left:
            self.left -= len(found)
            return found
        kept, self.left, self.spent_at = found[: self.left], 0, path
        refusal_log.refuse(repo, path, self.reached())
        return kept

    def reached(self) -> str:
        """Return the reason a file past the budget is refused."""
        return (
            f"the limit of {self.limit} {self.name} was reached here: the rest of this file "
            f"and the files after it skipped"
        )


@attrs.define
class BadLines:
    """The bad lines of one file read: counted by kind, the first one named, summed up in one
    refusal (``report``) with whatever else cut the read short."""

    repo: Path
    path: Path
    bad: collections.Counter[str] = attrs.field(factory=collections.Counter)
    first: str = ""
    number: int = 0

    def decode(self, decode: Callable[[bytes], T | None]) -> Callable[[bytes], T | None]:
        """Return ``decode`` for the file's lines in order (a blank one gives None, uncounted),
        counting the bad ones."""

        def one(line: bytes) -> T | None:
            self.number += 1
            if not line.strip():
                return None
            try:
                record = decode(line)
                reason = "" if record is not None else "refused"
            except RecursionError:
                record, reason = None, "too_deep"
            except msgspec.DecodeError as error:
                record, reason = None, str(error)[:120]
            if record is None:
                kind = reason if reason in ("too_deep", "refused") else "invalid"
                self.bad[kind] += 1
                self.first = self.first or f"line {self.number}: {reason}"
            return record

        return one

    def report(self, cut: str = "") -> None:
        """Refuse the file once when it had bad lines or ``cut`` (why the rest went unread)."""
        reasons = []
        if self.bad:
            counts = ", ".join(f"{n} {k}" for k, n in sorted(self.bad.items()))
            reasons.append(
                f"{sum(self.bad.values())} bad lines skipped ({counts}); first at {self.first}"
            )
        if cut:
            reasons.append(cut)
        if reasons:
            refusal_log.refuse(self.repo, self.path, "; ".join(reasons))


@attrs.frozen
class Records(Generic[T]):
    """
    What ``read_records`` kept of one file.

    Attributes:
        found: the records, in the file's order.
        whole: whether the file was read to its end and every line of it kept.
    """

    found: list[T]
    whole: bool


def read_records(
    repo: Path,
    path: Path,
    kind: str,
    decode: Callable[[bytes], T | None],
    *,
    limit: int | None = None,
    budget: Budget | None = None,
) -> Records[T] | None:
    """
    Return the records ``decode`` makes of the lines of regular file ``path`` (None when it is
    missing or refused, see ``open_regular``; or not opened: ``budget`` already spent).

    The file is read line by line, ``BLOCK`` bytes at a time and at most its kind's cap, so only
    the records kept are held, never the file's bytes. Bad lines are counted, not logged one by one
    (``BadLines``). At most ``limit`` records are kept from this file, and at most what is left of
    ``budget`` (which this read spends); the first record past either ends the read, and the file
    is refused with one warning naming it and the limit (with its bad lines, if any, in the same
    warning). Nothing is ever raised for the file's content.
    """
    if budget is not None and budget.spent_at is not None:
        return None
    fd = peer_files.open_regular(repo, path, kind)
    if fd is None:
        return None
    tally = BadLines(repo, path)
    one = tally.decode(decode)
    found: list[T] = []
    cut = ""
    with os.fdopen(fd, "rb", buffering=BLOCK) as handle:
        os.set_blocking(fd, True)
        for line in lines(handle, peer_files.CAPS[kind]):
            record = one(line.rstrip(b"\n"))
            if record is None:
                continue
            if budget is not None and budget.left <= 0:
                budget.spent_at, cut = path, budget.reached()
                break
            if limit is not None and len(found) >= limit:
                cut = (
                    f"only its first {limit} records read, the limit for one {kind} file; "
                    f"the rest skipped"
                )
                break
            if budget is not None:
                budget.left -= 1
            found.append(record)
        else:
            cut = (
                ""
                if handle.read(1) == b""
                else f"only its first {peer_files.CAPS[kind]} bytes read"
            )
    tally.report(cut)
    return Records(found, not cut and not tally.bad)


def lines(handle: BinaryIO, cap: int) -> Iterator[bytes]:
    """Yield the lines of ``handle`` (each with its newline, the last one maybe without) from
    its first ``cap`` bytes."""
    left = cap
    while left > 0:
        line = handle.readline(left)
        if not line:
            return
        left -= len(line)
        yield line
