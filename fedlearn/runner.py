"""Run one command: load the configuration, check the repo, run the job, record its run, answer.

The only place errors are caught and turned into exit codes (``cli`` parses the words and hands
over here). Every path ends in one answer: the job's summary, or one ``fedlearn: …`` line with a
``hint:`` on stderr; under ``--json`` exactly one JSON object on stdout either way (``exit_code``,
and ``error`` and ``hint`` on failure). The exit codes are in ``EXIT_CODES`` and docs/operations.md.
"""

from __future__ import annotations

import argparse
import errno
import itertools
import logging
import os
import signal
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import msgspec

from fedlearn import commands, config, interrupts, jobs, logs
from fedlearn.errors import ConfigError, FedlearnError, GitError, LockHeldError
from fedlearn.store import git_local, node, refusal_log, runs, state

log = logging.getLogger("fedlearn")

EXIT_CODES: dict[int, str] = {
    0: "ok, also when there was nothing to do",
    1: "the job failed, or found what it reports as a failure (scan, status)",
    2: "usage or configuration error",
    3: "another run of the same job holds its lock",
    130: "interrupted (SIGINT, Ctrl-C)",
    141: "stdout was closed before the answer was written (`fedlearn status | head`)",
    143: "stopped (SIGTERM)",
}


class SignalError(FedlearnError):
    """A signal stopped the command (exit 128 + the signal's number)."""

    def __init__(self, signum: int) -> None:
        name = signal.Signals(signum).name
        super().__init__(
            f"interrupted by {name}", hint="rerun the command: it picks up where it stopped"
        )
        self.exit_code = 128 + signum


class Output:
    """Where answers and errors go: text or one JSON object on stdout, text or JSON on stderr."""

    def __init__(self, as_json: bool, log_format: str) -> None:
        self.as_json = as_json
        self.log_format = log_format

    def answer(self, summary: jobs.Summary[Any]) -> None:
        """Print the job's answer on stdout: text lines, or exactly one JSON object."""
        if self.as_json:
            answer: dict[str, Any] = {
                "job": summary.job,
                "state": summary.state,
                "dry_run": summary.dry_run,
            }
            answer.update(summary.answer())
            answer["exit_code"] = summary.exit_code
            sys.stdout.write(msgspec.json.encode(answer).decode() + "\n")
        else:
            label = " (dry run)" if summary.dry_run else ""
            sys.stdout.write("".join(f"{line}{label}\n" for line in summary.lines))
        sys.stdout.flush()

    def fail(self, error: FedlearnError, job: str) -> int:
        """Report ``error`` (stderr; and stdout under --json); return its exit code."""
        details = error.details if isinstance(error, ConfigError) else []
        if self.log_format == "json":
            entry: dict[str, Any] = {"level": "error", "logger": "fedlearn", "message": str(error)}
            entry |= {"details": details} if details else {}
            entry |= {"hint": error.hint} if error.hint else {}
            sys.stderr.write(msgspec.json.encode(entry).decode() + "\n")
        else:
            lines = [f"fedlearn: {error}", *(f"  {d}" for d in details)]
            lines += [f"hint: {error.hint}"] if error.hint else []
            sys.stderr.write("".join(line + "\n" for line in lines))
        if self.as_json:
            state_ = "blocked" if isinstance(error, LockHeldError) else "failed"
            if isinstance(error, SignalError):
                state_ = "interrupted"
            answer: dict[str, Any] = {
                "job": job,
                "state": state_,
                "error": str(error),
                "hint": error.hint,
            }
            answer |= {"details": details} if details else {}
            answer["exit_code"] = error.exit_code
            sys.stdout.write(msgspec.json.encode(answer).decode() + "\n")
            sys.stdout.flush()
        return error.exit_code


def run(args: argparse.Namespace, environ: dict[str, str]) -> int:
    """Run the command ``args`` names and return its exit code; every error ends here."""
    output = Output(args.json, args.log_format)
    cfg: config.Config | None = None
    try:
        logs.setup(-1 if args.quiet else args.verbose, args.log_format)
        module = interrupts.imported(commands.module_name(args.command))
        cfg = load_config(args, environ)
        summary = execute(args.command, module, cfg, args)
        output.answer(summary)
        return summary.exit_code
    except BrokenPipeError:
        return quiet_pipe()
    except KeyboardInterrupt:
        return guard(
            output.fail, SignalError(interrupts.Signals.received or signal.SIGINT), args.command
        )
    except FedlearnError as error:
        # A git or a worker stopped by the same Ctrl-C fails first: the signal is the news.
        failure = (
            SignalError(interrupts.Signals.received)
            if interrupts.Signals.received
            else disk_full(error, cfg)
        )
        return guard(output.fail, failure, args.command)
    except OSError as error:
        return guard(output.fail, environment_error(args.command, error), args.command)
    except Exception as error:  # a bug: one line, the traceback only with -v
        log.debug("".join(traceback.format_exception(error)))
        failure = FedlearnError(
            f"{args.command} failed: internal error: {type(error).__name__}: {error}",
            hint="rerun with -v for where it happened, and report it",
        )
        return guard(output.fail, failure, args.command)


def guard(report: Any, error: FedlearnError, job: str) -> int:
    """Report ``error``; when even that fails (a closed pipe), exit quietly with its code."""
    try:
        code: int = report(error, job)
    except BrokenPipeError:
        quiet_pipe()
        return error.exit_code
    return code


def quiet_pipe() -> int:
    """Stop writing to a closed stdout without a traceback at exit; return 141 (128 + SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 128 + signal.SIGPIPE


def environment_error(job: str, error: OSError) -> FedlearnError:
    """Return the one-line error, with a hint, of a file or folder fedlearn could not use."""
    where = str(error.filename or "")
    what = error.strerror or str(error)
    message = f"{job} failed: {where}: {what}" if where else f"{job} failed: {what}"
    if error.errno == errno.ENOSPC:
        message += filesystem(where)
    folder = str(Path(where).parent) if where else "the folder"
    hints = {
        errno.EACCES: f"make {folder} writable for user {user()}, or point state_dir/repo elsewhere",
        errno.EPERM: f"make {folder} writable for user {user()}, or point state_dir/repo elsewhere",
        errno.EROFS: f"{folder} is on a read-only file system: point state_dir/repo elsewhere",
        errno.ENOSPC: f"free some space on the disk holding {folder}, then rerun",
        errno.ENOTDIR: f"a file stands where a folder is needed in {where}: move it aside",
        errno.EEXIST: f"a file stands where a folder is needed at {where}: move it aside",
        errno.EISDIR: f"{where} is a folder where a file is needed",
    }
    return FedlearnError(message, hint=hints.get(error.errno or 0, ""))


# What git (and the tools it runs) says when a write found the disk full.
DISK_FULL = ("No space left on device", "Out of diskspace", "Disk quota exceeded")


def disk_full(error: FedlearnError, cfg: config.Config | None) -> FedlearnError:
    """
    Return ``error`` naming the repository's filesystem and its free space, with the hint to free
    some, when a tool fedlearn ran (git) failed because the disk is full; else ``error`` itself.
    """
    if error.hint or cfg is None or not any(sign in str(error) for sign in DISK_FULL):
        return error
    repo = cfg.repo_path
    error.args = (str(error) + filesystem(repo),)  # the error ends its run here, changed or not
    error.hint = f"free some space on the disk holding {repo}, then rerun"
    return error


def filesystem(path: str | os.PathLike[str] | None) -> str:
    """Return `` (filesystem mounted at M, N bytes free)`` for ``path``'s filesystem, or ""."""
    if not path:
        return ""
    mount = Path(path).absolute()
    try:
        while not mount.exists() and mount != mount.parent:
            mount = mount.parent
        device = mount.stat().st_dev
        while mount != mount.parent and mount.parent.stat().st_dev == device:
            mount = mount.parent
        space = os.statvfs(mount)
    except OSError:
        return ""
    return f" (filesystem mounted at {mount}, {space.f_bavail * space.f_frsize} bytes free)"


def user() -> str:
    """Return this process's user name (for hints)."""
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):
        return str(os.geteuid())


def load_config(args: argparse.Namespace, environ: dict[str, str]) -> config.Config:
    """
    Return the configuration named by --config, $FEDLEARN_CONFIG or the default path, resolved.

    ``init`` writes the configuration, so it only learns where (``args.config_path``).
    """
    explicit = args.config or environ.get("FEDLEARN_CONFIG", "")
    path = Path(explicit).expanduser() if explicit else config.default_path(environ)
    args.config_path, args.default_config_path = path, config.default_path(environ)
    if args.command in commands.UNCONFIGURED:
        return config.finalize(config.Config(), environ)
    cfg = config.load(path, required=bool(explicit), environ=environ)
    node_id = node.resolve(cfg.node_id, cfg.state_path)
    return attrs.evolve(cfg, node_id=node_id)


def check_repo(cfg: config.Config, name: str) -> None:
    """
    Refuse a job that needs the federation repo when none is configured or it is no git work tree:
    data written beside git would never be published, and the inputs' cursors would move on.
    """
    source = cfg.source or "the configuration"
    if not cfg.repo:
        raise ConfigError(
            f"{name}: no federation repo configured (repo in {source})",
            hint='run `fedlearn init --clone URL` (or --repo PATH), or set repo = "PATH"',
        )
    if git_local.toplevel(cfg.repo_path) is None:
        raise GitError(
            f"{name}: {cfg.repo} (repo in {source}) is not a git work tree",
            hint=f"clone the federation repo into it (git clone URL {cfg.repo}), "
            f"or set repo in {source} to a checkout",
        )


def execute(
    name: str, module: ModuleType, cfg: config.Config, args: argparse.Namespace
) -> jobs.Summary[Any]:
    """Run one job (recorded when it is a recorded job) and return its summary."""
    if name in commands.NEEDS_REPO and (name != "scan" or not args.paths):
        check_repo(cfg, name)
    if name not in commands.RECORDED or getattr(args, "dry_run", False):
        return run_job(name, module, cfg, args)
    with runs.recording(state.StateDir(cfg.state_path), name) as recorder:
        summary = run_job(name, module, cfg, args)
        recorder.finish(summary.state, summary.answer())
    return summary


def run_job(
    name: str, module: ModuleType, cfg: config.Config, args: argparse.Namespace
) -> jobs.Summary[Any]:
    """Run the job; the embedded Qdrant store's sqlite3 failure (a full disk) is one line too."""
    try:
        summary: jobs.Summary[Any] = module.run(cfg, args)
    except Exception as error:
        if not is_sqlite_error(error):
            raise
        store_path = cfg.state_path / "qdrant"
        raise FedlearnError(
            f"{name} failed: {error} in {store_path}{filesystem(store_path)}"
        ) from error
    finally:
        refusal_log.summarize()  # the refused paths not named one by one: one line
    return summary


def is_sqlite_error(error: Exception) -> bool:
    """
    Return whether ``error`` is sqlite3's ``OperationalError`` (the embedded Qdrant store's own
    file). Only a job that loaded sqlite3 can raise it: the others never import it (~5 ms).
    """
    sqlite3 = sys.modules.get("sqlite3")
    return sqlite3 is not None and isinstance(error, sqlite3.OperationalError)


def usage_error(message: str, words: list[str]) -> int:
    """Report words that do not parse (exit 2), as one JSON object too when ``--json`` is among them."""
    pairs = [*itertools.pairwise(words), *(tuple(w.split("=", 1)) for w in words if "=" in w)]
    log_format = "json" if ("--log-format", "json") in pairs else "text"
    output = Output("--json" in words, log_format)
    error = ConfigError(message, hint="`fedlearn --help`, or `fedlearn COMMAND --help`")
    return guard(output.fail, error, commands.chosen(words) or "")
