"""flake.lock pins the published nixos-25.11 commit, and `nix flake metadata` reads it offline."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import git, init_repo
from tests.nix.conftest import ROOT, run_nix

# Even the lock test without Nix: flake.lock is not in the package's source, so the check phase
# of nix/package.nix must deselect it with the other Nix tests.
pytestmark = pytest.mark.nix

LOCKED = {
    "type": "github",
    "owner": "NixOS",
    "repo": "nixpkgs",
    "rev": "8fd9daa3db09ced9700431c5b7ad0e8ba199b575",
    "narHash": "sha256-Ti+ZBvW6yrWWAg2szExVTwCd4qOJ3KlVr1tFHfyfi8Q=",
    "lastModified": 1778430510,
}
ORIGINAL = {"type": "github", "owner": "NixOS", "repo": "nixpkgs", "ref": "nixos-25.11"}


def test_flake_lock_pins_the_nixos_25_11_commit() -> None:
    """The lock (version 7) has exactly a root and nixpkgs, locked to the published commit."""
    lock = json.loads((ROOT / "flake.lock").read_text())
    assert lock["version"] == 7
    assert lock["root"] == "root"
    assert set(lock["nodes"]) == {"root", "nixpkgs"}
    assert lock["nodes"]["root"] == {"inputs": {"nixpkgs": "nixpkgs"}}
    assert lock["nodes"]["nixpkgs"] == {"locked": LOCKED, "original": ORIGINAL}


def test_flake_inputs_match_the_lock(env: dict[str, str]) -> None:
    """flake.nix asks for what the lock's ``original`` records: nixpkgs on nixos-25.11."""
    process = run_nix(
        env, "nix-instantiate", "--eval", "--strict", "--json", "-E",
        f"(import {ROOT}/flake.nix).inputs",
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout) == {"nixpkgs": {"url": "github:NixOS/nixpkgs/nixos-25.11"}}


def repository_files() -> list[str]:
    """Return the repository's files as git sees them: tracked, plus untracked but not ignored."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]


def test_flake_metadata_reads_the_lock_offline(env: dict[str, str], tmp_path: Path) -> None:
    """On a git checkout of this repository, ``nix flake metadata`` succeeds with no network."""
    checkout = init_repo(tmp_path / "checkout")
    for name in repository_files():
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, checkout / name)
    git(checkout, "add", "--all")
    git(checkout, "commit", "-q", "-m", "snapshot")
    process = run_nix(env, "nix", "flake", "metadata", "--json", f"git+file://{checkout}")
    assert process.returncode == 0, process.stderr
    metadata = json.loads(process.stdout)
    assert metadata["locks"]["nodes"]["nixpkgs"]["locked"]["rev"] == LOCKED["rev"]
    assert metadata["description"].startswith("fedlearn:")
    assert metadata["revision"] == git(checkout, "rev-parse", "HEAD").strip()
