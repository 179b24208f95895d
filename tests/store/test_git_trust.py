"""git_trust on a real clone: what a held path reads as, and turning trust off."""

from __future__ import annotations

import os
from pathlib import Path

from fedlearn import config
from fedlearn.store import git_trust
from tests.conftest import git, init_repo

PATH = "data/patterns/error-solutions/alpha.jsonl"
SIGNERS = config.Trust(
    allowed_signers="/nonexistent/allowed_signers", signing_key="/nonexistent/key"
)


def commit(repo: Path, files: dict[str, str | None]) -> str:
    """Commit ``files`` (None: delete) unsigned in ``repo``; return the commit."""
    for name, content in files.items():
        if content is None:
            git(repo, "rm", "-q", name)
        else:
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_text(content)
            git(repo, "add", name)
    git(repo, "commit", "-q", "-m", "change")
    return git(repo, "rev-parse", "HEAD").strip()


def test_screen_holds_unsigned_changes_and_readers_see_the_content_before(tmp_path: Path) -> None:
    """An unsigned change, a deletion and a new file of another node read as the content before."""
    repo = init_repo(tmp_path / "repo")
    start = commit(repo, {PATH: "signed\n"})
    commit(repo, {PATH: None, "data/retractions/alpha.jsonl": "forged\n", "data/README": "x\n"})
    held = git_trust.screen(repo, "data", "beta", SIGNERS, start)
    assert [h.path for h in held] == [
        "data/patterns/error-solutions/alpha.jsonl",
        "data/retractions/alpha.jsonl",
    ]
    assert {h.reason for h in held} == {"unsigned"}
    assert git_trust.read(repo / PATH) == b"signed\n"
    new_file = git_trust.hold_of(repo / "data/retractions/alpha.jsonl")
    assert new_file is not None and git_trust.open_held(*new_file) is None
    moved = git_trust.hold_of(repo / PATH)
    assert moved is not None
    fd = git_trust.open_held(*moved)
    assert fd is not None and os.read(fd, 100) == b"signed\n"
    os.close(fd)
    folder = repo / "data/retractions"
    assert git_trust.listed(folder, [folder / "alpha.jsonl"]) == []
    assert git_trust.listed(repo / "data/patterns/error-solutions", []) == [repo / PATH]


def test_screen_leaves_this_nodes_paths_and_clears_when_trust_is_off(tmp_path: Path) -> None:
    """This node's own files are never held (the own-files guard's); trust off forgets the held."""
    repo = init_repo(tmp_path / "repo")
    start = commit(repo, {PATH: "signed\n"})
    commit(repo, {PATH: "changed\n"})
    assert git_trust.screen(repo, "data", "alpha", SIGNERS, start) == []
    assert git_trust.read(repo / PATH) == b"changed\n"
    git_trust.screen(repo, "data", "beta", SIGNERS, start)
    assert git_trust.hold_of(repo / PATH) is None  # screened already up to HEAD: nothing new
    assert git_trust.held_file_of(repo).exists()
    git_trust.screen(repo, "data", "beta", config.Trust(), start)
    assert not git_trust.held_file_of(repo).exists()
