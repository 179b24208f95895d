"""The command line's parser: help laid out for the terminal, and nothing costly built or imported."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from fedlearn import cli


@pytest.mark.parametrize("columns", ["50", "120"])
def test_help_is_wrapped_to_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """Help text wraps at $COLUMNS - 2, as argparse's own lookup of the width does."""
    monkeypatch.setenv("COLUMNS", columns)
    text = cli.parser().format_help()
    width = max(len(line) for line in text.splitlines())
    assert width <= int(columns) - 2
    assert width > int(columns) // 2  # wrapped near the width, not at a fixed narrow one


def test_width_falls_back_to_80_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no $COLUMNS and no terminal on stdout, the width is 80 (shutil's fallback)."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "__stdout__", None)
    assert cli.terminal_columns() == 80
    monkeypatch.setenv("COLUMNS", "not a number")
    assert cli.terminal_columns() == 80


def test_a_run_imports_neither_shutil_nor_the_other_jobs() -> None:
    """Parsing a sync's arguments imports no help-only module (shutil) and no other job."""
    code = (
        "import sys\n"
        "from fedlearn import cli\n"
        "before = set(sys.modules)\n"
        "cli.parser('sync').parse_args(['sync', '-q'])\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    imported = ast.literal_eval(process.stdout)
    assert "shutil" not in imported
    assert [name for name in imported if name.startswith("fedlearn.jobs.")] == [
        "fedlearn.jobs.sync"
    ]


def test_the_command_freezes_what_its_job_left_before_the_exit() -> None:
    """
    The ``fedlearn`` entry point returns the job's code with the heap frozen out of the cyclic
    collector, so the interpreter's last collection does not walk it again.
    """
    code = (
        "import gc, sys\n"
        "from fedlearn.__main__ import main\n"
        "sys.argv = ['fedlearn', 'config', 'docs']\n"
        "before = gc.get_freeze_count()\n"
        "print(before, main(), gc.get_freeze_count())\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    before, exit_code, after = process.stdout.split()[-3:]
    assert (before, exit_code) == ("0", "0") and int(after) > 1000
