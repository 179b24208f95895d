"""Embedder identity: which embedder made the vectors fedlearn wrote into a collection.

Import records it after each collection it brings up to date, in two places: the collection's own
metadata in Qdrant, which travels with the store (Qdrant and qdrant-client 1.16 and later, embedded
or server), and ``<state>/import/identity.json``, which every version has. The metadata is read
first. An identity that differs from this node's makes import re-embed the points it owns
(``import_reembed``), so vectors of two models never mix in one collection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.store import atomic, state

# How a point's text is chosen from ``text_fields`` (``points.text_of``); a new rule, a new name.
TEXT_RULE = "first-present"
METADATA_KEY = "fedlearn_identity"


class Identity(msgspec.Struct, frozen=True, kw_only=True):
    """
    What made a collection's fedlearn-owned vectors: everything that changes them.

    Attributes:
        provider: ``hash``, ``openai`` or ``ollama``.
        model: the model name (``hash`` for the hash embedder).
        dimension: the vector size.
        distance: the collection's distance.
        text_fields: the collection's ``text_fields`` on this node.
        document_prefix: the text put before every embedded text.
        text_rule: how a text is chosen from the fields (``TEXT_RULE``).
    """

    provider: str
    model: str
    dimension: int
    distance: str
    text_fields: list[str]
    document_prefix: str
    text_rule: str = TEXT_RULE


ENCODER = msgspec.json.Encoder(order="deterministic")
DECODER = msgspec.json.Decoder(Identity)
REGISTRY_DECODER = msgspec.json.Decoder(dict[str, Identity])


def wanted(settings: config.Embedding, distance: str, collection: str) -> Identity:
    """Return the identity this node's embedder (``settings``, ``qdrant.distance``) gives ``collection``."""
    return Identity(
        provider=settings.provider,
        model=settings.model or settings.provider,
        dimension=settings.dimension,
        distance=distance,
        text_fields=list(settings.text_fields_of(collection)),
        document_prefix=settings.document_prefix_of(collection),
    )


def key(identity: Identity) -> str:
    """Return 8 hex digits naming ``identity`` (a rebuilt collection's suffix)."""
    return hashlib.sha256(ENCODER.encode(identity)).hexdigest()[:8]


def describe(identity: Identity) -> str:
    """Return ``openai all-minilm 384-d Cosine, text_fields = ["text"], document_prefix = ""``."""
    fields = ", ".join(f'"{name}"' for name in identity.text_fields)
    embedder = " ".join(dict.fromkeys([identity.provider, identity.model]))  # hash: once
    return (
        f"{embedder} {identity.dimension}-d {identity.distance}, "
        f'text_fields = [{fields}], document_prefix = "{identity.document_prefix}"'
    )


def from_metadata(metadata: object) -> Identity | None:
    """Return the identity in a collection's metadata, or None when it holds none (or garbage)."""
    if not isinstance(metadata, dict) or METADATA_KEY not in metadata:
        return None
    try:
        return msgspec.convert(metadata[METADATA_KEY], Identity)
    except msgspec.ValidationError:
        return None


def to_metadata(identity: Identity) -> dict[str, object]:
    """Return the collection metadata that records ``identity``."""
    return {METADATA_KEY: msgspec.to_builtins(identity)}


def registry_file(store: state.StateDir) -> Path:
    """Return ``<state>/import/identity.json``."""
    return store.path("import", "identity.json")


def registry_key(where: str, collection: str) -> str:
    """Return the registry key of ``collection`` at ``where`` (the server URL or store folder)."""
    return f"{where}|{collection}"


def load(store: state.StateDir) -> dict[str, Identity]:
    """Return every recorded identity by registry key; empty when none is (or it is unreadable)."""
    try:
        return REGISTRY_DECODER.decode(registry_file(store).read_bytes())
    except (FileNotFoundError, msgspec.DecodeError):
        return {}


def recorded(store: state.StateDir, where: str, collection: str) -> Identity | None:
    """Return the identity the state dir records for ``collection`` at ``where``."""
    return load(store).get(registry_key(where, collection))


def remember(store: state.StateDir, where: str, collection: str, found: Identity | None) -> None:
    """Record ``found`` as ``collection``'s identity in the state dir (None: forget it)."""
    table = load(store)
    name = registry_key(where, collection)
    if found is None:
        table.pop(name, None)
    else:
        table[name] = found
    atomic.write(registry_file(store), ENCODER.encode(dict(sorted(table.items()))) + b"\n")


def report(
    store: state.StateDir,
    where: str,
    names: Iterable[str],
    settings: config.Embedding,
    distance: str,
) -> dict[str, dict[str, object]]:
    """
    Return, per collection in ``names`` (the collections import writes, each once), its recorded
    identity at ``where`` (None when none is) and whether it is the one ``settings`` and
    ``distance`` make (``current``): the state dir's record, so no Qdrant call is made.
    """
    table = load(store)
    found: dict[str, dict[str, object]] = {}
    for name in dict.fromkeys(names):
        have = table.get(registry_key(where, name))
        recorded = msgspec.to_builtins(have) if have else None
        found[name] = {
            "identity": recorded,
            "current": have == wanted(settings, distance, name),
        }
    return found


def report_line(name: str, entry: dict[str, object]) -> str:
    """Return one collection's identity as a status line."""
    recorded = entry["identity"]
    if recorded is None:
        return f"  {name}: no identity recorded (the next import that writes it records one)"
    told = describe(msgspec.convert(recorded, Identity))
    state_of = "current" if entry["current"] else "another embedder: the next import re-embeds it"
    return f"  {name}: {told} ({state_of})"
