"""fedlearn doctor: list everything under data/ that the checked reader refuses (issue 15).

Also listed: the tree entries git refuses to check out that pull or publish left out of this node's
copy with a repair commit (``store/repairs``); those are past, and never make doctor exit 1.

Read-only. Walks data/ without following a symlink, then reads what every job reads (the merged
view of patterns and retractions, each node's telemetry and fine-tuning files, each node's newest
snapshot), so the list is what sync, import, status and metrics ignore. Exit 1 when anything is.
"""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.jobs import Summary
from fedlearn.learn import merge, withdrawals
from fedlearn.store import peer_files, refusal_log, repairs, state
from fedlearn.vectors import snapshot_verify

# RefusedPath paths the text lists without --all (the JSON answer always has them all).
SHOWN = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add doctor's option."""
    parser.add_argument(
        "--all",
        action="store_true",
        help=f"list every refused path (default: the first {SHOWN} and the count)",
    )


class RefusedPath(msgspec.Struct):
    """A path the checked reader refuses: relative to the repo, why, the commit that last changed it."""

    path: str
    reason: str
    commit: str


class Withheld(msgspec.Struct):
    """
    A node's tombstones that withdraw its own records only: other nodes still hold those ids.

    Attributes:
        node: the retracting node.
        ids: how many of its tombstones leave the id in the merged view.
        kept_by: the nodes whose records keep them there (they have not retracted them).
    """

    node: str
    ids: int
    kept_by: list[str]


class DoctorResult(msgspec.Struct):
    """
    Every path under data/ the checked reader refuses, the tombstones that remove no id, and the
    repairs pull and publish made.

    Attributes:
        refused: the paths the checked reader refuses now.
        withheld: per node, the tombstones that withdraw its own records only.
        repaired: tree entries git refuses to check out that a repair commit left out (the last
            ``repairs.KEPT``, oldest first): the remote held them, this node's copy never did.
    """

    refused: list[RefusedPath]
    withheld: list[Withheld]
    repaired: list[repairs.Repair] = msgspec.field(default_factory=list)


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[DoctorResult]:
    """Return every refused path with its reason and commit; exit code 1 when there is any."""
    repo = cfg.repo_path
    peer_files.forget()
    walk(repo, layout.data_dir(repo))
    read_all(cfg)
    refused = refusal_log.refusals()
    shown = refused if args.all else refused[:SHOWN]
    withheld = withheld_tombstones(cfg)
    lines = [
        f"refused {r.path}: {r.reason}" + (f" (commit {r.commit})" if r.commit else "")
        for r in shown
    ]
    if len(shown) < len(refused):
        lines.append(f"… and {len(refused) - len(shown)} more (fedlearn doctor --all lists them)")
    ledger = repairs.load(state.StateDir(cfg.state_path))
    lines += [
        f"repaired {r.path}: {r.reason}, added in commit {r.commit[:12]}, left out at {r.at}"
        for r in ledger.last
    ]
    lines += [
        f"{w.node}: {w.ids} retractions withdraw {w.node}'s own records only; "
        f"{', '.join(w.kept_by)} still hold them"
        for w in withheld
    ]
    lines.append(
        f"{len(refused)} refused under {layout.data_dir(repo)}"
        + (
            "; every job ignores them (the files other nodes pushed are untrusted input)"
            if refused
            else ""
        )
    )
    return Summary(
        job="doctor",
        state="failed" if refused else "ok",
        result=DoctorResult(
            [RefusedPath(r.path, r.reason, r.commit) for r in refused],
            withheld,
            repaired=ledger.last,
        ),
        lines=lines,
        exit_code=1 if refused else 0,
    )


def withheld_tombstones(cfg: config.Config) -> list[Withheld]:
    """
    Return, per retracting node, its tombstones that leave the id in the merged view because
    other nodes hold it (``withdrawals.withheld``): normal for a shared pattern, and all a peer's
    tombstones of other nodes' patterns can do. Not a refusal: doctor does not fail for them.
    """
    repo = cfg.repo_path
    found = withdrawals.withheld(repo, merge.read_retractions(repo, cfg.trust.admins, cfg.node_id))
    return [
        Withheld(node, len(ids), sorted({n for kept in ids.values() for n in kept}))
        for node, ids in found.items()
    ]


def walk(repo: Path, folder: Path) -> None:
    """Refuse every entry under ``folder`` that no job reads: symlinks, odd types and names, oversize files."""
    try:
        listing = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in listing:
        path = Path(entry.path)
        if not peer_files.is_name(entry.name):
            if not entry.name.startswith(".") or entry.name in (".", ".."):
                refusal_log.refuse(repo, path, "a name fedlearn does not read")
            continue
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode):
            refusal_log.refuse(repo, path, "a symlink")
        elif stat.S_ISDIR(info.st_mode):
            walk(repo, path)
        elif not stat.S_ISREG(info.st_mode):
            refusal_log.refuse(repo, path, "not a regular file")
        else:
            kind = kind_of(repo, path)
            if kind is not None and info.st_size > peer_files.CAPS[kind]:
                cap = peer_files.CAPS[kind]
                refusal_log.refuse(
                    repo,
                    path,
                    f"too large ({info.st_size} bytes, the cap for {kind} files is {cap})",
                )


def kind_of(repo: Path, path: Path) -> str | None:
    """Return the kind of a file under data/ (for its size cap), None for one no job reads."""
    return peer_files.kind_of(path.relative_to(layout.data_dir(repo)).as_posix())


def read_all(cfg: config.Config) -> None:
    """Read what the jobs read, so their refusals (bad lines, forged records, snapshots) are listed."""
    repo = cfg.repo_path
    merge.merged_view(repo, config.CATEGORIES, cfg.trust.admins, node=cfg.node_id)
    for path in layout.telemetry_files(repo):
        peer_files.read(repo, path, "telemetry")
    for folder in peer_files.entries(repo, layout.data_dir(repo) / "fine-tuning", folders=True):
        peer_files.read(repo, folder / "dataset.jsonl", "dataset")
    for collection in layout.collection_names(repo):
        for node in layout.collection_nodes(repo, collection):
            folder = layout.collection_dir(repo, collection, node)
            found, refusals = snapshot_verify.latest(
                folder, collection, node, cfg.qdrant.batch_size
            )
            if found is not None:
                found.close()
            for refusal in refusals:
                refusal_log.refuse(repo, refusal.path, f"snapshot refused: {refusal.reason}")
