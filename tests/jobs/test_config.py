"""``fedlearn config``: show the configuration as TOML; validate a file (exit 2 on bad keys)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from fedlearn import config
from tests.conftest import Node


def test_show_prints_the_loaded_configuration_as_toml(node: Node) -> None:
    """``config show`` prints TOML that structures back to the node's loaded configuration."""
    shown = tomllib.loads(node.run("config", "show").stdout)
    loaded = node.config()
    assert config.unstructure(config.structure(shown)) == config.unstructure(loaded)
    assert shown["node_id"] == "alpha"


def test_show_defaults_prints_the_built_in_defaults(node: Node) -> None:
    """``config show --defaults`` ignores the file and prints exactly the built-in defaults."""
    shown = tomllib.loads(node.run("config", "show", "--defaults").stdout)
    assert shown == config.unstructure(config.Config())
    assert shown["sync"]["value_threshold"] == 0.7


def test_show_json_prints_one_object_with_the_table(node: Node) -> None:
    """With ``--json`` the same table is one JSON object under ``config``."""
    answer = json.loads(node.run("config", "show", "--json").stdout)
    assert answer["state"] == "ok"
    assert answer["config"]["repo"] == str(node.repo)


def test_validate_accepts_a_good_file(node: Node, tmp_path: Path) -> None:
    """A file that fits the schema is reported valid, exit 0."""
    good = tmp_path / "good.toml"
    good.write_text(
        'node_id = "lap"\n[sync]\nvalue_threshold = 1\n[qdrant]\nurl = "http://127.0.0.1:6333"\n'
    )
    process = node.run("config", "validate", str(good))
    assert process.stdout == f"{good}: valid\n"


def test_validate_exits_2_listing_every_bad_key(node: Node, tmp_path: Path) -> None:
    """A file with a wrong type and an unknown key exits 2 with one line for each, in its words."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[sync]\nvalue_threshold = "high"\nbogus = 1\n')
    process = node.run("config", "validate", str(bad), check=False)
    assert process.returncode == 2
    assert f"fedlearn: {bad}: invalid configuration" in process.stderr
    assert 'sync.value_threshold: expected a number, got a string "high"' in process.stderr
    assert "sync.bogus: unknown key (known: telemetry, fine_tuning," in process.stderr


def test_validate_exits_2_on_a_cross_field_problem(node: Node, tmp_path: Path) -> None:
    """A well-typed file that breaks a cross-field rule (the node id pattern) also exits 2."""
    bad = tmp_path / "bad.toml"
    bad.write_text('node_id = "My Laptop"\n')
    process = node.run("config", "validate", str(bad), check=False)
    assert process.returncode == 2
    assert "node_id: 'My Laptop' must match" in process.stderr


def test_validate_exits_2_on_a_missing_file(node: Node, tmp_path: Path) -> None:
    """Validating a file that does not exist is a configuration error, not the defaults."""
    process = node.run("config", "validate", str(tmp_path / "nope.toml"), check=False)
    assert process.returncode == 2
    assert "no such file" in process.stderr


def test_validate_without_file_reports_the_loaded_config(node: Node) -> None:
    """Without FILE the ``--config`` file, already loaded by the command line, is reported valid."""
    answer = json.loads(node.run("config", "validate", "--json").stdout)
    assert answer["file"] == str(node.config_file)
    assert answer["valid"] is True
