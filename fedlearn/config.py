"""Configuration: one frozen attrs tree mirroring the TOML file (DESIGN.md "Configuration").

``load(path)`` reads TOML, structures it with cattrs (unknown keys and wrong types are errors that
name the key and the file), applies the cross-field checks, and expands ``~`` once.
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
from fedlearn.errors import ConfigError

CATEGORIES = ("skills-patterns", "error-solutions", "best-practices")
NODE_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
EMBEDDING_PROVIDERS = ("hash", "openai", "ollama")
DISTANCES = ("Cosine", "Dot", "Euclid", "Manhattan")


@attrs.frozen
class CategoryRule:
    """
    One way an event becomes a pattern of a category; the first matching rule wins.

    Attributes:
        category: the category the event goes into.
        all_of: fields that must all be non-empty.
        any_of: of these fields at least one must be non-empty (empty list: no condition).
        equals: fields that must hold exactly this string value.
        fields: the fields copied into the pattern; they form its ``text`` and its content id.
    """

    category: str
    fields: list[str]
    all_of: list[str] = attrs.field(factory=list)
    any_of: list[str] = attrs.field(factory=list)
    equals: dict[str, str] = attrs.field(factory=dict)


DEFAULT_RULES: tuple[CategoryRule, ...] = (
    CategoryRule(
        category="error-solutions",
        any_of=["error_message", "error_type", "error"],
        all_of=["solution"],
        fields=["error_type", "error_message", "error", "solution"],
    ),
    CategoryRule(
        category="best-practices",
        equals={"event_type": "best_practice"},
        any_of=["title", "description", "practice", "content"],
        fields=["title", "description", "practice", "content"],
    ),
    CategoryRule(
        category="best-practices",
        all_of=["title", "description"],
        fields=["title", "description"],
    ),
    CategoryRule(
        category="skills-patterns",
        all_of=["skill_name", "description"],
        fields=["skill_name", "description"],
    ),
    CategoryRule(
        category="skills-patterns",
        all_of=["problem_type", "solution_approach"],
        fields=["problem_type", "solution_approach", "skills_used", "generalizable_pattern"],
    ),
    CategoryRule(
        category="skills-patterns",
        equals={"outcome": "success"},
        all_of=["query", "response"],
        fields=["query", "response"],
    ),
)


@attrs.frozen
class ExtraRule:
    """
    A named regular expression whose matches are redacted as ``<redacted:NAME>``.

    Attributes:
        name: the rule's name: its placeholder, its count in the summary, what ``disable`` takes.
        pattern: the regular expression (Python syntax) whose matches are redacted.
    """

    name: str
    pattern: str


@attrs.frozen
class Sync:
    """
    The ``[sync]`` table: inputs, filter and retention of ``fedlearn sync``.

    Attributes:
        telemetry: the telemetry JSONL files to read, paths or globs (``~`` expands).
        fine_tuning: the runtime fine-tuning dataset (JSONL chat records); "" to skip it.
        value_threshold: events with a value score at or above this are kept (0 to 1).
        max_line_bytes: longer lines are quarantined as too-long (their first 64 KiB).
        quarantine_max_bytes: the quarantine's size; the oldest files go first, and bad lines past it are only counted.
        workers: processes for a large backlog (32 MiB and more each); 0 = one per CPU (at most 4), 1 = none.
        telemetry_snapshot_size: how many of the last high-value events ``data/telemetry/<node>.jsonl`` keeps.
        snapshots_keep: how many fine-tuning snapshots to keep (by the stamp in the name).
        categories: which categories to federate.
        rules: how an event becomes a pattern (``[[sync.rules]]``); the first match wins, and setting any replaces the defaults as a whole.
    """

    telemetry: list[str] = attrs.field(
        factory=lambda: ["~/.local/share/nixos-ai-stack/telemetry/hybrid-events.jsonl"]
    )
    fine_tuning: str = "~/.local/share/nixos-ai-stack/fine-tuning/dataset.jsonl"
    value_threshold: float = 0.7
    max_line_bytes: int = 1_048_576
    quarantine_max_bytes: int = 64 * 1_048_576
    workers: int = 0
    telemetry_snapshot_size: int = 1000
    snapshots_keep: int = 5
    categories: list[str] = attrs.field(factory=lambda: list(CATEGORIES))
    rules: list[CategoryRule] = attrs.field(factory=lambda: list(DEFAULT_RULES))


@attrs.frozen
class Anonymize:
    """
    The ``[anonymize]`` table: what to redact beyond the built-in rules.

    Attributes:
        hostnames: extra host or domain names to redact (this machine's own always are).
        disable: built-in rule names to switch off.
        allow: regular expressions of text never to redact.
        extra_rules: more rules, e.g. ``[{ name = "ticket", pattern = "TCK-[0-9]{6}" }]``.
    """

    hostnames: list[str] = attrs.field(factory=list)
    disable: list[str] = attrs.field(factory=list)
    allow: list[str] = attrs.field(factory=list)
    extra_rules: list[ExtraRule] = attrs.field(factory=list)


@attrs.frozen
class Qdrant:
    """
    The ``[qdrant]`` table: where the live collections are and how to reach them.

    Attributes:
        url: the Qdrant server; "" for the embedded local store in ``<state_dir>/qdrant``.
        api_key_file: a file holding the server's API key (read at use, never copied).
        collections: the collections export snapshots and import fills.
        batch_size: points per import batch and per export page.
        max_points: export at most this many points of a collection (0: no cap); a cut snapshot says so.
        timeout: seconds one Qdrant request may take in all (connect, send, the whole answer).
        retry_attempts: tries of a request that failed for a transient reason, the first included.
        retry_deadline: seconds after which no new try starts.
        distance: the distance of the collections import creates (Cosine, Dot, Euclid, Manhattan).
    """

    url: str = ""
    api_key_file: str = ""
    collections: list[str] = attrs.field(factory=lambda: list(CATEGORIES))
    batch_size: int = 100
    max_points: int = 0
    timeout: float = 30.0
    retry_attempts: int = 5
    retry_deadline: float = 120.0
    distance: str = "Cosine"


@attrs.frozen
class TextOverride:
    """
    An ``[embedding.collections.<name>]`` table: the text keys of one collection, when they differ.

    Attributes:
        text_fields: the payload fields this collection's texts come from (see ``Embedding``).
        document_prefix: put before every text of this collection that import embeds.
        query_prefix: put before a question searched in this collection.
    """

    text_fields: list[str] | None = None
    document_prefix: str | None = None
    query_prefix: str | None = None


@attrs.frozen
class Embedding:
    """
    The ``[embedding]`` table: how vectors are regenerated on import.

    Attributes:
        provider: ``hash`` (offline feature hashing, lexical only), ``openai`` (any /v1/embeddings server) or ``ollama``.
        url: the embedding server, e.g. ``http://127.0.0.1:11434`` for Ollama.
        model: the model the server runs, e.g. ``nomic-embed-text``.
        dimension: the vector size the model makes (the stack's collections are 768).
        api_key_file: a file holding the server's API key (read at use, never copied).
        batch_size: texts per embedding request.
        timeout: seconds one embedding request may take in all (the whole answer read).
        retry_attempts: tries of a request that failed for a transient reason, the first included.
        retry_deadline: seconds after which no new try starts.
        text_fields: the payload fields a point's text comes from, in order: the first that holds
            a non-empty string wins; an entry ``"title+description"`` joins those fields (each
            present one, one per line) and wins when any of them is present. Export records this
            list in the manifest; import embeds another node's points by the manifest's list,
            unless this node overrides it for the collection (``collections``).
        document_prefix: put before every text import embeds (``"search_document: "`` for
            nomic-embed-text, ``"passage: "`` for e5).
        query_prefix: put before the demo's question (``"search_query: "``, ``"query: "``).
        collections: per-collection overrides of the three keys above, as tables
            ``[embedding.collections.<name>]`` holding any of ``text_fields``,
            ``document_prefix``, ``query_prefix``.
    """

    provider: str = "hash"
    url: str = ""
    model: str = ""
    dimension: int = 768
    api_key_file: str = ""
    batch_size: int = 64
    timeout: float = 60.0
    retry_attempts: int = 5
    retry_deadline: float = 120.0
    text_fields: list[str] = attrs.field(factory=lambda: ["text", "description", "content"])
    document_prefix: str = ""
    query_prefix: str = ""
    collections: dict[str, TextOverride] = attrs.field(factory=dict)

    def text_fields_of(self, collection: str) -> list[str]:
        """Return the text fields of ``collection``: its override, else ``text_fields``."""
        found = self.collections.get(collection)
        return found.text_fields if found and found.text_fields is not None else self.text_fields

    def document_prefix_of(self, collection: str) -> str:
        """Return the document prefix of ``collection``: its override, else ``document_prefix``."""
        found = self.collections.get(collection)
        if found and found.document_prefix is not None:
            return found.document_prefix
        return self.document_prefix

    def query_prefix_of(self, collection: str) -> str:
        """Return the query prefix of ``collection``: its override, else ``query_prefix``."""
        found = self.collections.get(collection)
        return found.query_prefix if found and found.query_prefix is not None else self.query_prefix

    def overrides_text_fields(self, collection: str) -> bool:
        """Return whether this node sets the text fields of ``collection`` itself."""
        found = self.collections.get(collection)
        return found is not None and found.text_fields is not None


@attrs.frozen
class Publish:
    """
    The ``[publish]`` table: how ``fedlearn publish`` commits and pushes.

    Attributes:
        remote: the git remote to push to and pull from.
        branch: the branch this node commits on.
        author: the commits' author and committer, ``Name <email>`` (never a hostname).
        push_attempts: tries of a push the remote rejected because another node pushed first.
        push_deadline: seconds after which no new push starts.
        timeout: seconds one git fetch or push may take in all before it is stopped (a remote
            that hangs or trickles).
    """

    remote: str = "origin"
    branch: str = "main"
    author: str = "fedlearn <fedlearn@localhost>"
    push_attempts: int = 5
    push_deadline: float = 120.0
    timeout: float = 600.0


@attrs.frozen
class Pull:
    """
    The ``[pull]`` table: what ``fedlearn pull`` does after bringing in new data.

    Attributes:
        import_after: run import after a pull that changed data/.
    """

    import_after: bool = True


@attrs.frozen
class Metrics:
    """
    The ``[metrics]`` table: where ``fedlearn metrics`` writes the Prometheus textfile.

    Attributes:
        path: the textfile; "" for ``<state_dir>/metrics/fedlearn.prom``.
    """

    path: str = ""


@attrs.frozen
class Trust:
    """
    The ``[trust]`` table: who this node believes wrote which files under data/ (docs/sharing.md).

    Attributes:
        allowed_signers: git's allowed-signers file (``gpg.ssh.allowedSignersFile``): one line per
            node, ``<node_id> <key type> <public key>``. Set, it turns identity on: pull and
            publish accept a change to a node's files under data/ only from a commit signed by
            that node's key, and keep the last accepted content for any other (with a warning);
            "" trusts every commit (this node's own files are protected either way).
        signing_key: this node's SSH private key file (``user.signingkey``, e.g.
            ``/var/lib/fedlearn/id_ed25519``); required with ``allowed_signers``: publish signs its
            commits with it.
        admins: node ids whose retractions count for any pattern (others' only for patterns
            they have seen themselves).
    """

    allowed_signers: str = ""
    signing_key: str = ""
    admins: list[str] = attrs.field(factory=list)


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
    ):
        if not getattr(getattr(config, section), key) > 0:
            problems.append(f"{section}.{key}: must be more than 0 seconds")
    if config.publish.push_attempts < 1:
        problems.append("publish.push_attempts: must be at least 1")
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
