"""Import's identity stage: before a collection is written, whether its vectors are this node's.

A collection whose recorded embedder identity (``identity``) differs from this node's has the
points fedlearn owns (patterns, other nodes' points) embedded again as import writes it, batch by
batch, resumable. A collection whose vector size or distance differs is rebuilt: its sources go into
a new collection, and once that is whole the collection's name becomes an alias of it (Qdrant
aliases), so a search by that name finds the old vectors until then. A collection holding points
fedlearn does not own is never rebuilt: those points are the stack's, and fedlearn never touches
them; import stops it with what to do instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.errors import QdrantError
from fedlearn.formats import records
from fedlearn.store import state
from fedlearn.vectors import identity, import_batches

log = logging.getLogger(__name__)


@attrs.frozen
class Decision:
    """
    How import writes one collection.

    Attributes:
        target: the collection written: the one named, or the new one of a rebuild.
        wanted: this node's identity for it, recorded once it is written.
        refresh: re-embed the fedlearn-owned points present, with this progress.
        rebuild: ``target`` is new; the collection's name becomes its alias once it is written.
        error: why nothing is written (the fix included); "" when it is.
    """

    target: str
    wanted: identity.Identity
    refresh: import_batches.Refresh | None = None
    rebuild: bool = False
    error: str = ""


def decide(job: import_batches.ImportRun, collection: str) -> Decision:
    """Return how ``collection`` is written, from its vectors and the identity it records."""
    wanted = identity.wanted(job.embedding_settings, job.qdrant_settings.distance, collection)
    present = job.live.vectors(collection)
    if present is None:
        return Decision(target=collection, wanted=wanted)
    if present != job.vectors:
        return rebuild_or_refuse(job, collection, present, wanted)
    have = recorded(job, collection)
    if have == wanted:
        return Decision(target=collection, wanted=wanted)
    owned = job.live.count(collection) - job.live.foreign(collection)
    if owned == 0:
        return Decision(target=collection, wanted=wanted)
    was = identity.describe(have) if have else "not recorded (an older fedlearn)"
    log.warning(
        "%s: its %d fedlearn points were embedded by %s; this node embeds with %s: "
        "re-embedding them",
        collection,
        owned,
        was,
        identity.describe(wanted),
    )
    key = identity.key(wanted)
    refresh = import_batches.load_refresh(progress_file(job.store, collection), key)
    return Decision(target=collection, wanted=wanted, refresh=refresh)


def rebuild_or_refuse(
    job: import_batches.ImportRun,
    collection: str,
    present: records.VectorConfig,
    wanted: identity.Identity,
) -> Decision:
    """Return a rebuild into a new collection, or, when the stack has points there, a refusal."""
    foreign = job.live.foreign(collection)
    embedder = " ".join(dict.fromkeys([wanted.provider, wanted.model]))
    if not foreign:
        target = f"{collection}-{identity.key(wanted)}"
        log.warning(
            "%s: %s vectors, this node makes %s: rebuilding it as %s",
            collection,
            describe_vectors(present),
            describe_vectors(job.vectors),
            target,
        )
        return Decision(target=target, wanted=wanted, rebuild=True)
    error = (
        f"collection {collection} has {describe_vectors(present)} vectors, this "
        f"node makes {describe_vectors(job.vectors)} ({embedder}); it holds {foreign} points fedlearn does not own and never re-embeds, "
        f"so nothing was written to it. To fix: set embedding.model and embedding.dimension "
        f"({present.size}) to the model those points were made with; or, when the stack moved to "
        f"this model, let it re-create {collection} and run `fedlearn import --full` (a collection "
        "holding only fedlearn's points is rebuilt at the new size by itself)"
    )
    return Decision(target=collection, wanted=wanted, error=error)


def postpone(job: import_batches.ImportRun, collection: str, decision: Decision) -> Decision:
    """
    Return a stop for a collection that needs re-embedding when this import read only the files
    that changed; its state dir record is dropped, so the next import reads everything.
    """
    if not job.dry_run:
        identity.remember(job.store, job.live.target, collection, None)
    error = (
        f"collection {collection} was embedded by another embedder than its record in the state "
        "dir said (a restored store?); the next import reads everything and re-embeds it"
    )
    return attrs.evolve(decision, refresh=None, rebuild=False, error=error)


def stale(
    store: state.StateDir,
    where: str,
    held: list[str],
    settings: config.Embedding,
    distance: str,
) -> str:
    """
    Return the collections (comma-separated) of ``held``, those the last import left in Qdrant
    at ``where``, whose recorded identity is not this node's (``settings``, ``distance``), or all
    of them when none is recorded (a fedlearn before identities); "" when none is stale. A
    collection import never wrote has no record and is not stale: reading everything for it would
    find nothing to write.
    """
    table = identity.load(store)
    key = identity.registry_key
    if not table:
        return ", ".join(held)
    return ", ".join(
        name
        for name in held
        if key(where, name) in table
        and table[key(where, name)] != identity.wanted(settings, distance, name)
    )


def recorded(job: import_batches.ImportRun, collection: str) -> identity.Identity | None:
    """Return ``collection``'s recorded identity: its Qdrant metadata, else the state dir's."""
    found = identity.from_metadata(job.live.metadata(job.live.real_name(collection)))
    return found or identity.recorded(job.store, job.live.target, collection)


def finish(job: import_batches.ImportRun, collection: str, decision: Decision) -> None:
    """
    Record that ``collection`` is written by ``decision.wanted``; after a rebuild, point its name
    at the new collection and delete the old one. Nothing for a dry run.
    """
    if job.dry_run:
        return
    if decision.rebuild:
        old = job.live.real_name(collection)
        job.live.point_alias(collection, decision.target)
        if old not in (collection, decision.target):
            job.live.drop(old)
        log.info("%s: now names %s", collection, decision.target)
    record(job, collection, decision.wanted)


def record(job: import_batches.ImportRun, collection: str, wanted: identity.Identity) -> None:
    """Record ``wanted`` as ``collection``'s identity: in its metadata and in the state dir."""
    real = job.live.real_name(collection)
    try:
        if not job.live.set_metadata(real, identity.to_metadata(wanted)):
            log.debug("%s: this qdrant-client keeps no collection metadata", collection)
    except QdrantError as error:  # a server before 1.16: the state dir's record is enough
        log.warning("%s: identity kept in the state dir only: %s", collection, error)
    identity.remember(job.store, job.live.target, collection, wanted)
    progress_file(job.store, collection).unlink(missing_ok=True)


def progress_file(store: state.StateDir, collection: str) -> Path:
    """Return where the re-embedding of ``collection`` keeps its progress."""
    return store.path("import", "reembed", f"{collection}.json")


def describe_vectors(vectors: records.VectorConfig) -> str:
    """Return ``768-d Cosine`` for a vector config."""
    return f"{vectors.size}-d {vectors.distance}"
