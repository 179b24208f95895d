"""The root of the configuration tree: ``Config`` (the whole file) and the ``[metrics]`` table.

Each area's tables are in their own module (``config_sync``, ``config_anonymize``,
``config_vectors``, ``config_sharing``); ``Config`` holds one of each. It sits below ``config``
(which reads, structures and finalizes it) and ``config_problems`` (which checks it), so both can
name it; the rest of fedlearn names it ``config.Config``.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from fedlearn.config_anonymize import Anonymize
from fedlearn.config_sharing import Publish, Pull, Trust
from fedlearn.config_sync import Sync
from fedlearn.config_vectors import Embedding, Qdrant

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
