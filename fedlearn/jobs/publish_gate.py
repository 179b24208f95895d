"""Publish's gate: stage this node's files in a scratch index and scan the staged copies for secrets.

Carries guarantees 1 and 6: only this node's paths are staged (the user's index and work are
never touched), and a secret in what would be committed stops publish before the commit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fedlearn import anonymize, config
from fedlearn.errors import SecretFoundError
from fedlearn.formats import layout
from fedlearn.store import atomic, git_objects

log = logging.getLogger(__name__)


def stage(
    cfg: config.Config, top: Path, index: git_objects.Scratch, folder: Path
) -> list[tuple[str, str]]:
    """
    Stage this node's paths in ``index``, copy the staged files under ``folder`` and scan them.

    Return the staged changes (letter, path). Raise SecretFoundError when the scan finds a secret.
    """
    git_objects.stage(top, index, own_files(top, cfg.repo_path.resolve(), cfg.node_id))
    changes = git_objects.staged(top, index)
    git_objects.export(top, index, [path for letter, path in changes if letter != "D"], folder)
    refuse_secrets(cfg.anonymize, folder, changes)
    return changes


def own_files(top: Path, root: Path, node: str) -> list[str]:
    """
    Return this node's files under data/ on disk or in HEAD, relative to ``top``.

    Temp files of an unfinished write are left out; a file only HEAD has is a deletion to stage.
    """
    found = set()
    for path in layout.node_paths(root, node):
        for file in path.rglob("*") if path.is_dir() else [path]:
            if file.is_file() and not atomic.is_temp(file):
                found.add(str(file.relative_to(top)))
    owned = layout.node_paths(root, node)
    owned += [layout.pattern_file(root, category, node) for category in config.CATEGORIES]
    owned += [layout.shard_dir(root, category, node) for category in config.CATEGORIES]
    return sorted(found | git_objects.tracked(top, [str(path.relative_to(top)) for path in owned]))


def refuse_secrets(
    settings: config.Anonymize, folder: Path, changes: list[tuple[str, str]]
) -> None:
    """
    Scan the staged copies (under ``folder``) of the added and changed files.

    Raise SecretFoundError naming the file, line and rule of each finding.
    """
    written = [path for letter, path in changes if letter != "D"]
    found = find_secrets(anonymize.Anonymizer(settings), folder, written)
    for finding in found:
        log.error("secret found in what would be committed: %s", finding)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise SecretFoundError(
            f"publish refused, a secret is in what would be committed: {found[0]}{more}",
            hint="nothing was committed; `fedlearn sync --reanonymize` rewrites this node's files "
            "with the current rules, which redacts what the gate found; then publish again "
            "(`fedlearn scan` lists the findings)",
        )


def find_secrets(anonymizer: anonymize.Anonymizer, folder: Path, paths: list[str]) -> list[str]:
    """
    Return ``path:line:rule`` of every secret in the files ``folder/<path>``.

    Only regular files are read: a staged symlink is committed as its link text, and reading
    through it would read (or hang on) whatever it points to.
    """
    regular = [folder / path for path in paths if (folder / path).is_file()]
    regular = [path for path in regular if not path.is_symlink()]
    findings = anonymize.scan_files(anonymizer, regular)
    return [f"{Path(f.path).relative_to(folder)}:{f.line}:{f.rule}" for f in findings]
