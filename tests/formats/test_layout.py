"""The paths under data/: which node a path belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.formats import layout


@pytest.mark.parametrize(
    ("path", "node"),
    [
        ("patterns/error-solutions/alpha.jsonl", "alpha"),
        ("patterns/error-solutions/alpha/3f.jsonl", "alpha"),
        ("retractions/beta.jsonl", "beta"),
        ("fine-tuning/alpha/dataset.jsonl", "alpha"),
        ("fine-tuning/alpha/snapshots/20260101T000000Z.jsonl", "alpha"),
        ("telemetry/beta.jsonl", "beta"),
        ("telemetry/beta/00000003.jsonl", "beta"),
        ("collections/docs/alpha/20260101T000000Z.manifest.json", "alpha"),
        ("metrics/monthly/2026-01/beta.json", "beta"),
        ("README.md", None),
        ("patterns/error-solutions", None),
        ("retractions/beta.txt", None),
        ("collections/docs/alpha", None),
        ("metrics/monthly/beta.json", None),
    ],
)
def test_owner_names_the_node_a_path_belongs_to(path: str, node: str | None) -> None:
    """Every kind of node file maps to its node, in both pattern layouts; other paths to none."""
    assert layout.owner(path) == node


def test_owner_agrees_with_node_paths(tmp_path: Path) -> None:
    """Each path ``node_paths`` gives for a node (a file, or a file in its folder) is the node's."""
    repo = tmp_path
    for path in layout.node_paths(repo, "alpha"):
        inside = path.relative_to(layout.data_dir(repo)).as_posix()
        assert layout.owner(inside + ("/x" if path.suffix == "" else "")) == "alpha"


def test_telemetry_files_lists_both_layouts_and_only_valid_segments(tmp_path: Path) -> None:
    """Old one-file snapshots and segments of every node; other names and links are left out."""
    folder = layout.data_dir(tmp_path) / "telemetry"
    (folder / "beta").mkdir(parents=True)
    for path in [
        folder / "alpha.jsonl",
        folder / "beta" / "00000002.jsonl",
        folder / "beta" / "x.jsonl",
    ]:
        path.write_text("{}\n")
    (folder / "beta" / "00000001.jsonl").write_text("{}\n")
    (folder / "gamma").symlink_to(folder / "beta")
    found = [p.relative_to(folder).as_posix() for p in layout.telemetry_files(tmp_path)]
    assert found == ["alpha.jsonl", "beta/00000001.jsonl", "beta/00000002.jsonl"]
    assert layout.segment_number(layout.telemetry_segment(tmp_path, "beta", 12)) == 12
