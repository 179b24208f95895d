"""Run one command: load the configuration, run the job, record its run, print its answer.

The only place errors are caught and turned into exit codes (``cli`` parses the words and hands
over here): 0 ok, 1 failure, 2 usage or configuration error, 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import msgspec

from fedlearn import commands, config, jobs, logs
from fedlearn.errors import ConfigError, FedlearnError
from fedlearn.store import git_local, node, state


def run(args: argparse.Namespace, environ: dict[str, str]) -> int:
    """Run the command ``args`` names and return its exit code; report any FedlearnError."""
    logs.setup(-1 if args.quiet else args.verbose, args.log_format)
    module = importlib.import_module(commands.module_name(args.command))
    try:
        cfg = load_config(args, environ)
        return execute(args.command, module, cfg, args)
    except FedlearnError as error:
        report_error(error)
        return error.exit_code


def load_config(args: argparse.Namespace, environ: dict[str, str]) -> config.Config:
    """Return the configuration named by --config, $FEDLEARN_CONFIG or the default path, resolved."""
    explicit = args.config or environ.get("FEDLEARN_CONFIG", "")
    path = Path(explicit).expanduser() if explicit else config.default_path(environ)
    cfg = config.load(path, required=bool(explicit), environ=environ)
    if not cfg.repo:
        top = git_local.toplevel(Path.cwd())
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


def execute(name: str, module: ModuleType, cfg: config.Config, args: argparse.Namespace) -> int:
    """Run one job, record its run when it is a recorded job, print its answer; return the exit code."""
    recorded = name in commands.RECORDED and not getattr(args, "dry_run", False)
    clock = state.Clock()
    store = state.StateDir(cfg.state_path)
    try:
        try:
            summary: jobs.Summary = module.run(cfg, args)
        except OSError as error:
            # A file or folder fedlearn needs is missing or unwritable: a failure, not a crash.
            raise FedlearnError(f"{name} failed: {error}{filesystem(error.filename)}") from error
        except sqlite3.OperationalError as error:  # the embedded Qdrant store's own file
            store_path = cfg.state_path / "qdrant"
            raise FedlearnError(
                f"{name} failed: {error} in {store_path}{filesystem(store_path)}"
            ) from error
    except FedlearnError as error:
        if recorded and error.exit_code != 3:
            store.record_run(clock.record(name, "failed", {}, error=str(error)))
        raise
    if recorded:
        store.record_run(clock.record(name, summary.state, summary.facts))
    print_summary(summary, args.json)
    return summary.exit_code
