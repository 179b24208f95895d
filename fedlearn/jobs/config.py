"""Show the configuration as TOML, validate a configuration file, or print the key reference.

``fedlearn config show [--defaults]`` prints the loaded configuration (or the built-in defaults) in
the file's own format; ``fedlearn config validate [FILE]`` exits 2 with one line per bad key (the
NixOS module runs it on the file it generates, at build time); ``fedlearn config docs`` prints
docs/configuration.md, every key with its default and meaning.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fedlearn import config, config_reference, jobs, toml
from fedlearn.errors import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``ACTION [FILE] [--defaults]``."""
    parser.add_argument(
        "action", choices=("show", "validate", "docs"), help="show, validate, or docs"
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="validate: the file to check (default: --config)"
    )
    parser.add_argument(
        "--defaults", action="store_true", help="show: the built-in defaults, not the loaded file"
    )


def run(cfg: config.Config, args: argparse.Namespace) -> jobs.Summary:
    """Return the configuration as TOML, or the verdict on a file; raise ConfigError when bad."""
    if args.action == "show":
        if args.file:
            raise ConfigError(
                "config show takes no FILE", hint="use `fedlearn config show --config FILE`"
            )
        return show(config.Config() if args.defaults else cfg)
    if args.action == "docs":
        page = config_reference.render()
        return jobs.Summary(job="config", facts={"docs": page}, lines=page.splitlines())
    return validate(Path(args.file) if args.file else None, cfg)


def show(cfg: config.Config) -> jobs.Summary:
    """Return ``cfg`` rendered as TOML (``--json``: the same table as one object)."""
    table = config.unstructure(cfg)
    return jobs.Summary(
        job="config", facts={"config": table}, lines=toml.render(table).splitlines()
    )


def validate(path: Path | None, loaded: config.Config) -> jobs.Summary:
    """
    Return ``<file>: valid`` for ``path``, or for the already loaded file when ``path`` is None.

    Raise ConfigError (exit 2) listing every bad key when the file does not validate.
    """
    if path is None:
        # The command line already loaded and validated --config before this job ran.
        source = loaded.source or "<defaults>"
        return jobs.Summary(
            job="config", facts={"file": source, "valid": True}, lines=[f"{source}: valid"]
        )
    checked = config.load(path, required=True, environ={})
    return jobs.Summary(
        job="config",
        facts={"file": checked.source, "valid": True},
        lines=[f"{checked.source}: valid"],
    )
