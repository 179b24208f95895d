"""The shared job results: a run record's stored builtins decode back into the struct, or to None."""

from __future__ import annotations

import msgspec

from fedlearn.formats import results


def import_result() -> results.ImportResult:
    """Return an import's result with one collection and one refusal."""
    counts = results.CollectionImport(imported=3, skipped=2, failed=1, reembedded=4)
    return results.ImportResult(
        collections={"skills-patterns": counts},
        imported=3,
        updated=0,
        skipped=2,
        failed=1,
        deleted=0,
        set_aside=0,
        reembedded=4,
        refused=[results.SnapshotRefusal("data/collections/x/a/1.jsonl", "sha256 does not match")],
        skipped_snapshots=[
            results.SnapshotRefusal("data/collections/x/b/1.jsonl", "no manifest", "abc1234")
        ],
        quarantined=0,
        quarantine="",
        read="changed",
        commit="0" * 40,
    )


def test_a_stored_result_decodes_back_into_the_same_struct() -> None:
    """What the run record stores (msgspec.to_builtins) is read back field for field."""
    result = import_result()
    stored = msgspec.json.decode(msgspec.json.encode(msgspec.to_builtins(result)))
    assert results.decoded(stored, results.ImportResult) == result


def test_a_record_from_before_skipped_snapshots_decodes_with_none_skipped() -> None:
    """An import's run record stored before ``skipped_snapshots`` existed still reads back."""
    stored = msgspec.to_builtins(import_result())
    del stored["skipped_snapshots"]
    found = results.decoded(stored, results.ImportResult)
    assert found is not None and found.skipped_snapshots == []


def test_a_record_that_is_not_the_result_decodes_to_none() -> None:
    """A failed run's empty record, or one of another shape, is not an ImportResult."""
    assert results.decoded({}, results.ImportResult) is None
    stored = msgspec.to_builtins(import_result())
    assert results.decoded(stored | {"imported": "three"}, results.ImportResult) is None
    assert results.decoded(stored | {"collections": []}, results.ImportResult) is None


def test_sync_result_keeps_the_answer_s_key_order() -> None:
    """--json prints a result's fields in their declared order: node first, files last."""
    encoded = msgspec.to_builtins(results.SyncResult(node="alpha"))
    keys = list(encoded)
    assert keys[0] == "node" and keys[-1] == "files"
    assert list(encoded["fine_tuning"]) == ["rejected", "new", "duplicate", "total"]
