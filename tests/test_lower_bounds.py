"""tests/lower-bounds.txt pins each of pyproject.toml's dependencies to its lower bound."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalized(name: str) -> str:
    """Return a project name as PEP 503 compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def release(version: str) -> tuple[int, ...]:
    """Return the release numbers of a plain version (``23.2.1`` -> (23, 2, 1))."""
    return tuple(int(part) for part in version.split("."))


def test_constraints_pin_every_dependency_at_its_lower_bound() -> None:
    """
    Every dependency is pinned, nothing else is, and each pin is a release of the lower bound's
    own series (``cattrs>=23.2`` is pinned to 23.2.1, the first 23.2 release).
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for requirement in project["dependencies"]:
        found = re.fullmatch(r"([A-Za-z0-9._-]+)>=([0-9.]+)", requirement)
        assert found, f"{requirement}: a dependency has one lower bound (name>=version)"
        bounds[normalized(found[1])] = release(found[2])
    pins = {}
    for line in (ROOT / "tests" / "lower-bounds.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            found = re.fullmatch(r"([A-Za-z0-9._-]+)==([0-9.]+)", line.strip())
            assert found, line
            pins[normalized(found[1])] = release(found[2])
    assert pins.keys() == bounds.keys()
    for name, bound in bounds.items():
        assert pins[name][: len(bound)] == bound, (name, pins[name], bound)
