"""fedlearn import between two nodes' embedded stores: verified, idempotent, resumable (guarantee 7)."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import msgspec
import numpy as np
import pytest
import qdrant_client
from qdrant_client.http.exceptions import ResponseHandlingException

from fedlearn.errors import EmbeddingError, QdrantError
from fedlearn.formats import layout, records
from fedlearn.jobs import export, import_, pull, retract
from fedlearn.report import tally
from fedlearn.store import state
from fedlearn.vectors import (
    embed,
    identity,
    import_batches,
    import_changes,
    import_view,
    points,
    qdrant,
)
from tests import embedserver, hangserver
from tests.conftest import Node, cli_env, fedlearn_command, git
from tests.jobs import livestore
from tests.report import test_tally

SMALL = {"embedding": {"dimension": 16}}
ERRORS = [
    ("connection refused on localhost:6333", "start qdrant with systemctl start qdrant"),
    ("No space left on device", "run nix-collect-garbage -d"),
    ("ModuleNotFoundError: No module named numpy", "add python3Packages.numpy to the shell"),
    ("permission denied on /var/lib/fedlearn", "give the fedlearn user write access"),
]
SKILLS = [{"description": f"use nix flakes to pin input number {i}", "n": i} for i in range(120)]


@pytest.fixture
def alpha(make_node: Callable[..., Node]) -> Node:
    """Return node ``alpha``: a live skills collection exported, error patterns, all pushed."""
    node = make_node("alpha", **SMALL)
    livestore.seed(node, "skills-patterns", SKILLS)
    livestore.write_patterns(node, "error-solutions", ERRORS)
    export.execute(node.config())
    livestore.publish(node, "alpha learned things")
    return node


@pytest.fixture
def beta(make_node: Callable[..., Node], alpha: Node) -> Node:
    """Return node ``beta`` with alpha's data pulled and nothing imported yet."""
    node = make_node("beta", qdrant={"retry_attempts": 5}, **SMALL)
    livestore.pull(node)
    return node


def alpha_snapshot(alpha: Node) -> Path:
    """Return alpha's only snapshot of skills-patterns (in beta's clone: same bytes)."""
    [path] = layout.stamped_files(layout.collection_dir(alpha.repo, "skills-patterns", "alpha"))
    return path


def in_beta(beta: Node, path: Path, alpha: Node) -> Path:
    """Return the same data/ file in beta's clone."""
    return beta.repo / path.relative_to(alpha.repo)


def test_import_round_trip_gives_equal_payloads_and_vectors_of_the_right_size(
    alpha: Node, beta: Node
) -> None:
    """
    Alpha's live points and patterns arrive in beta with the same payloads (marked as alpha's)
    and 16-d vectors.
    """
    summary = import_.execute(beta.config())
    assert summary.state == "ok" and summary.exit_code == 0
    assert summary.result.collections["skills-patterns"].imported == len(SKILLS)
    assert summary.result.collections["error-solutions"].imported == len(ERRORS)
    original = livestore.read_points(alpha, "skills-patterns")
    copied = livestore.read_points(beta, "skills-patterns")
    marked = {
        points.foreign_point_id("alpha", i): {**p, points.OWNER: "alpha", points.SOURCE_ID: i}
        for i, (p, _) in original.items()
    }
    assert {i: p for i, (p, _) in copied.items()} == marked
    assert all(len(vector) == 16 and any(vector) for _, vector in copied.values())
    learned = livestore.read_points(beta, "error-solutions")
    assert {payload["text"] for payload, _ in learned.values()} == {f"{a}\n{b}" for a, b in ERRORS}
    assert all(payload["origin"] == "fedlearn" for payload, _ in learned.values())


def test_import_search_finds_the_pattern_of_another_node_first(alpha: Node, beta: Node) -> None:
    """Searching beta with one of alpha's pattern texts returns that pattern first."""
    import_.execute(beta.config())
    [pattern] = livestore.write_patterns(alpha, "error-solutions", ERRORS[1:2])
    vector = embed.HashEmbedder(16).embed([pattern.text])[0].tolist()
    with qdrant.connect(beta.config().qdrant, beta.state) as live:
        hits = live.search("error-solutions", vector, limit=3)
    assert hits[0].id == points.pattern_point_id(pattern.id)
    assert hits[0].payload["fields"] == pattern.fields


def test_import_rerun_imports_nothing(alpha: Node, beta: Node) -> None:
    """A rerun on unchanged data reads nothing; a full rerun skips every point."""
    import_.execute(beta.config())
    again = import_.execute(beta.config())
    assert again.state == "idle" and again.result.read == "changed"
    assert again.result.collections == {} and "nothing changed" in again.lines[0]
    full = import_.execute(beta.config(), full=True)
    assert full.state == "idle" and full.result.imported == 0
    assert full.result.skipped == len(SKILLS) + len(ERRORS)
    assert livestore.count(beta, "skills-patterns") == len(SKILLS)


def test_import_reads_only_what_changed_since_the_last_import(alpha: Node, beta: Node) -> None:
    """After a pull that brings one new pattern, only its category is read and one is imported."""
    import_.execute(beta.config())
    livestore.write_patterns(alpha, "best-practices", [("pin inputs", "use flake.lock")])
    livestore.publish(alpha, "one more")
    livestore.pull(beta)
    summary = import_.execute(beta.config())
    assert summary.result.read == "changed"
    assert list(summary.result.collections) == ["best-practices"]
    assert summary.result.imported == 1


def test_import_reads_the_kept_holders_and_opens_the_embedded_store_once_or_not_at_all(
    alpha: Node, beta: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    Once status kept the merged counts, the import after a pull reads its view of the new id
    through the kept holders (``import_view``), opens the embedded store once (qdrant-client's
    local mode loads every point when it opens), and a rerun with nothing changed opens none.
    """
    import_.execute(beta.config())
    tally.counts(beta.config(), state.StateDir(beta.state))
    opened, views = [], []
    opening, viewing = qdrant.open_client, import_view.view
    monkeypatch.setattr(qdrant, "open_client", lambda *a: opened.append(1) or opening(*a))
    monkeypatch.setattr(import_view, "view", lambda *a: views.append(1) or viewing(*a))
    test_tally.put(alpha.repo, "alpha", "best-practices", ["pin inputs"])  # a shard file
    livestore.publish(alpha, "one more")
    livestore.pull(beta)
    summary = import_.execute(beta.config())
    assert summary.result.imported == 1 and opened == [1] and views == [1]
    assert import_.execute(beta.config()).state == "idle" and opened == [1]


def test_import_reads_everything_when_the_last_commit_is_unknown(alpha: Node, beta: Node) -> None:
    """A mark naming a commit git does not know falls back to reading every file."""
    import_.execute(beta.config())
    mark = beta.state / "import" / "mark.json"
    document = json.loads(mark.read_text())
    mark.write_text(json.dumps(document | {"commit": "0" * 40}))
    summary = import_.execute(beta.config())
    assert summary.result.read == "all" and summary.result.skipped == len(SKILLS) + len(ERRORS)


def test_import_after_sigkill_completes_without_duplicates(make_node: Callable[..., Node]) -> None:
    """Killed after a few batches, a rerun brings the collection to exactly the expected points."""
    source = make_node("alpha", **SMALL)
    pairs = [(f"error number {i} happened", f"fix number {i} works") for i in range(1500)]
    made = livestore.write_patterns(source, "error-solutions", pairs)
    livestore.publish(source)
    node = make_node("beta", qdrant={"batch_size": 10}, **SMALL)
    livestore.pull(node)
    command = [*fedlearn_command(), "import", "-v", "--config", str(node.config_file)]
    process = subprocess.Popen(command, env=cli_env(), stderr=subprocess.PIPE, text=True)
    batches = 0
    assert process.stderr is not None
    for line in process.stderr:
        batches += "wrote a batch" in line
        if batches == 3:
            process.send_signal(signal.SIGKILL)
            break
    assert process.wait(timeout=120) == -signal.SIGKILL
    interrupted = livestore.count(node, "error-solutions")
    assert 30 <= interrupted < len(pairs)
    answer = json.loads(node.run("import", "--json").stdout)
    assert answer["state"] == "ok" and answer["skipped"] >= interrupted
    assert answer["imported"] == len(pairs) - answer["skipped"]
    stored = livestore.read_points(node, "error-solutions")
    assert len(stored) == len(pairs)
    assert set(stored) == {points.pattern_point_id(p.id) for p in made}


def tamper(path: Path, how: str) -> None:
    """Damage a snapshot the way ``how`` says, keeping everything else consistent."""
    manifest = layout.manifest_of(path)
    document = json.loads(manifest.read_text())
    if how == "checksum":
        path.write_bytes(path.read_bytes().replace(b"input number 7", b"input number X"))
    elif how == "schema":
        manifest.write_text(json.dumps(document | {"schema": 99}))
    elif how == "line":
        data = path.read_bytes() + b'{"id":"not-a-uuid","payload":{}}\n'
        path.write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        manifest.write_text(json.dumps(document | {"sha256": digest, "points": data.count(b"\n")}))
    elif how == "deep":  # a payload nested past msgspec's recursion limit
        nested = b"[" * 5000 + b"]" * 5000
        data = path.read_bytes() + b'{"id":"%s","payload":{"a":%s}}\n' % (b"f" * 32, nested)
        path.write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        manifest.write_text(json.dumps(document | {"sha256": digest, "points": data.count(b"\n")}))
    elif how == "manifest-missing":
        manifest.unlink()


@pytest.mark.parametrize("how", ["checksum", "schema", "line", "deep", "manifest-missing"])
def test_import_skips_another_nodes_tampered_snapshot(alpha: Node, beta: Node, how: str) -> None:
    """
    Nothing from another node's damaged file is imported; the patterns still are; the run does
    what it says (exit 0, the mark moves), with the file counted as skipped, never as a failure.
    """
    tamper(in_beta(beta, alpha_snapshot(alpha), alpha), how)
    summary = import_.execute(beta.config())
    assert summary.state == "ok" and summary.exit_code == 0
    assert summary.result.refused == []
    [skipped] = summary.result.skipped_snapshots
    assert skipped.file.startswith("data/collections/skills-patterns/alpha/")
    assert any(line.startswith(f"skipped {skipped.file}: ") for line in summary.lines)
    assert livestore.count(beta, "skills-patterns") == 0
    assert livestore.count(beta, "error-solutions") == len(ERRORS)
    assert (beta.state / "import" / "mark.json").exists()


def test_import_verifies_a_skipped_snapshot_again_until_it_reads(alpha: Node, beta: Node) -> None:
    """
    Another node's snapshot skipped once is verified again by every later import, changed or not:
    once it verifies (here: its damage undone, so git sees no change since the mark), it is read.
    """
    path = in_beta(beta, alpha_snapshot(alpha), alpha)
    original = path.read_bytes()
    tamper(path, "checksum")
    first = import_.execute(beta.config())
    assert first.exit_code == 0 and len(first.result.skipped_snapshots) == 1
    again = import_.execute(beta.config())
    assert again.result.read == "changed"
    assert again.result.skipped_snapshots == first.result.skipped_snapshots
    path.write_bytes(original)
    fixed = import_.execute(beta.config())
    assert fixed.result.read == "changed" and fixed.result.skipped_snapshots == []
    assert livestore.count(beta, "skills-patterns") == len(SKILLS)
    assert import_.execute(beta.config()).result.collections == {}


@pytest.mark.parametrize("how", ["checksum", "manifest-missing"])
def test_import_fails_on_its_own_tampered_snapshot(alpha: Node, how: str) -> None:
    """This node's own snapshot that does not verify fails the import (exit 1); the mark stays."""
    tamper(alpha_snapshot(alpha), how)
    summary = import_.execute(alpha.config())
    assert summary.state == "failed" and summary.exit_code == 1
    [refusal] = summary.result.refused
    assert refusal.file.startswith("data/collections/skills-patterns/alpha/")
    assert summary.result.skipped_snapshots == []
    assert not (alpha.state / "import" / "mark.json").exists()


def test_import_stops_a_collection_whose_vectors_differ(alpha: Node, beta: Node) -> None:
    """An existing 32-d collection is left alone with a clear error; the others are imported."""
    livestore.seed(beta, "skills-patterns", [{"text": "local"}], dimension=32, ids=[1])
    summary = import_.execute(beta.config())
    assert summary.exit_code == 1
    error = summary.result.collections["skills-patterns"].error
    assert "32-d Cosine" in error and "16-d Cosine" in error
    assert livestore.count(beta, "skills-patterns") == 1
    assert livestore.count(beta, "error-solutions") == len(ERRORS)


class Outage:
    """Make qdrant-client's ``upsert`` fail with a connection error on chosen calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, failing: Callable[[int], bool]) -> None:
        self.calls = 0
        original = qdrant_client.QdrantClient.upsert

        def upsert(client: qdrant_client.QdrantClient, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if failing(self.calls):
                raise ResponseHandlingException(httpx.ConnectError("connection refused"))
            return original(client, *args, **kwargs)

        monkeypatch.setattr(qdrant_client.QdrantClient, "upsert", upsert)


def test_import_rides_out_a_short_qdrant_outage(
    alpha: Node, beta: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qdrant unreachable for two calls, then back: the retries bring the import through."""
    outage = Outage(monkeypatch, lambda call: call <= 2)
    summary = import_.execute(beta.config())
    assert summary.state == "ok" and outage.calls > 2
    assert livestore.count(beta, "skills-patterns") == len(SKILLS)


def test_import_after_a_long_outage_completes_the_rest(
    alpha: Node, make_node: Callable[..., Node], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qdrant gone after two batches: the job fails; once it is back a rerun completes it."""
    node = make_node("beta", qdrant={"batch_size": 20, "retry_attempts": 3}, **SMALL)
    livestore.pull(node)
    with monkeypatch.context() as patch:
        Outage(patch, lambda call: call > 2)
        with pytest.raises(QdrantError, match="ConnectError"):
            import_.execute(node.config())
    assert livestore.count(node, "skills-patterns") == 40
    summary = import_.execute(node.config())
    assert summary.state == "ok" and summary.result.collections["skills-patterns"].skipped == 40
    assert set(livestore.read_points(node, "skills-patterns")) == {
        points.foreign_point_id("alpha", i) for i in livestore.read_points(alpha, "skills-patterns")
    }


def test_import_fails_with_exit_1_when_qdrant_stays_unreachable(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """A server that never answers: one error line, a hint, exit 1, and no mark left."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    node = make_node("beta", qdrant={"url": url, "retry_attempts": 2, "timeout": 2.0}, **SMALL)
    livestore.pull(node)
    process = node.run("import", check=False)
    assert process.returncode == 1
    assert "fedlearn: qdrant" in process.stderr and "hint:" in process.stderr
    assert not (node.state / "import" / "mark.json").exists()


def test_import_wait_ready_gives_up_with_exit_1_naming_qdrant(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """``--wait-ready`` against a Qdrant that never opens its port: exit 1 naming it, no mark."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    node = make_node("beta", qdrant={"url": url}, **SMALL)
    livestore.pull(node)
    process = node.run("import", "--wait-ready", "0.3", check=False)
    assert process.returncode == 1
    assert f"fedlearn: qdrant at {url} not ready after 0.3s: ConnectError" in process.stderr
    assert "hint: check `systemctl status qdrant`" in process.stderr
    assert not (node.state / "import" / "mark.json").exists()


def test_import_wait_ready_has_nothing_to_wait_for_in_process(alpha: Node, beta: Node) -> None:
    """The embedded store and the hash embedder are ready at once: the import runs."""
    answer = json.loads(beta.run("import", "--wait-ready", "600", "--json").stdout)
    assert answer["state"] == "ok" and answer["imported"] > 0


def test_import_deletes_retracted_patterns(alpha: Node, beta: Node) -> None:
    """
    A retraction pulled later removes that pattern's point from Qdrant; a tombstone of an id that
    is the stack's own point's (no pattern holds it) never deletes that point.
    """
    import_.execute(beta.config())
    own = "ab" * 16
    livestore.seed(beta, "error-solutions", [{"text": "beta's own"}], ids=[str(uuid.UUID(own))])
    gone = livestore.write_patterns(alpha, "error-solutions", ERRORS[:1])[0]
    tombstones = [
        records.Retraction(id=i, retracted_at="2026-02-01T00:00:00Z", reason="wrong")
        for i in sorted([gone.id, own])
    ]
    path = layout.retraction_file(alpha.repo, "alpha")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(records.encode_lines(tombstones))
    livestore.publish(alpha, "retract")
    livestore.pull(beta)
    summary = import_.execute(beta.config())
    assert summary.result.collections["error-solutions"].deleted == 1
    stored = livestore.read_points(beta, "error-solutions")
    assert points.pattern_point_id(gone.id) not in stored and len(stored) == len(ERRORS)
    assert str(uuid.UUID(own)) in stored


def test_import_overwrite_updates_existing_points(alpha: Node, beta: Node) -> None:
    """A higher score seen elsewhere is skipped by default and written with --overwrite."""
    import_.execute(beta.config())
    path = layout.pattern_file(alpha.repo, "error-solutions", "alpha")
    lines = path.read_bytes().splitlines()
    first = records.PATTERN_DECODER.decode(lines[0])
    better = msgspec.structs.replace(first, value_score=0.99)
    path.write_bytes(b"\n".join([records.ENCODER.encode(better), *lines[1:]]) + b"\n")
    livestore.publish(alpha, "scored higher")
    livestore.pull(beta)
    plain = import_.execute(beta.config())
    assert plain.result.collections["error-solutions"].skipped == len(ERRORS)
    forced = import_.execute(beta.config(), overwrite=True)
    assert forced.result.updated == len(SKILLS) + len(ERRORS) and forced.result.imported == 0
    stored = livestore.read_points(beta, "error-solutions")
    assert stored[points.pattern_point_id(first.id)][0]["value_score"] == 0.99


def test_import_dry_run_writes_nothing(alpha: Node, beta: Node) -> None:
    """A dry run counts what would be imported and creates no collection and no mark."""
    summary = import_.execute(beta.config(), dry_run=True)
    assert summary.dry_run and summary.result.imported == len(SKILLS) + len(ERRORS)
    assert livestore.count(beta, "skills-patterns") == 0
    assert not (beta.state / "import" / "mark.json").exists()


def test_import_counts_a_point_without_words_as_failed(make_node: Callable[..., Node]) -> None:
    """A pattern whose text hashes to a zero vector is not stored; the others are."""
    node = make_node("alpha", **SMALL)
    livestore.write_patterns(node, "error-solutions", [("?!", "..."), *ERRORS[:2]])
    summary = import_.execute(node.config())
    tally = summary.result.collections["error-solutions"]
    assert tally.failed == 1 and tally.imported == 2 and summary.exit_code == 0
    assert livestore.count(node, "error-solutions") == 2


@pytest.fixture
def embedding_server() -> Iterator[tuple[str, embedserver.Behaviour]]:
    """Run the stand-in embedding server; yield its URL and behaviour."""
    behaviour = embedserver.Behaviour(dimension=16, fail_first=1)
    with embedserver.running(behaviour) as url:
        yield url, behaviour


@pytest.mark.parametrize("provider", ["openai", "ollama"])
def test_import_embeds_through_an_http_embedder(
    alpha: Node,
    make_node: Callable[..., Node],
    embedding_server: tuple[str, embedserver.Behaviour],
    provider: str,
) -> None:
    """With an HTTP embedder the stored vectors are the server's, batch by batch, after a retry."""
    url, behaviour = embedding_server
    embedding = {"dimension": 16, "provider": provider, "url": url, "model": "m", "batch_size": 50}
    node = make_node("beta", embedding=embedding)
    livestore.pull(node)
    summary = import_.execute(node.config())
    assert summary.state == "ok" and behaviour.requests[0]["body"]["model"] == "m"
    stored = livestore.read_points(node, "error-solutions")
    texts = [payload["text"] for payload, _ in stored.values()]
    expected = embed.HashEmbedder(16).embed(texts)
    assert np.allclose([vector for _, vector in stored.values()], expected, atol=1e-6)


def test_import_command_prints_one_json_object(alpha: Node, beta: Node) -> None:
    """The installed command imports, answers in JSON, and records its run."""
    answer = json.loads(beta.run("import", "--json").stdout)
    assert answer["job"] == "import" and answer["state"] == "ok"
    assert answer["imported"] == len(SKILLS) + len(ERRORS)
    assert json.loads((beta.state / "runs" / "import.json").read_text())["last"]["state"] == "ok"
    assert git(beta.repo, "status", "--porcelain") == ""


def test_import_reports_a_count_that_did_not_grow(
    alpha: Node, beta: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When Qdrant's count does not grow by the points written, that collection fails (exit 1)."""
    monkeypatch.setattr(qdrant.Store, "count", lambda self, collection: 0)
    summary = import_.execute(beta.config())
    assert summary.exit_code == 1 and summary.state == "failed"
    error = summary.result.collections["skills-patterns"].error
    assert error == f"count of skills-patterns grew by 0, expected {len(SKILLS)}"
    assert not (beta.state / "import" / "mark.json").exists()


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Claim to be a terminal."""
        return True


def test_progress_counts_on_a_terminal_only() -> None:
    """On a terminal the count is redrawn in place; elsewhere nothing is written."""
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = import_batches.Progress(200, stream)
        progress.advance("skills-patterns", 100)
        progress.advance("skills-patterns", 100)
        progress.close()
    assert terminal.getvalue().endswith("\rimport skills-patterns: 200/200 points (100%)\n")
    assert pipe.getvalue() == ""


def test_progress_without_a_total_counts_the_points_alone() -> None:
    """Patterns read a shard at a time have no count ahead: the points are counted, no total."""
    terminal = Terminal()
    progress = import_batches.Progress(None, terminal)
    progress.advance("skills-patterns", 100)
    progress.close()
    assert terminal.getvalue() == "\rimport skills-patterns: 100 points\n"


def test_import_checks_the_embedder_before_creating_a_collection(
    make_node: Callable[..., Node],
) -> None:
    """A model of another size than embedding.dimension leaves no collection; fixed, a rerun works."""
    source = make_node("alpha", **SMALL)
    livestore.write_patterns(source, "error-solutions", ERRORS)
    livestore.publish(source)
    with embedserver.running(embedserver.Behaviour(dimension=32)) as url:
        embedding = {"dimension": 16, "provider": "openai", "url": url, "model": "m"}
        node = make_node("beta", embedding=embedding)
        livestore.pull(node)
        with pytest.raises(EmbeddingError, match="expected"):
            import_.execute(node.config())
        with livestore.client(node) as opened:
            assert not opened.collection_exists("error-solutions")
        cfg = node.config()
        fixed = attrs.evolve(cfg, embedding=attrs.evolve(cfg.embedding, dimension=32))
        summary = import_.execute(fixed)
    assert summary.state == "ok" and summary.result.imported == len(ERRORS)


# --- a text the embedding server refuses ---

REFUSED = SKILLS[0]["description"]  # first in alpha's snapshot, so the old probe embedded it too


@pytest.fixture
def refusing_server() -> Iterator[tuple[str, embedserver.Behaviour]]:
    """Run a stand-in server that refuses one of alpha's texts, as if over its context length."""
    behaviour = embedserver.Behaviour(dimension=16, refuse={REFUSED})
    with embedserver.running(behaviour) as url:
        yield url, behaviour


def http_node(make_node: Callable[..., Node], url: str) -> Node:
    """Return node ``beta`` embedding through the server at ``url``, with alpha's data pulled."""
    embedding = {"dimension": 16, "provider": "openai", "url": url, "model": "m"}
    node = make_node("beta", embedding=embedding | {"retry_attempts": 1})
    livestore.pull(node)
    return node


def set_aside(node: Node) -> list[dict[str, Any]]:
    """Return the records of import's quarantine file (none when it does not exist)."""
    path = node.state / "quarantine" / "import.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def let_time_pass(node: Node) -> None:
    """Make every set-aside point due again, as if its back-off wait had passed."""
    path = node.state / "quarantine" / "import.jsonl"
    entries = [json.loads(line) | {"retry_after": ""} for line in path.read_text().splitlines()]
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries))


def refused_id(alpha: Node) -> qdrant.PointId:
    """Return the id of the point whose text the server refuses."""
    live = livestore.read_points(alpha, "skills-patterns")
    [found] = [i for i, (payload, _) in live.items() if payload["description"] == REFUSED]
    return found


def test_import_sets_aside_a_text_the_embedder_refuses_and_imports_the_rest(
    alpha: Node,
    make_node: Callable[..., Node],
    refusing_server: tuple[str, embedserver.Behaviour],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One refused text: every other point is imported, it is recorded, logged and counted."""
    node = http_node(make_node, refusing_server[0])
    monkeypatch.setattr(logging.getLogger("fedlearn"), "propagate", True)
    with caplog.at_level(logging.WARNING, logger="fedlearn"):
        summary = import_.execute(node.config())
    assert summary.state == "ok" and summary.exit_code == 0
    tally = summary.result.collections["skills-patterns"]
    assert tally.imported == len(SKILLS) - 1 and tally.set_aside == 1
    assert summary.result.set_aside == 1 and summary.result.quarantined == 1
    assert livestore.count(node, "error-solutions") == len(ERRORS)
    point = refused_id(alpha)
    assert set(livestore.read_points(node, "skills-patterns")) == {
        points.foreign_point_id("alpha", i)
        for i in livestore.read_points(alpha, "skills-patterns")
        if i != point
    }
    [record] = set_aside(node)
    detail = record.pop("detail")
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    assert record.pop("attempts") == 1 and record.pop("retry_after") > now  # backs off
    assert detail.startswith("HTTP 400: ") and embedserver.REFUSAL in detail
    assert record == {
        "source": str(alpha_snapshot(alpha).relative_to(alpha.repo)),
        "collection": "skills-patterns",
        "id": points.foreign_point_id("alpha", point),
        "reason": "embedding-refused",
        "bytes": len(REFUSED),
        "preview": REFUSED,
    }
    assert (
        f"skills-patterns: point {points.foreign_point_id('alpha', point)} set aside" in caplog.text
    )
    assert summary.result.quarantine == str(node.state / "quarantine" / "import.jsonl")
    counted = f"{len(SKILLS) - 1} imported, 0 updated, 0 skipped, 0 failed, 0 deleted, 1 set aside"
    assert f"skills-patterns: {counted}" in summary.lines
    assert summary.lines[-1].startswith("1 set aside in ")


def test_import_retries_a_set_aside_point_until_the_embedder_takes_it(
    alpha: Node,
    make_node: Callable[..., Node],
    refusing_server: tuple[str, embedserver.Behaviour],
) -> None:
    """
    Nothing changed in git: each rerun reads its snapshot again; the point waits out its back-off
    (not sent again before its time, then with a doubled wait), and is imported once accepted.
    """
    url, behaviour = refusing_server
    node = http_node(make_node, url)
    import_.execute(node.config())
    again = import_.execute(node.config())
    assert set_aside(node)[0]["attempts"] == 1  # waiting: not sent, not counted again
    let_time_pass(node)
    import_.execute(node.config())
    assert set_aside(node)[0]["attempts"] == 2
    assert again.result.read == "changed" and list(again.result.collections) == ["skills-patterns"]
    tally = again.result.collections["skills-patterns"]
    assert tally.set_aside == 1 and tally.skipped == len(SKILLS) - 1
    assert len(set_aside(node)) == 1
    behaviour.refuse.clear()
    let_time_pass(node)
    accepted = import_.execute(node.config())
    assert accepted.result.imported == 1 and accepted.result.set_aside == 0
    assert accepted.result.quarantined == 0 and accepted.result.quarantine == ""
    assert set_aside(node) == []
    assert livestore.count(node, "skills-patterns") == len(SKILLS)
    assert "nothing changed" in import_.execute(node.config()).lines[0]


def test_import_command_exits_0_when_it_set_points_aside(
    alpha: Node,
    make_node: Callable[..., Node],
    refusing_server: tuple[str, embedserver.Behaviour],
) -> None:
    """The installed command: exit 0 (work done), one warning naming the point, counts in JSON."""
    node = http_node(make_node, refusing_server[0])
    process = node.run("import", "--json")
    answer = json.loads(process.stdout)
    assert answer["state"] == "ok" and answer["set_aside"] == 1
    assert answer["imported"] == len(SKILLS) - 1 + len(ERRORS)
    point = points.foreign_point_id("alpha", refused_id(alpha))
    assert f"skills-patterns: point {point} set aside" in process.stderr
    assert json.loads((node.state / "runs" / "import.json").read_text())["last"]["state"] == "ok"


def test_import_fails_and_sets_nothing_aside_when_the_embedder_refuses_everything(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """A server that refuses even the check text: the error as before, nothing set aside."""
    with embedserver.running(embedserver.Behaviour()) as url:
        node = http_node(make_node, url)
        import_.execute(node.config())
    livestore.write_patterns(alpha, "error-solutions", [("disk full", "collect garbage")])
    livestore.publish(alpha, "one more")
    livestore.pull(node)
    mark = (node.state / "import" / "mark.json").read_bytes()
    behaviour = embedserver.Behaviour(fail_first=10**6, fail_status=400)
    with embedserver.running(behaviour) as url:
        cfg = node.config()
        broken = attrs.evolve(cfg, embedding=attrs.evolve(cfg.embedding, url=url))
        with pytest.raises(EmbeddingError, match=r"HTTP 400: .*busy, try again"):
            import_.execute(broken)
    assert [r["body"]["input"] for r in behaviour.requests][-1] == [embed.CHECK_TEXT]
    assert set_aside(node) == [] and (node.state / "import" / "mark.json").read_bytes() == mark


def test_import_fails_as_before_when_the_embedder_says_401(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """A wrong key: one request, the server's 401, exit 1, nothing set aside and no mark."""
    behaviour = embedserver.Behaviour(fail_first=10**6, fail_status=401)
    with embedserver.running(behaviour) as url:
        node = http_node(make_node, url)
        process = node.run("import", check=False)
    assert process.returncode == 1 and "HTTP 401" in process.stderr
    assert len(behaviour.requests) == 1
    assert set_aside(node) == [] and not (node.state / "import" / "mark.json").exists()


def test_import_keeps_a_set_aside_point_of_a_collection_that_stopped(
    alpha: Node,
    make_node: Callable[..., Node],
    refusing_server: tuple[str, embedserver.Behaviour],
) -> None:
    """A collection stopped before its sources were read: its set-aside points stay recorded."""
    node = http_node(make_node, refusing_server[0])
    import_.execute(node.config())
    [record] = set_aside(node)
    with livestore.client(node) as opened:
        opened.delete_collection("skills-patterns")
    livestore.seed(node, "skills-patterns", [{"text": "local"}], dimension=32, ids=[1])
    stopped = import_.execute(node.config())
    assert stopped.exit_code == 1 and stopped.result.collections["skills-patterns"].error
    assert set_aside(node) == [record] and stopped.result.quarantined == 1


def test_import_leaves_another_nodes_points_whose_integer_ids_are_taken_here(
    make_node: Callable[..., Node], alpha: Node
) -> None:
    """
    Integer ids are per machine: alpha's point 7 is not beta's point 7. Beta keeps its own point
    (even with --overwrite), and imports alpha's under ids of alpha's own: no conflict.
    """
    livestore.seed(
        alpha, "best-practices", [{"description": f"alpha {n}"} for n in (7, 8)], ids=[7, 8]
    )
    export.execute(alpha.config())
    livestore.publish(alpha, "alpha's integer points")
    beta = make_node("beta", **SMALL)
    livestore.seed(beta, "best-practices", [{"description": "beta's own seven"}], ids=[7])
    livestore.pull(beta)
    for overwrite in (False, True):
        summary = import_.execute(beta.config(), overwrite=overwrite, full=True)
        assert summary.exit_code == 0
        stored = livestore.read_points(beta, "best-practices")
        assert stored[7][0] == {"description": "beta's own seven"}
        for n in (7, 8):
            payload = {"description": f"alpha {n}", points.OWNER: "alpha", points.SOURCE_ID: n}
            assert stored[points.foreign_point_id("alpha", n)][0] == payload


def test_export_leaves_out_the_points_imported_from_other_nodes(alpha: Node, beta: Node) -> None:
    """Beta's snapshot holds beta's own points only: alpha's are alpha's to export."""
    import_.execute(beta.config())
    livestore.seed(
        beta, "skills-patterns", [{"description": "beta's own"}], ids=[str(uuid.uuid4())]
    )
    summary = export.execute(beta.config())
    [path] = layout.stamped_files(layout.collection_dir(beta.repo, "skills-patterns", "beta"))
    lines = [json.loads(line) for line in path.read_bytes().splitlines()]
    assert [line["payload"] for line in lines] == [{"description": "beta's own"}]
    [line] = [line for line in summary.lines if line.startswith("skills-patterns:")]
    assert f"{len(SKILLS)} imported by fedlearn left out" in line and "from patterns" not in line


def test_import_reads_everything_when_a_collection_it_filled_is_gone(
    alpha: Node, beta: Node
) -> None:
    """Qdrant's data wiped but the state dir kept: the next import fills it again, unasked."""
    import_.execute(beta.config())
    shutil.rmtree(beta.state / "qdrant")
    again = import_.execute(beta.config())
    assert again.result.read == "all"
    assert again.result.imported == len(SKILLS) + len(ERRORS)
    assert import_.execute(beta.config()).result.collections == {}


def test_import_forgets_a_set_aside_point_whose_source_is_gone(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """
    The only pattern of a category set aside, then retracted: nothing is left to import it from,
    so it leaves the quarantine (and pull stops running import for it), as a point removed from
    its snapshot does.
    """
    behaviour = embedserver.Behaviour(dimension=16)
    with embedserver.running(behaviour) as url:
        node = http_node(make_node, url)
        [pattern] = livestore.write_patterns(node, "best-practices", [("pin inputs", "use locks")])
        behaviour.refuse.add(pattern.text)
        assert import_.execute(node.config()).result.set_aside == 1
        assert [r["collection"] for r in set_aside(node)] == ["best-practices"]
        store = state.StateDir(node.state)
        retract.retract(node.config(), store, pattern.id, "wrong", dry_run=False)
        after = import_.execute(node.config())
    assert after.result.quarantined == 0 and set_aside(node) == []
    assert not pull.is_import_behind(node.config())


def test_import_restores_this_nodes_integer_points_before_another_nodes_with_the_same_ids(
    make_node: Callable[..., Node], alpha: Node
) -> None:
    """
    A reinstall (empty Qdrant, no state) restores beta's own point 7 from beta's snapshot, under
    its own id; alpha's point 7 comes under an id of alpha's own, whichever folder sorts first.
    """
    livestore.seed(
        alpha, "best-practices", [{"description": f"alpha {n}"} for n in (7, 8)], ids=[7, 8]
    )
    export.execute(alpha.config())
    livestore.publish(alpha, "alpha's integer points")
    beta = make_node("beta", **SMALL)
    livestore.pull(beta)
    livestore.seed(beta, "best-practices", [{"description": "beta's own seven"}], ids=[7])
    export.execute(beta.config())
    livestore.publish(beta, "beta's integer point")
    shutil.rmtree(beta.state)  # reinstalled: neither the live points nor the import mark are left
    summary = import_.execute(beta.config())
    assert summary.exit_code == 0
    stored = livestore.read_points(beta, "best-practices")
    assert stored[7][0] == {"description": "beta's own seven"}
    alpha_seven = {"description": "alpha 7", points.OWNER: "alpha", points.SOURCE_ID: 7}
    assert stored[points.foreign_point_id("alpha", 7)][0] == alpha_seven
    assert 8 not in stored


def test_import_with_nothing_to_write_does_not_need_qdrant_to_check_its_collections(
    make_node: Callable[..., Node],
) -> None:
    """An unreachable server when nothing changed: a warning that the check failed, not a failure."""
    node = make_node("beta", qdrant={"url": "http://127.0.0.1:9", "retry_attempts": 1}, **SMALL)
    cfg = node.config()
    store = state.StateDir(cfg.state_path)
    import_changes.save(
        store, msgspec.structs.replace(import_.start_mark(cfg), collections=["best-practices"])
    )
    where = qdrant.target(cfg.qdrant, cfg.state_path)
    identity.remember(
        store,
        where,
        "best-practices",
        identity.wanted(cfg.embedding, cfg.qdrant.distance, "best-practices"),
    )
    summary = import_.execute(cfg)
    assert summary.state == "idle" and summary.exit_code == 0


@pytest.mark.parametrize("bad", ["nan", "inf", "zero"])
def test_import_fails_a_batch_of_bad_vectors_and_keeps_its_mark(
    alpha: Node, make_node: Callable[..., Node], bad: str
) -> None:
    """NaN, infinite and zero vectors fail their batch by name after retries (exit 1) and the mark
    stays; once the server answers well, the next import brings every point in."""
    behaviour = embedserver.Behaviour(dimension=16, bad_vectors=bad, bad_first=1000)
    with embedserver.running(behaviour) as url:
        embedding = {"dimension": 16, "provider": "openai", "url": url, "model": "m"}
        node = make_node("beta", embedding=embedding | {"retry_attempts": 2})
        livestore.pull(node)
        process = node.run("import", check=False)
        assert process.returncode == 1, process.stdout
        assert (
            f"answered 1 {'NaN' if bad == 'nan' else 'infinite' if bad == 'inf' else 'zero'} vector"
            in process.stderr
        )
        assert "Traceback" not in process.stderr
        assert len(behaviour.requests) >= 2  # asked again
        assert import_changes.load(state.StateDir(node.state)) is None
        behaviour.bad_first = 0
        answer = json.loads(node.run("import", "--json").stdout)
    assert answer["imported"] == len(SKILLS) + len(ERRORS)


@pytest.mark.parametrize("server", [hangserver.slow_body, hangserver.slow_headers])
def test_import_gives_up_on_a_trickling_embedding_server(
    alpha: Node, make_node: Callable[..., Node], server: Callable[[], Any]
) -> None:
    """A server that answers one byte at a time without end (its body, or its headers) fails the
    call at embedding.timeout (one deadline for the whole call, not per read): exit 1 with one
    error line naming the server, its URL and the setting, no traceback. (The run's ``timeout``
    is the test's safety: a hanging import fails it.)"""
    with server() as url:
        embedding = {"dimension": 16, "provider": "openai", "url": url, "model": "m"}
        settings = embedding | {"retry_attempts": 1, "timeout": 1.0}
        node = make_node("beta", embedding=settings)
        livestore.pull(node)
        process = node.run("import", check=False, timeout=300)
    assert process.returncode == 1
    [error] = [line for line in process.stderr.splitlines() if line.startswith("fedlearn: ")]
    assert (
        f"embedding server {url}/v1/embeddings: no whole answer within embedding.timeout" in error
    )
    assert "Traceback" not in process.stderr


def test_import_into_a_full_embedded_store_fails_in_one_line(
    make_node: Callable[..., Node], small_disk: Path
) -> None:
    """The embedded store on a full disk (``database or disk is full``) fails import with one line
    naming the store and its filesystem, not a traceback (skipped where tmpfs cannot be mounted)."""
    mount = small_disk
    node = make_node("alpha", embedding={"dimension": 256})
    text = node.config_file.read_text().replace(str(node.state), str(mount / "state"))
    node.config_file.write_text(text)
    words = [f"word{n}" for n in range(5000)]
    livestore.write_patterns(
        node,
        "error-solutions",
        [(" ".join(words[n : n + 40]), f"fix {n} " * 20) for n in range(3000)],
    )
    process = node.run("import", check=False)
    assert process.returncode == 1, process.stdout
    [line] = [line for line in process.stderr.splitlines() if line.startswith("fedlearn:")]
    assert "disk is full" in line or "No space left on device" in line
    assert f"filesystem mounted at {mount}" in line
    assert "Traceback" not in process.stderr


def test_import_deletes_the_points_an_earlier_fedlearn_wrote_under_other_nodes_ids(
    alpha: Node, beta: Node
) -> None:
    """
    An earlier fedlearn wrote alpha's points under alpha's snapshot ids (marked as alpha's): the
    first import of this one reads every snapshot again (the mark's scope changed), keeps alpha's
    points under ids of alpha's own, deletes the old copies, and leaves beta's own point alone.
    """
    import_.execute(beta.config())
    store = state.StateDir(beta.config().state_path)
    mark = import_changes.load(store)
    assert mark is not None and mark.scope.endswith(f"|{points.ID_SCHEME}")
    earlier = mark.scope.removesuffix(f"|{points.ID_SCHEME}")
    import_changes.save(store, msgspec.structs.replace(mark, scope=earlier))
    old = list(livestore.read_points(alpha, "skills-patterns"))[:2]
    copies = [{"description": "an old copy", points.OWNER: "alpha"} for _ in old]
    livestore.seed(beta, "skills-patterns", copies, ids=old)
    own = str(uuid.uuid4())
    livestore.seed(beta, "skills-patterns", [{"description": "beta's own"}], ids=[own])
    summary = import_.execute(beta.config())
    assert summary.result.read == "all"
    assert summary.result.collections["skills-patterns"].deleted == len(old)
    stored = livestore.read_points(beta, "skills-patterns")
    assert not set(old) & set(stored) and own in stored
    assert {points.foreign_point_id("alpha", i) for i in old} <= set(stored)
    assert len(stored) == len(SKILLS) + 1
