"""Git through its command line, with argument lists and never a shell string."""

from __future__ import annotations

import subprocess
from pathlib import Path

from fedlearn.errors import GitError


def run(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """
    Run ``git -C repo ARGS`` and return the finished process (text output).

    Raise GitError with git's own message when it fails and ``check`` is set.
    """
    process = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if check and process.returncode != 0:
        detail = (process.stderr or process.stdout).strip().splitlines()
        raise GitError(f"git {' '.join(args)} failed in {repo}: {detail[-1] if detail else ''}")
    return process


def toplevel(path: Path) -> Path | None:
    """Return the top level of the git work tree holding ``path``, or None outside git."""
    try:
        process = run(path, "rev-parse", "--show-toplevel", check=False)
    except FileNotFoundError:
        return None
    if process.returncode != 0:
        return None
    return Path(process.stdout.strip())
