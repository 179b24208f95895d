"""fedlearn init: write a commented configuration and prepare the federation repo.

In the spirit of ``restic init`` / ``borg init``: ``--clone URL`` clones the federation repo,
``--repo PATH`` takes a checkout (or makes a new repo there), neither makes a new local repo in
``<state_dir>/repo``. The configuration names the stack's telemetry and fine-tuning
files where they are found on this machine; the answer says which are missing and the next command.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.errors import ConfigError, GitError
from fedlearn.formats import layout
from fedlearn.jobs import Summary
from fedlearn.store import atomic, git_incoming, git_local, git_objects, git_paths, repairs, state

# Where the stack writes, per user and system-wide (the NixOS module's usual state folders).
TELEMETRY = (
    "~/.local/share/nixos-ai-stack/telemetry/hybrid-events.jsonl",
    "/var/lib/nixos-ai-stack/telemetry/hybrid-events.jsonl",
    "/var/lib/ai-stack/telemetry/hybrid-events.jsonl",
)
FINE_TUNING = (
    "~/.local/share/nixos-ai-stack/fine-tuning/dataset.jsonl",
    "/var/lib/nixos-ai-stack/fine-tuning/dataset.jsonl",
    "/var/lib/ai-stack/fine-tuning/dataset.jsonl",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--repo PATH`` or ``--clone URL``, and ``--force``."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--repo", metavar="PATH", help="a checkout to use, or a folder to make one in"
    )
    where.add_argument("--clone", metavar="URL", help="clone the federation repo from URL")
    parser.add_argument(
        "--into", metavar="PATH", help="with --clone: where to (default: <state_dir>/repo)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite an existing configuration file"
    )


def detect(candidates: tuple[str, ...]) -> tuple[str, bool]:
    """Return the first candidate that exists on this machine (else the first), and whether it does."""
    for candidate in candidates:
        if Path(candidate).expanduser().is_file():
            return candidate, True
    return candidates[0], False


def default_repo(cfg: config.Config) -> Path:
    """Return where a cloned or new repo goes: ``<state_dir>/repo``, as the NixOS module has it."""
    return cfg.state_path / "repo"


def prepare_repo(args: argparse.Namespace, cfg: config.Config) -> tuple[Path, str]:
    """Return the repo's path and what was done to it: cloned, made, or taken as it is."""
    if args.clone:
        target = Path(args.into).expanduser() if args.into else default_repo(cfg)
        if target.exists() and any(target.iterdir()):
            if git_local.toplevel(target) == target.resolve():
                return target.resolve(), "taken (already a checkout)"
            raise ConfigError(f"{target} is not empty", hint="give --into an empty or new folder")
        git("clone", "-q", "--no-checkout", args.clone, str(target))
        check_out(target.resolve(), cfg)
        return target.resolve(), f"cloned from {args.clone}"
    target = Path(args.repo).expanduser() if args.repo else default_repo(cfg)
    if git_local.toplevel(target) is not None:
        return target.resolve(), "taken (a git work tree)"
    if target.exists() and any(target.iterdir()):
        raise ConfigError(
            f"{target} holds files but is not a git work tree",
            hint="give an empty folder, a checkout, or --clone URL",
        )
    git("init", "-q", "-b", "main", str(target))
    return target.resolve(), "made (a new git repo with no remote: publish commits, pull waits)"


def check_out(repo: Path, cfg: config.Config) -> None:
    """
    Check out a fresh clone, with a repair commit first when its tip holds tree entries git
    refuses to check out (``git_incoming.repair``): a node joining while a peer's such commit is
    the tip still gets a checkout, and its first publish pushes the repair.
    """
    tip = git_local.head(repo)
    if tip is not None:
        env = git_objects.identity(repo, cfg.publish.author)
        sizes = git_paths.Sizes(layout.DATA, cfg.node_id)  # the clone is the repo
        fixed = git_incoming.repair(repo, tip, env, whole=True, sizes=sizes)
        if fixed.dropped:
            git_local.run(repo, "update-ref", "-m", "fedlearn: repair", "HEAD", fixed.commit, tip)
            repairs.record(state.StateDir(cfg.state_path), fixed.dropped)
        git_local.run(repo, "reset", "-q", "--hard")


def git(*words: str) -> None:
    """Run git; raise GitError with its message when it fails."""
    process = subprocess.run(["git", *words], capture_output=True, text=True, check=False)
    if process.returncode != 0:
        raise GitError(
            f"git {words[0]} failed: {process.stderr.strip().splitlines()[-1:] or ['?']}",
            hint="check the URL and your access to it (ssh key, token)",
        )


def render(repo: Path, telemetry: str, fine_tuning: str, found: tuple[bool, bool]) -> str:
    """Return the commented configuration file."""

    def note(is_found: bool) -> str:
        return "found on this machine" if is_found else "NOT FOUND: set the path your stack writes"

    return f"""# fedlearn configuration, written by `fedlearn init`.
# Every key not set here has its default: `fedlearn config show` marks them,
# `fedlearn config show --defaults` lists them all.

# The federation repo: a git checkout that holds data/.
repo = "{repo}"

[sync]
# The stack's runtime telemetry (paths or globs): {note(found[0])}
telemetry = ["{telemetry}"]
# The runtime fine-tuning dataset ("" to skip): {note(found[1])}
fine_tuning = "{fine_tuning}"
# Events scoring at least this much are kept.
value_threshold = 0.7

[publish]
# The remote and branch publish pushes to and pull brings in.
remote = "origin"
branch = "main"
"""


class Input(msgspec.Struct):
    """An input the configuration names: its path, and whether it was found on this machine."""

    path: str
    found: bool


class InitResult(msgspec.Struct, kw_only=True):
    """
    What init wrote and prepared.

    Attributes:
        config: the configuration file written.
        repo: the federation repo.
        repo_prepared: what was done to it (cloned, made, or found).
        telemetry, fine_tuning: the stack's inputs the file names.
        next: the command to run next.
    """

    config: str
    repo: str
    repo_prepared: str
    telemetry: Input
    fine_tuning: Input
    next: str


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[InitResult]:
    """Write the configuration and prepare the repo; refuse to overwrite a configuration."""
    path: Path = args.config_path
    if path.exists() and not args.force:
        raise ConfigError(
            f"{path} exists already",
            hint="`fedlearn config show` shows it; `fedlearn init --force` writes a new one",
        )
    repo, done = prepare_repo(args, cfg)
    (telemetry, has_telemetry), (dataset, has_dataset) = detect(TELEMETRY), detect(FINE_TUNING)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write(path, render(repo, telemetry, dataset, (has_telemetry, has_dataset)).encode())
    option = "" if path == args.default_config_path else f" --config {path}"
    lines = [f"wrote {path}", f"repo {repo}: {done}"]
    lines += [f"telemetry {telemetry}: {'found' if has_telemetry else 'not found (edit the file)'}"]
    lines += [f"fine-tuning {dataset}: {'found' if has_dataset else 'not found (edit the file)'}"]
    lines.append(f"next: fedlearn sync{option} && fedlearn publish{option}")
    result = InitResult(
        config=str(path),
        repo=str(repo),
        repo_prepared=done,
        telemetry=Input(telemetry, has_telemetry),
        fine_tuning=Input(dataset, has_dataset),
        next=f"fedlearn sync{option}",
    )
    return Summary(job="init", result=result, lines=lines)
