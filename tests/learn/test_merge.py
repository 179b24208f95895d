"""The merged view: every node's records joined, withdrawn records left out, retractions judged."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from fedlearn.formats import layout, records
from fedlearn.formats.records import Retraction
from fedlearn.learn import merge, pattern_cache, patterns, withdrawals
from fedlearn.store import peer_files, refusal_log
from tests.learn.test_patterns import retract, view_of, write_node, write_shards


def test_merged_view_joins_nodes_and_drops_retracted(tmp_path: Path) -> None:
    """Two nodes' files join by id; a retraction from a node that has seen the pattern removes it."""
    shared_a = patterns.build(
        "best-practices", {"title": "pin"}, 0.8, "2026-01-01T00:00:00Z", "alpha"
    )
    shared_b = patterns.build(
        "best-practices", {"title": "pin"}, 0.9, "2026-01-02T00:00:00Z", "beta"
    )
    gone = patterns.build(
        "best-practices", {"title": "bad advice"}, 0.9, "2026-01-02T00:00:00Z", "beta"
    )
    write_node(tmp_path, "alpha", shared_a)
    write_node(tmp_path, "beta", shared_b, gone)
    tombstone = Retraction(id=gone.id, retracted_at="2026-02-01T00:00:00Z", reason="wrong")
    layout.retraction_file(tmp_path, "beta").parent.mkdir(parents=True)
    layout.retraction_file(tmp_path, "beta").write_bytes(records.encode_line(tombstone))
    view = merge.merged_view(tmp_path, ["best-practices"])["best-practices"]
    assert list(view) == [shared_a.id]
    assert view[shared_a.id].seen == {"alpha": 1, "beta": 1}
    assert view[shared_a.id].value_score == 0.9


def test_merged_view_reads_both_layouts_and_only_the_shards_asked_for(tmp_path: Path) -> None:
    """An old-layout node and a sharded node join as before; ``shards`` limits what is read."""
    made = [
        patterns.build("best-practices", {"title": f"t{n}"}, 0.8, "2026-01-01T00:00:00Z", "alpha")
        for n in range(40)
    ]
    write_node(tmp_path, "beta", *made[:20])
    write_shards(tmp_path, "alpha", *made)
    whole = merge.merged_view(tmp_path, ["best-practices"])["best-practices"]
    assert sorted(whole) == sorted(p.id for p in made)
    one = layout.shard_name(made[30].id)
    part = merge.merged_view(tmp_path, ["best-practices"], shards={"best-practices": {one}})
    assert sorted(part["best-practices"]) == sorted(
        p.id for p in made if layout.shard_name(p.id) == one
    )
    assert all(part["best-practices"][i] == whole[i] for i in part["best-practices"])
    files = layout.pattern_files(tmp_path, "best-practices", {one})
    assert files == sorted(
        [
            layout.pattern_file(tmp_path, "best-practices", "beta"),
            layout.shard_file(tmp_path, "best-practices", "alpha", one),
        ]
    )


def test_a_tombstone_withdraws_only_its_own_nodes_record(tmp_path: Path) -> None:
    """
    A peer that copies a node's pattern into its own file and tombstones it takes away its own
    copy only: the view keeps the node's record, nothing is effective, doctor's list names it;
    the same tombstone from an admin removes the id everywhere.
    """
    mine = patterns.build("best-practices", {"title": "mine"}, 0.8, "2026-01-01T00:00:00Z", "me")
    claim = msgspec.structs.replace(mine, value_score=1.0, seen={"evil": 5})
    write_shards(tmp_path, "me", mine)
    write_shards(tmp_path, "evil", claim)
    retract(tmp_path, "evil", mine.id)
    assert view_of(tmp_path) == {mine.id: mine}
    retractions = merge.read_retractions(tmp_path)
    assert not retractions.withdraws("me", mine.id) and retractions.withdraws("evil", mine.id)
    assert withdrawals.effective(tmp_path, retractions) == {}
    assert withdrawals.withheld(tmp_path, retractions) == {"evil": {mine.id: ["me"]}}
    assert view_of(tmp_path, admins=("evil",)) == {}
    admins = merge.read_retractions(tmp_path, ["evil"])
    assert list(withdrawals.effective(tmp_path, admins)) == [mine.id]
    assert withdrawals.withheld(tmp_path, admins) == {}


def test_an_id_leaves_every_view_once_every_holder_withdrew_it(tmp_path: Path) -> None:
    """
    Held by two nodes, an id stays while one of them has retracted it (with the other's record
    only), leaves when both have, and comes back with a third node that learns it later.
    """
    made = [
        patterns.build(
            "best-practices", {"title": "pin"}, 0.5 + n / 10, f"2026-01-0{n}T00:00:00Z", node
        )
        for n, node in ((1, "alpha"), (2, "beta"), (3, "gamma"))
    ]
    write_shards(tmp_path, "alpha", made[0])
    write_shards(tmp_path, "beta", made[1])
    retract(tmp_path, "alpha", made[0].id)
    assert view_of(tmp_path) == {made[1].id: made[1]}
    retract(tmp_path, "beta", made[0].id)
    assert view_of(tmp_path) == {}
    gone = withdrawals.effective(tmp_path, merge.read_retractions(tmp_path))
    assert list(gone) == [made[0].id]
    write_shards(tmp_path, "gamma", made[2])
    assert view_of(tmp_path) == {made[2].id: made[2]}
    assert withdrawals.effective(tmp_path, merge.read_retractions(tmp_path)) == {}


def test_a_rekeyed_tombstone_withdraws_nothing_and_clears_an_id_no_node_holds(
    tmp_path: Path,
) -> None:
    """
    A re-key's tombstone never takes a record out of the view (not even an admin's), and is
    effective (its Qdrant point goes) only once no node's files hold the id.
    """
    mine = patterns.build("best-practices", {"title": "old"}, 0.8, "2026-01-01T00:00:00Z", "me")
    write_shards(tmp_path, "me", mine)
    retract(tmp_path, "me", mine.id, reason=f"{withdrawals.REKEYED} moved")
    retract(tmp_path, "boss", mine.id, reason=f"{withdrawals.REKEYED} moved")
    assert view_of(tmp_path, admins=("boss",)) == {mine.id: mine}
    assert withdrawals.effective(tmp_path, merge.read_retractions(tmp_path, ["boss"])) == {}
    for path in layout.node_pattern_files(tmp_path, "best-practices", "me"):
        path.unlink()
    assert list(withdrawals.effective(tmp_path, merge.read_retractions(tmp_path))) == [mine.id]


def test_a_sharded_node_that_holds_the_pattern_retracts_it(tmp_path: Path) -> None:
    """A node whose shard holds the pattern (not only one whose old ``<node>.jsonl`` does) takes
    it out of the view by retracting it, even when the record's ``seen`` does not name it."""
    mine = patterns.build("best-practices", {"title": "mine"}, 0.8, "2026-01-01T00:00:00Z", "x")
    write_shards(tmp_path, "me", mine)
    retract(tmp_path, "me", mine.id)
    assert list(withdrawals.effective(tmp_path, merge.read_retractions(tmp_path))) == [mine.id]
    assert view_of(tmp_path) == {}


def test_retractions_read_within_limits_this_nodes_own_whole_and_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Issue 15 (bounded everything): with 2 tombstones per node and 3 from peers in all, this
    node's 5 are read whole, then the admin's, then the other peers' by name: each peer file
    past a limit is refused once, naming it and the limit, and the files after the total are
    not read; the retractions of this node still withdraw its records.
    """
    peer_files.forget()
    monkeypatch.setattr(merge, "MAX_RETRACTIONS_PER_NODE", 2)
    monkeypatch.setattr(merge, "MAX_PEER_RETRACTIONS", 3)
    ids = [f"{n:032x}" for n in range(5)]
    for node in ("me", "zz-admin", "aa", "bb", "cc"):
        retract(tmp_path, node, *ids)
    found = merge.read_tombstones(tmp_path, "me", ["zz-admin"])
    assert {node: [t.id for t in kept] for node, kept in found.items()} == {
        "me": ids,
        "zz-admin": ids[:2],
        "aa": ids[:1],
    }
    refused = {r.path: r.reason for r in refusal_log.refusals()}
    assert sorted(refused) == ["data/retractions/aa.jsonl", "data/retractions/zz-admin.jsonl"]
    assert "only its first 2 records read" in refused["data/retractions/zz-admin.jsonl"]
    assert "the limit of 3 tombstones" in refused["data/retractions/aa.jsonl"]
    assert "merge.MAX_PEER_RETRACTIONS" in refused["data/retractions/aa.jsonl"]
    retractions = merge.read_retractions(tmp_path, (), "me")
    assert all(retractions.withdraws("me", i) for i in ids)
    peer_files.forget()


def test_the_merged_view_keeps_at_most_its_limit_of_peers_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    With ``MAX_PEER_PATTERNS`` at 4 and ``patterns.MAX_PER_FILE`` at 3: this node's 5 records
    are all in the view; of the peers' old-layout files, 3 of aa's 5 (refused, naming the limit
    of a file), 1 of bb's 2 (refused, naming the total's limit), none of cc's (not read, not
    named); the same files without limits give all of them.
    """
    peer_files.forget()
    sizes = {"me": 5, "aa": 5, "bb": 2, "cc": 2}
    made = {
        node: [
            patterns.build(
                "best-practices", {"title": f"{node} {n}"}, 0.8, "2026-01-01T00:00:00Z", node
            )
            for n in range(size)
        ]
        for node, size in sizes.items()
    }
    for node, items in made.items():
        write_node(tmp_path, node, *items)
    assert len(merge.merged_view(tmp_path, ["best-practices"])["best-practices"]) == 14
    peer_files.forget()
    monkeypatch.setattr(merge, "MAX_PEER_PATTERNS", 4)
    monkeypatch.setattr(patterns, "MAX_PER_FILE", 3)
    view = merge.merged_view(tmp_path, ["best-practices"], node="me")["best-practices"]
    held = {node: {p.id for p in items} & set(view) for node, items in made.items()}
    assert {node: len(ids) for node, ids in held.items()} == {"me": 5, "aa": 3, "bb": 1, "cc": 0}
    refused = {r.path: r.reason for r in refusal_log.refusals()}
    folder = "data/patterns/best-practices"
    assert sorted(refused) == [f"{folder}/aa.jsonl", f"{folder}/bb.jsonl"]
    assert refused[f"{folder}/aa.jsonl"].startswith("only its first 3 records read")
    assert "the limit of 4 pattern records" in refused[f"{folder}/bb.jsonl"]
    assert "merge.MAX_PEER_PATTERNS" in refused[f"{folder}/bb.jsonl"]
    peer_files.forget()


def test_shard_views_chained_are_the_merged_view_each_file_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Sharded nodes, an old-layout node and a withdrawn record: the shard views, ascending and
    chained, are the whole merged view in order; each file is read once, the old one too.
    """
    made = [
        patterns.build("best-practices", {"title": f"t{n}"}, 0.8, "2026-01-01T00:00:00Z", "alpha")
        for n in range(60)
    ]
    write_shards(tmp_path, "alpha", *made[:40])
    write_shards(tmp_path, "beta", *made[20:])
    write_node(tmp_path, "gamma", *made[10:30])
    retract(tmp_path, "beta", made[50].id)  # beta's alone: gone
    retract(tmp_path, "gamma", made[12].id)  # alpha holds it too: stays
    read: list[Path] = []
    real = patterns.read_whole

    def counted(path: Path, **kwargs: object) -> object:
        read.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(patterns, "read_whole", counted)
    whole = view_of(tmp_path)
    assert made[50].id not in whole and made[12].id in whole
    read.clear()
    retractions = merge.read_retractions(tmp_path)
    views = list(merge.shard_views(tmp_path, "best-practices", retractions))
    assert [shard for shard, _ in views] == sorted({layout.shard_name(i) for i in whole})
    chained = [item for _, view in views for item in view.items()]
    assert chained == list(whole.items())
    assert sorted(read) == layout.pattern_files(tmp_path, "best-practices")
    one = layout.shard_name(made[30].id)
    part = list(merge.shard_views(tmp_path, "best-practices", retractions, {one}))
    assert part == [(one, {i: p for i, p in whole.items() if layout.shard_name(i) == one})]


def test_shard_views_are_read_as_asked_for_and_the_cache_holds_one_shard(
    tmp_path: Path,
) -> None:
    """
    Nothing is read before the first view is asked for, one shard's files per view; the cache
    saves each shard's group and lets it go, and a second read from it gives the same views.
    """
    made = [
        patterns.build("best-practices", {"title": f"t{n}"}, 0.8, "2026-01-01T00:00:00Z", "alpha")
        for n in range(30)
    ]
    write_shards(tmp_path, "alpha", *made)
    write_shards(tmp_path, "beta", *made[::2])
    cache = pattern_cache.Cache(tmp_path / "cache", racy=0)
    retractions = merge.read_retractions(tmp_path)
    views = merge.shard_views(tmp_path, "best-practices", retractions, cache=cache)
    assert cache.groups == {}
    first: list[tuple[str, dict[str, patterns.Pattern]]] = []
    for shard, view in views:
        assert set(cache.groups) <= {("best-practices", pattern_cache.OLD)}
        first.append((shard, view))
    assert len(first) == len({layout.shard_name(p.id) for p in made})
    assert (tmp_path / "cache" / "best-practices" / f"{first[0][0]}.msgpack").is_file()
    again = pattern_cache.Cache(tmp_path / "cache", racy=0)
    reader_calls: list[Path] = []
    real = merge.FileReader.__call__

    def counted(self: merge.FileReader, path: Path) -> tuple[list[patterns.Pattern], bool]:
        reader_calls.append(path)
        return real(self, path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merge.FileReader, "__call__", counted)
        assert (
            list(merge.shard_views(tmp_path, "best-practices", retractions, cache=again)) == first
        )
    assert reader_calls == []


def test_shard_views_keep_the_peers_limit_per_shard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    With ``MAX_PEER_PATTERNS`` at the most records any one shard holds, one read of the whole
    category is cut by it, and the shard views, one read each, hold every record.
    """
    peer_files.forget()
    made = [
        patterns.build("best-practices", {"title": f"t{n}"}, 0.8, "2026-01-01T00:00:00Z", "alpha")
        for n in range(60)
    ]
    write_shards(tmp_path, "alpha", *made)
    write_shards(tmp_path, "beta", *made[::3])
    whole = view_of(tmp_path)
    files = layout.pattern_files(tmp_path, "best-practices")
    per_shard: dict[str, int] = {}
    for path in files:
        per_shard[path.stem] = per_shard.get(path.stem, 0) + len(patterns.read(path))
    monkeypatch.setattr(merge, "MAX_PEER_PATTERNS", max(per_shard.values()))
    cut = merge.merged_view(tmp_path, ["best-practices"], node="me")["best-practices"]
    assert len(cut) < len(whole)
    peer_files.forget()
    retractions = merge.read_retractions(tmp_path)
    views = merge.shard_views(tmp_path, "best-practices", retractions, node="me")
    assert [item for _, view in views for item in view.items()] == list(whole.items())
    assert refusal_log.refusals() == []


def test_read_tombstone_file_says_whether_every_line_was_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A tombstone dated ahead of the clock is left out and the file is not whole; a peer's file is
    cut at ``MAX_RETRACTIONS_PER_NODE``, this node's own is not; ``collect`` keeps a node's
    earliest tombstone of an id.
    """
    peer_files.forget()
    path = layout.retraction_file(tmp_path, "beta")
    path.parent.mkdir(parents=True)
    good = Retraction(id="a" * 32, retracted_at="2026-01-01T00:00:00Z", reason="x")
    other = Retraction(id="c" * 32, retracted_at="2026-01-01T00:00:00Z", reason="x")
    ahead = Retraction(id="b" * 32, retracted_at="2999-01-01T00:00:00Z", reason="x")
    path.write_bytes(records.encode_lines([good, other]))
    assert merge.read_tombstone_file(tmp_path, path, own=False) == ([good, other], True)
    monkeypatch.setattr(merge, "MAX_RETRACTIONS_PER_NODE", 1)
    assert merge.read_tombstone_file(tmp_path, path, own=False) == ([good], False)
    assert merge.read_tombstone_file(tmp_path, path, own=True) == ([good, other], True)
    path.write_bytes(records.encode_lines([good, ahead]))
    assert merge.read_tombstone_file(tmp_path, path, own=True) == ([good], False)
    assert merge.read_tombstone_file(tmp_path, path.with_name("gone.jsonl"), own=True) == (
        None,
        False,
    )
    kept = withdrawals.collect({"beta": [good, msgspec.structs.replace(good, reason="a")]})
    assert kept.by_id == {good.id: {"beta": msgspec.structs.replace(good, reason="a")}}
    peer_files.forget()
