"""Re-anonymizing this node's files with the current rules (DESIGN.md guarantees 1, 2)."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec

from fedlearn import anonymize, config
from fedlearn.anonymize import Machine
from fedlearn.formats import layout, records
from fedlearn.learn import merge, patterns, reanonymize
from fedlearn.store import own_adopt, peer_files, refusal_log, state
from fedlearn.vectors import snapshot
from tests.conftest import own_pattern_bytes

MACHINE = Machine(hostname="quasar", fqdn="quasar", user="jdoe", home="/home/jdoe")
TICKET = config.Anonymize(extra_rules=[config.ExtraRule(name="ticket", pattern="TCK-[0-9]{6}")])
NOW = "2026-03-01T00:00:00Z"


def setup(tmp_path: Path) -> config.Config:
    """Return a config for node ``alpha`` with its repo and state under ``tmp_path``."""
    (tmp_path / "repo").mkdir()
    return config.Config(
        node_id="alpha", repo=str(tmp_path / "repo"), state_dir=str(tmp_path / "state")
    )


def learn(cfg: config.Config, text: str, count: int) -> records.Pattern:
    """Add one pattern seen ``count`` times to alpha's error-solutions file and return it."""
    fields = {"error_message": f"deploy failed on {text}", "solution": "reopen it"}
    pattern = patterns.build("error-solutions", fields, 0.8, NOW, "alpha")
    pattern = msgspec.structs.replace(pattern, seen={"alpha": count})
    path = layout.pattern_file(cfg.repo_path, "error-solutions", "alpha")
    table = patterns.join_all([*patterns.read(path), pattern])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(patterns.encode(table))
    return pattern


def rewrite(cfg: config.Config, settings: config.Anonymize) -> reanonymize.Rewrite:
    """Re-anonymize alpha's files with ``settings`` and commit."""
    store = state.StateDir(cfg.state_path)
    transaction = store.transaction("sync")
    engine = anonymize.Anonymizer(settings, MACHINE)
    files = own_adopt.adopted(
        store, cfg.repo_path, "alpha", "sync"
    )  # takes (and migrates) the files
    done = reanonymize.stage(transaction, cfg, files, engine, NOW, collections=True)
    transaction.commit()
    return done


def test_patterns_are_rekeyed_joined_and_their_old_ids_retracted(tmp_path: Path) -> None:
    """Two patterns that differ only by a ticket become one, counts added; both old ids retracted."""
    cfg = setup(tmp_path)
    first, second = learn(cfg, "TCK-123456", 2), learn(cfg, "TCK-654321", 3)
    done = rewrite(cfg, TICKET)
    (pattern,) = patterns.read_node(cfg.repo_path, "error-solutions", "alpha").values()
    assert pattern.fields["error_message"] == "deploy failed on <redacted:ticket>"
    assert pattern.seen == {"alpha": 5}
    assert pattern.id == patterns.content_id("error-solutions", pattern.fields)
    assert sorted(done.rekeyed) == sorted([first.id, second.id])
    assert set(merge.read_retractions(cfg.repo_path).by_id) == {first.id, second.id}
    assert b"TCK-" not in own_pattern_bytes(cfg.repo_path, "error-solutions", "alpha")


def test_nothing_is_rewritten_when_the_rules_find_nothing_new(tmp_path: Path) -> None:
    """Files already anonymized with the current rules are left as they are (no write at all)."""
    cfg = setup(tmp_path)
    learn(cfg, "<redacted:ticket>", 1)
    own_adopt.adopted(state.StateDir(cfg.state_path), cfg.repo_path, "alpha", "sync")
    (path,) = layout.node_pattern_files(cfg.repo_path, "error-solutions", "alpha")
    before = path.stat().st_mtime_ns
    done = rewrite(cfg, TICKET)
    assert done.files == [] and done.rekeyed == []
    assert path.stat().st_mtime_ns == before


def test_a_new_id_another_node_retracted_stays_this_nodes(tmp_path: Path) -> None:
    """
    A pattern re-keyed onto an id another node saw and retracted stays in this node's file and in
    the merged view: the other node withdrew its own record only.
    """
    cfg = setup(tmp_path)
    learn(cfg, "TCK-123456", 1)
    fields = {"error_message": "deploy failed on <redacted:ticket>", "solution": "reopen it"}
    seen = patterns.build("error-solutions", fields, 0.8, NOW, "beta")
    theirs = layout.pattern_file(cfg.repo_path, "error-solutions", "beta")
    theirs.parent.mkdir(parents=True, exist_ok=True)
    theirs.write_bytes(patterns.encode({seen.id: seen}))
    tombstone = records.Retraction(id=seen.id, retracted_at=NOW, reason="wrong fix")
    retractions = layout.retraction_file(cfg.repo_path, "beta")
    retractions.parent.mkdir(parents=True)
    retractions.write_bytes(records.encode_line(tombstone))
    rewrite(cfg, TICKET)
    assert list(patterns.read_node(cfg.repo_path, "error-solutions", "alpha")) == [seen.id]
    view = merge.merged_view(cfg.repo_path, ["error-solutions"])["error-solutions"]
    assert view[seen.id].seen == {"alpha": 1}


def test_a_record_this_node_withdrew_is_dropped_when_rekeyed_and_kept_when_not(
    tmp_path: Path,
) -> None:
    """
    A record this node retracted is never re-keyed back into the view: dropped when the rules
    change it, kept as it is (the evidence) when they do not.
    """
    cfg = setup(tmp_path)
    changed, same = learn(cfg, "TCK-123456", 1), learn(cfg, "no ticket here", 1)
    tombstones = [
        records.Retraction(id=p.id, retracted_at=NOW, reason="wrong") for p in (changed, same)
    ]
    own_file = layout.retraction_file(cfg.repo_path, "alpha")
    own_file.parent.mkdir(parents=True)
    own_file.write_bytes(records.encode_lines(tombstones))
    rewrite(cfg, TICKET)
    assert list(patterns.read_node(cfg.repo_path, "error-solutions", "alpha")) == [same.id]
    assert merge.merged_view(cfg.repo_path, ["error-solutions"]) == {"error-solutions": {}}


def test_snapshot_dataset_and_collections_are_rewritten(tmp_path: Path) -> None:
    """The telemetry snapshot, dataset, its snapshots and a collection snapshot lose the ticket."""
    cfg = setup(tmp_path)
    repo = cfg.repo_path
    telemetry = layout.telemetry_file(repo, "alpha")
    telemetry.parent.mkdir(parents=True)
    telemetry.write_bytes(records.encode_line({"note": "TCK-123456", "value_score": 0.9}))
    chat = {
        "messages": [
            {"role": "user", "content": "TCK-123456?"},
            {"role": "assistant", "content": "ok"},
        ]
    }
    dataset = layout.fine_tuning_file(repo, "alpha")
    copy = layout.fine_tuning_snapshot_dir(repo, "alpha") / "20260101T000000Z.jsonl"
    copy.parent.mkdir(parents=True)
    for path in (dataset, copy):
        path.write_text(json.dumps(chat) + "\n")
    collection, made = ticket_collection(repo)
    layout.manifest_of(collection).write_bytes(records.encode_line(made))
    rewrite(cfg, TICKET)
    for path in (telemetry, dataset, copy, collection):
        assert b"TCK-" not in path.read_bytes() and b"<redacted:ticket>" in path.read_bytes()
    manifest = records.MANIFEST_DECODER.decode(layout.manifest_of(collection).read_bytes())
    assert manifest.sha256 == snapshot.file_sha256(collection) != made.sha256
    assert manifest.points == 1 and manifest.created_at == NOW


def test_is_due_follows_the_rules_and_the_last_rewrite(tmp_path: Path) -> None:
    """Due before the first rewrite and after a rule change; not due right after a rewrite."""
    cfg = setup(tmp_path)
    store = state.StateDir(cfg.state_path)
    plain = anonymize.Anonymizer(config.Anonymize(), MACHINE)
    assert reanonymize.is_due(store, cfg, plain)
    rewrite(cfg, config.Anonymize())
    assert not reanonymize.is_due(store, cfg, plain)
    assert reanonymize.is_due(store, cfg, anonymize.Anonymizer(TICKET, MACHINE))
    renamed = Machine(hostname="pulsar", fqdn="pulsar", user="jdoe", home="/home/jdoe")
    assert reanonymize.is_due(store, cfg, anonymize.Anonymizer(config.Anonymize(), renamed))


def ticket_collection(repo: Path) -> tuple[Path, records.Manifest]:
    """Write alpha's collection snapshot holding a ticket; return it and its manifest."""
    collection = layout.collection_snapshot(repo, "skills-patterns", "alpha", "20260101T000000Z")
    collection.parent.mkdir(parents=True)
    encoder = snapshot.Encoder(collection.write_bytes)
    encoder.add(records.Point(id=1, payload={"description": "see TCK-123456"}))
    made = snapshot.manifest(
        "skills-patterns",
        "alpha",
        encoder.content(),
        created_at=NOW,
        truncated=False,
        vectors=records.VectorConfig(size=64, distance="Cosine"),
        embedding=records.EmbeddingInfo(model="hash", text_fields=["description"]),
    )
    return collection, made


def test_a_linked_manifest_is_refused_never_read_through(tmp_path: Path) -> None:
    """A manifest that is a symlink (to a valid manifest outside) is refused: the snapshot stays."""
    cfg = setup(tmp_path)
    collection, made = ticket_collection(cfg.repo_path)
    outside = tmp_path / "outside.manifest.json"
    outside.write_bytes(records.encode_line(made))
    layout.manifest_of(collection).symlink_to(outside)
    peer_files.forget()
    done = rewrite(cfg, TICKET)
    assert collection not in done.files and b"TCK-123456" in collection.read_bytes()
    assert outside.read_bytes() == records.encode_line(made)
    refused = {r.path: r.reason for r in refusal_log.refusals()}
    assert refused[str(layout.manifest_of(collection).relative_to(cfg.repo_path))] == "a symlink"


def test_a_linked_data_copy_is_replaced_never_read_through(tmp_path: Path) -> None:
    """
    This node's telemetry in data/ is a symlink to an outside file with the state's content: the
    comparison refuses the link (a checked read), so the rewrite puts a regular file there.
    """
    cfg = setup(tmp_path)
    telemetry = layout.telemetry_file(cfg.repo_path, "alpha")
    telemetry.parent.mkdir(parents=True)
    content = records.encode_line({"note": "clean", "value_score": 0.9})
    telemetry.write_bytes(content)
    store = state.StateDir(cfg.state_path)
    own_adopt.adopted(store, cfg.repo_path, "alpha", "sync")
    outside = tmp_path / "outside.jsonl"
    outside.write_bytes(content)
    telemetry.unlink()
    telemetry.symlink_to(outside)
    done = rewrite(cfg, TICKET)
    assert telemetry in done.files
    assert not telemetry.is_symlink() and telemetry.read_bytes() == content
    assert outside.read_bytes() == content
