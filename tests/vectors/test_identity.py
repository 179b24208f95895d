"""Embedder identity: what it holds, where it is kept, when import must read everything."""

from __future__ import annotations

from pathlib import Path

import msgspec

from fedlearn import config
from fedlearn.store import state
from fedlearn.vectors import identity, import_changes, import_reembed


def settings(tmp_path: Path, **embedding: object) -> config.Config:
    """Return a config with its state dir under ``tmp_path`` and these embedding keys."""
    table = {"state_dir": str(tmp_path / "state"), "embedding": {"dimension": 16, **embedding}}
    return config.finalize(config.structure(table))


def embedder_of(cfg: config.Config) -> tuple[config.Embedding, str]:
    """Return what ``identity.wanted`` reads of ``cfg``: its embedding settings and distance."""
    return cfg.embedding, cfg.qdrant.distance


def test_wanted_holds_everything_that_changes_the_vectors(tmp_path: Path) -> None:
    """Model, size, prefix and the collection's text fields each give another identity."""
    base = identity.wanted(*embedder_of(settings(tmp_path)), "code")
    assert base.model == "hash" and base.dimension == 16 and base.text_rule == "first-present"
    for change in (
        {"dimension": 32},
        {"document_prefix": "passage: "},
        {"collections": {"code": {"text_fields": ["content"]}}},
    ):
        assert identity.wanted(*embedder_of(settings(tmp_path, **change)), "code") != base
        assert identity.key(
            identity.wanted(*embedder_of(settings(tmp_path, **change)), "code")
        ) != identity.key(base)
    assert identity.wanted(*embedder_of(settings(tmp_path, query_prefix="q: ")), "code") == base


def test_metadata_round_trips_and_garbage_reads_as_none(tmp_path: Path) -> None:
    """An identity survives the metadata shape; anything else in the metadata is no identity."""
    found = identity.wanted(*embedder_of(settings(tmp_path)), "code")
    assert identity.from_metadata(identity.to_metadata(found)) == found
    assert identity.from_metadata({"fedlearn_identity": {"model": 3}}) is None
    assert identity.from_metadata(None) is None and identity.from_metadata({"other": 1}) is None


def test_remember_keeps_one_record_per_store_and_collection(tmp_path: Path) -> None:
    """Records are per Qdrant target and collection; None forgets one."""
    store = state.StateDir(tmp_path / "state")
    found = identity.wanted(*embedder_of(settings(tmp_path)), "code")
    identity.remember(store, "/a", "code", found)
    identity.remember(store, "/b", "code", found)
    assert identity.recorded(store, "/a", "code") == found
    identity.remember(store, "/a", "code", None)
    assert identity.recorded(store, "/a", "code") is None
    assert identity.recorded(store, "/b", "code") == found


def test_stale_reads_everything_for_a_changed_or_unrecorded_store_only(tmp_path: Path) -> None:
    """
    No record at all (a fedlearn before identities) or a record of another embedder: stale. A
    collection import never wrote (no record while others have one) is not.
    """
    cfg = settings(tmp_path)
    store = state.StateDir(cfg.state_path)
    mark = import_changes.Mark(commit="c", scope="s", collections=["code", "stack-only"])
    held = mark.collections
    where = str(cfg.state_path / "qdrant")
    assert import_reembed.stale(store, where, held, *embedder_of(cfg)) == "code, stack-only"
    identity.remember(store, where, "code", identity.wanted(*embedder_of(cfg), "code"))
    assert import_reembed.stale(store, where, held, *embedder_of(cfg)) == ""
    other = settings(tmp_path, document_prefix="passage: ")
    assert import_reembed.stale(store, where, held, *embedder_of(other)) == "code"
    assert msgspec.json.decode(identity.registry_file(store).read_bytes())


def test_report_says_per_collection_what_is_recorded_and_whether_it_is_current(
    tmp_path: Path,
) -> None:
    """
    Each name once: unrecorded is None; the identity the settings make is current; one recorded
    by another embedder (or at another store) is not.
    """
    cfg = settings(tmp_path)
    store = state.StateDir(cfg.state_path)
    identity.remember(store, "/q", "code", identity.wanted(*embedder_of(cfg), "code"))
    other = settings(tmp_path, dimension=32)
    identity.remember(store, "/q", "docs", identity.wanted(*embedder_of(other), "docs"))
    found = identity.report(store, "/q", ["code", "docs", "code", "new"], *embedder_of(cfg))
    assert list(found) == ["code", "docs", "new"]
    assert found["code"]["current"] is True
    assert found["docs"]["current"] is False and found["docs"]["identity"] is not None
    assert found["new"] == {"identity": None, "current": False}
    assert (
        identity.report(store, "/elsewhere", ["code"], *embedder_of(cfg))["code"]["current"]
        is False
    )
