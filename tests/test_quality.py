"""The code base stays lint-clean (ruff) and type-clean (mypy strict), and the README's map true."""

from __future__ import annotations

import re
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


def readme_map() -> dict[str, set[str]]:
    """Return folder ("" for ``fedlearn/`` itself) -> the modules the README's code map names."""
    found = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        row = re.match(r"\| `(fedlearn/|[a-z]+/)` \| (.*?) \|", line)
        if row:
            folder = "" if row[1] == "fedlearn/" else row[1].rstrip("/")
            found[folder] = set(re.findall(r"`([a-z_0-9]+)`", row[2]))
    return found


def test_readme_map_names_every_module() -> None:
    """Each module of each folder is in the README's code map, and the map names no other."""
    tree: dict[str, set[str]] = {}
    for path in (ROOT / "fedlearn").rglob("*.py"):
        if path.stem not in ("__init__", "__main__"):
            folder = path.parent.relative_to(ROOT / "fedlearn").as_posix()
            tree.setdefault("" if folder == "." else folder, set()).add(path.stem)
    named = readme_map()
    wrong = [
        f"fedlearn/{folder + '/' if folder else ''}: {sorted(tree.get(folder, set()) - named.get(folder, set()))} "
        f"not in the map, {sorted(named.get(folder, set()) - tree.get(folder, set()))} not in the tree"
        for folder in sorted(set(tree) | set(named))
        if tree.get(folder) != named.get(folder)
    ]
    assert not wrong, "README.md's code map is out of date:\n" + "\n".join(wrong)
