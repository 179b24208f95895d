"""The command line: one subcommand per job, parsed here; ``runner`` runs it and owns the errors.

Only the named command's module is imported, so ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import typing

from fedlearn import __version__, commands, interrupts

log = logging.getLogger("fedlearn")


class UsageError(Exception):
    """The words on the command line do not parse (exit 2, reported by ``runner``)."""


class Parser(argparse.ArgumentParser):
    """argparse's parser whose errors are raised, so ``runner`` reports them like any other."""

    def error(self, message: str) -> typing.NoReturn:
        """Raise UsageError naming the command and what is wrong with its words."""
        raise UsageError(message if self.prog == "fedlearn" else f"{self.prog}: {message}")


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


def common_options() -> Parser:
    """Return the options every command takes."""
    common = Parser(add_help=False, formatter_class=HelpFormatter)
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
    top = Parser(
        prog="fedlearn",
        formatter_class=HelpFormatter,
        description="Keep what a self-hosted AI stack learned in git and share it between machines.",
        epilog="exit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 another run holds "
        "the lock, 130 interrupted (docs/operations.md has them all)",
    )
    top.add_argument("--version", action="version", version=f"fedlearn {__version__}")
    commands_parser = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, text in commands.HELP.items():
        if name != only:  # listed in the help from the table; its module is never imported
            commands_parser.add_parser(name, help=text, add_help=False)
            continue
        module = interrupts.imported(commands.module_name(name))
        sub = commands_parser.add_parser(
            name,
            parents=[common],
            help=text,
            description=module.__doc__,
            formatter_class=HelpFormatter,
        )
        module.add_arguments(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the fedlearn command line and return its exit code."""
    environ = dict(os.environ)
    words = sys.argv[1:] if argv is None else argv
    is_process = argv is None  # the signal handlers are the process's, not a caller's (tests)
    try:
        if is_process:
            interrupts.Signals.install()
        try:
            args = parser(commands.chosen(words)).parse_args(words)
        except UsageError as error:
            from fedlearn import runner

            return runner.usage_error(str(error), words)
        # Imported once a command is known: --help and --version load no configuration or job.
        with interrupts.Signals.deferred():
            from fedlearn import runner

        return runner.run(args, environ)
    except KeyboardInterrupt:  # before runner took over (it reports its own)
        sys.stderr.write("fedlearn: interrupted\n")
        return 128 + (interrupts.Signals.received or signal.SIGINT)
    finally:
        if is_process:
            interrupts.Signals.release()
