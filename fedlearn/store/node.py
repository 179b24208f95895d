"""The node id (DESIGN.md "Vocabulary"): pseudonymous, never a hostname.

A configured name, else the first 12 hex of sha256("fedlearn-node:" + /etc/machine-id), else a
random id made once and kept in the state dir.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from fedlearn.store import atomic

MACHINE_ID = Path("/etc/machine-id")


def from_machine_id(machine_id: str) -> str:
    """Return the node id derived from a machine id."""
    digest = hashlib.sha256(f"fedlearn-node:{machine_id.strip()}".encode()).hexdigest()
    return digest[:12]


def resolve(configured: str, state_dir: Path, machine_id_file: Path = MACHINE_ID) -> str:
    """Return the configured node id, else the machine-id derived one, else the kept random one."""
    if configured:
        return configured
    try:
        machine_id = machine_id_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        machine_id = ""
    if machine_id:
        return from_machine_id(machine_id)
    kept = state_dir / "node-id"
    try:
        return kept.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        made = secrets.token_hex(6)
        kept.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(kept, made.encode() + b"\n")
        return made
