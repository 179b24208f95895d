"""The record formats of DESIGN.md "Records", as msgspec Structs, with shared encoders/decoders.

The encoder writes keys in a fixed order (struct fields as declared, dict keys sorted), so the same
content always gives the same bytes. Encoders and decoders are built once and reused.
"""

from __future__ import annotations

from typing import Any

import msgspec

SCHEMA = 1


class Base(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """
    Base of fedlearn's own records.

    ``frozen``: records are values, hashed and compared, never mutated in place.
    ``kw_only``: construction names every field, so adding a field never shifts arguments.
    ``forbid_unknown_fields``: a file under data/ with an unknown key fails verification instead
    of silently losing that key.
    """


class EventHead(msgspec.Struct, frozen=True, gc=False):
    """
    The few telemetry fields the value filter reads; every other field is skipped undecoded.

    Attributes:
        value_score: the event's own score, when the coordinator computed one.
        outcome: ``success`` / ``partial`` / …, the input of the stack's score formula.
    """

    value_score: float | None = None
    outcome: str | None = None


class Pattern(Base, frozen=True, kw_only=True, gc=False):
    """
    One learned, anonymized, content-addressed record (``data/patterns/<category>/<node>.jsonl``).

    Not tracked by the cyclic collector (``gc=False``): its values are strings, numbers and dicts
    of them, which can refer to no container, so a sync's tens of thousands cost it nothing.

    Attributes:
        id: first 32 hex of sha256 over the category and the normalized fields.
        text: the text that is embedded on import.
        fields: the content fields the id is computed over.
        seen: per node, how many events produced this pattern.
    """

    id: str
    schema: int = SCHEMA
    category: str
    text: str
    fields: dict[str, str]
    value_score: float
    first_seen: str
    last_seen: str
    seen: dict[str, int]


class Retraction(Base, frozen=True, kw_only=True):
    """A tombstone: the pattern ``id`` leaves the merged view everywhere, for good."""

    id: str
    retracted_at: str
    reason: str


class ChatMessage(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One turn of an OpenAI-format chat record."""

    role: str
    content: str


class ChatRecord(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A fine-tuning record in the OpenAI chat format the stack writes."""

    messages: list[ChatMessage]
    metadata: dict[str, Any] = msgspec.field(default_factory=dict)


class Point(Base, frozen=True, kw_only=True):
    """One payload-only Qdrant point of a collection snapshot (vectors are regenerated)."""

    id: int | str
    payload: dict[str, Any]


class VectorConfig(Base, frozen=True, kw_only=True):
    """The vector size and distance a collection was created with."""

    size: int
    distance: str


class EmbeddingInfo(Base, frozen=True, kw_only=True):
    """Which model made the original vectors and which payload fields were embedded."""

    model: str
    text_fields: list[str]


class Manifest(Base, frozen=True, kw_only=True):
    """The ``<stamp>.manifest.json`` that makes a collection snapshot verifiable."""

    schema: int = SCHEMA
    collection: str
    node: str
    created_at: str
    points: int
    truncated: bool
    sha256: str
    fedlearn_version: str
    vectors: VectorConfig
    embedding: EmbeddingInfo


ENCODER = msgspec.json.Encoder(order="deterministic")
HEAD_DECODER = msgspec.json.Decoder(EventHead)
ANY_DECODER = msgspec.json.Decoder()
# The deepest nesting of arrays and objects a line of this node's own input may have: a real event
# or chat record nests a few levels; a line nested deeper is set aside as ``too_deep`` before any
# stage walks it (msgspec raises RecursionError near 1,000, the anonymizer's recursion earlier).
MAX_DEPTH = 64


def is_too_deep(line: bytes, limit: int = MAX_DEPTH) -> bool:
    """
    Return whether the JSON ``line`` nests arrays and objects deeper than ``limit``.

    Cheap for almost every line: fewer brackets than ``limit`` cannot nest deeper. A line that
    does not decode is not too deep (it is invalid, which the caller reports).
    """
    if line.count(b"[") + line.count(b"{") <= limit:
        return False
    try:
        value = ANY_DECODER.decode(line)
    except RecursionError:
        return True
    except msgspec.DecodeError:
        return False
    return depth(value) > limit


def depth(value: Any) -> int:
    """Return how deep arrays and objects nest in a decoded JSON ``value`` (no recursion)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level + 1)
            stack.extend(
                (child, level + 1) for child in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


PATTERN_DECODER = msgspec.json.Decoder(Pattern)
RETRACTION_DECODER = msgspec.json.Decoder(Retraction)
CHAT_DECODER = msgspec.json.Decoder(ChatRecord)
POINT_DECODER = msgspec.json.Decoder(Point)
MANIFEST_DECODER = msgspec.json.Decoder(Manifest)


def encode_line(record: Any) -> bytes:
    """Return ``record`` as one compact JSON line with its ``\\n``."""
    return ENCODER.encode(record) + b"\n"


def encode_lines(records: Any) -> bytes:
    """Return the records as JSONL bytes (empty bytes for no records)."""
    return b"".join(ENCODER.encode(record) + b"\n" for record in records)
