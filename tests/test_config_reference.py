"""The configuration reference is rendered from config.py, and the committed page is never stale."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from fedlearn import config, config_reference

ROOT = Path(__file__).resolve().parent.parent


def test_committed_reference_is_the_rendered_one() -> None:
    """docs/configuration.md is what `fedlearn config docs` prints now."""
    committed = (ROOT / "docs" / "configuration.md").read_text()
    assert committed == config_reference.render(), (
        "docs/configuration.md is stale: run `fedlearn config docs > docs/configuration.md`"
    )


def test_render_documents_every_key_of_the_defaults() -> None:
    """Every key `config show --defaults` prints has a row in the reference, with its default."""
    page = config_reference.render()
    for table, values in config.unstructure(config.Config()).items():
        keys = values if isinstance(values, dict) else {table: values}
        for key in keys:
            assert f"| `{key}` |" in page, f"{table}.{key} is missing"


def test_attribute_docs_joins_continuation_lines() -> None:
    """A meaning written over several docstring lines reads as one."""

    @attrs.frozen
    class Table:
        """
        A table.

        Attributes:
            first: one line.
            second: a meaning that
                goes on.
        """

        first: int = 1
        second: int = 2

    assert config_reference.attribute_docs(Table) == {
        "first": "one line.",
        "second": "a meaning that goes on.",
    }


def test_key_table_names_an_undocumented_key() -> None:
    """A key with no doc is reported, so render refuses rather than print an empty meaning."""

    @attrs.frozen
    class Table:
        """
        A table.

        Attributes:
            first: documented.
        """

        first: int = 1
        second: int = 2

    missing: list[str] = []
    config_reference.key_table(Table, {"first": 1, "second": 2}, missing, "t.")
    assert missing == ["t.second"]


def test_render_refuses_an_undocumented_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """render raises ValueError naming the key when a config class loses a field's doc."""
    monkeypatch.setattr(config.Pull, "__doc__", "The ``[pull]`` table.")
    with pytest.raises(ValueError, match=r"pull\.import_after"):
        config_reference.render()
