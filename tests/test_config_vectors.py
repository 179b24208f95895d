"""The ``[qdrant]`` and ``[embedding]`` tables: conversion, per-collection overrides, bad values by key."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn import config, config_vectors
from tests.conftest import config_problems


def test_defaults_load_and_name_every_category() -> None:
    """The defaults are valid: the hash embedder and one collection per category."""
    assert config_problems({}) == []
    assert config_vectors.Qdrant().collections == list(config.CATEGORIES)
    assert config_vectors.Qdrant().distance in config_vectors.DISTANCES
    assert config_vectors.Embedding().provider in config_vectors.EMBEDDING_PROVIDERS


def test_collection_overrides_convert_into_text_overrides() -> None:
    """``[embedding.collections.<name>]`` becomes a TextOverride; the keys it leaves out stay None."""
    table = {"embedding": {"collections": {"code": {"query_prefix": "q: "}}}}
    settings = config.structure(table).embedding
    assert settings.collections == {"code": config_vectors.TextOverride(query_prefix="q: ")}
    assert settings.query_prefix_of("code") == "q: " and settings.query_prefix_of("docs") == ""
    assert settings.text_fields_of("code") == settings.text_fields
    assert not settings.overrides_text_fields("code")


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"qdrant": {"distance": "cosine"}}, "qdrant.distance"),
        ({"qdrant": {"batch_size": 0}}, "qdrant.batch_size"),
        ({"qdrant": {"retry_attempts": 0}}, "qdrant.retry_attempts"),
        ({"qdrant": {"max_points": -1}}, "qdrant.max_points"),
        ({"qdrant": {"timeout": 0}}, "qdrant.timeout"),
        ({"qdrant": {"retry_deadline": -1}}, "qdrant.retry_deadline"),
        ({"qdrant": {"url": "127.0.0.1:6333"}}, "qdrant.url"),
        ({"qdrant": {"url": "http://127.0.0.1:port"}}, "qdrant.url"),
        ({"qdrant": {"collections": "skills"}}, "qdrant.collections"),
        ({"embedding": {"provider": "magic"}}, "embedding.provider"),
        ({"embedding": {"provider": "ollama"}}, "embedding.url"),
        ({"embedding": {"dimension": 0}}, "embedding.dimension"),
        ({"embedding": {"retry_deadline": 0}}, "embedding.retry_deadline"),
        ({"embedding": {"url": "ftp://models.example/"}}, "embedding.url"),
        ({"embedding": {"text_fields": ["+title"]}}, "embedding.text_fields"),
        (
            {"embedding": {"collections": {"code": {"text_fields": []}}}},
            "embedding.collections.code.text_fields",
        ),
        (
            {"embedding": {"collections": {"code": {"prefix": "x"}}}},
            "embedding.collections.code.prefix",
        ),
    ],
)
def test_bad_values_are_refused_naming_the_key(table: dict[str, Any], key: str) -> None:
    """A value out of its set or range, a bad URL, an empty field name: named by key."""
    problems = config_problems(table)
    assert any(problem.startswith(key) for problem in problems), problems
