"""Issue 20's "every job works on a migrated repository", end to end.

Two nodes publish with the old-layout version (one pattern file per node and category, one
telemetry file), then this version runs every job that reads or writes the repository on it: on
the node that migrates at its sync and on the node that has not migrated yet, which reads both
layouts.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.formats import layout
from tests.conftest import Node, write_jsonl
from tests.e2e.test_convergence import OLD_LAYOUT_COMMIT, event, merged_view, old_version

pytestmark = pytest.mark.e2e


def old_layout_files(node: Node, owner: str) -> list[str]:
    """Return the old-layout pattern files of ``owner`` in ``node``'s clone."""
    return [
        category
        for category in config.CATEGORIES
        if layout.pattern_file(node.repo, category, owner).exists()
    ]


def answer(node: Node, *args: str) -> dict[str, object]:
    """Run a job of this version with ``--json``; it must exit 0; return its answer."""
    found: dict[str, object] = json.loads(node.run(*args, "--json", "-q").stdout)
    return found


def test_every_job_runs_on_a_repository_the_old_layout_version_wrote(
    make_node: Callable[..., Node], tmp_path: Path
) -> None:
    """Each job exits 0; the migration keeps the merged view; import and retraction reach peers."""
    old = old_version(tmp_path / "old")
    if old is None:
        pytest.skip(f"needs the git history (commit {OLD_LAYOUT_COMMIT}) to run the old version")
    alpha, beta = (make_node(name, pull={"import_after": False}) for name in ("alpha", "beta"))
    rng = random.Random(20)

    def run_old(node: Node, *args: str) -> None:
        command = [sys.executable, "-m", "fedlearn", *args, "-q", "--config", str(node.config_file)]
        process = subprocess.run(command, env=old, capture_output=True, text=True, cwd=node.root)
        assert process.returncode == 0, f"old fedlearn {args}: {process.stderr}"

    for node, numbers in ((alpha, range(0, 9)), (beta, range(6, 15))):
        write_jsonl(node.telemetry, [event(n, 0, rng) for n in numbers])
        run_old(node, "sync")
        run_old(node, "publish")
    run_old(alpha, "pull")
    assert (
        old_layout_files(alpha, "alpha") == old_layout_files(alpha, "beta") == [*config.CATEGORIES]
    )
    view = merged_view(alpha)
    assert sum(len(table) for table in view.values()) == 15

    # alpha: every job, the migration at its sync, committed by its publish
    assert answer(alpha, "status")["job"] == "status"
    alpha.run("doctor", "-q")  # exit 1 if anything under data/ is ignored
    alpha.run("sync", "-q")
    changes = answer(alpha, "publish")["changes"]
    assert isinstance(changes, list)
    assert ["D", str(layout.pattern_file(Path(), "error-solutions", "alpha"))] in changes
    assert old_layout_files(alpha, "alpha") == []
    assert merged_view(alpha) == view
    alpha.run("pull", "-q")
    imported = answer(alpha, "import")
    assert imported["imported"] == 15 and imported["failed"] == 0
    alpha.run("export", "-q")
    alpha.run("scan", "-q")
    alpha.run("metrics", "-q", "--output", str(tmp_path / "alpha.prom"))
    alpha.run("doctor", "-q")
    only_alpha = next(
        i for table in view.values() for i, r in table.items() if r["seen"] == {"alpha": 1}
    )
    alpha.run("retract", only_alpha, "--reason", "wrong", "-q")
    alpha.run("publish", "-q")

    # beta has not migrated: it reads alpha's shards beside its own old files
    beta.run("pull", "-q")
    assert old_layout_files(beta, "beta") == [*config.CATEGORIES]
    assert old_layout_files(beta, "alpha") == []
    imported = answer(beta, "import")
    assert imported["imported"] == 14 and imported["failed"] == 0
    assert answer(beta, "status")["job"] == "status"
    beta.run("doctor", "-q")
    without = {c: {i: r for i, r in t.items() if i != only_alpha} for c, t in view.items()}
    assert merged_view(beta) == without
    beta.run("sync", "-q")
    beta.run("publish", "-q")
    alpha.run("pull", "-q")
    assert old_layout_files(alpha, "beta") == []
    assert merged_view(alpha) == merged_view(beta) == without
