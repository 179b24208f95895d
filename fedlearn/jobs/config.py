"""Show the configuration as TOML, validate a configuration file, or print the key reference.

``fedlearn config show [--defaults]`` prints the loaded configuration (or the built-in defaults) in
the file's own format; ``fedlearn config validate [FILE]`` exits 2 with one line per bad key (the
NixOS module runs it on the file it generates, at build time); ``fedlearn config docs`` prints
docs/configuration.md, every key with its default and meaning.
"""

from __future__ import annotations

import argparse
import logging
import tomllib
from pathlib import Path
from typing import Any

import msgspec

from fedlearn import config, config_reference, jobs, toml
from fedlearn.errors import ConfigError
from fedlearn.store import jsonl

log = logging.getLogger(__name__)


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


class Docs(msgspec.Struct):
    """``config docs``: the generated configuration reference (Markdown)."""

    docs: str


class ConfigShown(msgspec.Struct):
    """``config show``: the configuration as one table (section -> key -> value)."""

    # A JSON boundary: the TOML/JSON table of the whole configuration, any key config.py has.
    config: dict[str, Any]
    defaults: list[str] = []  # the dotted keys the file does not set (marked ``# default``)


class Valid(msgspec.Struct):
    """``config validate``: the file that validated, and each input naming nothing to read (why)."""

    file: str
    valid: bool = True
    unreadable_inputs: dict[str, str] = {}


ConfigResult = Docs | ConfigShown | Valid


def run(cfg: config.Config, args: argparse.Namespace) -> jobs.Summary[ConfigResult]:
    """Return the configuration as TOML, or the verdict on a file; raise ConfigError when bad."""
    if args.action == "show":
        if args.file:
            raise ConfigError(
                "config show takes no FILE", hint="use `fedlearn config show --config FILE`"
            )
        return show(config.Config(), mark=False) if args.defaults else show(cfg)
    if args.action == "docs":
        page = config_reference.render()
        return jobs.Summary(job="config", result=Docs(page), lines=page.splitlines())
    return validate(Path(args.file) if args.file else None, cfg)


def show(cfg: config.Config, *, mark: bool = True) -> jobs.Summary[ConfigResult]:
    """
    Return ``cfg`` rendered as TOML, each key the file does not set marked ``# default``
    (``--json``: the same table as one object, and the list of those keys under ``defaults``).
    """
    table = config.unstructure(cfg)
    explicit = set_keys(cfg.source) if mark else None
    lines = toml.render(table).splitlines()
    defaults: list[str] = []
    if explicit is not None:
        lines, defaults = marked(lines, explicit)
    return jobs.Summary(job="config", result=ConfigShown(table, defaults), lines=lines)


def set_keys(source: str) -> set[str] | None:
    """Return the dotted keys the file ``source`` sets (empty with no file), None when unreadable."""
    if not source:
        return set()
    try:
        raw = tomllib.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    keys = set()
    for name, value in raw.items():
        if isinstance(value, dict):
            keys |= {f"{name}.{inner}" for inner in value}
        else:
            keys.add(name)
    return keys


def marked(lines: list[str], explicit: set[str]) -> tuple[list[str], list[str]]:
    """Return the rendered lines with ``# default`` after each key not in ``explicit``, and those keys."""
    section, out, defaults = "", [], []
    for line in lines:
        if line.startswith("["):
            section = line.strip("[]")
            out.append(line)
            continue
        name = line.split(" = ", 1)[0] if " = " in line else ""
        dotted = f"{section}.{name}" if section else name
        in_array = section.count(".") and section in explicit  # [[sync.rules]] set as a whole
        if name and dotted not in explicit and not in_array and section not in explicit:
            defaults.append(dotted)
            line += "  # default"
        out.append(line)
    return out, defaults


def validate(path: Path | None, loaded: config.Config) -> jobs.Summary[ConfigResult]:
    """
    Return ``<file>: valid`` for ``path``, or for the already loaded file when ``path`` is None.

    Raise ConfigError (exit 2) listing every bad key when the file does not validate.
    """
    if path is None:
        # The command line already loaded and validated --config before this job ran.
        return verdict(loaded)
    checked = config.load(path, required=True, environ={})
    return verdict(checked)


def verdict(checked: config.Config) -> jobs.Summary[ConfigResult]:
    """Return ``<file>: valid``, warning about every configured input that names nothing to read."""
    sync = checked.sync
    source = checked.source or "<defaults>"
    unreadable = jsonl.unreadable([*sync.telemetry, sync.fine_tuning])
    for pattern, why in unreadable.items():
        log.warning("%s: input %s names nothing to read (%s)", source, pattern, why)
    return jobs.Summary(
        job="config",
        result=Valid(source, unreadable_inputs=unreadable),
        lines=[f"{source}: valid"],
    )
