"""The record of what the checked reader refused: warnings for a few, a count for the rest, commits."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from fedlearn.store import refusal_log
from tests.conftest import git, init_repo


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Every test starts with no refusals recorded."""
    refusal_log.forget()
    yield
    refusal_log.forget()


def test_refusals_name_a_few_paths_then_count_the_rest_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5,000 refused paths give NAMED warnings and one count line; doctor still gets them all."""
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    monkeypatch.setattr(refusal_log, "COMMIT_LOOKUPS", 0)  # not a repository: no git lookups
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        for number in range(5000):
            refusal_log.refuse(tmp_path, tmp_path / "data" / f".bad{number}", "a bad name")
        assert refusal_log.summarize() == 5000 - refusal_log.NAMED
        assert refusal_log.summarize() == 0  # counted once
    messages = list(
        dict.fromkeys(r.getMessage() for r in caplog.records)
    )  # a record may come twice
    assert len(messages) == refusal_log.NAMED + 1
    assert messages[0].startswith("data/.bad0: ignored, a bad name")
    assert messages[-1].startswith(f"{5000 - refusal_log.NAMED} more paths under data/ ignored")
    assert len(refusal_log.refusals()) == 5000


def test_commit_of_walks_back_a_bounded_number_of_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit that last changed a refused path is named when it is among the last
    ``WALKED`` commits, and not looked for further back (a peer's 100,000 commits on top)."""
    repo = init_repo(tmp_path / "repo")
    (repo / "data").mkdir()
    (repo / "data/a.jsonl").write_bytes(b"{}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "add")
    added = git(repo, "rev-parse", "--short", "HEAD").strip()
    for n in range(6):
        git(repo, "commit", "-q", "--allow-empty", "-m", f"empty {n}")
    monkeypatch.setattr(refusal_log, "WALKED", 10)
    assert refusal_log.commit_of(repo, repo / "data/a.jsonl") == added
    refusal_log.forget()
    monkeypatch.setattr(refusal_log, "WALKED", 3)
    assert refusal_log.commit_of(repo, repo / "data/a.jsonl") == ""


def test_deferred_refusals_are_held_back_until_handed_on(tmp_path: Path) -> None:
    """Inside ``deferred`` a refusal is neither recorded nor warned about; it is handed back."""
    refusal_log.forget()
    try:
        with refusal_log.deferred() as held:
            refusal_log.refuse(tmp_path, tmp_path / "data" / "a.jsonl", "a symlink")
            assert refusal_log.refusals() == []
        assert held == [(tmp_path, tmp_path / "data" / "a.jsonl", "a symlink")]
        for repo, path, reason in held:
            refusal_log.refuse(repo, path, reason)
        assert [(r.path, r.reason) for r in refusal_log.refusals()] == [
            ("data/a.jsonl", "a symlink")
        ]
    finally:
        refusal_log.forget()
