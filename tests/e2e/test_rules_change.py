"""End to end: a rule added after data was written blocks publish until sync rewrites the data (guarantee 1).

The README's own ``extra_rules`` example (``TCK-[0-9]{6}``) is added to a node whose files already
hold tickets; publish refuses and names the fix; the fix runs; publish passes. Nothing is edited
by hand, and every command is the installed ``fedlearn``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Node, git, render_toml, telemetry_bytes, write_jsonl

pytestmark = pytest.mark.e2e
TICKET = {"name": "ticket", "pattern": "TCK-[0-9]{6}"}


def ticketed_node(make_node: Callable[..., Node]) -> Node:
    """Return a node that synced events and chats mentioning tickets, before any ticket rule."""
    node = make_node("alpha")
    events = [
        {
            "timestamp": f"2026-02-01T00:00:0{index}Z",
            "value_score": 0.9,
            "error_message": f"deploy blocked by TCK-12345{index}",
            "solution": f"close TCK-12345{index} first, then rerun the deploy",
        }
        for index in range(3)
    ]
    chat = {
        "messages": [
            {"role": "user", "content": "why is TCK-654321 still open?"},
            {"role": "assistant", "content": "TCK-654321 waits for the migration."},
        ]
    }
    write_jsonl(node.telemetry, events)
    write_jsonl(node.dataset, [chat])
    first = node.run("sync").stdout
    assert "re-anonymized" not in first  # a first sync has nothing to rewrite and says nothing
    assert b"TCK-" in telemetry_bytes(node.repo, "alpha")
    return node


def add_ticket_rule(node: Node) -> None:
    """Add the README's extra_rules example to the node's config file."""
    table = node.config_file.read_text()
    node.config_file.write_text(
        table + "\n" + render_toml({"anonymize": {"extra_rules": [TICKET]}})
    )


def data_bytes(repo: Path) -> bytes:
    """Return every byte under data/."""
    return b"".join(p.read_bytes() for p in sorted((repo / "data").rglob("*")) if p.is_file())


def test_publish_refuses_then_passes_after_the_hinted_fix(
    make_node: Callable[..., Node], remote: Path
) -> None:
    """Publish names ``fedlearn sync --reanonymize``; after it, publish pushes no ticket."""
    node = ticketed_node(make_node)
    add_ticket_rule(node)
    refused = node.run("publish", check=False)
    assert refused.returncode == 1
    assert ":ticket" in refused.stderr and "fedlearn sync --reanonymize" in refused.stderr
    answer = json.loads(node.run("sync", "--reanonymize", "--json").stdout)
    assert answer["reanonymized"]["rekeyed"] == 3
    assert b"TCK-" not in data_bytes(node.repo)
    node.run("publish")
    pushed = git(remote, "ls-tree", "-r", "--name-only", "main", "data").split()
    assert any(name.endswith("dataset.jsonl") for name in pushed)
    assert all("TCK-" not in git(remote, "show", f"main:{name}") for name in pushed)


def test_plain_sync_rewrites_after_the_rules_change(make_node: Callable[..., Node]) -> None:
    """The next ordinary sync sees the new fingerprint and rewrites; the one after does nothing."""
    node = ticketed_node(make_node)
    add_ticket_rule(node)
    first = json.loads(node.run("sync", "--json").stdout)
    written = {Path(p).name for p in first["reanonymized"]["files"]}
    assert {"alpha.jsonl", "dataset.jsonl"} <= written
    assert b"TCK-" not in data_bytes(node.repo)
    assert json.loads(node.run("sync", "--json").stdout)["reanonymized"] is None
    forced = node.run("sync", "--reanonymize").stdout
    assert "re-anonymized with the current rules: 0 files rewritten" in forced
    node.run("publish")
