"""The config files the NixOS module generates are accepted by fedlearn for typical options."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from fedlearn import config, config_problems, toml
from fedlearn.errors import ConfigError
from tests.conftest import cli_env
from tests.nix.conftest import Units

pytestmark = pytest.mark.nix

TYPICAL: dict[str, dict[str, Any]] = {
    "defaults": {},
    "cloned and publishing, local Qdrant with a key": {
        "repo": {"url": "git@example.org:alice/fed.git"},
        "publish": {"enable": True, "sshKeyFile": "/run/secrets/deploy-key"},
        "settings": {
            "repo": "/var/lib/fedlearn/repo",
            "qdrant": {
                "url": "http://127.0.0.1:6333",
                "api_key_file": "/run/secrets/qdrant-api-key",
            },
        },
        "local_qdrant_url": "http://127.0.0.1:6333",
    },
    "ollama, metrics, named node, integer threshold": {
        "settings": {
            "node_id": "workstation",
            "sync": {
                "telemetry": ["/var/lib/ai-stack/telemetry/*.jsonl"],
                "fine_tuning": "/var/lib/ai-stack/fine-tuning/dataset.jsonl",
                "value_threshold": 1,
            },
            "embedding": {
                "provider": "ollama",
                "url": "http://127.0.0.1:11434",
                "model": "nomic-embed-text",
            },
            "metrics": {"path": "/var/lib/node-exporter/fedlearn.prom"},
            "pull": {"import_after": False},
        },
    },
    "openai with a key, freeform settings": {
        "settings": {
            "embedding": {
                "provider": "openai",
                "url": "https://api.example",
                "api_key_file": "/run/secrets/k",
                "dimension": 1536,
            },
            "qdrant": {"url": "http://qdrant.internal:6333", "collections": ["error-solutions"]},
            "anonymize": {
                "hostnames": ["corp.example"],
                "extra_rules": [{"name": "ticket", "pattern": "TCK-[0-9]{6}"}],
            },
            "publish": {"author": "fedlearn on lab <fedlearn@lab>", "branch": "fedlearn"},
            "sync": {"snapshots_keep": 10},
        },
    },
}


def generated_tables(units: Units, options: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return every config table the module would write for ``options``: per job, and /etc's."""
    options = dict(options)
    url = options.pop("local_qdrant_url", None)
    tables = units("configs", local_qdrant_url=url, **options)
    tables["etc"] = units("settings", local_qdrant_url=url, **options)
    return tables


@pytest.mark.parametrize("name", list(TYPICAL))
def test_generated_config_structures_into_a_valid_config(units: Units, name: str) -> None:
    """Each generated table, as JSON and through TOML, structures into a Config with no problem."""
    for job, table in generated_tables(units, TYPICAL[name]).items():
        for candidate in (table, tomllib.loads(toml.render(table))):
            structured = config.structure(candidate, source=f"{name}/{job}")
            assert config_problems.validate(structured) == [], (name, job)
            assert structured.state_dir == "/var/lib/fedlearn"


def test_generated_config_keeps_the_typed_values(units: Units) -> None:
    """The typed keys arrive as fedlearn reads them, in every job's file."""
    options = TYPICAL["ollama, metrics, named node, integer threshold"]
    for table in generated_tables(units, options).values():
        structured = config.structure(table)
        assert structured.node_id == "workstation"
        assert structured.sync.value_threshold == 1.0
        assert structured.embedding.model == "nomic-embed-text"
        assert structured.metrics.path == "/var/lib/node-exporter/fedlearn.prom"
        assert structured.pull.import_after is False
        assert structured.repo == "/srv/federation"


def test_generated_config_passes_fedlearn_config_validate(units: Units, tmp_path: Path) -> None:
    """``fedlearn config validate`` (the module's build-time check) accepts the generated file."""
    options = TYPICAL["cloned and publishing, local Qdrant with a key"]
    path = tmp_path / "fedlearn-sync.toml"
    path.write_text(toml.render(generated_tables(units, options)["sync"]))
    process = validate(path, tmp_path)
    assert process.returncode == 0, process.stderr
    assert process.stdout == f"{path}: valid\n"


def test_generated_config_with_a_bad_setting_fails_validation(units: Units, tmp_path: Path) -> None:
    """A typo in ``settings`` is caught by structure and by the build-time ``config validate``."""
    table = generated_tables(units, {"settings": {"sync": {"snapshot_keep": 3}}})["sync"]
    with pytest.raises(ConfigError) as caught:
        config.structure(table)
    assert caught.value.details == [
        "sync.snapshot_keep: unknown key (did you mean snapshots_keep?)"
    ]
    path = tmp_path / "bad.toml"
    path.write_text(toml.render(table))
    process = validate(path, tmp_path)
    assert process.returncode == 2
    assert "sync.snapshot_keep: unknown key (did you mean snapshots_keep?)" in process.stderr


def validate(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run ``fedlearn config validate PATH`` as the module's system.checks does (no config, HOME)."""
    env = cli_env() | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    return subprocess.run(
        [sys.executable, "-m", "fedlearn", "config", "validate", str(path)],
        capture_output=True, text=True, env=env, cwd=home, check=False,
    )  # fmt: skip
