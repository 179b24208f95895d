"""Vectors that stay right, through the installed command (issue 19, "What was seen" 1-6).

Alpha exports a live collection and publishes patterns; beta pulls and imports with its own
embedder. Each test is one of the failures seen with a real model, and fails without its fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest

from fedlearn.formats import layout
from fedlearn.vectors import embed, points
from tests import embedserver
from tests.conftest import Node
from tests.jobs import livestore

pytestmark = pytest.mark.e2e
SMALL = {"embedding": {"dimension": 16}}
ERRORS = [
    ("connection refused on localhost:6333", "start qdrant with systemctl start qdrant"),
    ("No space left on device", "run nix-collect-garbage -d"),
    ("permission denied on /var/lib/fedlearn", "give the fedlearn user write access"),
]
SKILLS = [{"description": f"use nix flakes to pin input number {i}", "n": i} for i in range(12)]


@pytest.fixture
def alpha(make_node: Callable[..., Node]) -> Node:
    """Return node ``alpha``: a live skills collection exported, error patterns, all pushed."""
    node = make_node("alpha", **SMALL)
    livestore.seed(node, "skills-patterns", SKILLS)
    livestore.write_patterns(node, "error-solutions", ERRORS)
    node.run("export")
    livestore.publish(node, "alpha learned things")
    return node


@pytest.fixture
def server() -> Iterator[tuple[str, embedserver.Behaviour]]:
    """Run a stand-in embedding server whose "model" is not the hash embedder (rolled vectors)."""
    behaviour = embedserver.Behaviour(dimension=16, rotate=3)
    with embedserver.running(behaviour) as url:
        yield url, behaviour


def reconfigured(node: Node, **sections: dict[str, Any]) -> Node:
    """Return ``node`` with its config file rewritten with ``sections`` (same folders and repo)."""
    return Node(node.root, node.name, node.repo, **sections)


def answer(node: Node, *args: str, code: int = 0) -> dict[str, Any]:
    """Run ``fedlearn ARGS --json`` on ``node``; check its exit code; return its answer."""
    process = node.run(*args, "--json", check=False)
    assert process.returncode == code, process.stdout + process.stderr
    found: dict[str, Any] = json.loads(process.stdout)
    return found


def rolled(texts: list[str], shift: int = 3, dimension: int = 16) -> np.ndarray:
    """Return the stand-in server's vectors of ``texts``."""
    return np.roll(embed.HashEmbedder(dimension).embed(texts), shift, axis=1)


def test_switching_the_embedder_at_the_same_size_reembeds_what_fedlearn_wrote(
    alpha: Node, make_node: Callable[..., Node], server: tuple[str, embedserver.Behaviour]
) -> None:
    """
    Seen 1: hash → a model of the same size re-embeds the patterns and alpha's points on the next
    plain import (no --overwrite), and leaves beta's own stack point alone.
    """
    beta = make_node("beta", **SMALL)
    livestore.pull(beta)
    own = livestore.seed(beta, "skills-patterns", [{"text": "the stack's own point"}], ids=[7])
    answer(beta, "import")
    before = livestore.read_points(beta, "skills-patterns")[own[0]]
    url, _ = server
    model = {"dimension": 16, "provider": "openai", "url": url, "model": "rolled"}
    beta = reconfigured(beta, embedding=model)
    done = answer(beta, "import")
    assert done["state"] == "ok" and done["reembedded"] == len(SKILLS) + len(ERRORS)
    stored = livestore.read_points(beta, "error-solutions")
    texts = [payload["text"] for payload, _ in stored.values()]
    assert np.allclose([v for _, v in stored.values()], rolled(texts), atol=1e-6)
    skills = livestore.read_points(beta, "skills-patterns")
    theirs = {i: p for i, p in skills.items() if points.OWNER in p[0]}
    expected = rolled([payload["description"] for payload, _ in theirs.values()])
    assert np.allclose([v for _, v in theirs.values()], expected, atol=1e-6)
    assert skills[own[0]] == before  # the stack's point: never touched
    again = answer(beta, "import", "--full")
    assert again["reembedded"] == 0 and again["imported"] == 0
    status = beta.run("status", check=False).stdout
    assert "skills-patterns: openai rolled 16-d Cosine" in status and "(current)" in status


def test_pull_exits_1_only_when_its_import_refused_its_own_snapshot(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """
    Seen 2: another node's refused snapshot is skipped by pull's import, and pull exits 0 with it
    listed (issue 15: a peer's commit never fails a job); this node's own refused snapshot fails
    pull's import, and pull with it (exit 1, state failed).
    """
    beta = make_node("beta", **SMALL)
    [snapshot] = layout.stamped_files(layout.collection_dir(alpha.repo, "skills-patterns", "alpha"))
    snapshot.write_bytes(snapshot.read_bytes().replace(b"number 7", b"number X"))
    livestore.publish(alpha, "a damaged snapshot")
    pulled = answer(beta, "pull")
    assert pulled["state"] == "ok" and pulled["import"]["skipped_snapshots"]
    assert pulled["import"]["refused"] == []
    own = answer(alpha, "pull", code=1)
    assert own["state"] == "failed" and own["import"]["refused"]


def test_text_fields_take_the_first_present_field_and_none_present_fails(
    make_node: Callable[..., Node],
) -> None:
    """
    Seen 3: a point with ``text`` and ``description`` is embedded from ``text`` alone, as the stack
    embedded it; a snapshot whose points hold none of the fields fails the import, naming them.
    """
    alpha = make_node("alpha", **SMALL)
    both = [{"text": f"short summary {i}", "description": f"long body {i} here"} for i in range(3)]
    livestore.seed(alpha, "skills-patterns", both)
    livestore.seed(alpha, "best-practices", [{"title": f"t{i}"} for i in range(4)])
    alpha.run("export")
    livestore.publish(alpha)
    beta = make_node("beta", **SMALL)
    livestore.pull(beta)
    done = answer(beta, "import", code=1)
    stored = livestore.read_points(beta, "skills-patterns")
    texts = [payload["text"] for payload, _ in stored.values()]
    vectors = [v for _, v in stored.values()]
    assert np.allclose(vectors, embed.HashEmbedder(16).embed(texts), atol=1e-6)
    error = done["collections"]["best-practices"]["error"]
    assert 'no payload field of text_fields = ["text", "description", "content"]' in error
    assert done["state"] == "failed"


def test_a_snapshot_of_another_vector_size_is_imported(make_node: Callable[..., Node]) -> None:
    """Seen 4: a 64-d node's snapshot is imported by a 16-d node; the manifest keeps its 64."""
    alpha = make_node("alpha", embedding={"dimension": 64})
    livestore.seed(alpha, "skills-patterns", SKILLS, dimension=64)
    alpha.run("export")
    livestore.publish(alpha)
    beta = make_node("beta", **SMALL)
    livestore.pull(beta)
    done = answer(beta, "import")
    assert done["collections"]["skills-patterns"]["imported"] == len(SKILLS)
    assert not done["refused"]
    [path] = layout.stamped_files(layout.collection_dir(beta.repo, "skills-patterns", "alpha"))
    assert json.loads(layout.manifest_of(path).read_text())["vectors"]["size"] == 64
    assert all(len(v) == 16 for _, v in livestore.read_points(beta, "skills-patterns").values())


def test_a_collection_of_another_size_says_how_to_recover_or_is_rebuilt(
    alpha: Node, make_node: Callable[..., Node]
) -> None:
    """
    Seen 5: a collection holding the stack's 32-d points stops with the keys to set; one holding
    only fedlearn's points is rebuilt at the new size behind an alias, found by its name.
    """
    beta = make_node("beta", **SMALL)
    livestore.pull(beta)
    livestore.seed(beta, "skills-patterns", [{"text": "local"}], dimension=32, ids=[1])
    done = answer(beta, "import", code=1)
    error = done["collections"]["skills-patterns"]["error"]
    assert (
        "32-d Cosine" in error and "16-d Cosine" in error and "To fix: set embedding.model" in error
    )
    assert "embedding.dimension (32)" in error
    bigger = reconfigured(beta, embedding={"dimension": 24})
    rebuilt = answer(bigger, "import", code=1)  # skills-patterns still holds the stack's point
    assert rebuilt["collections"]["error-solutions"]["imported"] == len(ERRORS)
    stored = livestore.read_points(bigger, "error-solutions")
    assert len(stored) == len(ERRORS) and all(len(v) == 24 for _, v in stored.values())
    with livestore.client(bigger) as opened:
        [alias] = opened.get_aliases().aliases
    assert alias.alias_name == "error-solutions" and alias.collection_name != "error-solutions"


def test_document_prefix_is_put_before_every_embedded_text(
    alpha: Node, make_node: Callable[..., Node], server: tuple[str, embedserver.Behaviour]
) -> None:
    """Seen 6: with ``document_prefix`` every text import sends starts with it, per collection."""
    url, behaviour = server
    embedding = {
        "dimension": 16,
        "provider": "openai",
        "url": url,
        "model": "nomic-embed-text",
        "document_prefix": "search_document: ",
        "collections": {"skills-patterns": {"document_prefix": "passage: "}},
    }
    beta = make_node("beta", embedding=embedding)
    livestore.pull(beta)
    answer(beta, "import")
    sent = [text for r in behaviour.requests for text in r["body"]["input"]]
    learned = [t for t in sent if "systemctl" in t or "garbage" in t or "write access" in t]
    assert learned and all(t.startswith("search_document: ") for t in learned)
    skills = [t for t in sent if "nix flakes" in t]
    assert len(skills) == len(SKILLS) and all(t.startswith("passage: ") for t in skills)
