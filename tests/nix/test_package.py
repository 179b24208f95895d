"""nix/package.nix: the tests its check phase runs pass on the package's source alone."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.nix.conftest import ROOT, run_nix

pytestmark = pytest.mark.nix

DRIVER = Path(__file__).resolve().parent / "drive-package.nix"


def test_package_check_phase_needs_only_the_package_source(
    env: dict[str, str], tmp_path: Path
) -> None:
    """
    In the build sandbox the tests see only the fileset of nix/package.nix (no flake.lock, no nix/).

    The Nix tests, which read those files, must be among the ones the check phase deselects.
    """
    process = run_nix(env, "nix-instantiate", "--eval", "--strict", "--json", str(DRIVER))
    assert process.returncode == 0, process.stderr
    package = json.loads(process.stdout)
    source = tmp_path / "source"
    for name in package["src"]:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    marks = " and ".join(f"not {mark}" for mark in package["disabledTestMarks"])
    process = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", marks, "tests/nix"],
        capture_output=True, text=True, cwd=source, check=False,
        env=os.environ | {"PYTHONPATH": str(source)},
    )  # fmt: skip
    # 5: every test of tests/nix deselected, as it should be in the sandbox.
    assert process.returncode in (0, 5), process.stdout + process.stderr


def test_package_puts_git_and_ssh_on_the_programs_path(env: dict[str, str]) -> None:
    """The wrapped ``fedlearn`` finds git and ssh whatever the caller's PATH (nix run, systemPackages)."""
    process = run_nix(env, "nix-instantiate", "--eval", "--strict", "--json", str(DRIVER))
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["makeWrapperArgs"] == [
        "--prefix",
        "PATH",
        ":",
        "/nix/store/22222222222222222222222222222222-git/bin:"
        "/nix/store/33333333333333333333333333333333-openssh/bin",
    ]


def requirement_names(requirements: list[str]) -> set[str]:
    """Return the normalized project names (PEP 503) of PEP 508 requirement strings."""
    names = set()
    for requirement in requirements:
        found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        assert found, requirement
        names.add(re.sub(r"[-_.]+", "-", found.group()).lower())
    return names


def test_package_dependencies_are_pyprojects(env: dict[str, str]) -> None:
    """
    nix/package.nix depends on exactly what pyproject.toml declares: its dependencies and the
    ``fast`` extra (google-re2), which the package always includes.
    """
    process = run_nix(env, "nix-instantiate", "--eval", "--strict", "--json", str(DRIVER))
    assert process.returncode == 0, process.stderr
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["fast"]
    nix = json.loads(process.stdout)["dependencies"]
    assert len(nix) == len(set(nix))
    assert requirement_names(nix) == requirement_names(declared)
