"""Every node's newest snapshot that verifies, as import sources (guarantee 7): this node's own
first; a snapshot that does not verify is refused (this node's: the import fails) or skipped
(another node's: the import goes on without it). Another node's points are marked as its own.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.store import refusal_log
from fedlearn.vectors import import_changes, points, snapshot_verify
from fedlearn.vectors.import_sources import Entry, Source, prefixed

log = logging.getLogger(__name__)


@attrs.frozen
class RefusedSnapshot:
    """
    A snapshot that does not verify: nothing from it is read.

    Attributes:
        path: the file, relative to the repo.
        reason: the first check it failed.
        commit: the short commit that last changed it ("" when git cannot tell).
    """

    path: str
    reason: str
    commit: str = ""


def refuse(repo: Path, refusal: snapshot_verify.VerifyRefusal, *, is_own: bool) -> RefusedSnapshot:
    """
    Return ``refusal`` relative to ``repo`` with the commit that last changed the file, and log it
    once: an error for this node's own snapshot, a warning for another node's (skipped).
    """
    path = refusal_log.relative(repo, refusal.path)
    commit = refusal_log.commit_of(repo, refusal.path)
    added = f" (commit {commit})" if commit else ""
    if is_own:
        log.error("%s: refused, this node's own snapshot: %s%s", path, refusal.reason, added)
    else:
        log.warning(
            "%s: skipped, another node's snapshot that does not verify: %s%s; the import goes on "
            "without it (fedlearn doctor lists it)",
            path,
            refusal.reason,
            added,
        )
    return RefusedSnapshot(path=path, reason=refusal.reason, commit=commit)


def snapshot_sources(
    repo: Path,
    node: str,
    changes: import_changes.Changes,
    qdrant_settings: config.Qdrant,
    settings: config.Embedding,
    opened: contextlib.ExitStack,
) -> tuple[list[Source], list[RefusedSnapshot], list[RefusedSnapshot]]:
    """
    Return the newest verified snapshot of every node in each collection ``changes`` touches
    (each kept open until ``opened`` closes), this node's own refused ones, and other nodes'.
    """
    found: list[Source] = []
    refused: dict[bool, list[RefusedSnapshot]] = {
        True: [],
        False: [],
    }  # by whether it is this node's
    for collection in qdrant_settings.collections:
        # This node's own snapshot first: a point id is imported once per run, and an integer id
        # is this node's before any other node's that uses it (a restore after a reinstall).
        nodes = sorted(layout.collection_nodes(repo, collection), key=lambda n: n != node)
        for name in nodes:
            if changes.touches(f"collections/{collection}/{name}/"):
                owner = None if name == node else name  # this node's own: a restore, ids and all
                source, refusals = latest_snapshot(
                    layout.collection_dir(repo, collection, name),
                    owner,
                    qdrant_settings.batch_size,
                    settings,
                    opened,
                )
                refused[owner is None] += [refuse(repo, r, is_own=owner is None) for r in refusals]
                found += [source] if source is not None else []
    return found, refused[True], refused[False]


def latest_snapshot(
    folder: Path,
    owner: str | None,
    run_lines: int,
    settings: config.Embedding,
    opened: contextlib.ExitStack,
) -> tuple[Source | None, list[snapshot_verify.VerifyRefusal]]:
    """
    Return the newest verified snapshot in a node's ``folder`` as a source, its file kept open
    until ``opened`` closes, and the newer ones refused. ``owner`` is None for this node's own.

    Its texts come from this node's ``text_fields`` of the collection when it sets them there
    (``[embedding.collections.<name>]``), else from the manifest's: what the stack that made the
    snapshot embedded. Its vector size and model are not checked: every vector is made here.
    """
    repo, collection, node = layout.repo_of(folder), folder.parent.name, folder.name
    found, refused = snapshot_verify.latest(folder, collection, node, run_lines)
    if found is None:
        return None, refused
    opened.enter_context(found)
    fields = (
        settings.text_fields_of(collection)
        if settings.overrides_text_fields(collection)
        else found.manifest.embedding.text_fields
    )
    source = Source(
        collection=collection,
        label=str(found.path.relative_to(repo)),
        count=found.manifest.points,
        entries=snapshot_entries(found, owner, fields, settings.document_prefix_of(collection)),
        owner=owner,
        text_fields=tuple(fields),
    )
    return source, refused


def snapshot_entries(
    found: snapshot_verify.VerifiedSnapshot,
    owner: str | None,
    fields: Sequence[str],
    prefix: str,
) -> Iterator[Entry]:
    """Yield the points of ``found`` as import writes them (marked as ``owner``'s), with texts."""
    for point in found.points():
        text = prefixed(prefix, points.text_of(point.payload, fields))
        yield (points.owned_by(owner, point) if owner else point), text
