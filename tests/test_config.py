"""Configuration: defaults that work with no file, and errors that name the key and the file."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from fedlearn import config
from fedlearn.errors import ConfigError
from tests.conftest import run_fedlearn


def test_load_missing_file_gives_defaults(tmp_path: Path) -> None:
    """No file at the default path means the built-in defaults."""
    cfg = config.load(tmp_path / "absent.toml", environ={"XDG_STATE_HOME": str(tmp_path / "st")})
    assert cfg.sync.value_threshold == 0.7
    assert cfg.qdrant.collections == list(config.CATEGORIES)
    assert cfg.state_dir == str(tmp_path / "st" / "fedlearn")


def test_load_missing_required_file_is_an_error(tmp_path: Path) -> None:
    """A file named explicitly must exist."""
    with pytest.raises(ConfigError, match="no such file"):
        config.load(tmp_path / "absent.toml", required=True)


def test_load_reads_every_section(tmp_path: Path) -> None:
    """Keys from DESIGN.md structure into the attrs tree, with ~ expanded."""
    path = tmp_path / "c.toml"
    path.write_text(
        'node_id = "laptop"\nstate_dir = "~/st"\n[sync]\ntelemetry = ["~/t/*.jsonl"]\nvalue_threshold = 0.8\n'
        '[anonymize]\nextra_rules = [{ name = "ticket", pattern = "TCK-[0-9]{6}" }]\n'
        '[embedding]\nprovider = "ollama"\nurl = "http://127.0.0.1:11434"\n'
        '[[sync.rules]]\ncategory = "best-practices"\nfields = ["tip"]\nall_of = ["tip"]\n'
    )
    cfg = config.load(path)
    assert cfg.node_id == "laptop" and cfg.sync.value_threshold == 0.8
    assert cfg.state_dir == str(Path("~/st").expanduser())
    assert cfg.sync.telemetry == [str(Path("~/t/*.jsonl").expanduser())]
    assert cfg.anonymize.extra_rules[0] == config.ExtraRule("ticket", "TCK-[0-9]{6}")
    assert cfg.sync.rules == [
        config.CategoryRule(category="best-practices", fields=["tip"], all_of=["tip"])
    ]


def test_unknown_key_and_wrong_type_name_the_key_and_file(tmp_path: Path) -> None:
    """Every bad key is listed, with its path in the table, under the file name."""
    path = tmp_path / "c.toml"
    path.write_text('nodeid = "x"\n[sync]\nvalue_threshold = "high"\n')
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert str(path) in str(caught.value)
    joined = "\n".join(caught.value.details)
    assert "nodeid: unknown key (did you mean node_id?)" in joined
    assert 'sync.value_threshold: expected a number, got a string "high"' in joined


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('node_id = "Laptop One"', "node_id"),
        ("[sync]\nvalue_threshold = 1.5", "sync.value_threshold"),
        ('[sync]\ncategories = ["gossip"]', "sync.categories"),
        ('[anonymize]\nallow = ["("]', "anonymize.allow[0]"),
        ('[embedding]\nprovider = "openai"', "embedding.url"),
        ('[embedding]\nprovider = "magic"', "embedding.provider"),
        ("[embedding]\nbatch_size = 0", "embedding.batch_size"),
        ("[embedding]\nretry_attempts = 0", "embedding.retry_attempts"),
        ("[embedding]\ntimeout = 0", "embedding.timeout"),
        ("[publish]\npush_attempts = 0", "publish.push_attempts"),
        ("[publish]\npush_deadline = -1", "publish.push_deadline"),
        ('[trust]\nallowed_signers = "signers"', "trust.signing_key"),
    ],
)
def test_cross_field_checks_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    """Values of the right type but wrong meaning are refused, naming the key."""
    path = tmp_path / "c.toml"
    path.write_text(text + "\n")
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert any(detail.startswith(key) for detail in caught.value.details), caught.value.details


def test_not_toml_is_a_config_error(tmp_path: Path) -> None:
    """A syntax error names the file."""
    path = tmp_path / "c.toml"
    path.write_text("[sync\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(path)


def test_unstructure_round_trips(tmp_path: Path) -> None:
    """The default tree unstructures to a table that structures back to itself."""
    cfg = config.Config()
    assert config.structure(config.unstructure(cfg), source="") == cfg


def test_cli_exits_2_with_key_and_file_on_bad_config(tmp_path: Path) -> None:
    """The installed command prints the file, the bad key and a hint, and exits 2."""
    path = tmp_path / "c.toml"
    path.write_text("[sync]\nbogus = 1\n")
    process = run_fedlearn("sync", "--config", str(path), check=False, cwd=tmp_path)
    assert process.returncode == 2
    assert str(path) in process.stderr and "bogus" in process.stderr and "hint:" in process.stderr


def test_relative_paths_are_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative path means the same file from any working directory (cron, systemd, a shell)."""
    folder = tmp_path / "etc"
    folder.mkdir()
    (folder / "c.toml").write_text(
        'state_dir = "state"\nrepo = "../repo"\n[sync]\ntelemetry = ["logs/*.jsonl", "t.jsonl"]\n'
        'fine_tuning = "ft/dataset.jsonl"\n[metrics]\npath = "m.prom"\n'
    )
    loaded = []
    for cwd in (tmp_path, folder):
        monkeypatch.chdir(cwd)
        loaded.append(
            config.load(Path("..", "etc", "c.toml") if cwd == folder else folder / "c.toml")
        )
    assert loaded[0] == attrs.evolve(loaded[1], source=loaded[0].source)
    cfg = loaded[0]
    assert cfg.state_dir == str(folder / "state") and cfg.repo == str(tmp_path / "repo")
    assert cfg.sync.telemetry == [str(folder / "logs" / "*.jsonl"), str(folder / "t.jsonl")]
    assert cfg.sync.fine_tuning == str(folder / "ft" / "dataset.jsonl")
    assert cfg.metrics.path == str(folder / "m.prom")


def test_embedding_collection_overrides_win_for_their_collection_only(tmp_path: Path) -> None:
    """``[embedding.collections.<name>]`` sets that collection's text keys; the rest inherit."""
    path = tmp_path / "config.toml"
    path.write_text(
        '[embedding]\ndocument_prefix = "search_document: "\nquery_prefix = "search_query: "\n'
        '[embedding.collections.code]\ntext_fields = ["content"]\ndocument_prefix = ""\n'
    )
    settings = config.load(path).embedding
    assert settings.text_fields_of("code") == ["content"] and settings.overrides_text_fields("code")
    assert settings.document_prefix_of("code") == "" and settings.query_prefix_of("code") == (
        "search_query: "
    )
    assert settings.text_fields_of("other") == ["text", "description", "content"]
    assert settings.document_prefix_of("other") == "search_document: "
    assert not settings.overrides_text_fields("other")
    table = config.unstructure(config.load(path))["embedding"]["collections"]
    assert table == {"code": {"text_fields": ["content"], "document_prefix": ""}}


@pytest.mark.parametrize(
    ("fields", "problem"),
    [("[]", "must name at least one"), ('["title+"]', "a field name is empty")],
)
def test_text_fields_must_name_fields(tmp_path: Path, fields: str, problem: str) -> None:
    """An empty ``text_fields``, or an empty name in a ``+`` join, is a configuration error."""
    path = tmp_path / "config.toml"
    path.write_text(f"[embedding.collections.code]\ntext_fields = {fields}\n")
    with pytest.raises(ConfigError) as raised:
        config.load(path)
    assert any(
        problem in line and "embedding.collections.code" in line for line in raised.value.details
    )
