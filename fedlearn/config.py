"""Configuration: one frozen attrs tree mirroring the TOML file (DESIGN.md "Configuration").

``load(path)`` reads TOML, structures it with cattrs (unknown keys and wrong types are errors that
name the key and the file), applies the cross-field checks, and expands ``~`` once. The tables of
each area are defined in their own module (``config_sync``, ``config_anonymize``,
``config_vectors``, ``config_sharing``) and named from here (``config.Sync``); ``Config``, the root,
and ``Metrics`` are here.
"""

from __future__ import annotations

import os
import re
import tomllib
import urllib.parse
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from fedlearn import config_check

# Each area's tables live in a module of their own; the rest of fedlearn names them config.<Table>.
from fedlearn.config_anonymize import Anonymize as Anonymize
from fedlearn.config_anonymize import ExtraRule as ExtraRule
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

NODE_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


@attrs.frozen
class Metrics:
    """
    The ``[metrics]`` table: where ``fedlearn metrics`` writes the Prometheus textfile.

    Attributes:
        path: the textfile; "" for ``<state_dir>/metrics/fedlearn.prom``.
    """

    path: str = ""


@attrs.frozen
class Config:
    """
    The whole configuration; field names are the TOML keys.

    Attributes:
        node_id: this node's id (``[a-z0-9][a-z0-9-]{0,62}``); "" derives it from /etc/machine-id, never a hostname.
        repo: the federation repo, a git work tree holding data/; required by every job that uses it (`fedlearn init` sets it).
        state_dir: fedlearn's own local state (cursors, locks, quarantine, embedded Qdrant); "" for ``$XDG_STATE_HOME/fedlearn``.
        repo_lock_wait: seconds a job waits for another to leave the work tree (the repo lock)
            before it gives up with exit 3.
        sync: see ``[sync]``.
        anonymize: see ``[anonymize]``.
        qdrant: see ``[qdrant]``.
        embedding: see ``[embedding]``.
        publish: see ``[publish]``.
        pull: see ``[pull]``.
        metrics: see ``[metrics]``.
        trust: see ``[trust]``.
        source: the file this configuration was read from, or "" for built-in defaults (not a key).
    """

    node_id: str = ""
    repo: str = ""
    state_dir: str = ""
    repo_lock_wait: float = 900.0
    sync: Sync = attrs.field(factory=Sync)
    anonymize: Anonymize = attrs.field(factory=Anonymize)
    qdrant: Qdrant = attrs.field(factory=Qdrant)
    embedding: Embedding = attrs.field(factory=Embedding)
    publish: Publish = attrs.field(factory=Publish)
    pull: Pull = attrs.field(factory=Pull)
    metrics: Metrics = attrs.field(factory=Metrics)
    trust: Trust = attrs.field(factory=Trust)
    source: str = ""

    @property
    def state_path(self) -> Path:
        """Return the state dir as a path."""
        return Path(self.state_dir)

    @property
    def repo_path(self) -> Path:
        """Return the federation repo as a path."""
        return Path(self.repo)


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
    problems += validate(config)
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


def validate(config: Config) -> list[str]:
    """Return the cross-field problems of ``config`` (empty when it is consistent)."""
    problems: list[str] = []
    if config.node_id and not NODE_ID_PATTERN.fullmatch(config.node_id):
        problems.append(f"node_id: {config.node_id!r} must match [a-z0-9][a-z0-9-]{{0,62}}")
    if not config.repo_lock_wait >= 0:
        problems.append("repo_lock_wait: must be 0 seconds (no wait) or more")
    problems += [
        f"trust.admins: {admin!r} is not a node id"
        for admin in config.trust.admins
        if not NODE_ID_PATTERN.fullmatch(admin)
    ]
    if not 0.0 <= config.sync.value_threshold <= 1.0:
        problems.append("sync.value_threshold: must be between 0 and 1")
    for key in (
        "max_line_bytes",
        "quarantine_max_bytes",
        "telemetry_snapshot_size",
        "snapshots_keep",
    ):
        if getattr(config.sync, key) < 1:
            problems.append(f"sync.{key}: must be at least 1")
    if config.sync.workers < 0:
        problems.append("sync.workers: must be 0 (as many as there are CPUs) or more")
    for name in config.sync.categories:
        if name not in CATEGORIES:
            problems.append(f"sync.categories: unknown category {name!r} (known: {CATEGORIES})")
    for index, rule in enumerate(config.sync.rules):
        if rule.category not in CATEGORIES:
            problems.append(f"sync.rules[{index}].category: unknown category {rule.category!r}")
        if not rule.fields:
            problems.append(f"sync.rules[{index}].fields: must name at least one field")
    for index, extra in enumerate(config.anonymize.extra_rules):
        problems += _regex_problem(f"anonymize.extra_rules[{index}].pattern", extra.pattern)
    for index, pattern in enumerate(config.anonymize.allow):
        problems += _regex_problem(f"anonymize.allow[{index}]", pattern)
    if config.embedding.provider not in EMBEDDING_PROVIDERS:
        problems.append(f"embedding.provider: must be one of {', '.join(EMBEDDING_PROVIDERS)}")
    if config.embedding.provider != "hash" and not config.embedding.url:
        problems.append(f"embedding.url: required for provider {config.embedding.provider!r}")
    for key in ("dimension", "batch_size", "retry_attempts"):
        if getattr(config.embedding, key) < 1:
            problems.append(f"embedding.{key}: must be at least 1")
    problems += _text_fields_problems("embedding.text_fields", config.embedding.text_fields)
    for name, texts in config.embedding.collections.items():
        if texts.text_fields is not None:
            key = f"embedding.collections.{name}.text_fields"
            problems += _text_fields_problems(key, texts.text_fields)
    for section, key in (
        ("embedding", "timeout"),
        ("embedding", "retry_deadline"),
        ("publish", "push_deadline"),
        ("publish", "timeout"),
        ("qdrant", "timeout"),
        ("qdrant", "retry_deadline"),
    ):
        if not getattr(getattr(config, section), key) > 0:
            problems.append(f"{section}.{key}: must be more than 0 seconds")
    if config.publish.push_attempts < 1:
        problems.append("publish.push_attempts: must be at least 1")
    author = AUTHOR.fullmatch(config.publish.author)
    if author is None or not author["name"]:
        problems.append(f"publish.author: {config.publish.author!r} is not 'Name <email>'")
    if config.qdrant.distance not in DISTANCES:
        problems.append(f"qdrant.distance: must be one of {', '.join(DISTANCES)}")
    for key in ("batch_size", "retry_attempts"):
        if getattr(config.qdrant, key) < 1:
            problems.append(f"qdrant.{key}: must be at least 1")
    if config.qdrant.max_points < 0:
        problems.append("qdrant.max_points: must be 0 (no cap) or more")
    if bool(config.trust.allowed_signers) != bool(config.trust.signing_key):
        problems.append("trust.signing_key and trust.allowed_signers: set both, or neither")
    problems += _url_problem("qdrant.url", config.qdrant.url)
    problems += _url_problem("embedding.url", config.embedding.url)
    return problems


def _url_problem(key: str, url: str) -> list[str]:
    """Return the problem of an http(s) URL setting ("" is allowed: not set)."""
    if not url:
        return []
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as error:
        return [f"{key}: {url!r} is not a URL: {error}"]
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [f"{key}: {url!r} is not an http(s) URL (e.g. http://127.0.0.1:6333)"]
    return []


def path_problems(config: Config) -> list[str]:
    """Return the problems of the expanded paths: a file where a folder must be, and the like."""
    named = [("repo", config.repo), ("state_dir", config.state_dir)]
    named += [("sync.fine_tuning", config.sync.fine_tuning), ("metrics.path", config.metrics.path)]
    named += [(f"sync.telemetry[{i}]", p) for i, p in enumerate(config.sync.telemetry)]
    broken = [(key, value) for key, value in named if "\0" in value or "\n" in value]
    if broken:
        return [f"{key}: {value!r} holds a NUL or newline character" for key, value in broken]
    problems = []
    for key, value in (("repo", config.repo), ("state_dir", config.state_dir)):
        if value and Path(value).exists() and not Path(value).is_dir():
            problems.append(f"{key}: {value} is a file, not a folder")
    if config.sync.fine_tuning and Path(config.sync.fine_tuning).is_dir():
        problems.append(f"sync.fine_tuning: {config.sync.fine_tuning} is a folder, not a file")
    return problems


def _text_fields_problems(key: str, fields: list[str]) -> list[str]:
    if not fields:
        return [f"{key}: must name at least one payload field"]
    if any(not name for entry in fields for name in entry.split("+")):
        return [f'{key}: a field name is empty (join fields as "title+description")']
    return []


def _regex_problem(key: str, pattern: str) -> list[str]:
    try:
        re.compile(pattern)
    except re.error as error:
        return [f"{key}: not a valid regular expression: {error}"]
    return []


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
    problems = validate(config)
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
    problems = path_problems(expanded)
    if problems:
        raise invalid(source, problems)
    return expanded


def unstructure(config: Config) -> dict[str, Any]:
    """Return ``config`` as a plain table, ready for TOML rendering."""
    table: dict[str, Any] = CONVERTER.unstructure(config)
    return table
