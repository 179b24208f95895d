"""git_held on a real clone: a held path reads as its last accepted content, however it was held."""

from __future__ import annotations

import os
from pathlib import Path

from fedlearn.store import git_held
from tests.conftest import git, init_repo

PATH = "data/patterns/error-solutions/alpha.jsonl"
FORGED = "data/patterns/error-solutions/gamma.jsonl"


def held_clone(tmp_path: Path) -> Path:
    """Return a clone whose PATH was changed after its accepted content and FORGED added, both held."""
    repo = init_repo(tmp_path / "repo")
    (repo / PATH).parent.mkdir(parents=True)
    (repo / PATH).write_text("accepted\n")
    git(repo, "add", PATH)
    git(repo, "commit", "-q", "-m", "accepted")
    blob = git(repo, "rev-parse", f"HEAD:{PATH}").strip()
    (repo / PATH).write_text("forged\n")
    (repo / FORGED).write_text("forged\n")
    held = {
        PATH: git_held.Held(path=PATH, blob=blob, commit="0" * 40, reason="unsigned"),
        FORGED: git_held.Held(path=FORGED, blob="", commit="0" * 40, reason="unsigned"),
    }
    git_held.save(repo, git_held.View(screened="", held=held))
    return repo


def test_held_paths_read_and_list_as_accepted(tmp_path: Path) -> None:
    """A changed path reads as before; a forged new file is left out of listings and unreadable."""
    repo = held_clone(tmp_path)
    folder = repo / PATH.rsplit("/", 1)[0]
    assert git_held.read(repo / PATH) == b"accepted\n"
    assert git_held.listed(folder, [repo / PATH, repo / FORGED]) == [repo / PATH]
    assert git_held.listed(folder, []) == [repo / PATH]  # deleted by a forged commit: put back
    found = git_held.hold_of(repo / PATH)
    assert found is not None and found[1].reason == "unsigned"
    fd = git_held.open_held(*found)
    assert fd is not None and os.read(fd, 100) == b"accepted\n"
    os.close(fd)
    forged = git_held.hold_of(repo / FORGED)
    assert forged is not None and git_held.open_held(*forged) is None


def test_an_unreadable_held_file_holds_nothing(tmp_path: Path) -> None:
    """A held file that does not decode loads as no held paths (a warning, not a failure)."""
    repo = held_clone(tmp_path)
    git_held.held_file(repo).write_bytes(b"{not json")
    assert git_held.load(repo) == git_held.View()
