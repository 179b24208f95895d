"""Re-anonymize stage (DESIGN.md guarantees 1, 2): this node's files under data/ follow the current rules.

When the effective rule set changes (``Anonymizer.fingerprint``: the rules' code, the
``[anonymize]`` table, the machine), sync rewrites every file this node wrote through the current
anonymizer, as one journaled transaction: patterns (re-keyed when their content changes, joined
when two meet on one id, the old id retracted so peers drop it too), retraction reasons, the
telemetry snapshot, the fine-tuning dataset and its snapshots, and collection snapshots with their
manifests re-hashed. A file that would not change is not rewritten. The fingerprint the files
were last rewritten with is kept in the state dir (``rules.json``), staged with them.

This node's files are read from its state copy (``own``); every read under data/ (the data/ copy
compared with it, the collection snapshots and manifests) goes through ``peer_files``: a link
there is never followed, an oversized file never read.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import attrs
import msgspec

from fedlearn import anonymize, config
from fedlearn.formats import layout, records
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import finetune, merge, patterns, withdrawals
from fedlearn.store import atomic, own, peer_files, state

REASON = f"{withdrawals.REKEYED} the rules changed; the record lives on under its new id"
log = logging.getLogger(__name__)


class Fingerprint(msgspec.Struct, frozen=True, kw_only=True):
    """What this node's files were last anonymized with: the rule set, for which node and repo."""

    rules: str
    node: str
    repo: str


DECODER = msgspec.json.Decoder(Fingerprint)


@attrs.define
class Rewrite:
    """
    What re-anonymizing staged.

    Attributes:
        files: the files staged (rewritten), this node's under data/.
        rekeyed: the old ids of the patterns whose content, and so id, changed.
        collections: whether the collection snapshots were rewritten (not while export runs).
        forced: whether it was asked for (``sync --reanonymize``) rather than due.
    """

    files: list[Path] = attrs.field(factory=list)
    rekeyed: list[str] = attrs.field(factory=list)
    collections: bool = True
    forced: bool = False


def fingerprint_file(store: state.StateDir) -> Path:
    """Return the state file holding the fingerprint this node's files were anonymized with."""
    return store.path("rules.json")


def current(cfg: config.Config, anonymizer: anonymize.Anonymizer) -> bytes:
    """Return the fingerprint record of ``anonymizer`` for this node and repo, encoded."""
    made = Fingerprint(rules=anonymizer.fingerprint(), node=cfg.node_id, repo=str(cfg.repo_path))
    return records.ENCODER.encode(made)


def is_due(store: state.StateDir, cfg: config.Config, anonymizer: anonymize.Anonymizer) -> bool:
    """Return whether the rules changed since this node's files were last anonymized."""
    try:
        return fingerprint_file(store).read_bytes() != current(cfg, anonymizer)
    except FileNotFoundError:
        return True


def stage(
    transaction: atomic.Transaction,
    cfg: config.Config,
    files: own.OwnFiles,
    anonymizer: anonymize.Anonymizer,
    now: str,
    *,
    collections: bool,
) -> Rewrite:
    """
    Stage this node's files re-anonymized with ``anonymizer``, and the fingerprint when complete.

    This node's files are read from its state copy and staged in both copies (``own``); a pattern
    re-keyed moves to the shard of its new id. ``collections=False`` leaves the collection
    snapshots (export is writing them) and the fingerprint as they are, so the next sync does the
    rest.
    """
    done = Rewrite(collections=collections)
    repo, node = cfg.repo_path, cfg.node_id
    retracted = merge.read_retractions(repo, cfg.trust.admins, node)
    for category in config.CATEGORIES:
        stage_patterns(transaction, done, files, category, anonymizer, retracted)
    stage_retractions(transaction, done, files, layout.retraction_file(repo, node), anonymizer, now)
    telemetry = layout.telemetry_dir(repo, node)
    segments = [telemetry / p.name for p in layout.telemetry_segments(files.mirror(telemetry))]
    for path in [layout.telemetry_file(repo, node), *segments]:
        stage_lines(transaction, done, files, path, anonymizer)
    dataset = layout.fine_tuning_file(repo, node)
    folder = layout.fine_tuning_snapshot_dir(repo, node)
    snapshots = [folder / p.name for p in layout.stamped_files(files.mirror(folder))]
    for path in [dataset, *snapshots]:
        data = files.read(path)
        if data is not None:
            put(transaction, done, files, path, rewritten_dataset(data, anonymizer))
    if collections:
        for name in layout.collection_names(repo):
            for path in layout.stamped_files(layout.collection_dir(repo, name, node)):
                stage_collection(transaction, done, repo, path, anonymizer)
        transaction.stage(fingerprint_file(files.store), current(cfg, anonymizer))
    return done


def stage_patterns(
    transaction: atomic.Transaction,
    done: Rewrite,
    files: own.OwnFiles,
    category: str,
    anonymizer: anonymize.Anonymizer,
    retracted: withdrawals.Retractions,
) -> None:
    """
    Stage this node's shards of ``category`` re-anonymized (re-keyed ids change shards).

    A record this node withdrew (its own tombstone, or an admin's) stays as it is, the evidence,
    when the rules leave it unchanged, and is dropped when they change it: re-keyed, it would come
    back into the merged view under its new id.
    """
    shards = layout.shard_dir(files.repo, category, files.node)
    old = [shards / p.name for p in sorted(files.mirror(shards).glob("*.jsonl"))]
    found = [p for path in old for p in patterns.parse(files.read(path) or b"", path)]
    if not found:
        return
    data, rekeyed = rewritten_patterns(found, category, files.node, anonymizer, retracted)
    done.rekeyed += rekeyed
    table: dict[Path, dict[str, Pattern]] = {path: {} for path in old}
    for key, pattern in data.items():
        table.setdefault(files.shard_path(category, key), {})[key] = pattern
    for path, content in table.items():
        if content:
            put(transaction, done, files, path, patterns.encode(content))
        else:
            files.stage_delete(transaction, path)
            done.files.append(path)


def put(
    transaction: atomic.Transaction, done: Rewrite, files: own.OwnFiles, path: Path, data: bytes
) -> None:
    """Stage this node's file ``path`` to hold ``data`` (nothing when both copies do) and note it."""
    if files.read(path) != data or not holds(files.repo, path, data):
        files.stage(transaction, path, data)
        done.files.append(path)


def holds(repo: Path, path: Path, data: bytes) -> bool:
    """
    Return whether the data/ file ``path`` holds exactly ``data``: read through ``peer_files`` (a
    link or a non-file never holds it, and is replaced), and not at all when its size differs.
    """
    try:
        if os.lstat(path).st_size != len(data):
            return False
    except FileNotFoundError:
        return False
    return peer_files.read(repo, path, own.read_kind(repo, path)) == data


def rewritten_patterns(
    found: list[Pattern],
    category: str,
    node: str,
    anonymizer: anonymize.Anonymizer,
    retracted: withdrawals.Retractions,
) -> tuple[dict[str, Pattern], list[str]]:
    """
    Return one node's patterns re-anonymized by id, and the old ids of those re-keyed.

    A pattern whose fields change gets the id of its new content; two that meet on one id join
    as two sightings on this node do (``patterns.accumulate``: the counts add up). A record
    ``node`` withdrew (``retracted``) whose fields change is dropped (its old id stays retracted).
    """
    table: dict[str, Pattern] = {}
    rekeyed = []
    for pattern in found:
        texts = anonymizer.anonymize_many(list(pattern.fields.values()))
        fields = dict(zip(pattern.fields, texts, strict=True))
        if fields != pattern.fields:
            if retracted.withdraws(node, pattern.id):
                continue
            new_id = patterns.content_id(category, fields)
            if new_id != pattern.id:
                rekeyed.append(pattern.id)
            text = "\n".join(fields.values())
            pattern = msgspec.structs.replace(pattern, id=new_id, text=text, fields=fields)
        table[pattern.id] = patterns.accumulate(table.get(pattern.id), pattern, node)
    return table, rekeyed


def stage_retractions(
    transaction: atomic.Transaction,
    done: Rewrite,
    files: own.OwnFiles,
    path: Path,
    anonymizer: anonymize.Anonymizer,
    now: str,
) -> None:
    """Stage this node's tombstones, reasons re-anonymized, with one for each re-keyed id."""
    tombstones: dict[str, Retraction] = {}
    for line in (files.read(path) or b"").splitlines():
        try:
            tombstone = records.RETRACTION_DECODER.decode(line)
        except msgspec.DecodeError:
            continue  # publish's gate and ``fedlearn scan`` still read the file as it is
        reason = anonymizer.anonymize(tombstone.reason)
        tombstones[tombstone.id] = msgspec.structs.replace(tombstone, reason=reason)
    for old in done.rekeyed:
        tombstones.setdefault(old, Retraction(id=old, retracted_at=now, reason=REASON))
    if tombstones:
        content = records.encode_lines(tombstones[k] for k in sorted(tombstones))
        put(transaction, done, files, path, content)


def stage_lines(
    transaction: atomic.Transaction,
    done: Rewrite,
    files: own.OwnFiles,
    path: Path,
    anonymizer: anonymize.Anonymizer,
) -> None:
    """Stage a file of JSON lines (a telemetry segment) with every string re-anonymized."""
    data = files.read(path)
    if data is None:
        return
    lines = []
    for line in data.splitlines():
        try:
            body = records.ANY_DECODER.decode(line)
        except msgspec.DecodeError:
            lines.append(line)  # kept: the publish gate reads it as text and refuses a secret
            continue
        lines.append(records.ENCODER.encode(anonymizer.anonymize_value(body)))
    put(transaction, done, files, path, b"".join(line + b"\n" for line in lines))


def rewritten_dataset(data: bytes, anonymizer: anonymize.Anonymizer) -> bytes:
    """Return a fine-tuning dataset (or snapshot) re-anonymized, re-keyed and deduplicated."""
    table: dict[str, records.ChatRecord] = {}
    for record in finetune.read_dataset(data).values():
        record = finetune.anonymized(record, anonymizer)
        table.setdefault(finetune.content_key(record), record)
    return finetune.encode(table)


def stage_collection(
    transaction: atomic.Transaction,
    done: Rewrite,
    repo: Path,
    path: Path,
    anonymizer: anonymize.Anonymizer,
) -> None:
    """
    Stage a collection snapshot with every payload re-anonymized and its manifest re-hashed.

    Both are read through ``peer_files`` (checked: a link or an oversized file is refused and the
    snapshot left as it is). Streamed through a temp file beside it: a snapshot can be larger than
    memory should hold.
    """
    manifest_path = layout.manifest_of(path)
    try:
        manifest = records.MANIFEST_DECODER.decode(
            peer_files.read(repo, manifest_path, "manifest") or b""
        )
    except (msgspec.DecodeError, RecursionError):
        log.warning("%s: no readable manifest; the snapshot is left as it is", path)
        return
    source = peer_files.open_binary(repo, path, "snapshot")
    if source is None:
        log.warning("%s: not readable; the snapshot is left as it is", path)
        return
    digest = hashlib.sha256()
    with atomic.TempFile(path) as temp, source:
        for number, line in enumerate(source, start=1):
            try:
                point = records.POINT_DECODER.decode(line)
            except msgspec.DecodeError as error:
                log.warning(
                    "%s:%d: not a point (%s); the snapshot is left as it is", path, number, error
                )
                return
            payload = anonymizer.anonymize_value(point.payload)
            encoded = records.encode_line(records.Point(id=point.id, payload=payload))
            digest.update(encoded)
            temp.write(encoded)
        if digest.hexdigest() == manifest.sha256:
            return
        transaction.stage_file(path, temp.keep())
    done.files.append(path)
    rehashed = msgspec.structs.replace(manifest, sha256=digest.hexdigest())
    if transaction.stage(manifest_path, records.encode_line(rehashed)):  # not in the state copy
        done.files.append(manifest_path)
