"""The command table sits below cli, jobs and report: every command has a module, help, one name."""

from __future__ import annotations

import importlib
import subprocess
import sys

from fedlearn import commands


def test_every_command_has_a_job_module_with_run_and_add_arguments() -> None:
    """Each name in the table imports as a job module with the job interface."""
    for name in commands.NAMES:
        module = importlib.import_module(commands.module_name(name))
        assert callable(module.run) and callable(module.add_arguments), name


def test_recorded_jobs_are_commands() -> None:
    """Only commands can have recorded runs."""
    assert set(commands.RECORDED) <= set(commands.NAMES)


def test_help_and_version_import_no_job_and_no_qdrant_client() -> None:
    """`fedlearn --help` lists every command from the table without importing a job module."""
    code = (
        "import sys\n"
        "from fedlearn import cli\n"
        "try:\n"
        "    cli.main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in sys.modules if m.startswith(('fedlearn.jobs.', 'qdrant_client'))]\n"
        "print(','.join(loaded))\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    *help_lines, loaded = process.stdout.splitlines()
    assert loaded == ""
    listed = "\n".join(help_lines)
    assert all(name in listed for name in commands.NAMES)


def test_chosen_is_the_first_word_that_names_a_command() -> None:
    """An option's value is passed over only when it names no command; none named gives None."""
    assert commands.chosen(["-v", "--config", "f.toml", "pull", "sync"]) == "pull"
    assert commands.chosen(["--version"]) is None
