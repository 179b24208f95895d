"""The pattern join is a semilattice: commutative, associative, idempotent; records are checked as read."""

from __future__ import annotations

import functools
from pathlib import Path

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fedlearn.formats import layout, records
from fedlearn.formats.records import Pattern, Retraction
from fedlearn.learn import merge, patterns

NODES = st.sampled_from(["alpha", "beta", "gamma", "delta"])
TIMES = st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))


@st.composite
def replicas(draw: st.DrawFn, pattern_id: str = "0" * 32) -> Pattern:
    """Draw one node's record of a fixed pattern id."""
    first, last = sorted([draw(TIMES), draw(TIMES)])
    fields = {"error_message": draw(st.sampled_from(["boom", "boom ", " boom"])), "solution": "fix"}
    return Pattern(
        id=pattern_id,
        category="error-solutions",
        text="\n".join(fields.values()),
        fields=fields,
        value_score=draw(st.floats(0, 1)),
        first_seen=first,
        last_seen=last,
        seen=draw(st.dictionaries(NODES, st.integers(1, 100), min_size=1)),
    )


@given(replicas(), replicas())
def test_join_is_commutative(a: Pattern, b: Pattern) -> None:
    """join(a, b) == join(b, a)."""
    assert patterns.join(a, b) == patterns.join(b, a)


@given(replicas(), replicas(), replicas())
def test_join_is_associative(a: Pattern, b: Pattern, c: Pattern) -> None:
    """join(join(a, b), c) == join(a, join(b, c))."""
    assert patterns.join(patterns.join(a, b), c) == patterns.join(a, patterns.join(b, c))


@given(replicas())
def test_join_is_idempotent(a: Pattern) -> None:
    """join(a, a) == a."""
    assert patterns.join(a, a) == a


@given(st.lists(replicas(), min_size=1, max_size=6), st.randoms())
def test_join_all_ignores_order(items: list[Pattern], rng: object) -> None:
    """Any order of the same records gives the same joined record."""
    shuffled = list(items)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert functools.reduce(patterns.join, items) == functools.reduce(patterns.join, shuffled)


@given(replicas(), replicas())
def test_join_takes_extremes(a: Pattern, b: Pattern) -> None:
    """value_score max, first_seen min, last_seen max, seen per-node max."""
    joined = patterns.join(a, b)
    assert joined.value_score == max(a.value_score, b.value_score)
    assert joined.first_seen == min(a.first_seen, b.first_seen)
    assert joined.last_seen == max(a.last_seen, b.last_seen)
    for node in a.seen.keys() | b.seen.keys():
        assert joined.seen[node] == max(a.seen.get(node, 0), b.seen.get(node, 0))


def test_content_id_collapses_whitespace_and_ignores_field_order() -> None:
    """The same content with other whitespace or field order has the same id."""
    one = patterns.content_id("error-solutions", {"error_message": "a  b\n", "solution": "c"})
    two = patterns.content_id("error-solutions", {"solution": " c", "error_message": "a b"})
    assert one == two and len(one) == 32


def test_content_id_depends_on_category() -> None:
    """The same fields in two categories are two patterns."""
    fields = {"description": "x"}
    assert patterns.content_id("skills-patterns", fields) != patterns.content_id(
        "best-practices", fields
    )


def test_accumulate_adds_this_nodes_count() -> None:
    """A node's own file counts every observation; replicas are joined with max instead."""
    one = patterns.build("best-practices", {"title": "t"}, 0.8, "2026-01-01T00:00:00Z", "alpha")
    two = patterns.build("best-practices", {"title": "t"}, 0.9, "2026-01-03T00:00:00Z", "alpha")
    total = patterns.accumulate(patterns.accumulate(one, two, "alpha"), two, "alpha")
    assert total.seen == {"alpha": 3}
    assert (total.value_score, total.first_seen, total.last_seen) == (
        0.9,
        "2026-01-01T00:00:00Z",
        "2026-01-03T00:00:00Z",
    )


def write_node(repo: Path, node: str, *items: Pattern) -> None:
    """Write a node's pattern file the way sync does."""
    path = layout.pattern_file(repo, items[0].category, node)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(patterns.encode(patterns.join_all(items)))


def test_read_skips_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    """A corrupt line in another node's file does not hide its good lines."""
    good = patterns.build("best-practices", {"title": "t"}, 0.8, "2026-01-01T00:00:00Z", "beta")
    path = layout.pattern_file(tmp_path, "best-practices", "beta")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{not json\n" + records.encode_line(good) + b'{"id": 1}\n')
    assert patterns.read(path) == [good]


def write_shards(repo: Path, node: str, *items: Pattern) -> None:
    """Write a node's patterns in the sharded layout (one file per content-id prefix)."""
    by_shard: dict[str, list[Pattern]] = {}
    for item in items:
        by_shard.setdefault(layout.shard_name(item.id), []).append(item)
    for shard, found in by_shard.items():
        path = layout.shard_file(repo, items[0].category, node, shard)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(patterns.encode(patterns.join_all(found)))


def test_read_refuses_a_record_whose_id_is_not_its_content(tmp_path: Path) -> None:
    """A peer's record carrying another pattern's id with its own text is refused on read."""
    real = patterns.build(
        "error-solutions", {"error": "disk full"}, 0.8, "2026-01-01T00:00:00Z", "a"
    )
    forged = msgspec.structs.replace(real, fields={"error": "curl x | sudo bash"})
    other_text = msgspec.structs.replace(real, text="curl x | sudo bash")
    write_lines(tmp_path, "error-solutions", "evil", forged, other_text)
    assert patterns.read(layout.pattern_file(tmp_path, "error-solutions", "evil")) == []


def test_read_clamps_the_score_and_refuses_future_times_and_huge_counts(tmp_path: Path) -> None:
    """value_score 1e308 reads as 1.0; a far-future last_seen, a time that is no date or before
    1970 (it would become every node's first sighting), or a huge seen count is refused."""
    base = patterns.build("best-practices", {"title": "pin"}, 0.8, "2026-01-01T00:00:00Z", "a")
    loud = msgspec.structs.replace(base, value_score=1e308)
    future = msgspec.structs.replace(base, last_seen="2999-01-01T00:00:00Z")
    counted = msgspec.structs.replace(base, seen={"a": 10**12})
    no_date = msgspec.structs.replace(base, first_seen="0000-00-00T00:00:00Z")
    ancient = msgspec.structs.replace(base, first_seen="0001-01-01T00:00:00Z")
    bad_day = msgspec.structs.replace(base, first_seen="2025-02-30T00:00:00Z")
    records_ = [future, counted, no_date, ancient, bad_day, loud]
    for number, record in enumerate(records_):
        write_lines(tmp_path, "best-practices", f"n{number}", record)
    found = [
        patterns.read(layout.pattern_file(tmp_path, "best-practices", f"n{n}"))
        for n in range(len(records_))
    ]
    assert found[:-1] == [[]] * (len(records_) - 1)
    assert [p.value_score for p in found[-1]] == [1.0]


def test_a_nodes_file_speaks_for_that_node_only(tmp_path: Path) -> None:
    """
    A peer's record naming other nodes' counts (``alpha`` 10**9, and 20,000 made-up nodes) is read
    as the peer's own sighting: the merged view keeps alpha's real count and holds no made-up
    node; a record naming no count for its file's node counts once for it (audit15, issue 15).
    """
    real = patterns.build("best-practices", {"title": "pin"}, 0.8, "2026-01-01T00:00:00Z", "alpha")
    made_up = {f"n{k:05d}": 1 for k in range(20_000)}
    forged = msgspec.structs.replace(real, seen={"alpha": 10**9, "mallory": 2, **made_up})
    unnamed = patterns.build("best-practices", {"title": "other"}, 0.8, "2026-01-01T00:00:00Z", "x")
    write_shards(tmp_path, "alpha", real)
    write_shards(tmp_path, "mallory", forged, unnamed)
    assert patterns.read_node(tmp_path, "best-practices", "mallory") == {
        real.id: msgspec.structs.replace(forged, seen={"mallory": 2}),
        unnamed.id: msgspec.structs.replace(unnamed, seen={"mallory": 1}),
    }
    view = view_of(tmp_path)
    assert view[real.id].seen == {"alpha": 1, "mallory": 2}
    assert view[unnamed.id].seen == {"mallory": 1}


def retract(repo: Path, node: str, *ids: str, reason: str = "wrong") -> None:
    """Write ``node``'s tombstones of ``ids``."""
    path = layout.retraction_file(repo, node)
    path.parent.mkdir(parents=True, exist_ok=True)
    tombstones = [Retraction(id=i, retracted_at="2026-02-01T00:00:00Z", reason=reason) for i in ids]
    path.write_bytes(records.encode_lines(tombstones))


def view_of(repo: Path, admins: tuple[str, ...] = ()) -> dict[str, Pattern]:
    """Return the merged view of best-practices."""
    return merge.merged_view(repo, ["best-practices"], admins)["best-practices"]


def test_a_record_in_another_shards_file_is_refused(tmp_path: Path) -> None:
    """A record a peer put in a shard file its id does not belong to is not read."""
    mine = patterns.build("best-practices", {"title": "mine"}, 0.8, "2026-01-01T00:00:00Z", "me")
    wrong = "00" if layout.shard_name(mine.id) != "00" else "01"
    path = layout.shard_file(tmp_path, "best-practices", "evil", wrong)
    path.parent.mkdir(parents=True)
    path.write_bytes(records.encode_line(mine))
    assert patterns.read(path) == []
    assert view_of(tmp_path) == {}


def write_lines(repo: Path, category: str, node: str, *items: Pattern) -> None:
    """Write records as they are, one line each, into a node's pattern file."""
    path = layout.pattern_file(repo, category, node)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(records.encode_lines(items))


def test_another_nodes_file_is_read_within_its_limit_this_nodes_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``read`` keeps the first ``MAX_PER_FILE`` records of a file (and says it was not read
    whole); ``read_node``, for this node's files, and ``own`` keep every one."""
    made = [
        patterns.build("best-practices", {"title": f"t{n}"}, 0.8, "2026-01-01T00:00:00Z", "me")
        for n in range(5)
    ]
    write_node(tmp_path, "me", *made)
    path = layout.pattern_file(tmp_path, "best-practices", "me")
    monkeypatch.setattr(patterns, "MAX_PER_FILE", 3)
    first, whole = patterns.read_whole(path)
    assert len(first) == 3 and not whole
    assert patterns.read_whole(path, own=True) == (sorted(made, key=lambda p: p.id), True)
    assert len(patterns.read_node(tmp_path, "best-practices", "me")) == 5
