"""Sources stage: the sources of a collection merged in snapshot order, the earlier one first."""

from __future__ import annotations

import gc
import uuid
from pathlib import Path

import msgspec
import pytest

from fedlearn import config
from fedlearn.formats import layout, records
from fedlearn.learn import merge, patterns
from fedlearn.vectors import import_changes, import_patterns, import_plan, import_sources, points
from tests.learn.test_patterns import write_node, write_shards


def source(label: str, ids: list[int | str]) -> import_sources.Source:
    """Return a source of points with ``ids`` (in snapshot order), each text naming the source."""
    entries = iter([(records.Point(id=i, payload={}), f"{label} {i}") for i in ids])
    return import_sources.Source(collection="c", label=label, count=len(ids), entries=entries)


def built(category: str, node: str, count: int) -> list[records.Pattern]:
    """Return ``count`` distinct patterns of ``category`` seen by ``node``."""
    return [
        patterns.build(category, {"title": f"t{n}"}, 0.8, "2026-01-01T00:00:00Z", node)
        for n in range(count)
    ]


def one_shard(category: str, node: str, count: int) -> tuple[str, list[records.Pattern]]:
    """Return the shard of the first of ``count`` built patterns, and those of them it holds."""
    made = built(category, node, count)
    shard = layout.shard_name(made[0].id)
    return shard, [p for p in made if layout.shard_name(p.id) == shard]


def test_merged_yields_points_in_id_order_and_a_shared_id_from_each_source_in_turn() -> None:
    """Integers first, then UUIDs; an id in two sources comes from the earlier one first."""
    low, high = str(uuid.UUID(int=1)), str(uuid.UUID(int=2))
    first = source("first", [3, 9, high])
    second = source("second", [1, 3, low, high])
    merged = [(s.label, p.id, text) for s, p, text in import_sources.merged([first, second])]
    assert merged == [
        ("second", 1, "second 1"),
        ("first", 3, "first 3"),
        ("second", 3, "second 3"),
        ("first", 9, "first 9"),
        ("second", low, f"second {low}"),
        ("first", high, f"first {high}"),
        ("second", high, f"second {high}"),
    ]


def test_merged_of_no_sources_is_empty() -> None:
    """A collection without sources merges to nothing."""
    assert list(import_sources.merged([])) == []


def test_the_view_holds_the_ids_of_the_changed_files_joined_over_every_node(
    tmp_path: Path,
) -> None:
    """
    Only the ids a changed shard file holds are read into the view, each the join over every
    node's files; the other ids of the same shard (present in Qdrant already) are left out.
    """
    category = "best-practices"
    shard, same = one_shard(category, "alpha", 300)
    assert len(same) >= 2
    for node, items in (("alpha", same), ("beta", same[:1])):
        path = layout.shard_file(tmp_path, category, node, shard)
        path.parent.mkdir(parents=True)
        joined = patterns.join_all(msgspec.structs.replace(p, seen={node: 2}) for p in items)
        path.write_bytes(patterns.encode(joined))
    changed = {
        layout.shard_file(tmp_path, category, "beta", shard).relative_to(tmp_path).as_posix()
    }
    shards = import_changes.changed_shards(tmp_path, changed, [category])
    assert shards is not None
    ids = import_changes.changed_ids(tmp_path, changed, shards)
    assert ids == {category: {same[0].id}}
    view = merge.merged_view(tmp_path, [category], (), shards, ids=ids)[category]
    assert list(view) == [same[0].id]
    assert view[same[0].id] == merge.merged_view(tmp_path, [category])[category][same[0].id]
    assert view[same[0].id].seen == {"alpha": 2, "beta": 2}
    mark = import_changes.Mark(commit="", scope="")
    changes = import_changes.Changes(now=mark, last=None, paths=frozenset(changed))
    table, _ = import_patterns.pattern_sources(
        tmp_path, changes, config.Sync(), config.Trust(), config.Embedding()
    )
    assert [source.count for source in table[category]] == [1]


def test_changed_files_with_more_ids_than_a_view_keeps_are_not_narrowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changed shard files holding more ids than ``merge.MAX_PEER_PATTERNS`` leave the category
    not narrowed (None): the ids are not all held, and the view's own limits bound what it
    reads; at the limit they are narrowed as before."""
    category = "best-practices"
    shard, same = one_shard(category, "beta", 600)
    path = layout.shard_file(tmp_path, category, "beta", shard)
    path.parent.mkdir(parents=True)
    path.write_bytes(patterns.encode(patterns.join_all(same)))
    changed = {path.relative_to(tmp_path).as_posix()}
    shards = {category: {shard}}
    monkeypatch.setattr(merge, "MAX_PEER_PATTERNS", len(same))
    assert import_changes.changed_ids(tmp_path, changed, shards) == {category: {p.id for p in same}}
    monkeypatch.setattr(merge, "MAX_PEER_PATTERNS", len(same) - 1)
    assert import_changes.changed_ids(tmp_path, changed, shards) == {category: None}


def test_plan_labels_name_every_source_of_every_collection() -> None:
    """The plan's labels are (collection, label) of each source it found, in any collection."""
    patterns = import_sources.Source("error-solutions", points.PATTERNS, 0, iter([]))
    snapshot = source("data/collections/skills/beta/20260101T000000Z.jsonl", [1])
    plan = import_plan.Plan(
        sources={"error-solutions": [patterns], snapshot.collection: [snapshot]},
        retracted=frozenset(),
        refused=[],
    )
    assert plan.labels() == {
        ("error-solutions", "patterns"),
        (snapshot.collection, snapshot.label),
    }


def alive_patterns() -> int:
    """Return how many pattern records are alive now (after a collection)."""
    gc.collect()
    return sum(isinstance(found, records.Pattern) for found in gc.get_objects())


def test_a_full_import_holds_one_shard_of_patterns_at_a_time(tmp_path: Path) -> None:
    """
    Three nodes' 400 patterns over ~200 shards (one of them in the old layout), read whole: the
    plan holds none of them but its first shard's, and while its entries are read no more than
    a few shards' records are alive; the points are the whole merged view, in point order.
    """
    category = "best-practices"
    made = built(category, "alpha", 400)
    write_shards(tmp_path, "alpha", *made[:250])
    write_shards(tmp_path, "beta", *made[150:])
    write_node(tmp_path, "gamma", *made[::50])
    expected = [
        (points.pattern_point_id(i), p.text)
        for i, p in merge.merged_view(tmp_path, [category])[category].items()
    ]
    del made
    base = alive_patterns()
    changes = import_changes.Changes(
        now=import_changes.Mark(commit="", scope=""), last=None, paths=None
    )
    table, _ = import_patterns.pattern_sources(
        tmp_path, changes, config.Sync(categories=[category]), config.Trust(), config.Embedding()
    )
    (found,) = table[category]
    assert alive_patterns() - base <= 20  # its first shard (and the old file's 8 records)
    got, most = [], 0
    for index, (point, text) in enumerate(found.entries):
        got.append((point.id, text))
        if index % 25 == 0:
            most = max(most, alive_patterns() - base)
    assert most <= 20
    assert got == expected
    assert found.count is None and found.rejected == 0
