"""The record formats: strict decoding that names the key, deterministic bytes, the depth cap."""

from __future__ import annotations

import re
from typing import Any

import msgspec
import pytest

from fedlearn.formats import records


def pattern(**fields: Any) -> records.Pattern:
    """Return a valid pattern, with ``fields`` replaced."""
    values: dict[str, Any] = {
        "id": "0" * 32,
        "category": "error-solutions",
        "text": "error: restart it",
        "fields": {"solution": "restart it", "error_message": "error"},
        "value_score": 0.9,
        "first_seen": "2026-01-01T00:00:00Z",
        "last_seen": "2026-01-02T00:00:00Z",
        "seen": {"beta": 2, "alpha": 1},
    }
    return records.Pattern(**(values | fields))


def manifest() -> records.Manifest:
    """Return a valid snapshot manifest."""
    return records.Manifest(
        collection="docs",
        node="alpha",
        created_at="2026-01-01T00:00:00Z",
        points=3,
        truncated=False,
        sha256="a" * 64,
        fedlearn_version="1.0",
        vectors=records.VectorConfig(size=384, distance="Cosine"),
        embedding=records.EmbeddingInfo(model="minilm", text_fields=["text"]),
    )


@pytest.mark.parametrize(
    ("record", "decoder"),
    [
        (pattern(), records.PATTERN_DECODER),
        (
            records.Retraction(id="1" * 32, retracted_at="2026-01-01T00:00:00Z", reason="wrong"),
            records.RETRACTION_DECODER,
        ),
        (records.Point(id=7, payload={"text": "x", "n": [1, 2]}), records.POINT_DECODER),
        (records.Point(id="uuid-like", payload={}), records.POINT_DECODER),
        (manifest(), records.MANIFEST_DECODER),
        (
            records.ChatRecord(messages=[records.ChatMessage(role="user", content="hi")]),
            records.CHAT_DECODER,
        ),
    ],
)
def test_every_record_round_trips_through_one_line(record: Any, decoder: Any) -> None:
    """A record encodes to one JSON line ending in a newline, and decodes back equal."""
    line = records.encode_line(record)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decoder.decode(line) == record


def test_the_same_content_always_gives_the_same_bytes() -> None:
    """Dict keys come out sorted and struct fields in declared order, whatever the input order."""
    first = pattern(seen={"beta": 2, "alpha": 1}, fields={"b": "2", "a": "1"})
    second = pattern(seen={"alpha": 1, "beta": 2}, fields={"a": "1", "b": "2"})
    line = records.encode_line(first)
    assert line == records.encode_line(second)
    assert line.index(b'"alpha"') < line.index(b'"beta"')
    assert line.startswith(b'{"id":"' + b"0" * 32 + b'","schema":1,"category":')


def test_encode_lines_joins_lines_and_gives_nothing_for_no_records() -> None:
    """encode_lines is encode_line over each record; no records give empty bytes."""
    retractions = [
        records.Retraction(id=str(n) * 32, retracted_at="2026-01-01T00:00:00Z", reason="r")
        for n in range(3)
    ]
    assert records.encode_lines([]) == b""
    assert records.encode_lines(retractions) == b"".join(map(records.encode_line, retractions))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"id":"a","retracted_at":"t","reason":"r","extra":1}', "unknown field `extra`"),
        (b'{"id":"a","retracted_at":"t"}', "missing required field `reason`"),
        (b'{"id":"a","retracted_at":"t","reason":3}', "at `$.reason`"),
    ],
)
def test_a_bad_record_fails_naming_the_key(line: bytes, message: str) -> None:
    """Unknown, missing and mistyped keys fail decoding with a message naming the key."""
    with pytest.raises(msgspec.ValidationError, match=re.escape(message)):
        records.RETRACTION_DECODER.decode(line)


def test_a_nested_bad_key_is_named_by_its_path() -> None:
    """A mistyped key deep inside a manifest is named by its JSON path."""
    line = records.encode_line(manifest()).replace(b'"size":384', b'"size":"384"')
    with pytest.raises(msgspec.ValidationError, match=r"at `\$\.vectors\.size`"):
        records.MANIFEST_DECODER.decode(line)


def test_chat_records_refuse_unknown_keys_and_default_their_metadata() -> None:
    """A chat record's metadata defaults to {}; an unknown key in a message fails."""
    chat = records.CHAT_DECODER.decode(b'{"messages":[{"role":"user","content":"hi"}]}')
    assert chat.metadata == {}
    with pytest.raises(msgspec.ValidationError, match="unknown field `name`"):
        records.CHAT_DECODER.decode(b'{"messages":[{"role":"u","content":"c","name":"x"}]}')


def test_records_are_frozen_and_keyword_only() -> None:
    """A record is never changed in place, and is built with named fields only."""
    retraction = records.Retraction(id="a", retracted_at="t", reason="r")
    with pytest.raises(AttributeError):
        retraction.reason = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        records.Retraction("a", "t", "r")  # type: ignore[misc]
    assert hash(retraction) == hash(records.Retraction(id="a", retracted_at="t", reason="r"))


def test_the_event_head_reads_only_its_fields() -> None:
    """The head decoder takes value_score and outcome and skips everything else, unknown keys
    included; a missing field is None."""
    head = records.HEAD_DECODER.decode(b'{"value_score":0.5,"anything":{"deep":[1]},"x":null}')
    assert head == records.EventHead(value_score=0.5, outcome=None)
    assert records.HEAD_DECODER.decode(b'{"outcome":"success"}').outcome == "success"


def nested(levels: int) -> bytes:
    """Return a JSON line of arrays nested ``levels`` deep."""
    return b"[" * levels + b"]" * levels


@pytest.mark.parametrize("limit", [1, 3, 64])
def test_is_too_deep_cuts_just_above_the_limit(limit: int) -> None:
    """Nesting of exactly ``limit`` passes; one level more is too deep."""
    assert not records.is_too_deep(nested(limit), limit)
    assert records.is_too_deep(nested(limit + 1), limit)


def test_is_too_deep_counts_objects_and_arrays_alike() -> None:
    """Objects and arrays both count as levels, and many shallow siblings are not deep."""
    line = b'{"a":[{"b":[1]}]}'
    assert records.is_too_deep(line, 3)
    assert not records.is_too_deep(line, 4)
    assert not records.is_too_deep(b"[" + b",".join([b"[]"] * 500) + b"]", 2)


def test_is_too_deep_survives_nesting_past_the_decoders_recursion() -> None:
    """A line nested far past what msgspec decodes (thousands of levels) is too deep, no error."""
    assert records.is_too_deep(nested(100_000))
    assert records.is_too_deep(b'{"a":' * 5000 + b"1" + b"}" * 5000)


def test_an_invalid_line_is_not_too_deep() -> None:
    """A line that does not decode is not too deep: the caller reports it as invalid."""
    assert not records.is_too_deep(b"[" * 100)
    assert not records.is_too_deep(b'["' + b"[" * 100 + b'"]')  # brackets inside a string


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, 0), ("[[]]", 0), ([], 1), ({"a": [1, {"b": []}]}, 4), ([[], [[[]]]], 4)],
)
def test_depth_counts_nested_arrays_and_objects(value: Any, expected: int) -> None:
    """Scalars have depth 0; each array or object around a value adds one level."""
    assert records.depth(value) == expected


def test_depth_needs_no_recursion() -> None:
    """A value nested deeper than Python's recursion limit is measured."""
    value: list[Any] = []
    for _ in range(50_000):
        value = [value]
    assert records.depth(value) == 50_001
