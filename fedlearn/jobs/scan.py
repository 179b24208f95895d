"""fedlearn scan: look for secrets in files, with the same rules and code as publish's gate.

Prints ``file:line:rule`` for each finding, never the secret, and exits 1 when there is any
(the README's guarantee 1). Without paths it scans this node's files under data/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import msgspec

from fedlearn import anonymize, config
from fedlearn.errors import ConfigError, FedlearnError
from fedlearn.formats import layout
from fedlearn.jobs import Summary
from fedlearn.store import atomic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add scan's arguments."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (folders are scanned recursively)",
    )


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[ScanResult]:
    """
    Scan the files; return the summary (state failed, exit code 1, when anything is found).

    Raise ConfigError when a given path does not exist, FedlearnError when a file cannot be read.
    """
    given = [Path(path) for path in args.paths]
    missing = [str(path) for path in given if not path.exists()]
    if missing:
        raise ConfigError(
            f"scan: no such file or folder: {', '.join(missing)}",
            hint="give existing paths, or none to scan this node's files under data/",
        )
    files = node_files(cfg) if not given else list(anonymize.files.files_under(given))
    try:
        findings = anonymize.scan_files(anonymize.Anonymizer(cfg.anonymize), files)
    except OSError as error:
        raise FedlearnError(f"scan: cannot read {error.filename}: {error.strerror}") from None
    return summarize(findings, files, cfg.repo_path if not given else None)


def node_files(cfg: config.Config) -> list[Path]:
    """Return this node's existing files under data/, leaving out unfinished atomic writes."""
    found = anonymize.files.files_under(
        [path for path in layout.node_paths(cfg.repo_path, cfg.node_id) if path.exists()]
    )
    return [path for path in found if not atomic.is_temp(path)]


def shown(path: Path, repo: Path | None) -> str:
    """Return ``path`` as printed: relative to the repo for this node's files, else as given."""
    return (
        str(path.relative_to(repo)) if repo is not None and path.is_relative_to(repo) else str(path)
    )


class ScanFinding(msgspec.Struct):
    """One secret found: the file (as printed), its line and the rule that matched."""

    path: str
    line: int
    rule: str


class ScanResult(msgspec.Struct):
    """What scan checked: how many files, and every finding."""

    files: int
    findings: list[ScanFinding]


def summarize(
    findings: list[anonymize.FileFinding], files: list[Path], repo: Path | None
) -> Summary[ScanResult]:
    """Return the answer: one ``file:line:rule`` line per finding and a count."""
    rows = [ScanFinding(shown(f.path, repo), f.line, f.rule) for f in findings]
    result = ScanResult(len(files), rows)
    if not findings:
        return Summary(job="scan", result=result, lines=[f"no secrets found in {len(files)} files"])
    with_secrets = len({row.path for row in rows})
    lines = [f"{row.path}:{row.line}:{row.rule}" for row in rows]
    noun = "secret" if len(rows) == 1 else "secrets"
    lines.append(f"{len(rows)} {noun} found in {with_secrets} of {len(files)} files")
    return Summary(job="scan", state="failed", result=result, lines=lines, exit_code=1)
