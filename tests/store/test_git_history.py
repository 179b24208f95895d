"""Git's history questions on real temporary repositories: ancestry, counts, what changed."""

from __future__ import annotations

from pathlib import Path

from fedlearn.store import git_history
from tests.conftest import git
from tests.store.conftest import commit_file


def test_changed_paths_lists_files_between_commits(repo: Path) -> None:
    """Only paths under the given folder that differ between the commits are listed."""
    old = git(repo, "rev-parse", "HEAD").strip()
    commit_file(repo, "data/a.jsonl", "1\n")
    new = commit_file(repo, "other.txt", "2\n")
    assert git_history.changed_paths(repo, old, new, "data") == ["data/a.jsonl"]
    assert git_history.changed_paths(repo, new, new, "data") == []


def test_is_ancestor_and_merge_base_follow_the_commit_graph(repo: Path) -> None:
    """An older commit is an ancestor of a newer one, not the reverse; two branches meet at the fork."""
    fork = git(repo, "rev-parse", "HEAD").strip()
    ours = commit_file(repo, "a.txt", "1\n")
    git(repo, "switch", "-q", "-c", "side", fork)
    theirs = commit_file(repo, "b.txt", "2\n")
    assert git_history.is_ancestor(repo, fork, ours)
    assert not git_history.is_ancestor(repo, ours, fork)
    assert git_history.merge_base(repo, ours, theirs) == fork
    assert git_history.merge_base(repo, None, theirs) is None


def test_ahead_and_ahead_behind_count_both_sides(repo: Path) -> None:
    """HEAD two commits past the fork and the other side one: (2, 1); an unknown ref gives None."""
    fork = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "switch", "-q", "-c", "side")
    commit_file(repo, "b.txt", "2\n")
    git(repo, "switch", "-q", "main")
    commit_file(repo, "a.txt", "1\n")
    commit_file(repo, "c.txt", "3\n")
    assert git_history.ahead(repo, fork) == 2
    assert git_history.ahead_behind(repo, "side") == (2, 1)
    assert git_history.ahead_behind(repo, "no-such-ref") is None


def test_resolve_names_commits_only(repo: Path) -> None:
    """A branch resolves to its commit; a missing ref and a blob resolve to None."""
    head = commit_file(repo, "a.txt", "1\n")
    assert git_history.resolve(repo, "main") == head
    assert git_history.resolve(repo, "no-such-ref") is None
    assert git_history.resolve(repo, "HEAD:a.txt") is None


def test_changed_since_takes_commits_edits_and_untracked_files(repo: Path) -> None:
    """Committed since, modified in the work tree and untracked files under the folder all count."""
    start = commit_file(repo, "data/kept.jsonl", "1\n")
    commit_file(repo, "data/committed.jsonl", "2\n")
    (repo / "data" / "kept.jsonl").write_text("edited\n")
    (repo / "data" / "new.jsonl").write_text("3\n")
    (repo / "outside.txt").write_text("4\n")
    found = git_history.changed_since(repo, start, "data")
    assert found == {"data/committed.jsonl", "data/kept.jsonl", "data/new.jsonl"}
    assert git_history.changed_since(repo, "0" * 40, "data") is None


def test_diff_paths_names_both_sides_of_a_rename_and_none_for_an_unknown_commit(
    repo: Path,
) -> None:
    """A rename is a deletion and an addition; a commit git does not have gives None."""
    start = commit_file(repo, "data/a.jsonl", "1\n")
    git(repo, "mv", "data/a.jsonl", "data/b.jsonl")
    git(repo, "commit", "-q", "-m", "renamed")
    new = commit_file(repo, "outside.txt", "2\n")
    assert git_history.diff_paths(repo, start, new, "data") == ["data/a.jsonl", "data/b.jsonl"]
    assert git_history.diff_paths(repo, "0" * 40, new, "data") is None


def test_worktree_paths_takes_edits_deletions_and_untracked_files_of_the_pathspecs(
    repo: Path,
) -> None:
    """Only the work tree's changes the pathspecs match, against HEAD, are named."""
    commit_file(repo, "data/mine/a.jsonl", "1\n")
    commit_file(repo, "data/mine/b.jsonl", "2\n")
    commit_file(repo, "data/theirs/a.jsonl", "3\n")
    (repo / "data" / "mine" / "a.jsonl").write_text("edited\n")
    (repo / "data" / "mine" / "b.jsonl").unlink()
    (repo / "data" / "mine" / "c.jsonl").write_text("new\n")
    (repo / "data" / "theirs" / "a.jsonl").write_text("edited\n")
    found = git_history.worktree_paths(repo, ":(glob)data/mine/**")
    assert found == ["data/mine/a.jsonl", "data/mine/b.jsonl", "data/mine/c.jsonl"]
    assert git_history.worktree_paths(repo, ":(glob)data/nobody/**") == []


def test_history_patches_holds_every_refs_messages_and_patches(repo: Path) -> None:
    """A commit on a side branch is in the history too, with its message and its added line."""
    git(repo, "switch", "-q", "-c", "side")
    commit_file(repo, "side.txt", "a line only the side has\n")
    git(repo, "switch", "-q", "main")
    patches = git_history.history_patches(repo)
    assert "change side.txt" in patches and "+a line only the side has" in patches


def test_fork_point_counts_from_what_the_tracking_ref_once_named(repo: Path) -> None:
    """After the tracking ref is forced to a rewritten history, the fork point is the commit it
    named before (its reflog), not the merge base; without a reflog entry it is the merge base,
    and with nothing in common this node's own HEAD (nothing to replay)."""
    first = git(repo, "rev-parse", "HEAD").strip()
    taken = commit_file(repo, "theirs.txt", "1\n")
    ref = "refs/remotes/origin/main"
    git(repo, "update-ref", "--create-reflog", "-m", "fetch", ref, taken)
    mine = commit_file(repo, "mine.txt", "2\n")
    git(repo, "switch", "-q", "-c", "rewritten", first)
    rewritten = commit_file(repo, "forged.txt", "3\n")
    git(repo, "switch", "-q", "main")
    git(repo, "update-ref", "-m", "forced", ref, rewritten)
    assert git_history.fork_point(repo, ref, mine, rewritten) == taken
    assert git_history.fork_point(repo, "refs/remotes/none/main", mine, rewritten) == first
    git(repo, "switch", "-q", "--orphan", "unrelated")
    unrelated = commit_file(repo, "other.txt", "4\n")
    assert git_history.fork_point(repo, "refs/remotes/none/main", mine, unrelated) == mine
    assert git_history.fork_point(repo, ref, None, rewritten) is None
