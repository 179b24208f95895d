"""git_trust on a real clone: what its screen holds, what a held path reads as (git_held), trust off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.store import git_held, git_trust
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
    assert git_held.read(repo / PATH) == b"signed\n"
    new_file = git_held.hold_of(repo / "data/retractions/alpha.jsonl")
    assert new_file is not None and git_held.open_held(*new_file) is None
    moved = git_held.hold_of(repo / PATH)
    assert moved is not None
    fd = git_held.open_held(*moved)
    assert fd is not None and os.read(fd, 100) == b"signed\n"
    os.close(fd)
    folder = repo / "data/retractions"
    assert git_held.listed(folder, [folder / "alpha.jsonl"]) == []
    assert git_held.listed(repo / "data/patterns/error-solutions", []) == [repo / PATH]


def test_screen_leaves_this_nodes_paths_and_clears_when_trust_is_off(tmp_path: Path) -> None:
    """This node's own files are never held (the own-files guard's); trust off forgets the held."""
    repo = init_repo(tmp_path / "repo")
    start = commit(repo, {PATH: "signed\n"})
    commit(repo, {PATH: "changed\n"})
    assert git_trust.screen(repo, "data", "alpha", SIGNERS, start) == []
    assert git_held.read(repo / PATH) == b"changed\n"
    git_trust.screen(repo, "data", "beta", SIGNERS, start)
    assert git_held.hold_of(repo / PATH) is None  # screened already up to HEAD: nothing new
    assert git_held.held_file_of(repo).exists()
    git_trust.screen(repo, "data", "beta", config.Trust(), start)
    assert not git_held.held_file_of(repo).exists()


def test_a_signature_check_that_failed_once_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When ssh-keygen fails on its first call (a fork failure under load), git reports alpha's
    good signature as bad; the screen asks once more and holds nothing."""
    import shutil
    import subprocess

    key = tmp_path / "alpha_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    signers = tmp_path / "allowed_signers"
    public = key.with_suffix(".pub").read_text().split()[:2]
    signers.write_text(f"alpha {' '.join(public)}\n")
    repo = init_repo(tmp_path / "repo")
    start = commit(repo, {"README": "x\n"})
    (repo / "data/patterns/error-solutions").mkdir(parents=True)
    (repo / PATH).write_text("signed\n")
    git(repo, "add", PATH)
    sign = ("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}")
    git(repo, *sign, "commit", "-q", "-S", "-m", "signed by alpha")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "ssh-keygen"
    failed = tmp_path / "failed-once"
    real = shutil.which("ssh-keygen")
    wrapper.write_text(
        f'#!/bin/sh\nif [ ! -e {failed} ]; then touch {failed}; exit 255; fi\nexec {real} "$@"\n'
    )
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    settings = config.Trust(allowed_signers=str(signers), signing_key=str(key))
    assert git_trust.screen(repo, "data", "beta", settings, start) == []
    assert failed.exists()  # the first check did fail
