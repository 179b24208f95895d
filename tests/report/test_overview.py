"""What status prints and metrics exports, gathered from a real clone and state dir."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import msgspec

from fedlearn.formats import layout
from fedlearn.learn import patterns
from fedlearn.report import overview, tally_files
from fedlearn.store import atomic, peer_files, refusal_log, state
from tests.conftest import Node, git

SEEN_AT = "2026-01-02T03:04:05Z"


def learn(repo: Path, node: str, category: str, text: str) -> None:
    """Add one pattern to ``node``'s file of ``category`` in ``repo``."""
    fields = {"error_message": text, "solution": f"fix for {text}"}
    pattern = patterns.build(category, fields, 0.9, SEEN_AT, node)
    path = layout.pattern_file(repo, category, node)
    atomic.write(path, patterns.encode(patterns.join_all([*patterns.read(path), pattern])))


def commit_all(repo: Path, message: str) -> None:
    """Commit everything in ``repo`` with plain git."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_backlog_pending_is_the_whole_file_once_it_was_replaced() -> None:
    """Unread bytes are size minus offset; a file shorter than the offset was replaced: all of it."""
    assert overview.Backlog("t.jsonl", size=100, offset=40).pending == 60
    assert overview.Backlog("t.jsonl", size=100, offset=100).pending == 0
    assert overview.Backlog("t.jsonl", size=30, offset=40).pending == 30


def test_quarantined_counts_lines_by_reason(tmp_path: Path) -> None:
    """A record of joined bad lines counts its ``lines``; a line that does not decode is unknown."""
    store = state.StateDir(tmp_path / "state")
    folder = store.root / "quarantine"
    folder.mkdir(parents=True)
    (folder / "a.jsonl").write_text(
        '{"reason": "too-long"}\n{"reason": "not-json", "lines": 3}\nnot a record\n'
    )
    (folder / "b.jsonl").write_text('{"reason": "too-long"}\n')
    (folder / "c.txt").write_text('{"reason": "ignored"}\n')
    assert overview.quarantined(store) == {"not-json": 3, "too-long": 2, "unknown": 1}
    assert overview.quarantined(state.StateDir(tmp_path / "none")) == {}


def test_git_state_counts_ahead_and_behind_the_fetched_branch(
    make_node: Callable[..., Node], tmp_path: Path
) -> None:
    """Two commits ahead, one behind origin/main once fetched; no work tree: is_repo only."""
    alpha, beta = make_node("alpha"), make_node("beta")
    (beta.repo / "b.txt").write_text("b\n")
    commit_all(beta.repo, "beta")
    git(beta.repo, "push", "-q", "origin", "main")
    for name in ("a1.txt", "a2.txt"):
        (alpha.repo / name).write_text("a\n")
        commit_all(alpha.repo, name)
    git(alpha.repo, "fetch", "-q", "origin")
    found = overview.git_state(alpha.repo, "origin", "main")
    assert found == overview.GitState(
        is_repo=True, branch="main", upstream="origin/main", ahead=2, behind=1
    )
    unknown = overview.git_state(alpha.repo, "origin", "elsewhere")
    assert unknown.upstream is msgspec.UNSET and unknown.branch == "main"
    (tmp_path / "plain").mkdir()
    assert overview.git_state(tmp_path / "plain", "origin", "main") == overview.GitState(
        is_repo=False
    )


def test_merged_counts_are_kept_until_a_commit_changes_the_patterns(node: Node) -> None:
    """
    The counts are read from the state dir while HEAD and this node's own files stay as they
    were (``tally``), and brought forward once a commit changes them.
    """
    cfg = node.config()
    store = state.StateDir(cfg.state_path)
    learn(node.repo, "beta", "error-solutions", "disk full")
    learn(node.repo, "gamma", "error-solutions", "oom")
    commit_all(node.repo, "two nodes")
    assert overview.merged_counts(cfg, store).merged["error-solutions"] == 2
    path = store.root / "cache" / "merged" / "index.msgpack"
    data = path.read_bytes()
    kept = msgspec.msgpack.decode(data, type=tally_files.Index)
    path.write_bytes(msgspec.msgpack.encode(msgspec.structs.replace(kept, counts={})))
    assert overview.merged_counts(cfg, store).merged["error-solutions"] == 0
    path.write_bytes(data)
    learn(node.repo, "beta", "error-solutions", "timeout")
    commit_all(node.repo, "one more")
    assert overview.merged_counts(cfg, store).merged["error-solutions"] == 3


def test_month_totals_add_up_the_months_and_pass_over_a_damaged_one(tmp_path: Path) -> None:
    """
    Every month's totals add up key by key; a month that does not decode, or a folder that is no
    month, is refused and passed over.
    """
    root = layout.data_dir(tmp_path) / "metrics" / "monthly"
    for month, totals in (("2026-01", {"events": 2, "by": {"x": 1}}), ("2026-02", {"events": 3})):
        (root / month).mkdir(parents=True)
        (root / month / "alpha.json").write_text(json.dumps({"totals": totals}))
    (root / "2026-03").mkdir()
    (root / "2026-03" / "alpha.json").write_text("{damaged")
    (root / "notes").mkdir()
    (root / "notes" / "alpha.json").write_text(json.dumps({"totals": {"events": 100}}))
    peer_files.forget()
    try:
        assert overview.month_totals(tmp_path, "alpha") == {"by": {"x": 1}, "events": 5}
        assert [r.path for r in refusal_log.refusals()] == [
            "data/metrics/monthly/2026-03/alpha.json",
            "data/metrics/monthly/notes",
        ]
    finally:
        peer_files.forget()


def test_latest_snapshots_takes_the_newest_stamp_per_collection(tmp_path: Path) -> None:
    """Per collection, this node's newest stamped snapshot; another node's do not count."""
    for collection, node, stamp in (
        ("skills", "alpha", "20260101T000000Z"),
        ("skills", "alpha", "20260102T000000Z"),
        ("skills", "beta", "20260105T000000Z"),
        ("docs", "beta", "20260101T000000Z"),
    ):
        folder = layout.collection_dir(tmp_path, collection, node)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stamp}.jsonl").write_text("{}\n")
    assert overview.latest_snapshots(tmp_path, "alpha") == {"skills": "20260102T000000Z"}


def test_gather_without_a_work_tree_reports_no_repo_facts(node: Node) -> None:
    """A repo that is not a git work tree gives no git, pattern, snapshot or totals facts."""
    cfg = node.config()
    git_dir = node.repo / ".git"
    git_dir.rename(node.root / "moved-git")
    found = overview.gather(cfg)
    assert found.git == overview.GitState(is_repo=False)
    assert found.patterns_node == {} and found.patterns_merged == {}
    assert found.snapshots == {} and found.totals == {}
    assert set(found.runs) >= {"sync", "publish"} and found.locks == {}
