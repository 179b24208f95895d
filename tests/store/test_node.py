"""The node id: configured, else derived from the machine id, else random and kept; never a hostname."""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path

from fedlearn.config import NODE_ID_PATTERN
from fedlearn.store import node


def test_resolve_prefers_the_configured_id(tmp_path: Path) -> None:
    """A configured node id is used as it is."""
    assert node.resolve("laptop", tmp_path, tmp_path / "machine-id") == "laptop"


def test_resolve_derives_the_id_from_the_machine_id(tmp_path: Path) -> None:
    """Without a configured id, it is 12 hex digits of sha256("fedlearn-node:" + machine id)."""
    machine_id = tmp_path / "machine-id"
    machine_id.write_text("0123456789abcdef0123456789abcdef\n")
    expected = hashlib.sha256(b"fedlearn-node:0123456789abcdef0123456789abcdef").hexdigest()[:12]
    assert node.resolve("", tmp_path, machine_id) == expected
    assert NODE_ID_PATTERN.fullmatch(expected)


def test_resolve_makes_a_random_id_once_and_keeps_it(tmp_path: Path) -> None:
    """With no machine id, a random id is made, kept in the state dir, and used from then on."""
    state = tmp_path / "state"
    first = node.resolve("", state, tmp_path / "no-machine-id")
    assert NODE_ID_PATTERN.fullmatch(first)
    assert (state / "node-id").read_text().strip() == first
    assert node.resolve("", state, tmp_path / "no-machine-id") == first


def test_resolve_never_uses_the_hostname(tmp_path: Path) -> None:
    """Whatever path it takes, the id is not this machine's host name."""
    assert node.resolve("", tmp_path, tmp_path / "missing") != socket.gethostname()
