"""The contributor check: nix/module.nix under nixpkgs' lib.evalModules (needs a lib checkout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.nix.conftest import DEFAULTS, ROOT, nix_env

pytestmark = pytest.mark.nix

LIB = os.environ.get("FEDLEARN_NIXPKGS_LIB", "")
NEEDS_LIB = pytest.mark.skipif(
    not LIB,
    reason="set FEDLEARN_NIXPKGS_LIB to a local nixpkgs or nixpkgs.lib checkout to evaluate the module",
)


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Return the output of ``nix/tests/eval-module.sh LIB`` (run once for this module's tests)."""
    process = subprocess.run(
        [str(ROOT / "nix/tests/eval-module.sh"), LIB],
        capture_output=True,
        text=True,
        env=nix_env(tmp_path_factory.mktemp("home")),
        check=False,
    )
    assert process.returncode == 0, process.stderr
    output: dict[str, Any] = json.loads(process.stdout)
    return output


@NEEDS_LIB
def test_eval_module_passes_every_check(evaluated: dict[str, Any]) -> None:
    """nix/tests/eval-module.sh evaluates the module for every case and every check passes."""
    assert evaluated["passed"] >= 50


@NEEDS_LIB
def test_eval_module_defaults_are_the_ones_the_units_tests_use(evaluated: dict[str, Any]) -> None:
    """The option values nix/units.nix gets by default are conftest's DEFAULTS (no drift)."""
    assert evaluated["defaults"] == DEFAULTS


@NEEDS_LIB
def test_eval_module_vm_test_script_compiles(evaluated: dict[str, Any], tmp_path: Path) -> None:
    """The VM test cannot run here (nixpkgs, KVM), but its Python compiles and names no unknown."""
    script = evaluated["vmTestScript"]
    compile(script, "nix/tests/vm.nix:testScript", "exec")
    assert 'with subtest("an import whose lock is held exits 3' in script
    assert "a sync that fails still publishes and pulls" in script
    path = tmp_path / "vm_test_script.py"
    path.write_text(script)
    # The NixOS test driver's globals: the node and subtest.
    known = 'builtins = ["machine", "subtest"]'
    pyflakes = [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "F"]
    process = subprocess.run(
        [*pyflakes, "--config", known, str(path)], capture_output=True, text=True, check=False
    )
    assert process.returncode == 0, process.stdout


def test_eval_module_refuses_a_path_without_lib(env: dict[str, str], tmp_path: Path) -> None:
    """Given a folder that holds no nixpkgs lib, the script exits 2 and says so."""
    process = subprocess.run(
        [str(ROOT / "nix/tests/eval-module.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert process.returncode == 2
    assert "no lib/default.nix" in process.stderr


@NEEDS_LIB
def test_eval_module_takes_the_lib_from_the_environment(env: dict[str, str]) -> None:
    """Without PATH, the script reads FEDLEARN_NIXPKGS_LIB, as the pytest does."""
    process = subprocess.run(
        [str(ROOT / "nix/tests/eval-module.sh")],
        capture_output=True,
        text=True,
        env=env | {"FEDLEARN_NIXPKGS_LIB": LIB},
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["passed"] >= 50


def test_eval_module_without_a_lib_prints_its_usage(env: dict[str, str]) -> None:
    """Neither PATH nor FEDLEARN_NIXPKGS_LIB: exit 2 with the usage line."""
    environment = {key: value for key, value in env.items() if key != "FEDLEARN_NIXPKGS_LIB"}
    process = subprocess.run(
        [str(ROOT / "nix/tests/eval-module.sh")],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert process.returncode == 2
    assert process.stderr.startswith("usage: nix/tests/eval-module.sh PATH")
