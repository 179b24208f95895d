"""Every .nix file in the repository parses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.nix.conftest import ROOT, run_nix

# The .nix files are not in the package's source: the check phase of nix/package.nix deselects these.
pytestmark = pytest.mark.nix

EXPECTED = {
    "flake.nix",
    "nix/package.nix",
    "nix/module.nix",
    "nix/units.nix",
    "nix/qdrant-url.nix",
    "nix/tests/module.nix",
    "nix/tests/vm.nix",
    "nix/tests/eval-module.nix",
    "nix/tests/nixos-options.nix",
}


def nix_files() -> list[Path]:
    """Return every .nix file of the repository, outside hidden and virtualenv folders."""
    return sorted(
        path
        for path in ROOT.rglob("*.nix")
        if not any(
            part.startswith(".") or part in {"venv", "result"}
            for part in path.relative_to(ROOT).parts
        )
    )


def test_nix_files_include_the_flake_and_module() -> None:
    """The flake, package, module, units and their tests are all there to be parsed."""
    found = {str(path.relative_to(ROOT)) for path in nix_files()}
    assert found >= EXPECTED


@pytest.mark.parametrize("path", nix_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_nix_file_parses(env: dict[str, str], path: Path) -> None:
    """``nix-instantiate --parse`` accepts the file."""
    process = run_nix(env, "nix-instantiate", "--parse", str(path))
    assert process.returncode == 0, process.stderr


def nix_examples() -> list[tuple[str, str]]:
    """
    Return (where, text) of every ```nix block in the README and docs/nixos.md.

    A file that is absent is passed over: the package's check phase has no docs/ (and deselects
    these tests, but collects them).
    """
    examples = []
    for name in ("README.md", "docs/nixos.md"):
        if not (ROOT / name).exists():
            continue
        blocks = (ROOT / name).read_text().split("```nix\n")[1:]
        examples += [
            (f"{name}#{index}", block.split("```")[0]) for index, block in enumerate(blocks)
        ]
    return examples


@pytest.mark.parametrize(
    ("where", "text"), nix_examples(), ids=[where for where, _ in nix_examples()]
)
def test_doc_nix_example_parses(env: dict[str, str], where: str, text: str) -> None:
    """Each Nix example of the docs parses: whole, or (a module's bindings) as a module of the flake."""
    whole = run_nix(env, "nix-instantiate", "--parse", "-E", text)
    module = "{ fedlearn, ... }:\n{\n" + text + "\n}"
    wrapped = run_nix(env, "nix-instantiate", "--parse", "-E", module)
    assert whole.returncode == 0 or wrapped.returncode == 0, (where, wrapped.stderr)
