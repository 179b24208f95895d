"""The TOML renderer: what it writes reads back with tomllib to an equal table."""

from __future__ import annotations

import math
import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fedlearn import config, toml

SCALARS = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
TABLES: st.SearchStrategy[dict[str, Any]] = st.dictionaries(st.text(), VALUES, max_size=6)


@given(TABLES)
def test_render_reads_back_equal(table: dict[str, Any]) -> None:
    """Any table of TOML-representable values survives render → tomllib.loads unchanged."""
    assert tomllib.loads(toml.render(table)) == table


def test_render_reads_back_the_default_configuration() -> None:
    """The default configuration (tables, arrays of tables, inline tables) reads back equal."""
    table = config.unstructure(config.Config())
    assert tomllib.loads(toml.render(table)) == table


def test_render_writes_sections_after_scalars() -> None:
    """Scalars come first, then a header per table and per element of an array of tables."""
    text = toml.render({"sync": {"rules": [{"equals": {"a": "b"}}]}, "node_id": "x"})
    assert text == 'node_id = "x"\n\n[sync]\n\n[[sync.rules]]\nequals = { a = "b" }\n'


def test_string_escapes_quotes_backslashes_and_control_characters() -> None:
    """Quotes, backslashes, newlines and other control characters are escaped."""
    assert toml.string('a"b\\c\nd\x01\x7f') == '"a\\"b\\\\c\\nd\\u0001\\u007F"'


def test_key_quotes_only_when_needed() -> None:
    """Bare keys stay bare; keys with dots, spaces or nothing at all are quoted."""
    assert [toml.key(k) for k in ("value_threshold", "a.b", "", "x y")] == [
        "value_threshold",
        '"a.b"',
        '""',
        '"x y"',
    ]


def test_value_writes_special_floats() -> None:
    """NaN and the infinities use TOML's own words."""
    assert [toml.value(v) for v in (math.nan, math.inf, -math.inf, 1e16)] == [
        "nan",
        "inf",
        "-inf",
        "1e+16",
    ]


@pytest.mark.parametrize("bad", [None, object(), b"bytes"])
def test_value_raises_type_error_without_a_toml_form(bad: object) -> None:
    """None, bytes and arbitrary objects have no TOML form."""
    with pytest.raises(TypeError):
        toml.value(bad)
