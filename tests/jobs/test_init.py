"""``fedlearn init``: a commented configuration, a prepared repo, the next command."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from tests.conftest import init_repo, run_fedlearn


def test_init_makes_a_repo_and_a_config_that_loads(tmp_path: Path) -> None:
    """Without --clone, a new git repo is made at --repo; the file validates and names it."""
    config_file, repo = tmp_path / "c.toml", tmp_path / "fed"
    answer = json.loads(
        run_fedlearn("init", "--repo", str(repo), "--config", str(config_file), "--json").stdout
    )
    assert (repo / ".git").is_dir() and answer["repo"] == str(repo)
    assert answer["next"] == f"fedlearn sync --config {config_file}"
    assert tomllib.loads(config_file.read_text())["repo"] == str(repo)
    assert "# The federation repo" in config_file.read_text()
    run_fedlearn("config", "validate", str(config_file))


def test_init_takes_a_checkout_and_never_overwrites_a_config(tmp_path: Path) -> None:
    """An existing work tree is taken as it is; a second init refuses (exit 2) without --force."""
    config_file, repo = tmp_path / "c.toml", init_repo(tmp_path / "checkout")
    (repo / "keep.txt").write_text("mine")
    taken = run_fedlearn("init", "--repo", str(repo), "--config", str(config_file))
    assert "taken (a git work tree)" in taken.stdout and (repo / "keep.txt").exists()
    again = run_fedlearn("init", "--repo", str(repo), "--config", str(config_file), check=False)
    assert again.returncode == 2 and "exists already" in again.stderr
    run_fedlearn("init", "--repo", str(repo), "--config", str(config_file), "--force")


def test_init_refuses_a_folder_of_files_that_is_not_a_repo(tmp_path: Path) -> None:
    """A folder holding files but no git is not turned into a repo."""
    folder = tmp_path / "stuff"
    folder.mkdir()
    (folder / "x").write_text("")
    process = run_fedlearn(
        "init", "--repo", str(folder), "--config", str(tmp_path / "c.toml"), check=False
    )
    assert process.returncode == 2 and "not a git work tree" in process.stderr
    assert not (tmp_path / "c.toml").exists()
