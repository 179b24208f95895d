"""Retract a pattern: a tombstone in this node's retractions file withdraws its knowledge of an id.

A node can withdraw only its own knowledge (``withdrawals.Retractions``): once published and pulled,
the tombstone takes this node's record out of every node's merged view; the id leaves the views,
and import deletes its Qdrant point, when no other node's files hold it (or they retracted it
too), or when this node is in the others' ``[trust] admins``.
"""

from __future__ import annotations

import argparse
import logging
import re
from collections.abc import Collection
from pathlib import Path

import msgspec

from fedlearn import anonymize, config
from fedlearn.errors import ConfigError
from fedlearn.formats import layout, records
from fedlearn.formats.records import Retraction
from fedlearn.jobs import Summary
from fedlearn.learn import merge, patterns, withdrawals
from fedlearn.store import atomic, checkout, own, own_adopt, state

ID_PATTERN = re.compile(r"[0-9a-f]{32}")
log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add retract's arguments."""
    parser.add_argument("id", metavar="ID", help="the pattern id (32 hex digits)")
    parser.add_argument("--reason", required=True, help="why; kept (anonymized) in the tombstone")
    parser.add_argument("--dry-run", action="store_true", help="show what would be written")


class Tombstone(msgspec.Struct):
    """The tombstone retract wrote (or found already written): the id, this node, its file."""

    id: str
    node: str
    file: str


class Retracted(Tombstone):
    """
    A new tombstone.

    Attributes:
        known: whether any node's pattern files hold the id.
        seen_here: this node's pattern files that keep the record as evidence.
        removed_from: this node's pattern files the id was dropped from (it held a secret).
        kept_by: the other nodes whose records keep the id in the merged view (they hold it and
            have not retracted it); empty when it leaves every view. Always empty for an admin.
    """

    known: bool
    seen_here: list[str]
    removed_from: list[str]
    kept_by: list[str]


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[Tombstone]:
    """
    Write the tombstone under the retract lock; return the summary.

    Raise ConfigError when ID is not 32 lowercase hex digits or the reason is empty,
    LockHeldError when a retract or a sync is running.
    """
    if not ID_PATTERN.fullmatch(args.id):
        raise ConfigError(
            f"{args.id!r} is not a pattern id",
            hint='a pattern id is 32 hex digits: the "id" of a line in data/patterns/',
        )
    if not args.reason.strip():
        raise ConfigError("--reason must not be empty", hint="say why, e.g. --reason 'wrong fix'")
    store = state.StateDir(cfg.state_path)
    # Sync's lock too: a sync running now could write the id back into this node's pattern files.
    with (
        store.lock("retract"),
        store.lock("sync"),
        checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait),
    ):
        atomic.recover(store.journal("retract"))
        return retract(cfg, store, args.id, args.reason, dry_run=args.dry_run)


def retract(
    cfg: config.Config, store: state.StateDir, pattern_id: str, reason: str, *, dry_run: bool
) -> Summary[Tombstone]:
    """
    Add the tombstone of ``pattern_id``; this node's pattern files keep the record as evidence
    (``settle_own_files``), unless it holds a secret, when it is dropped.
    """
    repo, node = cfg.repo_path, cfg.node_id
    files = own_adopt.adopted(store, repo, node, "retract", dry_run=dry_run)
    path = layout.retraction_file(repo, node)
    tombstones = read_own(path, files.read(path) or b"")
    if pattern_id in tombstones:
        already = Tombstone(pattern_id, node, str(path))
        lines = [f"{pattern_id} is already retracted"]
        return Summary(job="retract", state="idle", result=already, lines=lines)
    text = anonymize.Anonymizer(cfg.anonymize).anonymize(reason.strip())
    tombstones[pattern_id] = Retraction(id=pattern_id, retracted_at=state.now_iso(), reason=text)
    transaction = store.transaction("retract")
    files.stage(
        transaction, path, records.encode_lines(tombstones[key] for key in sorted(tombstones))
    )
    scanner = anonymize.Anonymizer(cfg.anonymize)
    held, dropped = settle_own_files(transaction, files, pattern_id, scanner)
    holding = withdrawals.holders(repo, [pattern_id]).get(pattern_id, set())
    kept = kept_by(repo, pattern_id, holding - {node}, cfg.trust.admins, node)
    seen, removed = [str(p) for p in held], [str(p) for p in dropped]
    result = Retracted(pattern_id, node, str(path), bool(holding), seen, removed, kept)
    if dry_run:
        files.abort(transaction)
    else:
        files.commit(transaction)
    lines = [
        f"retracted {pattern_id}"
        + (f", removed from {len(dropped)} of this node's files (a secret)" if dropped else "")
    ]
    if not result.known:
        lines.append("note: no node's pattern files hold this id; the tombstone is written anyway")
    elif kept:
        lines.append(
            f"note: {', '.join(kept)} also hold {pattern_id}: the tombstone withdraws this "
            "node's record only; the pattern leaves every view when they retract it too, or "
            f'when a node lists "{node}" in its [trust] admins'
        )
    lines.append(
        "`fedlearn publish` shares it; `fedlearn import` drops it from this node's Qdrant now"
    )
    return Summary(job="retract", result=result, lines=lines, dry_run=dry_run)


def read_own(path: Path, data: bytes) -> dict[str, Retraction]:
    """Return this node's tombstones by id from ``data``, its retractions file ``path``'s content."""
    found = {}
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            tombstone = records.RETRACTION_DECODER.decode(line)
        except msgspec.DecodeError as error:
            log.warning("%s:%d: dropped, not a retraction: %s", path, number, error)
            continue
        found[tombstone.id] = tombstone
    return found


def settle_own_files(
    transaction: atomic.Transaction,
    files: own.OwnFiles,
    pattern_id: str,
    scanner: anonymize.Anonymizer,
) -> tuple[list[Path], list[Path]]:
    """
    Return this node's pattern shards that keep ``pattern_id`` and those it is dropped from.

    The record stays (read from this node's state copy) as the evidence that this node saw what it
    retracts: nodes running a fedlearn from before the own-knowledge rule accept a tombstone only
    with it. Only a record holding a secret is dropped (publish never let it out); its shard is
    staged without it.
    """
    held, dropped = [], []
    counts = files.counts()
    for category in config.CATEGORIES:
        path = files.shard_path(category, pattern_id)
        table = patterns.join_all(patterns.parse(files.read(path) or b"", path))
        if pattern_id not in table:
            continue
        if not scanner.scan_value(msgspec.to_builtins(table[pattern_id])):
            held.append(path)
            continue
        del table[pattern_id]
        if table:
            files.stage(transaction, path, patterns.encode(table))
        else:
            files.stage_delete(transaction, path)
        dropped.append(path)
        counts[category] = max(counts.get(category, 1) - 1, 0)
    if dropped:
        files.stage_counts(transaction, counts)
    return held, dropped


def kept_by(
    repo: Path, pattern_id: str, others: set[str], admins: Collection[str], node: str
) -> list[str]:
    """
    Return the nodes of ``others`` (holding ``pattern_id``) whose records keep it in the merged
    view as ``admins`` decide: those that have not withdrawn it; none when ``node`` (retracting
    now) is one of the admins.
    """
    if node in admins:
        return []
    retractions = merge.read_retractions(repo, admins, node)
    return sorted(n for n in others if not retractions.withdraws(n, pattern_id))
