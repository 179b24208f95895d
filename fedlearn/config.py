"""Configuration: one frozen attrs tree mirroring the TOML file (DESIGN.md "Configuration").

``load(path)`` reads TOML, structures it with cattrs (unknown keys and wrong types are errors that
name the key and the file), applies the cross-field checks (``config_problems``), and expands
``~`` once. The tables of each area are defined in their own module (``config_sync``,
``config_anonymize``, ``config_vectors``, ``config_sharing``), the root ``Config`` and ``Metrics``
in ``config_root``, and all are named from here (``config.Sync``, ``config.Config``).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from fedlearn import config_check, config_problems

# Each area's tables live in a module of their own, the root in config_root; the rest of fedlearn
# names them config.<Table>.
from fedlearn.config_anonymize import Anonymize as Anonymize
from fedlearn.config_anonymize import ExtraRule as ExtraRule
from fedlearn.config_root import NODE_ID_PATTERN as NODE_ID_PATTERN
from fedlearn.config_root import Config as Config
from fedlearn.config_root import Metrics as Metrics
from fedlearn.config_sharing import AUTHOR as AUTHOR
from fedlearn.config_sharing import Publish as Publish
from fedlearn.config_sharing import Pull as Pull
from fedlearn.config_sharing import Trust as Trust
from fedlearn.config_sync import CATEGORIES as CATEGORIES
from fedlearn.config_sync import DEFAULT_RULES as DEFAULT_RULES
from fedlearn.config_sync import CategoryRule as CategoryRule
from fedlearn.config_sync import Sync as Sync
from fedlearn.config_vectors import DISTANCES as DISTANCES
from fedlearn.config_vectors import EMBEDDING_PROVIDERS as EMBEDDING_PROVIDERS
from fedlearn.config_vectors import Embedding as Embedding
from fedlearn.config_vectors import Qdrant as Qdrant
from fedlearn.config_vectors import TextOverride as TextOverride
from fedlearn.errors import ConfigError


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    for cls in (
        CategoryRule,
        ExtraRule,
        TextOverride,
        Sync,
        Anonymize,
        Qdrant,
        Embedding,
        Publish,
        Pull,
        Metrics,
        Trust,
    ):
        converter.register_structure_hook(
            cls, make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        )
    converter.register_structure_hook(
        Config,
        make_dict_structure_fn(
            Config, converter, _cattrs_forbid_extra_keys=True, source=override(omit=True)
        ),
    )
    converter.register_unstructure_hook(
        TextOverride,  # a key left unset is not written (TOML has no null)
        lambda override: {k: v for k, v in attrs.asdict(override).items() if v is not None},
    )
    converter.register_unstructure_hook(
        Config, make_dict_unstructure_fn(Config, converter, source=override(omit=True))
    )
    return converter


CONVERTER = _converter()


def default_path(environ: dict[str, str] | None = None) -> Path:
    """Return ``$XDG_CONFIG_HOME/fedlearn/config.toml`` (``~/.config`` when unset)."""
    environ = dict(os.environ) if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME") or str(Path("~/.config").expanduser())
    return Path(base) / "fedlearn" / "config.toml"


def default_state_dir(environ: dict[str, str] | None = None) -> str:
    """Return ``$XDG_STATE_HOME/fedlearn`` (``~/.local/state/fedlearn`` when unset)."""
    environ = dict(os.environ) if environ is None else environ
    base = environ.get("XDG_STATE_HOME") or str(Path("~/.local/state").expanduser())
    return str(Path(base) / "fedlearn")


def load(path: Path, *, required: bool = False, environ: dict[str, str] | None = None) -> Config:
    """
    Read, structure and validate the configuration at ``path``.

    A missing file gives the defaults unless ``required``. Raise ConfigError naming the file and
    every bad key when the file is unreadable, not TOML, or does not fit the schema.
    """
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if required:
            raise ConfigError(f"{path}: no such file") from None
        return finalize(Config(), environ)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return finalize(structure(raw, source=str(path)), environ)


def structure(raw: dict[str, Any], *, source: str = "<config>") -> Config:
    """
    Return the Config for a parsed TOML table.

    Raise ConfigError listing every problem at once: unknown keys (with "did you mean"), wrong
    types, and the range, choice and cross-field problems of the keys that are well typed.
    """
    kept, problems = config_check.check_table(raw, Config, "")
    try:
        config = CONVERTER.structure(kept, Config)
    except (cattrs.BaseValidationError, ValueError, TypeError) as error:  # the first pass missed it
        details = (
            cattrs.transform_error(error)
            if isinstance(error, cattrs.BaseValidationError)
            else [str(error)]
        )
        raise invalid(source, problems + details) from None
    problems += config_problems.validate(config)
    if problems:
        raise invalid(source, problems)
    return attrs.evolve(config, source=source)


def invalid(source: str, problems: list[str]) -> ConfigError:
    """Return the error listing ``problems`` of the configuration read from ``source``."""
    return ConfigError(
        f"{source}: invalid configuration ({len(problems)} problem{'s' * (len(problems) != 1)})",
        details=problems,
        hint=f"fix the keys above in {source}; `fedlearn config show --defaults` lists them all",
    )


def _expand(path: str, base: str) -> str:
    """Return ``path`` with ``~`` expanded and, when relative, anchored at ``base`` (if any)."""
    if not path:
        return path
    expanded = str(Path(path).expanduser())
    return os.path.normpath(Path(base) / expanded) if base else expanded


def finalize(config: Config, environ: dict[str, str] | None = None) -> Config:
    """
    Return ``config`` checked, with ``~`` expanded, relative paths anchored at the folder of the
    file it was read from (so they mean the same files from any working directory: the cursors and
    locks depend on it), and the state dir defaulted.

    Raise ConfigError listing every cross-field problem.
    """
    source = config.source or "<defaults>"
    problems = config_problems.validate(config)
    if problems:
        raise invalid(source, problems)
    base = os.path.normpath(Path(config.source).absolute().parent) if config.source else ""
    sync = attrs.evolve(
        config.sync,
        telemetry=[_expand(p, base) for p in config.sync.telemetry],
        fine_tuning=_expand(config.sync.fine_tuning, base),
    )
    expanded = attrs.evolve(
        config,
        repo=_expand(config.repo, base),
        state_dir=_expand(config.state_dir, base) or default_state_dir(environ),
        sync=sync,
        qdrant=attrs.evolve(config.qdrant, api_key_file=_expand(config.qdrant.api_key_file, base)),
        embedding=attrs.evolve(
            config.embedding, api_key_file=_expand(config.embedding.api_key_file, base)
        ),
        metrics=attrs.evolve(config.metrics, path=_expand(config.metrics.path, base)),
        trust=attrs.evolve(
            config.trust,
            allowed_signers=_expand(config.trust.allowed_signers, base),
            signing_key=_expand(config.trust.signing_key, base),
        ),
    )
    problems = config_problems.path_problems(expanded)
    if problems:
        raise invalid(source, problems)
    return expanded


def unstructure(config: Config) -> dict[str, Any]:
    """Return ``config`` as a plain table, ready for TOML rendering."""
    table: dict[str, Any] = CONVERTER.unstructure(config)
    return table
