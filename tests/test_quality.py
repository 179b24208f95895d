"""The code base stays lint-clean (ruff), type-clean (mypy strict), free of import cycles, and the
README's map true."""

from __future__ import annotations

import ast
import itertools
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


MODULE_LINES = 400  # issue 14: a module over this is split by what its parts are for


def test_no_module_is_over_the_line_limit() -> None:
    """Every module of fedlearn/ has at most ``MODULE_LINES`` lines."""
    long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "fedlearn").rglob("*.py"))
        if (lines := len(path.read_text().splitlines())) > MODULE_LINES
    }
    assert long == {}, f"split these modules (over {MODULE_LINES} lines): {long}"


def test_every_class_name_is_unique() -> None:
    """No two modules of fedlearn/ define a class of the same name (issue 14): a name says which."""
    defined: dict[str, list[str]] = {}
    for path in sorted((ROOT / "fedlearn").rglob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                defined.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}


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


def map_rows(path: Path) -> dict[str, str]:
    """Return folder ("" for ``fedlearn/`` itself) -> the modules cell of each code map row."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\| `(fedlearn/|[a-z]+/)` \| (.*?) \|", line)
        if row:
            rows["" if row[1] == "fedlearn/" else row[1].rstrip("/")] = row[2]
    return rows


def readme_map() -> dict[str, set[str]]:
    """Return folder -> the modules the README's code map names; a row that links to a doc
    (``[the anonymizer's map](docs/anonymization.md#the-modules)``) names that doc's row."""
    found = {}
    for folder, cell in map_rows(ROOT / "README.md").items():
        link = re.search(r"\]\((docs/[a-z_-]+\.md)#[a-z-]+\)", cell)
        if link:
            cell = map_rows(ROOT / link[1]).get(folder, "")
        found[folder] = set(re.findall(r"[a-z_0-9]+", cell))
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


# Imports as a graph: module -> the fedlearn modules it imports -> the line of the first such import.
Graph = dict[str, dict[str, int]]


def module_names(package: Path) -> dict[str, Path]:
    """Return every module of ``package`` (a folder) by dotted name; a package is its __init__."""
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_names(module: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    """Return the dotted names one import statement may import (``from a import b``: a.b, else a)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: counted from the module's own package
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
    return [f"{base}.{alias.name}" for alias in node.names]


def import_graph(package: Path) -> Graph:
    """
    Return the graph of the imports between the modules of ``package``, imports at any level
    counted: at the top, inside functions and under ``if TYPE_CHECKING:`` alike.

    A deferred import hides a cycle from the interpreter, not from a reader: the two modules still
    cannot be understood, tested or moved apart, and a type-only cycle is one mypy follows. A
    module's own parent package (run first by Python whatever it imports) is not counted unless
    named; ``importlib.import_module`` (the command table's job modules) is not an import here.
    """
    modules = module_names(package)
    graph: Graph = {name: {} for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in imported_names(name, path, node):
                while target and target not in modules:  # a name from a module: the module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name][target] = min(node.lineno, graph[name].get(target, node.lineno))
    return graph


def strongly_connected(graph: Graph) -> list[list[str]]:
    """Return the strongly connected groups of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def cycle_in(graph: Graph, group: list[str]) -> list[str]:
    """Return a shortest cycle through the first module of ``group`` (a strongly connected group)."""
    start = group[0]
    paths = {start: [start]}
    queue = [start]
    for module in queue:
        for target in sorted(graph[module]):
            if target == start:
                return [*paths[module], start]
            if target in group and target not in paths:
                paths[target] = [*paths[module], target]
                queue.append(target)
    raise AssertionError(f"{group} is not strongly connected")


def cycles(package: Path) -> list[str]:
    """Return each import cycle of ``package`` as one line: the modules and where each imports."""
    graph = import_graph(package)
    found = []
    for group in strongly_connected(graph):
        cycle = cycle_in(graph, group)
        steps = [f"{a} (line {graph[a][b]})" for a, b in itertools.pairwise(cycle)]
        found.append(" -> ".join([*steps, cycle[-1]]) + f"; the group: {', '.join(group)}")
    return found


def test_fedlearn_has_no_import_cycle() -> None:
    """No module of fedlearn imports itself through others, by imports at any level (issue 14)."""
    found = cycles(ROOT / "fedlearn")
    assert not found, "import cycles (move the shared piece to a module below both):\n" + "\n".join(
        found
    )


def test_a_cycle_hidden_in_a_function_or_type_check_is_found(tmp_path: Path) -> None:
    """The check sees imports inside functions and under TYPE_CHECKING, and relative ones."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from pkg.sub.low import X\n")
    (package / "sub" / "low.py").write_text("X = 1\n")  # its parent package imports it: no cycle
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("def f():\n    from . import c\n")
    (package / "c.py").write_text("if TYPE_CHECKING:\n    from pkg.a import Thing\n")
    (package / "d.py").write_text("import pkg.a\nfrom .sub import low\n")
    assert cycles(package) == [
        "pkg.a (line 1) -> pkg.b (line 2) -> pkg.c (line 2) -> pkg.a; the group: pkg.a, pkg.b, pkg.c"
    ]
