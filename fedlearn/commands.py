"""The command table: every command's name, one-line help, module and whether its runs are recorded.

It sits below ``cli``, ``jobs`` and ``report`` and imports nothing of fedlearn, so that
``fedlearn --help`` and ``--version`` import no job (import alone pulls in qdrant-client) and
``status`` lists the jobs without importing them.
"""

from __future__ import annotations

from typing import Final

# name -> one-line help, in the order ``--help`` shows the commands.
HELP: Final[dict[str, str]] = {
    "sync": "read new telemetry and fine-tuning records into this node's files under data/",
    "publish": "commit this node's data/ files and push them (after a secret scan)",
    "pull": "fetch the federation repo, bring it up to date, and import what changed",
    "export": "snapshot the live Qdrant collections (payloads only) into data/collections/",
    "import": "import verified snapshots and every node's patterns into Qdrant, re-embedded",
    "retract": "retract a pattern by id: it leaves the merged view and Qdrant on every node",
    "scan": "scan files for secrets (default: this node's files under data/); exit 1 on a finding",
    "status": "show this node's state: last runs, backlog, patterns, snapshots, locks",
    "metrics": "write Prometheus metrics for node_exporter's textfile collector",
    "doctor": "list what under data/ every job ignores (symlinks, oversize, forged records); exit 1 if any",
    "schedule": "print when sync, export and metrics run, as systemd OnCalendar or crontab lines",
    "config": "show the configuration as TOML, or validate a configuration file",
    "demo": "run the whole loop on generated data: two nodes, a bare remote, no service",
    "init": "write a configuration with this machine's stack paths and prepare the federation repo",
}
NAMES: Final[tuple[str, ...]] = tuple(HELP)

# Jobs whose runs are recorded in the state dir (status, metrics); the others only read.
RECORDED: Final[tuple[str, ...]] = (
    "sync",
    "publish",
    "pull",
    "export",
    "import",
    "retract",
    "metrics",
)

# Commands that read or write the federation repo: they refuse to run without one that is a git
# work tree (scan only when given no paths, so it scans this node's files under data/).
NEEDS_REPO: Final[tuple[str, ...]] = (*RECORDED, "scan")

# Commands that run without loading a configuration file (init writes it).
UNCONFIGURED: Final[tuple[str, ...]] = ("init",)


def module_name(name: str) -> str:
    """Return the module path of command ``name`` (``import`` lives in ``jobs/import_.py``)."""
    return f"fedlearn.jobs.{name}_" if name == "import" else f"fedlearn.jobs.{name}"


def chosen(argv: list[str]) -> str | None:
    """Return the command named in ``argv`` (the first word that is one), or None."""
    return next((word for word in argv if word in HELP), None)
