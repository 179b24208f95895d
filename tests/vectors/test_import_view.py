"""Import's view of the changed ids, read through the kept holders, equals the full listing's."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from fedlearn import config
from fedlearn.formats import layout
from fedlearn.learn import merge, patterns
from fedlearn.report import tally
from fedlearn.store import git_history, state
from fedlearn.vectors import import_view
from tests.conftest import Node, git
from tests.report.test_tally import ERRORS, SKILLS, pattern, pull, push, put, retract

CATEGORIES = [ERRORS, SKILLS]


def worktree(repo: Path) -> set[str]:
    """Return the data/ paths whose work tree differs from HEAD, as import finds them."""
    found = git_history.changes_since(repo, "HEAD", layout.DATA)
    assert found is not None
    return found[1]


def every_id(repo: Path) -> dict[str, set[str]]:
    """Return per category every id any node's file holds (withdrawn or not)."""
    return {
        c: {p.id for path in layout.pattern_files(repo, c) for p in patterns.read(path)}
        for c in CATEGORIES
    }


def compare(cfg: config.Config, ids: dict[str, set[str]]) -> import_view.KeptHolders:
    """Bring the kept index forward as import does; its view of ``ids`` equals a full read's."""
    repo, admins = cfg.repo_path, cfg.trust.admins
    store = state.StateDir(cfg.state_path)
    found = import_view.kept(repo, cfg.node_id, admins, store, worktree(repo))
    assert found is not None
    assert found.retractions == merge.read_retractions(repo, admins, cfg.node_id)
    full = merge.merged_view(repo, list(ids), admins, ids=ids, node=cfg.node_id)
    assert import_view.view(found, ids, cfg.node_id) == full
    return found


def test_a_random_multi_node_repo_gives_the_full_views_ids_through_the_kept_holders(
    make_node: Callable[..., Node],
) -> None:
    """
    Nine random rounds (seeded): nodes learning the same and different patterns, dropping
    shards, retracting (an admin too), old-layout files, forced pushes back to an earlier commit,
    this node's own uncommitted files, another node's file edited in this clone's work tree
    (undone by the next pull), status counting in between or not: after each, the view of random
    ids read through the kept holders equals the full listing's, tombstones included.
    """
    alpha, peer = make_node("alpha"), make_node("peer").repo
    cfg = alpha.config()
    cfg = attrs.evolve(cfg, trust=attrs.evolve(cfg.trust, admins=["root"]))
    store = state.StateDir(cfg.state_path)
    rng = random.Random(20)
    nodes, texts = ["beta", "gamma", "delta", "root"], [f"t {n}" for n in range(14)]
    put(peer, "beta", ERRORS, texts[:4])
    push(peer, "start")
    pull(alpha.repo)
    tally.counts(cfg, store)  # the first count keeps the index
    commits, edited = [], 0
    for round_number in range(9):
        for action in rng.sample(["learn", "learn", "drop", "retract", "old", "rewind", "own"], 3):
            node, category = rng.choice(nodes), rng.choice(CATEGORIES)
            if action == "learn":
                put(peer, node, category, rng.sample(texts, 5))
            elif action == "drop" and layout.shard_dir(peer, category, node).is_dir():
                rng.choice(sorted(layout.shard_dir(peer, category, node).iterdir())).unlink()
            elif action == "retract":
                ids = [pattern(rng.choice(CATEGORIES), t, node).id for t in texts]
                retract(peer, node, *rng.sample(ids, 3))
            elif action == "old":
                found = [pattern(category, t, node) for t in rng.sample(texts, 4)]
                path = layout.pattern_file(peer, category, node)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(patterns.encode({p.id: p for p in found}))
            elif action == "rewind" and commits:
                git(peer, "reset", "-q", "--hard", rng.choice(commits))
            elif action == "own":
                put(alpha.repo, "alpha", category, rng.sample(texts, 3))
        push(peer, f"round {round_number}", force=True)
        commits.append(git(peer, "rev-parse", "HEAD").strip())
        pull(alpha.repo)
        if rng.random() < 0.5:  # another node's file changed here (the next pull undoes it)
            files = [p for c in CATEGORIES for p in layout.pattern_files(alpha.repo, c)]
            files = [p for p in files if patterns.node_of(p) != "alpha"]
            path = rng.choice(files)
            kept = patterns.read(path)
            if rng.random() < 0.5:
                path.write_bytes(patterns.encode({p.id: p for p in kept[1:]}))
            else:
                put(alpha.repo, patterns.node_of(path), rng.choice(CATEGORIES), ["edit"])
            edited += 1
        if rng.random() < 0.5:
            tally.counts(cfg, store)  # status in between brings the index forward too
        ids = every_id(alpha.repo)
        ids = {c: set(rng.sample(sorted(i), min(len(i), 8))) | {"f" * 32} for c, i in ids.items()}
        compare(cfg, ids)
    assert edited >= 3


def test_the_view_reads_only_the_files_holding_the_ids_and_a_damaged_index_reads_the_listing(
    make_node: Callable[..., Node], pattern_reads: list[str]
) -> None:
    """
    Of 30 nodes' files, a pull that changed one node's shard: the view of the id it learned (ten
    other nodes hold it) reads the eleven files holding it, and the kept index brought forward
    reads the changed one once. With a group file damaged, or the index, the listing of the
    shard's files is read instead, and the view is the same.
    """
    alpha, peer = make_node("alpha"), make_node("peer").repo
    cfg = alpha.config()
    store = state.StateDir(cfg.state_path)
    for number in range(30):
        put(peer, f"n{number:02d}", ERRORS, [f"shared {number % 3}", f"{number} own"])
    push(peer, "30 nodes")
    pull(alpha.repo)
    tally.counts(cfg, store)
    learned = pattern(ERRORS, "shared 0", "n07")
    put(peer, "n07", ERRORS, ["shared 0"])
    push(peer, "n07 learned")
    pull(alpha.repo)
    shard = layout.shard_name(learned.id)
    holders = sorted(f"{ERRORS}/n{n:02d}/{shard}.jsonl" for n in [*range(0, 30, 3), 7])
    ids = {ERRORS: {learned.id}}
    shards: dict[str, set[str] | None] = {ERRORS: {shard}}
    full = merge.merged_view(alpha.repo, [ERRORS], (), shards, ids=ids, node="alpha")
    assert len(full[ERRORS][learned.id].seen) == 11
    pattern_reads.clear()
    here = worktree(alpha.repo)
    view, _ = import_view.narrowed(alpha.repo, ids, shards, (), "alpha", store, here)
    assert view == full and pattern_reads[0] == f"{ERRORS}/n07/{shard}.jsonl"
    assert sorted(pattern_reads[1:]) == holders
    listing = sorted(
        p.relative_to(p.parents[2]).as_posix()
        for p in layout.pattern_files(alpha.repo, ERRORS, {shard})
    )
    folder = cfg.state_path / "cache" / "merged"
    group = next((folder / "groups" / ERRORS).glob(f"{shard}-*.msgpack"))
    group.write_bytes(group.read_bytes()[:-3])
    pattern_reads.clear()
    view, _ = import_view.narrowed(alpha.repo, ids, shards, (), "alpha", store, here)
    assert view == full and sorted(pattern_reads) == listing
    (folder / "index.msgpack").write_bytes(b"damaged")
    pattern_reads.clear()
    assert import_view.kept(alpha.repo, "alpha", (), store, here) is None
    view, _ = import_view.narrowed(alpha.repo, ids, shards, (), "alpha", store, here)
    assert view == full and sorted(pattern_reads) == listing


def test_without_a_kept_index_or_the_work_trees_changes_the_listing_is_read(
    make_node: Callable[..., Node], pattern_reads: list[str]
) -> None:
    """No count ever kept, or the work tree's changes unknown: the view reads the listing."""
    alpha, peer = make_node("alpha"), make_node("peer").repo
    cfg = alpha.config()
    store = state.StateDir(cfg.state_path)
    for node in ("beta", "gamma"):
        put(peer, node, ERRORS, ["same"])
    push(peer, "two nodes")
    pull(alpha.repo)
    same = pattern(ERRORS, "same", "beta")
    ids, shards = {ERRORS: {same.id}}, {ERRORS: {layout.shard_name(same.id)}}
    pattern_reads.clear()
    view, _ = import_view.narrowed(alpha.repo, ids, shards, (), "alpha", store, set())
    assert set(view[ERRORS][same.id].seen) == {"beta", "gamma"} and len(pattern_reads) == 2
    tally.counts(cfg, store)
    pattern_reads.clear()
    assert import_view.narrowed(alpha.repo, ids, shards, (), "alpha", store, None)[0] == view
    assert len(pattern_reads) == 2


@pytest.mark.parametrize("first", [True, False])
def test_another_nodes_file_status_read_from_the_work_tree_is_read_again_once_changed_back(
    make_node: Callable[..., Node], first: bool
) -> None:
    """
    Beta's file, emptied in this clone's work tree when status counts (the first count, or one
    brought forward by the pull that changed it), then changed back before import: import's view
    reads it again (the kept index names it), and equals the full listing's.
    """
    alpha, peer = make_node("alpha"), make_node("peer").repo
    cfg = alpha.config()
    store = state.StateDir(cfg.state_path)
    put(peer, "beta", ERRORS, ["one"])
    push(peer, "beta")
    pull(alpha.repo)
    if not first:
        tally.counts(cfg, store)
        put(peer, "beta", ERRORS, ["two"])
        push(peer, "beta learned")
        pull(alpha.repo)
    text = "one" if first else "two"
    shard = layout.shard_name(pattern(ERRORS, text, "beta").id)
    layout.shard_file(alpha.repo, ERRORS, "beta", shard).write_bytes(b"")
    assert tally.counts(cfg, store).merged[ERRORS] == (0 if first else 1)
    git(alpha.repo, "checkout", "--", "data")
    assert worktree(alpha.repo) == set()
    assert compare(cfg, every_id(alpha.repo)).index.worktree == []
