"""The code base stays lint-clean (ruff) and type-clean (mypy strict)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    """Return the tool installed beside this Python, else on PATH; skip when absent."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_ruff_finds_nothing() -> None:
    """ruff check passes on the package, the tests and the benchmarks."""
    process = subprocess.run(
        [tool("ruff"), "check", "fedlearn", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert process.returncode == 0, process.stdout + process.stderr


def test_mypy_strict_finds_nothing() -> None:
    """mypy --strict passes on the package."""
    process = subprocess.run([tool("mypy"), "fedlearn"], cwd=ROOT, capture_output=True, text=True)
    assert process.returncode == 0, process.stdout + process.stderr
