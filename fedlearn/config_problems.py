"""The problems of a configuration that is well typed: ranges, choices, keys that must agree.

``validate`` returns the range, choice and cross-field problems of a structured ``Config`` (a
node id's shape, a category that exists, a regular expression that compiles, an http(s) URL, two
keys set together); ``path_problems`` those of its paths once expanded (a file where a folder must
be). ``config`` raises them all at once as one ConfigError (``config.invalid``).
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from fedlearn.config_root import NODE_ID_PATTERN, Config
from fedlearn.config_sharing import AUTHOR
from fedlearn.config_sync import CATEGORIES
from fedlearn.config_vectors import DISTANCES, EMBEDDING_PROVIDERS


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
