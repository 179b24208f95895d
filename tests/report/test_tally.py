"""The kept merged counts equal a full count after every pull, and read only what changed."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import msgspec
import pytest

from fedlearn import config
from fedlearn.formats import layout, records
from fedlearn.learn import merge, patterns, withdrawals
from fedlearn.report import tally, tally_files, tally_forward
from fedlearn.store import atomic, git_held, peer_files, refusal_log, state
from tests.conftest import Node, git

SEEN_AT = "2026-01-02T03:04:05Z"
ERRORS, SKILLS = "error-solutions", "skills-patterns"


def pattern(category: str, text: str, node: str, at: str = SEEN_AT) -> patterns.Pattern:
    """Return ``node``'s record of the pattern ``text`` of ``category``."""
    return patterns.build(category, {"title": text, "description": "d"}, 0.5, at, node)


def put(repo: Path, node: str, category: str, texts: list[str], at: str = SEEN_AT) -> None:
    """Add ``node``'s patterns ``texts`` of ``category`` to its shards in ``repo``."""
    for text in texts:
        found = pattern(category, text, node, at)
        path = layout.shard_file(repo, category, node, layout.shard_name(found.id))
        path.parent.mkdir(parents=True, exist_ok=True)
        table = {p.id: p for p in patterns.read(path)} | {found.id: found}
        path.write_bytes(patterns.encode(table))


def retract(repo: Path, node: str, *pattern_ids: str, reason: str = "wrong") -> None:
    """Write ``node``'s tombstones of ``pattern_ids`` (its whole retractions file)."""
    path = layout.retraction_file(repo, node)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [records.Retraction(id=i, retracted_at=SEEN_AT, reason=reason) for i in pattern_ids]
    path.write_bytes(records.encode_lines(lines))


def push(peer: Path, message: str, *, force: bool = False) -> None:
    """Commit everything in the peer's clone and push it."""
    git(peer, "add", "-A")
    git(peer, "commit", "-q", "--allow-empty", "-m", message)
    git(peer, "push", "-q", *(["-f"] if force else []), "origin", "main")


def pull(repo: Path) -> None:
    """Take the remote's branch as it is (a pull of other nodes' files, a forced one too)."""
    git(repo, "fetch", "-q", "origin")
    git(repo, "reset", "-q", "--hard", "origin/main")


def full_count(cfg: config.Config) -> tally.Counts:
    """Return what the merged view and the withheld tombstones give, read whole."""
    repo, admins = cfg.repo_path, cfg.trust.admins
    view = merge.merged_view(repo, cfg.sync.categories, admins, node=cfg.node_id)
    held = withdrawals.withheld(repo, merge.read_retractions(repo, admins, cfg.node_id))
    return tally.Counts({c: len(v) for c, v in view.items()}, {n: len(i) for n, i in held.items()})


class Later(datetime):
    """A clock five days ahead."""

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return datetime.now(tz) + timedelta(days=5)


@pytest.fixture
def two(make_node: Callable[..., Node]) -> Iterator[tuple[Node, Path]]:
    """Return this node (alpha) and a peer clone other nodes' files are written in."""
    alpha, peer = make_node("alpha"), make_node("peer")
    yield alpha, peer.repo


def check(cfg: config.Config) -> tally.Counts:
    """Count, and compare with a full count."""
    found = tally.counts(cfg, state.StateDir(cfg.state_path))
    assert found == full_count(cfg)
    return found


def test_the_kept_counts_equal_a_full_count_across_pulls_retractions_and_rewrites(
    two: tuple[Node, Path], fulls: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    After each change pulled (new and deleted files, retractions withheld or not, a symlink, a
    file with refused lines, a forced push of another history, this node's own uncommitted
    files) the counts brought forward equal a full count, and are made anew only the first time.
    """
    alpha, peer = two
    cfg = alpha.config()
    shared = [f"shared {n}" for n in range(5)]
    put(peer, "beta", ERRORS, [f"b {n}" for n in range(20)] + shared)
    put(peer, "beta", SKILLS, [f"bs {n}" for n in range(8)])
    put(peer, "gamma", ERRORS, [f"g {n}" for n in range(15)] + shared)
    push(peer, "beta and gamma")
    pull(alpha.repo)
    first = check(cfg)
    assert first.merged[ERRORS] == 40 and len(fulls) == 1
    base = git(peer, "rev-parse", "HEAD").strip()

    alone = pattern(ERRORS, "g 3", "gamma").id
    both = pattern(ERRORS, "shared 1", "beta").id
    kept = {layout.shard_name(pattern(ERRORS, t, "gamma").id) for t in [*shared, "g 3", "g 4"]}
    dropped = next(
        shard
        for n in range(15)
        if (shard := layout.shard_name(pattern(ERRORS, f"g {n}", "gamma").id)) not in kept
    )
    put(peer, "beta", ERRORS, ["b new 1", "b new 2", "b new 3"])
    layout.shard_file(peer, ERRORS, "gamma", dropped).unlink()
    push(peer, "beta learned, gamma dropped a shard")
    pull(alpha.repo)
    assert check(cfg).merged[ERRORS] < 43

    retract(peer, "gamma", alone)
    retract(peer, "beta", both, pattern(ERRORS, "b new 1", "beta").id)
    stray = layout.retraction_file(peer, "beta").with_suffix(".txt")  # no reader lists it
    stray.write_text("not a retractions file\n")
    push(peer, "retractions")
    pull(alpha.repo)
    assert check(cfg).withheld == {"beta": 1}

    link = layout.shard_file(peer, ERRORS, "eps", "00")
    link.parent.mkdir(parents=True)
    link.symlink_to(sorted(layout.shard_dir(peer, ERRORS, "beta").iterdir())[0])
    ahead = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    future = pattern(SKILLS, "from tomorrow", "zeta", ahead)
    bad = layout.shard_file(peer, SKILLS, "zeta", layout.shard_name(future.id))
    bad.parent.mkdir(parents=True)
    bad.write_bytes(patterns.encode({future.id: future}) + b"not a record\n")
    push(peer, "a symlink, a file with refused lines")
    pull(alpha.repo)
    peer_files.forget()
    before = tally.counts(cfg, state.StateDir(cfg.state_path))
    refused = {r.path for r in refusal_log.refusals()}  # handed on from the files read
    assert {link.relative_to(peer).as_posix(), bad.relative_to(peer).as_posix()} <= refused
    peer_files.forget()
    assert before == full_count(cfg)
    monkeypatch.setattr(patterns, "datetime", Later)
    monkeypatch.setattr(merge, "datetime", Later)
    assert check(cfg).merged[SKILLS] == before.merged[SKILLS] + 1  # no commit: its day came
    monkeypatch.undo()

    git(peer, "reset", "-q", "--hard", base)
    put(peer, "gamma", SKILLS, ["rewritten"])
    retract(peer, "delta", pattern(ERRORS, "shared 2", "beta").id)
    push(peer, "another history", force=True)
    pull(alpha.repo)
    assert check(cfg).withheld == {"delta": 1}

    put(alpha.repo, "alpha", ERRORS, ["mine, not committed", *shared])
    retract(alpha.repo, "alpha", pattern(ERRORS, "g 4", "gamma").id)
    check(cfg)
    git(alpha.repo, "checkout", "-q", "--", ".")
    git(alpha.repo, "clean", "-qfd")
    check(cfg)
    assert len(fulls) == 1


def test_counts_are_made_anew_when_the_kept_commit_or_a_group_file_is_lost(
    two: tuple[Node, Path], fulls: list[int]
) -> None:
    """
    A commit git no longer knows, a damaged group file: counted whole; an old-layout file (its
    ids in any shard) brought forward.
    """
    alpha, peer = two
    cfg = alpha.config()
    put(peer, "beta", ERRORS, [f"b {n}" for n in range(10)])
    push(peer, "beta")
    pull(alpha.repo)
    check(cfg)
    folder = cfg.state_path / "cache" / "merged"
    index = msgspec.msgpack.decode((folder / "index.msgpack").read_bytes(), type=tally_files.Index)
    index.commit = "0" * 40
    (folder / "index.msgpack").write_bytes(msgspec.msgpack.encode(index))
    put(peer, "beta", ERRORS, ["one more"])
    push(peer, "one more")
    pull(alpha.repo)
    check(cfg)
    assert len(fulls) == 2
    put(peer, "gamma", ERRORS, ["b 0"])  # in a group beta's files made
    push(peer, "gamma")
    pull(alpha.repo)
    index = msgspec.msgpack.decode((folder / "index.msgpack").read_bytes(), type=tally_files.Index)
    key = f"{ERRORS}/{layout.shard_name(pattern(ERRORS, 'b 0', 'gamma').id)}"
    file = tally_files.Groups(folder, index.groups).file(key, index.groups[key])
    file.write_bytes(file.read_bytes()[:-1])
    check(cfg)
    assert len(fulls) == 3
    count = len(fulls)
    old = layout.pattern_file(peer, ERRORS, "delta")
    for texts in (["old", "b 1", "b 2"], ["b 1"], []):
        if texts:
            found = [pattern(ERRORS, text, "delta") for text in texts]
            old.write_bytes(patterns.encode({p.id: p for p in found}))
        else:
            old.unlink()
        push(peer, f"an old-layout file of {len(texts)}")
        pull(alpha.repo)
        check(cfg)
    assert len(fulls) == count


def test_a_full_count_removes_the_counts_earlier_versions_kept_in_own(
    two: tuple[Node, Path], fulls: list[int]
) -> None:
    """``<state>/own/merged.json`` and ``withheld.json`` (replaced by cache/merged/) go; own/ stays."""
    alpha, peer = two
    cfg = alpha.config()
    own = cfg.state_path / "own"
    own.mkdir(parents=True, exist_ok=True)
    for name in (*tally_forward.SUPERSEDED, "counts.json"):
        (own / name).write_text("{}")
    put(peer, "beta", ERRORS, ["b"])
    push(peer, "beta")
    pull(alpha.repo)
    check(cfg)
    assert len(fulls) == 1
    assert sorted(path.name for path in own.iterdir()) == ["counts.json"]


def test_the_first_count_after_a_pull_reads_only_the_changed_files(
    two: tuple[Node, Path], pattern_reads: list[str], fulls: list[int]
) -> None:
    """Of 30 nodes' files, a pull that changed one node's shard reads that shard only."""
    alpha, peer = two
    cfg = alpha.config()
    for number in range(30):
        put(peer, f"n{number:02d}", ERRORS, [f"{number} {n}" for n in range(4)])
    push(peer, "30 nodes")
    pull(alpha.repo)
    check(cfg)
    put(peer, "n07", ERRORS, ["n07 learned"])
    push(peer, "n07 learned")
    pull(alpha.repo)
    pattern_reads.clear()
    tally.counts(cfg, state.StateDir(cfg.state_path))
    shard = layout.shard_name(pattern(ERRORS, "n07 learned", "n07").id)
    assert pattern_reads == [f"{ERRORS}/n07/{shard}.jsonl"]
    assert check(cfg).merged[ERRORS] == 121 and len(fulls) == 1


def test_a_crash_while_keeping_leaves_counts_that_are_old_or_new(
    two: tuple[Node, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A crash after some group files are written, or before the index is replaced, leaves the
    kept state as it was: the next count is a full count's, brought forward or made anew.
    """
    alpha, peer = two
    cfg = alpha.config()
    put(peer, "beta", ERRORS, [f"b {n}" for n in range(30)])
    push(peer, "beta")
    pull(alpha.repo)
    check(cfg)
    writing, replacing = atomic.write_temp, atomic.write
    written: list[Path] = []

    def write_temp(path: Path, data: bytes, *, sync: bool = True) -> Path:
        if written:
            raise OSError("crash")
        written.append(path)
        return writing(path, data, sync=sync)

    def write(path: Path, data: bytes) -> bool:
        raise OSError("crash")

    for crash_at in ("groups", "index"):
        put(peer, "beta", ERRORS, [f"{crash_at} {n}" for n in range(6)])
        push(peer, crash_at)
        pull(alpha.repo)
        written.clear()
        if crash_at == "groups":
            monkeypatch.setattr(atomic, "write_temp", write_temp)
        monkeypatch.setattr(atomic, "write", write)
        with pytest.raises(OSError, match="crash"):
            tally.counts(cfg, state.StateDir(cfg.state_path))
        monkeypatch.setattr(atomic, "write_temp", writing)
        monkeypatch.setattr(atomic, "write", replacing)
        check(cfg)
        check(cfg)


def test_with_held_paths_the_counts_read_what_this_node_accepts(
    two: tuple[Node, Path], fulls: list[int]
) -> None:
    """
    Under ``[trust]``, a held file counts as its last accepted content (from git, not the work
    tree): counted as a full count counts (kept per change of HEAD's trees or the held paths).
    """
    alpha, peer = two
    cfg = alpha.config()
    put(peer, "beta", ERRORS, ["accepted"])
    push(peer, "accepted")
    pull(alpha.repo)
    check(cfg)
    accepted = pattern(ERRORS, "accepted", "beta")
    file = layout.shard_file(peer, ERRORS, "beta", layout.shard_name(accepted.id))
    name = file.relative_to(peer).as_posix()
    blob = git(peer, "rev-parse", f"HEAD:{name}").strip()
    put(peer, "beta", ERRORS, [f"forged {n}" for n in range(5)])
    push(peer, "forged")
    pull(alpha.repo)
    forged = [
        path.relative_to(alpha.repo).as_posix()
        for path in layout.shard_dir(alpha.repo, ERRORS, "beta").iterdir()
    ]
    held = {
        path: git_held.Held(
            path=path, blob=blob if path == name else "", commit="0" * 40, reason="unsigned"
        )
        for path in forged
    }
    git_held.save(alpha.repo, git_held.View(screened="", held=held))
    assert check(cfg).merged[ERRORS] == 1  # beta's forged records are not counted
    assert (cfg.state_path / "cache" / "merged" / "held.json").is_file()
    git_held.save(alpha.repo, git_held.View(screened=""))
    assert check(cfg).merged[ERRORS] == 6


def test_a_random_sequence_of_changes_keeps_the_counts_equal_to_a_full_count(
    two: tuple[Node, Path], fulls: list[int]
) -> None:
    """
    Fourteen random rounds (seeded) of two changes each: nodes learning, dropping shards, retracting their own or
    others' ids (an admin too), an old-layout file rewritten, and forced pushes back to an
    earlier commit: after each pull the counts brought forward equal a full count.
    """
    alpha, peer = two
    cfg = alpha.config()
    cfg = attrs.evolve(cfg, trust=attrs.evolve(cfg.trust, admins=["root"]))
    rng = random.Random(21)
    nodes, texts = ["beta", "gamma", "delta", "root"], [f"t {n}" for n in range(12)]
    commits = []
    for round_number in range(14):
        for action in rng.sample(["learn", "learn", "drop", "retract", "old", "rewind"], 2):
            node, category = rng.choice(nodes), rng.choice([ERRORS, SKILLS])
            if action == "learn":
                put(peer, node, category, rng.sample(texts, 6))
            elif action == "drop" and layout.shard_dir(peer, category, node).is_dir():
                rng.choice(sorted(layout.shard_dir(peer, category, node).iterdir())).unlink()
            elif action == "retract":
                ids = [pattern(rng.choice([ERRORS, SKILLS]), t, node).id for t in texts]
                retract(peer, node, *rng.sample(ids, 3))
            elif action == "old":
                found = [pattern(category, t, node) for t in rng.sample(texts, 4)]
                path = layout.pattern_file(peer, category, node)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(patterns.encode({p.id: p for p in found}))
            elif action == "rewind" and commits:
                git(peer, "reset", "-q", "--hard", rng.choice(commits))
        push(peer, f"round {round_number}", force=True)
        commits.append(git(peer, "rev-parse", "HEAD").strip())
        pull(alpha.repo)
        check(cfg)
    assert len(fulls) == 1


def test_past_the_limits_of_one_read_the_counts_are_a_full_counts(
    two: tuple[Node, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Past ``merge.MAX_PEER_PATTERNS`` (a record on two lines counts twice) or
    ``MAX_PEER_RETRACTIONS`` a full count keeps the first files only: the counts are then a full
    count's, and brought forward again once back within.
    """
    alpha, peer = two
    cfg = alpha.config()
    put(peer, "beta", ERRORS, [f"b {n}" for n in range(6)])
    put(peer, "gamma", ERRORS, [f"g {n}" for n in range(5)])
    push(peer, "11 records")
    pull(alpha.repo)
    monkeypatch.setattr(merge, "MAX_PEER_PATTERNS", 11)
    assert check(cfg).merged[ERRORS] == 11
    twice = sorted(layout.shard_dir(peer, ERRORS, "beta").iterdir())[0]  # read before gamma's
    twice.write_bytes(twice.read_bytes() * 2)  # past 11 records: gamma's last files are not read
    push(peer, "a record twice")
    pull(alpha.repo)
    assert check(cfg).merged[ERRORS] < 11
    gone = {p.id for p in patterns.read(twice)}
    twice.unlink()
    push(peer, "back within")
    pull(alpha.repo)
    assert check(cfg).merged[ERRORS] == 11 - len(gone)
    monkeypatch.setattr(merge, "MAX_PEER_RETRACTIONS", 1)
    retract(peer, "beta", pattern(ERRORS, "g 1", "gamma").id)
    retract(peer, "delta", pattern(ERRORS, "g 2", "gamma").id)
    push(peer, "two tombstones")
    pull(alpha.repo)
    assert check(cfg).withheld == {"beta": 1}
