"""The metrics read the last import's run record as an ImportResult."""

from __future__ import annotations

from typing import Any

import msgspec

from fedlearn.report import prometheus
from fedlearn.store import runs
from tests.formats.test_results import import_result


def record(summary: dict[str, Any]) -> runs.History:
    """Return the history of one finished import with ``summary`` stored."""
    at = "2026-01-02T03:04:05Z"
    run = runs.Run(
        job="import",
        state="ok",
        started_at=at,
        finished_at=at,
        duration_seconds=1.0,
        summary=summary,
    )
    return runs.History(last=run, success=run, work=run)


def test_import_points_come_from_the_stored_result() -> None:
    """Each collection's imported, skipped and failed points, from the recorded result."""
    histories = {"import": record(msgspec.to_builtins(import_result()))}
    assert prometheus.import_points(histories) == {
        ("skills-patterns", "imported"): 3,
        ("skills-patterns", "skipped"): 2,
        ("skills-patterns", "failed"): 1,
    }


def test_import_points_are_empty_without_a_fitting_record() -> None:
    """No import yet, a failed run's empty record, or a record of another shape: no samples."""
    assert prometheus.import_points({}) == {}
    assert prometheus.import_points({"import": runs.History()}) == {}
    assert prometheus.import_points({"import": record({})}) == {}
    assert prometheus.import_points({"import": record({"collections": {"x": 3}})}) == {}
