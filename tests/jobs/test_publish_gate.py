"""Publish's gate on a real clone: which files are this node's, and the scan of their staged copies."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from fedlearn import anonymize, config
from fedlearn.errors import SecretFoundError
from fedlearn.formats import layout
from fedlearn.jobs import publish_gate
from fedlearn.store import atomic, git_objects
from tests.conftest import Node, git

TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


def test_own_files_takes_this_nodes_files_and_deletions_only(node: Node) -> None:
    """
    This node's files on disk and those only HEAD still has (deletions) are listed; another
    node's files and the temp file of an unfinished write are not.
    """
    gone = layout.retraction_file(node.repo, "alpha")
    gone.parent.mkdir(parents=True)
    gone.write_text("{}\n")
    git(node.repo, "add", "-A")
    git(node.repo, "commit", "-q", "-m", "retractions")
    gone.unlink()
    dataset = layout.fine_tuning_file(node.repo, "alpha")
    dataset.parent.mkdir(parents=True)
    dataset.write_text("{}\n")
    (dataset.parent / f".dataset.jsonl{atomic.TEMP_MARK}0a1b2c3d").write_text("half")
    stranger = layout.pattern_file(node.repo, "error-solutions", "beta")
    stranger.parent.mkdir(parents=True)
    stranger.write_text("{}\n")
    top = node.repo.resolve()
    assert publish_gate.own_files(top, top, "alpha") == [
        "data/fine-tuning/alpha/dataset.jsonl",
        "data/retractions/alpha.jsonl",
    ]


def test_find_secrets_names_file_line_and_rule_and_skips_symlinks(tmp_path: Path) -> None:
    """A token on line 2 is ``path:2:rule``; a staged symlink is not read through."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.jsonl").write_text(f'{{"x": 1}}\n{{"token": "{TOKEN}"}}\n')
    outside = tmp_path / "outside.txt"
    outside.write_text(f"{TOKEN}\n")
    (tmp_path / "data" / "link.jsonl").symlink_to(outside)
    anonymizer = anonymize.Anonymizer(config.Anonymize())
    found = publish_gate.find_secrets(anonymizer, tmp_path, ["data/a.jsonl", "data/link.jsonl"])
    assert len(found) == 1 and found[0].startswith("data/a.jsonl:2:")


def test_stage_refuses_a_secret_in_the_staged_copy_not_the_work_tree(node: Node) -> None:
    """The scan reads what is staged: a token staged and then removed from disk still stops it."""
    cfg = node.config()
    top = node.repo.resolve()
    dataset = layout.fine_tuning_file(node.repo, "alpha")
    dataset.parent.mkdir(parents=True)
    dataset.write_text(f'{{"token": "{TOKEN}"}}\n')
    with git_objects.scratch_index(top) as index, tempfile.TemporaryDirectory() as name:
        git_objects.stage(top, index, ["data/fine-tuning/alpha/dataset.jsonl"])
        dataset.write_text("{}\n")
        changes = git_objects.staged(top, index)
        git_objects.export(top, index, [path for _, path in changes], Path(name))
        with pytest.raises(SecretFoundError, match=r"data/fine-tuning/alpha/dataset.jsonl:1:"):
            publish_gate.refuse_secrets(cfg.anonymize, Path(name), changes)


def test_stage_returns_the_staged_changes_of_clean_files(node: Node) -> None:
    """Clean files are staged and returned as (letter, path); their copies are exported."""
    cfg = node.config()
    top = node.repo.resolve()
    dataset = layout.fine_tuning_file(node.repo, "alpha")
    dataset.parent.mkdir(parents=True)
    dataset.write_text("{}\n")
    with git_objects.scratch_index(top) as index, tempfile.TemporaryDirectory() as name:
        changes = publish_gate.stage(cfg, top, index, Path(name))
        assert changes == [("A", "data/fine-tuning/alpha/dataset.jsonl")]
        assert (Path(name) / changes[0][1]).read_text() == "{}\n"
