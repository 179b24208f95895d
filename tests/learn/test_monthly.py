"""Monthly totals: a run's counts are added in key by key; sizes (totals) never add up."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from fedlearn.learn import monthly

NUMBER = st.integers(min_value=0, max_value=1000)
TABLE = st.dictionaries(st.sampled_from(["a", "b", "c"]), NUMBER, max_size=3)
# Runs of one job share a shape: the same keys hold numbers, or tables of numbers.
COUNTS = st.fixed_dictionaries(
    {},
    optional={
        "events_read": NUMBER,
        "bad_lines": TABLE,
        "patterns": st.dictionaries(st.sampled_from(["x", "y"]), TABLE, max_size=2),
    },
)


def test_add_counts_adds_numbers_and_nested_tables() -> None:
    """Numbers add up and nested tables add key by key, sorted."""
    total = {"events_read": 10, "bad_lines": {"invalid-json": 1}}
    more = {"events_read": 5, "bad_lines": {"too-long": 2, "invalid-json": 1}, "node": "x"}
    assert monthly.add_counts(total, more) == {
        "bad_lines": {"invalid-json": 2, "too-long": 2},
        "events_read": 15,
    }


@given(a=COUNTS, b=COUNTS)
def test_add_counts_is_commutative(a: dict[str, object], b: dict[str, object]) -> None:
    """The order two runs are added in does not change the totals."""
    assert monthly.add_counts(a, b) == monthly.add_counts(b, a)


def test_without_totals_drops_every_total_entry() -> None:
    """``total`` entries are sizes, not events, and leave the counts at every depth."""
    counts = {"patterns": {"skills": {"new": 1, "total": 9}}, "total": 3, "events_read": 4}
    assert monthly.without_totals(counts) == {"patterns": {"skills": {"new": 1}}, "events_read": 4}


def test_updated_counts_syncs_and_keeps_the_previous_totals() -> None:
    """Each update adds one sync and the run's counts to what the month file held."""
    first = monthly.updated(None, "n1", "2026-12", {"events_read": 3}, "2026-12-01T00:00:00Z")
    second = monthly.updated(first, "n1", "2026-12", {"events_read": 4}, "2026-12-02T00:00:00Z")
    document = json.loads(second)
    assert document["totals"] == {"events_read": 7, "syncs": 2}
    assert document["last_sync"] == "2026-12-02T00:00:00Z"
    assert (document["node"], document["month"], document["schema"]) == ("n1", "2026-12", 1)


def test_updated_starts_over_from_a_damaged_month_file() -> None:
    """A month file that is not JSON is replaced by this run's counts rather than failing sync."""
    document = json.loads(monthly.updated(b"{not json", "n1", "2026-12", {"x": 1}, "t"))
    assert document["totals"] == {"syncs": 1, "x": 1}
