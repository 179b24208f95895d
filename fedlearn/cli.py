"""The command line: one subcommand per job; the only place errors are caught and turned into exit codes.

Exit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import msgspec

from fedlearn import __version__, config, jobs, logs
from fedlearn.errors import ConfigError, FedlearnError
from fedlearn.store import gitrepo, node, state

log = logging.getLogger("fedlearn")

# Jobs whose runs are recorded in the state dir (status, metrics); the others only read.
RECORDED = frozenset({"sync", "publish", "pull", "export", "import", "retract", "metrics"})


def job_module(name: str) -> ModuleType:
    """Return the module of command ``name`` (``import`` lives in ``jobs/import_.py``)."""
    return importlib.import_module(
        f"fedlearn.jobs.{name}_" if name == "import" else f"fedlearn.jobs.{name}"
    )


def available_jobs(only: str | None = None) -> list[tuple[str, ModuleType | None]]:
    """
    Return (name, module) of every command; only ``only``'s module is imported when given.

    Importing a job can be costly (import pulls in qdrant-client, about a second), so a run of
    ``fedlearn sync`` imports sync alone; ``fedlearn --help`` imports them all for their help.
    """
    found: list[tuple[str, ModuleType | None]] = []
    for name in jobs.JOBS:
        if only is not None and name != only:
            found.append((name, None))
            continue
        try:
            found.append((name, job_module(name)))
        except ModuleNotFoundError as error:
            if error.name and error.name.startswith("fedlearn.jobs"):
                continue
            raise
    return found


def chosen(argv: list[str]) -> str | None:
    """Return the command named in ``argv`` (the first word that is one), or None."""
    return next((word for word in argv if word in jobs.JOBS), None)


class HelpFormatter(argparse.HelpFormatter):
    """
    argparse's help layout, with the terminal width looked up here.

    argparse looks it up with ``shutil``, imported on the first argument added; with the
    compression modules shutil imports, that is about 4 ms of every run, even when no help is shown.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_columns() - 2)


def terminal_columns() -> int:
    """Return the terminal width as ``shutil.get_terminal_size`` does: $COLUMNS, stdout, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def common_options() -> argparse.ArgumentParser:
    """Return the options every command takes."""
    common = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
    common.add_argument(
        "--config",
        "-c",
        metavar="FILE",
        help="configuration file (default: $FEDLEARN_CONFIG, else $XDG_CONFIG_HOME/fedlearn/config.toml)",
    )
    common.add_argument("--json", action="store_true", help="print the result as one JSON object")
    common.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    common.add_argument("-q", "--quiet", action="store_true", help="only errors in the log")
    common.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="log line format on stderr (default: text)",
    )
    return common


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """
    Return the argument parser with one subcommand per job, or only ``only``'s when given.

    A run names its command, so building the other twelve subparsers would only cost time.
    """
    common = common_options()
    top = argparse.ArgumentParser(
        prog="fedlearn",
        formatter_class=HelpFormatter,
        description="Keep what a self-hosted AI stack learned in git and share it between machines.",
        epilog="exit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 another run holds the lock",
    )
    top.add_argument("--version", action="version", version=f"fedlearn {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in available_jobs(only):
        if module is None:  # another command than the one being run: never parsed
            continue
        sub = commands.add_parser(
            name,
            parents=[common],
            help=module.HELP,
            description=module.__doc__,
            formatter_class=HelpFormatter,
        )
        module.add_arguments(sub)
    return top


def load_config(args: argparse.Namespace, environ: dict[str, str]) -> config.Config:
    """Return the configuration named by --config, $FEDLEARN_CONFIG or the default path, resolved."""
    explicit = args.config or environ.get("FEDLEARN_CONFIG", "")
    path = Path(explicit).expanduser() if explicit else config.default_path(environ)
    cfg = config.load(path, required=bool(explicit), environ=environ)
    if not cfg.repo:
        top = gitrepo.toplevel(Path.cwd())
        cfg = attrs.evolve(cfg, repo=str(top or Path.cwd()))
    node_id = node.resolve(cfg.node_id, cfg.state_path)
    return attrs.evolve(cfg, node_id=node_id)


def print_summary(summary: jobs.Summary, as_json: bool) -> None:
    """Print the job's answer on stdout: text lines, or exactly one JSON object."""
    if as_json:
        answer: dict[str, Any] = {
            "job": summary.job,
            "state": summary.state,
            "dry_run": summary.dry_run,
        }
        answer.update(summary.facts)
        sys.stdout.write(msgspec.json.encode(answer).decode() + "\n")
        return
    label = " (dry run)" if summary.dry_run else ""
    for line in summary.lines:
        sys.stdout.write(f"{line}{label}\n")
    sys.stdout.flush()


def report_error(error: FedlearnError) -> None:
    """Print one ``fedlearn: …`` line, any details, and a hint line on stderr."""
    sys.stderr.write(f"fedlearn: {error}\n")
    if isinstance(error, ConfigError):
        for detail in error.details:
            sys.stderr.write(f"  {detail}\n")
    if error.hint:
        sys.stderr.write(f"hint: {error.hint}\n")


def execute(name: str, module: ModuleType, cfg: config.Config, args: argparse.Namespace) -> int:
    """Run one job, record its run when it is a recorded job, print its answer; return the exit code."""
    recorded = name in RECORDED and not getattr(args, "dry_run", False)
    clock = state.Clock()
    store = state.StateDir(cfg.state_path)
    try:
        try:
            summary: jobs.Summary = module.run(cfg, args)
        except OSError as error:
            # A file or folder fedlearn needs is missing or unwritable: a failure, not a crash.
            raise FedlearnError(f"{name} failed: {error}") from error
    except FedlearnError as error:
        if recorded and error.exit_code != 3:
            store.record_run(clock.record(name, "failed", {}, error=str(error)))
        raise
    if recorded:
        store.record_run(clock.record(name, summary.state, summary.facts))
    print_summary(summary, args.json)
    return summary.exit_code


def main(argv: list[str] | None = None) -> int:
    """Run the fedlearn command line and return its exit code."""
    environ = dict(os.environ)
    words = sys.argv[1:] if argv is None else argv
    args = parser(chosen(words)).parse_args(words)
    logs.setup(-1 if args.quiet else args.verbose, args.log_format)
    module = job_module(args.command)
    try:
        cfg = load_config(args, environ)
        return execute(args.command, module, cfg, args)
    except FedlearnError as error:
        report_error(error)
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("fedlearn: interrupted\n")
        return 130
