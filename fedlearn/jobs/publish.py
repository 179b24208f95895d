"""Commit this node's data/ files and push them: scan, commit, bring in the remote, push.

Carries guarantees 1 and 6: a secret in what would be committed stops it before the commit, and
only this node's paths are staged (in a scratch index), so pushes from any number of nodes never
conflict and the user's own files, index and work are never touched.
"""

from __future__ import annotations

import argparse
import collections
import logging
import tempfile
from pathlib import Path

import msgspec

from fedlearn import anonymize, config
from fedlearn.errors import SecretFoundError
from fedlearn.formats import layout
from fedlearn.jobs import Summary
from fedlearn.report import progress
from fedlearn.store import (
    atomic,
    checkout,
    git_history,
    git_local,
    git_objects,
    git_paths,
    git_remote,
    git_trust,
    own,
    peer_files,
    repairs,
    state,
)

log = logging.getLogger(__name__)

# Words of the commit message, in the order it lists them.
WORDS = (
    "pattern",
    "pattern updated",
    "pattern removed",
    "retraction",
    "fine-tuning record",
    "snapshot",
    "snapshot pruned",
    "telemetry",
    "metrics",
)

# The words after a noun of WORDS that say what happened to it.
CHANGED = ("updated", "removed", "pruned")


class Keyed(msgspec.Struct):
    """The one field a pattern or retraction line is counted by."""

    id: str


KEYED_DECODER = msgspec.json.Decoder(Keyed)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add publish's options."""
    parser.add_argument("--dry-run", action="store_true", help="list what would be committed")


def run(cfg: config.Config, args: argparse.Namespace) -> Summary[PublishResult]:
    """Publish under the publish lock and the repo lock (every writer's); return the summary."""
    store = state.StateDir(cfg.state_path)
    with store.lock("publish"), checkout.writing(store, cfg.repo_path, cfg.repo_lock_wait):
        return publish(cfg, dry_run=args.dry_run)


class PublishResult(msgspec.Struct):
    """
    What publish committed and pushed (the fields after ``message`` only once it got that far).

    Attributes:
        node: this node.
        changes: the staged changes, (git status letter, path).
        counts: the commit message's counts by word (``pattern``, ``snapshot``, …).
        message: the commit subject ("" when nothing changed).
        restored: this node's files found changed outside fedlearn and restored from its state
            before staging (none in a dry run).
        commit: the new commit ("" when there was nothing to commit); unset in a dry run.
        pushed: the commit the remote branch has now ("" when nothing was pushed).
        attempts: push attempts it took.
        integration: how the push met the remote (``fast-forward``, ``rebased``, ``up to date``).
        discarded: this node's files another commit on the remote changed; those changes were
            discarded (a restore commit) and this node's content pushed.
        held: the changed files the push brought in that their node did not sign ([trust]).
        repaired: tree entries git refuses to check out that the remote held; a repair commit
            left them out, and it was pushed (set only when there were some).
    """

    node: str
    changes: list[tuple[str, str]]
    counts: dict[str, int]
    message: str
    restored: list[str] = msgspec.field(default_factory=list)
    commit: str | msgspec.UnsetType = msgspec.UNSET
    pushed: str | msgspec.UnsetType = msgspec.UNSET
    attempts: int | msgspec.UnsetType = msgspec.UNSET
    integration: str | msgspec.UnsetType = msgspec.UNSET
    discarded: list[str] | msgspec.UnsetType = msgspec.UNSET
    held: list[str] | msgspec.UnsetType = msgspec.UNSET
    repaired: list[str] | msgspec.UnsetType = msgspec.UNSET


def publish(cfg: config.Config, *, dry_run: bool = False) -> Summary[PublishResult]:
    """
    Scan, commit and push this node's changed data/ files.

    Raise GitError when the repository is in a state where that is unsafe (with the fixing
    command), SecretFoundError when the scan finds a secret (nothing is committed then).
    """
    meter = progress.Meter("publish")
    try:
        return steps(cfg, meter, dry_run=dry_run)
    finally:
        meter.close()


def steps(cfg: config.Config, meter: progress.Meter, *, dry_run: bool) -> Summary[PublishResult]:
    """Publish, showing each git step on the meter (a terminal only)."""
    root = cfg.repo_path.resolve()
    top = git_local.work_tree(root)
    meter.step("checking the checkout")
    git_remote.abort_interrupted_rebase(top)
    git_local.check_safe(top, cfg.publish.branch)
    env = git_objects.identity(top, cfg.publish.author) | git_trust.signing_env(cfg.trust)
    before = git_local.head(top)
    cfg.state_path.mkdir(parents=True, exist_ok=True)
    files = own.OwnFiles(state.StateDir(cfg.state_path), cfg.repo_path, cfg.node_id)
    restored = [] if dry_run else [str(d.path.relative_to(root)) for d in files.restore()]
    scratch = tempfile.TemporaryDirectory(prefix=checkout.scratch_prefix(), dir=cfg.state_path)
    with git_objects.scratch_index(top) as index, scratch as name:
        folder = Path(name)
        meter.step("staging and scanning this node's files")
        changes = stage(cfg, top, index, folder)
        counts = tally(top, root, cfg.node_id, folder, changes)
        message = commit_message(cfg.node_id, counts, changes)
        subject = message.splitlines()[0] if changes else ""
        result = PublishResult(cfg.node_id, changes, dict(counts), subject, restored)
        if dry_run:
            return preview(result)
        paths = [path for _, path in changes]
        meter.step(f"committing {len(paths)} files")
        commit = git_objects.commit(top, index, message, env, paths) if changes else ""
    meter.step(f"pushing to {cfg.publish.remote}/{cfg.publish.branch} (fetch, rebase, push)")
    result = msgspec.structs.replace(result, commit=commit)
    summary = deliver(top, cfg, env, result, own_pathspecs(cfg, top))
    if commit:
        git_local.collect_garbage(top)
    if isinstance(summary.result.discarded, list) and summary.result.discarded:
        files.record(discarded=summary.result.discarded)
    if restored:
        summary.lines.append(
            f"restored {len(restored)} of this node's files changed outside fedlearn"
        )
    return screen(cfg, top, before, summary)


def screen(
    cfg: config.Config, top: Path, before: str | None, summary: Summary[PublishResult]
) -> Summary[PublishResult]:
    """Screen what the push brought in from the remote (``git_trust``); return ``summary`` with it."""
    data = str(layout.data_dir(cfg.repo_path.resolve()).relative_to(top))
    held = git_trust.screen(top, data, cfg.node_id, cfg.trust, before)
    if not held:
        return summary
    line = f"ignored {len(held)} changed files not signed by their node"
    result = msgspec.structs.replace(summary.result, held=[h.path for h in held])
    return Summary(job="publish", state=summary.state, result=result, lines=[*summary.lines, line])


def own_pathspecs(cfg: config.Config, top: Path) -> list[str]:
    """Return the pathspecs (relative to ``top``) of this node's files under data/."""
    data = layout.data_dir(cfg.repo_path.resolve()).relative_to(top)
    return layout.node_pathspecs(cfg.node_id, data.as_posix())


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
    refuse_secrets(cfg, folder, changes)
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


def refuse_secrets(cfg: config.Config, folder: Path, changes: list[tuple[str, str]]) -> None:
    """
    Scan the staged copies (under ``folder``) of the added and changed files.

    Raise SecretFoundError naming the file, line and rule of each finding.
    """
    written = [path for letter, path in changes if letter != "D"]
    found = find_secrets(anonymize.Anonymizer(cfg.anonymize), folder, written)
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


def kind_of(repo: Path, node: str, path: Path) -> str:
    """Return which of this node's files ``path`` is: pattern, retraction, dataset, snapshot, …."""
    if path == layout.pattern_file(repo, path.parent.name, node):
        return "pattern"
    category = path.parent.parent.name
    if path.parent == layout.shard_dir(repo, category, node) and layout.shard_of(path):
        return "pattern"
    exact = {
        layout.retraction_file(repo, node): "retraction",
        layout.fine_tuning_file(repo, node): "dataset",
        layout.telemetry_file(repo, node): "telemetry",
        layout.metrics_file(repo, path.parent.name, node): "metrics",
    }
    if path in exact:
        return exact[path]
    if path.parent == layout.telemetry_dir(repo, node) and layout.segment_number(path) is not None:
        return "telemetry"
    snapshot_dirs = (
        layout.fine_tuning_snapshot_dir(repo, node),
        layout.collection_dir(repo, path.parent.parent.name, node),
    )
    is_stamped = layout.STAMP_PATTERN.fullmatch(path.name.removesuffix(".jsonl")) is not None
    return "snapshot" if path.parent in snapshot_dirs and is_stamped else "other"


def keyed_lines(data: bytes) -> dict[str, bytes]:
    """Return id → line of a pattern or retraction file (lines that do not decode are left out)."""
    found = {}
    for line in data.splitlines():
        try:
            found[KEYED_DECODER.decode(line).id] = line
        except msgspec.DecodeError:
            continue
    return found


def tally(
    top: Path, root: Path, node: str, folder: Path, changes: list[tuple[str, str]]
) -> collections.Counter[str]:
    """Return the counts of the commit message (new ids, updated ids, snapshots, …) by word."""
    counts: collections.Counter[str] = collections.Counter()
    # A pattern may move between files (the migration to shards): ids are compared over them all.
    before_all: dict[str, bytes] = {}
    after_all: dict[str, bytes] = {}
    for letter, path in changes:
        kind = kind_of(root, node, top / path)
        old = git_objects.show(top, "HEAD", path) if letter != "A" else b""
        new = (peer_files.read(folder, folder / path, "dataset") or b"") if letter != "D" else b""
        if kind == "pattern":
            before_all |= keyed_lines(old)
            after_all |= keyed_lines(new)
        elif kind == "retraction":
            counts[kind] += len(keyed_lines(new).keys() - keyed_lines(old).keys())
        elif kind == "dataset":
            counts["fine-tuning record"] += len(set(new.splitlines()) - set(old.splitlines()))
        elif kind == "snapshot" and letter in "AD":
            counts["snapshot" if letter == "A" else "snapshot pruned"] += 1
        elif kind in ("telemetry", "metrics"):
            counts[kind] = 1
    counts["pattern"] += len(after_all.keys() - before_all.keys())
    counts["pattern removed"] += len(before_all.keys() - after_all.keys())
    counts["pattern updated"] += sum(
        after_all[k] != before_all[k] for k in after_all.keys() & before_all.keys()
    )
    return +collections.Counter({word: counts[word] for word in WORDS})


def phrase(word: str, count: int) -> str:
    """
    Return ``+3 patterns`` / ``1 pattern updated`` / ``+2 fine-tuning records`` / ``telemetry``
    for one counted word (the noun takes the plural, never the word that says what happened).
    """
    if word in ("telemetry", "metrics"):
        return word
    noun, rest = word, ""
    for done in CHANGED:
        if word.endswith(f" {done}"):
            noun, rest = word.removesuffix(f" {done}"), done
    plural = noun + ("s" if count != 1 else "")
    return f"{count} {plural} {rest}" if rest else f"+{count} {plural}"


def commit_message(
    node: str, counts: collections.Counter[str], changes: list[tuple[str, str]]
) -> str:
    """Return the commit message: a subject naming the node and the counts, then the files."""
    parts = [phrase(word, counts[word]) for word in WORDS if counts[word]]
    subject = f"fedlearn: node {node} {', '.join(parts) or 'data updated'}"
    files = [f"{letter} {path}" for letter, path in changes[:50]]
    if len(changes) > 50:
        files.append(f"… and {len(changes) - 50} more files")
    return subject + "\n\n" + "\n".join(files) + "\n"


def preview(result: PublishResult) -> Summary[PublishResult]:
    """Return the dry-run summary: what would be committed, file by file."""
    if not result.changes:
        return Summary(
            job="publish", state="idle", result=result, lines=["nothing to commit"], dry_run=True
        )
    lines = [f"would commit: {result.message}"] + [
        f"  {letter} {path}" for letter, path in result.changes
    ]
    return Summary(job="publish", result=result, lines=lines, dry_run=True)


def deliver(
    repo: Path,
    cfg: config.Config,
    env: dict[str, str],
    result: PublishResult,
    own_paths: list[str],
) -> Summary[PublishResult]:
    """
    Push the branch when there is a remote and something to push; return the job's summary.

    Entries of the remote that git refuses to check out are left out by a repair commit, which is
    pushed too (``git_remote.repair``), and recorded for ``doctor``.
    """
    settings = cfg.publish
    commit = result.commit if isinstance(result.commit, str) else ""
    subject = result.message.removeprefix("fedlearn: ")
    done = f"committed {commit[:12]}: {subject}" if commit else "nothing new to commit"
    if not git_local.has_remote(repo, settings.remote):
        lines = [f"{done} (no remote {settings.remote!r}, not pushed)"]
        return Summary(
            job="publish",
            state="ok" if commit else "idle",
            result=msgspec.structs.replace(result, pushed=""),
            lines=lines,
        )
    if not commit and not is_pending(repo, settings):
        return Summary(
            job="publish",
            state="idle",
            result=msgspec.structs.replace(result, pushed=""),
            lines=["nothing to publish"],
        )
    pushed = git_remote.push_with_retry(repo, settings, env, own_paths)
    repairs.record(state.StateDir(cfg.state_path), pushed.repaired)
    result = msgspec.structs.replace(
        result,
        pushed=pushed.commit,
        attempts=pushed.attempts,
        integration=pushed.integration,
        discarded=pushed.discarded,
        repaired=[entry.path for entry in pushed.repaired] if pushed.repaired else msgspec.UNSET,
    )
    where = f"{settings.remote}/{settings.branch}"
    line = f"pushed {pushed.commit[:12]} to {where} ({pushed.attempts} attempt{'s' * (pushed.attempts > 1)}, {pushed.integration})"
    lines = [done, line]
    if pushed.discarded:
        lines.append(
            f"discarded another commit's changes to {len(pushed.discarded)} of this node's files "
            "(restored in what was pushed)"
        )
    if pushed.repaired:
        lines.append(repaired_line(pushed.repaired))
    return Summary(job="publish", result=result, lines=lines)


def repaired_line(dropped: list[git_paths.Unsafe]) -> str:
    """Return the summary line of a repair: how many entries, the first named, who added it."""
    first = dropped[0]
    more = f" and {len(dropped) - 1} more" if len(dropped) > 1 else ""
    return (
        f"repaired the remote: left out {first.path}{more}, tree entries git refuses to check "
        f"out (added in commit {first.commit[:12]}); see fedlearn doctor"
    )


def is_pending(repo: Path, settings: config.Publish) -> bool:
    """Return whether HEAD has commits the last fetched remote branch lacks (or none was fetched)."""
    ref = git_remote.tracking_ref(settings.remote, settings.branch)
    if git_history.resolve(repo, ref) is None:
        return git_local.head(repo) is not None
    return git_history.ahead(repo, ref) > 0
