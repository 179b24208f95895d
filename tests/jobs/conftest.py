"""Shared setup for the job tests: a pattern learned as sync would write it."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from fedlearn.formats import layout
from fedlearn.formats.records import Pattern
from fedlearn.learn import patterns
from fedlearn.store import atomic
from tests.conftest import Node

SEEN_AT = "2026-01-02T03:04:05Z"


def learn(node: Node, category: str, text: str) -> Pattern:
    """Add one pattern to ``node``'s own file, as sync would, and return it."""
    fields = {"error_message": text, "solution": f"fix for {text}"}
    pattern = patterns.build(category, fields, 0.9, SEEN_AT, node.name)
    path = layout.pattern_file(node.repo, category, node.name)
    atomic.write(path, patterns.encode(patterns.join_all([*patterns.read(path), pattern])))
    return pattern


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """Mount a 1 MiB tmpfs (skipped with the reason when mounting is not permitted)."""
    mount = tmp_path / "small"
    mount.mkdir()
    process = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs: {process.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
